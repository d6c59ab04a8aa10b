/**
 * Plain-English wording for EHC plan, tribunal and outcome figures. Every
 * number comes from a Cell; symbols read as words, never as 0.
 */
import { describeCell, roundTo, type Cell } from './cell.ts';
import { formatNumber, formatPercent } from './format.ts';

// Shorthands for the shared formatters in format.ts.
export const fmtInt = (n: number): string => formatNumber(n);
export const fmtPc = (n: number, dp = 1): string => formatPercent(n, dp);

/**
 * A 20-week timeliness figure for a table or sentence. A year with no new
 * plans reads "no plans issued" (not 0%, not a gap); a year where every plan
 * was an exception case reads so for the "excluding exceptions" measure.
 */
export function timelinessText(pc: Cell, den: Cell, denIncludingExceptions?: Cell): string {
  if (den.kind === 'value' && den.value === 0) {
    if (denIncludingExceptions && denIncludingExceptions.kind === 'value' && denIncludingExceptions.value > 0) return 'all plans were exception cases';
    return 'no plans issued';
  }
  return describeCell(pc, (n) => fmtPc(n));
}

/** "3.2 percentage points higher than" / "the same as" / "lower than". */
export function compareText(a: number, b: number, unit: '%' | '' | '£', dp = 1): string {
  const d = roundTo(a - b, dp);
  if (d === 0) return 'the same as';
  const size = unit === '%' ? `${Math.abs(d).toFixed(dp)} percentage points` : unit === '£' ? `£${fmtInt(Math.abs(d))}` : Math.abs(d).toFixed(dp);
  return `${size} ${d > 0 ? 'higher than' : 'lower than'}`;
}

/** Percentage change from a to b, or null if either is not a positive value. */
export function growthPc(from: Cell, to: Cell): number | null {
  if (from.kind !== 'value' || to.kind !== 'value' || from.value <= 0) return null;
  return ((to.value - from.value) / from.value) * 100;
}

