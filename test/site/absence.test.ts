/** The built absence pages and sections (run `npm run build` first). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';

const DIST = join(PROJECT_ROOT, 'dist');
const page = (path: string) => {
  if (!existsSync(DIST)) throw new Error('dist/ not found: run `npm run build` first');
  return readFileSync(join(DIST, path, 'index.html'), 'utf8');
};
const AREA_CHARTS = ['absence-sen-compare', 'absence-sen-gap', 'absence-trend', 'absence-suspensions'];

describe('built absence pages', () => {
  it('every area page has the absence section, in its contents, with 4 charts as SVG, each with a summary and a data table', () => {
    const areas = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/generated/geography.json'), 'utf8')).areas as { slug: string }[];
    expect(areas).toHaveLength(153);
    for (const { slug } of areas) {
      const html = page(`areas/${slug}`);
      expect(html, slug).toContain('<section id="absence"');
      expect(html, slug).toContain('<a href="#absence">');
      for (const id of AREA_CHARTS) {
        const i = html.indexOf(`id="chart-${id}"`);
        expect(i, `${slug} ${id}`).toBeGreaterThan(0);
        const fig = html.slice(i, html.indexOf('class="cite"', i));
        expect(fig).toMatch(/<svg/);
        expect(fig).toMatch(/class="chart-summary"/);
        expect(fig).toMatch(/<table[\s>]/);
      }
    }
  });

  it('shows figures that were not published as such, not as 0: Westmorland and Furness before it existed', () => {
    const html = page('areas/westmorland-and-furness');
    const i = html.indexOf('id="chart-absence-trend"');
    const fig = html.slice(i, html.indexOf('class="cite"', i));
    expect(fig).toMatch(/No figure published for Westmorland and Furness in 2015\/16/);
    expect(fig).toMatch(/Cumbria \(before April 2023\)/);
    // LAIT's "-" is shown in the table as a symbol with its meaning.
    expect(fig).toMatch(/<abbr class="symbol" title="Nil, or no value[^"]*">nil or no value<\/abbr>/);
    expect(fig).not.toMatch(/<td[^>]*>0(\.0)?%?<\/td>/);
    const s = html.indexOf('id="chart-absence-suspensions"');
    expect(html.slice(s, html.indexOf('class="cite"', s))).toMatch(/No figure published for Westmorland and Furness: \d+ figures/);
  });

  it('/absence/ explains the measures, has the national chart, the ranking and a map of all 153 areas', () => {
    const html = page('absence');
    for (const id of ['measures', 'time', 'gap', 'england', 'areas', 'map', 'data']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('id="chart-absence-national-sen"');
    expect(html).toContain('id="chart-absence-rank-ehcp"');
    const map = html.slice(html.indexOf('id="absence-map-title"'), html.indexOf('id="data"'));
    expect(map.match(/aria-label="[^"]*: ([\d.]+% of pupils with an EHC plan persistently absent|not published), \d{4}\/\d{2}"/g)?.length).toBe(153);
    expect(html).toContain('href="/data/absence.csv"');
    expect(html).toContain('href="/data/suspensions.csv"');
    for (const m of ['ehcp', 'sen-support', 'no-sen', 'all-pupils']) expect(page(`absence/ranked/${m}`)).toContain(`id="chart-absence-rank-${m}"`);
  });

  it('each region page compares its areas', () => {
    for (const r of ['london', 'north-east', 'south-west']) expect(page(`regions/${r}`)).toContain('id="chart-absence-region"');
  });
});
