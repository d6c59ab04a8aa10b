/** Over the real data in data/raw/ (run `npm run data:fetch` first). */
import { describe, expect, it } from 'vitest';
import { buildGeography, buildPlaces, geographyFiles } from '../../src/datasets/geography.ts';
import { buildEnglandMap } from '../../src/datasets/boundaries.ts';
import { GeographyIndex } from '../../src/lib/geography.ts';
import { RAW_DIR, rawPath, readManifest, sourceById } from '../../src/lib/sources.ts';
import { requireData } from '../helpers.ts';

const manifest = readManifest();
const file = (id: string) => rawPath(sourceById(manifest, id));
requireData(manifest.sources.map((s) => rawPath(s)));

describe(`geography over the real data (${RAW_DIR})`, async () => {
  const geo = new GeographyIndex(await buildGeography(geographyFiles(file)));

  it('has 153 areas in 9 regions, each with 10 distinct current neighbours', () => {
    expect(geo.areas).toHaveLength(153);
    expect(geo.geography.regions).toHaveLength(9);
    const byPrefix = (p: string) => geo.areas.filter((a) => a.onsCode.startsWith(p)).length;
    expect([byPrefix('E06'), byPrefix('E08'), byPrefix('E09'), byPrefix('E10')]).toEqual([63, 36, 33, 21]);
    for (const a of geo.areas) {
      expect(new Set(a.neighbours.map((n) => n.laCode)).size).toBe(10);
      expect(a.neighbours.map((n) => n.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(a.neighbours.some((n) => n.laCode === a.laCode)).toBe(false);
    }
  });

  it('matches the published closeness band counts (1,530 pairs)', () => {
    const counts: Record<string, number> = {};
    for (const a of geo.areas) for (const n of a.neighbours) counts[n.closeness] = (counts[n.closeness] ?? 0) + 1;
    expect(counts).toEqual({ 'Very close': 820, Close: 513, 'Somewhat close': 136, 'Not close': 49, 'Extremely close': 12 });
  });

  it('uses the 2025 codes for Barnsley and Sheffield, and resolves the old ones', () => {
    expect(geo.area('370').onsCode).toBe('E08000038');
    expect(geo.area('373').onsCode).toBe('E08000039');
    expect(geo.resolve('E08000019')).toMatchObject({ kind: 'recoded', laCodes: ['373'] });
    expect(geo.resolve('909')).toMatchObject({ kind: 'predecessor', laCodes: ['942', '943'] });
  });

  it('draws exactly one shape for each of the 153 areas', () => {
    const map = buildEnglandMap(file('geo-boundaries'), (c) => geo.resolve(c)?.laCodes[0] ?? null, 153);
    expect(map.areas).toHaveLength(153);
    expect(new Set(map.areas.map((a) => a.laCode)).size).toBe(153);
    expect(map.areas.filter((a) => a.inInset)).toHaveLength(33);
    const bytes = map.areas.reduce((n, a) => n + a.d.length, 0) + map.london.length;
    expect(bytes).toBeLessThan(150_000);
  });

  it('finds places residents search for', async () => {
    const places = await buildPlaces(file('geo-places'), geo);
    const find = (name: string, kind: string) => places.find((p) => p.name === name && p.kind === kind);
    expect(find('Nuneaton', 'constituency')?.laCodes).toEqual(['937']); // Warwickshire
    expect(find('Westminster', 'area')?.laCodes).toEqual(['213']);
    expect(find('St Helens South and Whiston', 'constituency')?.laCodes.sort()).toEqual(['340', '342']);
    for (const p of places) for (const l of p.laCodes) expect(geo.byLaCode.has(l)).toBe(true);
  });
});
