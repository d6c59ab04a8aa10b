/**
 * The one line builder (lineChartPlot in src/charts/lines.ts) over text periods ("2018/19"), as
 * the absence charts call it, from fixture series: golden SVGs, desktop and phone. It takes
 * numbers or null, so a suppressed year reaches it as null (the absence charts' notes name the
 * symbol); the goldens show it is a gap, not 0. lines.test.ts draws the same builder over
 * numeric years, through the area line chart.
 */
import { describe, expect, it } from 'vitest';
import { checkGoldenPair } from './golden.ts';
import { chartPhoneSvg, chartSvg, dotsIn, lineChartPlot, wordsIn, type ChartSpec } from './fixtures.ts';
import { COMPARISON_STYLE, NEIGHBOURS_LABEL } from '../../src/charts/series-style.ts';

const PERIODS = ['2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24'];
const ENGLAND = [10.9, 13.1, 12.1, 22.5, 21.2, 19.4];
const REGION = [10.2, 12.5, 11.8, 21.9, 20.6, 18.7];
const NEIGHBOURS = [11.5, 13.8, 12.9, 23.8, 22.0, 20.1];

type Series = Parameters<typeof lineChartPlot>[1];
const comparisons = (region: string): Series => [
  { name: 'England', values: ENGLAND, ...COMPARISON_STYLE.england },
  { name: region, values: REGION, ...COMPARISON_STYLE.region },
  { name: NEIGHBOURS_LABEL, values: NEIGHBOURS, ...COMPARISON_STYLE.neighbours },
];

function golden(name: string, series: Series) {
  const spec = { id: 'fixture-absence-lines', plot: lineChartPlot(PERIODS, series, { yLabel: 'Persistently absent (%)', format: (n) => `${n.toFixed(1)}%`, ticks: PERIODS.filter((_, i) => i % 3 === 0) }) } as unknown as ChartSpec;
  return checkGoldenPair('absence-lines', name, { desktop: chartSvg(spec), phone: chartPhoneSvg(spec) });
}

const AREA = COMPARISON_STYLE.area.stroke;

describe('absence line builder goldens', () => {
  it('normal: the area and its comparisons, each labelled at its end with its value', () => {
    const { desktop, phone } = golden('normal', [{ name: 'Coventry', values: [12.0, 14.2, 13.0, 25.1, 23.9, 21.7], ...COMPARISON_STYLE.area }, ...comparisons('West Midlands')]);
    for (const svg of [desktop, phone]) expect(dotsIn(svg, AREA)).toBe(6);
    expect(desktop).toMatch(/>Coventry<\/tspan>[^]*?>21\.7%</);
  });

  it('suppressed: null years are gaps, never dots at 0', () => {
    const { desktop, phone } = golden('suppressed', [{ name: 'Rutland', values: [9.1, null, 10.4, null, 18.8, 17.0], ...COMPARISON_STYLE.area }, ...comparisons('East Midlands')]);
    for (const svg of [desktop, phone]) expect(dotsIn(svg, AREA)).toBe(4);
  });

  it('reorganised: the predecessor as its own thin dashed line, labelled; the area from its first year', () => {
    const { desktop } = golden('reorganised', [
      { name: 'Westmorland and Furness', values: [null, null, null, null, 20.9, 19.8], ...COMPARISON_STYLE.area },
      { name: 'Cumbria (before April 2023)', values: [10.1, 12.4, 11.0, 21.7, null, null], ...COMPARISON_STYLE.other, ownLabel: true },
      ...comparisons('North West'),
    ]);
    expect(wordsIn(desktop)).toContain('Cumbria (before April 2023) 21.7%');
    expect(dotsIn(desktop, AREA)).toBe(2 + 4); // the area's 2 and the predecessor's 4 (same colour, dashed)
  });

  it('all missing: no line or label for the area; the comparisons still drawn', () => {
    const { desktop, phone } = golden('all-missing', [{ name: 'Isles of Scilly', values: [null, null, null, null, null, null], ...COMPARISON_STYLE.area }, ...comparisons('South West')]);
    for (const svg of [desktop, phone]) {
      expect(dotsIn(svg, AREA)).toBe(0);
      expect(svg).not.toContain('Isles of Scilly');
    }
  });
});
