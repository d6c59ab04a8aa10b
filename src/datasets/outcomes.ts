/**
 * Outcomes and money for children and young people with SEN:
 * - LAIT data store (`lait-store`, parquet; measures checked against
 *   `lait-dictionary`): % of pupils with an EHC plan and on SEN support; KS2
 *   reading, writing and maths and Attainment 8 by SEN status; 19-year-olds
 *   qualified to Level 3 by SEN status; SEN spending per child with a plan.
 * - NEET or activity not known at 16–17 by SEND status (`neet-2022` … `neet-2025`).
 *   The 2021 file is not used: its local SEND columns are blank and its England
 *   row repeats 2022's (SOURCES.md).
 */
import { readParquetObjects } from '../lib/read-files.ts';
import { parseCell, roundTo, value, CellError, type Cell } from '../lib/cell.ts';
import { DataError, readCsv, streamCsv } from '../lib/csv.ts';
import { OGL, type Column, type CsvValue, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { baseGeos, eesGeoKey, ENGLAND, geoKeyForCode, seriesToJson, SeriesStore, type GeoInfo, type MeasureMeta, type PeriodType } from '../lib/series.ts';
import { geoColumnValues, orderedGeoKeys, seriesGeoColumns } from './series-download.ts';
import { placesExisting } from '../lib/coverage.ts';
import { requireCoverage } from '../lib/validate.ts';

export type SenGroup = 'ehcp' | 'sen_support' | 'no_sen' | 'all';

export interface LaitMeasure {
  /** Our id. */
  id: string;
  /** LAIT `Short Desc`. */
  code: string;
  label: string;
  group: SenGroup;
  unit: '' | '%' | '£';
  dp: number;
  periodType: PeriodType;
  /** The dictionary's Year_Type for this measure: checked at build time. */
  yearType: string;
  /** Words the dictionary's Measure text must contain (guards against a code reused for another measure). */
  mustMention: RegExp;
}

export const LAIT_MEASURES: LaitMeasure[] = [
  { id: 'pupils_ehcp_pc', code: 'SEN_TotStat', label: 'Pupils with an EHC plan or statement, % of all pupils', group: 'ehcp', unit: '%', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Statement|EHC/i },
  { id: 'pupils_sen_support_pc', code: 'SEN_TotSENSuP', label: 'Pupils on SEN support, % of all pupils', group: 'sen_support', unit: '%', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /SEN\) Support/i },
  { id: 'ks2_rwm_ehcp', code: 'NEW_KS2_RWM_Sen_Withsta', label: 'Key stage 2: % reaching the expected standard in reading, writing and maths, pupils with an EHC plan', group: 'ehcp', unit: '%', dp: 0, periodType: 'academic', yearType: 'Academic Year', mustMention: /Statemented\/EHCP.*RWM/i },
  { id: 'ks2_rwm_sen_support', code: 'NEW_KS2_RWM_Sen_W/Osta', label: 'Key stage 2: % reaching the expected standard in reading, writing and maths, pupils on SEN support', group: 'sen_support', unit: '%', dp: 0, periodType: 'academic', yearType: 'Academic Year', mustMention: /Non Statemented\/EHCP.*RWM/i },
  { id: 'ks2_rwm_no_sen', code: 'NoID_SEN_NEW_KS2_RWM', label: 'Key stage 2: % reaching the expected standard in reading, writing and maths, pupils with no identified SEN', group: 'no_sen', unit: '%', dp: 0, periodType: 'academic', yearType: 'Academic Year', mustMention: /no identified SEN/i },
  { id: 'att8_ehcp', code: 'SEN_Stat_AVG_Attain8_Score', label: 'Average Attainment 8 score, pupils with an EHC plan', group: 'ehcp', unit: '', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Attainment 8.*Statement\/EHCP/i },
  { id: 'att8_sen_support', code: 'SEN_WoStat_AVG_Attain8_Score', label: 'Average Attainment 8 score, pupils on SEN support', group: 'sen_support', unit: '', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Attainment 8.*SEN Support/i },
  { id: 'att8_no_sen', code: 'SEN_NoID_AVG_Attain8_Score', label: 'Average Attainment 8 score, pupils with no identified SEN', group: 'no_sen', unit: '', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Attainment 8.*no identified SEN/i },
  { id: 'l3_at_19_ehcp', code: 'Age19_SEN-S_L3', label: '19-year-olds qualified to Level 3, %, with an EHC plan or statement', group: 'ehcp', unit: '%', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Level 3.*statement\/EHCP/i },
  { id: 'l3_at_19_sen_support', code: 'Age19_SENwoS_L3', label: '19-year-olds qualified to Level 3, %, with SEN support', group: 'sen_support', unit: '%', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Level 3.*SEN Support/i },
  { id: 'l3_at_19_no_sen', code: 'Age19_NoNSEN_L3', label: '19-year-olds qualified to Level 3, %, with no SEN', group: 'no_sen', unit: '%', dp: 1, periodType: 'academic', yearType: 'Academic Year', mustMention: /Level 3.*Non SEN/i },
  { id: 'sen_spend_per_child_week', code: 'SENFinance', label: 'Spending on SEN services per child with an EHC plan, £ per week (outturn, nearest £5)', group: 'ehcp', unit: '£', dp: 0, periodType: 'financial', yearType: 'Financial Year', mustMention: /SEN.*weekly unit costs/i },
];

export const NEET_MEASURES = [
  { id: 'neet_nk_ehcp', column: 'NEET_NK_EHCP_percent', label: '16–17-year-olds NEET or activity not known, %, with an EHC plan', group: 'ehcp' },
  { id: 'neet_nk_sen_support', column: 'NEET_NK_SENDsupport_percent', label: '16–17-year-olds NEET or activity not known, %, with SEN support', group: 'sen_support' },
  { id: 'neet_nk_no_sen', column: 'NEET_NK_noSEN_percent', label: '16–17-year-olds NEET or activity not known, %, with no SEN', group: 'no_sen' },
  { id: 'neet_nk_all', column: 'NEET_not_known_percent', label: '16–17-year-olds NEET or activity not known, %, all', group: 'all' },
  { id: 'cohort_ehcp_pc', column: 'cohort_EHCP_percent', label: '16–17-year-olds with an EHC plan, % of the cohort', group: 'ehcp' },
] as const;

export const NEET_SOURCES = ['neet-2022', 'neet-2023', 'neet-2024', 'neet-2025'];
/** Documented gaps in the NEET files: `${key}|${year}` → why. */
export const NEET_COVERAGE_EXCEPTIONS: ReadonlyMap<string, string> = new Map<string, string>(
  [2022, 2023, 2024, 2025].flatMap((y) => [
    [`201|${y}`, 'City of London: DfE publishes no NEET row (too few young people; shown as not published)'],
    [`420|${y}`, 'Isles of Scilly: DfE publishes no NEET row (too few young people; shown as not published)'],
  ]),
);

/** LAIT `Years`: "2025" (academic year ending 2025) or "2024-25 (OT)" (financial year 2024-25 → 2025). */
export function laitPeriod(years: string, periodType: PeriodType): number {
  if (periodType === 'financial') {
    const m = /^(\d{4})-(\d{2}) \(OT\)$/.exec(years);
    if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new Error(`"${years}" is not a financial year such as 2024-25 (OT)`);
    return Number(m[1]) + 1;
  }
  if (!/^\d{4}$/.test(years)) throw new Error(`"${years}" is not a year`);
  return Number(years);
}

interface LaitRow {
  'Short Desc': string;
  Years: string;
  'LA and Regions': string;
  Values: string | null;
  'LA Number': number | null;
}

export interface OutcomesBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  skipped: Record<string, number>;
}

/** Check each measure against the LAIT dictionary: present, the right kind of year, the right subject. */
export async function checkLaitDictionary(path: string, measures: LaitMeasure[]): Promise<void> {
  const rows = await readCsv(path, { columns: ['Measure_short', 'Measure', 'Year_Type'] });
  for (const m of measures) {
    const entries = rows.filter((r) => r.get('Measure_short') === m.code);
    if (entries.length === 0) throw new DataError(path, null, 'Measure_short', `LAIT measure ${m.code} is not in the dictionary`);
    for (const e of entries) {
      if (e.get('Year_Type') !== m.yearType) throw e.error('Year_Type', `${m.code}: expected "${m.yearType}", found "${e.get('Year_Type')}"`);
      if (!m.mustMention.test(e.get('Measure'))) throw e.error('Measure', `${m.code} is described as "${e.get('Measure')}", not the measure this site expects`);
    }
  }
}

export async function parseLait(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>, measures: LaitMeasure[] = LAIT_MEASURES, displayName = path): Promise<{ store: SeriesStore; skipped: Record<string, number> }> {
  const store = new SeriesStore();
  const skipped: Record<string, number> = {};
  const count = (rule: string) => {
    skipped[rule] = (skipped[rule] ?? 0) + 1;
  };
  const rows = await readParquetObjects<LaitRow>(path, ['Short Desc', 'Years', 'LA and Regions', 'Values', 'LA Number'], displayName);
  const byCode = new Map(measures.map((m) => [m.code, m]));
  const regionByName = new Map(geo.geography.regions.map((r) => [r.name.toLowerCase(), r.code]));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const m = byCode.get(row['Short Desc']);
    if (!m) return; // other LAIT measures: not used here (the store holds 434)
    seen.add(m.code);
    const fail = (column: string, problem: string) => new DataError(displayName, i + 1, column, `${m.code}: ${problem}`);
    const num = row['LA Number'];
    if (num === null || !Number.isInteger(num)) throw fail('LA Number', `"${num}" is not a code`);
    let key: string;
    if (num === 970) key = ENGLAND;
    else if (num === 987 || num === 988) {
      count('Inner and Outer London rows (not regions in this site)');
      return;
    } else if (num >= 980 && num <= 990) {
      const code = regionByName.get(row['LA and Regions'].toLowerCase());
      if (!code) throw fail('LA and Regions', `"${row['LA and Regions']}" (${num}) is not a region`);
      key = code;
    } else {
      try {
        key = geoKeyForCode(geo, String(num).padStart(3, '0'), null, 'LA Number', geos);
      } catch (e) {
        throw fail('LA Number', (e as Error).message);
      }
    }
    let period: number;
    try {
      period = laitPeriod(row.Years, m.periodType);
    } catch (e) {
      throw fail('Years', (e as Error).message);
    }
    let cell: Cell;
    try {
      // LAIT writes "-" for no value; values carry floating-point noise, so round to the measure's precision.
      cell = parseCell(row.Values ?? '', { symbols: ['-', 'c', 'x', '..'], allowBlank: false, kind: m.unit === '%' ? 'percent' : undefined });
      if (cell.kind === 'value' && m.unit !== '%' && cell.value < 0) throw new CellError(`${cell.value} is negative: ${m.label} cannot be below 0. Check this row against the published file`);
    } catch (e) {
      if (e instanceof CellError) throw fail('Values', e.message);
      throw e;
    }
    if (cell.kind === 'value') cell = value(roundTo(cell.value, m.dp));
    store.put(m.id, key, period, cell, { error: (c, p) => fail(c ?? 'Short Desc', p) });
  });
  for (const m of measures) if (!seen.has(m.code)) throw new DataError(displayName, null, 'Short Desc', `LAIT measure ${m.code} has no rows`);
  return { store, skipped };
}

export async function parseNeet(path: string, year: number, geo: GeographyIndex, geos: Map<string, GeoInfo>, store: SeriesStore): Promise<number> {
  return streamCsv(path, { columns: ['time_period', 'geographic_level', 'country_code', 'region_code', 'old_la_code', 'la_name', ...NEET_MEASURES.map((m) => m.column)] }, (r) => {
    if (r.number('time_period') !== year) throw r.error('time_period', `expected ${year}`);
    const key = eesGeoKey(r, geo, geos);
    for (const m of NEET_MEASURES) store.put(m.id, key, year, r.cell(m.column, { symbols: ['c', 'z', 'x'], allowBlank: false, kind: 'percent' }), r, m.column);
  });
}

export async function buildOutcomes(file: (id: string) => string, geo: GeographyIndex): Promise<OutcomesBuild> {
  const geos = baseGeos(geo);
  await checkLaitDictionary(file('lait-dictionary'), LAIT_MEASURES);
  const { store, skipped } = await parseLait(file('lait-store'), geo, geos, LAIT_MEASURES);
  for (const [i, id] of NEET_SOURCES.entries()) {
    const year = 2022 + i;
    await parseNeet(file(id), year, geo, geos, store);
    // Each year's file must have England, every region and every area that existed that March.
    requireCoverage({
      file: file(id),
      column: NEET_MEASURES[0].column,
      what: '16-17-year-olds NEET or activity not known',
      periods: [year],
      periodLabel: (p) => `the ${p} file`,
      expected: (p) => placesExisting(geo, `${p}-03-31`, { area: (la) => la, predecessor: (old) => `pred-${old}` }),
      has: (key, p) => store.has(NEET_MEASURES[0].id, key, p),
      exceptions: NEET_COVERAGE_EXCEPTIONS,
    });
  }
  // Every LAIT measure must have a row (a value or LAIT's "-") for England, every region and every area that existed, in every year it covers.
  for (const m of LAIT_MEASURES) {
    const periods = store.periods(m.id);
    requireCoverage({
      file: file('lait-store'),
      column: 'Values',
      what: `LAIT ${m.code}`,
      periods,
      periodLabel: (p) => String(p),
      expected: (p) => placesExisting(geo, `${p}-03-31`, { area: (la) => la, predecessor: (old) => `pred-${old}` }),
      has: (key, p) => store.has(m.id, key, p),
    });
  }
  return { store, geos, skipped };
}

export const OUTCOME_MEASURES: MeasureMeta[] = [
  ...LAIT_MEASURES.map((m): MeasureMeta => ({ id: m.id, label: m.label, unit: m.unit, dp: m.dp, periodType: m.periodType, sourceIds: ['lait-store'] })),
  ...NEET_MEASURES.map((m): MeasureMeta => ({ id: m.id, label: m.label, unit: '%', dp: 1, periodType: 'neet', sourceIds: NEET_SOURCES })),
];

const PERIOD_LABEL: Record<string, (p: number) => string> = {
  academic: (p) => `${p - 1}/${String(p % 100).padStart(2, '0')}`,
  financial: (p) => `${p - 1}-${String(p % 100).padStart(2, '0')}`,
  neet: (p) => `Dec ${p - 1} to Feb ${p}`,
  calendar: (p) => String(p),
  january: (p) => `January ${p}`,
};
export const periodLabel = (type: PeriodType, p: number): string => PERIOD_LABEL[type]!(p);

export const outcomesDataset: DatasetBuilder = {
  id: 'outcomes',
  async build(ctx) {
    const b = await buildOutcomes(ctx.file, ctx.geo);
    const json = seriesToJson(b.store, OUTCOME_MEASURES, b.geos);
    // Long format: one row per geography, period and measure, because the measures have different year bases.
    const columns: Column[] = [
      ...seriesGeoColumns('see time_identifier'),
      { name: 'measure', type: 'Filter', label: 'Measure id' },
      { name: 'measure_label', type: 'Filter', label: 'What is measured' },
      { name: 'sen_status', type: 'Filter', label: 'SEN status: ehcp (EHC plan or statement), sen_support, no_sen, all' },
      { name: 'unit', type: 'Filter', label: 'Unit: % , £ (per week) or score' },
      { name: 'value', type: 'Indicator', label: 'Value (a number, or a DfE symbol: - no value, c suppressed, z not applicable)' },
    ];
    const rows: Record<string, CsvValue>[] = [];
    const groupOf = new Map<string, string>([...LAIT_MEASURES.map((m) => [m.id, m.group] as const), ...NEET_MEASURES.map((m) => [m.id, m.group] as const)]);
    for (const m of OUTCOME_MEASURES) {
      for (const p of b.store.periods(m.id)) {
        for (const k of orderedGeoKeys(b.store.geoKeys(m.id), b.geos)) {
          if (!b.store.has(m.id, k, p)) continue;
          rows.push({
            time_period: m.periodType === 'financial' ? `${p - 1}-${String(p % 100).padStart(2, '0')}` : m.periodType === 'academic' ? `${p - 1}${String(p % 100).padStart(2, '0')}` : p,
            time_identifier: m.periodType === 'financial' ? 'Financial year' : m.periodType === 'academic' ? 'Academic year' : 'Calendar year (December to February average, ending in this year)',
            ...geoColumnValues(k, b.geos.get(k)!, ctx.geo),
            measure: m.id,
            measure_label: m.label,
            sen_status: groupOf.get(m.id)!,
            unit: m.unit === '' ? 'score' : m.unit,
            value: b.store.get(m.id, k, p),
          });
        }
      }
    }
    const downloads: Download[] = [
      {
        id: 'outcomes',
        title: 'Outcomes and spending for pupils with SEN, by local area',
        description:
          'Key stage 2 and Attainment 8 results, Level 3 at 19, NEET or not known at 16 to 17, and the share of pupils with an EHC plan or on SEN support, each by SEN status; and spending on SEN services per child with an EHC plan. From the DfE Local Authority Interactive Tool (LAIT) data store and the NEET and participation local authority files. Long format: one row per area, period and measure.',
        columns,
        rows,
        sourceIds: ['lait-store', 'lait-dictionary', ...NEET_SOURCES],
        licence: OGL,
      },
    ];
    return { json: { outcomes: json }, downloads };
  },
};
