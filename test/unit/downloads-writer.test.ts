/**
 * The shared CSV writer (src/lib/downloads.ts): every CSV the site serves starts with a
 * byte-order mark, text cells cannot become spreadsheet formulas, and symbols follow one
 * (EES) vocabulary, with a source's own symbol translated and kept beside it.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { symbol, value } from '../../src/lib/cell.ts';
import { BOM, neutraliseText, serialise, toCsv, toMetaCsv, type Column } from '../../src/lib/downloads.ts';
import { SymbolRules } from '../../src/lib/symbols.ts';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

const COLS: Column[] = [
  { name: 'name', type: 'Filter', label: 'Name' },
  { name: 'n', type: 'Indicator', label: 'Count', unit: '', dp: 0 },
  { name: 'rate', type: 'Indicator', label: 'Rate', unit: '%', dp: 1 },
];

describe('CSV writer: Excel', () => {
  it('starts every CSV and dictionary with a UTF-8 byte-order mark and keeps curly quotes intact', () => {
    const csv = toCsv(COLS, [{ name: 'King’s Lynn', n: 1, rate: 2 }]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(parse(csv)[1]).toEqual(['King’s Lynn', '1', '2.0']);
    expect(toMetaCsv(COLS).startsWith(BOM)).toBe(true);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['+44 1234', "'+44 1234"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('neutralises the text cell %j', (text, expected) => {
    expect(neutraliseText(text)).toBe(expected);
    const rows = parse(toCsv(COLS, [{ name: text, n: 1, rate: 1 }]));
    expect(rows[1]![0]).toBe(expected);
  });

  it('leaves numbers, negative numbers, symbols and ordinary text alone', () => {
    for (const s of ['-3.5', '+2', '1e3', '-', 'c', 'x', '..', 'Barking and Dagenham', '2015/16', '']) expect(neutraliseText(s)).toBe(s);
    const rows = parse(toCsv(COLS, [{ name: 'a', n: -4, rate: value(-1.25) }]));
    expect(rows[1]).toEqual(['a', '-4', '-1.3']);
  });

  it('neutralises the dictionary too', () => {
    const meta = parse(toMetaCsv([{ name: 'x', type: 'Filter', label: '=cmd' }]));
    expect(meta[1]![2]).toBe("'=cmd");
  });
});

describe('CSV writer: one symbol vocabulary', () => {
  it('keeps EES symbols as they are, with no extra column', () => {
    const out = serialise(COLS, [{ name: 'a', n: symbol('c'), rate: symbol('z') }], { sourceIds: ['tribunal-appeals'] });
    expect(parse(out.csv)).toEqual([['name', 'n', 'rate'], ['a', 'c', 'z']]);
    expect(out.columns.map((c) => c.name)).toEqual(['name', 'n', 'rate']);
  });

  it('tribunal "-" (nil) becomes 0 and ".." becomes x, each with the source symbol kept beside it', () => {
    const out = serialise(COLS, [
      { name: 'a', n: symbol('-'), rate: symbol('..') },
      { name: 'b', n: 3, rate: 1.25 },
    ], { sourceIds: ['tribunal-appeals'] });
    expect(parse(out.csv)).toEqual([
      ['name', 'n', 'n_source_symbol', 'rate', 'rate_source_symbol'],
      ['a', '0', '-', 'x', '..'],
      ['b', '3', '', '1.3', ''],
    ]);
    expect(out.columns.find((c) => c.name === 'n_source_symbol')?.label).toMatch(/symbol the source published/);
  });

  it('LAIT "-" (no value) becomes x; a symbol written as a string in an indicator column is a symbol too', () => {
    const out = serialise(COLS, [{ name: 'a', n: '-', rate: symbol('-') }], { sourceIds: ['lait-store'] });
    expect(parse(out.csv)[1]).toEqual(['a', 'x', '-', 'x', '-']);
  });

  it('stops on "-" from a source with no rule, and on sources that disagree', () => {
    expect(() => toCsv(COLS, [{ name: 'a', n: symbol('-') }], { sourceIds: ['ehcp-2025-caseload'], what: 'download test' })).toThrow(/download test column "n".*"-".*SOURCE_SYMBOLS/);
    expect(() => new SymbolRules(['tribunal-appeals', 'lait-store'], 'download mixed')).toThrow(/download mixed: the symbol "-" means/);
  });

  it('obsolete symbols translate whatever the source: ":" to x, "~" to low', () => {
    expect(parse(toCsv(COLS, [{ name: 'a', n: symbol(':'), rate: symbol('~') }]))[1]).toEqual(['a', 'x', ':', 'low', '~']);
  });
});
