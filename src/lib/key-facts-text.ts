/**
 * Why a key figure is not shown, in words that match its real reason: a
 * suppressed figure is called suppressed, an unavailable one unavailable; only
 * a figure with no row at all is "not published" (issue 11.6).
 */
import { SYMBOLS, type Cell } from './cell.ts';

export function notShownValue(cell: Cell, when: string): string {
  if (cell.kind === 'symbol') {
    const label = SYMBOLS[cell.code].label;
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} for ${when}`;
  }
  return `Not published for ${when}`;
}

/** A sentence giving the real reason, for the details under the headline. */
export function notShownReason(cell: Cell): string | null {
  if (cell.kind !== 'symbol') return null;
  return `${SYMBOLS[cell.code].meaning} (published as “${cell.code}”).`;
}

/**
 * Why a change between two periods cannot be given: the first cell that is
 * not a value decides. `didNotExist` is used only when the earlier figure has
 * no row at all and the area did not exist in its current form then.
 */
export function noChangeReason(from: Cell, to: Cell, fromLabel: string, toLabel: string, didNotExist: boolean): string {
  for (const [c, label] of [[to, toLabel], [from, fromLabel]] as const) {
    if (c.kind === 'symbol') return `the figure for ${label} is ${SYMBOLS[c.code].label} (${SYMBOLS[c.code].meaning.charAt(0).toLowerCase()}${SYMBOLS[c.code].meaning.slice(1)})`;
  }
  if (from.kind === 'blank' && didNotExist) return 'the area did not exist in its current form then';
  return `no figure was published for ${from.kind === 'blank' ? fromLabel : toLabel}`;
}
