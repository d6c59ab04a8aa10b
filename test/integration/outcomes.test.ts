import { beforeAll, describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { ENGLAND } from '../../src/lib/series.ts';
import { buildOutcomes, type OutcomesBuild } from '../../src/datasets/outcomes.ts';
import { realContext, requireRaw } from '../helpers.ts';

requireRaw();

describe('outcomes over data/raw', () => {
  let b: OutcomesBuild;
  let areaCodes: string[];
  let file: (id: string) => string;
  beforeAll(async () => {
    const ctx = await realContext();
    file = ctx.file;
    b = await buildOutcomes(ctx.file, ctx.geo);
    areaCodes = ctx.geo.areas.map((a) => a.laCode);
  });
  const eng = (m: string, p: number) => b.store.get(m, ENGLAND, p);

  it('reproduces the published LAIT England figures', () => {
    expect(eng('pupils_ehcp_pc', 2025)).toEqual({ kind: 'value', value: 5.3 });
    expect(eng('pupils_ehcp_pc', 2022)).toEqual({ kind: 'value', value: 4 });
    expect(eng('pupils_sen_support_pc', 2025)).toEqual({ kind: 'value', value: 14.2 });
    expect(eng('att8_ehcp', 2025)).toEqual({ kind: 'value', value: 14.8 });
    expect(eng('ks2_rwm_ehcp', 2025)).toEqual({ kind: 'value', value: 9 });
    expect(eng('sen_spend_per_child_week', 2025)).toEqual({ kind: 'value', value: 110 });
  });

  it('keeps "-" for the cancelled 2020 and 2021 key stage 2 tests, never 0', () => {
    expect(eng('ks2_rwm_ehcp', 2020)).toEqual({ kind: 'symbol', code: '-' });
    expect(eng('ks2_rwm_no_sen', 2021)).toEqual({ kind: 'symbol', code: '-' });
  });

  it('reproduces NEET or not known at 16–17 by SEND status, England 2025', () => {
    expect(eng('neet_nk_ehcp', 2025)).toEqual({ kind: 'value', value: 10.1 });
    expect(eng('neet_nk_sen_support', 2025)).toEqual({ kind: 'value', value: 9.6 });
    expect(eng('neet_nk_no_sen', 2025)).toEqual({ kind: 'value', value: 4.9 });
    expect(eng('neet_nk_all', 2021)).toEqual({ kind: 'blank' }); // 2021 not used
    for (const [p, v] of [[2022, 4.7], [2023, 5.2], [2024, 5.4], [2025, 5.6]] as const) expect(eng('neet_nk_all', p)).toEqual({ kind: 'value', value: v });
  });

  it('the NEET files and LAIT agree on England NEET or not known, 2022–2025', async () => {
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file('lait-store')), columns: ['Short Desc', 'Years', 'Values', 'LA Number'] })) as { 'Short Desc': string; Years: string; Values: string; 'LA Number': number }[];
    const lait = rows.filter((r) => r['Short Desc'] === '16-17_not known_NEET' && r['LA Number'] === 970);
    for (const p of [2022, 2023, 2024, 2025]) {
      const l = lait.find((r) => r.Years === String(p));
      expect(Number(l!.Values)).toBeCloseTo((eng('neet_nk_all', p) as { value: number }).value, 5);
    }
  });

  it('every current area has the latest census share; predecessors stay separate; only London sub-regions are dropped', () => {
    for (const code of areaCodes) expect(b.store.get('pupils_ehcp_pc', code, 2025).kind, code).toBe('value');
    expect(b.store.geoKeys('pupils_ehcp_pc').filter((k) => k.startsWith('pred-')).sort()).toEqual(['pred-835', 'pred-836', 'pred-837', 'pred-909', 'pred-928']);
    expect(Object.keys(b.skipped)).toEqual(['Inner and Outer London rows (not regions in this site)']);
  });

  it('NEET by SEND: suppressed values stay suppressed', () => {
    let suppressed = 0;
    for (const k of b.store.geoKeys('neet_nk_sen_support')) for (const p of [2022, 2023, 2024, 2025]) if (b.store.get('neet_nk_sen_support', k, p).kind === 'symbol') suppressed += 1;
    expect(suppressed).toBeGreaterThan(0);
  });
});
