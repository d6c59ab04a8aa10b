/** The inspection charts, over the generated data (run `npm run data:build` first). */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['inspections', 'geography']);
const { timelineTitle } = await import('../../src/charts/inspections.ts');
const { wrapLines: wrap } = await import('../../src/charts/svg.ts');

describe('timeline helpers', () => {
  it('wraps text at word boundaries within the width', () => {
    expect(wrap('Sufficient progress on none of the weaknesses (0 of 9)', 36)).toEqual(['Sufficient progress on none of the', 'weaknesses (0 of 9)']);
    for (const line of wrap('About 18 months after outcome 3; monitoring visits are not in this data', 36)) expect(line.length).toBeLessThanOrEqual(36);
  });
  it('keeps titles to 10 words, falling back for long area names', () => {
    expect(timelineTitle('Kent', 'not-yet')).toBe('Kent: due a full inspection under the 2023 framework');
    expect(timelineTitle('Bath and North East Somerset', 'not-yet').split(/\s+/).length).toBeLessThanOrEqual(10);
  });
});

describe('inspection charts over the generated data', async () => {
  const { chart } = await import('../../src/charts/registry.ts');
  const { checkSpec } = await import('../../src/charts/types.ts');
  const { chartSvg } = await import('../../src/charts/render.ts');
  const { geo } = await import('../../src/read/site.ts');

  it('every one of the 153 areas has a timeline that starts with a first-framework inspection and ends with the next expected', () => {
    expect(geo.areas).toHaveLength(153);
    for (const a of geo.areas) {
      const spec = checkSpec(chart('inspections-timeline', a.slug));
      expect(spec.rows[0]!.event, a.name).toMatch(/^Inspection/);
      expect(String(spec.rows.at(-1)!.event)).toMatch(/Full inspection due|Next full inspection expected|Full inspection overdue/);
      expect(spec.svg).toMatch(/^<svg [^>]*viewBox="0 0 640 \d+"/);
      expect(spec.phoneSvg).toMatch(/^<svg [^>]*viewBox="0 0 344 \d+"/);
      expect(spec.summary).toMatch(/^Timeline of \d+ entries, oldest first: /);
    }
  });

  it('labels an inherited inspection with the predecessor’s name', () => {
    const spec = chart('inspections-timeline', 'west-northamptonshire');
    expect(spec.rows[0]).toMatchObject({ event: 'Inspection (as Northamptonshire)' });
    expect(spec.notes.join(' ')).toMatch(/West Northamptonshire was part of Northamptonshire until April 2021/);
    expect(chart('inspections-timeline', 'bournemouth-christchurch-and-poole').rows[0]).toMatchObject({ event: 'Inspection' });
  });

  it('national charts render to SVG with a text alternative and rows that add up', () => {
    for (const id of ['inspections-wsoa-by-year', 'inspections-outcomes-by-year', 'inspections-latest-by-region']) {
      const spec = checkSpec(chart(id, 'england'));
      expect(chartSvg(spec)).toMatch(/<svg[^>]*viewBox=/);
      expect(spec.summary.length).toBeGreaterThan(40);
    }
    const regions = chart('inspections-latest-by-region', 'england').rows as Record<string, number>[];
    expect(regions.reduce((n, r) => n + r.areas!, 0)).toBe(153);
    for (const r of regions) expect(r.outcome_1! + r.outcome_2! + r.outcome_3! + r.not_yet!).toBe(r.areas);
    const years = chart('inspections-outcomes-by-year', 'england').rows as Record<string, number | string>[];
    expect(years.find((r) => r.year === '2023')).toMatchObject({ outcome_1: 7, outcome_2: 11, outcome_3: 8 });
  });
});
