/**
 * The compare page island, in Chromium over the real build: ?areas=a,b,c renders
 * three area columns and leaves the shareable URL as it was; ticking a box adds
 * a column and rewrites the URL in place (history.replaceState, no new entry);
 * unknown names and more than 6 areas are reported, not silently dropped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../../scripts/gates/a11y.ts';
import { loadConfig } from '../../scripts/gates/config.ts';
import { site, useBrowser } from './context.ts';

const chromium = useBrowser();

async function open(search: string): Promise<{ page: Page; errors: string[] }> {
  site();
  const page = await chromium.browser().newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${chromium.origin()}/compare/${search}`);
  return { page, errors };
}

const columnNames = (page: Page) => page.$$eval('#compare-table thead th', (ths) => ths.slice(1).map((th) => th.querySelector('a')!.textContent));

describe('site: compare areas', () => {
  it('renders 3 areas side by side from the URL, and the URL stays as given', async () => {
    const { page, errors } = await open('?areas=warwickshire,westminster,cornwall');
    try {
      await page.waitForSelector('#compare-table');
      expect(await columnNames(page)).toEqual(['Warwickshire', 'Westminster', 'Cornwall']);
      const rows = await page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => tr.children.length));
      expect(rows.length).toBeGreaterThan(0);
      for (const n of rows) expect(n).toBe(4);
      expect(new URL(page.url()).search).toBe('?areas=warwickshire,westminster,cornwall');
      expect(await page.$$eval('input[name="areas[]"]:checked', (bs) => bs.map((b) => (b as HTMLInputElement).value))).toEqual(['cornwall', 'warwickshire', 'westminster']);
      // One small chart per area and measure that has data.
      expect(await page.locator('.small-multiples svg').count()).toBeGreaterThanOrEqual(3);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('ticking and unticking boxes updates the view and rewrites the URL without adding history entries', async () => {
    const { page, errors } = await open('?areas=warwickshire,westminster,cornwall');
    try {
      await page.waitForSelector('#compare-table');
      const before = await page.evaluate(() => history.length);
      await page.check('#pick-area-kent');
      await expect.poll(() => new URL(page.url()).search).toBe('?areas=warwickshire,westminster,cornwall,kent');
      expect(await columnNames(page)).toEqual(['Warwickshire', 'Westminster', 'Cornwall', 'Kent']);
      await page.uncheck('#pick-area-westminster');
      await expect.poll(() => new URL(page.url()).search).toBe('?areas=warwickshire,cornwall,kent');
      expect(await columnNames(page)).toEqual(['Warwickshire', 'Cornwall', 'Kent']);
      expect(await page.evaluate(() => history.length)).toBe(before);
      // Reloading the shared URL reproduces the view.
      await page.reload();
      await page.waitForSelector('#compare-table');
      expect(await columnNames(page)).toEqual(['Warwickshire', 'Cornwall', 'Kent']);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the plain form (areas[]=a&areas[]=b) works and is rewritten to the short form; unknown names and a 7th area are reported', async () => {
    const { page } = await open('?areas%5B%5D=kent&areas%5B%5D=nosuch-place&areas%5B%5D=surrey');
    try {
      await page.waitForSelector('#compare-table');
      expect(await columnNames(page)).toEqual(['Kent', 'Surrey']);
      expect(new URL(page.url()).search).toBe('?areas=kent,surrey');
      expect(await page.textContent('.compare-messages')).toContain('No area called “nosuch-place”');
      await page.goto(`${chromium.origin()}/compare/?areas=kent,surrey,essex,devon,cornwall,dorset,bristol`);
      await page.waitForSelector('#compare-table');
      expect(await columnNames(page)).toHaveLength(6);
      expect(await page.textContent('.compare-messages')).toContain('up to 6 areas');
      // A 7th tick is refused (the box unticks itself) and explained.
      await page.click('#pick-area-westminster');
      expect(await page.isChecked('#pick-area-westminster')).toBe(false);
      expect(await page.textContent('.compare-messages')).toContain('Untick one first');
      expect(await columnNames(page)).toHaveLength(6);
    } finally {
      await page.close();
    }
  });

  it('the rendered comparison (table and small charts) has zero axe violations, at desktop and phone widths', async () => {
    site();
    for (const width of [1280, 375]) {
      // bypassCSP only so axe can be injected as an inline script, as the a11y gate does.
      const context = await chromium.browser().newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${chromium.origin()}/compare/?areas=warwickshire,west-northamptonshire,cornwall`);
        await page.waitForSelector('#compare-table');
        const violations = await runAxe(page, loadConfig().a11y.axeTags);
        expect(violations.map((v) => `${width}px ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('coventry, derby, wolverhampton, southampton: every small multiple has England and region reference lines, an upright y axis shared across the measure, units and polarity in words', async () => {
    const { page, errors } = await open('?areas=coventry,derby,wolverhampton,southampton');
    try {
      await page.waitForSelector('#compare-table');
      const sections = await page.$$eval('#compare-output section[aria-label]', (ss) =>
        ss.map((s) => ({
          label: s.getAttribute('aria-label'),
          subtitle: s.querySelector('.chart-subtitle')?.textContent ?? '',
          charts: [...s.querySelectorAll('svg.small-chart')].map((svg) => ({
            ticks: [...svg.querySelectorAll('.y-tick')].map((t) => ({ y: Number(t.getAttribute('y')), value: Number(t.getAttribute('data-value')), text: t.textContent })),
            refs: [...svg.querySelectorAll('.reference-line')].map((r) => r.getAttribute('data-reference')),
            axis: svg.querySelector('.y-axis-label')?.textContent ?? '',
          })),
        })),
      );
      expect(sections.length).toBeGreaterThanOrEqual(8);
      let withRefs = 0;
      for (const s of sections) {
        expect(s.subtitle, s.label!).toMatch(/(Lower is better|Higher is better|Neither higher nor lower is better)\.$/);
        for (const c of s.charts) {
          expect(c.ticks.length, `${s.label}: y ticks`).toBeGreaterThanOrEqual(2);
          // Never inverted: a larger value sits higher on the page (smaller y).
          const byValue = [...c.ticks].sort((a, b) => a.value - b.value);
          for (let i = 1; i < byValue.length; i++) expect(byValue[i]!.y, `${s.label}: tick ${byValue[i]!.text} above ${byValue[i - 1]!.text}`).toBeLessThan(byValue[i - 1]!.y);
          expect(c.axis, `${s.label}: axis label`).not.toBe('');
          if (/%/.test(c.ticks.map((t) => t.text).join(''))) expect(c.axis).toContain('%');
          // One y scale for the measure: the same tick labels in every small multiple.
          expect(c.ticks.map((t) => t.text)).toEqual(s.charts[0]!.ticks.map((t) => t.text));
        }
        if (s.charts.length > 0 && s.charts.every((c) => c.refs.length >= 2)) withRefs++;
      }
      // Every measure that has England and region figures draws both in each small multiple.
      const expected = ['New EHC plans issued within 20 weeks', 'Requests for an EHC needs assessment refused, %', 'SEND Tribunal appeal rate, %', 'Pupils with an EHC plan, % of all pupils'];
      for (const label of expected) {
        const s = sections.find((x) => x.label === label)!;
        expect(s, label).toBeDefined();
        for (const c of s.charts) {
          expect(c.refs, label).toContain('England');
          expect(c.refs.some((r) => r === 'West Midlands' || r === 'East Midlands' || r === 'South East'), `${label}: region line`).toBe(true);
        }
      }
      expect(withRefs).toBeGreaterThanOrEqual(expected.length);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the static comparison /areas/<slug>/compare/ has England and region reference rows and says which way is better', () => {
    const { dir } = site();
    for (const [slug, region] of [['coventry', 'West Midlands'], ['isles-of-scilly', 'South West']] as const) {
      const { document } = parseHTML(readFileSync(path.join(dir, 'areas', slug, 'compare', 'index.html'), 'utf8'));
      const rows = [...document.querySelectorAll('.compare-table tbody tr')].map((tr) => tr.querySelector('th')!.textContent!.trim());
      expect(rows).toHaveLength(13);
      expect(rows.slice(-2)).toEqual(['England (reference)', `${region} (reference)`]);
      const england = [...document.querySelectorAll('.compare-table tbody tr.reference-row')][0]!;
      // Rates with a published England figure show it (not "no figure").
      expect([...england.querySelectorAll('td')].filter((td) => /\d/.test(td.textContent!)).length).toBeGreaterThanOrEqual(6);
      const about = document.querySelector('#measures + dl')!.textContent!;
      expect(about).toMatch(/Lower is better/);
      expect(about).toMatch(/Higher is better/);
      expect(about).toMatch(/Neither higher nor lower is better/);
    }
  });
});
