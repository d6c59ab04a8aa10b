/** The built money page and the money and SEN prevalence sections (run `npm run build` first). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { areaSlugs, distPage, requireSection } from '../helpers.ts';
import { RAW_DIR } from '../../src/lib/sources.ts';

const page = distPage;
const section = requireSection;
const slugs = areaSlugs;
const raw = (path: string) => Papa.parse<Record<string, string>>(readFileSync(join(RAW_DIR, path), 'utf8'), { header: true, skipEmptyLines: true }).data;
const row = (s: string, year: string) => s.match(new RegExp(`<th scope="row">${year}</th>(.*?)</tr>`, 's'))?.[1] ?? '';

describe('built money pages and sections', () => {
  it('gives every area page the SEN prevalence chart and a money section, both in its contents', () => {
    const all = slugs();
    expect(all).toHaveLength(153);
    for (const slug of all) {
      const html = page(`areas/${slug}`);
      expect(html, slug).toContain('<a href="#sen-prevalence">');
      expect(html, slug).toContain('<a href="#money">');
      const p = section(html, 'sen-prevalence');
      expect(p, slug).toContain('id="chart-area-sen-ehcp-share"');
      expect(p, slug).toContain('EHC plans maintained (count)');
      const m = section(html, 'money');
      expect(m, slug).toMatch(/High needs block/);
      expect(m, slug).toMatch(/Statistical neighbours \(median\)/);
    }
  });

  it('Coventry shows its high needs block for 2020-21 to 2023-24 and its DSG deficit for 2019-20 to 2021-22 exactly as in the source files', () => {
    const s = section(page('areas/coventry'), 'money');
    const alloc = raw('finance/dsg_allocations/dsg_allocations_summary_2020-21_to_2023-24.csv').filter((r) => r.old_la_code === '331');
    expect(alloc.map((r) => r.financial_year)).toEqual(['2020-21', '2021-22', '2022-23', '2023-24']);
    for (const r of alloc) expect(row(s, r.financial_year!), r.financial_year).toContain(`£${Number(r.high_needs_block).toLocaleString('en-GB')}`);
    const def = raw('finance/dfe_send_ap_dashboard/dsg_deficit_derived.csv').filter((r) => r.la_name === 'Coventry');
    expect(def.map((r) => r.financial_year)).toEqual(['2019-20', '2020-21', '2021-22']);
    for (const r of def) expect(row(s, r.financial_year!), r.financial_year).toContain(`${Number(r.deficit).toFixed(2)}%`);
    expect(s).toContain('id="chart-area-hnb-per-plan"');
    expect(s).toContain('id="chart-area-dsg-deficit"');
  });

  it('City of London and the Isles of Scilly say they have no DSG allocation rows, never £0', () => {
    for (const slug of ['city-of-london', 'isles-of-scilly']) {
      const html = page(`areas/${slug}`);
      const s = section(html, 'money');
      expect(s, slug).toMatch(/DSG allocation tables do not include/);
      expect(s, slug).toContain('no allocation row');
      // The allocation table by year says why there is no figure, and never shows £0.
      const table = s.slice(s.indexOf('<table>'), s.indexOf('</table>'));
      expect(table, slug).toContain('no allocation row');
      expect(table, slug).not.toMatch(/>£0</);
      expect(s, slug).not.toContain('id="chart-area-hnb-per-plan"');
      expect(section(html, 'key-facts'), slug).toContain('No DSG allocation published');
    }
  });

  it('publishes /money/ with its charts, a map of every area, how old the figures are, and links from the navigation', () => {
    const html = page('money');
    expect(html.match(/<figure class="chart"/g) ?? []).toHaveLength(6);
    expect(html).toContain('id="deficit-map-title"');
    expect((html.match(/<a href="\/areas\/[^"]+#money" aria-label=/g) ?? []).length).toBe(153);
    expect(section(html, 'how-old')).toMatch(/Later deficit figures are published by the Department for Education but are not in this site’s data/);
    expect(html).toContain('£9,952,172,126');
    expect(page('areas')).toContain('href="/money/"');
    const data = page('data');
    expect(data).toContain('href="/data/money.csv"');
    expect(data).toContain('href="/data/sen-prevalence.csv"');
  });

  it('region pages have a money table of their areas with the region and England', () => {
    const s = section(page('regions/west-midlands'), 'money');
    expect((s.match(/<th scope="row"><a href="\/areas\//g) ?? []).length).toBe(14);
    expect(s).toContain('<th scope="row">England</th>');
  });
});
