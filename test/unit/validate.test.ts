/** Shared validation (issue 11): cell kinds, rates within published rounding, coverage across code changes. */
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/lib/cell.ts';
import { placesExisting } from '../../src/lib/coverage.ts';
import { DataError } from '../../src/lib/csv.ts';
import { decimalsOf, KeySet, rateAgrees, requireCoverage } from '../../src/lib/validate.ts';
import { fixtureGeo } from '../fixtures/ehcp/geography.ts';

describe('cell kinds', () => {
  it('a count is a whole number of 0 or more', () => {
    expect(parseCell('967', { kind: 'count' })).toEqual({ kind: 'value', value: 967 });
    expect(() => parseCell('966.5', { kind: 'count' })).toThrow(/is not a count/);
    expect(() => parseCell('-3', { kind: 'count' })).toThrow(/is not a count/);
    expect(parseCell('c', { kind: 'count' })).toEqual({ kind: 'symbol', code: 'c' });
  });
  it('a percentage lies in 0-100', () => {
    expect(() => parseCell('409.8', { kind: 'percent' })).toThrow(/is not a percentage/);
    expect(parseCell('100', { kind: 'percent' })).toEqual({ kind: 'value', value: 100 });
  });
});

describe('rates agree with their counts to the published rounding', () => {
  it('reads the published precision, ignoring padding zeros', () => {
    expect(decimalsOf('58.100000000000')).toBe(1);
    expect(decimalsOf('33')).toBe(0);
    expect(decimalsOf('23.5017')).toBe(4);
  });
  it('accepts half a unit in the last place, no more', () => {
    expect(rateAgrees('58.1', 58.1, 930, 1601)).toBe(true); // 58.089
    expect(rateAgrees('23.5017', 23.5017, 235017, 1000000)).toBe(true);
    expect(rateAgrees('40', 40, 405, 1000)).toBe(true);
    expect(rateAgrees('40.0', 40, 405, 1000)).toBe(false);
    expect(rateAgrees('409.8', 409.8, 500, 122)).toBe(true); // agreement alone does not bound a rate: the percent kind does
  });
});

describe('KeySet', () => {
  it('names the line of the first sighting', () => {
    const k = new KeySet('/x/f.csv', 'area and year');
    k.add('a', 2, 'code');
    expect(() => k.add('a', 7, 'code')).toThrow(/f\.csv:7 column "code": duplicate row: a already appears on line 2/);
  });
});

describe('placesExisting: who must have a row', () => {
  it('before the April 2021 split, Northamptonshire; after, its two successors', () => {
    const keys = { area: (la: string) => la, predecessor: (old: string) => `pred-${old}` };
    const before = placesExisting(fixtureGeo, '2021-01-15', keys).map((e) => e.key);
    const after = placesExisting(fixtureGeo, '2022-01-15', keys).map((e) => e.key);
    expect(before).toContain('pred-928');
    expect(before).not.toContain('940');
    expect(after).toEqual(expect.arrayContaining(['940', '941', 'E92000001', 'E12000004', 'E12000009']));
    expect(after).not.toContain('pred-928');
  });
  it('a gap stops with the file, column, the missing place and what to do; documented exceptions pass', () => {
    const rule = { file: 'data/raw/x.csv', column: 'n', what: 'Plans', periods: [2022], periodLabel: String, expected: () => [{ key: 'a', label: 'Area A (1)' }, { key: 'b', label: 'Area B (2)' }], has: (k: string) => k === 'a' };
    const err = (() => {
      try {
        requireCoverage(rule);
      } catch (e) {
        return e as DataError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(DataError);
    expect(err!.message).toMatch(/^data\/raw\/x\.csv column "n": Plans: no row for Area B \(2\) in 2022\. .*npm run data:fetch/);
    expect(() => requireCoverage({ ...rule, exceptions: new Map([['b|2022', 'not published']]) })).not.toThrow();
  });
});
