/**
 * The bad-input corpus (issue 11): small, valid fixtures of each raw file type
 * and a generator that breaks them in every way the pipeline must catch. Each
 * case carries the outcome it must have: a located error (file, line, column,
 * problem) or exactly the output of the unbroken fixture.
 *
 * Fixtures use the hand-made geography of test/fixtures/ehcp (five areas in
 * two regions, with Northamptonshire split in April 2021).
 */
import { baseGeos, SeriesStore, toJsonCell } from '../../src/lib/series.ts';
import { parseCaseload2025, parseMi2023, parseNeeds2025, parseRequests2025, parseTimeliness2025, NEEDS } from '../../src/datasets/ehcp.ts';
import { parseNeet } from '../../src/datasets/outcomes.ts';
import { parseBands } from '../../src/datasets/absence-bands.ts';
import { parseSenStatus } from '../../src/datasets/absence-sen.ts';
import { parseNeighbours, parseRegister, parseRegions, parseCodeHistory } from '../../src/datasets/geography.ts';
import { ENGLAND_BOUNDS, readBoundaries } from '../../src/lib/geojson.ts';
import { readParquetObjects } from '../../src/lib/read-files.ts';
import { requireCoverage } from '../../src/lib/validate.ts';
import { placesExisting } from '../../src/lib/coverage.ts';
import { fixtureGeo } from '../fixtures/ehcp/geography.ts';
import { fixtureGeo as absenceGeo } from '../fixtures/absence/geography.ts';

export type Outcome =
  | { kind: 'error'; line: number | null; column: string | null; problem: RegExp }
  | { kind: 'same-as-base' };

export interface CorpusCase {
  id: string;
  /** File name written for the case (the error must name it). */
  name: string;
  content: string | Uint8Array;
  run: (path: string) => Promise<unknown>;
  expect: Outcome;
  /** For same-as-base cases: the unbroken fixture's content. */
  base?: string;
}

// ---------- output of a run, comparable between cases ----------

function storeJson(store: SeriesStore): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [m, byGeo] of [...store.data].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [g, byPeriod] of [...byGeo].sort(([a], [b]) => a.localeCompare(b))) {
      for (const [p, c] of [...byPeriod].sort(([a], [b]) => a - b)) out[`${m}|${g}|${p}`] = toJsonCell(c);
    }
  }
  return out;
}

const geo = fixtureGeo;
const EES = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';

/** Places a complete file must have (England, both regions, every area that existed): coverage is part of each run. */
function covered(store: SeriesStore, measure: string, periods: number[], file: string, column: string, dateOf: (p: number) => string): void {
  requireCoverage({
    file,
    column,
    what: measure,
    periods,
    periodLabel: String,
    expected: (p) => placesExisting(geo, dateOf(p), { area: (la) => la, predecessor: (old) => `pred-${old}` }),
    has: (k, p) => store.has(measure, k, p),
  });
}

// Geography rows of the fixture: [level, region code, region name, ONS code, DfE code, name].
type Place = [string, string, string, string, string, string];
const ENG: Place = ['National', '', '', '', '', ''];
const EM: Place = ['Regional', 'E12000004', 'East Midlands', '', '', ''];
const SW: Place = ['Regional', 'E12000009', 'South West', '', '', ''];
const NN: Place = ['Local authority', 'E12000004', 'East Midlands', 'E06000061', '940', 'North Northamptonshire'];
const WN: Place = ['Local authority', 'E12000004', 'East Midlands', 'E06000062', '941', 'West Northamptonshire'];
const NOTTM: Place = ['Local authority', 'E12000004', 'East Midlands', 'E06000018', '892', 'Nottingham'];
const NOTTS: Place = ['Local authority', 'E12000004', 'East Midlands', 'E10000024', '891', 'Nottinghamshire'];
const IOS: Place = ['Local authority', 'E12000009', 'South West', 'E06000053', '420', 'Isles of Scilly'];
const PLACES_2022: Place[] = [ENG, EM, SW, NN, WN, NOTTM, NOTTS, IOS];

const eesGeo = (p: Place) => `${p[0]},E92000001,England,${p[1]},${p[2]},${p[3]},${p[4]},${p[5]}`;

// ---------- the fixtures ----------

interface CsvFixture {
  id: string;
  name: string;
  text: string;
  run: (path: string) => Promise<unknown>;
  /** 1-based line of the row the mutations break (a local-authority row). */
  target: number;
  counts: string[];
  percents: string[];
  /** [part, whole] column pairs. */
  parts: [string, string][];
  /** [rate, numerator, denominator] column triples. */
  rates: [string, string, string][];
  /** Column holding the area code, and the column a duplicate row is reported in. */
  codeColumn: string;
  duplicateColumn: string | null;
  /** Column holding the period and a bad value for it. */
  periodColumn: string;
  /** How many fields each row has (for the truncated-row error). */
  width: number;
  /** A required column to rename in the header. */
  renameColumn: string;
  /** Deleting the target row leaves a gap coverage must catch (null: file has no coverage rule). */
  deleteGap: boolean;
  /** The column a coverage gap is reported in. */
  coverageColumn?: string;
}

const header = (text: string) => text.split('\n')[0]!.split(',');

function caseloadFixture(): CsvFixture {
  const rows = PLACES_2022.map((p, i) => `202122,Academic year,${eesGeo(p)},Total,Total,${100 + i * 10}`);
  const text = [`${EES},ehcplans`, ...rows, ''].join('\n');
  return {
    id: 'ehcp-caseload',
    coverageColumn: 'ehcplans',
    name: 'caseload.csv',
    text,
    run: async (path) => {
      const { store } = await parseCaseload2025(path, geo, baseGeos(geo));
      covered(store, 'ehc_plans', [2022], path, 'ehcplans', (p) => `${p}-01-15`);
      return storeJson(store);
    },
    target: 7,
    counts: ['ehcplans'],
    percents: [],
    parts: [],
    rates: [],
    codeColumn: 'old_la_code',
    duplicateColumn: 'ehcplans',
    periodColumn: 'time_period',
    width: header(text).length,
    renameColumn: 'ehcplans',
    deleteGap: true,
  };
}

function timelinessFixture(): CsvFixture {
  const cols = 'plans_issued_den,plans_issued_den_ex,plans_issued_within_20_weeks,plans_issued_20_weeks_ex,pc_plans_issued_within_20_weeks,PC_plans_issued_20_weeks_ex';
  const vals = (i: number) => (i === 7 ? '0,0,0,0,x,x' : `${200 + i},${150 + i},${100 + i},${90 + i},${(((100 + i) / (200 + i)) * 100).toFixed(1)},${(((90 + i) / (150 + i)) * 100).toFixed(1)}`);
  const rows = PLACES_2022.map((p, i) => `2022,Calendar year,${eesGeo(p)},All EHC plans issued,All EHC plans issued,${vals(i)}`);
  const text = [`${EES},${cols}`, ...rows, ''].join('\n');
  return {
    id: 'ehcp-timeliness',
    coverageColumn: 'plans_issued_den',
    name: 'timeliness_20_week.csv',
    text,
    run: async (path) => {
      const { store } = await parseTimeliness2025(path, geo, baseGeos(geo));
      covered(store, 't20_den', [2022], path, 'plans_issued_den', (p) => `${p}-12-31`);
      return storeJson(store);
    },
    target: 6,
    counts: ['plans_issued_den', 'plans_issued_den_ex', 'plans_issued_within_20_weeks', 'plans_issued_20_weeks_ex'],
    percents: ['pc_plans_issued_within_20_weeks', 'PC_plans_issued_20_weeks_ex'],
    parts: [['plans_issued_within_20_weeks', 'plans_issued_den'], ['plans_issued_20_weeks_ex', 'plans_issued_den_ex']],
    rates: [['pc_plans_issued_within_20_weeks', 'plans_issued_within_20_weeks', 'plans_issued_den'], ['PC_plans_issued_20_weeks_ex', 'plans_issued_20_weeks_ex', 'plans_issued_den_ex']],
    codeColumn: 'old_la_code',
    duplicateColumn: 'plans_issued_den',
    periodColumn: 'time_period',
    width: header(text).length,
    renameColumn: 'pc_plans_issued_within_20_weeks',
    deleteGap: true,
  };
}

function requestsFixture(): CsvFixture {
  const rows = PLACES_2022.map((p, i) => `2022,Calendar year,${eesGeo(p)},Total,Total,${400 + i},${40 + i},${(((40 + i) / (400 + i)) * 100).toFixed(1)}`);
  const text = [`${EES},requests_received_in_year,requests_decided_not_to_assess,request_not_assess_pc`, ...rows, ''].join('\n');
  return {
    id: 'ehcp-requests',
    coverageColumn: 'requests_received_in_year',
    name: 'requests.csv',
    text,
    run: async (path) => {
      const { store } = await parseRequests2025(path, geo, baseGeos(geo));
      covered(store, 'requests', [2022], path, 'requests_received_in_year', (p) => `${p}-12-31`);
      return storeJson(store);
    },
    target: 5,
    counts: ['requests_received_in_year', 'requests_decided_not_to_assess'],
    percents: ['request_not_assess_pc'],
    parts: [['requests_decided_not_to_assess', 'requests_received_in_year']],
    rates: [['request_not_assess_pc', 'requests_decided_not_to_assess', 'requests_received_in_year']],
    codeColumn: 'old_la_code',
    duplicateColumn: 'requests_received_in_year',
    periodColumn: 'time_period',
    width: header(text).length,
    renameColumn: 'request_not_assess_pc',
    deleteGap: true,
  };
}

function mi23Fixture(): CsvFixture {
  const cols = ['inreq_ehc', 'ass_refused_ehc', 'ass_refused_ehc_pc', 'tot_inc_exc_ehc', 'inc_exc_20week_ehc', 'inc_exc_20week_rate', 'tot_no_exc_ehc', 'no_exc_20week_ehc', 'no_exc_20week_rate'];
  const pc = (a: number, b: number) => ((a / b) * 100).toFixed(1);
  const rows = PLACES_2022.map((p, i) => {
    const g = `2020,Calendar year,${p[0]},E92000001,${p[1]},${p[4]},${p[5]}`;
    return `${g},${300 + i},${30 + i},${pc(30 + i, 300 + i)},${120 + i},${60 + i},${pc(60 + i, 120 + i)},${100 + i},${55 + i},${pc(55 + i, 100 + i)}`;
  });
  // 2020: Northamptonshire (928) existed, not its successors.
  const placed = rows.filter((_, i) => i !== 3 && i !== 4);
  placed.splice(3, 0, `2020,Calendar year,Local authority,E92000001,E12000004,928,Northamptonshire,310,33,10.6,130,70,53.8,110,60,54.5`);
  const text = [`time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,la_name,${cols.join(',')}`, ...placed, ''].join('\n');
  return {
    id: 'ehcp-mi-2023',
    coverageColumn: 'inreq_ehc',
    name: 'sen2_mi_2023release.csv',
    text,
    run: async (path) => {
      const { store } = await parseMi2023(path, geo, baseGeos(geo));
      covered(store, 'requests', [2020], path, 'inreq_ehc', (p) => `${p}-12-31`);
      return storeJson(store);
    },
    target: 5,
    counts: ['inreq_ehc', 'ass_refused_ehc', 'tot_inc_exc_ehc', 'inc_exc_20week_ehc', 'tot_no_exc_ehc', 'no_exc_20week_ehc'],
    percents: ['ass_refused_ehc_pc', 'inc_exc_20week_rate', 'no_exc_20week_rate'],
    parts: [['ass_refused_ehc', 'inreq_ehc'], ['inc_exc_20week_ehc', 'tot_inc_exc_ehc'], ['no_exc_20week_ehc', 'tot_no_exc_ehc']],
    rates: [['ass_refused_ehc_pc', 'ass_refused_ehc', 'inreq_ehc'], ['inc_exc_20week_rate', 'inc_exc_20week_ehc', 'tot_inc_exc_ehc'], ['no_exc_20week_rate', 'no_exc_20week_ehc', 'tot_no_exc_ehc']],
    codeColumn: 'old_la_code',
    duplicateColumn: 'ass_refused_ehc',
    periodColumn: 'time_period',
    width: 16,
    renameColumn: 'inreq_ehc',
    deleteGap: true,
  };
}

function needsFixture(): CsvFixture {
  const keys = NEEDS.map(([k]) => k);
  const pcCol = (k: string) => (k === 'need_unknown' ? 'unknown_pc' : `${k}_pc`);
  const cols = ['ehc_plans', ...keys.map((k) => `number_${k}`), ...keys.map(pcCol)];
  const rows = PLACES_2022.map((p, i) => {
    const total = 1300 + i * 13;
    const n = keys.map((_, j) => (j === 0 ? total - 12 * (10 + i) : 10 + i));
    const pcs = n.map((x) => ((x / total) * 100).toFixed(1));
    return `202425,Academic year,${eesGeo(p)},Total,Total,${total},${n.join(',')},${pcs.join(',')}`;
  });
  const text = [`${EES},${cols.join(',')}`, ...rows, ''].join('\n');
  return {
    id: 'ehcp-needs',
    coverageColumn: 'ehc_plans',
    name: 'sen_needs_all_plans.csv',
    text,
    run: async (path) => {
      const { store, departures } = await parseNeeds2025(path, geo, baseGeos(geo));
      covered(store, 'need_total', [2025], path, 'ehc_plans', (p) => `${p}-01-15`);
      return { store: storeJson(store), departures };
    },
    target: 6,
    counts: ['ehc_plans', 'number_asd', 'number_slcn'],
    percents: ['asd_pc', 'slcn_pc'],
    parts: [['number_asd', 'ehc_plans']],
    rates: [['slcn_pc', 'number_slcn', 'ehc_plans']],
    codeColumn: 'old_la_code',
    duplicateColumn: 'ehc_plans',
    periodColumn: 'time_period',
    width: header(text).length,
    renameColumn: 'number_asd',
    deleteGap: true,
  };
}

function neetFixture(): CsvFixture {
  const cols = ['NEET_NK_EHCP_percent', 'NEET_NK_SENDsupport_percent', 'NEET_NK_noSEN_percent', 'NEET_not_known_percent', 'cohort_EHCP_percent'];
  const rows = PLACES_2022.map((p, i) => `2023,${p[0]},E92000001,${p[1]},${p[4]},${p[5]},${(10 + i / 10).toFixed(1)},${(8 + i / 10).toFixed(1)},${(4 + i / 10).toFixed(1)},${(5 + i / 10).toFixed(1)},${(3 + i / 10).toFixed(1)}`);
  const text = [`time_period,geographic_level,country_code,region_code,old_la_code,la_name,${cols.join(',')}`, ...rows, ''].join('\n');
  return {
    id: 'neet',
    coverageColumn: 'NEET_NK_EHCP_percent',
    name: 'neet_2023.csv',
    text,
    run: async (path) => {
      const store = new SeriesStore();
      await parseNeet(path, 2023, geo, baseGeos(geo), store);
      covered(store, 'neet_nk_ehcp', [2023], path, 'NEET_NK_EHCP_percent', (p) => `${p}-03-31`);
      return storeJson(store);
    },
    target: 7,
    counts: [],
    percents: cols,
    parts: [],
    rates: [],
    codeColumn: 'old_la_code',
    duplicateColumn: 'NEET_NK_EHCP_percent',
    periodColumn: 'time_period',
    width: 11,
    renameColumn: 'NEET_NK_EHCP_percent',
    deleteGap: true,
  };
}

function senStatusFixture(): CsvFixture {
  const head = 'metric,time_period,time_identifier,academic_year,region_code,region_name,new_la_code,la_name,education_phase,send_group,send_value,no_sen_value,gap_to_no_sen,source_json';
  const row = (code: string, name: string, group: string, send: number, noSen: number) =>
    `enrolments_pa_10_exact_percent,202122,Academic year,,E12000004,East Midlands,${code},${name},Total,${group},${send},${noSen},${+(send - noSen).toFixed(6)},x.json`;
  const text = [head, row('E06000061', 'North Northamptonshire', 'EHC plan', 40.5, 20), row('E06000061', 'North Northamptonshire', 'SEN support', 30.25, 20), row('E06000062', 'West Northamptonshire', 'EHC plan', 35, 18), row('E06000005', 'Darlington', 'EHC plan', 33.5, 15), ''].join('\n');
  return {
    id: 'absence-sen-status',
    name: 'send_absence_by_la_sen_status_long.csv',
    text,
    run: async (path) => {
      const { records } = await parseSenStatus(path, absenceGeo());
      return records.map((r) => ({ ...r, line: undefined }));
    },
    target: 4,
    counts: [],
    percents: ['send_value'],
    parts: [],
    rates: [],
    codeColumn: 'new_la_code',
    duplicateColumn: 'metric',
    periodColumn: 'time_period',
    width: 14,
    renameColumn: 'send_value',
    deleteGap: false,
  };
}

function bandsFixture(): CsvFixture {
  const bands = (n: number) => Array.from({ length: 11 }, (_, i) => (i + n) % 7).join(',');
  const row = (level: string, region: string, old: string, ons: string, name: string, sen: string, n: number) =>
    `Academic year,202122,${level},E92000001,England,${region ? 'East Midlands' : ''},${region},${old},"${ons}           ",${name},State-funded primary,Eligible,${sen},Male,3,${bands(n)}`;
  const text = [
    row('National', '', '', '', '', 'Any special educational need', 1),
    row('Local authority', 'E12000004', '940', 'E06000061', 'North Northamptonshire', 'Any special educational need', 2),
    row('Local authority', 'E12000004', '940', 'E06000061', 'North Northamptonshire', 'No identified special educational need', 3),
    row('Local authority', 'E12000004', '941', 'E06000062', 'West Northamptonshire', 'Any special educational need', 4),
    '',
  ].join('\n');
  return {
    id: 'absence-bands',
    name: 'dfe_absence_bands_noheader.csv',
    text,
    run: async (path) => (await parseBands(path, absenceGeo())).aggregates,
    target: 3,
    counts: ['pct5_OARate', 'pct50plus_OARate'],
    percents: [],
    parts: [],
    rates: [],
    codeColumn: 'old_la_code',
    duplicateColumn: 'time_period',
    periodColumn: 'time_period',
    width: 26,
    renameColumn: '',
    deleteGap: false,
  };
}

// ---------- CSV mutations ----------

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function columnsOf(f: CsvFixture): string[] {
  if (f.id === 'absence-bands') {
    return ['time_identifier', 'time_period', 'geographic_level', 'country_code', 'country_name', 'region_name', 'region_code', 'old_la_code', 'new_la_code', 'la_name', 'school_type', 'fsm_eligible', 'sen_status', 'gender', 'NCyearActual',
      'pct5_OARate', 'pct10_OARate', 'pct15_OARate', 'pct20_OARate', 'pct25_OARate', 'pct30_OARate', 'pct35_OARate', 'pct40_OARate', 'pct45_OARate', 'pct50_OARate', 'pct50plus_OARate'];
  }
  return header(f.text).map((h) => h.replace(/^\uFEFF/, ''));
}

function setCell(f: CsvFixture, line: number, column: string, value: string): string {
  const lines = f.text.split('\n');
  const i = columnsOf(f).indexOf(column);
  if (i < 0) throw new Error(`${f.id}: no column ${column}`);
  const fields = splitCsvLine(lines[line - 1]!);
  fields[i] = value;
  lines[line - 1] = fields.join(',');
  return lines.join('\n');
}

function getCell(f: CsvFixture, line: number, column: string): string {
  return splitCsvLine(f.text.split('\n')[line - 1]!)[columnsOf(f).indexOf(column)]!;
}

function csvCases(f: CsvFixture): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const err = (line: number | null, column: string | null, problem: RegExp): Outcome => ({ kind: 'error', line, column, problem });
  const add = (id: string, content: string, expect: Outcome) => cases.push({ id: `${f.id}/${id}`, name: f.name, content, run: f.run, expect, base: f.text });
  const lines = f.text.split('\n');
  const lastLine = lines.filter((l) => l !== '').length;

  add('valid', f.text, { kind: 'same-as-base' });
  for (const c of f.counts) {
    add(`negative-count-${c}`, setCell(f, f.target, c, '-5'), err(f.target, c, /is not a count/));
    add(`fractional-count-${c}`, setCell(f, f.target, c, '966.5'), err(f.target, c, /is not a count/));
    add(`text-count-${c}`, setCell(f, f.target, c, 'twelve'), err(f.target, c, /not a number or a known symbol/));
  }
  for (const c of f.percents) {
    add(`percent-over-100-${c}`, setCell(f, f.target, c, '100.5'), err(f.target, c, f.id === 'absence-sen-status' ? /out of range/ : /not a percentage/));
    add(`negative-percent-${c}`, setCell(f, f.target, c, '-0.1'), err(f.target, c, f.id === 'absence-sen-status' ? /out of range|is not send_value/ : /not a percentage/));
  }
  for (const [part, whole] of f.parts) {
    const w = Number(getCell(f, f.target, whole));
    add(`part-over-whole-${part}`, setCell(f, f.target, part, String(w + 378)), err(f.target, part, /more than .* a part cannot exceed its whole/));
  }
  for (const [rate] of f.rates) {
    const r = Number(getCell(f, f.target, rate));
    add(`rate-contradicts-counts-${rate}`, setCell(f, f.target, rate, (r > 50 ? r - 7.3 : r + 7.3).toFixed(1)), err(f.target, rate, /contradicts its counts/));
  }
  // A symbol the column does not allow.
  const symCol = f.counts[0] ?? f.percents[0]!;
  add(`unknown-symbol-${symCol}`, setCell(f, f.target, symCol, 'q'), err(f.target, symCol, /not a number or a known symbol|not a count|not a percentage/));
  // Unknown area code.
  add('unknown-area-code', setCell(f, f.target, f.codeColumn, f.codeColumn === 'new_la_code' ? 'E06999999' : '999'), err(f.target, f.codeColumn, /not .*(code|local area)/));
  // A period that is not one.
  add('bad-period', setCell(f, f.target, f.periodColumn, 'twenty'), err(f.target, f.periodColumn, /year|expected|not a number/));
  // Duplicate row, appended at the end.
  if (f.duplicateColumn) {
    const dup = [...lines.filter((l) => l !== ''), lines[f.target - 1]!, ''].join('\n');
    add('duplicate-row', dup, err(lastLine + 1, f.id === 'absence-sen-status' ? 'metric' : f.duplicateColumn, /duplicate/));
  }
  // The file cut short in the middle of its last row.
  const last = lines[lastLine - 1]!;
  const cut = [...lines.slice(0, lastLine - 1), last.slice(0, Math.floor(last.length / 2))].join('\n');
  const cutFields = splitCsvLine(last.slice(0, Math.floor(last.length / 2))).length;
  add('truncated-last-row', cut, err(lastLine, null, new RegExp(`expected ${f.width} fields, found ${cutFields}`)));
  // A quote opened and never closed.
  add('unclosed-quote', setCell(f, f.target, f.codeColumn, `"${getCell(f, f.target, f.codeColumn)}`), err(f.target, null, /malformed CSV|expected \d+ fields/));
  // A row with an extra field.
  const extra = lines.map((l, i) => (i === f.target - 1 ? `${l},surplus` : l)).join('\n');
  add('extra-field', extra, err(f.target, null, new RegExp(`expected ${f.width} fields, found ${f.width + 1}`)));
  // Renamed header column.
  if (f.renameColumn) {
    const renamed = f.text.replace(new RegExp(`(^|,)${f.renameColumn}(,|\\n)`), `$1${f.renameColumn}_renamed$2`);
    add('renamed-column', renamed, err(1, f.renameColumn, /expected column not found in header/));
  }
  // Header only, and a deleted area row: coverage must catch both.
  if (f.deleteGap) {
    add('header-only', `${lines[0]}\n`, err(null, f.coverageColumn!, /no rows at all for/));
    add('deleted-area-row', lines.filter((_, i) => i !== f.target - 1).join('\n'), err(null, f.coverageColumn!, /no row for /));
  }
  // Inputs that must give exactly the unbroken output.
  add('bom', `\uFEFF${f.text}`, { kind: 'same-as-base' });
  add('crlf', f.text.replace(/\n/g, '\r\n'), { kind: 'same-as-base' });
  add('no-final-newline', f.text.replace(/\n$/, ''), { kind: 'same-as-base' });
  add('padded-number', setCell(f, f.target, symCol, ` ${getCell(f, f.target, symCol)} `), { kind: 'same-as-base' });
  return cases;
}

// ---------- geography files ----------

function neighboursCases(): CorpusCase[] {
  const slots = Array.from({ length: 10 }, (_, i) => i + 1);
  const head = ['LA num', 'LA Name', ...slots.flatMap((i) => [`SN${i}`, 'SNP'])].join(',');
  const codes = ['801', '802', '803', '804', '805', '806', '807', '808', '809', '810', '811'];
  const row = (code: string) => [code, `Area ${code}`, ...codes.filter((c) => c !== code).slice(0, 10).flatMap((c) => [c, 'Close'])].join(',');
  const text = [head, row('801'), row('802'), row('803'), '', '', ''].join('\n');
  const run = async (path: string) => [...(await parseNeighbours(path))];
  const mk = (id: string, content: string, expect: Outcome): CorpusCase => ({ id: `neighbours/${id}`, name: 'statistical_neighbours.csv', content, run, expect, base: text });
  const withRow = (line: number, f: (fields: string[]) => void) => {
    const ls = text.split('\n');
    const fields = ls[line - 1]!.split(',');
    f(fields);
    ls[line - 1] = fields.join(',');
    return ls.join('\n');
  };
  return [
    mk('valid', text, { kind: 'same-as-base' }),
    mk('own-neighbour', withRow(3, (x) => (x[2] = '802')), { kind: 'error', line: 3, column: 'SN1', problem: /is the area itself/ }),
    mk('neighbour-twice', withRow(3, (x) => (x[6] = x[2]!)), { kind: 'error', line: 3, column: 'SN3', problem: /already neighbour 1/ }),
    mk('area-listed-twice', text.replace(`${row('803')}\n`, `${row('803')}\n${row('803')}\n`), { kind: 'error', line: 5, column: 'LA num', problem: /appears twice/ }),
    mk('bad-closeness', withRow(2, (x) => (x[3] = 'Near')), { kind: 'error', line: 2, column: 'SNP1', problem: /not a closeness band/ }),
    mk('bad-code', withRow(2, (x) => (x[4] = '8O3')), { kind: 'error', line: 2, column: 'SN2', problem: /3-digit DfE code/ }),
    mk('blank-neighbour', withRow(4, (x) => (x[20] = '')), { kind: 'error', line: 4, column: 'SN10', problem: /blank cell/ }),
  ];
}

function registerCases(): CorpusCase[] {
  const head = 'new_la_code,la_name,date_of_operation,date_of_termination,parent_geography_code,status,old_la_code';
  const text = [head, 'E06000018,Nottingham,01/04/1998,,E12000004,live,892', 'E10000024,Nottinghamshire,01/04/2009,,E12000004,live,891', 'E10000021,Northamptonshire,01/04/2009,31/03/2021,E12000004,terminated,928', ''].join('\n');
  const run = async (path: string) => parseRegister(path);
  const mk = (id: string, content: string, expect: Outcome): CorpusCase => ({ id: `register/${id}`, name: 'dfe_las.csv', content, run, expect, base: text });
  return [
    mk('valid', text, { kind: 'same-as-base' }),
    mk('duplicated-row', text.replace(/\n$/, '\nE10000024,Nottinghamshire,01/04/2009,,E12000004,live,891\n'), { kind: 'error', line: 5, column: 'new_la_code', problem: /duplicate row: E10000024 already appears on line 3/ }),
    mk('bad-status', text.replace('live,891', 'alive,891'), { kind: 'error', line: 3, column: 'status', problem: /not live or terminated/ }),
    mk('bad-date', text.replace('01/04/1998', '1998-04-01'), { kind: 'error', line: 2, column: 'date_of_operation', problem: /DD\/MM\/YYYY/ }),
  ];
}

function regionsCases(): CorpusCase[] {
  const names = ['North East', 'North West', 'Yorkshire and The Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West'];
  const text = ['region_code,region_name', ...names.map((n, i) => `E1200000${i + 1},${n}`), ''].join('\n');
  const run = async (path: string) => parseRegions(path);
  const mk = (id: string, content: string, expect: Outcome): CorpusCase => ({ id: `regions/${id}`, name: 'dfe_regions.csv', content, run, expect, base: text });
  return [
    mk('valid', text, { kind: 'same-as-base' }),
    mk('duplicated-region', text.replace(/\n$/, '\nE12000009,South West\n'), { kind: 'error', line: 11, column: 'region_code', problem: /duplicate row: E12000009 already appears on line 10/ }),
    mk('missing-region', text.replace('E12000009,South West\n', ''), { kind: 'error', line: null, column: 'region_code', problem: /expected 9 regions/ }),
    mk('bom', `\uFEFF${text}`, { kind: 'same-as-base' }),
  ];
}

function codeHistoryCases(): CorpusCase[] {
  const head = 'effective_date,event,old_la_code,old_ons_code,old_name,new_la_code,new_ons_code,new_name,note';
  const text = [head, '2021-04-01,split,928,E10000021,Northamptonshire,940,E06000061,North Northamptonshire,', '2021-04-01,split,928,E10000021,Northamptonshire,941,E06000062,West Northamptonshire,', ''].join('\n');
  const run = async (path: string) => parseCodeHistory(path);
  const mk = (id: string, content: string, expect: Outcome): CorpusCase => ({ id: `code-history/${id}`, name: 'la_code_history.csv', content, run, expect, base: text });
  return [
    mk('valid', text, { kind: 'same-as-base' }),
    mk('duplicated-change', text.replace(/\n$/, '\n2021-04-01,split,928,E10000021,Northamptonshire,941,E06000062,West Northamptonshire,\n'), { kind: 'error', line: 4, column: 'old_ons_code', problem: /duplicate row/ }),
    mk('bad-date', text.replace('2021-04-01,split,928,E10000021,Northamptonshire,940', '1 April 2021,split,928,E10000021,Northamptonshire,940'), { kind: 'error', line: 2, column: 'effective_date', problem: /not an ISO date/ }),
    mk('bad-ons-code', text.replace('E06000061', 'E0600061'), { kind: 'error', line: 2, column: 'new_ons_code', problem: /9-character ONS code/ }),
  ];
}

// ---------- boundaries (GeoJSON) ----------

function geojsonCases(): CorpusCase[] {
  const square = (x: number, y: number) => [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]];
  const feature = (code: string, name: string, x: number, y: number) => ({ type: 'Feature', properties: { CTYUA23CD: code, CTYUA23NM: name }, geometry: { type: 'Polygon', coordinates: square(x, y) } });
  const fc = () => ({
    type: 'FeatureCollection',
    features: [feature('E06000018', 'Nottingham', -1.2, 52.9), feature('E10000024', 'Nottinghamshire', -1.0, 53.1), feature('W06000001', 'Isle of Anglesey', -4.4, 53.3)],
  });
  const text = JSON.stringify(fc(), null, 2);
  const english = (c: string) => c.startsWith('E');
  const run = async (path: string) => readBoundaries(path, { codeProperty: 'CTYUA23CD', ...ENGLAND_BOUNDS, include: english }).features.filter((f) => english(String(f.properties['CTYUA23CD'])));
  const half = text.slice(0, Math.floor(text.length / 2));
  const halfLines = half.split('\n');
  const mk = (id: string, content: string, expect: Outcome): CorpusCase => ({ id: `boundaries/${id}`, name: 'ctyua_bsc.geojson', content, run, expect, base: text });
  const mut = (f: (j: ReturnType<typeof fc>) => void) => {
    const j = fc();
    f(j);
    return JSON.stringify(j, null, 2);
  };
  // Line of the second feature's opening "type": "Feature" in the pretty-printed text.
  const secondFeatureLine = text.split('\n').findIndex((l, i, all) => l.includes('"type": "Feature"') && all.slice(0, i).filter((x) => x.includes('"type": "Feature"')).length === 1) + 1;
  const geom = (j: ReturnType<typeof fc>) => j.features[1]!.geometry as { type: string; coordinates: unknown };
  return [
    mk('valid', text, { kind: 'same-as-base' }),
    mk('bom', `\uFEFF${text}`, { kind: 'same-as-base' }),
    mk('truncated', half, { kind: 'error', line: halfLines.length, column: `character ${halfLines.at(-1)!.length + 1}`, problem: /the file ends before the JSON does/ }),
    mk('empty', '', { kind: 'error', line: null, column: null, problem: /file is empty/ }),
    mk('not-json', text.replace('"FeatureCollection"', 'FeatureCollection'), { kind: 'error', line: 2, column: 'character 11', problem: /invalid JSON/ }),
    mk('not-a-collection', JSON.stringify({ type: 'Feature' }), { kind: 'error', line: 1, column: 'type', problem: /FeatureCollection/ }),
    mk('null-geometry', mut((j) => ((j.features[1] as { geometry: unknown }).geometry = null)), { kind: 'error', line: secondFeatureLine, column: 'geometry', problem: /geometry is null/ }),
    mk('point-geometry', mut((j) => ((j.features[1] as { geometry: unknown }).geometry = { type: 'Point', coordinates: [-1, 53] })), { kind: 'error', line: secondFeatureLine, column: 'geometry.type', problem: /not Polygon or MultiPolygon/ }),
    mk('text-coordinate', mut((j) => ((geom(j).coordinates as unknown[][][])[0]![1] = ['-1.0', 53.1])), { kind: 'error', line: secondFeatureLine, column: 'geometry.coordinates', problem: /must be numbers, not text/ }),
    mk('coordinate-out-of-range', mut((j) => ((geom(j).coordinates as unknown[][][])[0]![1] = [-1.0, 153.1])), { kind: 'error', line: secondFeatureLine, column: 'geometry.coordinates', problem: /outside the expected range/ }),
    mk('swapped-coordinates', mut((j) => (geom(j).coordinates = [(geom(j).coordinates as number[][][])[0]!.map(([x, y]) => [y, x])])), { kind: 'error', line: secondFeatureLine, column: 'geometry.coordinates', problem: /outside the expected range/ }),
    mk('empty-ring', mut((j) => (geom(j).coordinates = [[]])), { kind: 'error', line: secondFeatureLine, column: 'geometry.coordinates', problem: /fewer than 4 positions/ }),
    mk('no-rings', mut((j) => (geom(j).coordinates = [])), { kind: 'error', line: secondFeatureLine, column: 'geometry.coordinates', problem: /has no rings|has no polygons/ }),
    mk('open-ring', mut((j) => ((geom(j).coordinates as number[][][])[0]!.pop(), (geom(j).coordinates as number[][][])[0]!.push([-0.95, 53.15]))), { kind: 'error', line: secondFeatureLine, column: 'geometry.coordinates', problem: /not closed/ }),
    mk('welsh-feature-broken-is-ignored', mut((j) => ((j.features[2] as { geometry: unknown }).geometry = null)), { kind: 'same-as-base' }),
  ];
}

// ---------- LAIT store (parquet) ----------

function parquetCases(): CorpusCase[] {
  const run = async (path: string) => readParquetObjects(path, ['Short Desc', 'Years', 'LA and Regions', 'Values', 'LA Number']);
  const mk = (id: string, content: Uint8Array, problem: RegExp): CorpusCase => ({ id: `lait-parquet/${id}`, name: 'bds_long_0.parquet', content, run, expect: { kind: 'error', line: null, column: null, problem } });
  const magic = new TextEncoder().encode('PAR1');
  const junk = new Uint8Array(64).map((_, i) => (i * 37) % 251);
  return [
    mk('empty', new Uint8Array(0), /cannot read the parquet file.*run `npm run data:fetch`/),
    mk('not-parquet', new TextEncoder().encode('Short Desc,Years\nSEN_TotStat,2025\n'), /cannot read the parquet file/),
    mk('truncated-after-magic', magic, /cannot read the parquet file/),
    mk('corrupt-footer', new Uint8Array([...magic, ...junk, 8, 0, 0, 0, ...magic]), /cannot read the parquet file/),
  ];
}

export function corpus(): CorpusCase[] {
  const fixtures = [caseloadFixture(), timelinessFixture(), requestsFixture(), mi23Fixture(), needsFixture(), neetFixture(), senStatusFixture(), bandsFixture()];
  return [...fixtures.flatMap(csvCases), ...neighboursCases(), ...registerCases(), ...regionsCases(), ...codeHistoryCases(), ...geojsonCases(), ...parquetCases()];
}
