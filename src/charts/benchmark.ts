/**
 * Neighbour benchmark charts: for one key measure (a MeasureDef in
 * src/read/measures.ts), the area beside each of its 10 statistical
 * neighbours by name, with England and the region as reference lines, the area
 * highlighted, the period stated and the polarity in words. One factory per
 * measure, made from its definition: a new MeasureDef gets its chart here
 * without new chart code. A neighbour with a symbol is named and shown as what
 * the symbol means ("suppressed"), never as 0.
 */
import * as Plot from '@observablehq/plot';
import { BLANK, isSymbolCode, symbol, value, type Cell } from '../lib/cell.ts';
import type { Column } from '../lib/downloads.ts';
import { formatNumber, listInProse } from '../lib/format.ts';
import type { Area } from '../lib/geography.ts';
import { measureInSentence } from '../lib/words.ts';
import { BENCHMARK_MEASURES, polarityWords, type MeasureDef, type Reference, type SeriesPoint } from '../read/measures.ts';
import { geo } from '../read/site.ts';
import { ENGLAND } from '../lib/series.ts';
import { CHART_WIDTH, PALETTE, PHONE_WIDTH, textWidth } from './render.ts';
import { wrapLines } from './svg.ts';
import { areaBySlug } from './places.ts';
import type { ChartFactory, ChartSpec } from './types.ts';

/** Neighbour bars: DfE turquoise (3.2:1 on white); the area in dark blue; reference lines black and maroon. */
const NEIGHBOUR_FILL = PALETTE.turquoise;
const AREA_FILL = PALETTE.blue;
const ENGLAND_STROKE = PALETTE.text;
const REGION_STROKE = PALETTE.maroon;

export interface BenchmarkRow {
  name: string;
  slug: string;
  role: 'area' | 'neighbour';
  /** DfE's rank of the neighbour (1 = closest); null for the area. */
  rank: number | null;
  point: SeriesPoint | undefined;
  /** Words when there is no value: "suppressed", "no plans issued", "not yet inspected…". */
  why: string | null;
}

/** The latest period in which the England reference (else any area) has a value. */
const latestCache = new Map<string, string | null>();
export function latestPeriod(m: MeasureDef): string | null {
  if (latestCache.has(m.id)) return latestCache.get(m.id)!;
  const eng = m.england()?.points.filter((p) => p.value !== null).map((p) => p.period) ?? [];
  const periods = eng.length ? eng : geo.areas.flatMap((a) => m.series(a).filter((p) => p.value !== null).map((p) => p.period));
  const latest = periods.length ? [...periods].sort().at(-1)! : null;
  latestCache.set(m.id, latest);
  return latest;
}

function pointAt(points: SeriesPoint[], m: MeasureDef, period: string | null): SeriesPoint | undefined {
  if (m.benchmarkPeriod === 'own') return points.at(-1);
  return points.find((p) => p.period === period);
}

export function benchmarkRows(m: MeasureDef, area: Area): { period: string | null; rows: BenchmarkRow[]; england: SeriesPoint | undefined; region: SeriesPoint | undefined; refs: { england: Reference | null; region: Reference | null } } {
  const period = m.benchmarkPeriod === 'common' ? latestPeriod(m) : null;
  const row = (a: Area, role: BenchmarkRow['role'], rank: number | null): BenchmarkRow => {
    const point = pointAt(m.series(a), m, period);
    return { name: a.name, slug: a.slug, role, rank, point, why: point && point.value !== null ? null : m.whyNoValue(a, point) };
  };
  const rows = [row(area, 'area', null), ...area.neighbours.map((n) => row(geo.area(n.laCode), 'neighbour', n.rank))];
  const refs = { england: m.england(), region: m.region(area.regionCode) };
  const refAt = (r: Reference | null) => (r ? (m.benchmarkPeriod === 'own' ? r.points.at(-1) : r.points.find((p) => p.period === period)) : undefined);
  return { period, rows, england: refAt(refs.england), region: refAt(refs.region), refs };
}

/** A point as a CSV/table cell: the value, the DfE symbol, or blank (the note column says why). */
function cellOf(p: SeriesPoint | undefined): Cell {
  if (!p) return BLANK;
  if (p.value !== null) return value(p.value);
  return p.symbol && isSymbolCode(p.symbol) ? symbol(p.symbol) : BLANK;
}

/** "Growth in EHC plans" → "growth in EHC plans"; "EHC plans" stays. */
/** Rates from fewer cases than this show their counts. */
const SMALL = 20;
const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** `why`: the reason the area has no value, if it has none ("not yet inspected under the 2023 framework"). */
function titleFor(m: MeasureDef, areaValue: number | null, others: number[], why: string | null): string {
  const n = others.length;
  const fit = (t: string) => (t.split(/\s+/).length <= 10 ? t : `${m.noun} against ${n} neighbours`);
  if (areaValue === null) return fit(why ? `${m.noun}: ${why}` : `${m.noun}: no figure, against 10 neighbours`);
  if (n === 0) return fit(`${m.noun}: no neighbour has a figure`);
  const higher = others.filter((v) => areaValue > v).length;
  const lower = others.filter((v) => areaValue < v).length;
  // "lower than all 10 neighbours", "better than 6 of 10 neighbours", "the same as all 10 neighbours".
  const than = (word: string, k: number) => `${m.noun}: ${word} than ${k === n ? 'all' : `${k} of`} ${n} neighbours`;
  if (higher === 0 && lower === 0) return fit(`${m.noun}: the same as all ${n} neighbours`);
  let t: string;
  if (m.better === null) t = higher >= lower ? than('higher', higher) : than('lower', lower);
  else {
    const better = m.better === 'higher' ? higher : lower;
    const worse = m.better === 'higher' ? lower : higher;
    t = better >= worse ? than('better', better) : than('worse', worse);
  }
  return fit(t);
}

export function benchmarkSpec(m: MeasureDef, slug: string): ChartSpec {
  const area = areaBySlug(slug);
  const region = geo.regionOf(area);
  const { period, rows, england, region: regionPoint, refs } = benchmarkRows(m, area);
  // null when no area has a figure in any year (then no sentence names a year).
  const when: string | null = m.benchmarkPeriod === 'common' ? (period ? m.when(period) : null) : 'latest full inspection';
  const val = (r: BenchmarkRow) => (r.point && r.point.value !== null ? r.point.value : null);
  const areaRow = rows[0]!;
  const neighbourVals = rows.slice(1).flatMap((r) => (val(r) === null ? [] : [val(r)!]));
  // Highest first; areas with no value last, in DfE rank order.
  const order = [...rows].sort((a, b) => (val(b) ?? -Infinity) - (val(a) ?? -Infinity) || (a.rank ?? 0) - (b.rank ?? 0));
  const eng = england && england.value !== null ? england.value : null;
  const reg = regionPoint && regionPoint.value !== null ? regionPoint.value : null;
  const engLabel = refs.england?.label ?? 'England';
  const regLabel = refs.region?.label ?? region.name;

  // ---- words
  const fmt = m.format;
  const sentences: string[] = [];
  const av = val(areaRow);
  const whenIn = m.benchmarkPeriod === 'common' && when ? `In ${when}, ` : '';
  if (av !== null) {
    const ownWhen = m.benchmarkPeriod === 'own' && areaRow.point ? ` (${m.when(areaRow.point.period)})` : '';
    sentences.push(`${whenIn}${area.name}'s ${measureInSentence(m.noun)} was ${fmt(av)}${ownWhen}.`);
  } else sentences.push(`${whenIn}${area.name} has no figure: ${areaRow.why}.`);
  if (neighbourVals.length) {
    const withVal = order.filter((r) => r.role === 'neighbour' && val(r) !== null);
    const top = withVal[0]!;
    const bottom = withVal.at(-1)!;
    sentences.push(`Among its ${neighbourVals.length} statistical neighbours with a figure, the highest was ${top.name} (${fmt(val(top)!)}) and the lowest ${bottom.name} (${fmt(val(bottom)!)}).`);
  }
  const missing = rows.filter((r) => r.role === 'neighbour' && val(r) === null);
  if (missing.length) {
    // Neighbours with the same reason share it: "No figure for Derby, Peterborough and Luton (not yet inspected …)".
    const byWhy = new Map<string, string[]>();
    for (const r of missing) byWhy.set(r.why ?? 'no figure', [...(byWhy.get(r.why ?? 'no figure') ?? []), r.name]);
    sentences.push(`No figure for ${listInProse([...byWhy].map(([why, names]) => `${listInProse(names)} (${why})`))}.`);
  }
  const refWords = [eng !== null ? `${refs.england?.long ?? engLabel} ${fmt(eng)}` : null, reg !== null ? `${refs.region?.long ?? regLabel} ${fmt(reg)}` : null].filter((x): x is string => x !== null);
  if (refWords.length) sentences.push(capital(`For reference: ${listInProse(refWords)}.`));

  const notes: string[] = [];
  if (eng === null) notes.push(`No ${engLabel} figure${when ? ` for ${when}` : ''}.`);
  if (reg === null) notes.push(`No ${regLabel} figure${when ? ` for ${when}` : ''}.`);
  if (refs.england?.long && m.benchmarkPeriod === 'common') notes.push('The publisher gives no England or regional figure for this table, so the reference lines are medians of the areas’ published figures.');
  if (m.benchmarkPeriod === 'own') notes.push('Each area’s latest full inspection, so dates differ. The reference lines are the median latest outcome of the areas inspected so far.');

  // ---- chart
  const ROW = 28;
  const names = order.map((r) => r.name);
  const vals = [...rows.map(val), eng, reg].filter((x): x is number => x !== null);
  const lo = m.domain ? m.domain[0] : Math.min(0, ...vals);
  const hi = m.domain ? m.domain[1] : Math.max(...vals, 0) * 1.12 || 1;
  const span = hi - lo;
  const countsOf = (r: BenchmarkRow) => (m.counts && r.point ? m.counts(areaBySlug(r.slug).laCode, r.point.period) : null);
  /** A rate from fewer than 20 cases carries its counts: "100.0% (1 of 1)". */
  const smallCount = (r: BenchmarkRow) => {
    const c = countsOf(r);
    return c && c.numerator.kind === 'value' && c.denominator.kind === 'value' && c.denominator.value < SMALL ? ` (${formatNumber(c.numerator.value)} of ${formatNumber(c.denominator.value)})` : '';
  };
  const bars = order.filter((r) => val(r) !== null).map((r) => ({ name: r.name, v: val(r)!, area: r.role === 'area', label: `${fmt(val(r)!)}${smallCount(r)}` }));
  const small = order.filter((r) => smallCount(r) !== '');
  if (small.length) notes.push(`Fewer than ${SMALL} ${countsOf(small[0]!)?.of ?? 'cases'} behind the rate for ${listInProse(small.map((r) => `${r.name}${smallCount(r)}`))}: a figure from so few cases can swing widely from year to year.`);
  const gaps = order.filter((r) => val(r) === null).map((r) => ({ name: r.name, why: r.why ?? 'no figure' }));
  const tickFormat = m.unit === '%' ? (d: number) => `${formatNumber(d)}%` : m.unit === 'outcome' ? (d: number) => (d === 0 ? '' : String(d)) : (d: number) => formatNumber(d);
  /** The chart drawn `width` units wide (the desktop and the phone drawing): every label placed by the room it has. */
  const drawing = (width: number): Plot.PlotOptions => {
    const phone = width < 400;
    // Names wrap at spaces; the margin holds the longest word of any name (at least 100, at most 150).
    const longestWord = Math.max(...names.flatMap((n) => n.split(/\s+/)).map((word) => textWidth(word, 13, true)));
    const marginLeft = phone ? Math.min(150, Math.max(100, longestWord + 14)) : 170;
    const marginRight = phone ? 32 : 64;
    const frame = width - marginLeft - marginRight;
    const px = (v: number) => ((v - lo) / span) * frame;
    const w = (t: string, bold = false) => textWidth(t, 13, bold) * 1.2 + 8;
    /**
     * A value label goes inside its bar's end when it is too long for the space right of the bar, or when
     * an England or region line would cross it there and the bar is long enough to hold it.
     */
    const crosses = (x: number, b: { label: string; area: boolean }) => refMarks.filter((r) => px(r.v) >= px(x) + 1 && px(r.v) <= px(x) + 4 + w(b.label, b.area) + 3);
    const inside = (b: { v: number; label: string; area: boolean }) => {
      const end = px(b.v) + 4 + w(b.label, b.area);
      return end > frame + marginRight || (crosses(b.v, b).length > 0 && px(b.v) >= w(b.label, b.area) + 4);
    };
    /** Where a label outside its bar starts: at the bar's end, or past the lines that would cross it (when that still fits). */
    const labelX = (b: { v: number; label: string; area: boolean }) => {
      let x = b.v;
      for (let c = crosses(x, b); c.length > 0; c = crosses(x, b)) x = Math.max(...c.map((r) => r.v));
      return px(x) + 4 + w(b.label, b.area) <= frame + marginRight ? x : b.v;
    };
    /**
     * A reference label starts at its line, or ends there when it would run past the right edge; on a
     * phone, where neither side has room, it drops its qualifier ("(median)") and then shortens the name.
     */
    const fitRef = (name: string, figure: string, v: number): { label: string; end: boolean } => {
      const right = frame + marginRight - px(v) - 3;
      const left = marginLeft + px(v) - 3;
      const tries = [`${name} ${figure}`, `${name.replace(/\s*\(.*\)$/, '')} ${figure}`];
      for (const label of tries) {
        if (w(label, true) <= right) return { label, end: false };
        if (w(label, true) <= left) return { label, end: true };
      }
      const room = Math.max(right, left);
      const end = left > right;
      let short = tries[1]!.replace(` ${figure}`, '');
      while (short.length > 4 && w(`${short}… ${figure}`, true) > room) short = short.slice(0, -1);
      return { label: `${short.trimEnd()}… ${figure}`, end };
    };
    const refMarks = [
      ...(eng !== null ? [{ v: eng, ...fitRef(engLabel, fmt(eng), eng), stroke: ENGLAND_STROKE, dash: undefined as string | undefined, dy: -30 }] : []),
      ...(reg !== null ? [{ v: reg, ...fitRef(regLabel, fmt(reg), reg), stroke: REGION_STROKE, dash: '5,3', dy: -12 }] : []),
    ];
    const maxWhy = Math.max(12, Math.floor((frame + marginRight - 12) / 8.2));
    // Names wrap to the margin; a row is as tall as its longest name needs ("Bournemouth, Christchurch and Poole").
    const perLine = Math.floor((marginLeft - 12) / 7.6);
    const wrapped = new Map(names.map((n) => [n, wrapLines(n, perLine).join('\n')]));
    const row = Math.max(ROW, 15 * Math.max(...[...wrapped.values()].map((t) => t.split('\n').length)) + 8);
    return {
      width,
      height: 78 + names.length * row,
      marginLeft,
      marginRight,
      marginTop: 44,
      marginBottom: 42,
      x: { domain: [lo, hi], label: m.axisLabel, labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: m.unit === 'outcome' ? [0, 1, 2, 3] : phone ? 3 : 4, tickFormat },
      y: { domain: names, axis: null, padding: 0.25 },
      marks: [
        Plot.ruleX([lo]),
        ...refMarks.flatMap((r) => [
          Plot.ruleX([r.v], { stroke: r.stroke, strokeWidth: 2, strokeDasharray: r.dash, insetTop: r.dy === -30 ? -26 : -8 }),
          Plot.text([r], { x: 'v', frameAnchor: 'top', dy: r.dy, text: 'label', fontSize: 13, fontWeight: 600, fill: r.stroke, textAnchor: r.end ? 'end' : 'start', dx: r.end ? -3 : 3 }),
        ]),
        Plot.barX(bars, { x1: lo, x2: 'v', y: 'name', fill: (d: { area: boolean }) => (d.area ? AREA_FILL : NEIGHBOUR_FILL) }),
        ...[true, false].flatMap((isArea) => [
          Plot.text(order.filter((r) => (r.role === 'area') === isArea), { x: lo, y: 'name', text: (r: { name: string }) => wrapped.get(r.name)!, textAnchor: 'end', dx: -6, fontSize: 13, fontWeight: isArea ? 700 : 400, fill: PALETTE.text }),
          Plot.text(bars.filter((b) => b.area === isArea && !inside(b)), { x: labelX, y: 'name', text: 'label', textAnchor: 'start', dx: 4, fontSize: 13, fontWeight: isArea ? 700 : 400, fill: PALETTE.text, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
          // White on dark blue, black on turquoise.
          Plot.text(bars.filter((b) => b.area === isArea && inside(b)), { x: 'v', y: 'name', text: 'label', textAnchor: 'end', dx: -4, fontSize: 13, fontWeight: isArea ? 700 : 400, fill: isArea ? 'white' : PALETTE.text }),
        ]),
        Plot.text(gaps, { x: lo, y: 'name', text: (d: { why: string }) => (d.why.length > maxWhy && m.gapLabel ? m.gapLabel : capital(d.why.length > maxWhy ? `${d.why.slice(0, maxWhy - 1)}…` : d.why)), textAnchor: 'start', dx: 4, fontSize: 13, fontStyle: 'italic', fill: PALETTE.darkGrey, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
      ],
    };
  };
  const plot = drawing(CHART_WIDTH);
  const phonePlot = drawing(PHONE_WIDTH);

  const columns: Column[] = [
    { name: 'area', type: 'Filter', label: 'Area' },
    { name: 'role', type: 'Filter', label: 'Role' },
    { name: 'period', type: 'Filter', label: m.benchmarkPeriod === 'own' ? 'Date' : capital(m.period) },
    { name: 'value', type: 'Indicator', label: m.label, unit: m.unit === '%' ? '%' : '', ...(m.unit === 'outcome' ? {} : { dp: m.dp }) },
    ...(m.counts
      ? ([
          { name: 'numerator', type: 'Indicator', label: m.countLabels?.numerator ?? 'Count', unit: '', dp: 0 },
          { name: 'denominator', type: 'Indicator', label: m.countLabels?.denominator ?? 'Out of', unit: '', dp: 0 },
        ] as Column[])
      : []),
    { name: 'note', type: 'Filter', label: 'Why no figure' },
  ];
  const countCells = (laCode: string | null, p: SeriesPoint | undefined) => {
    if (!m.counts) return {};
    const c = laCode && p ? m.counts(laCode, p.period) : null;
    return { numerator: c ? c.numerator : BLANK, denominator: c ? c.denominator : BLANK };
  };
  const tableRows = [
    ...order.map((r) => ({ area: r.name, role: r.role === 'area' ? 'This area' : `Statistical neighbour ${r.rank}`, period: r.point ? m.when(r.point.period) : (when ?? ''), value: cellOf(r.point), ...countCells(areaBySlug(r.slug).laCode, r.point), note: r.why ?? '' })),
    { area: capital((refs.england?.long ?? engLabel).replace(/^the /, '')), role: 'Reference', period: england ? m.when(england.period) : (when ?? ''), value: cellOf(england), ...countCells(refs.england?.label === 'England' ? ENGLAND : null, england), note: eng === null ? 'no figure' : '' },
    { area: capital((refs.region?.long ?? regLabel).replace(/^the /, '')), role: 'Reference', period: regionPoint ? m.when(regionPoint.period) : (when ?? ''), value: cellOf(regionPoint), ...countCells(null, regionPoint), note: reg === null ? 'no figure' : '' },
  ];

  return {
    id: `benchmark-${m.id}`,
    key: slug,
    page: `/areas/${slug}/`,
    placeName: area.name,
    title: titleFor(m, av, neighbourVals, areaRow.why ?? null),
    subtitle: `${m.label}${when ? `, ${when}` : ''}: ${area.name} (dark blue) and its 10 statistical neighbours, with ${refs.england?.long ?? engLabel} and ${refs.region?.long ?? regLabel} marked. ${polarityWords(m)}.`,
    source: m.source,
    sourceIds: m.sourceIds,
    release: m.release,
    columns,
    rows: tableRows,
    summary: sentences.join(' '),
    notes,
    plot,
    phonePlot,
  };
}

export function benchmarkFactory(m: MeasureDef): ChartFactory {
  return { id: `benchmark-${m.id}`, scope: 'area', keys: () => geo.areas.map((a) => a.slug), make: (slug) => benchmarkSpec(m, slug) };
}

export const BENCHMARK_CHARTS: ChartFactory[] = BENCHMARK_MEASURES.map(benchmarkFactory);
export const benchmarkChartIds = (): string[] => BENCHMARK_MEASURES.map((m) => `benchmark-${m.id}`);

