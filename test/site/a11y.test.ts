/**
 * Accessibility of the real build: axe-core (WCAG 2.0/2.1/2.2 A+AA tags) and visible keyboard
 * focus on every sitemap page and one embed of each chart (see sampleEmbeds), served from dist/ on loopback; plus the chart
 * rule (figure with svg => figcaption + table/text alternative) on every built page.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../../scripts/gates/a11y.ts';
import { loadConfig } from '../../scripts/gates/config.ts';
import { checkFigures } from '../../scripts/gates/figures.ts';
import { formatProblems } from '../../scripts/gates/report.ts';
import { site, useBrowser } from './context.ts';

const { a11y } = loadConfig();
const chromium = useBrowser();

describe('site: accessibility', () => {
  it('every sitemap page and one embed of each chart has zero axe violations and visible keyboard focus', async () => {
    const s = site();
    const problems = await checkA11y({
      browser: chromium.browser(),
      origin: chromium.origin(),
      pages: s.pages,
      tags: a11y.axeTags,
      concurrency: a11y.concurrency,
      focusTabStops: a11y.focusTabStops,
    });
    expect(problems.length, formatProblems('Accessibility gate', problems)).toBe(0);
  }, 900_000);

  it('every chart figure has a figcaption and a table or text alternative', () => {
    const problems = checkFigures(site().allPages, a11y.textAlternativeSelector);
    expect(problems.length, formatProblems('Chart figure gate', problems)).toBe(0);
  });
});
