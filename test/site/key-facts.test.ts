/**
 * Area pages (built dist/): the latest inspection of any framework leads, small
 * numbers are shown with their counts and never called out, and the inspection
 * letters are linked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from './context.ts';

const page = (slug: string) => readFileSync(join(site().dir, 'areas', slug, 'index.html'), 'utf8');
const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));

describe('site: area key facts', () => {
  it("Coventry's key facts lead with its October 2019 inspection", () => {
    const facts = between(page('coventry'), 'id="key-facts"', 'id="stands-out"');
    const first = facts.match(/<p class="fact-value">([^<]*)<\/p>/)![1]!;
    expect(first).toMatch(/^October 2019: /);
  });

  it('Isles of Scilly calls out nothing based on 1 plan, and shows the count behind its rate', () => {
    const html = page('isles-of-scilly');
    expect(html).toMatch(/100\.0% in \d{4} – 1 of 1 plan/);
    const standsOut = between(html, 'id="stands-out"', '</section>');
    expect(standsOut).not.toContain('100.0%');
    expect(standsOut).not.toContain('issued within 20 weeks');
    expect(standsOut).not.toContain('pupils with an EHC plan were persistently absent');
  });

  it('City of London says comparisons with its "not close" neighbours mean less', () => {
    const html = page('city-of-london');
    expect(html).toContain('id="neighbours-not-close"');
    expect(html).toContain('comparisons with them mean less');
    expect(page('coventry')).not.toContain('id="neighbours-not-close"');
  });

  it("Bristol's inspection summary links the inspection letter", () => {
    const html = page('bristol');
    const section = between(html, 'id="inspections"', 'id="inspections-entries"');
    expect(section).toContain('5 significant weaknesses');
    expect(section).toMatch(/<a href="https:\/\/reports\.ofsted\.gov\.uk\/provider\/44\/80441">the 2019 letter<\/a>/);
  });
});
