/**
 * Median and spread of a group of areas' values, for sources that publish
 * only local-authority rows (no England or region figure). Always labelled as
 * what it is ("median of all areas"), never as "England".
 */
import { quantileSorted } from 'd3';

export interface Spread {
  /** Areas with a published value. */
  n: number;
  /** Areas in the group with no published value. */
  missing: number;
  median: number;
  /** Lower and upper quartiles (the middle half of areas lies between them). */
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Spread of the published values; null entries are counted as missing. Null when no area has a value. */
export function spread(values: readonly (number | null | undefined)[]): Spread | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return {
    n: v.length,
    missing: values.length - v.length,
    median: quantileSorted(v, 0.5)!,
    q1: quantileSorted(v, 0.25)!,
    q3: quantileSorted(v, 0.75)!,
    min: v[0]!,
    max: v[v.length - 1]!,
  };
}

/** The median of the published values (nulls left out), or null when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  return spread(values)?.median ?? null;
}
