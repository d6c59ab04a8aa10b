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
import { streamCsv, type CsvRow } from '../lib/csv.ts';
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
    store.put('ehc_plans', eesGeoKey(r, geo, geos), januaryYear(r), r.cell('ehcplans', { ...COUNT, symbols: [...COUNT.symbols], allowBlank: false }), r, 'ehcplans');
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
    const opts = { symbols: ['z', 'x'] as ('z' | 'x')[], allowBlank: false };
    store.put('ehc_plans', key, year, r.cell('Total_ehc', opts), r, 'Total_ehc');
    store.put('statements', key, year, r.cell('Total_st', opts), r, 'Total_st');
  });
  return { store, stats };
}

const FLOW_OPTS = { symbols: ['x', 'z', 'c'] as ('x' | 'z' | 'c')[], allowBlank: false };

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
    const put = (m: string, c: string) => store.put(m, key, year, r.cell(c, FLOW_OPTS), r, c);
    put('requests', 'inreq_ehc');
    put('refused', 'ass_refused_ehc');
    put('refused_pc_published', 'ass_refused_ehc_pc');
    put('t20_den', 'tot_inc_exc_ehc');
    put('t20_num', 'inc_exc_20week_ehc');
    put('t20_pc_published', 'inc_exc_20week_rate');
    put('t20_den_ex', 'tot_no_exc_ehc');
    put('t20_num_ex', 'no_exc_20week_ehc');
    put('t20_pc_ex_published', 'no_exc_20week_rate');
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
    store.put('requests', key, year, r.cell('requests_received_in_year', FLOW_OPTS), r, 'requests_received_in_year');
    store.put('refused', key, year, r.cell('requests_decided_not_to_assess', FLOW_OPTS), r, 'requests_decided_not_to_assess');
    store.put('refused_pc_published', key, year, r.cell('request_not_assess_pc', FLOW_OPTS), r, 'request_not_assess_pc');
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
    for (const [m, c] of map) store.put(m, key, year, r.cell(c, FLOW_OPTS), r, c);
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

export async function parseNeeds2025(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>): Promise<{ store: SeriesStore; stats: ParseStats }> {
  const store = new SeriesStore();
  const stats: ParseStats = { rows: 0, skipped: {} };
  stats.rows = await streamCsv(path, { columns: [...EES_GEO, 'breakdown_topic', 'breakdown', 'ehc_plans', ...NEEDS.map(([k]) => `number_${k}`)] }, (r) => {
    if (!isTotalRow(r)) return skip(stats, 'breakdown rows: only the total is used');
    const key = eesGeoKey(r, geo, geos);
    const year = januaryYear(r);
    store.put('need_total', key, year, r.cell('ehc_plans', FLOW_OPTS), r, 'ehc_plans');
    for (const [k] of NEEDS) store.put(`need_${k}`, key, year, r.cell(`number_${k}`, FLOW_OPTS), r, `number_${k}`);
  });
  return { store, stats };
}

/** Round a derived percentage to 1 dp like the published figures; symbols pass through. */
function pc1(c: Cell): Cell {
  return c.kind === 'value' ? value(roundTo(c.value, 1)) : c;
}

/** Derived rates, percentages to 1 dp as published; a zero denominator gives `z`. */
export function deriveEhcpRates(store: SeriesStore): void {
  const derive = (out: string, num: string, den: string) => {
    for (const g of store.geoKeys(den)) {
      for (const p of store.periods(den)) {
        if (!store.has(den, g, p)) continue;
        store.put(out, g, p, pc1(ratio(store.get(num, g, p), store.get(den, g, p))));
      }
    }
  };
  derive('refused_pc', 'refused', 'requests');
  derive('t20_pc', 't20_num', 't20_den');
  derive('t20_pc_ex', 't20_num_ex', 't20_den_ex');
  for (const [k] of NEEDS) derive(`need_${k}_pc`, `need_${k}`, 'need_total');
}

export interface EhcpBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  disagreements: Disagreement[];
  overlaps: Record<string, number>;
  stats: Record<string, ParseStats>;
  /** The separate per-release stores, for tests. */
  releases: Record<string, SeriesStore>;
}

export async function buildEhcp(file: (id: string) => string, geo: GeographyIndex): Promise<EhcpBuild> {
  const geos = baseGeos(geo);
  const caseload25 = await parseCaseload2025(file('ehcp-2025-caseload'), geo, geos);
  const caseload22 = await parseAgeCaseload2022(file('ehcp-2022-age-caseload'), geo, geos);
  const mi23 = await parseMi2023(file('ehcp-2023-mi'), geo, geos);
  const req25 = await parseRequests2025(file('ehcp-2025-requests'), geo, geos);
  const tim25 = await parseTimeliness2025(file('ehcp-2025-timeliness-20-week'), geo, geos);
  const needs = await parseNeeds2025(file('ehcp-2025-sen-needs-all-plans'), geo, geos);

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

  deriveEhcpRates(store);

  return {
    store,
    geos,
    disagreements,
    overlaps,
    stats: { caseload25: caseload25.stats, caseload22: caseload22.stats, mi23: mi23.stats, req25: req25.stats, tim25: tim25.stats, needs: needs.stats },
    releases: { caseload25: caseload25.store, caseload22: caseload22.store, mi23: mi23.store, req25: req25.store, tim25: tim25.store, needs: needs.store },
  };
}

/** One note per area and year where the 2025 release withheld a figure the 2023 release had published. */
export function withheldNotes(b: EhcpBuild): Record<string, string[]> {
  const notes: Record<string, Set<string>> = {};
  for (const d of b.disagreements) {
    if (d.newer.kind === 'value') continue;
    const label = d.measure.startsWith('t20') ? '20-week timeliness' : (EHCP_MEASURES.find((m) => m.id === d.measure)?.label ?? d.measure);
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

function columnsFor(ids: string[]): Column[] {
  return ids.map((id) => {
    const m = measure(id);
    return { name: id, type: 'Indicator', label: m.label, unit: m.unit === '' ? '' : m.unit, dp: m.dp } satisfies Column;
  });
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
      throw new Error(`EHC plan releases disagree where they overlap (${conflicts.length} cells), e.g. ${d.measure} ${d.geoKey} ${d.period}`);
    }
    const withheld = withheldNotes(b);
    const json = { ...seriesToJson(b.store, EHCP_MEASURES, b.geos), withheld };

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
        description: 'Initial requests for an EHC needs assessment, requests refused, and new EHC plans issued within the legal 20-week limit, including and excluding exception cases, by calendar year. Percentages are recomputed from the counts. 2023 onwards come from person-level returns: DfE warns of a break in the series.',
        columns: [...seriesGeoColumns('Calendar year'), ...columnsFor(flowIds)],
        rows: seriesDownloadRows(b.store, flowIds, b.geos, ctx.geo, 'Calendar year'),
        sourceIds: FLOW_SOURCES,
        licence: OGL,
      },
      {
        id: 'ehc-plans-primary-need',
        title: 'EHC plans by primary type of need, January 2025',
        description: 'EHC plans at January 2025 by the primary type of need recorded, for England, regions and each local area.',
        columns: [...seriesGeoColumns('January'), ...columnsFor(needIds)],
        rows: seriesDownloadRows(b.store, needIds, b.geos, ctx.geo, 'January'),
        sourceIds: ['ehcp-2025-sen-needs-all-plans'],
        licence: OGL,
      },
    ];
    return { json: { ehcp: json }, downloads };
  },
};
