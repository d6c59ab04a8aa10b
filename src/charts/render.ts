/**
 * Render Observable Plot charts to SVG markup at build time, under linkedom.
 * Output is deterministic: generated ids are re-indexed per chart and long
 * decimals rounded, so two builds produce identical bytes.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartSpec } from './types.ts';

export const CHART_WIDTH = 440;
export const CHART_FONT_SIZE = 14;
/** DfE palette: dark blue, turquoise, maroon, orange; grey for context. */
export const PALETTE = { blue: '#12436D', turquoise: '#28A197', maroon: '#801650', orange: '#F46A25', grey: '#BFBFBF', darkGrey: '#505A5F', text: '#0B0C0C' } as const;

export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({
    width: CHART_WIDTH,
    style: { fontSize: `${CHART_FONT_SIZE}px`, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', color: PALETTE.text, background: 'transparent' },
    ...options,
    document: document as unknown as Document,
  });
  return tidySvg((el as unknown as { outerHTML: string }).outerHTML);
}

/** Round coordinates to 1 dp and give generated ids stable, chart-local names. */
export function tidySvg(svg: string, idPrefix = 'c'): string {
  const ids = new Map<string, string>();
  const rounded = svg.replace(/(\d+\.\d)\d{2,}/g, (_, keep: string) => keep);
  return rounded.replace(/\b(plot-clip-\d+|plot-marker-\d+|plot-pattern-\d+)\b/g, (id: string) => {
    if (!ids.has(id)) ids.set(id, `${idPrefix}-${ids.size + 1}`);
    return ids.get(id)!;
  });
}

export function chartSvg(spec: ChartSpec): string {
  if (spec.svg) return spec.svg;
  if (!spec.plot) throw new Error(`chart ${spec.id}: nothing to render`);
  return tidySvg(renderPlot(spec.plot), spec.id);
}
