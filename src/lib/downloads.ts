/**
 * Public downloads: tidy CSV in the EES layout, a `.meta.csv` data dictionary
 * beside each, and one catalogue entry per download.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { cellToCsv, type Cell } from './cell.ts';

export type ColumnType = 'Filter' | 'Indicator';
export type IndicatorUnit = '' | '%' | '£' | '£m' | 'pp' | 'numberstring';

export interface Column {
  name: string;
  type: ColumnType;
  label: string;
  unit?: IndicatorUnit;
  /** Decimal places for indicators. */
  dp?: number;
}

export type CsvValue = string | number | Cell | null | undefined | boolean;

export interface Download {
  /** Stable id, also the file stem: `inspections` → /data/inspections.csv */
  id: string;
  title: string;
  description: string;
  columns: Column[];
  rows: Record<string, CsvValue>[];
  /** Ids of entries in data/sources.json the rows come from. */
  sourceIds: string[];
  licence: string;
}

export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  file: string;
  dictionary: string;
  rows: number;
  columns: string[];
  sourceIds: string[];
  licence: string;
}

/** The EES geography columns every LA-level download starts with. */
export const EES_GEOGRAPHY_COLUMNS: Column[] = [
  { name: 'time_period', type: 'Filter', label: 'Time period' },
  { name: 'time_identifier', type: 'Filter', label: 'Time identifier' },
  { name: 'geographic_level', type: 'Filter', label: 'Geographic level' },
  { name: 'country_code', type: 'Filter', label: 'Country code' },
  { name: 'country_name', type: 'Filter', label: 'Country name' },
  { name: 'region_code', type: 'Filter', label: 'Region code' },
  { name: 'region_name', type: 'Filter', label: 'Region name' },
  { name: 'new_la_code', type: 'Filter', label: 'Local authority ONS code' },
  { name: 'old_la_code', type: 'Filter', label: 'Local authority DfE code' },
  { name: 'la_name', type: 'Filter', label: 'Local authority' },
];

/**
 * The EES geography values of a local-authority row: for today's areas their
 * own codes; for a former authority its own codes and name, in its successor's region.
 */
export function laGeography(region: { code: string; name: string }, la: { onsCode: string; laCode: string; name: string }): Record<string, CsvValue> {
  return {
    geographic_level: 'Local authority',
    country_code: 'E92000001',
    country_name: 'England',
    region_code: region.code,
    region_name: region.name,
    new_la_code: la.onsCode,
    old_la_code: la.laCode,
    la_name: la.name,
  };
}

export const OGL = 'Open Government Licence v3.0';

function formatValue(v: CsvValue, column: Column): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return cellToCsv(v, column.dp);
  if (typeof v === 'number') return column.dp === undefined ? String(v) : v.toFixed(column.dp);
  return String(v);
}

export function toCsv(columns: readonly Column[], rows: readonly Record<string, CsvValue>[]): string {
  const names = columns.map((c) => c.name);
  for (const [i, row] of rows.entries()) {
    for (const key of Object.keys(row)) {
      if (!names.includes(key)) throw new Error(`download row ${i + 1} has column "${key}" that the download does not declare`);
    }
  }
  const data = rows.map((row) => columns.map((c) => formatValue(row[c.name], c)));
  return `${Papa.unparse({ fields: names, data }, { newline: '\n' })}\n`;
}

export function toMetaCsv(columns: readonly Column[]): string {
  const data = columns.map((c) => [c.name, c.type, c.label, c.type === 'Indicator' ? (c.unit ?? '') : '', c.type === 'Indicator' && c.dp !== undefined ? String(c.dp) : '']);
  return `${Papa.unparse({ fields: ['col_name', 'col_type', 'label', 'indicator_unit', 'indicator_dp'], data }, { newline: '\n' })}\n`;
}

/** Write `<id>.csv` and `<id>.meta.csv` into dir; return the catalogue entry. */
export function writeDownload(dir: string, d: Download): CatalogueEntry {
  if (d.rows.length === 0) throw new Error(`download ${d.id} has no rows: refusing to publish an empty file`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${d.id}.csv`), toCsv(d.columns, d.rows));
  writeFileSync(join(dir, `${d.id}.meta.csv`), toMetaCsv(d.columns));
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    file: `/data/${d.id}.csv`,
    dictionary: `/data/${d.id}.meta.csv`,
    rows: d.rows.length,
    columns: d.columns.map((c) => c.name),
    sourceIds: d.sourceIds,
    licence: d.licence,
  };
}
