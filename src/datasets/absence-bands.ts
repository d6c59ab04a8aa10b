/**
 * Pupil absence distributions (DfE): counts of enrolments in eleven
 * overall-absence bands, by area, school type and SEN status, 2016/17-2022/23.
 *
 * Persistent absence (10%+) = enrolments in the bands from 10% up ÷ all enrolments;
 * severe absence (50%+) = the 50%+ band ÷ all. Bands include their lower bound.
 *
 * The file has no header row and no total rows: school types and the other
 * breakdowns (free school meals, sex, year group) are summed here.
 */
import { DataError, streamCsv, type CsvRow } from '../lib/csv.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import { ENGLAND, laGeoRef, NO_DATA_PERIOD, periodFromEndYear, type GeoRef, type Phase } from './absence-common.ts';
import { placesExisting } from '../lib/coverage.ts';
import { KeySet, requireCoverage } from '../lib/validate.ts';

export const BAND_COLUMNS = [
  'pct5_OARate', 'pct10_OARate', 'pct15_OARate', 'pct20_OARate', 'pct25_OARate', 'pct30_OARate',
  'pct35_OARate', 'pct40_OARate', 'pct45_OARate', 'pct50_OARate', 'pct50plus_OARate',
] as const;
/** Bands from 10% up: pct15 (10-<15%) … pct50plus. */
const PERSISTENT_FROM = 2;

export const BANDS_HEADER = [
  'time_identifier', 'time_period', 'geographic_level', 'country_code', 'country_name', 'region_name', 'region_code',
  'old_la_code', 'new_la_code', 'la_name', 'school_type', 'fsm_eligible', 'sen_status', 'gender', 'NCyearActual',
  ...BAND_COLUMNS,
] as const;

export type BandsSen = 'all' | 'any' | 'none';
export const BANDS_SEN: Record<string, Exclude<BandsSen, 'all'> | 'unclassified'> = {
  'Any special educational need': 'any',
  'No identified special educational need': 'none',
  Unclassified: 'unclassified',
};
const SCHOOL_TYPES: Record<string, Phase> = {
  'State-funded primary': 'primary',
  'State-funded secondary': 'secondary',
  Special: 'special',
};

/** Enrolments, persistently absent (10%+) and severely absent (50%+) enrolments. */
export interface BandCounts {
  enrolments: number;
  persistent: number;
  severe: number;
}

export interface BandsAggregate {
  period: string;
  geo: GeoRef;
  phase: Phase;
  sen: BandsSen;
  counts: BandCounts;
}

export interface BandsResult {
  aggregates: BandsAggregate[];
  rows: number;
  /** Rows by geographic level, to check nothing was dropped. */
  rowsByLevel: Record<string, number>;
}

/**
 * Regional rows are published for Inner London (E13000001) and Outer London
 * (E13000002) but not London (E12000007): London = Inner + Outer (counts add up).
 */
const LONDON_PARTS = new Set(['E13000001', 'E13000002']);
const LONDON = 'E12000007';

export async function parseBands(path: string, geo: GeographyIndex, displayName?: string): Promise<BandsResult> {
  const acc = new Map<string, BandsAggregate>();
  const rowsByLevel: Record<string, number> = {};
  const regionCodes = new Set(geo.geography.regions.map((r) => r.code));
  const geoCache = new Map<string, GeoRef>();

  const add = (period: string, g: GeoRef, phase: Phase, sen: BandsSen, c: BandCounts) => {
    const key = `${period}|${g.level}|${g.key}|${phase}|${sen}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { period, geo: g, phase, sen, counts: { enrolments: 0, persistent: 0, severe: 0 } }));
    a.counts.enrolments += c.enrolments;
    a.counts.persistent += c.persistent;
    a.counts.severe += c.severe;
  };

  const geoOf = (r: CsvRow, level: string): GeoRef => {
    if (level === 'National') {
      if (r.text('country_code') !== ENGLAND.key) throw r.error('country_code', 'expected E92000001');
      return ENGLAND;
    }
    if (level === 'Regional') {
      let code = r.text('region_code');
      if (LONDON_PARTS.has(code)) code = LONDON;
      if (!regionCodes.has(code)) throw r.error('region_code', `${code} is not a region`);
      return { level: 'regional', key: code, name: geo.region(code).name };
    }
    if (level === 'Local authority') {
      const old = r.text('old_la_code');
      const ons = r.get('new_la_code').trim(); // padded with trailing spaces in most rows
      const cacheKey = `${old}|${ons}`;
      const hit = geoCache.get(cacheKey);
      if (hit) return hit;
      let g: GeoRef;
      try {
        g = laGeoRef(geo, old);
      } catch (e) {
        throw r.error('old_la_code', (e as Error).message);
      }
      // The ONS code must lead to the same place as the DfE code.
      const byOns = geo.resolve(ons);
      if (!byOns) throw r.error('new_la_code', `${ons} is not a local area code known to the code history`);
      const same = g.level === 'la' ? byOns.laCodes.includes(g.key) && byOns.kind !== 'predecessor' : byOns.kind === 'predecessor';
      if (!same) throw r.error('new_la_code', `${ons} does not match DfE code ${old}`);
      // Same DfE code, earlier ONS code (e.g. Buckinghamshire E10000002 to 2018/19): mark the break.
      if (g.level === 'la' && g.status === 'current' && byOns.kind === 'recoded') g = { ...g, status: 'recoded', sourceCode: ons };
      geoCache.set(cacheKey, g);
      return g;
    }
    throw r.error('geographic_level', `"${level}" is not National, Regional or Local authority`);
  };

  const file = displayName ?? path;
  // Rows are summed over breakdowns, so a repeated row would be counted twice: every breakdown must appear once.
  const keys = new KeySet(file, 'year, place, school type, free school meals, SEN status, sex and year group');
  const rows = await streamCsv(path, { columns: BANDS_HEADER, header: BANDS_HEADER, displayName }, (r) => {
    if (r.get('time_identifier') !== 'Academic year') throw r.error('time_identifier', 'expected "Academic year"');
    const period = r.text('time_period');
    if (!/^\d{6}$/.test(period)) throw r.error('time_period', 'expected a six-digit academic year');
    const level = r.text('geographic_level');
    rowsByLevel[level] = (rowsByLevel[level] ?? 0) + 1;
    const g = geoOf(r, level);
    const phase = SCHOOL_TYPES[r.text('school_type')];
    if (!phase) throw r.error('school_type', `"${r.get('school_type')}" is not a known school type`);
    const sen = BANDS_SEN[r.text('sen_status')];
    if (!sen) throw r.error('sen_status', `"${r.get('sen_status')}" is not a known SEN status`);

    const place = level === 'Local authority' ? r.get('old_la_code').trim() : level === 'Regional' ? r.get('region_code').trim() : 'E92000001';
    const parts = [period, level, place, r.get('school_type'), r.get('fsm_eligible'), r.get('sen_status'), r.get('gender'), r.get('NCyearActual')].map((x) => x.trim());
    keys.addRow(r, parts.join('|'), 'time_period', `${parts.slice(0, 3).join(' ')} ${parts.slice(3).join(', ')}`);
    const bands = BAND_COLUMNS.map((c) => {
      const n = r.number(c);
      if (!Number.isInteger(n) || n < 0) throw r.error(c, `${n} is not a count of enrolments`);
      return n;
    });
    const c: BandCounts = {
      enrolments: bands.reduce((s, n) => s + n, 0),
      persistent: bands.slice(PERSISTENT_FROM).reduce((s, n) => s + n, 0),
      severe: bands[bands.length - 1]!,
    };
    // Unclassified SEN status counts towards all pupils only.
    for (const ph of [phase, 'total'] as const) {
      add(period, g, ph, 'all', c);
      if (sen !== 'unclassified') add(period, g, ph, sen, c);
    }
  });
  if (rows === 0) throw new DataError(displayName ?? path, null, null, 'no rows');
  return { aggregates: [...acc.values()], rows, rowsByLevel };
}

/** The academic years the bands file covers: 2016/17 to 2022/23, except 2019/20 (no full-year absence was collected). */
export const BANDS_PERIODS: readonly string[] = Array.from({ length: 7 }, (_, i) => periodFromEndYear(2017 + i)).filter((p) => p !== NO_DATA_PERIOD);

/** Every area that existed in each academic year must have rows, and England and every region. */
export function checkBandsCoverage(result: BandsResult, geo: GeographyIndex, file: string): void {
  const have = new Set(result.aggregates.filter((a) => a.phase === 'total' && a.sen === 'all').map((a) => `${a.period}|${a.geo.level}|${a.geo.key}`));
  requireCoverage({
    file,
    column: 'old_la_code',
    what: 'Enrolments by absence band',
    periods: BANDS_PERIODS.map(Number),
    periodLabel: (p) => `${String(p).slice(0, 4)}/${String(p).slice(4)}`,
    expected: (p) => placesExisting(geo, `${String(p).slice(0, 4)}-12-31`, { area: (la) => `la|${la}`, predecessor: (old) => `predecessor|${old}` }).map((e) => (e.key === 'E92000001' ? { ...e, key: `national|${e.key}` } : /^E1[23]/.test(e.key) ? { ...e, key: `regional|${e.key}` } : e)),
    has: (key, p) => have.has(`${p}|${key}`),
  });
}
