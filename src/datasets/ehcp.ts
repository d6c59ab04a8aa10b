/**
 * EHC plans (DfE SEN2): caseload at January since 2010, requests and refusals,
 * 20-week timeliness, primary need.
 *
 * Sources and how the releases are joined into one series per measure:
 * - caseload: `ehcp-2022-age-caseload` (January 2010–2022, statements and EHC
 *   plans) then `ehcp-2025-caseload` (January 2019–2025). The later release wins
 *   where they overlap (2019–2022); tests check the overlap agrees.
 * - flows (calendar years): `ehcp-2023-mi` (2014–2022) then the 2025 release's
 *   `requests` and `timeliness-20-week` (2019–2024); later wins on 2019–2022.
 * - primary need: `ehcp-2025-sen-needs-all-plans` (January 2025 only).
 *
 * Percentages are derived from the merged numerators and denominators with
 * `ratio()` (so a suppressed input or a zero denominator gives a symbol, never
 * 0%); tests check every derived rate against the published one.
 */
import { ratio, roundTo, value, type Cell } from '../lib/cell.ts';
import { DataError, projectPath, streamCsv, type CsvRow } from '../lib/csv.ts';
import { placesExisting } from '../lib/coverage.ts';
import { requireCoverage, requirePartOfWhole, requireRateAgrees } from '../lib/validate.ts';
import { OGL, type Column, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { baseGeos, eesGeoKey, mergeReleases, seriesToJson, SeriesStore, type Disagreement, type GeoInfo, type MeasureMeta } from '../lib/series.ts';
import { seriesDownloadRows, seriesGeoColumns } from './series-download.ts';

const EES_GEO = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'region_code', 'old_la_code', 'la_name'];

/** EES files list every breakdown; the total row is the one whose breakdown equals its topic. */
function isTotalRow(r: CsvRow): boolean {
  return r.text('breakdown_topic') === r.text('breakdown');
}

/** 6-digit academic `time_period` (202425) = a count at January of the second year (2025). */
export function januaryYear(r: CsvRow, column = 'time_period'): number {
  const s = r.text(column);
  const m = /^(\d{4})(\d{2})$/.exec(s);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw r.error(column, `"${s}" is not a six-digit academic year such as 202425`);
  return Number(m[1]) + 1;
}

export function calendarYear(r: CsvRow, column = 'time_period'): number {
  const s = r.text(column);
  if (!/^\d{4}$/.test(s)) throw r.error(column, `"${s}" is not a four-digit calendar year`);
  return Number(s);
}

export interface ParseStats {
  rows: number;
  /** Rows left out by an explicit rule, by rule. */
  skipped: Record<string, number>;
}

function skip(stats: ParseStats, rule: string) {
  stats.skipped[rule] = (stats.skipped[rule] ?? 0) + 1;
}

// The 2025 release says it has no suppression; `x` (unavailable) and `z` occur.
const COUNT = { symbols: ['x', 'z', 'c'] as const };

/** Caseload at January 2019–2025 (2025 release). Measure `ehc_plans`. */
export async function parseCaseload2025(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  stats.rows = await streamCsv(path, { columns: [...EES_GEO, 'breakdown_topic', 'breakdown', 'ehcplans'] }, (r) => {
    if (!isTotalRow(r)) return skip(stats, 'breakdown rows (age, sex, ethnicity, …): only the total is used');
    if (r.text('time_identifier') !== 'Academic year') throw r.error('time_identifier', 'expected "Academic year"');
    store.put('ehc_plans', eesGeoKey(r, geo, geos), januaryYear(r), r.cell('ehcplans', { ...COUNT, symbols: [...COUNT.symbols], allowBlank: false, kind: 'count' }), r, 'ehcplans');
  });
  return { store, stats };
}

/** Statements and EHC plans at January 2010–2022 (2022 release). Measures `ehc_plans`, `statements`. */
export async function parseAgeCaseload2022(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  stats.rows = await streamCsv(path, { columns: [...EES_GEO, 'characteristic_age', 'Total_st', 'Total_ehc'] }, (r) => {
    if (r.text('characteristic_age') !== 'Total') return skip(stats, 'age-group rows: only the total is used');
    // This release labels January counts "Calendar year" with a 4-digit year: 2022 = January 2022.
    const year = calendarYear(r);
    const key = eesGeoKey(r, geo, geos);
    const opts = { symbols: ['z', 'x'] as ('z' | 'x')[], allowBlank: false, kind: 'count' as const };
    store.put('ehc_plans', key, year, r.cell('Total_ehc', opts), r, 'Total_ehc');
    store.put('statements', key, year, r.cell('Total_st', opts), r, 'Total_st');
  });
  return { store, stats };
}

const FLOW_OPTS = { symbols: ['x', 'z', 'c'] as ('x' | 'z' | 'c')[], allowBlank: false };
const COUNT_OPTS = { ...FLOW_OPTS, kind: 'count' as const };
const PC_OPTS = { ...FLOW_OPTS, kind: 'percent' as const };

/**
 * Read a count, its denominator and the published rate between them from one
 * row: counts are whole numbers of 0 or more, the part is no larger than the
 * whole, the rate lies in 0–100 and agrees with the counts to its published rounding.
 */
function readRate(r: CsvRow, num: string, den: string, pc: string): { num: Cell; den: Cell; pc: Cell } {
  const n = r.cell(num, COUNT_OPTS);
  const d = r.cell(den, COUNT_OPTS);
  const p = r.cell(pc, PC_OPTS);
  requirePartOfWhole(r, num, n, den, d);
  requireRateAgrees(r, pc, p, num, n, den, d);
  return { num: n, den: d, pc: p };
}

/**
 * Calendar-year flows 2014–2022 (2023 release of sen2_mi). 2014 covers
 * September–December only (the reforms started in September 2014), so it is
 * left out of every series by rule and counted.
 */
export async function parseMi2023(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  const cols = ['inreq_ehc', 'ass_refused_ehc', 'ass_refused_ehc_pc', 'tot_inc_exc_ehc', 'inc_exc_20week_ehc', 'inc_exc_20week_rate', 'tot_no_exc_ehc', 'no_exc_20week_ehc', 'no_exc_20week_rate'];
  stats.rows = await streamCsv(path, { columns: ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'region_code', 'old_la_code', 'la_name', ...cols] }, (r) => {
    const year = calendarYear(r);
    if (year === 2014) return skip(stats, '2014: September–December only, not comparable with whole years');
    const key = eesGeoKey(r, geo, geos);
    const putRate = (ms: [string, string, string], cs: [string, string, string]) => {
      const v = readRate(r, cs[0], cs[1], cs[2]);
      store.put(ms[0], key, year, v.num, r, cs[0]);
      store.put(ms[1], key, year, v.den, r, cs[1]);
      store.put(ms[2], key, year, v.pc, r, cs[2]);
    };
    putRate(['refused', 'requests', 'refused_pc_published'], ['ass_refused_ehc', 'inreq_ehc', 'ass_refused_ehc_pc']);
    putRate(['t20_num', 't20_den', 't20_pc_published'], ['inc_exc_20week_ehc', 'tot_inc_exc_ehc', 'inc_exc_20week_rate']);
    putRate(['t20_num_ex', 't20_den_ex', 't20_pc_ex_published'], ['no_exc_20week_ehc', 'tot_no_exc_ehc', 'no_exc_20week_rate']);
  });
  return { store, stats };
}

export async function parseRequests2025(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  stats.rows = await streamCsv(path, { columns: [...EES_GEO, 'breakdown_topic', 'breakdown', 'requests_received_in_year', 'requests_decided_not_to_assess', 'request_not_assess_pc'] }, (r) => {
    if (!isTotalRow(r)) return skip(stats, 'breakdown rows: only the total is used');
    const key = eesGeoKey(r, geo, geos);
    const year = calendarYear(r);
    const v = readRate(r, 'requests_decided_not_to_assess', 'requests_received_in_year', 'request_not_assess_pc');
    store.put('requests', key, year, v.den, r, 'requests_received_in_year');
    store.put('refused', key, year, v.num, r, 'requests_decided_not_to_assess');
    store.put('refused_pc_published', key, year, v.pc, r, 'request_not_assess_pc');
  });
  return { store, stats };
}

export async function parseTimeliness2025(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  const map: [string, string][] = [
    ['t20_den', 'plans_issued_den'],
    ['t20_num', 'plans_issued_within_20_weeks'],
    ['t20_pc_published', 'pc_plans_issued_within_20_weeks'],
    ['t20_den_ex', 'plans_issued_den_ex'],
    ['t20_num_ex', 'plans_issued_20_weeks_ex'],
    ['t20_pc_ex_published', 'PC_plans_issued_20_weeks_ex'],
  ];
  stats.rows = await streamCsv(path, { columns: [...EES_GEO, 'breakdown_topic', 'breakdown', ...map.map(([, c]) => c)] }, (r) => {
    if (!isTotalRow(r)) return skip(stats, 'breakdown rows: only the total is used');
    const key = eesGeoKey(r, geo, geos);
    const year = calendarYear(r);
    for (const i of [0, 3]) {
      const v = readRate(r, map[i + 1]![1], map[i]![1], map[i + 2]![1]);
      store.put(map[i]![0], key, year, v.den, r, map[i]![1]);
      store.put(map[i + 1]![0], key, year, v.num, r, map[i + 1]![1]);
      store.put(map[i + 2]![0], key, year, v.pc, r, map[i + 2]![1]);
    }
  });
  return { store, stats };
}

export const NEEDS = [
  ['asd', 'Autistic spectrum disorder'],
  ['slcn', 'Speech, language and communication needs'],
  ['semh', 'Social, emotional and mental health'],
  ['mld', 'Moderate learning difficulty'],
  ['sld', 'Severe learning difficulty'],
  ['pd', 'Physical disability'],
  ['spld', 'Specific learning difficulty'],
  ['hi', 'Hearing impairment'],
  ['pmld', 'Profound and multiple learning difficulty'],
  ['oth', 'Other difficulty or disability'],
  ['vi', 'Visual impairment'],
  ['msi', 'Multi-sensory impairment'],
  ['need_unknown', 'Need not recorded'],
] as const;

/**
 * Where DfE's published primary-need percentage contradicts its own counts,
 * the site shows the percentage recomputed from the counts and says so on the
 * page and in the download notes. Only these cells may disagree: any other
 * disagreement stops the build. Key: DfE code|January year|need.
 */
export const NEED_PC_DEPARTURES: ReadonlySet<string> = new Set(['936|2025|sld', '936|2025|spld']);

/** A published figure the site departs from, and why: shown where the figure is shown. */
export interface Departure {
  geoKey: string;
  period: number;
  measure: string;
  published: string;
  shown: number;
  note: string;
}

export async function parseNeeds2025(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats; departures: Departure[] }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  const departures: Departure[] = [];
  const pcColumn = (k: string) => (k === 'need_unknown' ? 'unknown_pc' : `${k}_pc`);
  stats.rows = await streamCsv(path, { columns: [...EES_GEO, 'breakdown_topic', 'breakdown', 'ehc_plans', ...NEEDS.flatMap(([k]) => [`number_${k}`, pcColumn(k)])] }, (r) => {
    if (!isTotalRow(r)) return skip(stats, 'breakdown rows: only the total is used');
    const key = eesGeoKey(r, geo, geos);
    const year = januaryYear(r);
    const total = r.cell('ehc_plans', COUNT_OPTS);
    store.put('need_total', key, year, total, r, 'ehc_plans');
    for (const [k] of NEEDS) {
      const n = r.cell(`number_${k}`, COUNT_OPTS);
      const pc = r.cell(pcColumn(k), PC_OPTS);
      requirePartOfWhole(r, `number_${k}`, n, 'ehc_plans', total);
      if (NEED_PC_DEPARTURES.has(`${key}|${year}|${k}`) && pc.kind === 'value' && n.kind === 'value' && total.kind === 'value') {
        const shown = roundTo((n.value / total.value) * 100, 1);
        const needLabel = NEEDS.find(([x]) => x === k)![1].toLowerCase();
        const note = `${geos.get(key)?.name ?? key}, January ${year}, ${needLabel}: DfE publishes ${pc.value}%, but its own counts give ${n.value.toLocaleString('en-GB')} of ${total.value.toLocaleString('en-GB')} plans (${shown}%)`;
        departures.push({ geoKey: key, period: year, measure: `need_${k}_pc`, published: r.get(pcColumn(k)).trim(), shown, note });
      } else requireRateAgrees(r, pcColumn(k), pc, `number_${k}`, n, 'ehc_plans', total);
      store.put(`need_${k}`, key, year, n, r, `number_${k}`);
      store.put(`need_${k}_pc_published`, key, year, pc, r, pcColumn(k));
    }
  });
  return { store, stats, departures };
}

/** Round a derived percentage to 1 dp like the published figures; symbols pass through. */
function pc1(c: Cell): Cell {
  return c.kind === 'value' ? value(roundTo(c.value, 1)) : c;
}

/**
 * The percentages, one rule for every cell: DfE's published figure (value or
 * symbol) where it gives one; derived from the two counts, to 1 dp, only where
 * DfE published no percentage but both counts; and where neither exists, DfE's
 * symbol, else the derived one (`z` for a zero denominator). The documented
 * departures (NEED_PC_DEPARTURES) show the derived figure instead, disclosed.
 * Returns how many cells were derived, by measure.
 */
export function deriveEhcpRates(store: SeriesStore, departures: readonly Departure[] = []): Record<string, number> {
  const derivedCount: Record<string, number> = {};
  const departed = new Set(departures.map((d) => `${d.measure}|${d.geoKey}|${d.period}`));
  const derive = (out: string, num: string, den: string) => {
    const published = `${out}_published`;
    for (const g of store.geoKeys(den)) {
      for (const p of store.periods(den)) {
        if (!store.has(den, g, p)) continue;
        const computed = pc1(ratio(store.get(num, g, p), store.get(den, g, p)));
        const pub = store.has(published, g, p) ? store.get(published, g, p) : null;
        let cell: Cell;
        if (departed.has(`${out}|${g}|${p}`)) cell = computed;
        else if (pub?.kind === 'value') cell = pub;
        else if (computed.kind === 'value') {
          cell = computed;
          derivedCount[out] = (derivedCount[out] ?? 0) + 1;
        } else cell = pub ?? computed;
        store.put(out, g, p, cell);
      }
    }
  };
  derive('refused_pc', 'refused', 'requests');
  derive('t20_pc', 't20_num', 't20_den');
  derive('t20_pc_ex', 't20_num_ex', 't20_den_ex');
  for (const [k] of NEEDS) derive(`need_${k}_pc`, `need_${k}`, 'need_total');
  return derivedCount;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * What each release must contain: every period it covers, and in each, England,
 * every region and every area that existed then. Documented exceptions only.
 */
export const EHCP_COVERAGE = [
  { release: 'caseload25', source: 'ehcp-2025-caseload', measure: 'ehc_plans', column: 'ehcplans', what: 'EHC plans at January', periods: range(2019, 2025), january: true },
  { release: 'caseload22', source: 'ehcp-2022-age-caseload', measure: 'ehc_plans', column: 'Total_ehc', what: 'EHC plans at January', periods: range(2010, 2022), january: true },
  { release: 'mi23', source: 'ehcp-2023-mi', measure: 'requests', column: 'inreq_ehc', what: 'Requests for an EHC needs assessment', periods: range(2015, 2022), january: false },
  { release: 'req25', source: 'ehcp-2025-requests', measure: 'requests', column: 'requests_received_in_year', what: 'Requests for an EHC needs assessment', periods: range(2019, 2024), january: false },
  { release: 'tim25', source: 'ehcp-2025-timeliness-20-week', measure: 't20_den', column: 'plans_issued_den', what: 'New EHC plans issued', periods: range(2019, 2024), january: false },
  { release: 'needs', source: 'ehcp-2025-sen-needs-all-plans', measure: 'need_total', column: 'ehc_plans', what: 'EHC plans by primary need', periods: [2025], january: true },
] as const;

/** Documented gaps: `${release}|${key}|${period}` → why. */
export const EHCP_COVERAGE_EXCEPTIONS: ReadonlyMap<string, string> = new Map<string, string>([
  ['tim25|856|2023', 'Leicester: the 2025 release publishes no 20-week timeliness row for 2023 (shown as not published)'],
  ['tim25|921|2023', 'Isle of Wight: the 2025 release publishes no 20-week timeliness row for 2023 (shown as not published)'],
]);

export function checkEhcpCoverage(file: (id: string) => string, geo: GeographyIndex, releases: Record<string, { store: SeriesStore }>): void {
  for (const c of EHCP_COVERAGE) {
    const store = releases[c.release]!.store;
    const exceptions = new Map<string, string>();
    for (const [k, why] of EHCP_COVERAGE_EXCEPTIONS) if (k.startsWith(`${c.release}|`)) exceptions.set(k.slice(c.release.length + 1), why);
    requireCoverage({
      file: file(c.source),
      column: c.column,
      what: c.what,
      periods: c.periods,
      periodLabel: (p) => (c.january ? `January ${p}` : String(p)),
      expected: (p) => placesExisting(geo, c.january ? `${p}-01-15` : `${p}-12-31`, { area: (la) => la, predecessor: (old) => `pred-${old}` }),
      has: (key, p) => store.has(c.measure, key, p),
      exceptions,
    });
  }
}

export interface EhcpBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  disagreements: Disagreement[];
  overlaps: Record<string, number>;
  stats: Record<string, ParseStats>;
  /** The separate per-release stores, for tests. */
  releases: Record<string, SeriesStore>;
  /** Published figures the site departs from (disclosed on pages and in download notes). */
  departures: Departure[];
  /** Percentage cells derived from counts because DfE published none, by measure. */
  derived: Record<string, number>;
}

export async function buildEhcp(file: (id: string) => string, geo: GeographyIndex): Promise<EhcpBuild> {
  const geos = baseGeos(geo);
  const caseload25 = await parseCaseload2025(file('ehcp-2025-caseload'), geo, geos);
  const caseload22 = await parseAgeCaseload2022(file('ehcp-2022-age-caseload'), geo, geos);
  const mi23 = await parseMi2023(file('ehcp-2023-mi'), geo, geos);
  const req25 = await parseRequests2025(file('ehcp-2025-requests'), geo, geos);
  const tim25 = await parseTimeliness2025(file('ehcp-2025-timeliness-20-week'), geo, geos);
  const needs = await parseNeeds2025(file('ehcp-2025-sen-needs-all-plans'), geo, geos);

  checkEhcpCoverage(file, geo, { caseload25, caseload22, mi23, req25, tim25, needs });

  const store = new SeriesStore();
  const disagreements: Disagreement[] = [];
  const overlaps: Record<string, number> = {};
  const merge = (m: string, older: SeriesStore, newer: SeriesStore) => {
    const r = mergeReleases(store, m, older, newer);
    overlaps[m] = r.overlaps;
    disagreements.push(...r.disagreements);
  };
  merge('ehc_plans', caseload22.store, caseload25.store);
  merge('statements', caseload22.store, new SeriesStore());
  for (const m of ['requests', 'refused']) merge(m, mi23.store, req25.store);
  for (const m of ['t20_den', 't20_num', 't20_den_ex', 't20_num_ex']) merge(m, mi23.store, tim25.store);
  for (const m of ['need_total', ...NEEDS.map(([n]) => `need_${n}`)]) merge(m, new SeriesStore(), needs.store);
  // DfE's own percentages, later release winning, to keep where published.
  for (const m of ['refused_pc', 't20_pc', 't20_pc_ex']) mergeReleases(store, `${m}_published`, mi23.store, m === 'refused_pc' ? req25.store : tim25.store);
  for (const [n] of NEEDS) mergeReleases(store, `need_${n}_pc_published`, new SeriesStore(), needs.store);

  const derived = deriveEhcpRates(store, needs.departures);

  return {
    store,
    geos,
    disagreements,
    overlaps,
    stats: { caseload25: caseload25.stats, caseload22: caseload22.stats, mi23: mi23.stats, req25: req25.stats, tim25: tim25.stats, needs: needs.stats },
    releases: { caseload25: caseload25.store, caseload22: caseload22.store, mi23: mi23.store, req25: req25.store, tim25: tim25.store, needs: needs.store },
    departures: needs.departures,
    derived,
  };
}

/** What the 20-week timeliness measures (t20_*) are called in sentences, here and on every page (src/read/measures.ts). */
export const TIMELINESS_NOUN = '20-week timeliness';

/** One note per area and year where the 2025 release withheld a figure the 2023 release had published. */
export function withheldNotes(b: EhcpBuild): Record<string, string[]> {
  const notes: Record<string, Set<string>> = {};
  for (const d of b.disagreements) {
    if (d.newer.kind === 'value') continue;
    const label = d.measure.startsWith('t20') ? TIMELINESS_NOUN : (EHCP_MEASURES.find((m) => m.id === d.measure)?.label ?? d.measure);
    (notes[d.geoKey] ??= new Set()).add(`${d.period} ${label}: the 2025 release withheld figures published in 2023 (pending quality checks), so they are shown as not available.`);
  }
  return Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, [...v]]));
}

const CASELOAD_SOURCES = ['ehcp-2022-age-caseload', 'ehcp-2025-caseload'];
const FLOW_SOURCES = ['ehcp-2023-mi', 'ehcp-2025-requests', 'ehcp-2025-timeliness-20-week'];

export const EHCP_MEASURES: MeasureMeta[] = [
  { id: 'ehc_plans', label: 'EHC plans at January', unit: '', dp: 0, periodType: 'january', sourceIds: CASELOAD_SOURCES },
  { id: 'statements', label: 'Statements of SEN at January', unit: '', dp: 0, periodType: 'january', sourceIds: ['ehcp-2022-age-caseload'] },
  { id: 'requests', label: 'Initial requests for an EHC needs assessment', unit: '', dp: 0, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 'refused', label: 'Requests refused (decided not to assess)', unit: '', dp: 0, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 'refused_pc', label: 'Requests refused, % of requests received', unit: '%', dp: 1, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 't20_den', label: 'New EHC plans issued (including exception cases)', unit: '', dp: 0, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 't20_num', label: 'New EHC plans issued within 20 weeks (including exception cases)', unit: '', dp: 0, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 't20_pc', label: 'New EHC plans issued within 20 weeks, % (including exception cases)', unit: '%', dp: 1, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 't20_den_ex', label: 'New EHC plans issued (excluding exception cases)', unit: '', dp: 0, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 't20_num_ex', label: 'New EHC plans issued within 20 weeks (excluding exception cases)', unit: '', dp: 0, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 't20_pc_ex', label: 'New EHC plans issued within 20 weeks, % (excluding exception cases)', unit: '%', dp: 1, periodType: 'calendar', sourceIds: FLOW_SOURCES },
  { id: 'need_total', label: 'EHC plans at January with a primary need recorded or not', unit: '', dp: 0, periodType: 'january', sourceIds: ['ehcp-2025-sen-needs-all-plans'] },
  ...NEEDS.flatMap(([k, label]): MeasureMeta[] => [
    { id: `need_${k}`, label: `EHC plans: primary need ${label}`, unit: '', dp: 0, periodType: 'january', sourceIds: ['ehcp-2025-sen-needs-all-plans'] },
    { id: `need_${k}_pc`, label: `EHC plans: primary need ${label}, % of plans`, unit: '%', dp: 1, periodType: 'january', sourceIds: ['ehcp-2025-sen-needs-all-plans'] },
  ]),
];

function measure(id: string): MeasureMeta {
  const m = EHCP_MEASURES.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

/** How a percentage column was made, said in the data dictionary (issue 11.3). */
const PC_PROVENANCE =
  " Published by DfE (value or symbol kept as published); derived from this row's two counts, to 1 decimal place, only where DfE published no percentage (x) but published both counts.";

function columnsFor(ids: string[], departures: readonly Departure[] = []): Column[] {
  return ids.map((id) => {
    const m = measure(id);
    let label = m.label;
    if (m.unit === '%') {
      label += `.${PC_PROVENANCE}`;
      const own = departures.filter((d) => d.measure === id);
      if (own.length > 0) label += ` Recomputed from DfE's counts, departing from DfE's published figure: ${own.map((d) => `${d.note}`).join('; ')}.`;
    }
    return { name: id, type: 'Indicator', label, unit: m.unit === '' ? '' : m.unit, dp: m.dp } satisfies Column;
  });
}

/** Download notes: which published figures the site departs from, and how many percentages it derived. */
function departureNotes(b: EhcpBuild, ids: string[]): string {
  const own = b.departures.filter((d) => ids.includes(d.measure));
  const derived = ids.reduce((n, id) => n + (b.derived[id] ?? 0), 0);
  const parts: string[] = [];
  if (own.length > 0) parts.push(` Departures from published figures: ${own.map((d) => `${d.note}; this file shows ${d.shown}% (recomputed from the counts)`).join('. ')}.`);
  if (derived > 0) parts.push(` ${derived} percentage${derived === 1 ? '' : 's'} where DfE published none (x) but published both counts ${derived === 1 ? 'is' : 'are'} derived from the counts.`);
  return parts.join('');
}

export const ehcpDataset: DatasetBuilder = {
  id: 'ehcp',
  async build(ctx) {
    const b = await buildEhcp(ctx.file, ctx.geo);
    // Where the releases overlap they must agree, except where the later
    // release withholds a figure the earlier one published (DfE: "data withheld
    // pending quality checks"); then the later release wins and we say so.
    const conflicts = b.disagreements.filter((d) => d.newer.kind === 'value');
    if (conflicts.length > 0) {
      const d = conflicts[0]!;
      const newer = d.measure === 'ehc_plans' ? 'ehcp-2025-caseload' : d.measure.startsWith('t20') ? 'ehcp-2025-timeliness-20-week' : 'ehcp-2025-requests';
      const older = d.measure === 'ehc_plans' ? 'ehcp-2022-age-caseload' : 'ehcp-2023-mi';
      const fmt = (c: Cell) => (c.kind === 'value' ? String(c.value) : c.kind === 'symbol' ? c.code : 'blank');
      throw new DataError(
        ctx.file(newer),
        null,
        d.measure,
        `disagrees with ${projectPath(ctx.file(older))} where the releases overlap (${conflicts.length} cell${conflicts.length === 1 ? '' : 's'}), e.g. ${b.geos.get(d.geoKey)?.name ?? d.geoKey} ${d.period}: ${fmt(d.newer)} here, ${fmt(d.older)} there. Check both files against the published releases (run \`npm run data:fetch\`); a genuine revision needs a documented rule in src/datasets/ehcp.ts`,
      );
    }
    const withheld = withheldNotes(b);
    const departures: Record<string, string[]> = {};
    for (const d of b.departures) (departures[d.geoKey] ??= []).push(`${d.note}. This site shows ${d.shown}%, recomputed from DfE’s counts.`);
    const json = { ...seriesToJson(b.store, EHCP_MEASURES, b.geos), withheld, departures };

    const caseloadIds = ['ehc_plans', 'statements'];
    const flowIds = ['requests', 'refused', 'refused_pc', 't20_den', 't20_num', 't20_pc', 't20_den_ex', 't20_num_ex', 't20_pc_ex'];
    const needIds = ['need_total', ...NEEDS.flatMap(([k]) => [`need_${k}`, `need_${k}_pc`])];
    const downloads: Download[] = [
      {
        id: 'ehc-plans',
        title: 'Statements of SEN and EHC plans at January, 2010 to 2025',
        description: 'Children and young people with an education, health and care (EHC) plan, and with a statement of SEN before 2019, at January each year, for England, regions and each local area. Areas that were split or merged keep their own rows, labelled with the date they ended.',
        columns: [...seriesGeoColumns('January'), ...columnsFor(caseloadIds)],
        rows: seriesDownloadRows(b.store, caseloadIds, b.geos, ctx.geo, 'January'),
        sourceIds: CASELOAD_SOURCES,
        licence: OGL,
      },
      {
        id: 'ehc-plans-requests-timeliness',
        title: 'EHC needs assessment requests, refusals and 20-week timeliness, 2015 to 2024',
        description: `Initial requests for an EHC needs assessment, requests refused, and new EHC plans issued within the legal 20-week limit, including and excluding exception cases, by calendar year. Percentages are DfE's published figures, kept as published.${departureNotes(b, flowIds)} 2023 onwards come from person-level returns: DfE warns of a break in the series.`,
        columns: [...seriesGeoColumns('Calendar year'), ...columnsFor(flowIds, b.departures)],
        rows: seriesDownloadRows(b.store, flowIds, b.geos, ctx.geo, 'Calendar year'),
        sourceIds: FLOW_SOURCES,
        licence: OGL,
      },
      {
        id: 'ehc-plans-primary-need',
        title: 'EHC plans by primary type of need, January 2025',
        description: `EHC plans at January 2025 by the primary type of need recorded, for England, regions and each local area. Percentages are DfE's published figures.${departureNotes(b, needIds)}`,
        columns: [...seriesGeoColumns('January'), ...columnsFor(needIds, b.departures)],
        rows: seriesDownloadRows(b.store, needIds, b.geos, ctx.geo, 'January'),
        sourceIds: ['ehcp-2025-sen-needs-all-plans'],
        licence: OGL,
      },
    ];
    return { json: { ehcp: json }, downloads };
  },
};
