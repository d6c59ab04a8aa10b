/**
 * Self-tests for the browser gates (axe-core, visible focus) and the static server,
 * against the fixture sites. Needs Chromium (gates.config.json chromium.executablePath).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from '../../scripts/gates/a11y.ts';
import { launchBrowser } from '../../scripts/gates/browser.ts';
import { loadConfig } from '../../scripts/gates/config.ts';
import { serveDir, type StaticServer } from '../../scripts/gates/server.ts';
import { BROKEN, GOOD, on, site } from './helpers.ts';

const { a11y } = loadConfig();
let browser: Browser;
let good: StaticServer;
let broken: StaticServer;

beforeAll(async () => {
  [browser, good, broken] = await Promise.all([launchBrowser(), serveDir(GOOD), serveDir(BROKEN)]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), good?.close(), broken?.close()]);
});

describe('static server', () => {
  it('serves directory indexes on loopback, redirects bare directories, 404s the rest, refuses traversal', async () => {
    expect(good.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const home = await fetch(`${good.origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toContain('<h1>Home</h1>');
    const css = await fetch(`${good.origin}/_astro/site.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const bare = await fetch(`${good.origin}/inspections`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/inspections/');
    expect((await fetch(`${good.origin}/missing/`)).status).toBe(404);
    expect((await fetch(`${good.origin}/%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
  });
});

describe('accessibility gate (axe + visible focus)', () => {
  it('passes the good fixture, including the embed page', async () => {
    const { pages } = site(GOOD);
    const problems = await checkA11y({ browser, origin: good.origin, pages, tags: a11y.axeTags, concurrency: 3, focusTabStops: a11y.focusTabStops });
    expect(problems).toEqual([]);
  });

  it('fails an <img> without alt, and hidden keyboard focus', async () => {
    const pages = site(BROKEN).pages.filter((p) => ['/img-no-alt/', '/focus-hidden/', '/areas/warwickshire/'].includes(p.url));
    expect(pages).toHaveLength(3);
    const problems = await checkA11y({ browser, origin: broken.origin, pages, tags: a11y.axeTags, concurrency: 3, focusTabStops: a11y.focusTabStops });
    const img = on(problems, '/img-no-alt/');
    expect(img.some((m) => m.startsWith('axe image-alt') && m.includes('img'))).toBe(true);
    const focus = on(problems, '/focus-hidden/');
    expect(focus.some((m) => m.startsWith('keyboard focus not visible on a[href="/img-no-alt/"]'))).toBe(true);
    // the same markup with the normal stylesheet passes
    expect(on(problems, '/areas/warwickshire/')).toEqual([]);
  });
});
