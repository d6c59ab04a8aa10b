/**
 * The phone form of a chart that ranks every area (one bar each): the first 10 and the last 10
 * in the ranking and a line for a reference value, with the full ranking left to the table. Names
 * carry their rank ("1. Kent") and wrap at 18 characters; text stays at the phone size.
 */
import * as Plot from '@observablehq/plot';
import { plural } from '../lib/format.ts';
import { PALETTE, textWidth } from './render.ts';
import { wrapLines } from './svg.ts';

export interface RankedPhoneOptions {
  /** x-axis label, above the bars. */
  xLabel: string;
  /** How a bar's value reads beside it. */
  format: (v: number) => string;
  /** x-axis tick labels. */
  tickFormat?: (v: number) => string;
  /** A reference drawn as a dashed line with its label under the plot (the median, England). */
  reference: { x: number; label: string };
}

/** `data` in the order the ranking reads (rank 1 first). */
export function rankedPhonePlot(data: readonly { name: string; v: number }[], o: RankedPhoneOptions): Plot.PlotOptions {
  const n = data.length;
  const ranked = data.map((d, i) => ({ ...d, name: `${i + 1}. ${d.name}` }));
  // Twenty areas or fewer are all shown; otherwise the first 10, a line for the rest, the last 10.
  const shown = n <= 20 ? ranked : [...ranked.slice(0, 10), ...ranked.slice(-10)];
  const between = n <= 20 ? [] : [`${plural(n - 20, 'area')} in between`];
  const domain = [...shown.slice(0, 10).map((d) => d.name), ...between, ...shown.slice(10).map((d) => d.name)];
  const marginLeft = Math.max(...domain.flatMap((name) => wrapLines(name, 18)).map((l) => textWidth(l, 13))) + 10;
  const valueText = (d: { v: number }) => o.format(d.v);
  return {
    height: 110 + domain.length * 30,
    marginLeft,
    marginRight: 64,
    marginTop: 50,
    marginBottom: 36,
    x: { grid: true, label: o.xLabel, axis: 'top', nice: true, labelAnchor: 'center', labelArrow: 'none', ticks: 4, ...(o.tickFormat ? { tickFormat: o.tickFormat } : {}) },
    y: { domain, label: null, tickSize: 0, tickFormat: (name: string) => wrapLines(name, 18).join('\n') },
    marks: [
      Plot.barX(shown, { y: 'name', x: 'v', fill: PALETTE.blue }),
      Plot.text(shown, { y: 'name', x: 'v', text: valueText, dx: 4, textAnchor: 'start', fill: PALETTE.text }),
      Plot.ruleX([o.reference.x], { stroke: PALETTE.orange, strokeWidth: 2, strokeDasharray: '6,3' }),
      Plot.text([{ x: o.reference.x }], { x: 'x', frameAnchor: 'bottom', text: () => o.reference.label, dy: 22, textAnchor: 'middle', fill: PALETTE.text }),
      Plot.ruleX([0]),
    ],
  };
}
