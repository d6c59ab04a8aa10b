import { launchBrowser } from './scripts/gates/browser.ts';
import { serveDir } from './scripts/gates/server.ts';
const [browser, server] = await Promise.all([launchBrowser(), serveDir('dist')]);
const out = '/tmp/shots-14';
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.origin}/areas/coventry/`);
  const fig = page.locator('#chart-benchmark-timeliness-20-weeks');
  await fig.locator('details.cite > summary').click();
  await fig.screenshot({ path: `${out}/coventry-bench-${width}.png` });
  await page.goto(`${server.origin}/compare/?areas=coventry,derby,wolverhampton,southampton`);
  await page.waitForSelector('#compare-table');
  await page.locator('#over-time').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/compare-${width}.png`, fullPage: false, clip: undefined });
  const sec = page.locator('#compare-output section').nth(3);
  await sec.screenshot({ path: `${out}/compare-section-${width}.png` });
  await page.close();
}
await Promise.all([browser.close(), server.close()]);
