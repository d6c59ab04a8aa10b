/** Byte-for-byte comparison of two directory trees (reproducible-build gate). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { walk } from './site.ts';

export interface DirDiff {
  onlyInA: string[];
  onlyInB: string[];
  different: string[];
}

export function compareDirs(a: string, b: string): DirDiff {
  for (const d of [a, b]) if (!existsSync(d) || !statSync(d).isDirectory()) throw new Error(`not a directory: ${d}`);
  const fa = walk(a);
  const fb = walk(b);
  const setB = new Set(fb);
  const setA = new Set(fa);
  const different: string[] = [];
  for (const f of fa) {
    if (!setB.has(f)) continue;
    const x = readFileSync(path.join(a, f));
    const y = readFileSync(path.join(b, f));
    if (!x.equals(y)) different.push(f);
  }
  return { onlyInA: fa.filter((f) => !setB.has(f)), onlyInB: fb.filter((f) => !setA.has(f)), different };
}

export function isSame(d: DirDiff): boolean {
  return d.onlyInA.length + d.onlyInB.length + d.different.length === 0;
}

/** First differing line of two text files, for a readable report. */
export function firstDifference(fileA: string, fileB: string): string {
  const a = readFileSync(fileA, 'utf8').split('\n');
  const b = readFileSync(fileB, 'utf8').split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n    A: ${(a[i] ?? '<eof>').slice(0, 200)}\n    B: ${(b[i] ?? '<eof>').slice(0, 200)}`;
  }
  return 'same text, different bytes';
}
