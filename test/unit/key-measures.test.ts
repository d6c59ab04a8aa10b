/** The key-measures registry the compare views use, over the generated data (run `npm run data:build` first). */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['inspections', 'ehcp', 'tribunal', 'outcomes', 'absence-sen', 'geography']);

describe('key measures over the generated data', async () => {
  const km = await import('../../src/read/measures.ts');
  const { areaInspections, eventsOf } = await import('../../src/read/inspections-data.ts');
  const { geo } = await import('../../src/read/site.ts');

  it('the inspection outcome measure ends at each area’s latest 2023-framework outcome, and is empty exactly when the area is not yet inspected', () => {
    let inspected = 0;
    for (const area of geo.areas) {
      const a = areaInspections(area.slug);
      const series = km.inspectionOutcome.series(area);
      const last = series.at(-1);
      if (a.latestClass === 'not-yet') expect(series, area.name).toEqual([]);
      else {
        inspected++;
        expect(`outcome-${last!.value}`, area.name).toBe(a.latestClass);
        expect(km.latestInWords(km.inspectionOutcome, area).text).toMatch(/^Outcome [123]: /);
      }
      const periods = series.map((p) => p.period);
      expect([...periods].sort(), `${area.name} periods oldest first`).toEqual(periods);
    }
    expect(inspected).toBeGreaterThan(0);
    expect(inspected).toBeLessThan(153);
  });

  it('the first-cycle WSOA measure is 1 exactly when the first inspection required a written statement of action, and keeps a predecessor’s label', () => {
    let yes = 0;
    for (const area of geo.areas) {
      const first = eventsOf(areaInspections(area.slug)).filter((e) => e.kind === 'first-inspection');
      const series = km.firstCycleWsoa.series(area);
      expect(series.map((p) => p.value), area.name).toEqual(first.map((e) => (e.wsoaRequired ? 1 : 0)));
      yes += series.filter((p) => p.value === 1).length;
    }
    expect(yes).toBeGreaterThan(0);
    const wn = geo.areas.find((a) => a.slug === 'west-northamptonshire')!;
    expect(km.firstCycleWsoa.series(wn)[0]!.note).toMatch(/Northamptonshire/);
    expect(km.firstCycleWsoa.display({ period: '2017', value: 1 })).toBe('Yes');
    expect(km.firstCycleWsoa.display({ period: '2017', value: 0 })).toBe('No');
    expect(km.firstCycleWsoa.display({ period: '2017', value: null, symbol: 'c' })).toBe('c');
  });

  it('compareData carries every area and measure, each point with its words; a new measure is one more registry entry', () => {
    const extra: typeof km.inspectionOutcome = {
      ...km.inspectionOutcome,
      id: 'test-measure',
      display: (p) => (p.value === null ? `symbol ${p.symbol}` : `v${p.value}`),
      series: (area) => (area.slug === 'kent' ? [{ period: '202324', value: null, symbol: 'c' }, { period: '202425', value: 7 }] : []),
    };
    const d = km.compareData(geo, [...km.KEY_MEASURES, extra]);
    expect(d.areas).toHaveLength(153);
    expect(d.maxAreas).toBe(6);
    expect(d.measures.map((m) => m.id)).toEqual([...km.KEY_MEASURES.map((m) => m.id), 'test-measure']);
    const m = d.measures.at(-1)!;
    expect(Object.keys(m.series)).toHaveLength(153);
    // A symbol stays a symbol: value null, never 0.
    expect(m.series.kent).toEqual([
      ['202324', null, 'symbol c', '2023/24'],
      ['202425', 7, 'v7', '2024/25'],
    ]);
    const warks = geo.areas.find((a) => a.slug === 'warwickshire')!;
    expect(d.areas.find((a) => a.slug === 'warwickshire')!.neighbours).toEqual(warks.neighbours.map((n) => geo.area(n.laCode).slug));
  });
});
