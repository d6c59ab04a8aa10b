/**
 * Print (issue 14): an area page prints from Chromium as an A4 briefing with
 * every chart on the page, the key facts, the 10 statistical neighbours, each
 * chart's source and URL, the data releases, the date printed and page
 * numbers; no navigation, no empty headings, no page ending with a heading, no
 * chart cut across pages, and no text under 8 pt (measured in the PDF with
 * pdftotext -bbox, poppler-utils). No page limit. /compare/ prints the
 * comparison, not the picker. PDFs are kept in reports/print/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countPdfPages, PRINT_DIR, printPage } from '../../scripts/print-pdf.ts';
import { geo } from '../../src/read/site.ts';
import { site, useBrowser } from './context.ts';

const AREAS = ['coventry', 'warwickshire', 'isles-of-scilly', 'north-northamptonshire'];
/** pdftotext -bbox word height / font size, measured in Chromium's PDFs (8 pt → 9.31, 10 pt → 11.64). */
const BBOX_PER_PT = 1.1637;
const MIN_PT = 8;
const A4_PRINTABLE_WIDTH_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);
const PRINTABLE_HEIGHT_PX = ((297 - 12 - 14) / 25.4) * 96;
const squash = (s: string) => s.replace(/\s+/g, '').replace(/[‘’]/g, "'");
const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

const chromium = useBrowser();

function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
}

/** Font size of every word in the PDF, in points, from its bounding box height. */
export function wordSizes(file: string): { word: string; pt: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ word: m[5]!, pt: (Number(m[4]) - Number(m[2])) / BBOX_PER_PT }));
}

describe('site: printed area briefing', () => {
  it('countPdfPages counts page objects, not the page tree', () => {
    const fake = Buffer.from('1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>>', 'latin1');
    expect(countPdfPages(fake)).toBe(2);
  });

  for (const slug of AREAS) {
    it(`${slug}: the A4 PDF has every chart title, all 10 neighbours, the releases, page numbers and date printed; no text under ${MIN_PT} pt; no page ends with a heading`, async () => {
      const { dir } = site();
      const area = geo.bySlug.get(slug)!;
      const pdf = await printPage(chromium.browser(), `${chromium.origin()}/areas/${slug}/`);
      mkdirSync(PRINT_DIR, { recursive: true });
      const file = path.join(PRINT_DIR, `${slug}.pdf`);
      writeFileSync(file, pdf);
      // A4 portrait in points: 595 × 842.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](?:\.\d+)? 84[12](?:\.\d+)?\s*\]/);
      const pages = countPdfPages(pdf);
      const text = pdfText(file);
      const flat = squash(text);
      const { document } = parseHTML(readFileSync(path.join(dir, 'areas', slug, 'index.html'), 'utf8'));
      const titles = [...document.querySelectorAll('figure.chart .chart-title')].map((t) => t.textContent!.trim());
      expect(titles.length).toBeGreaterThanOrEqual(15);
      for (const t of titles) expect(flat, `${slug}: chart "${t}" printed`).toContain(squash(t));
      for (const n of area.neighbours) expect(flat, `${slug}: neighbour ${geo.area(n.laCode).name}`).toContain(squash(geo.area(n.laCode).name));
      for (const words of ['Key facts', 'Statistical neighbours', 'Data releases used on this page', `Printed on ${today()}`, `Page 1 of ${pages}`, `Page ${pages} of ${pages}`]) {
        expect(flat, `${slug}: "${words}"`).toContain(squash(words));
      }
      // Each chart's source and its URL with the anchor.
      // (pdftotext joins a URL broken after a hyphen without the hyphen, so hyphens are ignored here.)
      const noHyphens = flat.replace(/-/g, '');
      for (const fig of document.querySelectorAll('figure.chart')) expect(noHyphens, `${slug}: URL of #${fig.id}`).toContain(squash(`/areas/${slug}/#${fig.id}`).replace(/-/g, ''));

      const sizes = wordSizes(file).filter((w) => w.word.trim() !== '');
      const small = sizes.filter((w) => w.pt < MIN_PT - 0.05);
      expect(small.slice(0, 10).map((w) => `${w.word} ${w.pt.toFixed(2)}pt`), `${slug}: text under ${MIN_PT} pt`).toEqual([]);

      const headings = [...document.querySelectorAll('h1, h2, h3, h4, .chart-title')].map((h) => squash(h.textContent!)).filter((h) => h.length > 0);
      for (let p = 1; p <= pages; p++) {
        const raw = pdfText(file, p).replace(/Page \d+ of \d+\s*$/, '').trim();
        const pageText = squash(raw);
        expect(pageText.length, `${slug}: page ${p} is not blank`).toBeGreaterThan(0);
        // A heading ends the page when it fills the page's last line or lines (a heading wraps over 3 at most);
        // a paragraph that merely ends with the same words ("… carries a DSG deficit") is not one.
        const lines = raw.split('\n').map(squash).filter((l) => l.length > 0);
        const ends = headings.find((h) => [1, 2, 3].some((k) => lines.slice(-k).join('') === h));
        expect(ends, `${slug}: page ${p} of ${pages} ends with the heading "${ends}"`).toBeUndefined();
      }
    }, 180_000);

    it(`${slug}: in print every chart shows, whole on one page; no navigation; no empty heading`, async () => {
      site();
      const page = await chromium.browser().newPage({ viewport: { width: A4_PRINTABLE_WIDTH_PX, height: 1000 } });
      try {
        await page.goto(`${chromium.origin()}/areas/${slug}/`);
        await page.emulateMedia({ media: 'print' });
        const r = await page.evaluate(() => {
          const shown = (e: Element | null) => !!e && getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetParent !== null;
          const visibleAfter = (h: Element) => {
            // Content after a heading in its section (or up to the next heading), that prints.
            let n = h.nextElementSibling;
            while (n && !/^H[1-4]$/.test(n.tagName)) {
              if (shown(n) && (n.textContent ?? '').trim() !== '') return true;
              n = n.nextElementSibling;
            }
            return false;
          };
          return {
            figures: [...document.querySelectorAll('figure.chart')].map((f) => ({
              id: f.id,
              breakInside: getComputedStyle(f).breakInside,
              height: f.getBoundingClientRect().height,
              graphicShown: shown(f.querySelector('.chart-graphic')),
              sourceShown: shown(f.querySelector('.chart-source')),
              citeShown: shown(f.querySelector('.print-cite')),
            })),
            emptyHeadings: [...document.querySelectorAll('main h2, main h3')].filter((h) => shown(h) && !h.closest('figure') && !visibleAfter(h)).map((h) => h.textContent),
            nav: shown(document.querySelector('.site-nav')),
            search: shown(document.querySelector('.site-search')),
            contents: shown(document.querySelector('.contents')),
            printUrl: shown(document.querySelector('.print-url')) ? document.querySelector('.print-url')!.textContent : null,
            neighboursTable: shown(document.querySelector('#neighbours table')),
          };
        });
        expect(r.figures.length).toBeGreaterThanOrEqual(15);
        for (const f of r.figures) {
          expect(f.breakInside, f.id).toBe('avoid');
          expect(f.height, `${f.id} is ${Math.round(f.height)}px tall in print`).toBeLessThan(PRINTABLE_HEIGHT_PX);
          expect([f.graphicShown, f.sourceShown, f.citeShown], `${f.id}: chart, source and citation print`).toEqual([true, true, true]);
        }
        expect(r.emptyHeadings).toEqual([]);
        expect([r.nav, r.search, r.contents]).toEqual([false, false, false]);
        expect(r.neighboursTable).toBe(true);
        expect(r.printUrl).toContain(`/areas/${slug}/`);
      } finally {
        await page.close();
      }
    });
  }

  it('/compare/ prints the comparison, not the picker', async () => {
    site();
    const pdf = await printPage(chromium.browser(), `${chromium.origin()}/compare/?areas=coventry,derby,wolverhampton,southampton`, '#compare-table');
    mkdirSync(PRINT_DIR, { recursive: true });
    const file = path.join(PRINT_DIR, 'compare.pdf');
    writeFileSync(file, pdf);
    const flat = squash(pdfText(file));
    expect(flat).toContain(squash('Side by side'));
    expect(flat).toContain(squash('Over time'));
    for (const n of ['Coventry', 'Derby', 'Wolverhampton', 'Southampton']) expect(flat).toContain(n);
    expect(flat).not.toContain(squash('Choose areas'));
    expect(flat).not.toContain(squash('Tick up to'));
    const small = wordSizes(file).filter((w) => w.word.trim() !== '' && w.pt < MIN_PT - 0.05);
    expect(small.slice(0, 10).map((w) => `${w.word} ${w.pt.toFixed(2)}pt`)).toEqual([]);
  }, 120_000);
});
