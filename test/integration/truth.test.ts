/**
 * Truth tests (issue 11): recompute a sample of published figures straight
 * from the raw files — with a tiny CSV parser and decimal-string rounding of
 * their own, sharing nothing with the site's reading code — and compare them
 * with what the site shows (key facts on area pages, the built HTML where it
 * exists) and serves (public/data downloads).
 *
 * Needs data/raw (npm run data:fetch) and a data:build (src/generated, public/data).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireData } from '../helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const RAW = join(ROOT, 'data/raw');
requireData([join(RAW, 'absence/send_absence_by_la_sen_status_long.csv'), 'src/generated/absence-sen.json', 'public/data/catalogue.json']);

// ---------- an independent CSV reader: quotes, doubled quotes, CRLF, BOM ----------

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function readTable(path: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h.trim(), r[i] ?? ''])));
}

/** Round a decimal string half up to `dp` places, by digits (no binary arithmetic): "26.645" → "26.6"? no: "26.645" → 1 dp → "26.6". */
function roundDecimal(s: string, dp: number): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s.trim());
  if (!m) throw new Error(`not a decimal: ${s}`);
  const [, sign, int, frac = ''] = m;
  const digits = (int! + frac.padEnd(dp + 1, '0').slice(0, dp)).split('').map(Number);
  const next = Number(frac.padEnd(dp + 1, '0')[dp]);
  if (next >= 5) {
    let i = digits.length - 1;
    while (i >= 0) {
      if (digits[i]! < 9) {
        digits[i]!++;
        break;
      }
      digits[i] = 0;
      i--;
    }
    if (i < 0) digits.unshift(1);
  }
  const all = digits.join('');
  const intPart = all.slice(0, all.length - dp).replace(/^0+(?=\d)/, '') || '0';
  const out = dp > 0 ? `${intPart}.${all.slice(all.length - dp)}` : intPart;
  return `${sign && /[1-9]/.test(out) ? '-' : ''}${out}`;
}

const withCommas = (s: string) => s.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

describe('roundDecimal (the test’s own rounding)', () => {
  it('rounds once, half up, from the published digits', () => {
    expect(roundDecimal('26.645', 1)).toBe('26.6');
    expect(roundDecimal('29.549', 1)).toBe('29.5');
    expect(roundDecimal('29.55', 1)).toBe('29.6');
    expect(roundDecimal('9.96', 1)).toBe('10.0');
    expect(roundDecimal('16069', 0)).toBe('16069');
  });
});

describe('truth: figures recomputed from the raw files', async () => {
  const { keyFacts, SMALL_AREA_PLANS } = await import('../../src/facts/key-facts.ts');
  const { geo } = await import('../../src/read/site.ts');

  const sen = readTable(join(RAW, 'absence/send_absence_by_la_sen_status_long.csv'));
  const las = readTable(join(RAW, 'geo/dfe_las.csv'));
  // Every ONS code the register gives a DfE code (Barnsley and Sheffield changed ONS code in 2025).
  const onsCodes = new Map<string, string[]>();
  for (const r of las) if (/^\d{3}$/.test(r.old_la_code!)) onsCodes.set(r.old_la_code!, [...(onsCodes.get(r.old_la_code!) ?? []), r.new_la_code!]);
  const latestPa = sen.filter((r) => r.metric === 'enrolments_pa_10_exact_percent' && r.time_identifier === 'Academic year' && r.education_phase === 'Total').map((r) => r.time_period!).sort().at(-1)!;
  const pa = new Map<string, string>();
  for (const r of sen) {
    if (r.metric === 'enrolments_pa_10_exact_percent' && r.time_period === latestPa && r.time_identifier === 'Academic year' && r.education_phase === 'Total') pa.set(`${r.new_la_code}|${r.send_group}`, r.send_value!);
  }
  /** The raw value for a DfE code, whichever of its ONS codes the file uses. */
  const paOf = (laCode: string, group: string): string | undefined => {
    const found = (onsCodes.get(laCode) ?? []).map((c) => pa.get(`${c}|${group}`)).filter((v) => v !== undefined);
    if (found.length > 1) throw new Error(`${laCode}: two rows`);
    return found[0];
  };
  const GROUP = { ehcp: 'EHC plan', support: 'SEN support' } as const;
  const year = `${latestPa.slice(0, 4)}/${latestPa.slice(4)}`;

  // Neighbours straight from the raw neighbours file (first block, up to the first empty row).
  const nbRows = parseCsv(readFileSync(join(RAW, 'geo/statistical_neighbours_2025.csv'), 'utf8'));
  const nbHead = nbRows[0]!;
  const neighbours = new Map<string, string[]>();
  for (const r of nbRows.slice(1)) {
    if (r.every((f) => f.trim() === '')) break;
    neighbours.set(r[0]!.trim(), Array.from({ length: 10 }, (_, i) => r[nbHead.indexOf(`SN${i + 1}`)]!.trim()));
  }

  it('every area’s persistent absence key facts show the published value, rounded once to 1 dp', () => {
    let checked = 0;
    for (const area of geo.areas) {
      const facts = keyFacts(geo, area).facts;
      for (const g of ['ehcp', 'support'] as const) {
        const fact = facts.find((f) => f.id === `persistent-absence-${g}`)!;
        const raw = paOf(area.laCode, GROUP[g]);
        if (raw === undefined) {
          expect(fact.value, area.name).toBe(`Not published for ${year}`);
          continue;
        }
        expect(fact.value, `${area.name} ${g}`).toBe(`${roundDecimal(raw, 1)}% in ${year}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(290);
  });

  it('neighbour counts come from unrounded values: West Northamptonshire (SEN support) is lower than 9 of its 10 neighbours', () => {
    const wn = geo.areas.find((a) => a.name === 'West Northamptonshire')!;
    const own = Number(paOf(wn.laCode, 'SEN support'));
    const others = neighbours.get(wn.laCode)!.map((c) => Number(paOf(c, 'SEN support')));
    const lower = others.filter((v) => own < v).length;
    expect(lower).toBe(9);
    const fact = keyFacts(geo, wn).facts.find((f) => f.id === 'persistent-absence-support')!;
    expect(fact.details.join(' ').toLowerCase()).toContain(`lower than ${lower} of its 10 statistical neighbours`);
  });

  it('neighbour standings in every area’s absence key facts match a count over the raw values', () => {
    let smallSkipped = 0;
    for (const area of geo.areas) {
      const facts = keyFacts(geo, area).facts;
      for (const g of ['ehcp', 'support'] as const) {
        const rawOwn = paOf(area.laCode, GROUP[g]);
        if (rawOwn === undefined) continue;
        const vals = neighbours.get(area.laCode)!.map((c) => paOf(c, GROUP[g])).filter((v): v is string => v !== undefined).map(Number);
        const higher = vals.filter((v) => Number(rawOwn) > v).length;
        const lower = vals.filter((v) => Number(rawOwn) < v).length;
        const text = keyFacts(geo, area).facts.find((f) => f.id === `persistent-absence-${g}`)!.details.join(' ');
        // Small numbers: an area holding fewer than SMALL_AREA_PLANS plans is not compared on either pupil rate.
        if (text.includes('it is not compared with other areas here')) {
          expect(text, area.name).toMatch(new RegExp(`holds only \\d+ plans?`));
          const held = Number(/holds only (\d+)/.exec(text)![1]);
          expect(held, area.name).toBeLessThan(SMALL_AREA_PLANS);
          smallSkipped++;
          continue;
        }
        const expected =
          higher === vals.length ? `higher than all ${vals.length}` : lower === vals.length ? `lower than all ${vals.length}` : higher >= lower ? `higher than ${higher} of its ${vals.length}` : `lower than ${lower} of its ${vals.length}`;
        expect(text.toLowerCase(), `${area.name} ${g}`).toContain(expected);
        void facts;
      }
    }
    // City of London and the Isles of Scilly, each on both pupil rates.
    expect(smallSkipped, 'rates left out for small numbers').toBeLessThanOrEqual(4);
  });

  it('built area pages (when dist/ exists) show the same absence figures', () => {
    const sample = geo.areas.filter((_, i) => i % 6 === 0);
    let pages = 0;
    for (const area of sample) {
      const page = join(ROOT, 'dist/areas', area.slug, 'index.html');
      if (!existsSync(page)) continue;
      const html = readFileSync(page, 'utf8');
      for (const g of ['ehcp', 'support'] as const) {
        const raw = paOf(area.laCode, GROUP[g]);
        if (raw !== undefined) expect(html, `${area.name} ${g}`).toContain(`${roundDecimal(raw, 1)}% in ${year}`);
      }
      pages++;
    }
    if (existsSync(join(ROOT, 'dist/areas'))) expect(pages).toBe(sample.length);
  });

  it('EHC plans at January 2025: every area’s key fact is the published count', () => {
    const rows = readTable(join(RAW, 'ehcp/ees_2025_release/data/caseload.csv')).filter((r) => r.time_period === '202425' && r.geographic_level === 'Local authority' && r.breakdown_topic === r.breakdown);
    const byCode = new Map(rows.map((r) => [r.old_la_code!, r.ehcplans!]));
    for (const area of geo.areas) {
      const fact = keyFacts(geo, area).facts.find((f) => f.id === 'ehc-plans')!;
      const raw = byCode.get(area.laCode)!;
      expect(fact.value, area.name).toBe(/^\d+$/.test(raw) ? `${withCommas(raw)} in January 2025` : fact.value);
    }
  });

  it('the timeliness download keeps DfE’s published percentages and symbols (x stays x, never z)', () => {
    const raw = readTable(join(RAW, 'ehcp/ees_2025_release/data/timeliness_20_week.csv')).filter((r) => r.breakdown_topic === r.breakdown && r.geographic_level === 'Local authority');
    const dl = readTable(join(ROOT, 'public/data/ehc-plans-requests-timeliness.csv'));
    const dlBy = new Map(dl.filter((r) => r.geographic_level === 'Local authority').map((r) => [`${r.old_la_code}|${r.time_period}`, r]));
    let checked = 0;
    let symbols = 0;
    for (const r of raw) {
      const d = dlBy.get(`${r.old_la_code}|${r.time_period}`);
      if (!d) continue;
      const pub = r.pc_plans_issued_within_20_weeks!.trim();
      if (/^[a-z]$/.test(pub)) {
        if (!/^\d+$/.test(r.plans_issued_within_20_weeks!) || Number(r.plans_issued_den) === 0) {
          expect(d.t20_pc, `${r.la_name} ${r.time_period}`).toBe(pub);
          symbols++;
        }
      } else {
        expect(Number(d.t20_pc), `${r.la_name} ${r.time_period}`).toBeCloseTo(Number(pub), 9);
      }
      expect(d.t20_num).toBe(r.plans_issued_within_20_weeks!.trim());
      expect(d.t20_den).toBe(r.plans_issued_den!.trim());
      checked++;
    }
    expect(checked).toBeGreaterThan(700);
    expect(symbols).toBeGreaterThan(0);
  });

  it('Surrey’s recomputed primary-need percentages are the counts’ ratio, and disclosed in the dictionary and the download notes', () => {
    const raw = readTable(join(RAW, 'ehcp/ees_2025_release/data/sen_needs_all_plans.csv')).find((r) => r.la_name === 'Surrey' && r.breakdown_topic === r.breakdown)!;
    const dl = readTable(join(ROOT, 'public/data/ehc-plans-primary-need.csv')).find((r) => r.la_name === 'Surrey')!;
    for (const k of ['sld', 'spld']) {
      const ratio = ((Number(raw[`number_${k}`]) / Number(raw.ehc_plans)) * 100).toFixed(6);
      expect(dl[`need_${k}_pc`]).toBe(roundDecimal(ratio, 1));
      expect(dl[`need_${k}_pc`]).not.toBe(roundDecimal(raw[`${k}_pc`]!, 1));
    }
    // Every other need keeps DfE's published percentage.
    expect(Number(dl.need_asd_pc)).toBeCloseTo(Number(raw.asd_pc), 9);
    const meta = readFileSync(join(ROOT, 'public/data/ehc-plans-primary-need.meta.csv'), 'utf8');
    expect(meta).toMatch(/Surrey, January 2025, severe learning difficulty: DfE publishes 7\.8%/);
    const catalogue = JSON.parse(readFileSync(join(ROOT, 'public/data/catalogue.json'), 'utf8')) as { downloads: { id: string; description: string }[] };
    expect(catalogue.downloads.find((d) => d.id === 'ehc-plans-primary-need')!.description).toMatch(/Departures from published figures: Surrey/);
  });

  it('persistent absence of pupils with any SEN, England 2022/23, is the band counts’ ratio', async () => {
    const { bandsRates } = await import('../../src/read/absence-data.ts');
    const { bands } = await import('../../src/read/absence-data.ts');
    const text = readFileSync(join(RAW, 'absence/dfe_absence_bands_2016-17_to_2022-23_noheader.csv'), 'utf8');
    let all = 0;
    let persistent = 0;
    for (const line of text.split('\n')) {
      if (!line.includes(',202223,National,')) continue;
      const f = parseCsv(line)[0]!;
      if (f[12] !== 'Any special educational need') continue;
      const b = f.slice(15, 26).map(Number);
      all += b.reduce((s, n) => s + n, 0);
      persistent += b.slice(2).reduce((s, n) => s + n, 0);
    }
    const i = bands.periods.indexOf('202223');
    const site = bandsRates('E92000001', 'total', 'any', 'persistent')[i]!;
    expect(site.kind).toBe('value');
    expect((site as { value: number }).value).toBeCloseTo((persistent / all) * 100, 9);
  });
});
