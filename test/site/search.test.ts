/**
 * "Find my area" tried as a new user would, in Chromium over the real build:
 * on a phone (375 px), type into the search box on the home page and press Search.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { site, useBrowser } from './context.ts';

const chromium = useBrowser();
const PHONE = { width: 375, height: 800 };

async function searchFromHome(query: string) {
  site();
  const page = await chromium.browser().newPage({ viewport: PHONE });
  await page.goto(`${chromium.origin()}/`);
  await page.locator('input[name="q"]').first().fill(query);
  await page.locator('input[name="q"]').first().press('Enter');
  return page;
}

describe('site: find my area', () => {
  it.each([
    ['Nuneaton', '/areas/warwickshire/'],
    ['Westminster', '/areas/westminster/'],
    ['st helens', '/areas/st-helens/'],
    ['St. Helens', '/areas/st-helens/'],
    ['CV1 2GT', '/areas/coventry/'],
    ['cv12gt', '/areas/coventry/'],
    ['BS1', '/areas/bristol/'],
    ['Kendal', '/areas/westmorland-and-furness/'],
    ['Barrow-in-Furness', '/areas/westmorland-and-furness/'],
    ['Bristol West', '/areas/bristol/'],
  ])('typing "%s" on the home page reaches %s', async (query, path) => {
    const page = await searchFromHome(query);
    await page.waitForURL(`**${path}**`, { timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(path);
    await page.close();
  });

  it('"Nuneaton" arrives with "Nuneaton is in Warwickshire"', async () => {
    const page = await searchFromHome('Nuneaton');
    await page.waitForURL('**/areas/warwickshire/**', { timeout: 10_000 });
    const note = page.locator('.arrival-note:visible');
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await note.count()).toBe(1);
    expect(await note.textContent()).toContain('Nuneaton is in Warwickshire.');
    await page.close();
  });

  it('the arrival note needs no JavaScript, and a page shows no note its data does not hold', async () => {
    site();
    const context = await chromium.browser().newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${chromium.origin()}/areas/westmorland-and-furness/#from-kendal`);
    expect(await page.locator('.arrival-note:visible').textContent()).toContain('Kendal is in Westmorland and Furness.');
    await page.goto(`${chromium.origin()}/areas/warwickshire/#from-kendal`);
    expect(await page.locator('.arrival-note:visible').count()).toBe(0);
    await page.goto(`${chromium.origin()}/areas/warwickshire/`);
    expect(await page.locator('.arrival-note:visible').count()).toBe(0);
    await context.close();
  });

  it('"CV7" offers Warwickshire, Solihull and Coventry, largest share first', async () => {
    const page = await searchFromHome('CV7');
    await page.waitForSelector('.search-results', { timeout: 10_000 });
    expect(await page.locator('#search-results').textContent()).toContain('Most of CV7 is in Warwickshire; parts are in Solihull and Coventry.');
    expect(await page.locator('.search-results a').allTextContents()).toEqual(['Warwickshire', 'Solihull', 'Coventry']);
    await page.locator('.search-results a', { hasText: 'Solihull' }).click();
    await page.waitForURL('**/areas/solihull/**');
    await page.locator('.arrival-note:visible').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('.arrival-note:visible').textContent()).toContain('Most of CV7 is in Warwickshire; parts are in Solihull and Coventry. This page is about Solihull.');
    await page.close();
  });

  it('"Hull" offers Kingston upon Hull first', async () => {
    const page = await searchFromHome('Hull');
    await page.waitForSelector('.search-results', { timeout: 10_000 });
    expect(await page.locator('.search-results a').first().textContent()).toBe('Kingston upon Hull');
    expect(await page.locator('#search-results').textContent()).not.toContain('Solihull');
    await page.close();
  });

  it('"EH1 1YZ" says the site covers England, without blaming the reader', async () => {
    const page = await searchFromHome('EH1 1YZ');
    await page.waitForSelector('text=This site covers England', { timeout: 10_000 });
    const text = (await page.locator('#search-results').textContent()) ?? '';
    expect(text).toContain('Scotland');
    expect(text).not.toMatch(/check the spelling/i);
    await page.close();
  });

  it('an unknown word says there is no match and offers the A to Z list', async () => {
    const page = await searchFromHome('Qwertyuiopville');
    await page.waitForSelector('text=No match for', { timeout: 10_000 });
    const link = page.locator('a', { hasText: 'A to Z list of areas' });
    expect(await link.count()).toBe(1);
    const href = await link.getAttribute('href');
    expect(href).toBe('#a-to-z');
    expect(await page.locator('#a-to-z').count()).toBe(1);
    expect(await page.locator('#search-results').textContent()).not.toMatch(/check the spelling/i);
    await page.close();
  });

  it('without JavaScript the search page lists every area A to Z and no page offers a search box that cannot work', async () => {
    const context = await chromium.browser().newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${chromium.origin()}/search/?q=Nuneaton`);
    const areaLinks = await page.locator('#a-to-z + ul a[href^="/areas/"]').count();
    expect(areaLinks).toBeGreaterThanOrEqual(153);
    expect(await page.locator('#search-page-q').isVisible()).toBe(false);
    await page.goto(`${chromium.origin()}/`);
    expect(await page.locator('input[name="q"]').first().isVisible()).toBe(false);
    expect(await page.locator('a[href="/search/#a-to-z"]').first().isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).not.toMatch(/type your/i);
    await context.close();
  });

  it('one query loads under 30 KB gzipped: the shared meta file plus its largest shard', () => {
    const { dir } = site();
    const data = join(dir, 'search-data');
    const gz = (f: string) => gzipSync(readFileSync(join(data, f)), { level: 9 }).length;
    const files = readdirSync(data);
    expect(files).toContain('meta.json');
    expect(files.filter((f) => f.startsWith('p-')).length).toBeGreaterThan(100);
    expect(files).toContain('pc-cv.json');
    const biggest = Math.max(...files.filter((f) => f !== 'meta.json').map(gz));
    expect(gz('meta.json') + biggest).toBeLessThan(30 * 1024);
  });

  it('the postcode and place-name attribution lines appear on the search page and /about/data/', () => {
    const { dir } = site();
    for (const path of ['search', 'about/data']) {
      const file = join(dir, path, 'index.html');
      expect(existsSync(file), path).toBe(true);
      const html = readFileSync(file, 'utf8');
      expect(html, path).toContain('Contains Ordnance Survey data © Crown copyright and database right 2025.');
      expect(html, path).toContain('Contains Royal Mail data © Royal Mail copyright and database right 2025.');
      expect(html, path).toContain('Contains National Statistics data © Crown copyright and database right 2025.');
      expect(html, path).toContain('Contains Ordnance Survey data © Crown copyright and database right 2017.');
      expect(html, path).toContain('Contains Royal Mail data © Royal Mail copyright and database right 2017.');
    }
  });
});
