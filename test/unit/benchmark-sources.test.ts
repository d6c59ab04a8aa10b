/**
 * A chart's source line names the release its figures come from (over the generated data;
 * run `npm run build` or `npm run data:build` first). The appeal-rate benchmark and compare row
 * show 2025, published only in the June 2026 tribunal table: citing the June 2025 table was wrong.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';

if (!existsSync(`${PROJECT_ROOT}src/generated/tribunal.json`)) throw new Error('src/generated/tribunal.json is missing: run `npm run build` (or `npm run data:build`) first');

describe('benchmark source lines', async () => {
  const km = await import('../../src/read/measures.ts');
  const { benchmarkSpec } = await import('../../src/charts/benchmark.ts');
  const { tribunalExtras } = await import('../../src/read/send-data.ts');

  it('the appeal-rate chart cites the release that published the year it shows', () => {
    const spec = benchmarkSpec(km.appealRate, 'coventry');
    const year = /\b(20\d\d)\b/.exec(spec.subtitle)![1]!;
    const release = tribunalExtras.releases.releaseOf[Number(year) as unknown as string]!;
    expect(release).toBeTruthy();
    expect(`${spec.source}, ${spec.release}`).toContain(`${release} release for`);
    expect(spec.release).toMatch(new RegExp(`${release} release for \\d{4} to ${year}\\b`));
  });
});
