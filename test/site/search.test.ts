/**
 * "Find my area" tried as a new user would, in Chromium over the real build:
 * type into the search box on the home page and press Search.
 */
import { describe, expect, it } from 'vitest';
import { site, useBrowser } from './context.ts';

const chromium = useBrowser();

async function searchFromHome(query: string) {
  site();
  const page = await chromium.browser().newPage();
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
  ])('typing "%s" on the home page reaches %s', async (query, path) => {
    const page = await searchFromHome(query);
    await page.waitForURL(`**${path}`, { timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(path);
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
    await page.close();
  });

  it('without JavaScript the search page still lists every area A to Z', async () => {
    const context = await chromium.browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.origin()}/search/?q=Nuneaton`);
    const areaLinks = await page.locator('#a-to-z + ul a[href^="/areas/"]').count();
    expect(areaLinks).toBeGreaterThanOrEqual(153);
    await context.close();
  });
});
