/**
 * Print: an area page prints from Chromium as an A4 scrutiny briefing of at most
 * 4 pages, with no chart cut across pages. Checks the real build in dist/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPdfPages, PRINT_DIR, printPage } from '../../scripts/print-pdf.ts';
import { site, useBrowser } from './context.ts';

// Two areas from the issue, and two reorganised areas, whose pages carry the most notes.
const AREAS = ['warwickshire', 'westminster', 'north-northamptonshire', 'bournemouth-christchurch-and-poole'];
const MAX_PAGES = 4;
/** A4 height less the 15 mm top and bottom margins of @page, in CSS px (96 per inch). */
const PRINTABLE_HEIGHT_PX = ((297 - 2 * 15) / 25.4) * 96;
const A4_PRINTABLE_WIDTH_PX = Math.floor(((210 - 2 * 15) / 25.4) * 96);

const chromium = useBrowser();

describe('site: printed area briefing', () => {
  it('countPdfPages counts page objects, not the page tree', () => {
    const fake = Buffer.from('1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>>', 'latin1');
    expect(countPdfPages(fake)).toBe(2);
  });

  for (const slug of AREAS) {
    it(`${slug}: prints to at most ${MAX_PAGES} A4 pages`, async () => {
      site();
      const pdf = await printPage(chromium.browser(), `${chromium.origin()}/areas/${slug}/`);
      mkdirSync(PRINT_DIR, { recursive: true });
      writeFileSync(path.join(PRINT_DIR, `${slug}.pdf`), pdf);
      const pages = countPdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages, `${slug} printed to ${pages} pages`).toBeLessThanOrEqual(MAX_PAGES);
      // A4 portrait in points: 595 × 842.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](?:\.\d+)? 84[12](?:\.\d+)?\s*\]/);
    });

    it(`${slug}: in print, no chart can be cut: each figure avoids breaks and fits a page; navigation is hidden, the page URL shown`, async () => {
      site();
      const page = await chromium.browser().newPage({ viewport: { width: A4_PRINTABLE_WIDTH_PX, height: 1000 } });
      try {
        await page.goto(`${chromium.origin()}/areas/${slug}/`);
        await page.emulateMedia({ media: 'print' });
        const r = await page.evaluate(() => {
          const shown = (e: Element | null) => !!e && getComputedStyle(e).display !== 'none';
          return {
            figures: [...document.querySelectorAll('figure.chart')].map((f) => ({
              id: f.id,
              breakInside: getComputedStyle(f).breakInside,
              height: f.getBoundingClientRect().height,
              key: f.getAttribute('data-print') === 'key',
              graphicShown: shown(f.querySelector('.chart-graphic')),
              sourceShown: shown(f.querySelector('.chart-source')),
            })),
            nav: shown(document.querySelector('.site-nav')),
            search: shown(document.querySelector('.site-search')),
            contents: shown(document.querySelector('.contents')),
            printUrl: shown(document.querySelector('.print-url')) ? document.querySelector('.print-url')!.textContent : null,
          };
        });
        expect(r.figures.length).toBeGreaterThan(0);
        expect(r.figures.filter((f) => f.key).length, 'at least one chart is marked for the briefing').toBeGreaterThan(0);
        for (const f of r.figures) {
          expect(f.breakInside, f.id).toBe('avoid');
          expect(f.height, `${f.id} is ${Math.round(f.height)}px tall in print`).toBeLessThan(PRINTABLE_HEIGHT_PX);
          expect(f.graphicShown, `${f.id}: key charts print, others print as a line`).toBe(f.key);
          if (f.key) expect(f.sourceShown, `${f.id} source line`).toBe(true);
        }
        expect([r.nav, r.search, r.contents]).toEqual([false, false, false]);
        expect(r.printUrl).toContain(`/areas/${slug}/`);
      } finally {
        await page.close();
      }
    });
  }
});
