/**
 * Public downloads: tidy CSV in the EES layout, a `.meta.csv` data dictionary
 * beside each, and one catalogue entry per download.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { cellToCsv, isSymbolCode, symbol, value, type Cell } from './cell.ts';
import { SymbolRules } from './symbols.ts';

export type ColumnType = 'Filter' | 'Indicator';
export type IndicatorUnit = '' | '%' | '£' | '£m' | 'pp' | 'numberstring';

export interface Column {
  name: string;
  type: ColumnType;
  label: string;
  unit?: IndicatorUnit;
  /** Decimal places for indicators. */
  dp?: number;
  /** The measure in words, where the label names a place instead (a comparison chart's "England" column). */
  measure?: string;
  /** The place the column's values describe, where the column is one place of a comparison. */
  place?: string;
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
  /** True when every cell is already in the EES vocabulary (translated source by source before writing), so no source's rules apply. */
  eesSymbolsOnly?: boolean;
}

export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  file: string;
  dictionary: string;
  rows: number;
  columns: string[];
  /** Every column as written (including generated *_source_symbol columns), for the data package schema. */
  fields: Column[];
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

/** The UTF-8 byte-order mark: Excel needs it to read non-ASCII characters (DfE's EES files carry it too). */
export const BOM = '\uFEFF';

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A text cell made safe for spreadsheets: one that starts with =, +, -, @, a tab
 * or a carriage return would be read as a formula, so it gets a leading
 * apostrophe (OWASP's advice). Numbers and symbols are left alone.
 */
export function neutraliseText(s: string): string {
  if (s === '' || NUMERIC.test(s) || isSymbolCode(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export interface SerialiseOptions {
  /** Sources of the rows: they decide what a source's own symbols mean (src/lib/symbols.ts). */
  sourceIds?: readonly string[];
  /** Names the file in error messages. */
  what?: string;
}

export interface Serialised {
  /** The CSV text, starting with a byte-order mark. */
  csv: string;
  /** The columns as written: the declared ones, each followed by its *_source_symbol column where a symbol was translated. */
  columns: Column[];
  /** Symbols written ("c", "x") and source symbols translated ("source:-"). */
  symbolsUsed: Set<string>;
  rules: SymbolRules;
}

export const SOURCE_SYMBOL_SUFFIX = '_source_symbol';

/**
 * The shared CSV writer behind every CSV the site serves: a byte-order mark,
 * text cells neutralised against formula injection, symbols in the EES
 * vocabulary (translated where the source's symbol differs, with the source's
 * symbol kept in a `<column>_source_symbol` column).
 */
export function serialise(columns: readonly Column[], rows: readonly Record<string, CsvValue>[], options: SerialiseOptions = {}): Serialised {
  const what = options.what ?? 'download';
  const names = columns.map((c) => c.name);
  for (const [i, row] of rows.entries()) {
    for (const key of Object.keys(row)) {
      if (!names.includes(key)) throw new Error(`${what}: row ${i + 1} has column "${key}" that the download does not declare`);
    }
  }
  const rules = new SymbolRules(options.sourceIds ?? [], what);
  const symbolsUsed = new Set<string>();
  const translated = new Set<string>();
  const cells = rows.map((row) =>
    columns.map((c) => {
      const out = formatValue(row[c.name], c, rules, symbolsUsed);
      if (out.source !== null) translated.add(c.name);
      return out;
    }),
  );
  const written: Column[] = [];
  const layout: { index: number; source: boolean }[] = [];
  columns.forEach((c, index) => {
    written.push(c);
    layout.push({ index, source: false });
    if (translated.has(c.name)) {
      const name = `${c.name}${SOURCE_SYMBOL_SUFFIX}`;
      if (names.includes(name)) throw new Error(`${what}: column ${name} is declared, but the writer adds it`);
      written.push({ name, type: 'Filter', label: `The symbol the source published where ${c.name} shows a translated symbol or value (see the symbols in README.txt)` });
      layout.push({ index, source: true });
    }
  });
  const data = cells.map((row) => layout.map((l) => (l.source ? (row[l.index]!.source ?? '') : row[l.index]!.text)));
  const csv = `${BOM}${Papa.unparse({ fields: written.map((c) => c.name), data }, { newline: '\n' })}\n`;
  return { csv, columns: written, symbolsUsed, rules };
}

function formatValue(v: CsvValue, column: Column, rules: SymbolRules, used: Set<string>): { text: string; source: string | null } {
  if (v === null || v === undefined) return { text: '', source: null };
  let cell: Cell | null = null;
  if (typeof v === 'object') cell = v;
  else if (typeof v === 'string' && column.type === 'Indicator' && isSymbolCode(v.trim())) cell = symbol(v.trim() as Parameters<typeof symbol>[0]);
  if (cell) {
    if (cell.kind === 'symbol') {
      const t = rules.translate(cell.code, column.name);
      if (t) {
        used.add(`source:${cell.code}`);
        const to: Cell = t.to === null ? value(0) : symbol(t.to);
        if (to.kind === 'symbol') used.add(to.code);
        return { text: cellToCsv(to, column.dp), source: cell.code };
      }
      used.add(cell.code);
    }
    return { text: cellToCsv(cell, column.dp), source: null };
  }
  if (typeof v === 'number') return { text: column.dp === undefined ? String(v) : v.toFixed(column.dp), source: null };
  return { text: neutraliseText(String(v)), source: null };
}

/** The CSV text of rows (see serialise), for callers that need no more. */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, CsvValue>[], options: SerialiseOptions = {}): string {
  return serialise(columns, rows, options).csv;
}

export function toMetaCsv(columns: readonly Column[]): string {
  const data = columns.map((c) => [c.name, c.type, c.label, c.type === 'Indicator' ? (c.unit ?? '') : '', c.type === 'Indicator' && c.dp !== undefined ? String(c.dp) : ''].map(neutraliseText));
  return `${BOM}${Papa.unparse({ fields: ['col_name', 'col_type', 'label', 'indicator_unit', 'indicator_dp'], data }, { newline: '\n' })}\n`;
}

/** Write `<id>.csv` and `<id>.meta.csv` into dir; return the catalogue entry. */
export function writeDownload(dir: string, d: Download): CatalogueEntry {
  if (d.rows.length === 0) throw new Error(`download ${d.id} has no rows: refusing to publish an empty file`);
  mkdirSync(dir, { recursive: true });
  const out = serialise(d.columns, d.rows, { sourceIds: d.eesSymbolsOnly ? [] : d.sourceIds, what: `download ${d.id}` });
  writeFileSync(join(dir, `${d.id}.csv`), out.csv);
  writeFileSync(join(dir, `${d.id}.meta.csv`), toMetaCsv(out.columns));
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    file: `/data/${d.id}.csv`,
    dictionary: `/data/${d.id}.meta.csv`,
    rows: d.rows.length,
    columns: out.columns.map((c) => c.name),
    fields: out.columns,
    sourceIds: d.sourceIds,
    licence: d.licence,
  };
}
