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

/** Parse a JSON file. Invalid JSON is a DataError at the line and character where parsing failed. */
export function readJsonFile(path: string, displayName?: string): unknown {
  const file = displayName ?? projectPath(path);
  const text = readText(path, file).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DataError(file, null, null, `file is empty; ${RESTORE}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : /Unexpected end|unterminated|end of (JSON|data)/i.test(msg) ? text.length : null;
    if (offset === null) throw new DataError(file, null, null, `invalid JSON (${msg}); ${RESTORE}`);
    const { line, column } = lineColumnAt(text, offset);
    const what = offset >= text.length ? 'the file ends before the JSON does' : `invalid JSON (${msg.replace(/ in JSON at position \d+.*$/, '')})`;
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
