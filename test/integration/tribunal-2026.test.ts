/**
 * The two tribunal releases over data/raw: the June 2026 table's published
 * figures, what it revised, and regional rates recomputed independently of
 * the pipeline (straight from the raw rows, by region heading) across the
 * code changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { roundTo, symbol, value } from '../../src/lib/cell.ts';
import { ENGLAND } from '../../src/lib/series.ts';
import { combineReleases, parseTribunal, parseTribunal2026, regionalRates, tribunalDownloadRows, type TribunalCombined } from '../../src/datasets/tribunal.ts';
import type { GeographyIndex } from '../../src/lib/geography.ts';
import { realContext, requireRaw } from '../helpers.ts';

/** Regional rate straight from the raw 2014–2024 table: the LA rows under a region heading, appeals ÷ decisions. */
function rawRegionRate(path: string, heading: string, year: number): { rate: number; names: string[] } {
  const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  const col = 2 + (year - 2014) * 3;
  const num = (s: string | undefined) => {
    const t = (s ?? '').trim().replace(/,/g, '');
    return t === '-' ? 0 : /^\d+$/.test(t) ? Number(t) : null;
  };
  let inRegion = false;
  let a = 0;
  let d = 0;
  const names: string[] = [];
  for (const r of rows.slice(5)) {
    const name = (r[0] ?? '').trim();
    if (name === '' || name.startsWith('England')) break;
    if (name === name.toUpperCase() && (r[1] ?? '').trim() === '') {
      inRegion = name === heading;
      continue;
    }
    if (!inRegion) continue;
    const ap = num(r[col]);
    const de = num(r[col + 1]);
    if (ap === null || de === null) continue;
    a += ap;
    d += de;
    names.push(name.replace(/\d+$/, ''));
  }
  return { rate: (a / d) * 100, names };
}

requireRaw();

describe('tribunal releases over data/raw', () => {
  let c: TribunalCombined;
  let geo: GeographyIndex;
  let oldPath: string;
  beforeAll(async () => {
    const ctx = await realContext();
    geo = ctx.geo;
    oldPath = ctx.file('tribunal-appeals');
    const t = await parseTribunal(oldPath, ctx.geo);
    const t26 = await parseTribunal2026(ctx.file('tribunal-appeals-2026'), ctx.geo);
    c = combineReleases(t, t26, ctx.geo);
  });

  it('reads the June 2026 totals as published: England 2025 6.6%, 2024 6.1% on the new method', () => {
    expect(c.latest.years).toEqual([2024, 2025]);
    expect(c.store.get('appeals', ENGLAND, 2025)).toEqual(value(26977));
    expect(c.store.get('decisions', ENGLAND, 2025)).toEqual(value(405735));
    expect(c.store.get('appeal_rate', ENGLAND, 2025)).toEqual(value(6.6));
    expect(c.store.get('appeal_rate', ENGLAND, 2024)).toEqual(value(6.1));
    expect(c.store.get('appeal_rate_old_method', ENGLAND, 2024)).toEqual(value(3.2));
    expect(c.englandNotes[2025]).toMatch(/Lewisham and Milton Keynes are not available, so they are left out of the denominator but their 337 appeals are not left out of the numerator\. Counting only areas with both, the rate is 6\.57%, which rounds to the same 6\.6%/);
    expect(c.englandNotes[2024]).toMatch(/1,505 appeals .* 5\.69%/);
  });

  it('corrects only the Central Bedfordshire / Cambridgeshire swap, and matches the June 2025 "in development" columns exactly', () => {
    expect(c.latest.corrections.map((x) => `${x.name} ${x.printedCode}→${x.usedKey}`)).toEqual(['Central Bedfordshire 873→823', 'Cambridgeshire 823→873']);
    expect(c.devDisagreements).toEqual([]);
  });

  it('Coventry: 2025 rate, and 2024 on both methods', () => {
    expect(c.store.get('appeal_rate', '331', 2025)).toEqual(value(5.1));
    expect(c.store.get('appeals', '331', 2025)).toEqual(value(128));
    expect(c.store.get('appeal_rate', '331', 2024)).toEqual(value(4.9));
    expect(c.store.get('appeal_rate_old_method', '331', 2024)).toEqual(value(3.2));
    expect(roundTo((128 / 2496) * 100, 1)).toBe(5.1);
  });

  it('keeps x as not available and flags Isle of Wight 2025 with DfE’s caveat', () => {
    expect(c.store.get('appeal_rate', '826', 2025)).toEqual(symbol('x')); // Milton Keynes
    expect(c.store.get('appeals', '826', 2025)).toEqual(value(223));
    expect(c.flags['921']?.[2025]).toMatch(/issues with data quality/);
    expect(c.store.get('appeal_rate', '921', 2025)).toEqual(value(13.5));
  });

  it('tribunals.csv holds 2024 rows from both releases for every area, each labelled with release and method', () => {
    const rows = tribunalDownloadRows(c, geo).filter((r) => r.time_period === 2024);
    for (const a of geo.areas) {
      const mine = rows.filter((r) => r.old_la_code === a.laCode);
      expect(mine.map((r) => `${r.release} | ${r.method}`).sort(), a.name).toEqual([
        'June 2025 | New method, in development',
        'June 2025 | Old method: decisions include EHC plans held at January',
        'June 2026 | New method: decisions include annual reviews completed in the year',
      ]);
    }
  });

  it('regional rates count every council in the region that year (recomputed from the raw rows): North West 2015 0.73%, East Midlands 2018 2.35%', () => {
    const { rates } = regionalRates(c.store, c.geos, geo);
    const nw = rawRegionRate(oldPath, 'NORTH WEST', 2015);
    expect(nw.names).toContain('Cumbria');
    expect(roundTo(nw.rate, 2)).toBe(0.73);
    expect(rates.get('E12000002')!.get(2015)).toEqual(value(nw.rate));
    const em = rawRegionRate(oldPath, 'EAST MIDLANDS', 2018);
    expect(em.names).toContain('Northamptonshire');
    expect(roundTo(em.rate, 2)).toBe(2.35);
    expect((rates.get('E12000004')!.get(2018) as { value: number }).value).toBeCloseTo(em.rate, 10);
    // South West 2018 includes Bournemouth, Poole and old Dorset.
    const sw = rawRegionRate(oldPath, 'SOUTH WEST', 2018);
    expect(sw.names).toEqual(expect.arrayContaining(['Bournemouth', 'Poole', 'Dorset']));
    expect((rates.get('E12000009')!.get(2018) as { value: number }).value).toBeCloseTo(sw.rate, 10);
  });
});
