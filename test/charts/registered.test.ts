/**
 * Every registered chart (every factory in CHARTS) drawn for a fixed set of keys per scope, desktop
 * and phone, against golden SVGs in output/registered/<id>.<key>[.phone].svg.
 *
 * Unlike the chart-type goldens beside this file (small hand-made fixtures), these are drawn from
 * the built data in src/generated: they pin what the site shows for real areas, and change when the
 * data changes as well as when a chart does. The test iterates CHARTS, so a newly registered chart
 * has no golden and fails in CI (CI=true) until its goldens are written and committed.
 *
 * Keys, chosen to exercise each chart's cases (the first of each list the chart offers):
 * - area: a normal area (coventry); an area with suppressed or small figures (isles-of-scilly,
 *   city-of-london); a reorganised area (north-yorkshire, cumberland, west-northamptonshire);
 * - region: west-midlands (coventry's region), else the chart's first region;
 * - national: england.
 */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';
import { join } from 'node:path';
import { OUTPUT_DIR, checkGolden } from './golden.ts';

requireGenerated(['geography', 'catalogue', 'ehcp', 'tribunal', 'outcomes', 'inspections', 'absence-sen', 'absence-lait', 'absence-meta', 'absence-bands', 'money', 'sen-prevalence', 'map']);

const { CHARTS, chart } = await import('../../src/charts/registry.ts');
const { chartSvg, chartPhoneSvg } = await import('../../src/charts/render.ts');
type ChartFactory = (typeof CHARTS)[number];

const REGISTERED_DIR = join(OUTPUT_DIR, 'registered');

/** Candidate keys per case, by scope; a case uses the first candidate the chart has. */
const CASES: Record<ChartFactory['scope'], Record<string, readonly string[]>> = {
  area: {
    normal: ['coventry'],
    suppressed: ['isles-of-scilly', 'city-of-london'],
    reorganised: ['north-yorkshire', 'cumberland', 'west-northamptonshire'],
  },
  region: { region: ['west-midlands'] },
  national: { national: ['england'] },
};

/** The keys drawn for a chart: one per case it has a candidate for (a region chart falls back to its first key). */
function goldenKeys(f: ChartFactory): string[] {
  const keys = new Set(f.keys());
  const out: string[] = [];
  for (const candidates of Object.values(CASES[f.scope])) {
    const k = candidates.find((c) => keys.has(c));
    if (k && !out.includes(k)) out.push(k);
  }
  if (out.length === 0 && f.scope === 'region' && keys.size > 0) out.push(f.keys()[0]!);
  return out;
}

describe('golden SVGs of every registered chart (from the built data)', () => {
  it('every factory has at least one key to draw, and the normal case for its scope', () => {
    for (const f of CHARTS) {
      const keys = goldenKeys(f);
      expect(keys.length, `${f.id}: none of its keys is a golden case`).toBeGreaterThan(0);
      if (f.scope === 'area') expect(keys, f.id).toContain('coventry');
      if (f.scope === 'national') expect(keys, f.id).toEqual(['england']);
    }
  });

  it('picks keys by case and finds none for a chart offering none of them (which the check above fails)', () => {
    const fake = (scope: ChartFactory['scope'], keys: string[]): ChartFactory => ({ id: 'fake', scope, keys: () => keys, make: () => { throw new Error('not drawn'); } });
    expect(goldenKeys(fake('area', ['barnet', 'city-of-london', 'coventry', 'cumberland', 'west-northamptonshire']))).toEqual(['coventry', 'city-of-london', 'cumberland']);
    expect(goldenKeys(fake('area', ['barnet']))).toEqual([]);
    expect(goldenKeys(fake('region', ['north-east', 'london']))).toEqual(['north-east']);
    expect(goldenKeys(fake('national', ['wales']))).toEqual([]);
  });

  for (const f of CHARTS) {
    describe(f.id, () => {
      for (const key of goldenKeys(f)) {
        it(`${key}: desktop and phone drawings match output/registered/${f.id}.${key}[.phone].svg`, () => {
          const spec = chart(f.id, key);
          const desktop = chartSvg(spec);
          const phone = chartPhoneSvg(spec);
          expect(desktop).toMatch(/^<svg\b/);
          // Both drawings are checked (and a changed one written beside its golden) before failing.
          const errors = [checkGolden, checkGolden].flatMap((check, i) => {
            try {
              check(`${f.id}.${key}${i ? '.phone' : ''}`, i ? phone : desktop, REGISTERED_DIR);
              return [];
            } catch (e) {
              return [(e as Error).message];
            }
          });
          if (errors.length) throw new Error(errors.join('\n'));
        });
      }
    });
  }
});
