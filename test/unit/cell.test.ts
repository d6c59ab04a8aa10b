import { describe, expect, it } from 'vitest';
import { CellError, SYMBOLS, cellToCsv, describeCell, parseCell, ratio, roundTo, value, symbol } from '../../src/lib/cell.ts';

describe('parseCell', () => {
  it.each(Object.keys(SYMBOLS))('keeps the symbol %s typed, never as a number', (code) => {
    const cell = parseCell(code);
    expect(cell).toEqual({ kind: 'symbol', code });
    expect(describeCell(cell)).toBe(SYMBOLS[code as keyof typeof SYMBOLS].label);
    expect(cellToCsv(cell)).toBe(code);
  });

  it('reads padded symbols from formatted tables', () => {
    expect(parseCell(' .. ')).toEqual({ kind: 'symbol', code: '..' });
    expect(parseCell(' - ')).toEqual({ kind: 'symbol', code: '-' });
  });

  it('labels suppression and not-applicable in plain words', () => {
    expect(describeCell(parseCell('c'))).toBe('suppressed');
    expect(describeCell(parseCell('z'))).toBe('not applicable');
    expect(describeCell(parseCell(''))).toBe('no value');
  });

  it('reads numbers, including LAIT floating-point noise and scientific notation', () => {
    expect(parseCell('12')).toEqual(value(12));
    expect(parseCell('-3.5')).toEqual(value(-3.5));
    expect(parseCell('7.0000000000000007E-2')).toEqual(value(0.07000000000000001));
    expect(roundTo(2.2999999999999998, 1)).toBe(2.3);
    expect(roundTo(45.85, 1)).toBe(45.9);
  });

  it('accepts thousands separators and percent signs only when asked', () => {
    expect(parseCell('2,533', { thousands: true })).toEqual(value(2533));
    expect(() => parseCell('2,533')).toThrow(CellError);
    expect(parseCell('3.20%', { percent: true })).toEqual(value(3.2));
    expect(() => parseCell('3.20%')).toThrow(/not a number or a known symbol/);
  });

  it('treats blank as its own kind, and can refuse it', () => {
    expect(parseCell('   ')).toEqual({ kind: 'blank' });
    expect(() => parseCell('', { allowBlank: false })).toThrow(/blank cell/);
  });

  it('refuses symbols a column does not allow, and unknown text', () => {
    expect(() => parseCell('c', { symbols: ['x', 'z'] })).toThrow(/symbol "c" is not expected/);
    expect(() => parseCell('N/A')).toThrow(/"N\/A" is not a number or a known symbol/);
    expect(() => parseCell('1.2.3')).toThrow(CellError);
  });
});

describe('ratio', () => {
  it('inherits a symbol from the numerator or denominator instead of computing', () => {
    expect(ratio(symbol('c'), value(10))).toEqual(symbol('c'));
    expect(ratio(value(3), symbol('x'))).toEqual(symbol('x'));
    expect(ratio(value(0), value(0))).toEqual(symbol('z'));
    expect(ratio(value(41448), value(90392))).toEqual(value((41448 / 90392) * 100));
  });
});
