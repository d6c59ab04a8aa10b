/**
 * Self-tests for the phone-readability gates (scripts/gates/layout.ts): each passes the
 * good fixture page and fails the page that breaks it (test/fixtures/layout/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/gates/browser.ts';
import { checkLayout, checkMarkContrast } from '../../scripts/gates/layout.ts';
import { serveDir, type StaticServer } from '../../scripts/gates/server.ts';

const DIR = fileURLToPath(new URL('../fixtures/layout', import.meta.url));
const page = (name: string) => ({ url: `/${name}/`, file: path.join(DIR, name, 'index.html') });
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDir(DIR)]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const run = (name: string, width: number, checks: Parameters<typeof checkLayout>[0]['checks']) =>
  checkLayout({ browser, origin: server.origin, pages: [page(name)], width, checks, minFontPx: 12 }).then((ps) => ps.map((p) => p.message));

describe('phone-readability gates', () => {
  it('pass the good page at 320, 375 and 1280 px', async () => {
    expect(await run('good', 320, { overflow: true, scrollRegions: true })).toEqual([]);
    for (const w of [375, 1280]) expect(await run('good', w, { overflow: true, chartText: true, scrollRegions: true })).toEqual([]);
    expect(checkMarkContrast([page('good')])).toEqual([]);
  });

  it('overflow: fails a page wider than the screen', async () => {
    const m = await run('overflow', 375, { overflow: true });
    expect(m.join('\n')).toMatch(/at 375 px: page is \d+ px wide at 375 px \(scrolls sideways\): .*code/);
  });

  it('chart text: fails text outside the SVG, overlapping text and text under 12 px', async () => {
    const m = (await run('chart-text', 375, { chartText: true })).join('\n');
    expect(m).toMatch(/"orkshire and The Humber" is outside its SVG/);
    expect(m).toMatch(/"New collection" overlaps "Isles of Scilly"/);
    expect(m).toMatch(/"tiny" is [\d.]+ px \(under 12 px\)/);
  });

  it('scroll regions: fails a sideways-scrolling box that is not focusable or not labelled', async () => {
    const m = (await run('scroll', 320, { scrollRegions: true })).join('\n');
    expect(m).toMatch(/div\.table-scroll scrolls sideways but is not keyboard-focusable/);
    expect(m).toMatch(/div\.table-scroll scrolls sideways but has no accessible name/);
  });

  it('mark contrast: fails a data line in #BFBFBF (1.8:1)', () => {
    const m = checkMarkContrast([page('contrast')]).map((p) => p.message);
    expect(m).toEqual(['#chart-faint: path stroke #BFBFBF is 1.84:1 against white (needs 3:1)']);
  });
});
