/** One shared headless Chromium (Debian /usr/bin/chromium via playwright-core). */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page as PwPage } from 'playwright-core';
import { loadConfig } from './config.ts';
import { pool } from '../pool.ts';

export async function launchBrowser(): Promise<Browser> {
  const { chromium: c } = loadConfig();
  if (!existsSync(c.executablePath)) {
    throw new Error(`Chromium not found at ${c.executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: c.executablePath, args: c.args });
}

export { pool } from '../pool.ts';

/**
 * Open each built page (`origin` + its url) in a new tab of one browser context, at most
 * `concurrency` at a time, and run `check` on it. Returns every problem, in page order.
 * A page that does not answer 200 is a problem; a check that throws is reported as
 * "could not check: …" for that page, never silently passed.
 */
export async function checkEachPage(
  browser: Browser,
  contextOptions: BrowserContextOptions,
  origin: string,
  pages: { url: string }[],
  concurrency: number,
  check: (page: PwPage, add: (message: string) => void) => Promise<void>,
  prefix = '',
): Promise<{ page: string; message: string }[]> {
  const context = await browser.newContext(contextOptions);
  try {
    const results = await pool(pages, concurrency, async (p) => {
      const problems: { page: string; message: string }[] = [];
      const add = (message: string) => problems.push({ page: p.url, message: `${prefix}${message}` });
      const page = await context.newPage();
      try {
        const response = await page.goto(origin + p.url, { waitUntil: 'load' });
        if (!response || response.status() !== 200) add(`HTTP ${response?.status() ?? 'no response'}`);
        await check(page, add);
      } catch (e) {
        add(`could not check: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
      return problems;
    });
    return results.flat();
  } finally {
    await context.close();
  }
}
