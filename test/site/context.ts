/**
 * Shared state for the site tests (which check the real build in dist/).
 * Every test calls site() first: when dist/ is missing it throws, so the test FAILS with
 * "dist/ not found: run `npm run build` first" rather than being skipped.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/gates/browser.ts';
import { loadConfig } from '../../scripts/gates/config.ts';
import { serveDir, type StaticServer } from '../../scripts/gates/server.ts';
import { DIST, allHtmlPages, pagesToCheck, requireDist, type Page } from '../../scripts/gates/site.ts';

export interface SiteContext {
  dir: string;
  origin: string;
  /** Sitemap pages plus embeds: what the browser gates load. */
  pages: Page[];
  /** Every HTML file in dist/. */
  allPages: Page[];
  sitemapProblems: string[];
}

let cached: SiteContext | undefined;

export function site(): SiteContext {
  if (cached) return cached;
  const dir = requireDist(DIST);
  const { pages, problems, origin } = pagesToCheck(dir);
  const cfg = loadConfig();
  const listed = new Set(pages.map((p) => p.url));
  const exempt = cfg.sitemapExempt.patterns.map((p) => new RegExp(p));
  const allPages = allHtmlPages(dir);
  for (const p of allPages) {
    if (!listed.has(p.url) && !exempt.some((re) => re.test(p.url))) problems.push(`built page is not in sitemap.xml: ${p.url}`);
  }
  cached = { dir, origin, pages, allPages, sitemapProblems: problems };
  return cached;
}

/**
 * A Chromium and a loopback static server over dist/ for one test file's browser tests:
 * started before its tests, closed after. Call inside the file, at the top level.
 */
export function useBrowser(): { browser(): Browser; origin(): string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    if (!existsSync(DIST)) return; // each test then fails with the dist/ message from site()
    [browser, server] = await Promise.all([launchBrowser(), serveDir(DIST)]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
  return { browser: () => browser!, origin: () => server!.origin };
}
