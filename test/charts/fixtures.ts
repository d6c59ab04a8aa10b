/**
 * Small hand-made read models for the chart goldens. Figures here are invented for the tests
 * (never shown on the site); the areas are real ones from the built geography, so their names,
 * regions and 10 statistical neighbours are what the charts look up.
 *
 * Every import of project code that reads src/generated is here, after `requireGenerated`, so
 * a missing data build fails with the command to run and the chart tests import only this file.
 */
import { requireGenerated } from '../helpers.ts';
import type { MeasureDef, SeriesPoint } from '../../src/read/measures.ts';
import type { JsonCell, SeriesJson } from '../../src/lib/series.ts';
import type { ChartSpec } from '../../src/charts/types.ts';

requireGenerated(['geography', 'catalogue', 'ehcp', 'tribunal', 'outcomes', 'inspections', 'absence-sen', 'absence-lait', 'absence-meta', 'absence-bands']);

export const { geo } = await import('../../src/read/site.ts');
export const { SeriesView, ENGLAND } = await import('../../src/lib/series.ts');
export const { chartSvg, chartPhoneSvg, PHONE_WIDTH } = await import('../../src/charts/render.ts');
export const { checkSpec } = await import('../../src/charts/types.ts');
export const { areaComparisonChart } = await import('../../src/charts/ehcp.ts');
export const { benchmarkSpec } = await import('../../src/charts/benchmark.ts');
export const { rankChart, RANK_MEASURES } = await import('../../src/charts/absence.ts');
export const { lineChartPlot } = await import('../../src/charts/lines.ts');
export const { timelineSvg, timelineText, timelineTitle, stackedOutcomePlot } = await import('../../src/charts/inspections.ts');
export type { ChartSpec, MeasureDef, SeriesPoint };

/** An area by slug or DfE code. */
export function area(slugOrCode: string) {
  const a = geo.bySlug.get(slugOrCode) ?? geo.areas.find((x) => x.laCode === slugOrCode);
  if (!a) throw new Error(`fixture: no area ${slugOrCode} in the geography`);
  return a;
}

// ---------------------------------------------------------------- series (line charts)

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
export const ENGLAND_SERIES: JsonCell[] = [58.0, 58.1, 59.9, 50.7, 50.3, 46.4];
export const REGION_SERIES: JsonCell[] = [55.2, 60.3, 57.1, 49.0, 47.5, 44.0];
/** The 10 neighbours, in DfE rank order: a spread of values, two of them suppressed in some years. */
export const NEIGHBOUR_SERIES: JsonCell[][] = [
  [61.0, 70.2, 66.1, 55.0, 52.4, 48.8],
  [42.5, 44.0, 51.3, 38.9, 35.0, 31.2],
  [75.1, 80.0, 82.4, 79.9, 71.3, 69.0],
  [50.0, 49.5, 47.7, 46.1, 44.8, 40.3],
  ['c', 'c', 62.0, 58.3, 57.7, 51.9],
  [33.3, 39.8, 45.1, 40.0, 36.6, 30.5],
  [68.4, 64.0, 60.2, 55.5, 49.1, 47.0],
  [57.0, 59.2, 61.8, 52.1, 53.3, 49.9],
  [45.9, 'x', 49.0, 43.4, 41.2, 38.8],
  [88.0, 90.1, 85.5, 80.2, 77.7, 74.4],
];

/** A one-measure series read model ('t20_pc', %) with England, the area's region and neighbours, and the area's own cells. */
export function lineView(slug: string, own: JsonCell[]) {
  const a = area(slug);
  const values: Record<string, JsonCell[]> = { [ENGLAND]: ENGLAND_SERIES, [a.regionCode]: REGION_SERIES, [a.laCode]: own };
  a.neighbours.forEach((n, i) => (values[n.laCode] = NEIGHBOUR_SERIES[i]!));
  const json: SeriesJson = {
    measures: { t20_pc: { id: 't20_pc', label: 'New EHC plans issued within 20 weeks (%)', unit: '%', dp: 1, periodType: 'calendar', sourceIds: ['fixture'], periods: YEARS } },
    geos: {},
    values: { t20_pc: values },
  };
  return new SeriesView(json);
}

/** The area line chart (England, region, neighbours, the area) over a fixture view. */
export function lineChart(slug: string, own: JsonCell[]): ChartSpec {
  const f = areaComparisonChart({
    id: 'fixture-area-lines',
    view: lineView(slug, own),
    measure: 't20_pc',
    unit: '%',
    dp: 1,
    noun: '20-week timeliness',
    subtitle: (a, first, last) => `New EHC plans issued within 20 weeks, %, ${a.name} compared with England, its region and the median of its 10 statistical neighbours, ${first} to ${last}`,
    source: 'Fixture source',
    sourceIds: ['fixture'],
    release: 'fixture release',
    yDomain: [0, 100],
  });
  return checkSpec(f.make(slug));
}

// ---------------------------------------------------------------- benchmark

const pc = (n: number) => `${n.toFixed(1)}%`;
const WORDS: Record<string, string> = { c: 'suppressed', x: 'not available' };

/**
 * A MeasureDef over hand-made points: `points` by DfE code, England and the region's points,
 * and (optionally) the counts behind each rate, by DfE code.
 */
export function benchmarkMeasure(o: {
  id: string;
  points: Record<string, SeriesPoint[]>;
  england: SeriesPoint[] | null;
  region: SeriesPoint[] | null;
  counts?: Record<string, [number, number]>;
  whyNone?: string;
}): MeasureDef {
  const display = (p: SeriesPoint) => (p.value === null ? (WORDS[p.symbol ?? ''] ?? 'no figure') : pc(p.value));
  return {
    id: o.id,
    label: 'New EHC plans issued within 20 weeks',
    unit: '%',
    description: 'Fixture measure.',
    when: (p: string) => p,
    source: 'Fixture source',
    release: 'fixture release',
    sourceIds: ['fixture'],
    display,
    empty: 'No figures',
    better: 'higher',
    series: (a) => o.points[a.laCode] ?? [],
    noun: '20-week timeliness',
    dp: 1,
    period: 'calendar year',
    axisLabel: '% of new plans within 20 weeks',
    domain: [0, 100],
    format: pc,
    benchmarkPeriod: 'common',
    england: () => (o.england ? { label: 'England', points: o.england } : null),
    region: (code) => (o.region ? { label: geo.geography.regions.find((r) => r.code === code)!.name, points: o.region } : null),
    whyNoValue: (_a, p) => (p ? display(p) : (o.whyNone ?? 'no figure published')),
    ...(o.counts
      ? {
          counts: (laCode: string) => {
            const c = o.counts![laCode];
            return c ? { numerator: { kind: 'value', value: c[0] } as const, denominator: { kind: 'value', value: c[1] } as const, of: 'new plans' } : null;
          },
          countLabels: { numerator: 'Within 20 weeks', denominator: 'New plans issued' },
        }
      : {}),
  };
}

/** One point per year from cells ("c" and "x" as symbols, null left out: the area had no row). */
export function points(cells: JsonCell[], years = YEARS): SeriesPoint[] {
  return cells.flatMap((c, i): SeriesPoint[] => {
    const period = String(years[i]);
    if (c === null) return [];
    return typeof c === 'number' ? [{ period, value: c }] : [{ period, value: null, symbol: c }];
  });
}

/** Points for an area and its neighbours: `own` for the area, NEIGHBOUR_SERIES for the neighbours. */
export function neighbourhoodPoints(slug: string, own: JsonCell[], neighbours = NEIGHBOUR_SERIES): Record<string, SeriesPoint[]> {
  const a = area(slug);
  const out: Record<string, SeriesPoint[]> = { [a.laCode]: points(own) };
  a.neighbours.forEach((n, i) => (out[n.laCode] = points(neighbours[i]!)));
  return out;
}

/** Phone and desktop drawings of a spec. */
export function drawings(spec: ChartSpec): { desktop: string; phone: string } {
  return { desktop: chartSvg(spec), phone: chartPhoneSvg(spec) };
}

/** Circles inside Plot's dot groups drawn in `fill` (one per point drawn). */
export function dotsIn(svg: string, fill: string): number {
  let n = 0;
  for (const m of svg.matchAll(/<g\b([^>]*)>([^]*?)<\/g>/g)) {
    if (m[1]!.includes('aria-label="dot"') && m[1]!.includes(`fill="${fill}"`)) n += (m[2]!.match(/<circle/g) ?? []).length;
  }
  return n;
}

/** Bars (rects) inside Plot's bar groups. */
export function barsIn(svg: string): number {
  let n = 0;
  for (const m of svg.matchAll(/<g\b([^>]*)>([^]*?)<\/g>/g)) if (m[1]!.includes('aria-label="bar"')) n += (m[2]!.match(/<rect/g) ?? []).length;
  return n;
}

/** The words of a drawing, with wrapped lines joined by spaces. */
export function wordsIn(svg: string): string {
  return [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.trim()).filter((t) => t && !t.includes('{')).join(' ');
}
