/**
 * Reading published CSV files safely.
 *
 * - A leading UTF-8 byte-order mark is stripped (PapaParse keeps it on streams).
 * - Nothing is auto-typed: every cell stays a string until a dataset parses it
 *   into a Cell with the column's rules.
 * - Files are streamed row by row, so a 40 MB file is never held whole.
 * - The header is checked against the columns the dataset expects.
 * - Any problem is a DataError naming `file:line column: problem`, and the
 *   build stops. Nothing is dropped quietly.
 */
import { createReadStream } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import Papa from 'papaparse';
import { CellError, parseCell, type Cell, type ParseCellOptions } from './cell.ts';
import { PROJECT_ROOT } from './sources.ts';

/**
 * A file as error messages name it: relative to the project (data/raw/…),
 * whatever the working directory; a file outside the project keeps its path.
 */
export function projectPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(PROJECT_ROOT, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** What to do about bad input, when the problem does not say more. */
export const DEFAULT_ACTION = 'Check this against the published source, or run `npm run data:fetch` to restore the file';

export class DataError extends Error {
  readonly file: string;
  readonly problem: string;
  constructor(
    file: string,
    readonly line: number | null,
    readonly column: string | null,
    problem: string,
  ) {
    // Every error says what to do; a problem that does not gets the general advice.
    problem = /npm run|check |remove |documented exception|fix |update /i.test(problem) ? problem : `${problem}. ${DEFAULT_ACTION}`;
    const shown = projectPath(file);
    super(`${shown}${line === null ? '' : `:${line}`}${column === null ? '' : ` column "${column}"`}: ${problem}`);
    this.file = shown;
    this.problem = problem;
    this.name = 'DataError';
  }
}

/** One data row, with the physical line it started on for error messages. */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly fields: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The raw text of a column. Throws if the column is not in the header. */
  get(column: string): string {
    const i = this.index.get(column);
    if (i === undefined) throw this.error(column, 'column is not in the file');
    return this.fields[i] ?? '';
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** Parse a column into a Cell; a bad value throws a DataError naming this row and column. */
  cell(column: string, options?: ParseCellOptions): Cell {
    try {
      return parseCell(this.get(column), options);
    } catch (e) {
      if (e instanceof CellError) throw this.error(column, e.message);
      throw e;
    }
  }

  /** A required number (no symbol, no blank). */
  number(column: string, options?: Omit<ParseCellOptions, 'symbols' | 'allowBlank'>): number {
    const c = this.cell(column, { ...options, allowBlank: false, symbols: [] });
    if (c.kind !== 'value') throw this.error(column, 'a number is required');
    return c.value;
  }

  /** A required, non-blank text value. */
  text(column: string): string {
    const s = this.get(column).trim();
    if (s === '') throw this.error(column, 'blank cell where a value is required');
    return s;
  }

  error(column: string | null, problem: string): DataError {
    return new DataError(this.file, this.line, column, problem);
  }

  toObject(): Record<string, string> {
    const o: Record<string, string> = {};
    for (const [name, i] of this.index) o[name] = this.fields[i] ?? '';
    return o;
  }
}

export interface CsvOptions {
  /**
   * Columns the file must have. With `header: 'first-row'` (the default) each
   * must appear in the file's header row; a missing or renamed column is an error.
   */
  columns: readonly string[];
  /**
   * 'first-row': the first record is the header. An array: the file has no header
   * row and these are its columns, in order.
   */
  header?: 'first-row' | readonly string[];
  /** Rows may be shorter than the header (missing trailing fields read as ''). Extra fields must be empty. */
  allowShortRows?: boolean;
  /** Records before the header to skip (title lines of a formatted table). */
  skipLines?: number;
  /** Stop reading (without error) at the first record for which this is true. */
  stopAt?: (fields: readonly string[]) => boolean;
  /** Header names for repeated columns, e.g. ten identical "SNP" columns. */
  renameHeader?: (name: string, index: number) => string;
  /** Shown in error messages instead of the absolute path. */
  displayName?: string;
}

function displayPath(path: string, options: CsvOptions): string {
  return options.displayName ?? projectPath(path);
}

/**
 * Stream a CSV file, calling onRow for each data row. Resolves with the number
 * of data rows read. Rejects with a DataError on the first problem.
 */
export function streamCsv(path: string, options: CsvOptions, onRow: (row: CsvRow) => void): Promise<number> {
  const file = displayPath(path, options);
  return new Promise((resolve, reject) => {
    let line = 1; // physical line the next record starts on
    let record = 0;
    let index: Map<string, number> | null = null;
    let width = 0;
    let rows = 0;
    let failed = false;
    let stopped = false;

    if (Array.isArray(options.header)) {
      index = buildIndex(file, options.header, options);
      width = options.header.length;
    }

    const stream = createReadStream(path, { encoding: 'utf8' });
    stream.on('error', (e: NodeJS.ErrnoException) =>
      fail(new DataError(file, null, null, e.code === 'ENOENT' ? 'file not found (run `npm run data:fetch`)' : e.message)),
    );

    function fail(e: unknown) {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(e);
    }

    Papa.parse<string[]>(stream as unknown as File, {
      header: false,
      // Always a comma: auto-detection fails on some valid files ("Unable to auto-detect delimiting character").
      delimiter: ',',
      dynamicTyping: false,
      skipEmptyLines: false,
      beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
      step(result, parser) {
        if (failed || stopped) return;
        const fields = result.data;
        const startLine = line;
        line += 1 + fields.reduce((n, f) => n + countLineBreaks(f), 0);
        record += 1;
        try {
          if (result.errors.length > 0) {
            const e = result.errors[0]!;
            throw new DataError(file, startLine, null, `malformed CSV: ${e.message}`);
          }
          if (record <= (options.skipLines ?? 0)) return;
          if (index === null) {
            const names = fields.map((f, i) => (options.renameHeader ? options.renameHeader(f.trim(), i) : f.trim()));
            index = buildIndex(file, names, options);
            width = fields.length;
            return;
          }
          if (fields.length === 1 && fields[0] === '') return; // blank line (including the final newline)
          if (options.stopAt?.(fields)) {
            stopped = true;
            parser.abort();
            return;
          }
          if (fields.length !== width) {
            const extraAreEmpty = fields.slice(width).every((f) => f.trim() === '');
            if (!(options.allowShortRows && (fields.length < width || extraAreEmpty))) {
              throw new DataError(file, startLine, null, `expected ${width} fields, found ${fields.length}`);
            }
          }
          rows += 1;
          onRow(new CsvRow(file, startLine, fields, index));
        } catch (e) {
          fail(e);
          parser.abort();
        }
      },
      complete() {
        if (failed) return;
        if (stopped) return resolve(rows);
        if (index === null) return fail(new DataError(file, null, null, 'file is empty: no header row'));
        resolve(rows);
      },
      error(e: Error) {
        fail(new DataError(file, null, null, e.message));
      },
    });
  });
}

/** Read a whole CSV file into rows (for small files). */
export async function readCsv(path: string, options: CsvOptions): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  await streamCsv(path, options, (r) => rows.push(r));
  return rows;
}

function buildIndex(file: string, names: readonly string[], options: CsvOptions): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (n !== '' && !index.has(n)) index.set(n, i);
  });
  const missing = options.columns.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const line = Array.isArray(options.header) ? null : 1 + (options.skipLines ?? 0);
    throw new DataError(
      file,
      line,
      missing[0]!,
      `expected column not found in header${missing.length > 1 ? ` (also missing: ${missing.slice(1).join(', ')})` : ''}; the header has: ${names.filter(Boolean).join(', ')}`,
    );
  }
  return index;
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
