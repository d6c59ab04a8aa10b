/** EHC plan charts and key facts over the generated data (run `npm run data:build` first). */
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';

requireGenerated(['ehcp', 'tribunal', 'outcomes', 'geography']);

describe('EHC plan key facts and charts over the generated data', async () => {
  const { chart } = await import('../../src/charts/registry.ts');
  const { checkSpec } = await import('../../src/charts/types.ts');
  const { chartSvg } = await import('../../src/charts/render.ts');
  const { geo } = await import('../../src/read/site.ts');
  const { EHCP_CHARTS } = await import('../../src/charts/ehcp.ts');
  const { TRIBUNAL_CHARTS } = await import('../../src/charts/tribunal.ts');
  const send = await import('../../src/read/send-data.ts');

  it('England key facts reproduce the published caseload and recompute growth from the counts', () => {
    const kent = geo.bySlug.get('kent')!;
    const f = send.ehcpCountFacts(kent);
    expect(f.year).toBe(2025);
    expect(f.count.england).toEqual({ kind: 'value', value: 638745 });
    const e2020 = send.plansCell('E92000001', 2020);
    expect(e2020.kind).toBe('value');
    if (e2020.kind === 'value') expect(f.growth.england).toBeCloseTo(((638745 - e2020.value) / e2020.value) * 100, 6);
    // The area's count is its own row, and the neighbours' median is of 10 values.
    expect(f.count.area.kind).toBe('value');
    expect(f.count.neighboursWithValue).toBe(10);
  });

  it('a split area has no 5-year growth rather than its predecessor’s figures', () => {
    const nn = geo.bySlug.get('north-northamptonshire')!;
    const f = send.ehcpCountFacts(nn);
    expect(f.growth.from).toBe(2020);
    expect(f.growth.area).toBeNull();
  });

  it('timeliness reproduces the published England 2024 figure and reads "no plans issued" for a year with none', () => {
    const scilly = geo.bySlug.get('isles-of-scilly')!;
    const t = send.timelinessFacts(scilly);
    expect(t.year).toBe(2024);
    expect(t.pc.england).toEqual({ kind: 'value', value: 45.9 });
    const rows = send.areaSummaryRows([scilly]);
    expect(rows.rows[0]!.timeliness).toBe(t.text);
    // Isles of Scilly issued no new plans in 2022: the chart note says so, never 0%.
    const spec = chart('area-ehcp-timeliness', scilly.slug);
    const row2022 = spec.rows.find((r) => r.year === 2022)!;
    expect(row2022.plans_issued).toEqual({ kind: 'value', value: 0 });
    expect(row2022.area).not.toEqual({ kind: 'value', value: 0 });
    expect(spec.notes.some((n) => n.startsWith('2022:') && n.includes('no plans issued'))).toBe(true);
  });

  it('the region appeal rate is recomputed from its areas’ appeals and decisions', () => {
    const kent = geo.bySlug.get('kent')!;
    const region = geo.regionOf(kent);
    let appeals = 0;
    let decisions = 0;
    for (const a of geo.areasInRegion(region.code)) {
      const ap = send.tribunal.cell('appeals', a.laCode, 2024);
      const de = send.tribunal.cell('decisions', a.laCode, 2024);
      if (de.kind !== 'value') continue;
      if (ap.kind === 'value') appeals += ap.value;
      else if (!(ap.kind === 'symbol' && ap.code === '-')) continue;
      decisions += de.value;
    }
    const r = send.regionCell(send.tribunal, 'appeal_rate', region.code, 2024);
    expect(r.kind).toBe('value');
    if (r.kind === 'value') expect(r.value).toBeCloseTo((appeals / decisions) * 100, 9);
  });

  it('every EHC plan chart builds a valid spec and SVG for its first and last key', () => {
    for (const f of [...EHCP_CHARTS, ...TRIBUNAL_CHARTS]) {
      const keys = f.keys();
      expect(keys.length, f.id).toBeGreaterThan(0);
      if (f.scope === 'area') expect(keys.length, f.id).toBeGreaterThanOrEqual(150);
      for (const key of [keys[0]!, keys[keys.length - 1]!]) {
        const spec = checkSpec(chart(f.id, key));
        expect(spec.page, f.id).toMatch(/^\//);
        // Page titles are "<chart title> – SEND outcomes in England" and html-validate allows 70 characters.
        expect(spec.title.length, spec.title).toBeLessThanOrEqual(43);
        expect(chartSvg(spec)).toMatch(/^<svg/);
      }
    }
  });

  it('area chart titles stay within 10 words for every area', () => {
    for (const id of ['area-ehcp-timeliness', 'area-ehcp-refusals', 'area-appeal-rate']) {
      for (const a of geo.areas) {
        const t = checkSpec(chart(id, a.slug)).title;
        expect(t.split(/\s+/).length).toBeLessThanOrEqual(10);
        expect(t.length, t).toBeLessThanOrEqual(43);
      }
    }
  });
});
