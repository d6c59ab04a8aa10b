/**
 * A cell in a published statistics file: either a number, a DfE/GSS special
 * symbol, or blank. Symbols are data: they are never coerced to 0 or dropped.
 */

export const SYMBOLS = {
  c: { label: 'suppressed', meaning: 'Confidential: suppressed to protect small numbers' },
  x: { label: 'not available', meaning: 'Unavailable for other reasons (for example not collected)' },
  z: { label: 'not applicable', meaning: 'Not applicable' },
  low: { label: 'low', meaning: 'Positive but rounds to 0' },
  k: { label: 'low', meaning: 'Positive but rounds to 0 (sensitive data)' },
  u: { label: 'low reliability', meaning: 'Low reliability' },
  ':': { label: 'not available', meaning: 'Not available (older DfE symbol, now x)' },
  '..': { label: 'not available', meaning: 'Not available' },
  '-': { label: 'nil or no value', meaning: 'Nil, or no value for this area and year (depends on the source)' },
  '~': { label: 'suppressed', meaning: 'Suppressed (older DfE symbol, now low or c)' },
} as const;

export type SymbolCode = keyof typeof SYMBOLS;

export type Cell =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'symbol'; readonly code: SymbolCode }
  | { readonly kind: 'blank' };

export const BLANK: Cell = Object.freeze({ kind: 'blank' });

export function value(n: number): Cell {
  return { kind: 'value', value: n };
}

export function symbol(code: SymbolCode): Cell {
  return { kind: 'symbol', code };
}

export function isSymbolCode(s: string): s is SymbolCode {
  return Object.hasOwn(SYMBOLS, s);
}

export interface ParseCellOptions {
  /** Accept thousands separators ("2,533"). */
  thousands?: boolean;
  /** Accept and strip a trailing percent sign ("3.20%"). */
  percent?: boolean;
  /** Blank cells are allowed (default true). When false a blank is an error. */
  allowBlank?: boolean;
  /** Only these symbols are allowed; any other symbol is an error. Default: all. */
  symbols?: readonly SymbolCode[];
  /**
   * What the number is, checked here so every reader gets the same rule:
   * a count is a whole number of 0 or more; a percent lies in 0–100.
   */
  kind?: 'count' | 'percent';
}

/** Check a parsed value against its kind; throws a CellError saying what is wrong. */
export function checkKind(n: number, kind: 'count' | 'percent' | undefined, raw = String(n)): void {
  if (kind === 'count' && (!Number.isInteger(n) || n < 0)) {
    throw new CellError(`"${raw.trim()}" is not a count: a count must be a whole number of 0 or more. Check this row against the published file`);
  }
  if (kind === 'percent' && (n < 0 || n > 100)) {
    throw new CellError(`"${raw.trim()}" is not a percentage: a percentage must lie between 0 and 100. Check this row against the published file`);
  }
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Thrown by parseCell; readers wrap it with file, line and column. */
export class CellError extends Error {}

/**
 * Parse one raw cell. Surrounding spaces are ignored (the tribunal table pads
 * symbols: " .. "). Anything that is neither a number, an allowed symbol nor
 * (when allowed) blank throws a CellError describing the problem.
 */
export function parseCell(raw: string, options: ParseCellOptions = {}): Cell {
  let s = raw.trim();
  if (s === '') {
    if (options.allowBlank === false) throw new CellError('blank cell where a value or symbol is required');
    return BLANK;
  }
  if (isSymbolCode(s)) {
    if (options.symbols && !options.symbols.includes(s)) {
      throw new CellError(`symbol "${s}" is not expected in this column`);
    }
    return symbol(s);
  }
  if (options.percent && s.endsWith('%')) s = s.slice(0, -1).trim();
  if (options.thousands && /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(',', '');
  if (!NUMBER.test(s)) throw new CellError(`"${raw}" is not a number or a known symbol`);
  const n = Number(s);
  if (!Number.isFinite(n)) throw new CellError(`"${raw}" is not a finite number`);
  checkKind(n, options.kind, raw);
  return value(n);
}

export function numberOrNull(cell: Cell): number | null {
  return cell.kind === 'value' ? cell.value : null;
}

/** How a cell reads in a table or sentence: the number, or what its symbol means. */
export function describeCell(cell: Cell, format: (n: number) => string = String): string {
  if (cell.kind === 'value') return format(cell.value);
  if (cell.kind === 'blank') return 'no value';
  return SYMBOLS[cell.code].label;
}

/** The cell as written in a tidy CSV download: the number, the symbol, or empty. */
export function cellToCsv(cell: Cell, dp?: number): string {
  if (cell.kind === 'value') return dp === undefined ? String(cell.value) : roundTo(cell.value, dp).toFixed(dp);
  if (cell.kind === 'symbol') return cell.code;
  return '';
}

/** Round half away from zero, avoiding binary noise (2.2999999999999998 → 2.3). */
export function roundTo(n: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(Math.abs(n) * f + 1e-9) / f;
  return n < 0 ? -r : r;
}

/**
 * A derived rate inherits a symbol from its numerator or denominator:
 * never compute a figure from a suppressed or missing input.
 */
export function ratio(numerator: Cell, denominator: Cell, scale = 100): Cell {
  if (numerator.kind !== 'value') return numerator;
  if (denominator.kind !== 'value') return denominator;
  if (denominator.value === 0) return symbol('z');
  return value((numerator.value / denominator.value) * scale);
}
