/** Data-table cells: years, codes and identifiers are never number-formatted (issue 11.5). */
import { describe, expect, it } from 'vitest';
import { symbol, value } from '../../src/lib/cell.ts';
import { tableCellText } from '../../src/lib/table-cell.ts';

describe('tableCellText', () => {
  it('prints a year or code in a filter column exactly ("2015", not "2,015")', () => {
    expect(tableCellText(2015, { name: 'year', type: 'Filter', label: 'Calendar year' }).text).toBe('2015');
    expect(tableCellText(202425, { name: 'time_period', type: 'Filter', label: 'Year' }).text).toBe('202425');
    expect(tableCellText(value(2015), { name: 'year', type: 'Filter', label: 'Year' }).text).toBe('2015');
  });
  it('formats indicators with separators, decimal places and units', () => {
    expect(tableCellText(12345, { name: 'n', type: 'Indicator', label: 'Plans' }).text).toBe('12,345');
    expect(tableCellText(26.645, { name: 'pc', type: 'Indicator', label: 'Rate', unit: '%', dp: 1 }).text).toBe('26.6%');
    expect(tableCellText(value(3.25), { name: 'g', type: 'Indicator', label: 'Gap', unit: 'pp', dp: 1 }).text).toBe('3.3 pp');
  });
  it('names symbols in words, never 0', () => {
    expect(tableCellText(symbol('c'), { name: 'n', type: 'Indicator', label: 'Plans' })).toEqual({ text: 'suppressed', symbol: 'c' });
    expect(tableCellText(symbol('x'), { name: 'n', type: 'Indicator', label: 'Plans' })).toEqual({ text: 'not available', symbol: 'x' });
  });
});
