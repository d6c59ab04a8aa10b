/** The built EHC plan pages and sections (run `npm run build` first). */
import { describe, expect, it } from 'vitest';
import { areaSlugs, distPage, requireSection } from '../helpers.ts';

const page = distPage;
const section = requireSection;
const slugs = areaSlugs;

describe('built EHC plan pages', () => {
  it('gives every area page an EHC plans section, listed in its contents, with three charts and generated comparisons', () => {
    const all = slugs();
    expect(all).toHaveLength(153);
    for (const slug of all) {
      const html = page(`areas/${slug}`);
      expect(html, slug).toContain('<a href="#ehc-plans">');
      const s = section(html, 'ehc-plans');
      expect(s.match(/<figure class="chart"/g) ?? [], slug).toHaveLength(3);
      expect(s).toMatch(/had an EHC plan|EHC plans, January/);
      expect(s).toMatch(/Statistical neighbours \(median\)/);
    }
  });

  it('shows "no plans issued", not 0%, for an area year with no new plans', () => {
    const s = section(page('areas/isles-of-scilly'), 'ehc-plans');
    const row2022 = s.match(/<th scope="row">2022<\/th>(.*?)<\/tr>/s)?.[1] ?? '';
    expect(row2022).toContain('no plans issued');
    expect(row2022).not.toContain('0.0%');
  });

  it('publishes /ehc-plans/ with its five national charts and a row per area, and /outcomes/ with five', () => {
    const e = page('ehc-plans');
    expect(e.match(/<figure class="chart"/g) ?? []).toHaveLength(5);
    expect(e).toContain('638,745');
    const table = section(e, 'all-areas');
    expect(table.match(/<th scope="row">/g) ?? []).toHaveLength(153);
    const o = page('outcomes');
    expect(o.match(/<figure class="chart"/g) ?? []).toHaveLength(5);
    expect(e).toContain('href="/outcomes/"');
  });

  it('gives each region page a table of its areas', () => {
    const html = page('regions/london');
    const s = section(html, 'ehc-plans');
    expect((s.match(/<th scope="row"><a href="\/areas\//g) ?? []).length).toBe(33);
  });
});
