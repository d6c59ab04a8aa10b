import { describe, expect, it } from 'vitest';
import { describeStanding, outsideRange, standing } from '../../src/lib/compare.ts';
import { median } from '../../src/lib/spread.ts';

const tenNeighbours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('standing among comparators', () => {
  it('counts higher, lower and equal, leaving out missing values', () => {
    expect(standing(8.5, [...tenNeighbours.slice(0, 9), null])).toEqual({ of: 9, missing: 1, higher: 8, lower: 1, equal: 0, min: 1, max: 9 });
  });

  it('words it the way a scrutiny paper would', () => {
    expect(describeStanding(standing(8.5, tenNeighbours), 'statistical neighbours')).toBe('higher than 8 of its 10 statistical neighbours');
    expect(describeStanding(standing(2.5, tenNeighbours), 'statistical neighbours')).toBe('lower than 8 of its 10 statistical neighbours');
    expect(describeStanding(standing(11, tenNeighbours), 'statistical neighbours')).toBe('higher than all 10 of its statistical neighbours');
    expect(describeStanding(standing(0, tenNeighbours), 'statistical neighbours')).toBe('lower than all 10 of its statistical neighbours');
    expect(describeStanding(standing(5, [4, null, 6]), 'statistical neighbours')).toBe('higher than 1 of its 2 statistical neighbours with a figure (1 not published)');
    expect(describeStanding(standing(5, [null, null]), 'statistical neighbours')).toBe('no statistical neighbours have a figure to compare with');
  });

  it('flags only values clearly outside the range, with enough comparators', () => {
    expect(outsideRange(standing(10.5, tenNeighbours), 10.5, 1)).toBeNull();
    expect(outsideRange(standing(12, tenNeighbours), 12, 1)).toBe('above');
    expect(outsideRange(standing(-1, tenNeighbours), -1, 1)).toBe('below');
    expect(outsideRange(standing(99, [1, 2, 3]), 99)).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values, leaving out missing ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, null, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
