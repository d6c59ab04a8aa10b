/**
 * Every chart on an area page can be cited and downloaded: a stable anchor, CSV,
 * SVG and PNG files that exist and are what they say, an embed page that links
 * back, and a citation naming the chart, the area, the site, the release and
 * the page URL with the anchor. Walked for three areas, including a reorganised one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { site, useBrowser } from './context.ts';

const chromium = useBrowser();
const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

const AREAS = ['coventry', 'warwickshire', 'isles-of-scilly', 'westminster', 'north-northamptonshire'];

function fileFor(dir: string, href: string): string {
  const path = decodeURIComponent(href.split('#')[0]!);
  return join(dir, path.endsWith('/') ? `${path}index.html` : path);
}

describe('site: cite and download every chart', () => {
  for (const slug of AREAS) {
    it(`${slug}: each chart has working CSV, SVG and PNG links, an embed and a citation with a resolving anchor`, () => {
      const { dir, origin } = site();
      const { document } = parseHTML(readFileSync(join(dir, 'areas', slug, 'index.html'), 'utf8'));
      const figures = [...document.querySelectorAll('figure.chart')];
      expect(figures.length).toBeGreaterThanOrEqual(8);
      const ids = new Set<string>();
      for (const fig of figures) {
        const id = fig.getAttribute('id')!;
        expect(id, 'figure id').toMatch(/^chart-[a-z0-9-]+$/);
        expect(ids.has(id), `duplicate anchor ${id}`).toBe(false);
        ids.add(id);
        const title = fig.querySelector('.chart-title')!.textContent!.trim();
        const hrefs = [...fig.querySelectorAll('.chart-actions a')].map((a) => a.getAttribute('href')!);
        const csv = hrefs.find((h) => h.endsWith('/data.csv'))!;
        const svg = hrefs.find((h) => h.endsWith('/chart.svg'))!;
        const png = hrefs.find((h) => h.endsWith('/chart.png'))!;
        const embed = hrefs.find((h) => h.startsWith('/embed/'))!;
        for (const h of [csv, svg, png, embed]) expect(existsSync(fileFor(dir, h)), `${id}: ${h} missing`).toBe(true);
        const csvText = readFileSync(fileFor(dir, csv), 'utf8');
        expect(csvText.split('\n').length, `${id}: CSV has no rows`).toBeGreaterThan(1);
        const svgText = readFileSync(fileFor(dir, svg), 'utf8');
        expect(svgText).toContain('<svg');
        expect(svgText).toContain(`#${id}`); // the file says where the chart lives
        expect([...readFileSync(fileFor(dir, png)).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
        expect(readFileSync(fileFor(dir, embed), 'utf8')).toContain(`/areas/${slug}/#${id}`);
        const cite = fig.querySelector(`#${id}-cite`)!.textContent!;
        const short = fig.querySelector(`#${id}-cite-short`)!.textContent!;
        const pageUrl = `${origin}/areas/${slug}/#${id}`;
        const source = fig.querySelector('.chart-source')!.textContent!.replace(/^Source: /, '').replace(/\.$/, '');
        for (const c of [cite, short]) {
          expect(c).toContain(title);
          expect(c).toContain(document.querySelector('h1')!.textContent!.trim());
          expect(c).toContain('SEND outcomes in England');
          expect(c).toContain(pageUrl);
          // Complete without JavaScript: nothing left to fill in.
          expect(c).not.toMatch(/\[date\]|\[|\]/);
        }
        // The full form names the publisher, publication and release, as the source line does.
        expect(cite).toContain(source);
        // The script adds "Accessed <today>" here; without it the span is empty.
        expect(fig.querySelector(`#${id}-cite [data-cite-accessed]`)).not.toBeNull();
        expect(fig.querySelector(`#${id}-embed`)!.textContent).toContain(`<iframe src="${origin}/embed/`);
        for (const what of ['cite', 'cite-short', 'embed']) {
          const button = fig.querySelector(`button[data-copy="${id}-${what}"]`)!;
          expect(button, `${id}: copy button for ${what}`).not.toBeNull();
          expect(fig.querySelector(`#${id}-${what}-status`)!.getAttribute('aria-live')).toBe('polite');
        }
      }
      for (const id of ids) expect(document.getElementById(id), `anchor #${id}`).not.toBeNull();
    });
  }

  it('Coventry: "Copy citation" on the 20-week timeliness charts copies a dated citation with the chart URL, title, area and DfE release, and says so', async () => {
    const { origin } = site();
    const context = await chromium.browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await context.newPage();
      await page.goto(`${chromium.origin()}/areas/coventry/`);
      for (const id of ['chart-area-ehcp-timeliness', 'chart-benchmark-timeliness-20-weeks']) {
        const fig = page.locator(`#${id}`);
        const title = (await fig.locator('.chart-title').textContent())!.trim();
        await fig.locator('details.cite > summary').click();
        await fig.getByRole('button', { name: 'Copy citation' }).click();
        await expect.poll(() => fig.locator(`#${id}-cite-status`).textContent()).toBe('Citation copied');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toContain(`${origin}/areas/coventry/#${id}`);
        expect(copied).toContain(title);
        expect(copied).toContain('Coventry');
        expect(copied).toContain('Education, health and care plans');
        expect(copied).toContain('June 2025');
        expect(copied).toContain(`Accessed ${today()}.`);
        await fig.getByRole('button', { name: 'Copy embed code' }).click();
        await expect.poll(() => fig.locator(`#${id}-embed-status`).textContent()).toBe('Embed code copied');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`<iframe src="${origin}/embed/`);
      }
    } finally {
      await context.close();
    }
  });
});
