/**
 * `npm run screenshots`: full-page PNGs of home, an area, a region and each topic page present
 * in dist/, at each width in gates.config.json (375 and 1280 px), into screenshots/ (git-ignored).
 * A page pattern ending in '*' takes the first matching sitemap page (e.g. /regions/*).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, pool } from './gates/browser.ts';
import { ROOT, loadConfig } from './gates/config.ts';
import { serveDir } from './gates/server.ts';
import { DIST, allHtmlPages, pagesToCheck, requireDist, urlToFile } from './gates/site.ts';

export function choosePages(dir: string, wanted: string[]): string[] {
  const known = pagesToCheck(dir).pages.map((p) => p.url);
  const all = known.length ? known : allHtmlPages(dir).map((p) => p.url);
  const out: string[] = [];
  for (const w of wanted) {
    if (w.endsWith('*')) {
      const hit = all.filter((u) => u.startsWith(w.slice(0, -1)) && u !== w.slice(0, -1)).sort()[0];
      if (hit) out.push(hit);
    } else if (urlToFile(dir, w)) out.push(w);
    else if (w.startsWith('/areas/') && w !== '/areas/') {
      const anyArea = all.filter((u) => /^\/areas\/[^/]+\/$/.test(u)).sort()[0];
      if (anyArea) out.push(anyArea);
    }
  }
  return [...new Set(out)];
}

export function fileName(url: string, width: number): string {
  const slug = url === '/' ? 'home' : url.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-');
  return `${slug}-${width}.png`;
}

async function main(): Promise<void> {
  const dir = requireDist(DIST);
  const cfg = loadConfig();
  const out = path.join(ROOT, 'screenshots');
  mkdirSync(out, { recursive: true });
  const pages = choosePages(dir, cfg.screenshots.pages);
  const server = await serveDir(dir);
  const browser = await launchBrowser();
  try {
    const jobs = pages.flatMap((url) => cfg.screenshots.widths.map((width) => ({ url, width })));
    await pool(jobs, 2, async ({ url, width }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      // networkidle: a page with a query (e.g. /compare/?areas=…) is drawn by its script after load.
      await page.goto(server.origin + url, { waitUntil: url.includes('?') ? 'networkidle' : 'load' });
      const file = path.join(out, fileName(url, width));
      await page.screenshot({ path: file, fullPage: true });
      await context.close();
      console.log(`saved ${path.relative(ROOT, file)}`);
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
