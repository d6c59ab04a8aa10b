/**
 * Checks every dataset shares, so a class of bad input is caught once, here,
 * and never dataset by dataset:
 *
 * - duplicate keys (a second row for the same area, period and breakdown);
 * - a part larger than its whole ("500 of 122 plans within 20 weeks");
 * - a published rate that contradicts its own count and denominator
 *   (beyond the rounding the rate is published to);
 * - completeness: every area that existed in a period has its row.
 *
 * Each failure is a DataError naming the file (relative to the project), the
 * line, the column, the problem and what to do.
 */
import type { Cell } from './cell.ts';
import { DataError, projectPath, type CsvRow } from './csv.ts';

export const WHAT_TO_DO = 'Check the file against the published source: run `npm run data:fetch` to restore it, or fix the data and its entry in data/sources.json';

/**
 * Remembers keys and where each was first seen; a second sighting of a key is
 * an error naming both lines.
 */
export class KeySet {
  private readonly seen = new Map<string, number | null>();
  constructor(
    readonly file: string,
    /** What one key identifies, for the message: "area, period and measure". */
    readonly what: string,
  ) {}

  add(key: string, line: number | null, column: string | null, label = key): void {
    if (this.seen.has(key)) {
      const first = this.seen.get(key);
      throw new DataError(
        this.file,
        line,
        column,
        `duplicate row: ${label} already appears${first === null || first === undefined ? '' : ` on line ${first}`} (each ${this.what} must appear once). Remove the repeated row; ${WHAT_TO_DO.charAt(0).toLowerCase()}${WHAT_TO_DO.slice(1)}`,
      );
    }
    this.seen.set(key, line);
  }

  /** For a CSV row: the key's line is the row's line. */
  addRow(row: CsvRow, key: string, column: string | null, label = key): void {
    this.add(key, row.line, column, label);
  }

  get size(): number {
    return this.seen.size;
  }
}

/** A part (numerator) may not exceed its whole (denominator). Symbols and blanks are not compared. */
export function requirePartOfWhole(row: CsvRow, partColumn: string, part: Cell, wholeColumn: string, whole: Cell): void {
  if (part.kind !== 'value' || whole.kind !== 'value') return;
  if (part.value > whole.value) {
    throw row.error(partColumn, `${part.value} is more than ${wholeColumn} (${whole.value}) on the same row: a part cannot exceed its whole. ${WHAT_TO_DO}`);
  }
}

/**
 * Decimal places a published number is rounded to: "7.8" → 1, "33" → 0.
 * Trailing zeros are padding ("58.100000000000" is 58.1 to 1 dp), but a
 * number written with a decimal point has at least 1.
 */
export function decimalsOf(raw: string): number {
  const m = /\.(\d+)/.exec(raw.trim());
  return m ? Math.max(1, m[1]!.replace(/0+$/, '').length) : 0;
}

/**
 * Where a file publishes a count, its denominator and the rate between them,
 * the rate must equal count ÷ denominator × scale to within the rounding the
 * rate is published to (half a unit in its last decimal place).
 */
export function rateAgrees(rateRaw: string, rate: number, numerator: number, denominator: number, scale = 100): boolean {
  if (denominator === 0) return false;
  const tolerance = 0.5 * 10 ** -decimalsOf(rateRaw) + 1e-9;
  return Math.abs((numerator / denominator) * scale - rate) <= tolerance;
}

export function requireRateAgrees(row: CsvRow, rateColumn: string, rate: Cell, numColumn: string, num: Cell, denColumn: string, den: Cell, scale = 100): void {
  if (rate.kind !== 'value' || num.kind !== 'value' || den.kind !== 'value') return;
  if (den.value === 0) {
    if (num.value === 0 && rate.value === 0) return;
    throw row.error(rateColumn, `a rate of ${rate.value} is published but ${denColumn} is 0. ${WHAT_TO_DO}`);
  }
  if (!rateAgrees(row.get(rateColumn), rate.value, num.value, den.value, scale)) {
    const computed = (num.value / den.value) * scale;
    throw row.error(
      rateColumn,
      `published rate ${row.get(rateColumn).trim()} contradicts its counts: ${numColumn} ${num.value} ÷ ${denColumn} ${den.value} = ${computed.toFixed(3)}. ${WHAT_TO_DO}`,
    );
  }
}

/** One area a dataset must contain in a period. */
export interface Expected {
  key: string;
  /** How the message names it: "Hartlepool (805)". */
  label: string;
}

export interface CoverageRule {
  /** The file the rows come from (shown in the error). */
  file: string;
  /** The column whose values are checked (shown in the error). */
  column: string;
  /** What the rows measure, e.g. "EHC plans at January". */
  what: string;
  /** The periods the file must contain. */
  periods: readonly number[];
  /** How a period reads: 2023 → "January 2023". */
  periodLabel: (p: number) => string;
  /** The areas that must have a row in a period. */
  expected: (period: number) => readonly Expected[];
  /** Whether the data has a row for this key and period. */
  has: (key: string, period: number) => boolean;
  /** Documented exceptions: `${key}|${period}` → why it may be missing. */
  exceptions?: ReadonlyMap<string, string>;
}

/**
 * Every expected area in every expected period must have a row. The first
 * gap stops the build; the message counts the rest.
 */
export function requireCoverage(rule: CoverageRule): void {
  const gaps: string[] = [];
  for (const p of rule.periods) {
    const expected = rule.expected(p);
    const missing = expected.filter((e) => !rule.has(e.key, p) && !rule.exceptions?.has(`${e.key}|${p}`));
    if (missing.length === expected.length && expected.length > 0) {
      gaps.push(`no rows at all for ${rule.periodLabel(p)}`);
      continue;
    }
    for (const m of missing) gaps.push(`no row for ${m.label} in ${rule.periodLabel(p)}`);
  }
  if (gaps.length === 0) return;
  throw new DataError(
    projectPath(rule.file),
    null,
    rule.column,
    `${rule.what}: ${gaps[0]}${gaps.length > 1 ? ` (and ${gaps.length - 1} more gap${gaps.length > 2 ? 's' : ''})` : ''}. Every area that existed in a period must have a row. The file may be cut short or edited: run \`npm run data:fetch\` to restore it; if the publisher really left the area out, add a documented exception where the dataset defines its coverage`,
  );
}
