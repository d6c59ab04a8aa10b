/**
 * Issue 17 acceptance: an embed placed in a 375 px-wide host page (a fixture article on
 * another origin, using the embed code the site offers) shows its title, source and link
 * back with no inner scrolling; at 320 px too; and, without the host script, the fixed
 * height still shows them. The site is served with its _headers, as Netlify or Cloudflare
 * Pages would: embeds can be framed, other pages cannot.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/gates/browser.ts';
import { serveDir, type StaticServer } from '../../scripts/gates/server.ts';
import { DIST } from '../../scripts/gates/site.ts';
import { site } from './context.ts';

const HOST_PAGE = readFileSync(join(import.meta.dirname, '../fixtures/embed-host/article.html'), 'utf8');
const AREA = 'coventry';
const CHART = 'chart-area-ehcp-timeliness';

let browser: Browser | undefined;
let siteServer: StaticServer | undefined;
let host: Server | undefined;
let hostOrigin = '';
let hostBody = '';

beforeAll(async () => {
  const { dir, origin } = site();
  // The embed code exactly as the chart offers it, pointed at the local copy of the site.
  const { document } = parseHTML(readFileSync(join(dir, 'areas', AREA, 'index.html'), 'utf8'));
  const code = [...document.querySelectorAll(`#${CHART} .cite .cite-text`)].map((p) => p.textContent!).find((t) => t.includes('<iframe'));
  if (!code) throw new Error(`no embed code in #${CHART}`);
  [browser, siteServer] = await Promise.all([launchBrowser(), serveDir(DIST, { headersFile: true })]);
  hostBody = code.split(origin).join(siteServer.origin);
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body: string;
    if (url.pathname === '/no-script/') body = HOST_PAGE.replace('<!-- EMBED CODE -->', hostBody.replace(/<script[^>]*><\/script>/, ''));
    else if (url.pathname === '/page/') body = HOST_PAGE.replace('<!-- EMBED CODE -->', `<iframe src="${siteServer!.origin}/areas/${AREA}/" title="A normal page" width="100%" height="400"></iframe>`);
    else body = HOST_PAGE.replace('<!-- EMBED CODE -->', hostBody);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => host!.listen(0, '127.0.0.1', resolve));
  const addr = host.address();
  hostOrigin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), siteServer?.close(), new Promise((r) => (host ? host.close(r) : r(null)))]);
});

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('iframe has no frame');
  await frame.waitForSelector('.chart-title');
  return frame;
}

/** Boxes of the title, source line and link back, in the frame's viewport, and whether the frame scrolls. */
async function inFrame(frame: Frame) {
  return frame.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width, h: r.height, hidden: s.visibility === 'hidden' || s.display === 'none' };
    };
    return {
      title: box(document.querySelector('.chart-title')),
      source: box(document.querySelector('.chart-source')),
      link: box(document.querySelector('.chart-source a[target="_top"]')),
      linkHref: document.querySelector('.chart-source a[target="_top"]')?.getAttribute('href') ?? '',
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

function expectShown(m: Awaited<ReturnType<typeof inFrame>>, label: string) {
  for (const k of ['title', 'source', 'link'] as const) {
    const b = m[k];
    expect(b, `${label}: ${k} exists`).not.toBeNull();
    expect(b!.hidden, `${label}: ${k} visible`).toBe(false);
    expect(b!.w * b!.h, `${label}: ${k} has size`).toBeGreaterThan(0);
    expect(b!.top, `${label}: ${k} top inside the frame`).toBeGreaterThanOrEqual(0);
    expect(b!.bottom, `${label}: ${k} bottom inside the frame (${m.innerHeight}px tall)`).toBeLessThanOrEqual(m.innerHeight);
    expect(b!.right, `${label}: ${k} inside the frame's width`).toBeLessThanOrEqual(m.innerWidth + 0.5);
  }
}

describe('site: embeds fit a phone (issue 17)', () => {
  for (const width of [375, 320]) {
    it(`in a ${width} px host page the embed grows to its content: title, source and link back shown, no inner scrolling`, async () => {
      const page = await browser!.newPage({ viewport: { width, height: 700 } });
      try {
        await page.goto(`${hostOrigin}/`);
        const frame = await embedFrame(page);
        // The host script sets the iframe's height from the embed's message.
        await page.waitForFunction(() => Number(document.querySelector('iframe')!.getAttribute('height')) !== 640, null, { timeout: 15_000 });
        await page.waitForTimeout(300);
        const m = await inFrame(frame);
        const iframeBox = (await (await page.$('iframe'))!.boundingBox())!;
        expect(iframeBox.width).toBeLessThanOrEqual(width);
        expect(m.scrollHeight, 'no inner vertical scrolling').toBeLessThanOrEqual(m.innerHeight);
        expect(m.scrollWidth, 'no inner horizontal scrolling').toBeLessThanOrEqual(m.innerWidth);
        expect(Math.abs(iframeBox.height - m.innerHeight)).toBeLessThanOrEqual(1);
        expectShown(m, `${width}px`);
        expect(m.linkHref).toBe(`/areas/${AREA}/#${CHART}`);
        await page.screenshot({ path: `/tmp/shots-17/embed-host-${width}.png`, fullPage: true }).catch(() => undefined);
        // Opening the data table makes the embed taller; the frame follows.
        await frame.click('details summary');
        await page.waitForTimeout(500);
        const opened = await inFrame(frame);
        expect(opened.scrollHeight, 'no inner scrolling with the table open').toBeLessThanOrEqual(opened.innerHeight + 1);
        expect(opened.innerHeight).toBeGreaterThan(m.innerHeight);
      } finally {
        await page.close();
      }
    }, 60_000);
  }

  it('without the host script the fixed-height fallback still shows title, source and link back at 320 px', async () => {
    const page = await browser!.newPage({ viewport: { width: 320, height: 700 } });
    try {
      await page.goto(`${hostOrigin}/no-script/`);
      const frame = await embedFrame(page);
      await page.waitForTimeout(300);
      const m = await inFrame(frame);
      expect(m.innerHeight).toBe(640);
      expectShown(m, 'fallback');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('a normal page cannot be framed by another site (frame-ancestors from _headers)', async () => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 700 } });
    try {
      const blocked = page.waitForEvent('console', { predicate: (msg) => /frame-ancestors|Refused to (display|frame)/i.test(msg.text()), timeout: 15_000 });
      await page.goto(`${hostOrigin}/page/`);
      await blocked;
      const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
      // Chromium shows its own error page in place of the framed page.
      expect(frame?.url() ?? '').toMatch(/^chrome-error:/);
      expect(await frame?.$('.area-header, main h1#area-title, figure.chart').catch(() => null) ?? null).toBeNull();
    } finally {
      await page.close();
    }
  }, 60_000);
});
