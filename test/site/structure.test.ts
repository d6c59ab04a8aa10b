/** The built site (dist/) has every area and region, built from the real data. Run `npm run build` first. */
import { describe, expect, it } from 'vitest';
import { sectionHtml } from '../helpers.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';

const DIST = join(PROJECT_ROOT, 'dist');
function page(path: string): string {
  if (!existsSync(DIST)) throw new Error('dist/ not found: run `npm run build` first');
  return readFileSync(join(DIST, path, 'index.html'), 'utf8');
}
const geography = () => JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/generated/geography.json'), 'utf8')) as {
  areas: { slug: string; name: string; neighbours: { laCode: string }[]; laCode: string }[];
  regions: { slug: string }[];
};

describe('built site structure', () => {
  it('has a page for each of the 153 areas and 9 regions, and no others', () => {
    page('');
    const g = geography();
    expect(readdirSync(join(DIST, 'areas'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()).toEqual(
      g.areas.map((a) => a.slug).sort(),
    );
    expect(g.areas).toHaveLength(153);
    expect(readdirSync(join(DIST, 'regions')).sort()).toEqual(g.regions.map((r) => r.slug).sort());
    expect(g.regions).toHaveLength(9);
  });

  it('names and links each area’s 10 statistical neighbours', () => {
    const g = geography();
    const slugOf = new Map(g.areas.map((a) => [a.laCode, a.slug]));
    for (const a of g.areas) {
      const html = page(`areas/${a.slug}`);
      const section = sectionHtml(html, 'neighbours');
      expect(section, `${a.slug}: no neighbours section`).not.toBeNull();
      for (const n of a.neighbours) expect(section!).toContain(`href="/areas/${slugOf.get(n.laCode)}/"`);
      expect(section!.match(/<tr>/g)?.length).toBe(11); // header + 10
    }
  });

  it('draws the national map with exactly one shape per area, each named', () => {
    const html = page('');
    const shapes = html.match(/<path class="area"[^>]*>/g) ?? [];
    expect(shapes).toHaveLength(153);
    const labels = html.match(/<a href="\/areas\/[^"]+\/" aria-label="[^"]+">/g) ?? [];
    expect(labels).toHaveLength(153);
  });

  it('notes code changes on the areas they affect', () => {
    expect(page('areas/north-northamptonshire')).toMatch(/Northamptonshire \(DfE code 928\) became part of North Northamptonshire/);
    expect(page('areas/barnsley')).toMatch(/ONS code changed from E08000016 to E08000038/);
    expect(page('areas/bournemouth-christchurch-and-poole')).toMatch(/Christchurch only/);
  });

  it('publishes the geography downloads with dictionaries in the catalogue', () => {
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { downloads: { id: string; file: string; dictionary: string }[] };
    const ids = cat.downloads.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['areas', 'statistical-neighbours']));
    for (const d of cat.downloads) {
      expect(existsSync(join(DIST, d.file))).toBe(true);
      const meta = readFileSync(join(DIST, d.dictionary), 'utf8');
      expect(meta.split('\n')[0]).toBe('\uFEFFcol_name,col_type,label,indicator_unit,indicator_dp');
    }
    const header = readFileSync(join(DIST, 'data/areas.csv'), 'utf8').split('\n')[0]!;
    expect(header.startsWith('\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name')).toBe(true);
  });
});
