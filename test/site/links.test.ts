import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/gates/config.ts';
import { checkLinks } from '../../scripts/gates/links.ts';
import { formatProblems } from '../../scripts/gates/report.ts';
import { site } from './context.ts';

describe('site: sitemap and links', () => {
  it('sitemap.xml lists absolute URLs on one origin, each with a page in dist/, and every page is listed', () => {
    const s = site();
    expect(s.sitemapProblems, s.sitemapProblems.join('\n')).toEqual([]);
    expect(s.pages.length).toBeGreaterThan(0);
  });

  it('every internal href/src and #anchor resolves; external links go only to allowed hosts', () => {
    const s = site();
    const problems = checkLinks({ dir: s.dir, pages: s.allPages, origin: s.origin, config: loadConfig().externalLinks });
    expect(problems.length, formatProblems('Link gate', problems)).toBe(0);
  }, 600_000);
});
