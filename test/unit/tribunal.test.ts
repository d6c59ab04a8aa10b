import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { symbol, value } from '../../src/lib/cell.ts';
import { ENGLAND } from '../../src/lib/series.ts';
import { nameKey, parseTribunal, stripFootnotes } from '../../src/datasets/tribunal.ts';
import { fixtureGeo } from '../fixtures/ehcp/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/tribunal/${name}`, import.meta.url));

describe('tribunal appeal-rate table (fixture)', () => {
  it('strips footnote digits and compares names loosely', () => {
    expect(stripFootnotes('England Total4,9')).toBe('England Total');
    expect(stripFootnotes('Bournemouth, Christchurch and Poole5')).toBe('Bournemouth, Christchurch and Poole');
    expect(nameKey('County Durham')).toBe(nameKey('Durham'));
    expect(nameKey('Bristol, City of')).toBe(nameKey('Bristol'));
  });

  it('joins on the name where the printed code names another area, and records each correction', async () => {
    const t = await parseTribunal(fixture('appeal-rate.csv'), fixtureGeo);
    expect(t.corrections.map((c) => [c.name, c.printedCode, c.usedKey])).toEqual([
      ['Northamptonshire', '892', 'pred-928'],
      ['Nottingham', '891', '892'],
      ['Nottinghamshire', '928', '891'],
    ]);
    expect(t.store.get('appeals', 'pred-928', 2020)).toEqual(value(10));
    expect(t.store.get('appeals', '891', 2024)).toEqual(value(20));
    expect(t.store.get('decisions', '891', 2024)).toEqual(value(2000));
    // Nil stays nil; "not available" stays so; "x" in the new-method columns is kept.
    expect(t.store.get('appeals', '892', 2024)).toEqual(symbol('-'));
    expect(t.store.get('appeals', '940', 2019)).toEqual(symbol('..'));
    expect(t.store.get('appeal_rate_dev', '420', 2024)).toEqual(symbol('x'));
    expect(t.store.get('appeal_rate', ENGLAND, 2024)).toEqual(value(1.37));
    expect(t.store.get('appeal_rate_dev', ENGLAND, 2024)).toEqual(value(2.7));
    expect(t.skipped).toEqual({ 'region heading rows (capitals, no figures)': 2, '"England total excluding suppressed" (basis not stated in the file)': 1 });
  });

  it('stops when the year header is not where the layout says', async () => {
    await expect(parseTribunal(fixture('appeal-rate-bad-header.csv'), fixtureGeo, 'bad.csv')).rejects.toThrow(/bad\.csv:4 .*expected "2015"/);
  });

  it('stops on an unknown code, naming the line', async () => {
    await expect(parseTribunal(fixture('appeal-rate-unknown-code.csv'), fixtureGeo, 'u.csv')).rejects.toThrow(/u\.csv:9 column "LA code": "999" is not the code/);
  });
});
