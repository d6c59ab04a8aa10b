/**
 * All-pupil absence from the DfE Local Authority Interactive Tool (LAIT) data
 * store: overall, authorised, unauthorised, persistent (10%+) and severe (50%+)
 * absence by phase, for England, the 9 regions and every area, 2015/16 onwards.
 *
 * LAIT quirks handled here (see data/raw/lait/SOURCES.md):
 * - `Years` is the calendar year the academic year ends in: 2022 = 2021/22.
 * - `Values` is text with floating-point noise: parsed and rounded to the
 *   dictionary's `dps`; `-` means no value for that area and year and stays a symbol.
 * - Areas are keyed by `LA Number` (DfE code as a float); 970 = England, 980-990 regions.
 */
import { readParquetObjects } from '../lib/read-files.ts';
import { CellError, parseCell, roundTo, value, type Cell } from '../lib/cell.ts';
import { DataError, projectPath, readCsv } from '../lib/csv.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import { ENGLAND, laGeoRef, periodFromEndYear, type GeoRef, type Phase } from './absence-common.ts';

export type LaitMeasure = 'overall' | 'authorised' | 'unauthorised' | 'persistent' | 'severe';
export const LAIT_MEASURES: readonly LaitMeasure[] = ['overall', 'authorised', 'unauthorised', 'persistent', 'severe'];

/** The LAIT measure codes used, picked from the dictionary's "All Pupil Absence & Exclusions" topic. */
export const LAIT_CODES: Record<string, { measure: LaitMeasure; phase: Phase }> = {
  TotAbs: { measure: 'overall', phase: 'total' },
  PriTotAbs: { measure: 'overall', phase: 'primary' },
  SecTotAbs: { measure: 'overall', phase: 'secondary' },
  total_absence_special: { measure: 'overall', phase: 'special' },
  TotAuthAbs: { measure: 'authorised', phase: 'total' },
  PriAuth: { measure: 'authorised', phase: 'primary' },
  SecAuth: { measure: 'authorised', phase: 'secondary' },
  authorised_absence_special: { measure: 'authorised', phase: 'special' },
  TotUnAuthAbs: { measure: 'unauthorised', phase: 'total' },
  PriUnauth: { measure: 'unauthorised', phase: 'primary' },
  SecUnauth: { measure: 'unauthorised', phase: 'secondary' },
  unauthorised_absence_special: { measure: 'unauthorised', phase: 'special' },
  TotPerAbNew: { measure: 'persistent', phase: 'total' },
  SFPriPerAbNew: { measure: 'persistent', phase: 'primary' },
  SFSecPerAbNew: { measure: 'persistent', phase: 'secondary' },
  SpecPerAbNew: { measure: 'persistent', phase: 'special' },
  TotSevPerAbNew: { measure: 'severe', phase: 'total' },
  SFPriSevPerAbNew: { measure: 'severe', phase: 'primary' },
  SFSecSevPerAbNew: { measure: 'severe', phase: 'secondary' },
  SpecSevPerAbNew: { measure: 'severe', phase: 'special' },
};

export interface LaitDictEntry {
  code: string;
  label: string;
  dps: number;
  yearType: string;
}

export interface LaitRecord {
  code: string;
  measure: LaitMeasure;
  phase: Phase;
  /** Six-digit academic year, e.g. "202122". */
  period: string;
  geo: GeoRef;
  value: Cell;
}

/** The dictionary entries of the chosen codes; each must exist, be an academic-year measure and give its decimal places. */
export async function parseLaitDictionary(path: string): Promise<Map<string, LaitDictEntry>> {
  const rows = await readCsv(path, { columns: ['Measure_short', 'Measure', 'dps', 'Year_Type'] });
  const out = new Map<string, LaitDictEntry>();
  for (const r of rows) {
    const code = r.get('Measure_short').trim();
    if (!(code in LAIT_CODES)) continue; // only the absence measures listed above are used
    const dps = r.number('dps');
    const yearType = r.text('Year_Type');
    if (yearType !== 'Academic Year') throw r.error('Year_Type', `${code} is "${yearType}", expected "Academic Year"`);
    const prev = out.get(code);
    if (prev && prev.dps !== dps) throw r.error('dps', `${code} is listed twice with different decimal places`);
    out.set(code, { code, label: r.text('Measure'), dps, yearType });
  }
  const missing = Object.keys(LAIT_CODES).filter((c) => !out.has(c));
  if (missing.length > 0) throw new DataError(path, null, 'Measure_short', `absence measures not in the dictionary: ${missing.join(', ')}`);
  return out;
}

export interface LaitRawRow {
  'Short Desc': string;
  Years: string;
  'LA and Regions': string;
  Values: string;
  'LA Number': number;
}

const ENGLAND_NUMBER = 970;
/** LAIT's London (Inner) and London (Outer) sub-regions: not comparators on this site (London, 986, is). */
const LONDON_SUBREGIONS = new Set([987, 988]);

export interface LaitParseResult {
  records: LaitRecord[];
  /** Rows deliberately left out, by rule (counted so nothing is lost silently). */
  skipped: { londonSubregions: number };
}

/**
 * Turn LAIT store rows (already filtered to any measure; other measures are
 * ignored by rule) into typed records. `file` names the source in errors;
 * a row's "line" is its 1-based row number in the store.
 */
export function parseLaitRows(rows: readonly LaitRawRow[], dict: Map<string, LaitDictEntry>, geo: GeographyIndex, file: string): LaitParseResult {
  const regionsByName = new Map(geo.geography.regions.map((r) => [r.name.toLowerCase(), r]));
  const records: LaitRecord[] = [];
  const seen = new Set<string>();
  let londonSubregions = 0;
  const err = (i: number, column: string, problem: string) => new DataError(file, i + 1, column, problem);

  rows.forEach((row, i) => {
    const code = row['Short Desc'];
    const def = LAIT_CODES[code];
    if (!def) return; // not an absence measure used here (the store holds 434 measures)
    const dps = dict.get(code)!.dps;

    const years = String(row.Years).trim();
    if (!/^\d{4}$/.test(years)) throw err(i, 'Years', `"${years}" is not a four-digit year`);
    const endYear = Number(years);
    if (endYear < 2006 || endYear > 2030) throw err(i, 'Years', `${years} is outside the expected range`);
    const period = periodFromEndYear(endYear);

    const num = row['LA Number'];
    if (typeof num !== 'number' || !Number.isInteger(num)) throw err(i, 'LA Number', `"${num}" is not a whole-number DfE code`);
    const name = String(row['LA and Regions']).trim();
    let g: GeoRef;
    if (num === ENGLAND_NUMBER) {
      if (name !== 'England') throw err(i, 'LA and Regions', `code 970 is "${name}", expected England`);
      g = ENGLAND;
    } else if (LONDON_SUBREGIONS.has(num)) {
      londonSubregions++;
      return;
    } else if (num >= 980 && num <= 990) {
      const region = regionsByName.get(name.toLowerCase());
      if (!region) throw err(i, 'LA and Regions', `"${name}" (${num}) is not one of the 9 regions`);
      g = { level: 'regional', key: region.code, name: region.name };
    } else {
      try {
        g = laGeoRef(geo, String(num).padStart(3, '0'));
      } catch (e) {
        throw err(i, 'LA Number', (e as Error).message);
      }
    }

    let cell: Cell;
    try {
      cell = parseCell(String(row.Values), { symbols: ['-'], allowBlank: false });
    } catch (e) {
      if (e instanceof CellError) throw err(i, 'Values', e.message);
      throw e;
    }
    if (cell.kind === 'value') {
      if (cell.value < 0 || cell.value > 100) throw err(i, 'Values', `${cell.value} is not a percentage`);
      cell = value(roundTo(cell.value, dps));
    }

    const key = `${code}|${period}|${g.key}|${g.level}`;
    if (seen.has(key)) throw err(i, 'Short Desc', `${code} ${period} ${g.name} appears twice`);
    seen.add(key);
    records.push({ code, measure: def.measure, phase: def.phase, period, geo: g, value: cell });
  });

  // Completeness: England, every region and every current area has every measure in every year the measure has.
  const periods = new Set(records.map((r) => r.period));
  const expected = [ENGLAND.key, ...geo.geography.regions.map((r) => r.code), ...geo.areas.map((a) => a.laCode)];
  for (const code of Object.keys(LAIT_CODES)) {
    for (const p of periods) {
      const have = new Set(records.filter((r) => r.code === code && r.period === p && r.geo.level !== 'predecessor').map((r) => r.geo.key));
      if (have.size === 0) continue;
      const missing = expected.filter((k) => !have.has(k));
      if (missing.length > 0) throw new DataError(file, null, 'LA Number', `${code} ${p}: no row for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
    }
  }
  return { records, skipped: { londonSubregions } };
}

/** Read the LAIT store and return the absence records. */
export async function readLaitAbsence(storePath: string, dictPath: string, geo: GeographyIndex): Promise<LaitParseResult> {
  const dict = await parseLaitDictionary(dictPath);
  const rows = await readParquetObjects<LaitRawRow>(storePath, ['Short Desc', 'Years', 'LA and Regions', 'Values', 'LA Number']);
  return parseLaitRows(rows, dict, geo, projectPath(storePath));
}
