/**
 * Plain-English comparisons of one area's value with others (its statistical
 * neighbours, its region's areas): "higher than 8 of its 10 statistical
 * neighbours", and whether it is clearly outside their range.
 */

export interface Standing {
  /** How many comparators have a value (suppressed or missing ones are left out, and counted). */
  of: number;
  /** Comparators with no value. */
  missing: number;
  higher: number;
  lower: number;
  equal: number;
  min: number | null;
  max: number | null;
}

export function standing(value: number, others: readonly (number | null)[]): Standing {
  const known = others.filter((v): v is number => v !== null && Number.isFinite(v));
  return {
    of: known.length,
    missing: others.length - known.length,
    higher: known.filter((v) => value > v).length,
    lower: known.filter((v) => value < v).length,
    equal: known.filter((v) => v === value).length,
    min: known.length ? Math.min(...known) : null,
    max: known.length ? Math.max(...known) : null,
  };
}

/**
 * "higher than 8 of its 10 statistical neighbours", "the highest of its 10 …",
 * "lower than all 10 …". `group` is a plural noun phrase ("statistical neighbours").
 */
export function describeStanding(s: Standing, group: string): string {
  if (s.of === 0) return `no ${group} have a figure to compare with`;
  const missing = s.missing > 0 ? ` with a figure (${s.missing} not published)` : '';
  if (s.higher === s.of) return `higher than all ${s.of} of its ${group}${missing}`;
  if (s.lower === s.of) return `lower than all ${s.of} of its ${group}${missing}`;
  if (s.equal === s.of) return `the same as all ${s.of} of its ${group}${missing}`;
  if (s.higher >= s.lower) return `higher than ${s.higher} of its ${s.of} ${group}${missing}`;
  return `lower than ${s.lower} of its ${s.of} ${group}${missing}`;
}

/**
 * Whether the value is clearly outside the comparators' range: above the
 * highest or below the lowest, by more than `margin` (in the value's units),
 * with at least `minCount` comparators known. Used for "What stands out".
 */
export function outsideRange(s: Standing, value: number, margin = 0, minCount = 5): 'above' | 'below' | null {
  if (s.of < minCount || s.min === null || s.max === null) return null;
  if (value > s.max + margin) return 'above';
  if (value < s.min - margin) return 'below';
  return null;
}
