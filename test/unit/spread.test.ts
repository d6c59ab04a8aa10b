import { describe, expect, it } from 'vitest';
import { spread } from '../../src/lib/spread.ts';

describe('spread', () => {
  it('gives median, quartiles and range of the published values and counts the missing', () => {
    expect(spread([4, 1, null, 3, 2, 5])).toEqual({ n: 5, missing: 1, median: 3, q1: 2, q3: 4, min: 1, max: 5 });
  });
  it('interpolates the median of an even count', () => {
    expect(spread([1, 2, 3, 10])!.median).toBe(2.5);
  });
  it('is null when no area has a value', () => {
    expect(spread([null, undefined])).toBeNull();
  });
});
