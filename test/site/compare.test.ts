/**
 * The compare page island, in Chromium over the real build: ?areas=a,b,c renders
 * three area columns and leaves the shareable URL as it was; ticking a box adds
 * a column and rewrites the URL in place (history.replaceState, no new entry);
 * unknown names and more than 6 areas are reported, not silently dropped.
 */
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
});
