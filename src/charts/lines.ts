/**
 * The one line builder: named series over periods, each line labelled at its end with its name
 * and latest value (colour is never the only cue), gaps left as gaps. Every line chart on the
 * site is drawn by `lineChartPlot`; `linesPlot` is a thin wrapper for data in long form
 * (one row per year and series).
 *
 * - x: numeric periods (years) are placed by value, so a missing year keeps its width; text
 *   periods ("2023/24") are placed one step apart in order.
 * - y: from 0 (or the lowest value, if below 0) to a little above the highest, rounded out to
 *   nice ticks; never inverted. A fixed `yDomain` (e.g. 0 to 100%) overrides it.
 * - a period with no figure breaks the line: it is never drawn as 0. Where the series says why
 *   (`gaps`, e.g. a suppressed figure), a hollow ring under the year labels marks the period and
 *   a key line under it says what it means (the ring is never on the axis, where it would read as 0).
 * - end labels: in near-black text (the series colours are not all 4.5:1 as text), spread apart
 *   so they never overlap, kept inside the plot; the chart grows taller when they need room.
 * - series styles and names come from series-style.ts (COMPARISON_STYLE, SEN_STYLE, NEIGHBOURS_LABEL).
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber } from '../lib/format.ts';
import { CHART_FONT_SIZE, PALETTE, textWidth } from './render.ts';
import { wrapLines } from './svg.ts';

export type Period = number | string;

export interface LineSeries {
  name: string;
  /** One value per period; null (or undefined) is a gap. */
  values: readonly (number | null | undefined)[];
  stroke: string;
  /** SVG stroke-dasharray; undefined = solid. */
  dash?: string;
  width?: number;
  /** Label the line above its own last point (a series that stops early), not in the column of end labels. */
  ownLabel?: boolean;
  /**
   * Why a period has no figure, where the drawing should say so (e.g. "suppressed"): the period
   * gets a hollow ring under its year label and the chart a key line under that
   * ("No figure for Rutland: suppressed"). Null or absent: a plain gap.
   */
  gaps?: readonly (string | null | undefined)[];
  /** Drawn but not labelled: an earlier piece of a series broken where its method changed (the piece after it is labelled). */
  unlabelled?: boolean;
}

export interface LineOptions<P extends Period = Period> {
  /** The y-axis label, at the top left. */
  yLabel: string;
  /** How y-axis ticks read: '%' → "40%", '£' → "£1,200", '' → "40". */
  unit?: '%' | '' | '£';
  /** How an end label's value reads (default: by `unit`, 1 decimal place for % and plain numbers). */
  format?: (n: number) => string;
  /** Least height (the chart grows when its labels need more). */
  height?: number;
  yDomain?: [number, number];
  /** The periods given a tick (default: numeric periods every year over 6 years or fewer, else every other year ending at the latest; text periods all). */
  ticks?: readonly P[];
  /** How a period reads on the x axis (default: as given). */
  tickFormat?: (p: P) => string;
  /** A dotted line halfway before this period (a break in the series), labelled above the plot… */
  breakAt?: P;
  /** …or at this exact x (a numeric period). */
  breakX?: number;
  breakLabel?: string;
  /** Width kept right of the plot for the end labels (default: the widest label). */
  labelWidth?: number;
}

/** Pixel height of one line of an end label. */
const LABEL_LINE = 17;
/** How far right of the last point an end label's colour dot sits. */
const SWATCH_DX = 12;
/** An end label's name wraps at this many characters. */
const LABEL_CHARS = 14;
const MIN_HEIGHT = 320;
/** The gap key starts this far below the plot (under the x tick labels) and wraps at this many characters (fits a phone). */
const GAP_KEY_TOP = 46;
const GAP_RING_DY = 34;
const GAP_KEY_CHARS = 40;

const defaultFormat = (unit: LineOptions['unit']) => (n: number) => (unit === '£' ? `£${formatNumber(n)}` : unit === '%' ? `${formatNumber(n, 1)}%` : formatNumber(n, 1));

/**
 * Spread end labels apart so they do not overlap (in data units), keeping them at or below
 * `top` and at or above `bottom` (the axis, so a label at 0 never sits on the year labels).
 * Each item's `h` is its height; neighbours keep half of each other's height apart.
 */
export function spreadLabels<T extends { y: number; h: number }>(items: T[], top = Infinity, bottom = -Infinity): (T & { ly: number })[] {
  const sorted = [...items].sort((a, b) => a.y - b.y).map((d) => ({ ...d, ly: Math.max(d.y, bottom + d.h / 2) }));
  const need = (i: number) => (sorted[i]!.h + sorted[i - 1]!.h) / 2;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.ly - sorted[i - 1]!.ly < need(i)) sorted[i]!.ly = sorted[i - 1]!.ly + need(i);
  const last = sorted.at(-1);
  if (last && last.ly > top - last.h / 2) {
    last.ly = top - last.h / 2;
    for (let i = sorted.length - 2; i >= 0; i--) sorted[i]!.ly = Math.min(sorted[i]!.ly, sorted[i + 1]!.ly - need(i + 1));
  }
  return sorted;
}

/** Year ticks that fit a narrow chart: every year over 6 years or fewer, else every other year, ending at the latest. */
function yearTicks(years: readonly number[]): number[] {
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const step = hi - lo > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = hi; y >= lo; y -= step) ticks.unshift(y);
  return ticks;
}

/** A line chart of `series` over `periods` (see the file comment). */
export function lineChartPlot<P extends Period>(periods: readonly P[], series: readonly LineSeries[], opts: LineOptions<P>): Plot.PlotOptions {
  const kinds = new Set<string>(periods.map((p) => typeof p));
  const numeric = kinds.has('number');
  if (kinds.size > 1) throw new Error('lineChartPlot: periods must be all numbers or all text');
  const xOf = (i: number): number => (numeric ? (periods[i] as number) : i);
  const format = opts.format ?? defaultFormat(opts.unit);
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  // A series with no figure at all is neither drawn nor labelled.
  const drawn = series.filter((s) => s.values.some(ok));
  const points = drawn.flatMap((s) => s.values.map((v, i) => ({ s, x: xOf(i), y: ok(v) ? v : NaN })));
  const ys = points.map((p) => p.y).filter((v) => Number.isFinite(v));
  if (ys.length === 0) throw new Error('lineChartPlot: no figures to draw');
  const xs = points.filter((p) => Number.isFinite(p.y)).map((p) => p.x);

  // End labels: the name wrapped, then the latest value.
  const ends = drawn.filter((s) => !s.unlabelled).map((s) => {
    let i = s.values.length - 1;
    while (!ok(s.values[i])) i--;
    const v = s.values[i] as number;
    const text = s.ownLabel ? `${s.name} ${format(v)}` : [...wrapLines(s.name, LABEL_CHARS), format(v)].join('\n');
    return { s: s.name, stroke: s.stroke, x: xOf(i), y: v, text, lines: text.split('\n').length, own: s.ownLabel === true };
  });
  const column = ends.filter((e) => !e.own);
  const own = ends.filter((e) => e.own);
  const labelLines = column.reduce((n, e) => n + e.lines, 0);

  // Gaps the drawing names (also for a series with no figure at all): a ring under each period's year, one key line per series.
  const gapRings = series.flatMap((s) => s.values.flatMap((v, i) => (!ok(v) && s.gaps?.[i] ? [{ x: xOf(i), stroke: s.stroke }] : [])));
  // (pieces of one series, broken where its method changed, share one key line)
  const gapWhy = new Map<string, { stroke: string; why: Set<string> }>();
  for (const s of series) s.values.forEach((v, i) => {
    if (ok(v) || !s.gaps?.[i]) return;
    const k = gapWhy.get(s.name) ?? { stroke: s.stroke, why: new Set<string>() };
    k.why.add(s.gaps[i]!);
    gapWhy.set(s.name, k);
  });
  const gapKeys = [...gapWhy].map(([name, k]) => ({ stroke: k.stroke, lines: wrapLines(`No figure for ${name}: ${[...k.why].join(', ')}`, GAP_KEY_CHARS) }));
  const nice = scaleLinear().domain([Math.min(0, ...ys), Math.max(...ys) * 1.1]).nice().domain() as [number, number];
  // A percentage that cannot pass 100 (every figure is at most 100) never gets an axis beyond 100%.
  const [lo, hi] = opts.yDomain ?? (opts.unit === '%' && Math.max(...ys) <= 100 ? [nice[0], Math.min(nice[1], 100)] : nice);
  const widest = (lines: string[]) => Math.max(0, ...lines.map((l) => textWidth(l, CHART_FONT_SIZE)));
  // The gap key goes under the x axis: the chart grows by its height, the plot keeps its own.
  const gapKeyHeight = gapKeys.length ? GAP_KEY_TOP - 36 + gapKeys.reduce((h, k) => h + k.lines.length * LABEL_LINE + 4, 0) : 0;
  const plotHeight = Math.max(opts.height ?? MIN_HEIGHT, 100 + labelLines * (LABEL_LINE + 2));
  const marginTop = opts.breakAt !== undefined || opts.breakX !== undefined ? 50 : 20;
  const unitsPerPx = (hi - lo) / (plotHeight - marginTop - 30);
  const lastX = Math.max(...xs);
  const labels = spreadLabels(column.map((e) => ({ ...e, h: (e.lines * LABEL_LINE + LABEL_LINE / 3) * unitsPerPx })), hi, lo).map((e) => ({
    ...e,
    x: lastX,
    // The swatch sits beside the label's first line (the series' name).
    sy: e.ly + ((e.lines - 1) * LABEL_LINE * unitsPerPx) / 2,
  }));

  // Enough decimal places that tick labels differ (e.g. 1.5%, 2.0%, 2.5% rather than 2%, 2%, 3%).
  const tickDp = hi - lo < 10 ? 1 : 0;
  const tick = (n: number) => (opts.unit === '%' ? `${formatNumber(n, tickDp)}%` : opts.unit === '£' ? `£${formatNumber(n)}` : formatNumber(n, tickDp));
  const marginLeft = Math.max(44, widest([tick(lo), tick(hi)]) + 14);

  const marks: Plot.Markish[] = [Plot.ruleY([lo])];
  if (opts.breakAt !== undefined || opts.breakX !== undefined) {
    let bx = opts.breakX;
    if (bx === undefined) {
      const i = periods.indexOf(opts.breakAt!);
      if (i < 0) throw new Error(`lineChartPlot: break at ${opts.breakAt}, which is not a period`);
      bx = i === 0 ? xOf(0) : (xOf(i - 1) + xOf(i)) / 2;
    }
    marks.push(Plot.ruleX([bx], { stroke: PALETTE.darkGrey, strokeDasharray: '2,3' }));
    marks.push(Plot.text([{ x: bx, y: hi }], { x: 'x', y: 'y', text: () => opts.breakLabel ?? 'New collection', textAnchor: 'middle', dy: -8, lineAnchor: 'bottom', fill: PALETTE.darkGrey, fontSize: 13 }));
  }
  for (const s of drawn) {
    const data = points.filter((p) => p.s === s);
    // Plot breaks a line at a NaN y: a period without a figure is a gap, never a 0.
    marks.push(Plot.line(data, { x: 'x', y: 'y', stroke: s.stroke, strokeWidth: s.width ?? 2, strokeDasharray: s.dash }));
    marks.push(Plot.dot(data, { x: 'x', y: 'y', fill: s.stroke, r: (s.width ?? 2) + 1 }));
  }
  if (gapRings.length) {
    // Under the year labels, not on the axis, so a ring is never read as a 0.
    marks.push(Plot.dot(gapRings, { x: 'x', frameAnchor: 'bottom', dy: GAP_RING_DY, r: 4.5, fill: 'white', stroke: 'stroke', strokeWidth: 2 }));
    let dy = GAP_KEY_TOP;
    for (const k of gapKeys) {
      marks.push(Plot.dot([k], { frameAnchor: 'bottom-left', dx: -marginLeft + 6, dy: dy + LABEL_LINE / 2, r: 4.5, fill: 'white', stroke: k.stroke, strokeWidth: 2 }));
      marks.push(Plot.text([k], { frameAnchor: 'bottom-left', dx: -marginLeft + 16, dy, text: () => k.lines.join('\n'), textAnchor: 'start', lineAnchor: 'top', fill: PALETTE.text }));
      dy += k.lines.length * LABEL_LINE + 4;
    }
  }
  // Each end label starts with a dot in its series' colour, as on its line: a label moved away from its line's end still says which line it names.
  marks.push(Plot.dot(labels, { x: 'x', y: 'sy', dx: SWATCH_DX, r: 4.5, fill: 'stroke' }));
  marks.push(Plot.text(labels, { x: 'x', y: 'ly', text: 'text', textAnchor: 'start', dx: SWATCH_DX + 10, fill: PALETTE.text, lineAnchor: 'middle' }));
  marks.push(Plot.text(own, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', dx: 6, dy: -8, lineAnchor: 'bottom', lineWidth: 9, fill: PALETTE.text, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }));

  const xTicks = opts.ticks ? opts.ticks.map((p) => xOf(periods.indexOf(p))) : numeric ? yearTicks(xs) : periods.map((_, i) => i);
  const xLabel = (x: number) => {
    const p = (numeric ? x : periods[x]!) as P;
    return opts.tickFormat ? opts.tickFormat(p) : String(p);
  };
  return {
    height: plotHeight + gapKeyHeight,
    marginTop,
    marginLeft,
    marginRight: opts.labelWidth ?? Math.max(100, widest(column.flatMap((e) => e.text.split('\n'))) + SWATCH_DX + 16),
    marginBottom: 36 + gapKeyHeight,
    x: { label: null, domain: [Math.min(...xs), lastX], inset: 10, ticks: xTicks, tickFormat: xLabel },
    y: { label: opts.yLabel, grid: true, domain: [lo, hi], tickFormat: tick },
    marks,
  };
}

/** Long-form rows (one per year and series) for `lineChartPlot`: the series are the keys of `styles`, in that order. */
export function linesPlot(
  rows: readonly { year: number; series: string; value: number | null; segment?: string; gap?: string | null }[],
  styles: Record<string, { stroke: string; dash?: string; width?: number }>,
  opts: Omit<LineOptions<number>, 'tickFormat' | 'ticks'> & { xTickFormat?: (year: number) => string },
): Plot.PlotOptions {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  // A series with segments (where its method changes) is drawn as one piece per segment, not
  // joined across the change; a year may be in two segments (old and new method). Only the last piece is labelled.
  const series = Object.entries(styles).flatMap(([name, st]): LineSeries[] => {
    const own = rows.filter((r) => r.series === name);
    const segments = [...new Set(own.map((r) => r.segment))];
    const pieces = segments.map((seg) => {
      const at = new Map(own.filter((r) => r.segment === seg).map((r) => [r.year, r]));
      const gaps = years.map((y) => at.get(y)?.gap ?? null);
      return { values: years.map((y) => at.get(y)?.value ?? null), ...(gaps.some(Boolean) ? { gaps } : {}) };
    });
    const labelled = pieces.findLastIndex((p) => p.values.some((v) => v !== null));
    return pieces.map((p, i) => ({ name, ...st, ...p, ...(i !== labelled ? { unlabelled: true } : {}) }));
  });
  const { xTickFormat, ...rest } = opts;
  return lineChartPlot(years, series, { ...rest, ...(xTickFormat ? { tickFormat: xTickFormat } : {}) });
}
