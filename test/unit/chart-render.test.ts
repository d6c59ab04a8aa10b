/**
 * Charts render to SVG at build time under a server DOM. These snapshot tests
 * pin the markup (as Observable Plot's own tests do) for hand-made data, and
 * check the parts we add: the in-SVG colour key and stable ids.
 */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { PALETTE, renderPlot, tidySvg } from '../../src/charts/render.ts';
import { standaloneSvg } from '../../src/charts/standalone.ts';
import { wrapLines } from '../../src/charts/svg.ts';
import type { ChartSpec } from '../../src/charts/types.ts';

const rows = [
  { year: '2022', group: 'EHC plan', rate: 12.5 },
  { year: '2022', group: 'No SEN', rate: 5.1 },
  { year: '2023', group: 'EHC plan', rate: 13.75 },
  { year: '2023', group: 'No SEN', rate: 5.4 },
];

const keyed: Plot.PlotOptions = {
  height: 200,
  color: { legend: true, domain: ['EHC plan', 'No SEN'], range: [PALETTE.blue, PALETTE.grey] },
  marks: [Plot.barY(rows, { x: 'year', y: 'rate', fill: 'group', fx: 'group' })],
};

describe('renderPlot', () => {
  it('draws a requested colour key inside the SVG, not as HTML', () => {
    const svg = renderPlot(keyed);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<figure');
    expect(svg).not.toContain('<div');
    expect(svg).toContain('<g class="chart-key">');
    expect(svg).toContain('>EHC plan</text>');
    expect(svg).toContain(`fill="${PALETTE.grey}"`);
  });

  it('renders the same bytes every time (reproducible build)', () => {
    expect(renderPlot(keyed)).toBe(renderPlot(keyed));
  });

  it('matches the snapshot', async () => {
    await expect(renderPlot(keyed)).toMatchFileSnapshot('__snapshots__/keyed-bars.svg');
  });

  it('refuses a key without a domain and range to match', () => {
    expect(() => renderPlot({ ...keyed, color: { legend: true } })).toThrow(/color.domain and color.range/);
  });

  it('refuses Plot options that make HTML (a title)', () => {
    expect(() => renderPlot({ title: 'A title', marks: [Plot.dot(rows, { x: 'year', y: 'rate' })] })).toThrow(/HTML, not SVG/);
  });
});

describe('tidySvg', () => {
  it('renames generated ids per chart and rounds long decimals', () => {
    const out = tidySvg('<clipPath id="plot-clip-17"></clipPath><g clip-path="url(#plot-clip-17)"><rect x="1.234567"/></g>', 'ehcp');
    expect(out).toBe('<clipPath id="ehcp-1"></clipPath><g clip-path="url(#ehcp-1)"><rect x="1.2"/></g>');
  });
});

describe('standalone chart files', () => {
  it('wraps at spaces and cuts tokens longer than a line', () => {
    expect(wrapLines('one two three four', 9, { cut: true })).toEqual(['one two', 'three', 'four']);
    expect(wrapLines('see https://example.org/a/very/long/path', 10, { cut: true })).toEqual(['see', 'https://ex', 'ample.org/', 'a/very/lon', 'g/path']);
  });

  it('puts title, subtitle, source and the chart URL in the file, escaped', () => {
    const spec: ChartSpec = {
      id: 'test-chart', key: 'england', title: 'Absence <rose> & fell', subtitle: 'Overall absence rate', source: 'DfE', sourceIds: [], release: 'March 2026',
      columns: [], rows: [{ a: 1 }], summary: 'It rose.', notes: [], plot: keyed, placeName: 'England', page: '/absence/',
    };
    const svg = standaloneSvg(spec, 'https://example.org/absence/#chart-test-chart');
    expect(svg).toContain('Absence &lt;rose&gt; &amp; fell');
    expect(svg).toContain('Source: DfE, March 2026.');
    expect(svg).toContain('#chart-test-chart');
    expect(svg).toMatch(/<desc id="d">It rose\.<\/desc>/);
  });
});
