/**
 * Rebuild a CSV that a mirror cut out of a published parquet file (e.g. the
 * SEN census measures, cut from the LAIT data store `bds_long_0.parquet`),
 * byte for byte: keep the rows whose `filterColumn` is one of `keep`, in the
 * parquet's row order, write `columns` in order, cell text unchanged (null =
 * empty, numbers by JavaScript's default formatting, so 301 not 301.0),
 * fields quoted only where they hold a comma, quote or line break, LF line
 * ends and a final LF. This is the script in the mirror's
 * sen_census/SOURCES.md. The result is checked against the manifest's sha256
 * like any download, so a recipe that does not reproduce the file exactly
 * stops the fetch.
 */
import { parquetReadObjects } from 'hyparquet';

export interface ParquetRowsRecipe {
  kind: 'parquet-rows';
  /** Output columns, in order (names of parquet columns). */
  columns: string[];
  /** The column whose value decides whether a row is kept. */
  filterColumn: string;
  /** The values of `filterColumn` to keep. */
  keep: string[];
}

const field = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function parquetRows(parquet: Buffer, recipe: ParquetRowsRecipe): Promise<Buffer> {
  if (recipe.kind !== 'parquet-rows') throw new Error(`unknown recipe kind "${String(recipe.kind)}"`);
  const file = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  if (rows.length > 0) {
    for (const c of [...recipe.columns, recipe.filterColumn]) {
      if (!(c in rows[0]!)) throw new Error(`the parquet file has no column "${c}"`);
    }
  }
  const want = new Set(recipe.keep);
  const kept = rows.filter((r) => want.has(r[recipe.filterColumn] as string));
  if (kept.length === 0) throw new Error(`no row of the parquet file has ${recipe.filterColumn} = ${recipe.keep.join(', ')}`);
  const lines = [recipe.columns.map(field).join(','), ...kept.map((r) => recipe.columns.map((c) => field(r[c])).join(','))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
