/** The built home page tells the story: computed headlines, the patterned outcome map, who is next, the latest releases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from './context.ts';

const home = () => readFileSync(join(site().dir, 'index.html'), 'utf8');

describe('site: home page', () => {
  it('has four headlines on SEND in England, each with a figure and a link to its chart', () => {
    const html = home();
    for (const [id, href] of [
      ['plans', '/ehc-plans/#growth'],
      ['timeliness', '/ehc-plans/#timeliness'],
      ['inspections', '/inspections/#map'],
      ['absence', '/absence/#map'],
    ]) {
      const i = html.indexOf(`id="headline-${id}"`);
      expect(i, id).toBeGreaterThan(0);
      const li = html.slice(i, html.indexOf('</li>', i));
      expect(li, id).toMatch(/<strong class="headline-figure">[\d,.]+%?( of [\d,]+)?<\/strong>/);
      expect(li, id).toContain(`href="${href}"`);
    }
  });

  it('maps every area by its latest inspection outcome, with patterns, and lists who is expected next', () => {
    const html = home();
    const map = html.slice(html.indexOf('id="map"'), html.indexOf('id="next"'));
    expect(map.match(/<path class="area"[^>]*>/g) ?? []).toHaveLength(153);
    expect(map).toMatch(/<pattern id="home-map-outcome-3"/);
    expect(map).toMatch(/Not yet inspected under the 2023 framework \(\d+\)/);
    const next = html.slice(html.indexOf('id="next"'), html.indexOf('id="latest-data"'));
    expect(next.match(/<li><a href="\/areas\/[^"]+\/#inspections">/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html.slice(html.indexOf('id="latest-data"'))).toContain('href="/data/#what-changed"');
  });
});
