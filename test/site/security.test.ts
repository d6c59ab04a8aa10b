import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../scripts/gates/report.ts';
import { checkSecurity } from '../../scripts/gates/security.ts';
import { headersFor, parseHeadersFile } from '../../scripts/gates/headers.ts';
import { site } from './context.ts';

describe('site: security', () => {
  it("every page has a CSP meta without 'unsafe-inline' in script-src, no inline handlers or inline scripts", () => {
    const problems = checkSecurity(site().allPages);
    expect(problems.length, formatProblems('Security gate', problems)).toBe(0);
  }, 600_000);
});

describe('site: framing policy (issue 17)', () => {
  it('dist/_headers lets any site frame /embed/ pages and no site frame any other page or file', () => {
    const { dir, allPages } = site();
    const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
    for (const page of allPages) {
      const h = headersFor(rules, page.url);
      if (page.url.startsWith('/embed/')) {
        expect(h['content-security-policy'], page.url).toBe('frame-ancestors *');
        expect(h['x-frame-options'], page.url).toBeUndefined();
      } else {
        expect(h['content-security-policy'], page.url).toBe("frame-ancestors 'none'");
        expect(h['x-frame-options'], page.url).toBe('DENY');
      }
    }
    // Every top-level file and folder is covered, so a new section cannot be framed either.
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'embed' || e.name === '_headers') continue;
      const probe = e.isDirectory() ? `/${e.name}/x` : `/${e.name}`;
      expect(headersFor(rules, probe)['x-frame-options'], probe).toBe('DENY');
    }
  });

  it('no page puts frame-ancestors in its <meta> CSP (browsers ignore it there)', () => {
    for (const p of site().allPages.filter((_, i) => i % 50 === 0)) {
      const html = readFileSync(p.file, 'utf8');
      expect(/http-equiv="Content-Security-Policy" content="[^"]*frame-ancestors/i.test(html), p.url).toBe(false);
    }
  });
});
