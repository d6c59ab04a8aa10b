/**
 * Readable on a phone (issue 13), over the real build:
 * - no page scrolls sideways: one page of every type at 320 and 375 px, every area page at 375 px;
 * - chart text: at 375 and 1280 px, on one page of every type and 10 area pages (longest
 *   names, Isles of Scilly), every SVG text is inside its SVG, none overlap, none under 12 px;
 * - every horizontally scrollable element is keyboard-focusable and labelled (320 and 375 px);
 * - every stroke and fill used for data in any chart is at least 3:1 against white.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/gates/config.ts';
import { checkLayout, checkMarkContrast } from '../../scripts/gates/layout.ts';
import { formatProblems } from '../../scripts/gates/report.ts';
import type { Page } from '../../scripts/gates/site.ts';
import { site, useBrowser } from './context.ts';

const chromium = useBrowser();

const COMPARE_FOUR = '/compare/?areas=coventry,derby,wolverhampton,southampton';

/** One page of each page type in budgets.json, every top-level topic page, and /compare/ with 4 areas. */
function pageOfEveryType(): Page[] {
  const s = site();
  const types = (JSON.parse(readFileSync(path.join(ROOT, 'budgets.json'), 'utf8')) as { pageTypes: { pattern: string }[] }).pageTypes.map((t) => new RegExp(t.pattern));
  const chosen = new Map<string, Page>();
  const typeOf = (url: string) => types.findIndex((re) => re.test(url));
  // Prefer pages readers reach most: an area with a long name over the first alphabetically.
  const preferred = ['/areas/coventry/', '/regions/west-midlands/', '/areas/coventry/compare/'];
  const ordered = [...s.pages.filter((p) => preferred.includes(p.url)), ...s.pages];
  for (const p of ordered) {
    const shape = `${typeOf(p.url)}:${p.url.split('/').length}:${p.url.replace(/[^/]+/g, (seg, i: number) => (i === 1 ? seg : '*'))}`;
    if (!chosen.has(shape)) chosen.set(shape, p);
  }
  // Every topic page (one path segment) is its own kind of page.
  for (const p of s.pages) if (/^\/[^/]+\/$/.test(p.url)) chosen.set(p.url, p);
  const compare = s.pages.find((p) => p.url === '/compare/');
  if (compare) chosen.set(COMPARE_FOUR, { url: COMPARE_FOUR, file: compare.file });
  return [...chosen.values()];
}

/** Ten area pages: the five longest names, Isles of Scilly, City of London and three others. */
function tenAreaPages(): Page[] {
  const areas = site().pages.filter((p) => /^\/areas\/[^/]+\/$/.test(p.url));
  const longest = [...areas].sort((a, b) => b.url.length - a.url.length || a.url.localeCompare(b.url)).slice(0, 5);
  const named = ['/areas/isles-of-scilly/', '/areas/city-of-london/', '/areas/coventry/', '/areas/westmorland-and-furness/', '/areas/rutland/', '/areas/kent/'];
  const out = new Map<string, Page>();
  for (const p of [...longest, ...areas.filter((a) => named.includes(a.url))]) if (out.size < 10) out.set(p.url, p);
  return [...out.values()];
}

describe('site: readable on a phone', () => {
  it('no page scrolls sideways (every page type at 320 and 375 px, every area page at 375 px)', async () => {
    const types = pageOfEveryType();
    const areas = site().pages.filter((p) => /^\/areas\/[^/]+\/$/.test(p.url));
    const problems = [
      ...(await checkLayout({ browser: chromium.browser(), origin: chromium.origin(), pages: types, width: 320, checks: { overflow: true } })),
      ...(await checkLayout({ browser: chromium.browser(), origin: chromium.origin(), pages: [...types, ...areas], width: 375, checks: { overflow: true } })),
    ];
    expect(problems.length, formatProblems('Horizontal overflow gate', problems)).toBe(0);
  }, 900_000);

  it('chart text is inside its SVG, never overlapping, never under 12 px (375 and 1280 px)', async () => {
    const pages = [...pageOfEveryType(), ...tenAreaPages()];
    expect(pages.some((p) => p.url === '/areas/isles-of-scilly/')).toBe(true);
    const problems = [
      ...(await checkLayout({ browser: chromium.browser(), origin: chromium.origin(), pages, width: 375, checks: { chartText: true }, minFontPx: 12 })),
      ...(await checkLayout({ browser: chromium.browser(), origin: chromium.origin(), pages, width: 1280, checks: { chartText: true }, minFontPx: 12 })),
    ];
    expect(problems.length, formatProblems('Chart geometry gate', problems)).toBe(0);
  }, 900_000);

  it('every horizontally scrollable element is keyboard-focusable and labelled (320 and 375 px)', async () => {
    const pages = [...pageOfEveryType(), ...tenAreaPages()];
    const problems = [
      ...(await checkLayout({ browser: chromium.browser(), origin: chromium.origin(), pages, width: 320, checks: { scrollRegions: true } })),
      ...(await checkLayout({ browser: chromium.browser(), origin: chromium.origin(), pages, width: 375, checks: { scrollRegions: true } })),
    ];
    expect(problems.length, formatProblems('Scroll region gate', problems)).toBe(0);
  }, 900_000);

  it('every stroke and fill used for data in any chart is at least 3:1 against white', () => {
    const s = site();
    const problems = checkMarkContrast([...s.pages.filter((p) => !p.url.includes('?')), ...s.allPages.filter((p) => p.url.startsWith('/embed/')).slice(0, 60)]);
    expect(problems.length, formatProblems('Mark contrast gate', problems)).toBe(0);
  }, 300_000);
});
