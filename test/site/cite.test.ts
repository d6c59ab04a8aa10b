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
import { site } from './context.ts';

const AREAS = ['warwickshire', 'westminster', 'north-northamptonshire'];

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
        const cite = fig.querySelector('.cite .cite-text')!.textContent!;
        const pageUrl = `${origin}/areas/${slug}/#${id}`;
        expect(cite).toContain(title);
        expect(cite).toContain(document.querySelector('h1')!.textContent!.trim());
        expect(cite).toContain('SEND outcomes in England');
        expect(cite).toContain(pageUrl);
        expect(cite).toMatch(/Accessed \[date\]/);
      }
      for (const id of ids) expect(document.getElementById(id), `anchor #${id}`).not.toBeNull();
    });
  }
});
