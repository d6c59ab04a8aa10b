/**
 * Absence dataset (issue 5): all-pupil absence from LAIT, any-SEN vs no-SEN
 * persistent and severe absence computed from the absence bands, and EHC plan /
 * SEN support rates from the compiled SEN-status file. Writes compact JSON for
 * the pages and the `absence` and `suspensions` downloads.
 *
 * JSON cell encoding: a number, a DfE symbol (e.g. "-" = no value), or null
 * when the source has no row for that area and period (not published).
 */
import { ratio, roundTo, value } from '../lib/cell.ts';
import { EES_GEOGRAPHY_COLUMNS, laGeography, type Column, type CsvValue, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { predecessorKey, toJsonCell, type JsonCell } from '../lib/series.ts';
import { ABSENCE_YEARS, PHASE_LABEL, type GeoRef } from './absence-common.ts';
import { checkBandsCoverage, parseBands, type BandsAggregate, type BandsSen } from './absence-bands.ts';
import { LAIT_MEASURES, readLaitAbsence, type LaitMeasure, type LaitRecord } from './absence-lait.ts';
import { parseSenStatus, SEN_GROUP_LABEL, SEN_METRICS, type SenMetric, type SenRecord } from './absence-sen.ts';

/** Key of a place in the JSON: DfE code for today's areas, E-codes for England and regions, "pred-<code>" for predecessors (as in src/lib/series.ts). */
export function geoKey(g: GeoRef): string {
  return g.level === 'predecessor' ? predecessorKey(g.key) : g.key;
}

export interface PlaceInfo {
  name: string;
  level: GeoRef['level'];
  /** For predecessors: today's areas that took over. */
  successors?: string[];
}

// ---------- LAIT (all pupils) ----------

export interface LaitJson {
  periods: string[];
  measures: LaitMeasure[];
  /** places[key] = name and level. */
  places: Record<string, PlaceInfo>;
  /** series[key][`${measure}|${phase}`][i] for periods[i]. */
  series: Record<string, Record<string, JsonCell[]>>;
}

export function laitJson(records: readonly LaitRecord[]): LaitJson {
  const periods = [...ABSENCE_YEARS];
  const places: Record<string, PlaceInfo> = {};
  const series: Record<string, Record<string, JsonCell[]>> = {};
  for (const r of records) {
    const i = periods.indexOf(r.period);
    if (i < 0) throw new Error(`LAIT ${r.code}: period ${r.period} is outside ${periods[0]}-${periods.at(-1)}`);
    const k = geoKey(r.geo);
    places[k] ??= r.geo.successors ? { name: r.geo.name, level: r.geo.level, successors: r.geo.successors } : { name: r.geo.name, level: r.geo.level };
    const s = (series[k] ??= {});
    const arr = (s[`${r.measure}|${r.phase}`] ??= periods.map(() => null));
    arr[i] = toJsonCell(r.value);
  }
  return { periods, measures: [...LAIT_MEASURES], places, series };
}

// ---------- Bands (any SEN vs no SEN) ----------

export interface BandsJson {
  periods: string[];
  places: Record<string, PlaceInfo>;
  /** series[key][`${phase}|${sen}`][i] = [enrolments, persistent, severe] or null (no rows that year). */
  series: Record<string, Record<string, ([number, number, number] | null)[]>>;
}

export function bandsJson(aggs: readonly BandsAggregate[]): BandsJson {
  const periods = [...new Set(aggs.map((a) => a.period))].sort();
  const places: Record<string, PlaceInfo> = {};
  const series: BandsJson['series'] = {};
  for (const a of aggs) {
    const k = geoKey(a.geo);
    places[k] ??= a.geo.successors ? { name: a.geo.name, level: a.geo.level, successors: a.geo.successors } : { name: a.geo.name, level: a.geo.level };
    const s = (series[k] ??= {});
    const arr = (s[`${a.phase}|${a.sen}`] ??= periods.map(() => null));
    const i = periods.indexOf(a.period);
    if (arr[i]) throw new Error(`bands: two aggregates for ${k} ${a.phase} ${a.sen} ${a.period} (two source codes for one area in one year)`);
    arr[i] = [a.counts.enrolments, a.counts.persistent, a.counts.severe];
  }
  return { periods, places, series };
}

// ---------- SEN status (EHC plan, SEN support, no SEN) ----------

export interface SenSlot {
  period: string;
  term: string;
}

export interface SenJson {
  /** Time slots of each metric, oldest first (academic metrics include 2019/20 as a gap). */
  slots: Record<SenMetric, SenSlot[]>;
  places: Record<string, PlaceInfo>;
  /** values[metric][`${phase}|${group}`][key][i] for slots[metric][i]; group "none" = no SEN. */
  values: Record<string, Record<string, Record<string, (number | null)[]>>>;
  /** Areas published under an earlier code: key → [source code, first and last period with it]. */
  breaks: Record<string, { code: string; from: string; to: string }[]>;
}

const TERM_ORDER = ['Academic year', 'Autumn term', 'Spring term', 'Summer term'];

export function senJson(records: readonly SenRecord[]): SenJson {
  const slots = {} as Record<SenMetric, SenSlot[]>;
  for (const m of Object.keys(SEN_METRICS) as SenMetric[]) {
    const rs = records.filter((r) => r.metric === m);
    const seen = new Map<string, SenSlot>();
    for (const r of rs) seen.set(`${r.period}|${r.term}`, { period: r.period, term: r.term });
    if (!SEN_METRICS[m].termly) {
      // Full academic years from the first to the last, so 2019/20 shows as a gap, never interpolated.
      const ps = [...seen.values()].map((s) => s.period).sort();
      for (const p of ABSENCE_YEARS) if (p >= ps[0]! && p <= ps.at(-1)! && !seen.has(`${p}|Academic year`)) seen.set(`${p}|Academic year`, { period: p, term: 'Academic year' });
    }
    slots[m] = [...seen.values()].sort((a, b) => a.period.localeCompare(b.period) || TERM_ORDER.indexOf(a.term) - TERM_ORDER.indexOf(b.term));
  }
  const places: Record<string, PlaceInfo> = {};
  const values: SenJson['values'] = {};
  const breaks: SenJson['breaks'] = {};
  const put = (m: SenMetric, series: string, k: string, i: number, v: number) => {
    const bySeries = (values[m] ??= {});
    const byPlace = (bySeries[series] ??= {});
    const arr = (byPlace[k] ??= slots[m].map(() => null));
    const prev = arr[i];
    if (prev !== null && prev !== undefined && prev !== v) throw new Error(`SEN status: two values for ${m} ${series} ${k} slot ${i} (two source codes for one area in one period)`);
    arr[i] = v;
  };
  for (const r of records) {
    const k = geoKey(r.geo);
    places[k] ??= r.geo.successors ? { name: r.geo.name, level: r.geo.level, successors: r.geo.successors } : { name: r.geo.name, level: r.geo.level };
    if (r.geo.status === 'recoded') {
      const list = (breaks[k] ??= []);
      const b = list.find((x) => x.code === r.geo.sourceCode);
      if (!b) list.push({ code: r.geo.sourceCode!, from: r.period, to: r.period });
      else {
        if (r.period < b.from) b.from = r.period;
        if (r.period > b.to) b.to = r.period;
      }
    }
    const i = slots[r.metric].findIndex((s) => s.period === r.period && s.term === r.term);
    // Pages show termly suspension rates for all schools only (the download has every phase).
    if (SEN_METRICS[r.metric].kind === 'suspension' && r.phase !== 'total') continue;
    // The published value, unrounded: pages round once, at display, and medians,
    // gaps, ranks and neighbour counts are taken from these exact values.
    put(r.metric, `${r.phase}|${r.group}`, k, i, r.send);
    put(r.metric, `${r.phase}|none`, k, i, r.noSen);
  }
  return { slots, places, values, breaks };
}

// ---------- Downloads ----------

type Row = Record<string, CsvValue>;

function geoColumns(g: GeoRef, geo: GeographyIndex): Row {
  if (g.level === 'national') return { geographic_level: 'National', country_code: 'E92000001', country_name: 'England' };
  if (g.level === 'regional') return { geographic_level: 'Regional', country_code: 'E92000001', country_name: 'England', region_code: g.key, region_name: g.name };
  if (g.level === 'predecessor') {
    const change = geo.geography.codeChanges.find((c) => c.oldLaCode === g.key)!;
    const region = geo.regionOf(geo.area(g.successors![0]!));
    return {
      ...laGeography(region, { onsCode: change.oldOnsCode, laCode: g.key, name: g.name }),
      code_status: 'predecessor',
      current_la_codes: g.successors!.join(';'),
    };
  }
  const area = geo.area(g.key);
  const region = geo.regionOf(area);
  return {
    ...laGeography(region, area),
    code_status: g.status ?? 'current',
    source_la_code: g.sourceCode ?? '',
    current_la_codes: area.laCode,
  };
}

const AREA_COLUMNS: Column[] = [
  { name: 'code_status', type: 'Filter', label: 'current = code in use now; recoded = earlier code of the same area (series continues across a break); predecessor = an area later split or merged (its figures are not its successors\')' },
  { name: 'source_la_code', type: 'Filter', label: 'Code used in the source, when it is not today\'s code' },
  { name: 'current_la_codes', type: 'Filter', label: "DfE codes of today's area(s) the row belongs to or was succeeded by (semicolon-separated)" },
];

export const ABSENCE_COLUMNS: Column[] = [
  ...EES_GEOGRAPHY_COLUMNS,
  ...AREA_COLUMNS,
  { name: 'education_phase', type: 'Filter', label: 'Type of school (All state-funded schools, State-funded primary, State-funded secondary, Special schools)' },
  { name: 'sen_status', type: 'Filter', label: 'SEN status: All pupils, Any SEN, No identified SEN, EHC plan, SEN support, No SEN' },
  { name: 'measure', type: 'Filter', label: 'overall_absence, authorised_absence, unauthorised_absence (% of possible sessions); persistent_absence (% of pupils missing 10% or more), severe_absence (% missing 50% or more); attendance (% of sessions)' },
  { name: 'rate', type: 'Indicator', label: 'Rate, per cent (x = no value published for that area and year; the source wrote "-", kept in rate_source_symbol)', unit: '%' },
  { name: 'enrolments', type: 'Indicator', label: 'Pupil enrolments (absence bands only)', unit: '' },
  { name: 'enrolments_in_measure', type: 'Indicator', label: 'Enrolments persistently or severely absent (absence bands only)', unit: '' },
  { name: 'source', type: 'Filter', label: 'Source id in data/sources.json: lait-store (LAIT), absence-bands (computed from enrolments by absence band), absence-sen-status (Data to Insight compilation)' },
];

export const SUSPENSION_COLUMNS: Column[] = [
  ...EES_GEOGRAPHY_COLUMNS,
  ...AREA_COLUMNS,
  { name: 'education_phase', type: 'Filter', label: 'Type of school as published (Total, State-funded primary, State-funded secondary, State-funded special)' },
  { name: 'sen_status', type: 'Filter', label: 'EHC plan, SEN support or No SEN' },
  { name: 'measure', type: 'Filter', label: 'suspension_rate (suspensions per 100 pupils), one_plus_suspension_rate (% of pupils with one or more suspensions), permanent_exclusion_rate (per 100 pupils)' },
  { name: 'rate', type: 'Indicator', label: 'Rate for the term (not additive across terms)', unit: '' },
  { name: 'source', type: 'Filter', label: 'Source id in data/sources.json' },
];

const MEASURE_ID: Record<SenMetric, string> = {
  sess_overall_percent: 'overall_absence',
  enrolments_pa_10_exact_percent: 'persistent_absence',
  enrolments_pa_50_exact_percent: 'severe_absence',
  susp_rate: 'suspension_rate',
  one_plus_susp_rate: 'one_plus_suspension_rate',
  perm_excl_rate: 'permanent_exclusion_rate',
  attendance_perc: 'attendance',
  overall_absence_perc: 'overall_absence',
};
const BANDS_SEN_LABEL: Record<BandsSen, string> = { all: 'All pupils', any: 'Any SEN', none: 'No identified SEN' };

export function absenceRows(lait: readonly LaitRecord[], bands: readonly BandsAggregate[], sen: readonly SenRecord[], geo: GeographyIndex): Row[] {
  const rows: Row[] = [];
  for (const r of lait) {
    rows.push({
      time_period: r.period, time_identifier: 'Academic year', ...geoColumns(r.geo, geo),
      education_phase: PHASE_LABEL[r.phase], sen_status: 'All pupils', measure: `${r.measure}_absence`, rate: r.value, source: 'lait-store',
    });
  }
  for (const a of bands) {
    for (const [m, n] of [['persistent_absence', a.counts.persistent], ['severe_absence', a.counts.severe]] as const) {
      const rate = ratio(value(n), value(a.counts.enrolments));
      rows.push({
        time_period: a.period, time_identifier: 'Academic year', ...geoColumns(a.geo, geo),
        education_phase: PHASE_LABEL[a.phase], sen_status: BANDS_SEN_LABEL[a.sen], measure: m,
        rate: rate.kind === 'value' ? value(roundTo(rate.value, 2)) : rate, enrolments: a.counts.enrolments, enrolments_in_measure: n, source: 'absence-bands',
      });
    }
  }
  const noSenDone = new Set<string>();
  for (const r of sen) {
    if (SEN_METRICS[r.metric].kind === 'suspension') continue; // in the suspensions download
    const base = { time_period: r.period, time_identifier: r.term, ...geoColumns(r.geo, geo), education_phase: PHASE_LABEL[r.phase], measure: MEASURE_ID[r.metric], source: 'absence-sen-status' };
    rows.push({ ...base, sen_status: SEN_GROUP_LABEL[r.group], rate: r.send });
    const k = `${r.metric}|${r.period}|${r.term}|${geoKey(r.geo)}|${r.geo.sourceCode ?? ''}|${r.phase}`;
    if (!noSenDone.has(k)) {
      noSenDone.add(k);
      rows.push({ ...base, sen_status: SEN_GROUP_LABEL.none, rate: r.noSen });
    }
  }
  return rows;
}

export function suspensionRows(sen: readonly SenRecord[], geo: GeographyIndex): Row[] {
  const rows: Row[] = [];
  const noSenDone = new Set<string>();
  for (const r of sen) {
    if (SEN_METRICS[r.metric].kind !== 'suspension') continue;
    const base = { time_period: r.period, time_identifier: r.term, ...geoColumns(r.geo, geo), education_phase: r.phaseLabel, measure: MEASURE_ID[r.metric], source: 'absence-sen-status' };
    rows.push({ ...base, sen_status: SEN_GROUP_LABEL[r.group], rate: r.send });
    const k = `${r.metric}|${r.period}|${r.term}|${geoKey(r.geo)}|${r.geo.sourceCode ?? ''}|${r.phase}`;
    if (!noSenDone.has(k)) {
      noSenDone.add(k);
      rows.push({ ...base, sen_status: SEN_GROUP_LABEL.none, rate: r.noSen });
    }
  }
  return rows;
}

export const absenceDataset: DatasetBuilder = {
  id: 'absence',
  async build(ctx) {
    const { geo } = ctx;
    const lait = await readLaitAbsence(ctx.file('lait-store'), ctx.file('lait-dictionary'), geo);
    const bands = await parseBands(ctx.file('absence-bands'), geo, 'data/raw/absence/dfe_absence_bands_2016-17_to_2022-23_noheader.csv');
    checkBandsCoverage(bands, geo, 'data/raw/absence/dfe_absence_bands_2016-17_to_2022-23_noheader.csv');
    const sen = await parseSenStatus(ctx.file('absence-sen-status'), geo, 'data/raw/absence/send_absence_by_la_sen_status_long.csv');

    const absence: Download = {
      id: 'absence',
      title: 'Pupil absence by SEN status, England, regions and local areas',
      description:
        'Overall, authorised, unauthorised, persistent (10% or more of sessions missed) and severe (50% or more) absence for all pupils (LAIT, 2015/16 to 2024/25); persistent and severe absence for pupils with any SEN and no identified SEN computed from enrolments by absence band (2016/17 to 2022/23); and overall, persistent and severe absence for pupils with an EHC plan, on SEN support and with no SEN, by area (2018/19 to 2024/25, plus in-year attendance for autumn and spring 2025/26). No full-year figures exist for 2019/20. 2020/21 figures exclude COVID-19 non-attendance and are not comparable with other years.',
      columns: ABSENCE_COLUMNS,
      rows: absenceRows(lait.records, bands.aggregates, sen.records, geo),
      sourceIds: ['lait-store', 'lait-dictionary', 'absence-bands', 'absence-sen-status'],
      licence: 'Open Government Licence v3.0; the SEN-status rows are compiled by Data to Insight (MIT licence) from DfE data',
    };
    const suspensions: Download = {
      id: 'suspensions',
      title: 'Suspensions and permanent exclusions of pupils with an EHC plan or on SEN support, by local area and term',
      description:
        'Suspensions per 100 pupils, percentage of pupils with one or more suspensions, and permanent exclusions per 100 pupils, for pupils with an EHC plan, on SEN support and with no SEN, by area, education phase and term, autumn 2019/20 to spring 2024/25. Termly rates cannot be added up into a yearly rate.',
      columns: SUSPENSION_COLUMNS,
      rows: suspensionRows(sen.records, geo),
      sourceIds: ['absence-sen-status'],
      licence: 'Compiled by Data to Insight (MIT licence) from DfE data under the Open Government Licence v3.0',
    };
    return {
      json: {
        'absence-lait': laitJson(lait.records),
        'absence-bands': bandsJson(bands.aggregates),
        'absence-sen': senJson(sen.records),
        'absence-meta': {
          londonSubregionRowsSkipped: lait.skipped.londonSubregions,
          bandsRows: bands.rows,
          bandsRowsByLevel: bands.rowsByLevel,
          senRows: sen.records.length,
          senExtremeNoSen: sen.extremeNoSen,
        },
      },
      downloads: [absence, suspensions],
    };
  },
};
