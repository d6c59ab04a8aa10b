/**
 * Integration: the search data built from the real geo files (SOURCES.md checks):
 * postcodes, place names and former constituencies reach the right areas, and
 * one query's data stays small.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildGeography, geographyFiles } from '../../src/datasets/geography.ts';
import { buildSearchData } from '../../src/datasets/search.ts';
import { GeographyIndex } from '../../src/lib/geography.ts';
import { makeContext } from '../../src/lib/pipeline.ts';
import { directHit, keyWord, parsePostcode, resolvePostcode, searchPlaces, shardKeyFor } from '../../src/lib/search.ts';
import { RAW_DIR, readManifest } from '../../src/lib/sources.ts';
import { requireRaw } from '../helpers.ts';

requireRaw(['geo/place_names_england_to_la.csv', 'geo/postcode_sector_to_la_codepoint_2025-10.csv']);
const QUERY_BUDGET_BYTES = 30 * 1024;

describe('search data over data/raw', async () => {
  const manifest = readManifest();
  const boot = makeContext(RAW_DIR, manifest, null as unknown as GeographyIndex);
  const geo = new GeographyIndex(await buildGeography(geographyFiles(boot.file)));
  const ctx = makeContext(RAW_DIR, manifest, geo);
  const data = await buildSearchData(
    { sectors: ctx.file('geo-postcode-sectors'), districts: ctx.file('geo-postcode-districts'), placeNames: ctx.file('geo-place-names'), hierarchy: ctx.file('geo-places') },
    geo,
    'October 2025',
  );
  const find = (q: string) => {
    const key = shardKeyFor(keyWord(q)!, data.meta.keys)!;
    return searchPlaces(data.meta, data.places[key]!.e, q);
  };
  const pc = (q: string) => {
    const p = parsePostcode(q)!;
    if (p.kind === 'invalid') throw new Error('invalid');
    return resolvePostcode(data.meta, data.postcodes[p.area] ?? null, p);
  };

  it('postcodes: CV1 2GT and cv12gt are Coventry, BS1 Bristol, CV7 split largest first, EH1 1YZ Scotland', () => {
    expect(pc('CV1 2GT')).toMatchObject({ kind: 'areas', areas: [{ slug: 'coventry', share: 1 }], elsewhere: [] });
    expect(pc('cv12gt')).toMatchObject({ kind: 'areas', areas: [{ slug: 'coventry' }] });
    expect(pc('BS1')).toMatchObject({ kind: 'areas', areas: [{ slug: 'bristol', share: 1 }] });
    const cv7 = pc('CV7');
    expect(cv7.kind === 'areas' && cv7.areas.map((a) => a.slug)).toEqual(['warwickshire', 'solihull', 'coventry']);
    expect(pc('EH1 1YZ')).toMatchObject({ kind: 'not-england', country: 'Scotland' });
  });

  it('places: Kendal, Barrow-in-Furness, Nuneaton and Bristol West go straight to their area; Hull offers Kingston upon Hull first', () => {
    expect(directHit(find('Kendal'))?.slug).toBe('westmorland-and-furness');
    expect(directHit(find('Barrow-in-Furness'))?.slug).toBe('westmorland-and-furness');
    expect(directHit(find('Nuneaton'))?.slug).toBe('warwickshire');
    expect(directHit(find('Bristol West'))?.slug).toBe('bristol');
    const hull = find('Hull');
    expect(hull[0]!.hits[0]!.slug).toBe('kingston-upon-hull');
    expect(hull.map((m) => m.name)).not.toContain('Solihull');
  });

  it('one query loads the shared meta file and one shard: under 30 KB gzipped', () => {
    const gz = (x: unknown) => gzipSync(JSON.stringify(x), { level: 9 }).length;
    const meta = gz(data.meta);
    const biggest = Math.max(...Object.values(data.places).map(gz), ...Object.values(data.postcodes).map(gz));
    expect(meta + biggest).toBeLessThan(QUERY_BUDGET_BYTES);
  });
});
