/**
 * Area time series shared by the EHC plan, tribunal and outcomes datasets.
 *
 * A series is keyed by measure → geography key → period (a year number whose
 * meaning the measure states). Geography keys:
 * - `E92000001` England, `E12…` a region,
 * - a current area's DfE code (`938`),
 * - `pred-<DfE code>` for a split or merged predecessor (Northamptonshire 928,
 *   Cumbria 909, old Dorset 835, Poole 836, Bournemouth 837): its figures are
 *   never the successor's own and stay labelled.
 *
 * Cells are kept as Cells (numbers, DfE symbols, blanks) all the way to the
 * generated JSON, where they are written compactly: a number, a symbol code, or null.
 */
import { BLANK, isSymbolCode, symbol, value, type Cell, type SymbolCode } from './cell.ts';
import type { CsvRow } from './csv.ts';
import type { GeographyIndex } from './geography.ts';

export const ENGLAND = 'E92000001';

/** A Cell as stored in generated JSON: number = value, string = DfE symbol, null = blank. */
export type JsonCell = number | SymbolCode | null;

export function toJsonCell(c: Cell): JsonCell {
  if (c.kind === 'value') return c.value;
  if (c.kind === 'symbol') return c.code;
  return null;
}

/** The key of a split or merged predecessor in generated JSON: `pred-<DfE code>` (Northamptonshire: `pred-928`). */
export function predecessorKey(oldLaCode: string): string {
  return `pred-${oldLaCode}`;
}

export function fromJsonCell(j: JsonCell | undefined): Cell {
  if (j === null || j === undefined) return BLANK;
  if (typeof j === 'number') return value(j);
  if (isSymbolCode(j)) return symbol(j);
  throw new Error(`"${String(j)}" is not a stored cell`);
}

export type PeriodType = 'january' | 'calendar' | 'academic' | 'financial' | 'neet';

export interface GeoInfo {
  key: string;
  name: string;
  kind: 'england' | 'region' | 'area' | 'predecessor';
  /** For predecessors: the current areas that replaced it. */
  successors?: string[];
}

/** How a predecessor is labelled everywhere: its figures are not its successors'. */
export function predecessorLabel(name: string, effectiveDate: string): string {
  const d = new Date(`${effectiveDate}T00:00:00Z`);
  const month = d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${name.replace(/ \(county\)$/, '')} (before ${month} ${d.getUTCFullYear()})`;
}

/**
 * Map a DfE or ONS code to a series key. An unknown code is an error on that row.
 * Recoded areas (same area, new code) join the current area's series.
 */
export function geoKeyForCode(geo: GeographyIndex, code: string, row: CsvRow | null, column: string, known: Map<string, GeoInfo>): string {
  const res = geo.resolve(code);
  if (!res) {
    const msg = `"${code}" is not the code of an English local area, current or former`;
    if (row) throw row.error(column, msg);
    throw new Error(`${column}: ${msg}`);
  }
  if (res.kind === 'current' || res.kind === 'recoded') {
    if (res.laCodes.length !== 1) throw new Error(`code ${code} resolves to ${res.laCodes.length} areas`);
    const laCode = res.laCodes[0]!;
    if (!known.has(laCode)) {
      const a = geo.area(laCode);
      known.set(laCode, { key: laCode, name: a.name, kind: 'area' });
    }
    return laCode;
  }
  const first = res.changes[0]!;
  const key = predecessorKey(first.oldLaCode);
  if (!known.has(key)) {
    known.set(key, { key, name: predecessorLabel(res.predecessorName ?? first.oldName, first.effectiveDate), kind: 'predecessor', successors: res.laCodes });
  }
  return key;
}

export function baseGeos(geo: GeographyIndex): Map<string, GeoInfo> {
  const m = new Map<string, GeoInfo>();
  m.set(ENGLAND, { key: ENGLAND, name: 'England', kind: 'england' });
  for (const r of geo.geography.regions) m.set(r.code, { key: r.code, name: r.name, kind: 'region' });
  for (const a of geo.areas) m.set(a.laCode, { key: a.laCode, name: a.name, kind: 'area' });
  return m;
}

/**
 * The geography of a row in an EES tidy file: National → England, Regional →
 * region code, Local authority → resolved `old_la_code` (DfE code; the 2025 EHC
 * plans release keeps stale county ONS codes, so the DfE code is the join key).
 * Any other level is an error unless the caller filters it out first.
 */
export function eesGeoKey(row: CsvRow, geo: GeographyIndex, known: Map<string, GeoInfo>, laColumn = 'old_la_code'): string {
  const level = row.text('geographic_level');
  if (level === 'National') {
    if (row.text('country_code') !== ENGLAND) throw row.error('country_code', 'expected England (E92000001)');
    return ENGLAND;
  }
  if (level === 'Regional') {
    const code = row.text('region_code');
    if (!known.has(code)) throw row.error('region_code', `"${code}" is not an English region`);
    return code;
  }
  if (level === 'Local authority') return geoKeyForCode(geo, row.text(laColumn), row, laColumn, known);
  throw row.error('geographic_level', `unexpected level "${level}"`);
}

/** measure → geo key → period → cell */
export class SeriesStore {
  readonly data = new Map<string, Map<string, Map<number, Cell>>>();

  /**
   * Store one cell. A second cell for the same measure, place and period is a
   * duplicate key: an error at `row` (a CSV row, or any source location that
   * can make a located error).
   */
  put(measure: string, geoKey: string, period: number, cell: Cell, row?: Pick<CsvRow, 'error'>, column?: string): void {
    let byGeo = this.data.get(measure);
    if (!byGeo) this.data.set(measure, (byGeo = new Map()));
    let byPeriod = byGeo.get(geoKey);
    if (!byPeriod) byGeo.set(geoKey, (byPeriod = new Map()));
    if (byPeriod.has(period)) {
      const msg = `duplicate row: a second ${measure} for ${geoKey} in ${period} (each area and period must appear once). Remove the repeated row; check the file against the published source`;
      if (row) throw row.error(column ?? null, msg);
      throw new Error(msg);
    }
    byPeriod.set(period, cell);
  }

  get(measure: string, geoKey: string, period: number): Cell {
    return this.data.get(measure)?.get(geoKey)?.get(period) ?? BLANK;
  }

  has(measure: string, geoKey: string, period: number): boolean {
    return this.data.get(measure)?.get(geoKey)?.has(period) ?? false;
  }

  periods(measure: string): number[] {
    const s = new Set<number>();
    for (const byPeriod of this.data.get(measure)?.values() ?? []) for (const p of byPeriod.keys()) s.add(p);
    return [...s].sort((a, b) => a - b);
  }

  geoKeys(measure: string): string[] {
    return [...(this.data.get(measure)?.keys() ?? [])];
  }
}

export interface Disagreement {
  measure: string;
  geoKey: string;
  period: number;
  older: Cell;
  newer: Cell;
}

function sameCell(a: Cell, b: Cell, tolerance: number): boolean {
  if (a.kind === 'value' && b.kind === 'value') return Math.abs(a.value - b.value) <= tolerance;
  if (a.kind === 'symbol' && b.kind === 'symbol') return a.code === b.code;
  return a.kind === b.kind;
}

/**
 * One series per measure across releases: copy `older` then `newer` into
 * `target`; where both have a period the later release wins. Returns every
 * overlap where they disagree (beyond `tolerance`), for tests and build notes.
 */
export function mergeReleases(target: SeriesStore, measure: string, older: SeriesStore, newer: SeriesStore, tolerance = 0, olderMeasure = measure, newerMeasure = measure): { overlaps: number; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  let overlaps = 0;
  const o = older.data.get(olderMeasure) ?? new Map<string, Map<number, Cell>>();
  const n = newer.data.get(newerMeasure) ?? new Map<string, Map<number, Cell>>();
  for (const [geoKey, byPeriod] of o) {
    for (const [period, cell] of byPeriod) {
      const later = n.get(geoKey)?.get(period);
      if (later === undefined) {
        target.put(measure, geoKey, period, cell);
        continue;
      }
      overlaps += 1;
      if (!sameCell(cell, later, tolerance)) disagreements.push({ measure, geoKey, period, older: cell, newer: later });
    }
  }
  for (const [geoKey, byPeriod] of n) for (const [period, cell] of byPeriod) target.put(measure, geoKey, period, cell);
  return { overlaps, disagreements };
}

export interface MeasureMeta {
  id: string;
  label: string;
  unit: '' | '%' | '£';
  dp: number;
  periodType: PeriodType;
  sourceIds: string[];
}

/** Compact JSON for pages: periods once per measure, cells aligned to them. */
export interface SeriesJson {
  measures: Record<string, MeasureMeta & { periods: number[] }>;
  geos: Record<string, GeoInfo>;
  values: Record<string, Record<string, JsonCell[]>>;
}

export function seriesToJson(store: SeriesStore, metas: MeasureMeta[], geos: Map<string, GeoInfo>): SeriesJson {
  const out: SeriesJson = { measures: {}, geos: {}, values: {} };
  const used = new Set<string>();
  for (const m of metas) {
    const periods = store.periods(m.id);
    if (periods.length === 0) throw new Error(`measure ${m.id} has no data`);
    out.measures[m.id] = { ...m, periods };
    const byGeo: Record<string, JsonCell[]> = {};
    for (const g of store.geoKeys(m.id)) {
      byGeo[g] = periods.map((p) => (store.has(m.id, g, p) ? toJsonCell(store.get(m.id, g, p)) : null));
      used.add(g);
    }
    out.values[m.id] = byGeo;
  }
  for (const g of used) {
    const info = geos.get(g);
    if (!info) throw new Error(`series uses geography ${g} with no description`);
    out.geos[g] = info;
  }
  return out;
}

/** Read a compact series back (pages and charts). */
export class SeriesView {
  constructor(readonly json: SeriesJson) {}

  measure(id: string) {
    const m = this.json.measures[id];
    if (!m) throw new Error(`no measure ${id}`);
    return m;
  }

  cell(id: string, geoKey: string, period: number): Cell {
    const m = this.measure(id);
    const i = m.periods.indexOf(period);
    if (i < 0) return BLANK;
    return fromJsonCell(this.json.values[id]?.[geoKey]?.[i]);
  }

  /** Every period of a measure for one geography, in order, with blanks where the geography has no row. */
  series(id: string, geoKey: string): { period: number; cell: Cell }[] {
    const m = this.measure(id);
    const vals = this.json.values[id]?.[geoKey];
    return m.periods.map((period, i) => ({ period, cell: fromJsonCell(vals?.[i]) }));
  }

  hasGeo(id: string, geoKey: string): boolean {
    return this.json.values[id]?.[geoKey] !== undefined;
  }

  geoName(key: string): string {
    const g = this.json.geos[key];
    if (!g) throw new Error(`no geography ${key}`);
    return g.name;
  }

  latestPeriod(id: string): number {
    const p = this.measure(id).periods;
    return p[p.length - 1]!;
  }
}
