import { beforeAll, describe, expect, it } from 'vitest';
import { roundTo, type Cell } from '../../src/lib/cell.ts';
import { ENGLAND } from '../../src/lib/series.ts';
import { decisionCautions, parseTribunal, type TribunalBuild } from '../../src/datasets/tribunal.ts';
import { buildEhcp } from '../../src/datasets/ehcp.ts';
import { realContext, requireRaw } from '../helpers.ts';

const n = (c: Cell): number => (c.kind === 'value' ? c.value : c.kind === 'symbol' && c.code === '-' ? 0 : NaN);

requireRaw();

describe('tribunal appeal rate over data/raw', () => {
  let t: TribunalBuild;
  let areaCodes: string[];
  beforeAll(async () => {
    const ctx = await realContext();
    t = await parseTribunal(ctx.file('tribunal-appeals'), ctx.geo);
    areaCodes = ctx.geo.areas.map((a) => a.laCode);
  });

  it('reproduces England 2024 and 2014', () => {
    expect(t.store.get('appeals', ENGLAND, 2024)).toEqual({ kind: 'value', value: 22276 });
    expect(t.store.get('decisions', ENGLAND, 2024)).toEqual({ kind: 'value', value: 689739 });
    expect(t.store.get('appeal_rate', ENGLAND, 2024)).toEqual({ kind: 'value', value: 3.2 });
    expect(roundTo((22276 / 689739) * 100, 1)).toBe(3.2);
    expect(t.store.get('decisions_dev', ENGLAND, 2024)).toEqual({ kind: 'value', value: 364912 });
    expect(t.store.get('appeals', ENGLAND, 2014)).toEqual({ kind: 'value', value: 4108 });
  });

  it('corrects exactly the wrong codes, by name: the three documented and a Cambridgeshire / Central Bedfordshire swap', () => {
    expect(t.corrections.map((c) => `${c.name} ${c.printedCode}→${c.usedKey}`)).toEqual([
      'Northamptonshire 892→pred-928',
      'Nottingham 891→892',
      'Nottinghamshire 928→891',
      'Central Bedfordshire 873→823',
      'Cambridgeshire 823→873',
    ]);
    expect(t.joinedOnName).toEqual(['Bournemouth', 'Poole']);
  });

  it('local rows sum to the England total in every year (nil as 0)', () => {
    for (const year of [2014, 2018, 2019, 2021, 2023, 2024]) {
      for (const m of ['appeals', 'decisions']) {
        const keys = t.store.geoKeys(m).filter((k) => k !== ENGLAND);
        const sum = keys.reduce((s, k) => s + (Number.isNaN(n(t.store.get(m, k, year))) ? 0 : n(t.store.get(m, k, year))), 0);
        // 2021: Northamptonshire's decisions are "not available" while its 85 appeals are counted.
        if (year === 2021 && m === 'decisions') continue;
        expect(sum, `${m} ${year}`).toBe(n(t.store.get(m, ENGLAND, year)));
      }
    }
    const dev = t.store.geoKeys('decisions_dev').filter((k) => k !== ENGLAND).reduce((s, k) => s + (Number.isNaN(n(t.store.get('decisions_dev', k, 2024))) ? 0 : n(t.store.get('decisions_dev', k, 2024))), 0);
    expect(dev).toBe(364912);
  });

  it('every published rate equals appeals ÷ decisions to 1 dp', () => {
    let checked = 0;
    for (const k of t.store.geoKeys('appeal_rate')) {
      for (const y of t.store.periods('appeal_rate')) {
        const rate = t.store.get('appeal_rate', k, y);
        const a = n(t.store.get('appeals', k, y));
        const d = n(t.store.get('decisions', k, y));
        if (rate.kind !== 'value' || Number.isNaN(a) || Number.isNaN(d) || d === 0) continue;
        expect(roundTo((a / d) * 100, 1), `${k} ${y}`).toBe(roundTo(rate.value, 1));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('the name is right where the code is wrong (2014–2023), and implausible years get a caution, not a silent fix', async () => {
    const ctx = await realContext();
    const b = await buildEhcp(ctx.file, ctx.geo);
    // Cambridgeshire has about twice Central Bedfordshire's plans; joined by name, its decisions are larger too.
    for (const year of [2017, 2019, 2021, 2023]) {
      expect(n(b.store.get('ehc_plans', '873', year))).toBeGreaterThan(n(b.store.get('ehc_plans', '823', year)));
      expect(n(t.store.get('decisions', '873', year))).toBeGreaterThan(n(t.store.get('decisions', '823', year)));
    }
    const cautions = decisionCautions(t, b.store);
    expect(Object.fromEntries(Object.entries(cautions).map(([k, v]) => [k, v.map((s) => s.slice(0, 4))]))).toEqual({ '873': ['2024'], '316': ['2024'] });
    expect(cautions['873']![0]).toMatch(/\(4,410\) are fewer than the EHC plans held in January 2024 \(7,318\)/);
  });

  it('covers all 153 areas in 2024, and keeps Dorset’s county years apart', () => {
    for (const code of areaCodes) expect(t.store.get('appeal_rate', code, 2024).kind, code).toBe('value');
    expect(t.store.get('appeals', 'pred-835', 2018).kind).toBe('value');
    expect(t.store.has('appeals', '838', 2018)).toBe(false);
  });
});
