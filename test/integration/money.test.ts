import { beforeAll, describe, expect, it } from 'vitest';
import { ENGLAND } from '../../src/lib/series.ts';
import { buildMoney, ALLOCATION_COLUMNS, type MoneyBuild } from '../../src/datasets/money.ts';
import { parsePrevalence, type PrevalenceBuild } from '../../src/datasets/sen-prevalence.ts';
import { buildOutcomes, type OutcomesBuild } from '../../src/datasets/outcomes.ts';
import type { GeographyIndex } from '../../src/lib/geography.ts';
import { realContext, requireRaw } from '../helpers.ts';

const v = (n: number) => ({ kind: 'value', value: n });

requireRaw();

describe('money and SEN prevalence over data/raw (checks in finance/ and sen_census/SOURCES.md)', () => {
  let m: MoneyBuild;
  let p: PrevalenceBuild;
  let o: OutcomesBuild;
  let geo: GeographyIndex;
  beforeAll(async () => {
    const ctx = await realContext();
    geo = ctx.geo;
    m = await buildMoney(ctx.file, ctx.geo);
    p = await parsePrevalence(ctx.file('sen-census-prevalence'), ctx.geo);
    o = await buildOutcomes(ctx.file, ctx.geo);
  });

  it('England high needs block (before deductions) as published: £7,063,230,381 in 2020-21 … £9,952,172,126 in 2023-24', () => {
    expect(m.store.get('high_needs_block', ENGLAND, 2021)).toEqual(v(7063230381));
    expect(m.store.get('high_needs_block', ENGLAND, 2022)).toEqual(v(7906348577));
    expect(m.store.get('high_needs_block', ENGLAND, 2023)).toEqual(v(8988258915));
    expect(m.store.get('high_needs_block', ENGLAND, 2024)).toEqual(v(9952172126));
    expect(m.store.get('high_needs_block_after_deductions', ENGLAND, 2021)).toEqual(v(6214892485));
    expect(m.store.get('high_needs_block_after_deductions', ENGLAND, 2024)).toEqual(v(8872813235));
    expect(m.store.get('total_dsg', ENGLAND, 2024)).toEqual(v(57135884056));
  });

  it('LA rows sum to England in every year and column (including former councils that held the allocation)', () => {
    for (const year of [2021, 2022, 2023, 2024]) {
      const keys = m.store.geoKeys('high_needs_block').filter((k) => /^\d{3}$|^pred-/.test(k) && m.store.has('high_needs_block', k, year));
      for (const c of ALLOCATION_COLUMNS) {
        const sum = keys.reduce((s, k) => s + (m.store.get(c, k, year) as { value: number }).value, 0);
        expect(sum, `${c} ${year}`).toBe((m.store.get(c, ENGLAND, year) as { value: number }).value);
      }
      expect(keys.length).toBe({ 2021: 149, 2022: 150, 2023: 150, 2024: 151 }[year]);
    }
  });

  it('Staffordshire 2023-24 high needs block £126,922,906; Coventry as in the file', () => {
    expect(m.store.get('high_needs_block', '860', 2024)).toEqual(v(126922906));
    expect([2021, 2022, 2023, 2024].map((y) => m.store.get('high_needs_block', '331', y))).toEqual([v(46262440), v(53033121), v(60024525), v(67091422)]);
  });

  it('reorganisations: allocations before a change belong to the former council', () => {
    expect(m.store.get('high_needs_block', 'pred-928', 2021).kind).toBe('value');
    expect(m.store.has('high_needs_block', '940', 2021)).toBe(false);
    expect(m.store.get('high_needs_block', 'pred-909', 2023).kind).toBe('value');
    expect(m.store.has('high_needs_block', 'pred-909', 2024)).toBe(false);
    expect(m.store.get('high_needs_block', '942', 2024).kind).toBe('value');
    expect(m.noAllocation.sort()).toEqual(['201', '420']);
  });

  it('DSG deficit: England 1.08, 1.69, 2.26%; councils in deficit 94/149, 100/149, 103/150; Staffordshire, Leicestershire, Brent, Coventry', () => {
    expect([2020, 2021, 2022].map((y) => m.store.get('dsg_deficit_pc', ENGLAND, y))).toEqual([v(1.08), v(1.69), v(2.26)]);
    expect(m.deficit.inDeficit).toEqual({ 2020: { of: 149, n: 94 }, 2021: { of: 149, n: 100 }, 2022: { of: 150, n: 103 } });
    expect(m.store.get('dsg_deficit_pc', '860', 2021)).toEqual(v(0.31));
    expect(m.store.get('dsg_deficit_pc', '860', 2022)).toEqual(v(1.21));
    expect(m.store.get('dsg_deficit_pc', '855', 2022)).toEqual(v(4.2));
    expect(m.store.get('dsg_deficit_pc', '304', 2022)).toEqual(v(4.48));
    expect([2020, 2021, 2022].map((y) => m.store.get('dsg_deficit_pc', '331', y))).toEqual([v(-1.09), v(-1.51), v(-1.73)]);
    expect(m.store.get('dsg_deficit_pc', 'pred-928', 2021).kind).toBe('value');
    expect(m.store.get('dsg_deficit_pc', 'pred-909', 2022).kind).toBe('value');
  });

  it('high needs block per EHC plan is the allocation divided by plans at January of the financial year', () => {
    const hnb = (m.store.get('high_needs_block', '331', 2024) as { value: number }).value;
    const plans = (m.store.get('plans_january', '331', 2024) as { value: number }).value;
    expect(plans).toBeGreaterThan(1000);
    expect((m.store.get('hnb_per_plan', '331', 2024) as { value: number }).value).toBeCloseTo(hnb / plans, 6);
  });

  it('SEN census: England EHC plan 5.3% and SEN support 14.2% in January 2025; 2.8/11.6 in 2016; phases; Hackney, Kent, Dorset, Cumberland', () => {
    const g = (id: string, k: string, y: number) => p.store.get(id, k, y);
    expect(g('ehcp_pc', ENGLAND, 2025)).toEqual(v(5.3));
    expect(g('sen_support_pc', ENGLAND, 2025)).toEqual(v(14.2));
    expect(g('ehcp_pc', ENGLAND, 2016)).toEqual(v(2.8));
    expect(g('sen_support_pc', ENGLAND, 2016)).toEqual(v(11.6));
    expect(g('ehcp_pc', ENGLAND, 2020)).toEqual(v(3.3));
    expect(g('ehcp_pc_primary', ENGLAND, 2025)).toEqual(v(3.5));
    expect(g('ehcp_pc_secondary', ENGLAND, 2025)).toEqual(v(3.09));
    expect(g('sen_support_pc_primary', ENGLAND, 2025)).toEqual(v(14.8));
    expect(g('sen_support_pc_secondary', ENGLAND, 2025)).toEqual(v(13.4));
    expect([g('ehcp_pc', '204', 2025), g('sen_support_pc', '204', 2025)]).toEqual([v(6.3), v(15.3)]);
    expect([g('ehcp_pc', '886', 2025), g('sen_support_pc', '886', 2025)]).toEqual([v(5.8), v(13.1)]);
    expect([g('ehcp_pc', '838', 2025), g('sen_support_pc', '838', 2025)]).toEqual([v(5.8), v(16.2)]);
    expect([g('ehcp_pc', '942', 2024), g('sen_support_pc', '942', 2024)]).toEqual([v(5.1), v(13.1)]);
    expect(g('ehcp_pc_secondary', '201', 2025)).toEqual({ kind: 'symbol', code: '-' });
  });

  it('SEN census: the same all-schools shares as the LAIT store the outcomes dataset reads, for every area and year', () => {
    let n = 0;
    for (const k of p.store.geoKeys('ehcp_pc')) {
      for (const y of p.store.periods('ehcp_pc')) {
        expect(p.store.get('ehcp_pc', k, y), `${k} ${y}`).toEqual(o.store.get('pupils_ehcp_pc', k, y));
        expect(p.store.get('sen_support_pc', k, y), `${k} ${y}`).toEqual(o.store.get('pupils_sen_support_pc', k, y));
        n++;
      }
    }
    expect(n).toBe(168 * 10); // 170 LAIT areas less Inner and Outer London, × 10 years
  });

  it('S251 spend per child with a plan (LAIT SENFinance, reused from outcomes): England £110 in 2016-17 and 2024-25, £90 in 2020-21', () => {
    expect(o.store.get('sen_spend_per_child_week', ENGLAND, 2017)).toEqual(v(110));
    expect(o.store.get('sen_spend_per_child_week', ENGLAND, 2021)).toEqual(v(90));
    expect(o.store.get('sen_spend_per_child_week', ENGLAND, 2025)).toEqual(v(110));
    expect(o.store.get('sen_spend_per_child_week', '331', 2025)).toEqual(v(95));
    expect(geo.areas.length).toBe(153);
  });
});
