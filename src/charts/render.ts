/**
 * Render Observable Plot charts to SVG markup at build time, under linkedom.
 * Output is deterministic: generated ids are re-indexed per chart and long
 * decimals rounded, so two builds produce identical bytes.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { escapeXml } from './svg.ts';
import type { ChartSpec } from './types.ts';

/**
 * Every chart is drawn twice at build time and CSS shows one (no JavaScript):
 * - desktop: CHART_WIDTH user units, shown at the column width (up to 50rem), so
 *   14 px text renders at 14–17.5 px;
 * - phone (below 40rem): PHONE_WIDTH units, shown in a 343 px column on a 375 px
 *   phone, so no text is below PHONE_MIN_FONT × 343/344 ≈ 13 px (never under 12).
 */
export const CHART_WIDTH = 640;
export const CHART_FONT_SIZE = 14;
export const PHONE_WIDTH = 344;
export const PHONE_FONT_SIZE = 13;
/** No text in a phone chart is drawn smaller than this (user units ≈ CSS px at 375 px). */
export const PHONE_MIN_FONT = 13;
/** Screen width (rem) below which the phone drawing is shown. */
export const PHONE_BREAKPOINT_REM = 40;
/**
 * DfE palette: dark blue, turquoise, maroon, orange. Each is at least 3:1
 * against white (blue 10.3, turquoise 3.2, maroon 9.8, orange 3.0).
 * `grey` is the context colour for "the rest": #8C8C8C is 3.4:1 against white
 * and 3.1:1 against the blue (the DfE focus grey #BFBFBF is only 1.8:1).
 */
export const PALETTE = { blue: '#12436D', turquoise: '#28A197', maroon: '#801650', orange: '#F46A25', grey: '#8C8C8C', darkGrey: '#505A5F', text: '#0B0C0C' } as const;

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * Plot draws a colour legend as HTML beside the SVG, which a standalone SVG or
 * PNG would lose. So a chart asking for `color: { legend: true }` gets its key
 * drawn inside the SVG instead: swatch and label, in rows above the plot.
 */
export function renderPlot(options: Plot.PlotOptions, form: 'desktop' | 'phone' = 'desktop'): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const color = options.color as { legend?: boolean; domain?: unknown[]; range?: unknown[] } | undefined;
  const key = color?.legend ? keyItems(color) : [];
  const phone = form === 'phone';
  const font = phone ? PHONE_FONT_SIZE : CHART_FONT_SIZE;
  // A y-axis label sits at the top-left corner, above the top tick label: keep room for both.
  const yLabel = (options.y as { label?: unknown; axis?: unknown } | undefined)?.label;
  const needTop = typeof yLabel === 'string' && yLabel !== '' && (options.y as { axis?: unknown }).axis !== null ? Math.ceil(font * 2.4) : 0;
  const el = Plot.plot({
    width: phone ? PHONE_WIDTH : CHART_WIDTH,
    style: { fontSize: `${phone ? PHONE_FONT_SIZE : CHART_FONT_SIZE}px`, fontFamily: FONT_FAMILY, color: PALETTE.text, background: 'transparent' },
    ...options,
    ...(phone ? { width: PHONE_WIDTH } : {}),
    ...(needTop > (options.marginTop ?? 20) ? { marginTop: needTop } : {}),
    ...(color ? { color: { ...color, legend: false } } : {}),
    document: document as unknown as Document,
  });
  const html = (el as unknown as { outerHTML: string; tagName: string });
  if (html.tagName.toLowerCase() !== 'svg') throw new Error('Plot returned HTML, not SVG: label marks directly (no legends or titles in Plot options)');
  const svg = key.length > 0 ? withKey(html.outerHTML, key, phone ? PHONE_MIN_FONT : KEY_FONT) : html.outerHTML;
  return tidySvg(thinTickLabels(phone ? raiseFontSizes(svg, PHONE_MIN_FONT) : svg, phone ? PHONE_MIN_FONT : CHART_FONT_SIZE));
}

/**
 * Drop x-axis tick labels that would overprint their neighbour (the tick marks stay):
 * the last label (the latest year) is always kept; working from the left, any other label is
 * kept only if it clears the last kept one, and the last label, by 6 px.
 * Applies to every chart, so a narrow drawing never crowds its axis.
 */
export function thinTickLabels(svg: string, font: number): string {
  const label = /<text\b[^>]*transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*>([^<]*(?:<tspan[^>]*>[^<]*<\/tspan>)*[^<]*)<\/text>/g;
  return svg.replace(/(<g[^>]*aria-label="(?:x|fx)-axis tick label"[^>]*>)([^]*?)(<\/g>)/g, (_m, open: string, body: string, close: string) => {
    const anchor = /text-anchor="(start|end)"/.exec(open)?.[1] ?? 'middle';
    const extent = (x: string, inner: string) => {
      const lines = inner.includes('<tspan') ? [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!) : [inner];
      const w = Math.max(...lines.map((l) => textWidth(l.replace(/&amp;/g, '&'), font)));
      const cx = Number(x);
      const left = anchor === 'start' ? cx : anchor === 'end' ? cx - w : cx - w / 2;
      return { left, right: left + w };
    };
    const labels = [...body.matchAll(label)].filter((m) => !/rotate/.test(m[0])).map((m) => extent(m[1]!, m[2]!));
    const last = labels.at(-1);
    let lastRight = -Infinity;
    let i = -1;
    const kept = body.replace(label, (t: string) => {
      if (/rotate/.test(t)) return t;
      i++;
      const { left, right } = labels[i]!;
      if (i < labels.length - 1 && (left < lastRight + 6 || right + 6 > last!.left)) return '';
      lastRight = right;
      return t;
    });
    return open + kept + close;
  });
}

/** Raise every font size in the markup below `min` to `min` (attributes and inline styles). */
export function raiseFontSizes(svg: string, min: number): string {
  return svg
    .replace(/font-size="([\d.]+)(px)?"/g, (m, n: string) => (Number(n) < min ? `font-size="${min}"` : m))
    .replace(/font-size:\s*([\d.]+)px/g, (m, n: string) => (Number(n) < min ? `font-size: ${min}px` : m));
}

/**
 * Approximate rendered width of `text` in px at `size` (Arial/Helvetica-like metrics),
 * for sizing margins so labels are never clipped. Errs on the wide side.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if ('iljI|!.,:;\'’'.includes(ch)) em += 0.28;
    else if ('ftr( )-'.includes(ch)) em += 0.36;
    else if ('mwMW'.includes(ch)) em += 0.86;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else em += 0.57;
  }
  // ×1.1: wide enough for DejaVu Sans (Linux's system-ui), wider than Arial or Segoe UI.
  return Math.ceil(em * size * 1.1 * (bold ? 1.08 : 1));
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

/** Lay the key out in rows that fit the chart width, then put the plot below it. */
export function withKey(plotSvg: string, items: KeyItem[], font = KEY_FONT): string {
  const row = Math.max(KEY_ROW, font + 7);
  const width = Number(/\bwidth="([\d.]+)"/.exec(plotSvg)?.[1] ?? CHART_WIDTH);
  const height = Number(/\bheight="([\d.]+)"/.exec(plotSvg)?.[1] ?? 0);
  const parts: string[] = [];
  let x = 0;
  let rowN = 0;
  for (const item of items) {
    // Approximate text width: 0.6 em a character is generous for sans-serif at this size.
    const w = SWATCH + 6 + textWidth(item.label, font) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      rowN++;
    }
    const y = rowN * row;
    parts.push(`<rect x="${x}" y="${y + 3}" width="${SWATCH}" height="${SWATCH}" fill="${escapeXml(item.fill)}" stroke="${PALETTE.text}" stroke-width="0.5"></rect>`);
    parts.push(`<text x="${x + SWATCH + 6}" y="${y + 14}">${escapeXml(item.label)}</text>`);
    x += w;
  }
  const keyHeight = (rowN + 1) * row + 8;
  const total = height + keyHeight;
  // The plot's root <svg> becomes a <g> moved below the key (a nested <svg> would pick up
  // Plot's `height: auto` style and be scaled); it keeps the attributes its text inherits.
  const open = /^<svg\b([^>]*)>/.exec(plotSvg);
  if (!open) throw new Error('withKey: not an SVG');
  const inherited = [...open[1]!.matchAll(/\s(text-anchor|font-size|font-family|fill|class|style)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
  const body = plotSvg.slice(open[0].length).replace(/<\/svg>$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(FONT_FAMILY)}" font-size="${font}" fill="${PALETTE.text}"><g class="chart-key">${parts.join('')}</g><g transform="translate(0,${keyHeight})"${inherited}>${body}</g></svg>`;
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

/** The desktop drawing: also the downloadable SVG and PNG. */
export function chartSvg(spec: ChartSpec): string {
  if (spec.svg) return spec.svg;
  if (!spec.plot) throw new Error(`chart ${spec.id}: nothing to render`);
  return tidySvg(renderPlot(spec.plot), spec.id);
}

/**
 * The phone drawing: the chart's phone form (`phonePlot` / `phoneSvg`) if it has one,
 * else its plot redrawn PHONE_WIDTH wide with text at least PHONE_MIN_FONT.
 */
export function chartPhoneSvg(spec: ChartSpec): string {
  if (spec.phoneSvg) return spec.phoneSvg;
  if (spec.svg) return spec.svg;
  const plot = spec.phonePlot ?? spec.plot;
  if (!plot) throw new Error(`chart ${spec.id}: nothing to render`);
  return tidySvg(renderPlot(plot, 'phone'), `${spec.id}-p`);
}
