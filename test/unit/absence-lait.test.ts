import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../src/lib/csv.ts';
import { parseLaitDictionary, parseLaitRows, type LaitRawRow } from '../../src/datasets/absence-lait.ts';
import { fixtureGeo } from '../fixtures/absence/geography.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/absence/${name}`, import.meta.url));
const geo = fixtureGeo();

/** One year of TotPerAbNew for England, the 4 fixture regions and 4 areas, plus extras. */
function rows(years: string, values: Partial<Record<number, string>> = {}): LaitRawRow[] {
  const places: [number, string][] = [
    [970, 'England'], [980, 'North East'], [983, 'East Midlands'], [986, 'London'], [989, 'South East'],
    [841, 'Darlington'], [940, 'North Northamptonshire'], [941, 'West Northamptonshire'], [825, 'Buckinghamshire'],
    [928, 'Northamptonshire'], [987, 'London (Inner)'],
  ];
  return places.map(([n, name]) => ({ 'Short Desc': 'TotPerAbNew', Years: years, 'LA and Regions': name, Values: values[n] ?? '10.5', 'LA Number': n }));
}

describe('LAIT absence parsing', async () => {
  const dict = await parseLaitDictionary(fixture('lait_dictionary.csv'));

  it('reads the decimal places of each chosen measure from the dictionary', () => {
    expect(dict.size).toBe(20);
    expect(dict.get('TotPerAbNew')!.dps).toBe(2);
    expect(dict.has('SEN_CASES_JAN')).toBe(false);
  });

  it('maps Years 2022 to the academic year 2021/22', () => {
    const { records } = parseLaitRows(rows('2022'), dict, geo, 'store');
    expect(new Set(records.map((r) => r.period))).toEqual(new Set(['202122']));
  });

  it('rounds floating-point noise and scientific notation to the dictionary dps', () => {
    const { records } = parseLaitRows(rows('2022', { 970: '22.509999999999998', 841: '7.0000000000000007E-2' }), dict, geo, 'store');
    expect(records.find((r) => r.geo.key === 'E92000001')!.value).toEqual({ kind: 'value', value: 22.51 });
    expect(records.find((r) => r.geo.key === '841')!.value).toEqual({ kind: 'value', value: 0.07 });
  });

  it('keeps "-" as a symbol, never 0', () => {
    const { records } = parseLaitRows(rows('2020', { 940: '-' }), dict, geo, 'store');
    expect(records.find((r) => r.geo.key === '940')!.value).toEqual({ kind: 'symbol', code: '-' });
  });

  it('labels a split area as a predecessor and counts the London sub-region rows it leaves out', () => {
    const { records, skipped } = parseLaitRows(rows('2019'), dict, geo, 'store');
    const pre = records.find((r) => r.geo.level === 'predecessor')!;
    expect(pre.geo.name).toBe('Northamptonshire (before April 2021)');
    expect(pre.geo.successors).toEqual(['940', '941']);
    expect(skipped.londonSubregions).toBe(1);
    expect(records).toHaveLength(10);
  });

  it('stops with file, row and column for an unknown area code', () => {
    const bad = [...rows('2022'), { 'Short Desc': 'TotPerAbNew', Years: '2022', 'LA and Regions': 'Nowhere', Values: '1', 'LA Number': 999 }];
    expect(() => parseLaitRows(bad, dict, geo, 'store')).toThrow(/^store:12 column "LA Number": 999 is not a local area code/);
  });

  it('stops for a value that is not a number or "-"', () => {
    expect(() => parseLaitRows(rows('2022', { 841: 'n/a' }), dict, geo, 'store')).toThrow(DataError);
    expect(() => parseLaitRows(rows('2022', { 841: 'n/a' }), dict, geo, 'store')).toThrow(/column "Values"/);
  });

  it('stops for a year label it cannot place', () => {
    expect(() => parseLaitRows(rows('2021-22 (prov)'), dict, geo, 'store')).toThrow(/column "Years"/);
  });

  it('stops when a current area has no row', () => {
    const some = rows('2022').filter((r) => r['LA Number'] !== 941);
    expect(() => parseLaitRows(some, dict, geo, 'store')).toThrow(/TotPerAbNew 202122: no row for 941/);
  });
});
