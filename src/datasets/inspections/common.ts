/**
 * Shared pieces of the inspection registers: the cell readers both registers and Ofsted's
 * table use (dates, whole-number counts), Ofsted's revisit codes, the end of the period
 * Ofsted's official statistics cover, and the one area allowed a blank code (old Dorset).
 */
import type { CsvRow } from '../../lib/csv.ts';
import { isIsoDate, type RevisitProgress } from '../../lib/inspections.ts';

/** Ofsted's own revisit codes in the register, and "not revisited" (no revisit published). */
export const REVISIT_CODES: Record<string, RevisitProgress | 'not revisited'> = {
  Yes: 'all',
  Some: 'some',
  No: 'none',
  'not revisited as at 31 Aug 2022': 'not revisited',
};

/** The end of the period Ofsted's official statistics cover. Revisits after it come from other pages. */
export const OFSTED_STATS_DATE = '2022-08-31';

/**
 * Old Dorset (the county council area before April 2019) has no DfE code in the register: its
 * pre-2019 DfE code was 835 (see geo/la_code_history.csv). This is the only row allowed a blank code,
 * recognised by its name.
 */
export const OLD_DORSET_NAME = /^Dorset \(pre-April-2019 county area\)$/;
export const OLD_DORSET_CODE = '835';

export function optionalDate(r: CsvRow, column: string): string | null {
  const s = r.get(column).trim();
  if (s === '') return null;
  if (!isIsoDate(s)) throw r.error(column, `"${s}" is not a date in the form YYYY-MM-DD`);
  return s;
}

export function requiredDate(r: CsvRow, column: string): string {
  const s = optionalDate(r, column);
  if (s === null) throw r.error(column, 'blank cell where a date is required');
  return s;
}

export function optionalCount(r: CsvRow, column: string): number | null {
  const c = r.cell(column, { symbols: [] });
  if (c.kind === 'blank') return null;
  if (c.kind !== 'value' || !Number.isInteger(c.value) || c.value < 0) throw r.error(column, `"${r.get(column)}" is not a whole number`);
  return c.value;
}
