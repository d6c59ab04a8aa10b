import { describe, expect, it } from 'vitest';
import { belowMinimum, type LighthouseResult } from '../../scripts/gates/lighthouse.ts';
import { loadConfig } from '../../scripts/gates/config.ts';
import { choosePages, fileName } from '../../scripts/screenshots.ts';
import { GOOD } from './helpers.ts';

describe('lighthouse thresholds', () => {
  const result = (scores: LighthouseResult['scores']): LighthouseResult => ({ path: '/', scores, failedAudits: [] });

  it('requires performance >= 95, accessibility 100 and best-practices/SEO >= 95 (from gates.config.json)', () => {
    const min = loadConfig().lighthouse.minScores;
    expect(min).toMatchObject({ performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 });
    expect(belowMinimum([result({ performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 })])).toEqual([]);
    expect(belowMinimum([result({ performance: 94, accessibility: 100, 'best-practices': 95, seo: 95 })])).toEqual(['/: performance 94 < 95']);
    expect(belowMinimum([result({ performance: 100, accessibility: 99, 'best-practices': 100, seo: 94 })])).toEqual([
      '/: accessibility 99 < 100',
      '/: seo 94 < 95',
    ]);
  });
});

describe('screenshot page choice', () => {
  it('takes configured pages that exist, and the first match of a wildcard', () => {
    expect(choosePages(GOOD, ['/', '/areas/*', '/regions/*', '/inspections/', '/absence/'])).toEqual(['/', '/areas/warwickshire/', '/inspections/']);
    expect(choosePages(GOOD, ['/areas/somewhere-else/'])).toEqual(['/areas/warwickshire/']);
    expect(fileName('/', 375)).toBe('home-375.png');
    expect(fileName('/areas/warwickshire/', 1280)).toBe('areas-warwickshire-1280.png');
  });
});
