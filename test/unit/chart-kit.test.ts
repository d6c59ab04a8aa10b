/**
 * The chart kit's phone readability rules (issue 13): phone drawings are PHONE_WIDTH wide
 * with no text under PHONE_MIN_FONT; tick labels never overprint; every series colour is
 * at least 3:1 against white; the mark-contrast check catches a faint mark.
 */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { lowContrastMarks, contrast, parseColour } from '../../scripts/gates/layout.ts';
import { CHART_WIDTH, PALETTE, PHONE_MIN_FONT, PHONE_WIDTH, chartPhoneSvg, chartSvg, raiseFontSizes, renderPlot, textWidth, thinTickLabels } from '../../src/charts/render.ts';
import { wrapLines } from '../../src/charts/svg.ts';
import { COMPARISON_STYLE, SEN_STYLE } from '../../src/charts/series-style.ts';
import type { ChartSpec } from '../../src/charts/types.ts';

const years = Array.from({ length: 12 }, (_, i) => ({ year: `20${10 + i}/${11 + i}`, v: 10 + i }));
const plot: Plot.PlotOptions = {
  height: 200,
  y: { label: 'Persistently absent (%)', grid: true },
  x: { type: 'point', label: null },
  marks: [Plot.line(years, { x: 'year', y: 'v', stroke: PALETTE.blue }), Plot.text([years[0]], { x: 'year', y: 'v', text: () => 'small', fontSize: 9 })],
};
const spec = { id: 'kit-test', plot } as unknown as ChartSpec;

describe('chart kit', () => {
  it('draws the desktop form CHART_WIDTH wide and the phone form PHONE_WIDTH wide with no text under the minimum', () => {
    expect(chartSvg(spec)).toMatch(new RegExp(`^<svg[^>]*width="${CHART_WIDTH}"`));
    const phone = chartPhoneSvg(spec);
    expect(phone).toMatch(new RegExp(`^<svg[^>]*width="${PHONE_WIDTH}"`));
    const sizes = [...phone.matchAll(/font-size[=:]\s*"?([\d.]+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(PHONE_MIN_FONT);
    expect(raiseFontSizes('<text font-size="9">a</text><g style="font-size: 10px">', 13)).toBe('<text font-size="13">a</text><g style="font-size: 13px">');
  });

  it('keeps room for the y-axis label above the top tick', () => {
    const svg = renderPlot(plot);
    const label = /<g[^>]*aria-label="y-axis label"[^>]*>/.exec(svg)![0];
    const dy = Number(/translate\([-\d.]+,(-[\d.]+)\)/.exec(label)![1]);
    expect(-dy).toBeGreaterThanOrEqual(14 * 2.4 - 3 - 0.5);
  });

  it('thins x tick labels that would overprint and leaves others alone', () => {
    const crowded = '<g aria-label="x-axis tick label"><text transform="translate(10,0)">2015/16</text><text transform="translate(30,0)">2016/17</text><text transform="translate(100,0)">2017/18</text></g>';
    const thinned = thinTickLabels(crowded, 13);
    expect(thinned).toContain('2015/16');
    expect(thinned).not.toContain('2016/17');
    expect(thinned).toContain('2017/18');
    const roomy = crowded.replace('translate(30,0)', 'translate(200,0)').replace('translate(100,0)', 'translate(400,0)');
    expect(thinTickLabels(roomy, 13)).toBe(roomy);
    // The last label (the latest year) always stays; the one crowding it goes.
    const crowdedEnd = '<g aria-label="x-axis tick label"><text transform="translate(10,0)">2019</text><text transform="translate(60,0)">2023</text><text transform="translate(80,0)">2024</text></g>';
    expect(thinTickLabels(crowdedEnd, 13)).toBe('<g aria-label="x-axis tick label"><text transform="translate(10,0)">2019</text><text transform="translate(80,0)">2024</text></g>');
  });

  it('estimates text widths generously and wraps names', () => {
    expect(textWidth('Yorkshire and The Humber', 14)).toBeGreaterThan(180);
    expect(wrapLines('Bournemouth, Christchurch and Poole', 22)).toEqual(['Bournemouth,', 'Christchurch and Poole']);
  });

  it('gives every series a colour at least 3:1 against white, and a dash or weight where colours are close', () => {
    const white = parseColour('#fff')!;
    for (const st of [...Object.values(COMPARISON_STYLE), ...Object.values(SEN_STYLE)]) expect(contrast(parseColour(st.stroke)!, white)).toBeGreaterThanOrEqual(3);
    const { area, england, region, neighbours } = COMPARISON_STYLE;
    const styles = [area, england, region, neighbours] as { stroke: string; dash?: string; width: number }[];
    for (let i = 0; i < styles.length; i++) {
      for (let j = i + 1; j < styles.length; j++) {
        const [a, b] = [styles[i]!, styles[j]!];
        if (contrast(parseColour(a.stroke)!, parseColour(b.stroke)!) < 3) expect(`${a.dash}|${a.width}`).not.toBe(`${b.dash}|${b.width}`);
      }
    }
    expect(contrast(parseColour(PALETTE.grey)!, white)).toBeGreaterThanOrEqual(3);
  });

  it('the mark-contrast check flags a faint data mark but not axes, grids or white', () => {
    const faint = renderPlot({ marks: [Plot.barY([{ x: 'a', y: 1 }], { x: 'x', y: 'y', fill: '#BFBFBF' }), Plot.ruleY([0])] });
    expect(lowContrastMarks(faint).join()).toMatch(/#BFBFBF is 1\.8\d:1/);
    const fine = renderPlot({ y: { grid: true }, marks: [Plot.barY([{ x: 'a', y: 1 }], { x: 'x', y: 'y', fill: PALETTE.grey, stroke: 'white' }), Plot.ruleY([0])] });
    expect(lowContrastMarks(fine)).toEqual([]);
  });
});
