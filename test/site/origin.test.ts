/**
 * One site origin (issue 14): no file in dist/ names a placeholder domain, and
 * every absolute URL of the site itself (canonical links, sitemap, citations,
 * embed codes, standalone SVG footers, print headers) starts with the
 * configured origin (SITE_URL, scripts/site-origin.mjs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { walk } from '../../scripts/gates/site.ts';
import { PLACEHOLDER_HOST, siteOrigin } from '../../scripts/site-origin.mjs';
import { site } from './context.ts';

const TEXT = /\.(html|xml|svg|txt|csv|json|js|css)$/;
const PLACEHOLDER = /\b[\w.-]*example\.(?:org|com|net)\b|\bhttps?:\/\/localhost\b|\[date\]/i;
const AREAS = ['coventry', 'warwickshire', 'isles-of-scilly', 'north-northamptonshire'];

describe('site: one origin', () => {
  it('the configured origin is a real https origin, and placeholders are refused', () => {
    expect(siteOrigin()).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    expect(PLACEHOLDER_HOST.test(new URL(siteOrigin()).hostname)).toBe(false);
    expect(() => siteOrigin({ SITE_URL: 'https://send-outcomes.example.org' })).toThrow(/placeholder/);
    expect(() => siteOrigin({ SITE_URL: 'http://send-outcomes-england.org.uk' })).toThrow(/https/);
    expect(siteOrigin({ SITE_URL: 'https://data.example-council.gov.uk' })).toBe('https://data.example-council.gov.uk');
  });

  it('no file in dist/ names a placeholder domain or an unfilled "[date]"', () => {
    const { dir } = site();
    const bad: string[] = [];
    let n = 0;
    for (const rel of walk(dir)) {
      if (!TEXT.test(rel)) continue;
      n++;
      const m = PLACEHOLDER.exec(readFileSync(path.join(dir, rel), 'utf8'));
      if (m) bad.push(`${rel}: ${m[0]}`);
    }
    expect(n).toBeGreaterThan(1000);
    expect(bad.slice(0, 20)).toEqual([]);
  }, 300_000);

  it('sitemap, canonical links, print headers, citations, embed codes and chart files use the configured origin', () => {
    const { dir, origin } = site();
    expect(origin).toBe(siteOrigin());
    for (const slug of AREAS) {
      const { document } = parseHTML(readFileSync(path.join(dir, 'areas', slug, 'index.html'), 'utf8'));
      const urls: string[] = [document.querySelector('link[rel="canonical"]')!.getAttribute('href')!];
      urls.push(/Printed from (\S+?)\.?$/.exec(document.querySelector('.print-url')!.textContent!.trim().replace(/\s*Printed on.*$/, ''))?.[1] ?? 'missing print URL');
      for (const el of document.querySelectorAll('.cite-text, .print-cite')) {
        for (const u of el.textContent!.match(/https?:\/\/[^\s"'<>]+/g) ?? []) urls.push(u.replace(/[.,]$/, ''));
      }
      expect(urls.length).toBeGreaterThan(40);
      for (const u of urls) expect(u.startsWith(`${origin}/`), `${slug}: ${u}`).toBe(true);
      const svg = readFileSync(path.join(dir, 'charts', 'benchmark-timeliness-20-weeks', slug, 'chart.svg'), 'utf8');
      expect(svg).toContain(`${origin}/areas/${slug}/#chart-benchmark-timeliness-20-weeks`);
    }
    const sitemap = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(300);
    for (const l of locs) expect(l.startsWith(`${origin}/`), l).toBe(true);
  });
});
