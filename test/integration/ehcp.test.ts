import { describe, expect, it, beforeAll } from 'vitest';
import { roundTo, type Cell } from '../../src/lib/cell.ts';
import { ENGLAND } from '../../src/lib/series.ts';
import { buildEhcp, type EhcpBuild } from '../../src/datasets/ehcp.ts';
import { realContext, requireRaw } from '../helpers.ts';

const v = (c: Cell): number => {
  if (c.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(c)}`);
  return c.value;
};

requireRaw();

describe('EHC plans over data/raw', () => {
  let b: EhcpBuild;
  let areaCodes: string[];
  beforeAll(async () => {
    const ctx = await realContext();
    b = await buildEhcp(ctx.file, ctx.geo);
    areaCodes = ctx.geo.areas.map((a) => a.laCode);
  });

  it('reproduces the published England caseload at each January 2019–2025', () => {
    const published: Record<number, number> = { 2019: 353995, 2020: 390109, 2021: 430697, 2022: 473255, 2023: 517048, 2024: 576474, 2025: 638745 };
    for (const [year, n] of Object.entries(published)) expect(v(b.store.get('ehc_plans', ENGLAND, Number(year)))).toBe(n);
  });

  it('the local-area rows of the 2025 release sum to England every January', () => {
    const c25 = b.releases.caseload25!;
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
      const keys = c25.geoKeys('ehc_plans').filter((k) => /^\d{3}$/.test(k) || k.startsWith('pred-'));
      const rows = keys.filter((k) => c25.has('ehc_plans', k, year));
      const sum = rows.reduce((s, k) => s + v(c25.get('ehc_plans', k, year)), 0);
      expect(sum).toBe(v(c25.get('ehc_plans', ENGLAND, year)));
      if (year === 2025) expect(rows.length).toBe(153);
    }
  });

  it('joins every area: all 153 have a 2025 caseload; predecessors stay separate', () => {
    for (const code of areaCodes) expect(b.store.get('ehc_plans', code, 2025).kind).toBe('value');
    expect(b.geos.get('pred-928')?.name).toBe('Northamptonshire (before April 2021)');
    expect(b.store.has('ehc_plans', '940', 2020)).toBe(false);
    expect(b.store.get('ehc_plans', 'pred-928', 2020).kind).toBe('value');
    // The 2010 national series comes from the 2022 release.
    expect(v(b.store.get('statements', ENGLAND, 2010))).toBe(228221);
  });

  it('the 2022 and 2025 caseload releases agree on every overlapping January (2019–2022)', () => {
    expect(b.overlaps.ehc_plans).toBeGreaterThan(600);
    expect(b.disagreements.filter((d) => d.measure === 'ehc_plans')).toEqual([]);
  });

  it('the 2023 and 2025 flow releases agree on 2019–2022 except where the 2025 release withheld figures', () => {
    for (const m of ['requests', 'refused', 't20_den', 't20_num', 't20_den_ex', 't20_num_ex']) expect(b.overlaps[m]).toBeGreaterThan(600);
    expect(b.disagreements.every((d) => d.newer.kind === 'symbol' && d.newer.code === 'x')).toBe(true);
    expect(b.disagreements.map((d) => `${d.measure}:${d.geoKey}:${d.period}`).sort()).toEqual(['t20_den:211:2022', 't20_den:869:2022', 't20_den_ex:211:2022', 't20_den_ex:869:2022']);
  });

  it('reproduces the published 20-week timeliness for England, recomputed from counts', () => {
    const check = (year: number, inc: number, exc: number) => {
      const num = v(b.store.get('t20_num', ENGLAND, year));
      const den = v(b.store.get('t20_den', ENGLAND, year));
      const numEx = v(b.store.get('t20_num_ex', ENGLAND, year));
      const denEx = v(b.store.get('t20_den_ex', ENGLAND, year));
      expect(roundTo((num / den) * 100, 1)).toBe(inc);
      expect(roundTo((numEx / denEx) * 100, 1)).toBe(exc);
      expect(v(b.store.get('t20_pc', ENGLAND, year))).toBe(inc);
      expect(v(b.store.get('t20_pc_ex', ENGLAND, year))).toBe(exc);
    };
    check(2022, 47.7, 49.2);
    check(2024, 45.9, 46.4);
    expect(v(b.store.get('t20_num', ENGLAND, 2024))).toBe(41448);
    expect(v(b.store.get('t20_den', ENGLAND, 2024))).toBe(90392);
  });

  it('every percentage is the published one wherever DfE publishes it (issue 11.3: keep, never re-derive)', () => {
    let compared = 0;
    const pairs: [string, string, string][] = [
      ['t20_pc', 't20_pc_published', 't20'],
      ['t20_pc_ex', 't20_pc_ex_published', 't20ex'],
      ['refused_pc', 'refused_pc_published', 'ref'],
    ];
    for (const rel of ['mi23', 'tim25', 'req25']) {
      const store = b.releases[rel]!;
      for (const [derived, published] of pairs) {
        for (const g of store.geoKeys(published)) {
          for (const p of store.periods(published)) {
            const pub = store.get(published, g, p);
            if (pub.kind !== 'value') continue;
            // The merged series is the later release's where they overlap.
            const later = rel === 'mi23' && p >= 2019 ? null : pub;
            if (!later) continue;
            const d = b.store.get(derived, g, p);
            expect(d.kind, `${derived} ${g} ${p}`).toBe('value');
            expect(v(d), `${derived} ${g} ${p}`).toBe(pub.value);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(2500);
  });

  it('reproduces requests, refusals and primary need for 2024/2025', () => {
    expect(v(b.store.get('requests', ENGLAND, 2024))).toBe(154489);
    expect(v(b.store.get('refused', ENGLAND, 2024))).toBe(38889);
    expect(v(b.store.get('refused_pc', ENGLAND, 2024))).toBe(25.2);
    expect(v(b.store.get('need_total', ENGLAND, 2025))).toBe(638745);
    expect(v(b.store.get('need_asd', ENGLAND, 2025))).toBe(201183);
    expect(v(b.store.get('need_asd_pc', ENGLAND, 2025))).toBe(31.5);
  });

  it('an area with no new plans in a year keeps the published `x`, never 0% and never a made-up `z`', () => {
    // Isles of Scilly issued no new plans in 2019 (published percentage: x).
    expect(v(b.store.get('t20_den', '420', 2019))).toBe(0);
    expect(b.store.get('t20_pc', '420', 2019)).toEqual({ kind: 'symbol', code: 'x' });
  });

  it('drops only the rows its rules name, and counts them', () => {
    expect(b.stats.mi23!.skipped).toEqual({ '2014: September–December only, not comparable with whole years': 162 });
    expect(b.stats.caseload25!.rows - Object.values(b.stats.caseload25!.skipped).reduce((s, n) => s + n, 0)).toBe(1134);
  });
});
