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

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * Plot draws a colour legend as HTML beside the SVG, which a standalone SVG or
 * PNG would lose. So a chart asking for `color: { legend: true }` gets its key
 * drawn inside the SVG instead: swatch and label, in rows above the plot.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const color = options.color as { legend?: boolean; domain?: unknown[]; range?: unknown[] } | undefined;
  const key = color?.legend ? keyItems(color) : [];
  const el = Plot.plot({
    width: CHART_WIDTH,
    style: { fontSize: `${CHART_FONT_SIZE}px`, fontFamily: FONT_FAMILY, color: PALETTE.text, background: 'transparent' },
    ...options,
    ...(color ? { color: { ...color, legend: false } } : {}),
    document: document as unknown as Document,
  });
  const html = (el as unknown as { outerHTML: string; tagName: string });
  if (html.tagName.toLowerCase() !== 'svg') throw new Error('Plot returned HTML, not SVG: label marks directly (no legends or titles in Plot options)');
  return tidySvg(key.length > 0 ? withKey(html.outerHTML, key) : html.outerHTML);
}

interface KeyItem { label: string; fill: string }

function keyItems(color: { domain?: unknown[]; range?: unknown[] }): KeyItem[] {
  const { domain, range } = color;
  if (!Array.isArray(domain) || !Array.isArray(range) || domain.length !== range.length) {
    throw new Error('a chart with a colour key must give color.domain and color.range of the same length');
  }
  return domain.map((d, i) => ({ label: String(d), fill: String(range[i]) }));
}

const KEY_FONT = 13;
const KEY_ROW = 20;
const SWATCH = 13;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Lay the key out in rows that fit the chart width, then put the plot below it. */
export function withKey(plotSvg: string, items: KeyItem[]): string {
  const width = Number(/\bwidth="([\d.]+)"/.exec(plotSvg)?.[1] ?? CHART_WIDTH);
  const height = Number(/\bheight="([\d.]+)"/.exec(plotSvg)?.[1] ?? 0);
  const parts: string[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    // Approximate text width: 0.6 em a character is generous for sans-serif at this size.
    const w = SWATCH + 6 + item.label.length * KEY_FONT * 0.6 + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const y = row * KEY_ROW;
    parts.push(`<rect x="${x}" y="${y + 3}" width="${SWATCH}" height="${SWATCH}" fill="${escapeXml(item.fill)}" stroke="${PALETTE.text}" stroke-width="0.5"></rect>`);
    parts.push(`<text x="${x + SWATCH + 6}" y="${y + 14}">${escapeXml(item.label)}</text>`);
    x += w;
  }
  const keyHeight = (row + 1) * KEY_ROW + 8;
  const total = height + keyHeight;
  // The plot's root <svg> becomes a <g> moved below the key (a nested <svg> would pick up
  // Plot's `height: auto` style and be scaled); it keeps the attributes its text inherits.
  const open = /^<svg\b([^>]*)>/.exec(plotSvg);
  if (!open) throw new Error('withKey: not an SVG');
  const inherited = [...open[1]!.matchAll(/\s(text-anchor|font-size|font-family|fill|class|style)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
  const body = plotSvg.slice(open[0].length).replace(/<\/svg>$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(FONT_FAMILY)}" font-size="${KEY_FONT}" fill="${PALETTE.text}"><g class="chart-key">${parts.join('')}</g><g transform="translate(0,${keyHeight})"${inherited}>${body}</g></svg>`;
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
