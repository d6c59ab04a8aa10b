/**
 * Compare two build outputs byte for byte: `tsx scripts/compare-dirs.ts A B`.
 * Lists every differing / missing file; exits 1 if the trees differ, 2 on bad usage.
 */
import path from 'node:path';
import { compareDirs, firstDifference, isSame } from './gates/compare.ts';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: tsx scripts/compare-dirs.ts DIR_A DIR_B');
  process.exit(2);
}
const diff = compareDirs(a, b);
if (isSame(diff)) {
  console.log(`identical: ${a} and ${b}`);
  process.exit(0);
}
for (const f of diff.onlyInA) console.log(`only in ${a}: ${f}`);
for (const f of diff.onlyInB) console.log(`only in ${b}: ${f}`);
const textual = /\.(html|css|js|json|xml|csv|txt|svg|mjs)$/;
for (const f of diff.different) {
  console.log(`differs: ${f}`);
  if (textual.test(f)) console.log(`  ${firstDifference(path.join(a, f), path.join(b, f))}`);
}
console.log(`${diff.different.length} differing, ${diff.onlyInA.length} only in A, ${diff.onlyInB.length} only in B`);
process.exit(1);
