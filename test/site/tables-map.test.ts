/**
 * One responsive table pattern everywhere, and the home map's keyboard and phone aids (issue 13),
 * checked in the built HTML of every sitemap page:
 * - every <table> sits directly in a focusable scroll region (a named <section>, so role region; tabindex="0")
 *   labelled by the table's own <caption>, with the caption's text also shown in full above it;
 * - each England map has a skip link to a target after it, a name label and <title> for every
 *   area, and a link to the A to Z list of areas.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../scripts/gates/report.ts';
import type { Problem } from '../../scripts/gates/links.ts';
import { site } from './context.ts';

// Astro adds data-astro-cid-* attributes to elements styled by a page's own CSS.
const TABLE = /<section class="table-scroll[^"]*" aria-labelledby="([^"]+)" tabindex="0"[^>]*>\s*<table\b[^>]*>\s*<caption id="([^"]+)"[^>]*>([^<]*)/g;

export function tableProblems(url: string, html: string): Problem[] {
  const problems: Problem[] = [];
  const tables = (html.match(/<table\b/g) ?? []).length;
  const wrapped = [...html.matchAll(TABLE)];
  if (wrapped.length !== tables) problems.push({ page: url, message: `${tables - wrapped.length} of ${tables} tables are not in a labelled, focusable scroll region` });
  for (const m of wrapped) {
    if (m[1] !== m[2]) problems.push({ page: url, message: `scroll region labelled by #${m[1]} but its table's caption is #${m[2]}` });
    const shown = `<p class="table-caption`;
    const before = html.slice(Math.max(0, m.index! - 2000), m.index!);
    if (!before.includes(shown)) problems.push({ page: url, message: `table #${m[2]}: caption "${m[3]!.slice(0, 40)}" is not shown above the scroll region` });
  }
  return problems;
}

describe('site: tables and maps on a phone', () => {
  it('every table is in a focusable scroll region labelled by its caption, caption shown in full', () => {
    const problems = site().pages.filter((p) => !p.url.includes('?')).flatMap((p) => tableProblems(p.url, readFileSync(p.file, 'utf8')));
    expect(problems.length, formatProblems('Table pattern gate', problems)).toBe(0);
  }, 300_000);

  it('the check fails a bare table and a region labelled by something else', () => {
    expect(tableProblems('/x/', '<div class="table-wrap"><table><caption>T</caption></table></div>')[0]!.message).toMatch(/1 of 1 tables/);
    const wrong = '<p class="table-caption">T</p><section class="table-scroll" aria-labelledby="a" tabindex="0"><table><caption id="b">T</caption></table></section>';
    expect(tableProblems('/x/', wrong).map((p) => p.message)).toEqual(['scroll region labelled by #a but its table\'s caption is #b']);
  });

  it('each England map has a skip link past it, every area named on focus and hover, and the A to Z alternative', () => {
    const s = site();
    const withMap = s.pages.filter((p) => ['/', '/inspections/', '/absence/'].includes(p.url));
    expect(withMap.length).toBe(3);
    for (const p of withMap) {
      const html = readFileSync(p.file, 'utf8');
      const skip = /<a class="skip-map" href="#([^"]+)"[^>]*>Skip the map \((\d+) links\)<\/a>/.exec(html);
      expect(skip, p.url).not.toBeNull();
      expect(html).toContain(`id="${skip![1]}"`);
      const map = html.slice(html.indexOf('class="skip-map"'), html.indexOf(`id="${skip![1]}"`));
      const links = (map.match(/<a href="\/areas\/[^"]+\/[^"]*"[^>]* aria-label=/g) ?? []).length;
      expect(links, p.url).toBe(Number(skip![2]));
      expect((map.match(/<g class="map-name" aria-hidden="true"[^>]*>/g) ?? []).length).toBe(links);
      expect((map.match(/<path class="area"[^>]*><title>/g) ?? []).length).toBe(links);
      expect(map).toMatch(/href="\/areas\/"[^>]*>A to Z list of local areas<\/a>/);
    }
  });
});
