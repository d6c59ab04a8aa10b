/** A key figure that is not shown says why, truthfully (issue 11.6). */
import { describe, expect, it } from 'vitest';
import { BLANK, symbol, value } from '../../src/lib/cell.ts';
import { noChangeReason, notShownReason, notShownValue } from '../../src/lib/key-facts-text.ts';

describe('key facts: figures not shown', () => {
  it('calls a suppressed figure suppressed, never "not published"', () => {
    expect(notShownValue(symbol('c'), 'January 2025')).toBe('Suppressed for January 2025');
    expect(notShownReason(symbol('c'))).toMatch(/^Confidential: suppressed to protect small numbers/);
    expect(notShownValue(symbol('x'), 'January 2025')).toBe('Not available for January 2025');
    expect(notShownValue(BLANK, 'January 2025')).toBe('Not published for January 2025');
    expect(notShownReason(BLANK)).toBeNull();
  });
  it('gives the real reason there is no change figure', () => {
    expect(noChangeReason(value(100), symbol('c'), 'January 2020', 'January 2025', true)).toMatch(/^the figure for January 2025 is suppressed/);
    expect(noChangeReason(symbol('c'), value(100), 'January 2020', 'January 2025', true)).toMatch(/^the figure for January 2020 is suppressed/);
    expect(noChangeReason(BLANK, value(100), 'January 2020', 'January 2025', true)).toBe('the area did not exist in its current form then');
    expect(noChangeReason(BLANK, value(100), 'January 2020', 'January 2025', false)).toBe('no figure was published for January 2020');
  });
});
