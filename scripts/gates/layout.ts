/**
 * Phone-readability gates (issue 13), measured in Chromium on a built site:
 * - overflow: the page never scrolls sideways (document scrollWidth <= innerWidth);
 * - chart text: every <text> in a visible SVG lies inside its SVG's box, no two overlap,
 *   and none renders smaller than `minFontPx` CSS px;
 * - scroll regions: every element that scrolls sideways is keyboard-focusable and labelled.
 * And one static gate on the markup:
 * - mark contrast: every stroke and fill a chart uses for data is >= 3:1 against white.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Browser, Page as PwPage } from 'playwright-core';
import { checkEachPage } from './browser.ts';
import type { Problem } from './links.ts';
import type { Page } from './site.ts';

export async function horizontalOverflow(page: PwPage): Promise<string | null> {
  const r = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
  if (r.sw <= r.iw) return null;
  const culprits = await page.evaluate((iw) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const b = el.getBoundingClientRect();
      if (b.right > iw + 1 && b.width > 0) {
        // report the outermost offender only
        let p = el.parentElement;
        let outer = true;
        while (p && p !== document.body) {
          if (p.getBoundingClientRect().right > iw + 1) { outer = false; break; }
          p = p.parentElement;
        }
        if (outer) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/).join('.')}` : ''} (right edge ${Math.round(b.right)})`);
      }
      if (out.length >= 3) break;
    }
    return out;
  }, r.iw);
  return `page is ${r.sw} px wide at ${r.iw} px (scrolls sideways): ${culprits.join('; ')}`;
}

/** Problems with the text of every visible SVG on the page. */
export async function chartTextProblems(page: PwPage, minFontPx: number): Promise<string[]> {
  return page.evaluate((minFont) => {
    const out: string[] = [];
    const svgs = [...document.querySelectorAll<SVGSVGElement>('svg')].filter((s) => !s.parentElement?.closest('svg'));
    svgs.forEach((svg) => {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return; // not shown at this width
      const where = svg.closest('[id]')?.id ?? 'svg';
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden');
      const rects: { r: DOMRect; s: string }[] = [];
      for (const t of texts) {
        const s = (t.textContent ?? '').trim().slice(0, 40);
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        const ctm = t.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < minFont - 0.05) out.push(`#${where}: "${s}" is ${px.toFixed(1)} px (under ${minFont} px)`);
        const tol = 0.5;
        if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol) {
          out.push(`#${where}: "${s}" is outside its SVG (text ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} × ${Math.round(r.top - box.top)}..${Math.round(r.bottom - box.top)}, SVG ${Math.round(box.width)} × ${Math.round(box.height)})`);
        }
        rects.push({ r, s });
      }
      // Glyph boxes include line spacing: allow 2 px of overlap before calling it overprinting.
      const slack = 2;
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i]!.r;
          const b = rects[j]!.r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > slack && h > slack) out.push(`#${where}: "${rects[i]!.s}" overlaps "${rects[j]!.s}"`);
        }
      }
    });
    return out;
  }, minFontPx);
}

/** Elements that scroll sideways but cannot be reached by keyboard or have no name. */
export async function scrollRegionProblems(page: PwPage): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const cs = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(cs.overflowX)) continue;
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/).join('.')}` : ''}`;
      const focusable = el.tabIndex >= 0 && el.getAttribute('tabindex') !== null;
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
      const label = (el.getAttribute('aria-label') ?? '').trim() || labelledBy;
      if (!focusable) out.push(`${name} scrolls sideways but is not keyboard-focusable (tabindex="0")`);
      if (!label) out.push(`${name} scrolls sideways but has no accessible name (aria-labelledby or aria-label)`);
      else if (!el.getAttribute('role') && el.tagName !== 'SECTION') out.push(`${name} scrolls sideways but is not a region (a named <section> or role="region")`);
    }
    return out;
  });
}

export interface LayoutOptions {
  browser: Browser;
  origin: string;
  pages: Page[];
  width: number;
  checks: { overflow?: boolean; chartText?: boolean; scrollRegions?: boolean };
  /** Smallest rendered chart text allowed at this width (chartText). */
  minFontPx?: number;
  concurrency?: number;
}

export async function checkLayout(o: LayoutOptions): Promise<Problem[]> {
  const contextOptions = { viewport: { width: o.width, height: 800 }, deviceScaleFactor: 1 };
  return checkEachPage(
    o.browser,
    contextOptions,
    o.origin,
    o.pages,
    o.concurrency ?? 3,
    async (page, add) => {
      if (o.checks.overflow) {
        const m = await horizontalOverflow(page);
        if (m) add(m);
      }
      if (o.checks.chartText) for (const m of await chartTextProblems(page, o.minFontPx ?? 0)) add(m);
      if (o.checks.scrollRegions) for (const m of await scrollRegionProblems(page)) add(m);
    },
    `at ${o.width} px: `,
  );
}

/* ---- Contrast of marks (static) ---- */

const NAMED: Record<string, string> = { black: '#000000', white: '#ffffff', red: '#ff0000', blue: '#0000ff', green: '#008000', grey: '#808080', gray: '#808080', orange: '#ffa500', yellow: '#ffff00', silver: '#c0c0c0', lightgrey: '#d3d3d3', lightgray: '#d3d3d3' };

/** A CSS colour as [r, g, b] 0–255, or null for none/transparent/currentColor/url(). */
export function parseColour(c: string | null | undefined): [number, number, number] | null {
  if (!c) return null;
  let s = c.trim().toLowerCase();
  if (s === '' || s === 'none' || s === 'transparent' || s === 'currentcolor' || s === 'inherit' || s.startsWith('url(')) return null;
  s = NAMED[s] ?? s;
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1]!].map((h) => parseInt(h + h, 16)) as [number, number, number];
  m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as [number, number, number];
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(s);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`unrecognised colour "${c}"`);
}

function luminance([r, g, b]: [number, number, number]): number {
  const f = (v: number) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

const WHITE: [number, number, number] = [255, 255, 255];
const MARK_TAGS = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);

/**
 * Colours a chart SVG uses for data marks, with where: every fill and stroke on a shape
 * (attribute or inline style, own or inherited from a <g>), except axes, grids, frames,
 * text halos, the in-SVG key's outline and white (the background). Colours below 3:1
 * against white are returned.
 */
export function lowContrastMarks(svgMarkup: string, min = 3): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${svgMarkup}</body></html>`);
  const out = new Set<string>();
  const styleOf = (el: Element, prop: string): string | null => {
    const st = el.getAttribute('style') ?? '';
    const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(st);
    return m ? m[1]!.trim() : el.getAttribute(prop);
  };
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!MARK_TAGS.has(tag)) continue;
    // Axes, tick marks, grids and frames are not data; nor is anything inside <defs>/<text>.
    let skip = false;
    for (let p: Element | null = el; p && p.tagName.toLowerCase() !== 'svg'; p = p.parentElement) {
      const label = (p.getAttribute('aria-label') ?? '').toLowerCase();
      const cls = (p.getAttribute('class') ?? '').toLowerCase();
      if (/axis|tick|grid|frame/.test(label) || /chart-key|axis|grid|outline|inset-frame/.test(cls) || ['defs', 'text', 'pattern', 'clippath', 'marker'].includes(p.tagName.toLowerCase())) { skip = true; break; }
    }
    if (skip) continue;
    for (const prop of ['fill', 'stroke']) {
      // The nearest element that sets the property decides it.
      let v: string | null = null;
      for (let p: Element | null = el; p; p = p.parentElement) {
        v = styleOf(p, prop);
        if (v) break;
        if (p.tagName.toLowerCase() === 'svg') break;
      }
      const rgb = parseColour(v);
      if (!rgb) continue;
      if (rgb[0] === 255 && rgb[1] === 255 && rgb[2] === 255) continue;
      // A stroke thinner than 1 unit is an outline, not a mark.
      if (prop === 'stroke' && Number(styleOf(el, 'stroke-width') ?? 1) < 1) continue;
      const opacity = Number(styleOf(el, `${prop}-opacity`) ?? styleOf(el, 'opacity') ?? 1);
      if (opacity < 1) {
        out.add(`${tag} ${prop} ${v} at opacity ${opacity}`);
        continue;
      }
      const c = contrast(rgb, WHITE);
      if (c < min) out.add(`${tag} ${prop} ${v} is ${c.toFixed(2)}:1 against white (needs ${min}:1)`);
    }
  }
  return [...out];
}

/** The mark-contrast gate over built pages: every SVG inside a chart figure. */
export function checkMarkContrast(pages: Page[], selector = '.chart-graphic svg'): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const p of pages) {
    const html = readFileSync(p.file, 'utf8');
    const { document } = parseHTML(html);
    for (const svg of document.querySelectorAll(selector)) {
      if (svg.parentElement?.closest('svg')) continue;
      const where = svg.closest('[id]')?.getAttribute('id') ?? 'svg';
      for (const m of lowContrastMarks(svg.outerHTML)) {
        const key = `${where}|${m}`;
        if (seen.has(key)) continue; // one report per chart and colour across the site
        seen.add(key);
        problems.push({ page: p.url, message: `#${where}: ${m}` });
      }
    }
  }
  return problems;
}
