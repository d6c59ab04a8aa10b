/**
 * The one line builder's own rules (src/charts/lines.ts), beyond what the goldens show: a series
 * broken where its method changes keeps both figures of the changeover year and is labelled once;
 * a gap is never a 0; mixed period kinds and a break at a period that is not there stop.
 */
import { describe, expect, it } from 'vitest';
import { dotsIn, wordsIn } from './fixtures.ts';
import { lineChartPlot, linesPlot } from '../../src/charts/lines.ts';
import { renderPlot } from '../../src/charts/render.ts';
import { COMPARISON_STYLE } from '../../src/charts/series-style.ts';

const ENG = COMPARISON_STYLE.england.stroke;

describe('line builder', () => {
  it('a series in two segments keeps both figures of the year in both, and has one end label', () => {
    const rows = [
      { year: 2022, series: 'England', value: 2.0, segment: 'old' },
      { year: 2023, series: 'England', value: 2.5, segment: 'old' },
      { year: 2023, series: 'England', value: 5.8, segment: 'new' },
      { year: 2024, series: 'England', value: 6.1, segment: 'new' },
    ];
    const svg = renderPlot(linesPlot(rows, { England: COMPARISON_STYLE.england }, { yLabel: '%', unit: '%', breakX: 2023, breakLabel: 'Method changed' }));
    expect(dotsIn(svg, ENG)).toBe(4);
    expect(svg.match(/aria-label="line"/g)).toHaveLength(2);
    expect(wordsIn(svg).match(/England/g)).toHaveLength(1);
    expect(wordsIn(svg)).toContain('England 6.1%');
    expect(wordsIn(svg)).toContain('Method changed');
  });

  it('a null is a gap (no dot, no 0), and the end label is the last figure', () => {
    const svg = renderPlot(lineChartPlot(['2021/22', '2022/23', '2023/24'], [{ name: 'Rutland', values: [4, null, 6], ...COMPARISON_STYLE.england }], { yLabel: 'Rate', format: (n) => `${n}%` }));
    expect(dotsIn(svg, ENG)).toBe(2);
    expect(wordsIn(svg)).toContain('Rutland 6%');
    expect(svg).not.toContain('NaN');
  });

  it('stops on mixed period kinds and on a break at a period it does not have', () => {
    const s = [{ name: 'A', values: [1, 2], stroke: '#000' }];
    expect(() => lineChartPlot([2020, '2021'] as (number | string)[], s, { yLabel: '' })).toThrow(/all numbers or all text/);
    expect(() => lineChartPlot([2020, 2021], s, { yLabel: '', breakAt: 2019 })).toThrow(/break at 2019, which is not a period/);
  });
});
