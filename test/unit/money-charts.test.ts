/** Money and SEN prevalence charts and key facts over the generated data (run `npm run data:build` first). */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['money', 'sen-prevalence', 'outcomes', 'ehcp', 'geography']);

describe('money and SEN prevalence charts and key facts over the generated data', async () => {
  const { chart } = await import('../../src/charts/registry.ts');
  const { MONEY_CHARTS, PREVALENCE_CHARTS } = await import('../../src/charts/money.ts');
  const { chartSvg } = await import('../../src/charts/render.ts');
  const { checkSpec } = await import('../../src/charts/types.ts');
  const { geo } = await import('../../src/read/site.ts');
  const { keyFacts } = await import('../../src/facts/key-facts.ts');
  const { hnbFacts } = await import('../../src/read/money-data.ts');

  it('writes financial years as 2023-24 and census years as January counts, in tables and on the axis', () => {
    const c = chart('area-hnb-per-plan', 'coventry');
    expect(c.rows.map((r) => r.year)).toEqual(['2020-21', '2021-22', '2022-23', '2023-24']);
    expect(c.columns[0]!.label).toBe('Financial year');
    expect(chartSvg(c)).toContain('2023-24');
    const p = chart('area-sen-ehcp-share', 'coventry');
    expect(p.rows.at(-1)!.year).toBe('January 2025');
    expect(p.subtitle).toMatch(/January 2016 to 2025/);
  });

  it('has no allocation charts for the City of London and the Isles of Scilly, and says so in key facts', () => {
    const keys = MONEY_CHARTS.find((f) => f.id === 'area-hnb-per-plan')!.keys();
    expect(keys).not.toContain('city-of-london');
    expect(keys).not.toContain('isles-of-scilly');
    expect(keys).toContain('coventry');
    const scilly = keyFacts(geo, geo.bySlug.get('isles-of-scilly')!).facts.find((f) => f.id === 'high-needs-block')!;
    expect(scilly.value).toBe('No DSG allocation published');
    expect(scilly.details[0]).toMatch(/do not include the Isles of Scilly/);
  });

  it('ranks councils as they were in 2021-22: 103 of 150 in deficit, as published', () => {
    const r = chart('money-deficit-ranked', 'england');
    expect(r.title).toBe('103 of 150 councils had a DSG deficit in 2021-22');
    expect(r.rows.some((x) => String(x.la_name).startsWith('Cumbria'))).toBe(true);
  });

  it('a council created since 2020-21 has no growth figure, not a growth from its predecessor', () => {
    const h = hnbFacts(geo.bySlug.get('cumberland')!);
    expect(h.growth.area).toBeNull();
    expect(h.allocation.kind).toBe('value');
    const n = hnbFacts(geo.bySlug.get('north-northamptonshire')!);
    expect(n.growth.area).toBeNull();
  });

  it('every money chart for every key passes the chart contract', () => {
    let n = 0;
    for (const f of [...MONEY_CHARTS, ...PREVALENCE_CHARTS]) for (const key of f.keys()) { checkSpec(chart(f.id, key)); n++; }
    expect(n).toBeGreaterThan(5 * 150);
  });
});
