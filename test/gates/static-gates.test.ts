/**
 * Self-tests for the static gates against fixture sites (no dist/ needed):
 * the good fixture passes every gate; each defect in the broken fixture is caught.
 */
import { describe, expect, it } from 'vitest';
import { loadBudgets, loadConfig } from '../../scripts/gates/config.ts';
import { checkBudgets } from '../../scripts/gates/budgets.ts';
import { checkFigures } from '../../scripts/gates/figures.ts';
import { checkHtml } from '../../scripts/gates/htmlvalid.ts';
import { checkLinks, hostAllowed } from '../../scripts/gates/links.ts';
import { checkExternalRequests } from '../../scripts/gates/requests.ts';
import { checkSecurity, cspAllows } from '../../scripts/gates/security.ts';
import { allHtmlPages, embedPages, readSitemap, urlToFile } from '../../scripts/gates/site.ts';
import { BROKEN, GOOD, brokenBudgets, on, site } from './helpers.ts';

const config = loadConfig();

describe('sitemap and page discovery', () => {
  it('maps sitemap locs to files and finds embeds outside the sitemap', () => {
    const sm = readSitemap(GOOD);
    expect(sm.problems).toEqual([]);
    expect(sm.origin).toBe('https://send-outcomes-england.org.uk');
    expect(sm.pages.map((p) => p.url)).toEqual(['/', '/areas/', '/areas/warwickshire/', '/inspections/']);
    expect(sm.pages[2]!.file.endsWith('areas/warwickshire/index.html')).toBe(true);
    expect(embedPages(GOOD).map((p) => p.url)).toEqual(['/embed/areas/warwickshire/']);
    expect(site(GOOD).pages).toHaveLength(5);
  });

  it('reports sitemap locs that have no page', () => {
    expect(readSitemap(`${GOOD}/areas`).problems).toEqual(['sitemap.xml not found']);
    expect(urlToFile(GOOD, '/nope/')).toBeNull();
    expect(urlToFile(GOOD, '/../../package.json')).toBeNull();
  });
});

describe('link gate', () => {
  it('passes the good fixture', () => {
    const s = site(GOOD);
    expect(checkLinks({ dir: GOOD, pages: s.pages, origin: s.origin, config: config.externalLinks })).toEqual([]);
  });

  it('fails a broken internal link, a missing #anchor and a missing local #anchor', () => {
    const s = site(BROKEN);
    const msgs = on(checkLinks({ dir: BROKEN, pages: s.pages, origin: s.origin, config: config.externalLinks }), '/broken-link/');
    expect(msgs).toHaveLength(3);
    expect(msgs.join('\n')).toContain('no file in the build for /no-such-page/');
    expect(msgs.join('\n')).toContain('no element with id="no-such-anchor" in areas/warwickshire/index.html');
    expect(msgs.join('\n')).toContain('no element with id="nowhere"');
  });

  it('fails external links to hosts off the allow-list and plain http', () => {
    const s = site(BROKEN);
    const msgs = on(checkLinks({ dir: BROKEN, pages: s.pages, origin: s.origin, config: config.externalLinks }), '/external-link/').join('\n');
    expect(msgs).toContain('evil.example.com is not on the allow-list');
    expect(msgs).toContain('http://www.gov.uk/');
  });

  it('matches allow-list patterns by host suffix, not substring', () => {
    const hosts = config.externalLinks.allowedHosts;
    expect(hostAllowed('www.gov.uk', hosts)).toBe(true);
    expect(hostAllowed('www.warwickshire.gov.uk', hosts)).toBe(true);
    expect(hostAllowed('reports.ofsted.gov.uk', hosts)).toBe(true);
    expect(hostAllowed('github.com', hosts)).toBe(true);
    expect(hostAllowed('evilgov.uk', hosts)).toBe(false);
    expect(hostAllowed('gov.uk.evil.com', hosts)).toBe(false);
    expect(hostAllowed('gist.github.com', hosts)).toBe(false);
  });
});

describe('external-request gate', () => {
  it('passes the good fixture', () => {
    const s = site(GOOD);
    expect(checkExternalRequests(GOOD, s.pages, s.origin)).toEqual([]);
  });

  it('fails an external <script src> and an external stylesheet, but not external <a href>', () => {
    const s = site(BROKEN);
    const problems = checkExternalRequests(BROKEN, s.pages, s.origin);
    expect(on(problems, '/external-script/').join('\n')).toContain('<script src="https://cdn.example.com/lib.js"> loads from another host');
    expect(on(problems, '/external-style/').join('\n')).toContain('fonts.example.com');
    expect(on(problems, '/external-link/')).toEqual([]);
  });
});

describe('security gate', () => {
  it('passes the good fixture', () => {
    expect(checkSecurity(site(GOOD).pages)).toEqual([]);
  });

  it('fails a page without a CSP meta', () => {
    expect(on(checkSecurity(site(BROKEN).pages), '/no-csp/')).toEqual(['no <meta http-equiv="Content-Security-Policy">']);
  });

  it('fails an external script the CSP does not permit', () => {
    const msgs = on(checkSecurity(site(BROKEN).pages), '/external-script/');
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('not permitted by the CSP script-src');
  });

  it('fails an onclick= attribute and an inline script, but allows JSON-LD', () => {
    const problems = checkSecurity(site(BROKEN).pages);
    expect(on(problems, '/onclick/')).toEqual(['inline event handler <button onclick="alert(1)">']);
    const inline = on(problems, '/inline-script/');
    expect(inline).toHaveLength(1);
    expect(inline[0]).toMatch(/^inline <script>/);
  });

  it("rejects 'unsafe-inline' in script-src (or default-src standing in for it)", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/csp-`);
    const mk = (csp: string, name: string) => {
      writeFileSync(`${dir}/${name}.html`, `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${csp}"><title>x</title></head><body></body></html>`);
      return { url: `/${name}.html`, file: `${dir}/${name}.html` };
    };
    const problems = checkSecurity([
      mk("default-src 'self'; script-src 'self' 'unsafe-inline'", 'a'),
      mk("default-src 'self' 'unsafe-inline'", 'b'),
      mk("default-src 'self' 'unsafe-inline'; script-src 'self'", 'c'),
      mk("img-src 'self'", 'd'),
    ]);
    expect(on(problems, '/a.html')).toEqual(["CSP script-src allows 'unsafe-inline'"]);
    expect(on(problems, '/b.html')).toEqual(["CSP default-src allows 'unsafe-inline'"]);
    expect(on(problems, '/c.html')).toEqual([]);
    expect(on(problems, '/d.html')).toEqual(['CSP has neither script-src nor default-src']);
  });

  it('matches CSP source expressions', () => {
    const o = 'https://site.example';
    expect(cspAllows(["'self'"], new URL('/_astro/a.js', o), o)).toBe(true);
    expect(cspAllows(["'self'"], new URL('https://cdn.example.com/a.js'), o)).toBe(false);
    expect(cspAllows(["'self'", 'https://cdn.example.com'], new URL('https://cdn.example.com/a.js'), o)).toBe(true);
    expect(cspAllows(['*.example.com'], new URL('https://cdn.example.com/a.js'), o)).toBe(true);
    expect(cspAllows(['https:'], new URL('https://cdn.example.com/a.js'), o)).toBe(true);
    expect(cspAllows(["'none'"], new URL('/a.js', o), o)).toBe(false);
  });
});

describe('html-validate gate', () => {
  it('passes the good fixture (including inline SVG charts)', async () => {
    expect(await checkHtml(allHtmlPages(GOOD))).toEqual([]);
  });

  it('fails invalid HTML', async () => {
    const msgs = on(await checkHtml(site(BROKEN).pages), '/invalid-html/').join('\n');
    expect(msgs).toMatch(/close-order|element-permitted-content/);
  });
});

describe('chart figure gate', () => {
  it('passes the good fixture', () => {
    expect(checkFigures(site(GOOD).pages, config.a11y.textAlternativeSelector)).toEqual([]);
  });

  it('fails a figure with an svg and no caption or table', () => {
    const msgs = on(checkFigures(site(BROKEN).pages, config.a11y.textAlternativeSelector), '/no-figcaption/');
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toContain('no non-empty <figcaption>');
    expect(msgs[1]).toContain('no text alternative');
  });
});

describe('budget gate', () => {
  it('passes the good fixture against the committed budgets.json, counting the island JS and its imports', () => {
    const { problems, weights } = checkBudgets(GOOD, site(GOOD).pages, loadBudgets());
    expect(problems).toEqual([]);
    const home = weights.find((w) => w.url === '/')!;
    expect(home.type).toBe('home');
    expect(home.jsFiles.sort()).toEqual(['/_astro/chunk.js', '/_astro/search.js']);
    expect(home.js).toBeGreaterThan(0);
    expect(weights.find((w) => w.url === '/areas/warwickshire/')!.js).toBe(0);
  });

  it('fails an oversize page and JS on a page type with no JS budget', () => {
    const { problems } = checkBudgets(BROKEN, site(BROKEN).pages, brokenBudgets());
    expect(on(problems, '/oversize/').join('\n')).toMatch(/oversize: total HTML\+CSS\+JS [\d.]+ KB gzipped > budget 4 KB/);
    expect(on(problems, '/unexpected-js/').join('\n')).toMatch(/JS [\d.]+ KB gzipped > budget 0 KB/);
    expect(on(problems, '/no-csp/')).toEqual([]);
  });

  it('has a budget for every page type the site will have', () => {
    const rules = loadBudgets();
    const type = (u: string) => rules.find((r) => new RegExp(r.pattern).test(u))?.type;
    expect(type('/areas/warwickshire/')).toBe('area');
    expect(type('/regions/london/')).toBe('region');
    expect(type('/embed/areas/warwickshire/ehcp/')).toBe('embed');
    expect(type('/inspections/')).toBe('topic-with-island');
    expect(type('/absence/')).toBe('topic');
    const area = rules.find((r) => r.type === 'area')!;
    expect(area.totalKB).toBeLessThanOrEqual(100);
    // Issue 14: chart pages may load the citation script (copy buttons, today's date), at most 2 KB; they read fully without it.
    expect(area.jsKB).toBeLessThanOrEqual(2);
  });
});
