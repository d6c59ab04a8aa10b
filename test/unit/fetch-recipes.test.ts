/**
 * Recipes that rebuild a derived table at fetch time: the postcode lookups
 * (a port of build_postcode_lookups.py) on a small fixture, and the SEN census
 * cut of the LAIT parquet against the manifest's sha256 when the mirror is here.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRows, postcodeLookup, share4, type PostcodeLookupRecipe } from '../../src/lib/postcode-lookups.ts';
import { parquetRows } from '../../src/lib/parquet-rows.ts';
import { wgs84ToBng } from '../../src/lib/place-names.ts';
import { RAW_DIR, readManifest, sourceById } from '../../src/lib/sources.ts';
import { requireData } from '../helpers.ts';

describe('postcode lookup recipe', () => {
  it('rounds shares as Python’s .4f does: exact binary ties to even, unlike toFixed', () => {
    expect(share4(5, 32)).toBe('0.1562'); // 0.15625: toFixed gives 0.1563
    expect((5 / 32).toFixed(4)).toBe('0.1563');
    expect(share4(27, 32)).toBe('0.8438'); // 0.84375
    expect(share4(1, 32)).toBe('0.0312');
    expect(share4(1, 3)).toBe('0.3333');
    expect(share4(6, 33)).toBe('0.1818');
    expect(share4(7, 7)).toBe('1.0000');
  });

  it('reads CSV as Python’s csv module does', () => {
    expect(csvRows('"A B",1,"x, ""y"""\r\n,\n"z"')).toEqual([['A B', '1', 'x, "y"'], ['', ''], ['z']]);
  });

  const las = [
    'new_la_code,la_name,date_of_operation,date_of_termination,parent_geography_code,entity_code,entity_description,status,old_la_code',
    'E10000001,"Shire, County of",,,E12000001,,,live,801',
    'E06000001,Town,,,E12000001,,,live,802',
    'E08000038,Barnsley,01/05/2025,,E12000003,,,live,370',
    'E08000016,Barnsley,,30/04/2025,E12000003,,,terminated,370',
    ...Array.from({ length: 150 }, (_, i) => `E09${String(i).padStart(6, '0')},Filler ${i},,,E12000007,,,live,${500 + i}`),
  ].join('\n');
  const codeHistory = 'effective_date,event,old_la_code,old_ons_code,old_name,new_la_code,new_ons_code,new_name,note\n2025-05-01,recode,370,E08000016,Barnsley,370,E08000038,Barnsley,\n';
  const hierarchy = [
    'first_available_year_included,most_recent_year_included,ward_name,pcon_name,lad_name,la_name,ward_code,pcon_code,lad_code,new_la_code',
    '2017,2024,w,p,Dale,Shire,w1,p1,E07000001,E10000001',
    '2017,2024,w,p,Town,Town,w2,p2,E06000001,E06000001',
    '2017,2024,w,p,Barnsley,Barnsley,w3,p3,E08000016,E08000016',
    '2017,2024,w,p,Powys,Powys,w4,p4,W06000023,W06000023',
    '2017,2019,w,p,Gone,Shire,w5,p5,E07000099,E10000001',
  ].join('\n');
  const cp = (pc: string, cy: string, cc: string, dc: string) => `"${pc}",10,400000,300000,"${cy}","","","${cc}","${dc}","w"`;
  const parts = [
    {
      path: 'ab.csv',
      text: [
        cp('AB1 2AA', 'E92000001', 'E10000001', 'E07000001'),
        cp('AB1 2AB', 'E92000001', 'E10000001', 'E07000001'),
        cp('AB1 2AD', 'E92000001', '', 'E06000001'),
        cp('AB1 2AE', 'W92000004', '', 'W06000023'),
        cp('AB1 2AF', 'E92000001', '', ''), // no district code: left out
        cp('AB10 1AA', 'E92000001', '', 'E08000038'),
        cp('AB9 9ZZ', 'E92000001', '', 'E06000001'),
        ...Array.from({ length: 27 }, (_, i) => cp(`AB9 8${String(i).padStart(2, '0')}`, 'E92000001', 'E10000001', 'E07000001')),
        ...Array.from({ length: 5 }, (_, i) => cp(`AB9 8${String(50 + i)}`, 'E92000001', '', 'E06000001')),
      ].join('\r\n'),
    },
    { path: 'ld.csv', text: `${cp('LD1 1AA', 'W92000004', '', 'W06000023')}\r\n` }, // a Welsh-only sector: left out
  ];
  const recipe = (table: 'sector' | 'district'): PostcodeLookupRecipe => ({ kind: 'codepoint-postcode-lookup', table, hierarchy: 'h.csv', codeHistory: 'c.csv', las: 'l.csv' });

  it('builds the sector table: natural order, LAs ranked by postcodes, ties by code, Welsh parts kept, Python quoting', () => {
    const out = postcodeLookup(parts, { hierarchy, codeHistory, las }, recipe('sector')).toString();
    const n98 = parts[0]!.text.split('\r\n').filter((l) => l.startsWith('"AB9 8')).length;
    expect(n98).toBe(32);
    expect(out).toBe(
      [
        'pc_sector,pc_district,lad_code,lad_name,new_la_code,old_la_code,la_name,country,postcodes,sector_postcodes,lad_share,la_postcodes,la_share,la_rank,n_la',
        'AB1 2,AB1,E07000001,Dale,E10000001,801,"Shire, County of",E,2,4,0.5000,2,0.5000,1,3',
        'AB1 2,AB1,E06000001,Town,E06000001,802,Town,E,1,4,0.2500,1,0.2500,2,3',
        'AB1 2,AB1,W06000023,Powys,W06000023,,Powys,W,1,4,0.2500,1,0.2500,3,3',
        'AB9 8,AB9,E07000001,Dale,E10000001,801,"Shire, County of",E,27,32,0.8438,27,0.8438,1,2',
        'AB9 8,AB9,E06000001,Town,E06000001,802,Town,E,5,32,0.1562,5,0.1562,2,2',
        'AB9 9,AB9,E06000001,Town,E06000001,802,Town,E,1,1,1.0000,1,1.0000,1,1',
        'AB10 1,AB10,E08000038,Barnsley,E08000038,370,Barnsley,E,1,1,1.0000,1,1.0000,1,1',
        '',
      ].join('\n'),
    );
  });

  it('builds the district table: one row per district and LA', () => {
    const out = postcodeLookup(parts, { hierarchy, codeHistory, las }, recipe('district')).toString();
    expect(out).toBe(
      [
        'pc_district,new_la_code,old_la_code,la_name,country,la_postcodes,district_postcodes,la_share,la_rank,n_la',
        'AB1,E10000001,801,"Shire, County of",E,2,4,0.5000,1,3',
        'AB1,E06000001,802,Town,E,1,4,0.2500,2,3',
        'AB1,W06000023,,Powys,W,1,4,0.2500,3,3',
        'AB9,E10000001,801,"Shire, County of",E,27,33,0.8182,1,2',
        'AB9,E06000001,802,Town,E,6,33,0.1818,2,2',
        'AB10,E08000038,370,Barnsley,E,1,1,1.0000,1,1',
        '',
      ].join('\n'),
    );
  });

  it('stops when a postcode’s county code disagrees with its district’s LA, or a district is unknown', () => {
    const bad = [{ path: 'ab.csv', text: cp('AB1 2AA', 'E92000001', 'E10000009', 'E07000001') }];
    expect(() => postcodeLookup(bad, { hierarchy, codeHistory, las }, recipe('sector'))).toThrow(/ab\.csv: postcode AB1 2AA: county code E10000009 does not match/);
    const unknown = [{ path: 'ab.csv', text: cp('AB1 2AA', 'E92000001', '', 'E06000999') }];
    expect(() => postcodeLookup(unknown, { hierarchy, codeHistory, las }, recipe('sector'))).toThrow(/district code E06000999 is not in h\.csv/);
    expect(() => postcodeLookup(parts, { hierarchy, codeHistory, las: las.split('\n').slice(0, 10).join('\n') }, recipe('sector'))).toThrow(/not 153/);
  });
});

describe('place names recipe', () => {
  it('reprojects WGS84 to British National Grid within the Helmert transform’s few metres of ONS’s own grid references', () => {
    // LONG/LAT and BNG_E/BNG_N of area centroids in ONS's December 2023 boundaries
    for (const [lon, lat, e, n] of [
      [-1.51905, 52.41423, 432809, 279689], // Coventry
      [-4.64254, 50.45022, 212497, 64493], // Cornwall
      [-2.71336, 54.4917, 353889, 510941], // Westmorland and Furness
      [-0.09351, 51.51564, 532382, 181358], // City of London
    ] as const) {
      const [x, y] = wgs84ToBng(lon, lat);
      expect(Math.hypot(x - e, y - n)).toBeLessThan(5);
    }
  });
});

describe('SEN census cut of the LAIT parquet', () => {
  // The LAIT parquet as data:fetch copied it into data/raw (checked against its sha256 there), so
  // this runs wherever the data is fetched (CI always fetches), with no mirror beside the project.
  const parquet = join(RAW_DIR, 'lait/bds_long_0.parquet');
  it('reproduces the manifest’s file byte for byte', async () => {
    requireData([parquet]);
    const s = sourceById(readManifest(), 'sen-census-prevalence');
    expect(s.downloadRecipe?.kind).toBe('parquet-rows');
    const out = await parquetRows(readFileSync(parquet), s.downloadRecipe as Parameters<typeof parquetRows>[1]);
    expect(out.length).toBe(s.bytes);
    expect(createHash('sha256').update(out).digest('hex')).toBe(s.sha256);
  });

  it('says which column is missing', async () => {
    requireData([parquet]);
    await expect(parquetRows(readFileSync(parquet), { kind: 'parquet-rows', columns: ['Nope'], filterColumn: 'Short Desc', keep: ['SEN_TotStat'] })).rejects.toThrow(/no column "Nope"/);
  });
});
