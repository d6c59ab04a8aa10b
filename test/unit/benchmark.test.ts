/** Neighbour benchmark charts (issue 14), over the generated data (run `npm run data:build` first). */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['ehcp', 'tribunal', 'outcomes', 'inspections', 'absence-sen', 'geography']);

describe('neighbour benchmark charts', async () => {
  const km = await import('../../src/read/measures.ts');
  const { benchmarkSpec, benchmarkFactory } = await import('../../src/charts/benchmark.ts');
  const { checkSpec } = await import('../../src/charts/types.ts');
  const { geo } = await import('../../src/read/site.ts');

  it('every measure gives every area a valid chart: area and 10 neighbours by name, England and region rows, polarity in words', () => {
    for (const m of km.BENCHMARK_MEASURES) {
      for (const area of geo.areas) {
        const spec = checkSpec(benchmarkSpec(m, area.slug));
        const names = spec.rows.map((r) => r.area);
        expect(names.slice(0, 11).sort(), `${m.id} ${area.slug}`).toEqual([area.name, ...area.neighbours.map((n) => geo.area(n.laCode).name)].sort());
        expect(spec.rows.filter((r) => r.role === 'Reference')).toHaveLength(2);
        expect(spec.subtitle).toMatch(/(Lower is better|Higher is better|Neither higher nor lower is better)\.$/);
        // "lower than all 10 neighbours", never "lower than 10 of 10" or "higher than 0 of 10".
        const k = /than (\d+) of (\d+) neighbours$/.exec(spec.title);
        if (k) expect(Number(k[1]), spec.title).toBeGreaterThan(0);
        if (k) expect(k[1], spec.title).not.toBe(k[2]);
      }
    }
  }, 120_000);

  it('a symbol is never drawn as 0: a suppressed neighbour is named, has no bar, and reads "suppressed"', () => {
    const area = geo.bySlug.get('coventry')!;
    const victim = geo.area(area.neighbours[0]!.laCode);
    const base = km.timeliness;
    const m: typeof base = {
      ...base,
      id: 'test-suppressed',
      series: (a) => (a.slug === victim.slug ? base.series(a).map((p) => ({ period: p.period, value: null, symbol: 'c' })) : base.series(a)),
    };
    const spec = benchmarkFactory(m).make('coventry');
    const row = spec.rows.find((r) => r.area === victim.name)!;
    expect(row.value).toEqual({ kind: 'symbol', code: 'c' });
    expect(row.note).toBe('suppressed');
    const marks = (spec.plot!.marks as { data?: unknown[] }[]).flatMap((mk) => (Array.isArray(mk.data) ? mk.data : []));
    const bars = marks.filter((d): d is { name: string; v: number } => typeof d === 'object' && d !== null && 'v' in d && 'name' in d);
    expect(bars.some((b) => b.name === victim.name)).toBe(false);
    expect(spec.summary).toContain(`${victim.name} (suppressed)`);
  });

  it('a new MeasureDef gets its chart without new chart code', () => {
    const m = { ...km.refusalRate, id: 'new-measure', noun: 'New measure', better: 'lower' as const };
    const spec = benchmarkFactory(m).make('warwickshire');
    expect(spec.id).toBe('benchmark-new-measure');
    expect(spec.subtitle).toContain('Lower is better');
    expect(spec.title).toMatch(/^New measure: (better|worse) than (\d+ of|all) \d+ neighbours$/);
  });
});
