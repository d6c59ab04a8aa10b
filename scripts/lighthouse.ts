/**
 * `npm run lighthouse [-- /path/ ...]`: Lighthouse (mobile) on the pages in gates.config.json
 * (or the paths given), served from dist/. Prints the four scores per page and exits 1 unless
 * every page meets lighthouse.minScores (performance >= 95, accessibility 100, best-practices and SEO >= 95).
 *
 * The bench script can import runLighthouse / belowMinimum from ./gates/lighthouse.ts.
 */
import { DIST, requireDist } from './gates/site.ts';
import { CATEGORIES, belowMinimum, runLighthouse } from './gates/lighthouse.ts';

export { belowMinimum, runLighthouse };

async function main(): Promise<number> {
  const dir = requireDist(DIST);
  const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
  const results = await runLighthouse({ dir, ...(paths.length ? { paths } : {}) });
  console.log(['page'.padEnd(28), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
  for (const r of results) console.log([r.path.padEnd(28), ...CATEGORIES.map((c) => String(r.scores[c]).padStart(15))].join(''));
  const failures = belowMinimum(results);
  if (failures.length) {
    console.error(`\nLighthouse below minimum (gates.config.json lighthouse.minScores):\n  ${failures.join('\n  ')}`);
    for (const r of results) for (const a of r.failedAudits) console.error(`  ${r.path} ${a}`);
    return 1;
  }
  console.log('\nLighthouse: all pages meet the minimum scores.');
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
