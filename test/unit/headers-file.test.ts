/** The _headers file (scripts/headers.mjs): embeds may be framed anywhere, other pages nowhere, on hosts that merge rules. */
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/gates/headers.ts';
import { headersFile } from '../../scripts/headers.mjs';

const rules = parseHeadersFile(headersFile(['_astro/', 'about/', 'areas/', 'charts/', 'data/', 'embed/', 'index.html', '404.html', 'embed.js', 'sitemap.xml']));

describe('_headers', () => {
  it('lets any site frame an embed, with no deny rule merged in', () => {
    const h = headersFor(rules, '/embed/area-appeal-rate/coventry/');
    expect(h['content-security-policy']).toBe('frame-ancestors *');
    expect(h['x-frame-options']).toBeUndefined();
    expect(h['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/', '/index.html', '/areas/coventry/', '/about/data/', '/data/', '/404.html', '/charts/x/y/data.csv'])('denies framing of %s', (p) => {
    const h = headersFor(rules, p);
    expect(h['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
  });

  it('parses host semantics: splats match below, exact paths only themselves, repeated headers join', () => {
    const r = parseHeadersFile('/a/*\n  X-A: 1\n/a/b\n  X-A: 2\n');
    expect(headersFor(r, '/a/b')['x-a']).toBe('1, 2');
    expect(headersFor(r, '/a/c')['x-a']).toBe('1');
    expect(headersFor(r, '/ab')['x-a']).toBeUndefined();
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/_headers:1/);
  });
});
