/**
 * SEND Tribunal appeal rate by local area, from two releases of DfE/HMCTS's
 * table (formatted tables, not tidy data; see the mirror's tribunal/SOURCES.md):
 *
 * - June 2025 (`tribunal-appeals`): 2014–2024, appealable decisions counting
 *   the EHC plans held at January (the old method), plus 2024 "in
 *   development" columns on the new method;
 * - June 2026 (`tribunal-appeals-2026`): 2024–2025 on the new method
 *   (completed annual reviews instead of plans held). It revises every 2024
 *   rate. The current series takes each year from the newest release; the
 *   superseded 2024 figures stay in `*_old_method` and in the download, labelled.
 *
 * The June 2025 table:
 *
 * - Lines 1–3 are a title and blanks; line 4 names the years (each over three
 *   columns); line 5 names the measures; then region headings in capitals, LA
 *   rows, the England total, and notes after the first empty row.
 * - Three LA codes are wrong in the file (Northamptonshire 892, Nottingham 891,
 *   Nottinghamshire 928): where the code's area and the row's name disagree, the
 *   name wins, and every such correction is counted (tests pin them).
 * - Bournemouth and Poole have no code: joined on name to their predecessor series.
 * - Dorset's row holds the old county (to 2018) and the new unitary Dorset
 *   (from 2019; footnote 6): its 2014–2018 figures go to "Dorset (before April 2019)".
 */
import { roundTo, value, type Cell } from '../lib/cell.ts';
import { DataError, streamCsv, type CsvRow } from '../lib/csv.ts';
import { OGL, type Column, type CsvValue, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { baseGeos, ENGLAND, geoKeyForCode, seriesToJson, SeriesStore, toJsonCell, type GeoInfo, type JsonCell, type MeasureMeta } from '../lib/series.ts';
import { parseCaseload2025 } from './ehcp.ts';
import { geoColumnValues, orderedGeoKeys, seriesGeoColumns } from './series-download.ts';

export const FIRST_YEAR = 2014;
export const LAST_YEAR = 2024;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const KINDS = ['appeals', 'decisions', 'rate'] as const;

/** Remove footnote digits glued to a name: "Dorset6" → "Dorset", "England Total4,9" → "England Total". */
export function stripFootnotes(name: string): string {
  return name.replace(/\d+(,\d+)*\s*$/, '').trim();
}

/** For comparing names across sources: "Bristol, City of" ~ "Bristol", "County Durham" ~ "Durham". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(county\)|, city of|, county of|\bcounty\b|\bcity of\b/g, ' ')
    .replace(/[^a-z]+/g, '');
}

export interface TribunalBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  /** Rows whose printed code was replaced because the name names another area. */
  corrections: { name: string; printedCode: string; usedKey: string; line: number }[];
  /** Rows joined on name because they have no code. */
  joinedOnName: string[];
  skipped: Record<string, number>;
  /** England total row, as published. */
  englandRow: number;
}

export async function parseTribunal(path: string, geo: GeographyIndex, displayName?: string): Promise<TribunalBuild> {
  const geos = baseGeos(geo);
  const store = new SeriesStore();
  const corrections: TribunalBuild['corrections'] = [];
  const joinedOnName: string[] = [];
  const skipped: Record<string, number> = {};
  let englandRow = 0;
  const count = (rule: string): void => {
    skipped[rule] = (skipped[rule] ?? 0) + 1;
  };

  // Names → series keys: today's areas and the predecessors in the code history.
  const byName = new Map<string, string>();
  for (const a of geo.areas) {
    byName.set(nameKey(a.name), a.laCode);
    byName.set(nameKey(a.officialName), a.laCode);
  }
  const predByName = new Map<string, string>();
  for (const ch of geo.geography.codeChanges) if (ch.oldLaCode !== ch.newLaCode) predByName.set(nameKey(ch.oldName), ch.oldLaCode);

  const file = displayName ?? path;
  const headerProblem = (i: number, name: string, expected: string) => new DataError(file, 4, name || `column ${i + 1}`, `expected "${expected}" in the year header; the table layout has changed`);
  const columns = ['name', 'code', ...YEARS.flatMap((y) => KINDS.map((k) => `${y}_${k}`)), 'dev_decisions', 'dev_rate'];
  let measureRowSeen = false;
  const cellOpts = { thousands: true, percent: true, symbols: ['..', '-', 'x', '~'] as ('..' | '-' | 'x' | '~')[] };

  await streamCsv(
    path,
    {
      columns,
      displayName,
      skipLines: 3,
      renameHeader: (name, i) => {
        if (i === 0) {
          if (name !== 'Local Authority') throw headerProblem(i, name, 'Local Authority');
          return 'name';
        }
        if (i === 1) {
          if (name !== 'LA code') throw headerProblem(i, name, 'LA code');
          return 'code';
        }
        const j = i - 2;
        if (j < YEARS.length * 3) {
          const year = YEARS[Math.floor(j / 3)]!;
          if (j % 3 === 0 && name !== String(year)) throw headerProblem(i, name, String(year));
          return `${year}_${KINDS[j % 3]}`;
        }
        if (j === YEARS.length * 3) return 'dev_decisions';
        if (j === YEARS.length * 3 + 1) return 'dev_rate';
        return name;
      },
      // Notes start after the first empty row.
      stopAt: (fields) => fields.every((f) => f.trim() === ''),
    },
    (r) => {
      if (!measureRowSeen) {
        // Line 5: the measure names, with footnote digits.
        const expect = (col: string, prefix: string) => {
          if (!r.get(col).startsWith(prefix)) throw r.error(col, `expected the measure name "${prefix}…"`);
        };
        for (const y of YEARS) {
          expect(`${y}_appeals`, 'Appeals registered');
          expect(`${y}_decisions`, 'Total Appealable Decisions');
          expect(`${y}_rate`, 'SEND Tribunal Appeal Rate');
        }
        expect('dev_decisions', 'In development: Total Appealable Decisions');
        expect('dev_rate', 'In development: SEND Tribunal Appeal Rate');
        measureRowSeen = true;
        return;
      }
      const rawName = r.text('name');
      const name = stripFootnotes(rawName);
      const code = r.get('code').trim();
      const rest = columns.slice(2).map((c) => r.get(c).trim());
      if (code === '' && rest.every((f) => f === '') && name === name.toUpperCase()) return count('region heading rows (capitals, no figures)');
      if (name === 'England total excluding suppressed') return count('"England total excluding suppressed" (basis not stated in the file)');

      let key: string;
      if (name === 'England Total') {
        key = ENGLAND;
        englandRow = r.line;
      } else if (code === '') {
        const pred = predByName.get(nameKey(name));
        if (!pred) throw r.error('LA code', `"${name}" has no code and is not a known former area`);
        key = geoKeyForCode(geo, pred, r, 'LA code', geos);
        joinedOnName.push(name);
      } else {
        if (!/^\d{3}$/.test(code)) throw r.error('LA code', `"${code}" is not a 3-digit DfE code`);
        const byCode = geoKeyForCode(geo, code, r, 'LA code', geos);
        const codeName = geos.get(byCode)!.name.replace(/ \(before .*\)$/, '');
        if (nameKey(codeName) === nameKey(name)) key = byCode;
        else {
          const named = byName.get(nameKey(name)) ?? predByName.get(nameKey(name));
          if (!named) throw r.error('LA code', `code ${code} is ${codeName} but the row names "${name}", which is not a known area`);
          key = geoKeyForCode(geo, named, r, 'LA code', geos);
          corrections.push({ name, printedCode: code, usedKey: key, line: r.line });
        }
      }

      for (const y of YEARS) {
        // Dorset (838): figures to 2018 are the old county's (footnote 6).
        const k = key === '838' && y < 2019 ? geoKeyForCode(geo, '835', r, 'LA code', geos) : key;
        store.put('appeals', k, y, r.cell(`${y}_appeals`, cellOpts), r, `${y}_appeals`);
        store.put('decisions', k, y, r.cell(`${y}_decisions`, cellOpts), r, `${y}_decisions`);
        store.put('appeal_rate', k, y, r.cell(`${y}_rate`, cellOpts), r, `${y}_rate`);
      }
      store.put('decisions_dev', key, LAST_YEAR, r.cell('dev_decisions', cellOpts), r, 'dev_decisions');
      store.put('appeal_rate_dev', key, LAST_YEAR, r.cell('dev_rate', cellOpts), r, 'dev_rate');
    },
  );
  if (!measureRowSeen || englandRow === 0) throw new DataError(file, null, null, 'no England Total row found: the table layout has changed');
  return { store, geos, corrections, joinedOnName, skipped, englandRow };
}

/**
 * Appealable decisions include every EHC plan held at January, so they cannot
 * be much fewer than the plans held. Where they are below this share of the
 * plans in the EHC plans release (small gaps come from different extraction
 * dates), the area's appeal rate for that year gets a caution. The published
 * figures are kept as published.
 */
export const DECISIONS_BELOW_PLANS_THRESHOLD = 0.9;

export function decisionCautions(t: TribunalBuild, plans: SeriesStore): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of t.store.geoKeys('decisions')) {
    for (const year of t.store.periods('decisions')) {
      const d = t.store.get('decisions', key, year);
      const p = plans.get('ehc_plans', key, year);
      if (d.kind !== 'value' || p.kind !== 'value' || d.value >= DECISIONS_BELOW_PLANS_THRESHOLD * p.value) continue;
      (out[key] ??= []).push(
        `${year}: the published appealable decisions (${d.value.toLocaleString('en-GB')}) are fewer than the EHC plans held in January ${year} (${p.value.toLocaleString('en-GB')}), although they should include them. Treat this year's appeal rate with caution.`,
      );
    }
  }
  return out;
}

// ------------------------------------------------------------------ the June 2026 release

export interface Tribunal2026Build {
  /** appeals, decisions, appeal_rate for the file's two years (new method). */
  store: SeriesStore;
  years: [number, number];
  corrections: TribunalBuild['corrections'];
  englandRow: number;
}

/**
 * The June 2026 table (2024–2025, new method). Layout: records 1–6 titles and
 * sources; record 7 the two years (columns 3 and 6); record 8 the measure
 * names; region headings in capitals; 153 LA rows with a 3-digit code;
 * "England Total"; footnotes after the first empty row. Codes are checked
 * against names as in the 2014–2024 table (Central Bedfordshire and
 * Cambridgeshire are swapped in both). Every printed rate must equal appeals
 * ÷ decisions to 1 decimal place.
 */
export async function parseTribunal2026(path: string, geo: GeographyIndex, displayName?: string): Promise<Tribunal2026Build> {
  const geos = baseGeos(geo);
  const store = new SeriesStore();
  const corrections: TribunalBuild['corrections'] = [];
  const file = displayName ?? path;
  const byName = new Map<string, string>();
  for (const a of geo.areas) {
    byName.set(nameKey(a.name), a.laCode);
    byName.set(nameKey(a.officialName), a.laCode);
  }
  const years: number[] = [];
  const cols = ['name', 'code', 'y1_appeals', 'y1_decisions', 'y1_rate', 'y2_appeals', 'y2_decisions', 'y2_rate'];
  let measureRowSeen = false;
  let englandRow = 0;
  const cellOpts = { percent: true, symbols: ['-', 'x'] as ('-' | 'x')[] };
  await streamCsv(
    path,
    {
      columns: cols,
      displayName,
      skipLines: 6,
      renameHeader: (name, i) => {
        if (i === 2 || i === 5) {
          if (!/^20\d\d$/.test(name)) throw new DataError(file, 7, `column ${i + 1}`, `expected a year in the year row, found "${name}"; the table layout has changed`);
          years.push(Number(name));
        } else if (name !== '') throw new DataError(file, 7, `column ${i + 1}`, `expected an empty cell in the year row, found "${name}"; the table layout has changed`);
        return cols[i] ?? `extra_${i}`;
      },
      stopAt: (fields) => fields.every((f) => f.trim() === ''),
    },
    (r) => {
      if (!measureRowSeen) {
        if (years.length !== 2 || years[1] !== years[0]! + 1) throw r.error('code', `expected two consecutive years in the year row, found ${years.join(', ')}`);
        const expect = (col: string, prefix: RegExp, what: string) => {
          if (!prefix.test(r.get(col).trim())) throw r.error(col, `expected the measure name "${what}…", found "${r.get(col)}"`);
        };
        expect('code', /^Old LA code$/, 'Old LA code');
        for (const y of ['y1', 'y2']) {
          expect(`${y}_appeals`, /^Appeals/, 'Appeals');
          expect(`${y}_decisions`, /^Total Appealable decisions/i, 'Total Appealable Decisions');
          expect(`${y}_rate`, /^SEND Tribunal Appeal Rate/, 'SEND Tribunal Appeal Rate');
        }
        measureRowSeen = true;
        return;
      }
      const name = stripFootnotes(r.text('name'));
      const code = r.get('code').trim();
      const rest = cols.slice(2).map((c) => r.get(c).trim());
      if (code === '' && rest.every((f) => f === '') && name === name.toUpperCase()) return;
      let key: string;
      if (name === 'England Total') {
        key = ENGLAND;
        englandRow = r.line;
      } else {
        if (!/^\d{3}$/.test(code)) throw r.error('code', `"${code}" is not a 3-digit DfE code`);
        const byCode = geoKeyForCode(geo, code, r, 'code', geos);
        if (nameKey(geos.get(byCode)!.name) === nameKey(name)) key = byCode;
        else {
          const named = byName.get(nameKey(name));
          if (!named) throw r.error('code', `code ${code} is ${geos.get(byCode)!.name} but the row names "${name}", which is not a current area`);
          key = named;
          corrections.push({ name, printedCode: code, usedKey: key, line: r.line });
        }
      }
      for (const [i, y] of years.entries()) {
        const p = `y${i + 1}`;
        const a = r.cell(`${p}_appeals`, cellOpts);
        const d = r.cell(`${p}_decisions`, cellOpts);
        const rate = r.cell(`${p}_rate`, cellOpts);
        checkRate(r, `${p}_rate`, a, d, rate);
        store.put('appeals', key, y, a, r, `${p}_appeals`);
        store.put('decisions', key, y, d, r, `${p}_decisions`);
        store.put('appeal_rate', key, y, rate, r, `${p}_rate`);
      }
    },
  );
  if (!measureRowSeen || englandRow === 0) throw new DataError(file, null, null, 'no England Total row found: the table layout has changed');
  for (const a of geo.areas) if (!store.has('appeal_rate', a.laCode, years[1]!)) throw new DataError(file, null, null, `no row for ${a.name} (${a.laCode}): every current area must be in the table`);
  return { store, years: [years[0]!, years[1]!], corrections, englandRow };
}

const nilOr = (c: Cell): number | null => (c.kind === 'value' ? c.value : c.kind === 'symbol' && c.code === '-' ? 0 : null);

/** A published rate must equal appeals ÷ decisions rounded to 1 dp (the table's rounding). */
function checkRate(r: CsvRow, col: string, appeals: Cell, decisions: Cell, rate: Cell): void {
  const a = nilOr(appeals);
  if (a === null || decisions.kind !== 'value' || decisions.value === 0 || rate.kind !== 'value') return;
  const computed = roundTo((a / decisions.value) * 100, 1);
  if (Math.abs(computed - rate.value) > 0.05 + 1e-9) throw r.error(col, `the published rate ${rate.value}% disagrees with appeals ÷ decisions (${a} ÷ ${decisions.value} = ${computed}%)`);
}

// ------------------------------------------------------------------ regions

/**
 * Regional appeal rate for every year: the table has no regional rows, so it
 * is worked out as the sum of appeals ÷ the sum of appealable decisions over
 * every council that was in the region that year — current areas and the
 * councils since replaced (Cumbria to 2022, Northamptonshire to 2020,
 * Bournemouth, Poole and old Dorset to 2018). Nil counts as 0; an area whose
 * decisions are not available is left out of both sums. Unrounded.
 */
export function regionalRates(store: SeriesStore, geos: Map<string, GeoInfo>, geo: GeographyIndex, appealsId = 'appeals', decisionsId = 'decisions'): { rates: Map<string, Map<number, Cell>>; leftOut: Map<string, Map<number, string[]>> } {
  const sums = new Map<string, Map<number, { a: number; d: number }>>();
  const leftOut = new Map<string, Map<number, string[]>>();
  for (const key of store.geoKeys(decisionsId)) {
    const info = geos.get(key);
    if (!info || (info.kind !== 'area' && info.kind !== 'predecessor')) continue;
    const region = geo.regionOf(geo.area(info.kind === 'area' ? key : info.successors![0]!)).code;
    for (const year of store.periods(decisionsId)) {
      if (!store.has(decisionsId, key, year)) continue;
      const a = nilOr(store.get(appealsId, key, year));
      const d = store.get(decisionsId, key, year);
      if (a === null || d.kind !== 'value') {
        const dc = store.get(decisionsId, key, year);
        // ".." = the council did not exist that year: not a gap.
        if (!(dc.kind === 'symbol' && dc.code === '..')) {
          const byYear = leftOut.get(region) ?? new Map<number, string[]>();
          byYear.set(year, [...(byYear.get(year) ?? []), info.name]);
          leftOut.set(region, byYear);
        }
        continue;
      }
      const byYear = sums.get(region) ?? new Map<number, { a: number; d: number }>();
      const t = byYear.get(year) ?? { a: 0, d: 0 };
      t.a += a;
      t.d += d.value;
      byYear.set(year, t);
      sums.set(region, byYear);
    }
  }
  const rates = new Map<string, Map<number, Cell>>();
  for (const [region, byYear] of sums) rates.set(region, new Map([...byYear].map(([y, t]): [number, Cell] => [y, t.d === 0 ? { kind: 'symbol', code: 'x' } : value((t.a / t.d) * 100)])));
  return { rates, leftOut };
}

// ------------------------------------------------------------------ combining the releases

export const RELEASE_2025 = 'June 2025';
export const RELEASE_2026 = 'June 2026';
export const OLD_METHOD = 'Old method: decisions include EHC plans held at January';
export const NEW_METHOD = 'New method: decisions include annual reviews completed in the year';
export const DEV_METHOD = 'New method, in development';

/** Plain-words note on what changed, shown wherever the break appears. */
export const METHOD_NOTE =
  'In June 2026 DfE changed how it counts appealable decisions, because its SEN2 data collection now records annual reviews: instead of assuming that every EHC plan held in January was an appealable decision, it counts the annual reviews completed in the year. There are about half as many decisions on the new basis, so appeal rates from 2024 are roughly twice the old ones. Rates from 2024 are not comparable with earlier years; for 2024 both figures are shown.';

/** Isle of Wight's 2025 figures: printed in the table although the release flags their quality. */
const DATA_QUALITY_CAVEATS: { laCode: string; year: number; text: string }[] = [
  {
    laCode: '921',
    year: 2025,
    text: 'DfE says Isle of Wight’s 2025 figures are affected by “issues with data quality” and suppresses them elsewhere in the June 2026 release; this table prints them. Treat this figure with caution.',
  },
];

export interface TribunalCombined {
  /** Current series: each year from the newest release that has it. */
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  /** First year on the new method. */
  breakYear: number;
  /** Release of each year in the current series. */
  releaseOf: Record<number, string>;
  old: TribunalBuild;
  latest: Tribunal2026Build;
  /** 2024 figures the June 2026 release revised: England and the count of areas. */
  revised: { year: number; areas: number; england: { from: number; to: number } };
  /** Cells where the June 2026 release's 2024 figures differ from the June 2025 "in development" columns (expected none). */
  devDisagreements: string[];
  flags: Record<string, Record<number, string>>;
  englandNotes: Record<number, string>;
}

export function combineReleases(old: TribunalBuild, latest: Tribunal2026Build, geo: GeographyIndex): TribunalCombined {
  const [y1, y2] = latest.years;
  const store = new SeriesStore();
  const releaseOf: Record<number, string> = {};
  for (const m of ['appeals', 'decisions', 'appeal_rate']) {
    for (const key of old.store.geoKeys(m)) for (const y of old.store.periods(m)) if (y < y1 && old.store.has(m, key, y)) store.put(m, key, y, old.store.get(m, key, y));
    for (const key of latest.store.geoKeys(m)) for (const y of [y1, y2]) if (latest.store.has(m, key, y)) store.put(m, key, y, latest.store.get(m, key, y));
  }
  for (const y of store.periods('appeal_rate')) releaseOf[y] = y >= y1 ? RELEASE_2026 : RELEASE_2025;
  // The superseded year, as first published (old method).
  for (const [from, to] of [['decisions', 'decisions_old_method'], ['appeal_rate', 'appeal_rate_old_method']] as const) {
    for (const key of old.store.geoKeys(from)) if (old.store.has(from, key, y1)) store.put(to, key, y1, old.store.get(from, key, y1));
  }
  // The June 2025 "in development" columns should be the June 2026 release's first year.
  const devDisagreements: string[] = [];
  for (const key of latest.store.geoKeys('decisions')) {
    for (const [dev, now] of [['decisions_dev', 'decisions'], ['appeal_rate_dev', 'appeal_rate'], ['appeals', 'appeals']] as const) {
      const a = old.store.get(dev, key, y1);
      const b = latest.store.get(now, key, y1);
      if (JSON.stringify(a) !== JSON.stringify(b)) devDisagreements.push(`${key} ${y1} ${now}: June 2025 ${JSON.stringify(a)}, June 2026 ${JSON.stringify(b)}`);
    }
  }
  let areas = 0;
  for (const a of geo.areas) {
    const before = old.store.get('appeal_rate', a.laCode, y1);
    const after = latest.store.get('appeal_rate', a.laCode, y1);
    if (JSON.stringify(before) !== JSON.stringify(after)) areas += 1;
  }
  const eFrom = old.store.get('appeal_rate', ENGLAND, y1);
  const eTo = latest.store.get('appeal_rate', ENGLAND, y1);
  if (eFrom.kind !== 'value' || eTo.kind !== 'value') throw new Error(`tribunal: no England appeal rate for ${y1} in one of the releases`);

  const flags: Record<string, Record<number, string>> = {};
  for (const c of DATA_QUALITY_CAVEATS) if (store.has('appeal_rate', c.laCode, c.year)) (flags[c.laCode] ??= {})[c.year] = c.text;

  // DfE's England total leaves areas with "x" decisions out of the decisions only.
  const englandNotes: Record<number, string> = {};
  for (const y of [y1, y2]) {
    const missing = geo.areas.filter((a) => latest.store.get('decisions', a.laCode, y).kind !== 'value');
    if (!missing.length) continue;
    const ea = latest.store.get('appeals', ENGLAND, y);
    const ed = latest.store.get('decisions', ENGLAND, y);
    const er = latest.store.get('appeal_rate', ENGLAND, y);
    if (ea.kind !== 'value' || ed.kind !== 'value' || er.kind !== 'value') continue;
    const missingAppeals = missing.reduce((s, a) => s + (nilOr(latest.store.get('appeals', a.laCode, y)) ?? 0), 0);
    const consistent = ((ea.value - missingAppeals) / ed.value) * 100;
    const n = (x: number) => x.toLocaleString('en-GB');
    const names = missing.map((a) => a.name);
    const list = names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const same = roundTo(consistent, 1) === roundTo(er.value, 1);
    englandNotes[y] =
      `England ${y}: ${n(er.value)}% as published. DfE's England total divides all ${n(ea.value)} appeals by the ${n(ed.value)} appealable decisions of the areas with a figure: ` +
      `the decisions of ${list} are not available, so they are left out of the denominator but their ${n(missingAppeals)} appeals are not left out of the numerator. ` +
      `Counting only areas with both, the rate is ${roundTo(consistent, 2).toFixed(2)}%${same ? `, which rounds to the same ${n(roundTo(er.value, 1))}%` : ''}.`;
  }
  return {
    store,
    geos: new Map([...old.geos, ...baseGeos(geo)]),
    breakYear: y1,
    releaseOf,
    old,
    latest,
    revised: { year: y1, areas, england: { from: eFrom.value, to: eTo.value } },
    devDisagreements,
    flags,
    englandNotes,
  };
}

// ------------------------------------------------------------------ dataset

const SOURCES = ['tribunal-appeals', 'tribunal-appeals-2026'];
export const TRIBUNAL_MEASURES: MeasureMeta[] = [
  { id: 'appeals', label: 'SEND Tribunal appeals registered', unit: '', dp: 0, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'decisions', label: 'Appealable decisions (old method to 2023, new method from 2024)', unit: '', dp: 0, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'appeal_rate', label: 'Appeal rate: appeals as % of appealable decisions (old method to 2023, new method from 2024)', unit: '%', dp: 1, periodType: 'calendar', sourceIds: SOURCES },
  { id: 'decisions_old_method', label: 'Appealable decisions, old method, as published in June 2025 (superseded)', unit: '', dp: 0, periodType: 'calendar', sourceIds: ['tribunal-appeals'] },
  { id: 'appeal_rate_old_method', label: 'Appeal rate, old method, as published in June 2025 (superseded), %', unit: '%', dp: 1, periodType: 'calendar', sourceIds: ['tribunal-appeals'] },
];

/** Regional series aligned to a measure's periods, for the generated JSON. */
function regionsJson(c: TribunalCombined, geo: GeographyIndex, rateId: string, appealsId: string, decisionsId: string): Record<string, JsonCell[]> {
  const { rates } = regionalRates(c.store, c.geos, geo, appealsId, decisionsId);
  const periods = c.store.periods(rateId);
  const out: Record<string, JsonCell[]> = {};
  for (const [region, byYear] of rates) out[region] = periods.map((p) => (byYear.has(p) ? toJsonCell(byYear.get(p)!) : null));
  return out;
}

/** tribunals.csv: one row per area, year, release and method, so superseded figures stay beside the current ones. */
export function tribunalDownloadRows(c: TribunalCombined, geo: GeographyIndex): Record<string, CsvValue>[] {
  type Part = { store: SeriesStore; years: (y: number) => boolean; release: string; method: string; status: (y: number) => string; ids: [string, string, string] };
  const y1 = c.breakYear;
  const parts: Part[] = [
    { store: c.old.store, years: () => true, release: RELEASE_2025, method: OLD_METHOD, status: (y) => (y >= y1 ? `Superseded by the ${RELEASE_2026} release` : 'Current'), ids: ['appeals', 'decisions', 'appeal_rate'] },
    { store: c.old.store, years: (y) => y >= y1, release: RELEASE_2025, method: DEV_METHOD, status: () => `Published for information; the ${RELEASE_2026} release has the same figures`, ids: ['appeals', 'decisions_dev', 'appeal_rate_dev'] },
    { store: c.latest.store, years: () => true, release: RELEASE_2026, method: NEW_METHOD, status: () => 'Current', ids: ['appeals', 'decisions', 'appeal_rate'] },
  ];
  const rows: (Record<string, CsvValue> & { _sort: string })[] = [];
  const order = new Map(orderedGeoKeys(new Set(parts.flatMap((p) => p.store.geoKeys(p.ids[2]))), c.geos).map((k, i) => [k, i]));
  for (const [pi, part] of parts.entries()) {
    const [ai, di, ri] = part.ids;
    for (const y of part.store.periods(ri).filter(part.years)) {
      for (const k of part.store.geoKeys(ri)) {
        const ki = order.get(k)!;
        if (!part.store.has(ri, k, y)) continue;
        const notes = [c.flags[k]?.[y], k === ENGLAND && part.release === RELEASE_2026 ? c.englandNotes[y] : undefined].filter(Boolean).join(' ');
        rows.push({
          _sort: `${y}-${String(ki).padStart(4, '0')}-${pi}`,
          time_period: y,
          time_identifier: 'Calendar year',
          ...geoColumnValues(k, c.geos.get(k)!, geo),
          release: part.release,
          method: part.method,
          status: part.status(y),
          appeals: part.store.get(ai, k, y),
          decisions: part.store.get(di, k, y),
          appeal_rate: part.store.get(ri, k, y),
          note: notes,
        });
      }
    }
  }
  return rows.sort((a, b) => a._sort.localeCompare(b._sort)).map(({ _sort, ...r }) => r);
}

export const tribunalDataset: DatasetBuilder = {
  id: 'tribunal',
  async build(ctx) {
    const t = await parseTribunal(ctx.file('tribunal-appeals'), ctx.geo, 'tribunal/send_tribunal_appeal_rate_2014-2024.csv');
    const t26 = await parseTribunal2026(ctx.file('tribunal-appeals-2026'), ctx.geo, 'tribunal/send_appealable_decisions_rate_2024-2025_ees2026.csv');
    const c = combineReleases(t, t26, ctx.geo);
    if (c.devDisagreements.length) throw new Error(`tribunal: the June 2026 release's ${c.breakYear} figures differ from the June 2025 "in development" columns: ${c.devDisagreements.slice(0, 3).join('; ')}. Review the new release and say what it revised.`);
    const plans = await parseCaseload2025(ctx.file('ehcp-2025-caseload'), ctx.geo, baseGeos(ctx.geo));
    const cautions = decisionCautions(t, plans.store);
    for (const [k, list] of Object.entries(cautions)) cautions[k] = list.map((s) => (Number(s.slice(0, 4)) >= c.breakYear ? `${s} (This is the ${RELEASE_2025} figure on the old method, since revised.)` : s));
    const json = {
      ...seriesToJson(c.store, TRIBUNAL_MEASURES, c.geos),
      cautions,
      flags: c.flags,
      englandNotes: c.englandNotes,
      regions: {
        appeal_rate: regionsJson(c, ctx.geo, 'appeal_rate', 'appeals', 'decisions'),
        appeal_rate_old_method: regionsJson({ ...c, store: oldMethodStore(c) }, ctx.geo, 'appeal_rate_old_method', 'appeals', 'decisions_old_method'),
      },
      releases: { breakYear: c.breakYear, releaseOf: c.releaseOf, revised: c.revised, methodNote: METHOD_NOTE, old: RELEASE_2025, latest: RELEASE_2026 },
    };
    const columns: Column[] = [
      ...seriesGeoColumns('Calendar year'),
      { name: 'release', type: 'Filter', label: 'Release of DfE\u2019s appeal rate table the row comes from (Education, health and care plans, supporting file)' },
      { name: 'method', type: 'Filter', label: 'How appealable decisions are counted' },
      { name: 'status', type: 'Filter', label: 'Current, or superseded by a later release' },
      { name: 'appeals', type: 'Indicator', label: 'SEND Tribunal appeals registered', unit: '', dp: 0 },
      { name: 'decisions', type: 'Indicator', label: 'Appealable decisions', unit: '', dp: 0 },
      { name: 'appeal_rate', type: 'Indicator', label: 'Appeal rate: appeals as % of appealable decisions, as published', unit: '%', dp: 1 },
      { name: 'note', type: 'Filter', label: 'Caveat for this row, from the publisher or about how the total is made' },
    ];
    const downloads: Download[] = [
      {
        id: 'tribunals',
        title: `SEND Tribunal appeals and appeal rate by local area, ${FIRST_YEAR} to ${c.latest.years[1]}`,
        description:
          `Appeals registered with the SEND Tribunal, appealable decisions and the appeal rate, by calendar year, from two releases of DfE's table. ` +
          `${RELEASE_2025} (${FIRST_YEAR} to ${LAST_YEAR}): decisions are requests refused, decisions not to issue a plan, plans held at January, and plans ceased because needs are met without one (old method). ` +
          `${RELEASE_2026} (${c.latest.years[0]} and ${c.latest.years[1]}): decisions count annual reviews completed in the year instead of plans held (new method). ` +
          `${c.breakYear} has a row from each release, labelled in the release, method and status columns, so figures cited before the update can still be checked. ` +
          'Wrong LA codes in the published tables are corrected by name. ".." means not available (the area did not exist), "-" means nil, "x" means not available.',
        columns,
        rows: tribunalDownloadRows(c, ctx.geo),
        sourceIds: SOURCES,
        licence: OGL,
      },
    ];
    return { json: { tribunal: json }, downloads };
  },
};

/** The old-method series for the superseded year, joined to the appeals it was published with. */
function oldMethodStore(c: TribunalCombined): SeriesStore {
  const s = new SeriesStore();
  for (const id of ['appeals', 'decisions_old_method', 'appeal_rate_old_method']) {
    const from = id === 'appeals' ? c.old.store : c.store;
    for (const key of from.geoKeys(id)) if (from.has(id, key, c.breakYear)) s.put(id, key, c.breakYear, from.get(id, key, c.breakYear));
  }
  return s;
}
