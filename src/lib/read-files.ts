/**
 * Reading whole JSON and parquet files with the same promise as the CSV
 * reader: any problem is a DataError naming the file (relative to the
 * project), the line and column where there is one, and what to do. A
 * byte-order mark before JSON is allowed and stripped.
 */
import { readFileSync } from 'node:fs';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { DataError, projectPath } from './csv.ts';

const RESTORE = 'the file may be cut short or corrupt: run `npm run data:fetch` to restore the published file';

function readText(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(file, null, null, code === 'ENOENT' ? 'file not found (run `npm run data:fetch`)' : `cannot read the file: ${(e as Error).message}`);
  }
}

/** Line and column (1-based) of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Offset of the first character where `text` stops being valid JSON
 * (text.length when it ends too early). Used only to locate an error, since
 * JSON.parse's messages do not always give a position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === undefined) fail();
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return Math.min(at as number, text.length);
  }
}

/** Parse a JSON file. Invalid JSON is a DataError at the line and character where parsing failed. */
export function readJsonFile(path: string, displayName?: string): unknown {
  const file = displayName ?? projectPath(path);
  const text = readText(path, file).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DataError(file, null, null, `file is empty; ${RESTORE}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const offset = jsonErrorOffset(text);
    if (offset < 0) throw new DataError(file, null, null, `invalid JSON (${msg}); ${RESTORE}`);
    const { line, column } = lineColumnAt(text, offset);
    const what = offset >= text.length ? 'the file ends before the JSON does' : `invalid JSON: unexpected ${JSON.stringify(text[offset])}`;
    throw new DataError(file, line, `character ${column}`, `${what}; ${RESTORE}`);
  }
}

/** Read columns of a parquet file as objects. A corrupt or truncated file is a DataError, never a stack trace. */
export async function readParquetObjects<T>(path: string, columns: string[], displayName?: string): Promise<T[]> {
  const file = displayName ?? projectPath(path);
  readText(path, file); // a missing file: the same message as the other readers
  try {
    const buffer = await asyncBufferFromFile(path);
    return (await parquetReadObjects({ file: buffer, columns })) as T[];
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(file, null, null, `cannot read the parquet file (${(e as Error).message}); ${RESTORE}`);
  }
}
