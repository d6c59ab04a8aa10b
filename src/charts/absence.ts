/**
 * Absence charts (issue 5). Every number comes from src/generated/absence-*.json.
 *
 * Comparators: LAIT publishes England and region rows, so all-pupil charts
 * compare with England, the region and the median of the 10 statistical
 * neighbours. The SEN-status file has only area rows, so its charts compare
 * with the median of all areas, of the region's areas and of the neighbours,
 * labelled exactly so, never "England".
 */
import * as Plot from '@observablehq/plot';
import { BLANK, value, type Cell } from '../lib/cell.ts';
import type { Column } from '../lib/downloads.ts';
import type { Area, Region } from '../lib/geography.ts';
import { formatNumber, formatPeriod, listInProse, plural } from '../lib/format.ts';
import { geo } from '../read/site.ts';
import { SOURCE_LINES } from '../read/source-lines.ts';
import { spread, type Spread } from '../lib/spread.ts';
import {
  bands,
  bandsRates,
  lait,
  laitLatestIndex,
  laitNeighbourMedian,
  laitSeries,
  sen,
  senComparators,
  senLatestIndex,
  senSeries,
  type SenSeriesGroup,
} from '../read/absence-data.ts';
import type { SenMetric } from '../datasets/absence-sen.ts';
import { NO_DATA_PERIOD, PHASE_LABEL, PHASES } from '../datasets/absence-common.ts';
import { lineChartPlot, type LineSeries } from './lines.ts';
import { areaBySlug, regionBySlug } from './places.ts';
import { PALETTE, textWidth } from './render.ts';
import { wrapLines } from './svg.ts';
import { rankedPhonePlot } from './ranked.ts';
import { inRegion, theRegion as theRegionName } from '../lib/words.ts';
import { COMPARISON_STYLE, NEIGHBOURS_LABEL, SEN_NAMES, SEN_STYLE } from './series-style.ts';
import { checkSpec, type ChartFactory, type ChartSpec } from './types.ts';

const PA: SenMetric = 'enrolments_pa_10_exact_percent';
const SUSP: SenMetric = 'susp_rate';

const SRC_LAIT = SOURCE_LINES.absenceLait.source;
const SRC_BANDS = SOURCE_LINES.absenceBands.source;
const SRC_SEN = SOURCE_LINES.absenceSen.source;
const SRC_SUSP = SOURCE_LINES.suspensions.source;

const pct = (n: number, dp = 1) => `${formatNumber(n, dp)}%`;
const pp = (n: number) => `${formatNumber(Math.abs(n), 1)} percentage ${Math.abs(n) === 1 ? 'point' : 'points'}`;
const num = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);
const cellOf = (n: number | null | undefined): Cell => (n === null || n === undefined ? BLANK : value(n));
const GAP_NOTE = 'There are no full-year figures for 2019/20: schools closed to most pupils from March 2020. The gap is left empty, not filled in.';
const PANDEMIC_NOTE = '2020/21 figures do not count pupils who stayed home for COVID-19 reasons as absent, so they are not comparable with other years.';

/** "the North East", but "London" and "Yorkshire and The Humber". */
const theRegion = (r: Region) => theRegionName(r.name);
/** "North East areas" */
const regionAreas = (r: Region) => `${r.name} areas`;

/** Predecessor places whose successors include this area, with their LAIT keys. */
function predecessorsOf(area: Area): { key: string; name: string }[] {
  return Object.entries(lait.places)
    .filter(([, p]) => p.level === 'predecessor' && p.successors?.includes(area.laCode))
    .map(([key, p]) => ({ key, name: p.name }));
}

const TREND_COLUMNS: Column[] = [
  { name: 'academic_year', type: 'Filter', label: 'Academic year' },
  { name: 'place', type: 'Filter', label: 'Area or comparison' },
  { name: 'rate', type: 'Indicator', label: 'Persistent absence, all pupils', unit: '%', dp: 1 },
];

/** Area: all-pupil persistent absence since 2015/16 against England, region and neighbours. */
function trendChart(slug: string): ChartSpec {
  const area = areaBySlug(slug);
  const region = geo.regionOf(area);
  const periods = lait.periods.map(formatPeriod);
  const own = laitSeries(area.laCode, 'persistent');
  const eng = laitSeries('E92000001', 'persistent');
  const reg = laitSeries(region.code, 'persistent');
  const nb = laitNeighbourMedian(geo, area, 'persistent');
  const preds = predecessorsOf(area).map((p) => ({ ...p, cells: laitSeries(p.key, 'persistent') }));
  const rows = [
    ...own.map((c, i) => ({ academic_year: periods[i]!, place: area.name, rate: c })),
    ...preds.flatMap((p) => p.cells.map((c, i) => ({ academic_year: periods[i]!, place: p.name, rate: c }))),
    ...eng.map((c, i) => ({ academic_year: periods[i]!, place: 'England', rate: c })),
    ...reg.map((c, i) => ({ academic_year: periods[i]!, place: region.name, rate: c })),
    ...nb.map((s, i) => ({ academic_year: periods[i]!, place: 'Median of 10 statistical neighbours', rate: cellOf(s?.median) })),
  ].filter((r) => r.academic_year !== formatPeriod(NO_DATA_PERIOD) || r.place === area.name);
  const li = laitLatestIndex('persistent');
  const a = num(own[li]!);
  const e = num(eng[li]!);
  const n = nb[li]?.median ?? null;
  const first = own.findIndex((c) => c.kind === 'value');
  const summary =
    a === null
      ? `No figure is published for ${area.name} in ${periods[li]}. ${e === null ? '' : `In England, ${pct(e)} of pupils were persistently absent.`}`
      : `In ${periods[li]}, ${pct(a)} of pupils in ${area.name} were persistently absent (missed 10% or more of sessions), ` +
        `compared with ${pct(e!)} in England${n === null ? '' : ` and a median of ${pct(n)} among its 10 statistical neighbours`}. ` +
        (first >= 0 && first < li ? `In ${periods[first]} the figure was ${pct(num(own[first]!)!)}.` : '');
  const notes = [GAP_NOTE, PANDEMIC_NOTE];
  const missing = own.map((c, i) => (c.kind !== 'value' && lait.periods[i] !== NO_DATA_PERIOD ? periods[i] : null)).filter(Boolean) as string[];
  if (missing.length) notes.push(`No figure published for ${area.name} in ${listInProse(missing)}${preds.length ? ': the area did not exist yet' : ''}.`);
  // One predecessor is drawn as its own labelled dashed line; several would crowd the chart, so they stay in the table.
  const drawPreds = preds.length === 1;
  if (preds.length)
    notes.push(
      `Before the council was created, figures were published for ${listInProse(preds.map((p) => p.name))}. ${preds.length === 1 ? 'It covers' : 'They cover'} a different area, so ${drawPreds ? 'it is shown as a separate dashed line' : 'they are in the table, not drawn'}, not as ${area.name}'s figures.`,
    );
  const series: LineSeries[] = [
    { name: area.name, values: own.map(num), ...COMPARISON_STYLE.area },
    ...(drawPreds ? preds.map((p) => ({ name: p.name, values: p.cells.map(num), ...COMPARISON_STYLE.other })) : []),
    { name: 'England', values: eng.map(num), ...COMPARISON_STYLE.england },
    { name: region.name, values: reg.map(num), ...COMPARISON_STYLE.region },
    { name: NEIGHBOURS_LABEL, values: nb.map((s) => s?.median ?? null), ...COMPARISON_STYLE.neighbours },
  ];
  return checkSpec({
    id: 'absence-trend',
    key: slug,
    page: `/areas/${slug}/`,
    title: `Persistent absence since ${periods[0]}`,
    subtitle: `Percentage of pupils missing 10% or more of sessions, all state-funded schools, ${area.name} compared with England, ${region.name} and the median of its 10 statistical neighbours, ${periods[0]} to ${periods.at(-1)}`,
    source: SRC_LAIT,
    release: `LAIT data store, ${periods[0]} to ${periods.at(-1)}`,
    sourceIds: ['lait-store', 'lait-dictionary'],
    columns: TREND_COLUMNS,
    rows,
    summary,
    notes,
    plot: lineChartPlot(periods, series, { yLabel: 'Persistently absent (%)', format: (n) => pct(n), ticks: periods.filter((_, i) => i % 3 === 0) }),
    placeName: area.name,
  });
}

const COMPARE_COLUMNS: Column[] = [
  { name: 'education_phase', type: 'Filter', label: 'Type of school' },
  { name: 'sen_status', type: 'Filter', label: 'SEN status' },
  { name: 'place', type: 'Filter', label: 'Area or comparison' },
  { name: 'rate', type: 'Indicator', label: 'Persistently absent', unit: '%', dp: 1 },
  { name: 'areas_with_figure', type: 'Indicator', label: 'Areas with a published figure (medians only)', unit: '' },
];
const GROUPS: { id: SenSeriesGroup; label: string }[] = [
  { id: 'ehcp', label: 'EHC plan' },
  { id: 'support', label: 'SEN support' },
  { id: 'none', label: 'No SEN' },
];

/** Area: persistent absence by SEN status and phase against medians of groups of areas (latest year). */
function compareChart(slug: string): ChartSpec {
  const area = areaBySlug(slug);
  const region = geo.regionOf(area);
  const slot = senLatestIndex(PA);
  const year = formatPeriod(sen.slots[PA][slot]!.period);
  const places = [area.name, 'Median of 10 statistical neighbours', `Median of ${regionAreas(region)}`, 'Median of all areas'];
  const rows: Record<string, string | number | Cell>[] = [];
  const missing = new Map<string, string[]>();
  for (const phase of PHASES) {
    for (const g of GROUPS) {
      const own = senSeries(PA, phase, g.id, area.laCode)[slot] ?? null;
      if (own === null) missing.set(PHASE_LABEL[phase], [...(missing.get(PHASE_LABEL[phase]) ?? []), g.label]);
      const c = senComparators(geo, area, PA, phase, g.id, slot);
      const base = { education_phase: PHASE_LABEL[phase], sen_status: g.label };
      rows.push({ ...base, place: places[0]!, rate: cellOf(own), areas_with_figure: '' });
      for (const [label, s] of [[places[1]!, c.neighbours], [places[2]!, c.region], [places[3]!, c.all]] as const) {
        rows.push({ ...base, place: label, rate: cellOf(s?.median), areas_with_figure: s?.n ?? 0 });
      }
    }
  }
  const total = rows.filter((r) => r.education_phase === PHASE_LABEL.total);
  // Short labels in the chart; the table and CSV give each comparison in full.
  const short = new Map([[places[0]!, area.name], [places[1]!, NEIGHBOURS_LABEL], [places[2]!, 'Median of region'], [places[3]!, 'Median of all areas']]);
  // Names over about 14 characters break onto a second line; the margin fits the longest line.
  const compareLeft = Math.max(...[...short.values()].flatMap((l) => wrapLines(l, 22)).map((l) => textWidth(l, 14))) + 12;
  const plotData = total.map((r) => ({ group: r.sen_status as string, place: r.place as string, label: short.get(r.place as string)!, v: num(r.rate as Cell) ?? NaN, own: r.place === area.name }));
  const val = (g: string, p: string) => plotData.find((d) => d.group === g && d.place === p)?.v ?? NaN;
  const e = val('EHC plan', area.name);
  const s = val('SEN support', area.name);
  const ns = val('No SEN', area.name);
  const nbE = val('EHC plan', places[1]!);
  const summary = Number.isFinite(e)
    ? `In ${year}, ${pct(e)} of pupils with an EHC plan in ${area.name} were persistently absent, against a median of ${pct(nbE)} among its 10 statistical neighbours and ${pct(val('EHC plan', places[3]!))} across all areas. ` +
      `For pupils on SEN support the figure was ${Number.isFinite(s) ? pct(s) : 'not published'}, and for pupils with no SEN ${Number.isFinite(ns) ? pct(ns) : 'not published'}.`
    : `No persistent absence figure is published for pupils with an EHC plan in ${area.name} in ${year}.`;
  const notes = [
    'This source has figures for local areas only, not for England or regions. Comparisons are the median (middle value) of groups of areas: half of the areas are above it and half below.',
  ];
  if (missing.size)
    notes.push(
      `No figure published for ${area.name} in ${year} for ${listInProse([...missing].map(([phase, groups]) => `${phase.toLowerCase()} (${listInProse(groups)})`))}. Either the area has no such pupils or schools, or the figure was held back to protect a small group of pupils. The table shows them as “no value”.`,
    );
  return checkSpec({
    id: 'absence-sen-compare',
    key: slug,
    page: `/areas/${slug}/`,
    title: 'Persistent absence: how the area compares',
    subtitle: `Percentage of pupils missing 10% or more of sessions, by SEN status, all state-funded schools (table: each type of school), ${area.name} compared with medians of groups of areas, ${year}`,
    source: SRC_SEN,
    release: `Pupil absence in schools in England, ${year}`,
    sourceIds: ['absence-sen-status'],
    columns: COMPARE_COLUMNS,
    rows,
    summary,
    notes,
    plot: {
      height: 540,
      marginLeft: compareLeft,
      marginRight: 60,
      marginTop: 30,
      marginBottom: 45,
      x: { grid: true, label: 'Persistently absent (%)', nice: true, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: [...short.values()], label: null, tickFormat: (d: string) => wrapLines(d, 22).join('\n') },
      fy: { domain: GROUPS.map((g) => g.label), label: null, axis: null, padding: 0.25 },
      marks: [
        Plot.barX(plotData, { fy: 'group', y: 'label', x: 'v', fill: (d: { own: boolean }) => (d.own ? PALETTE.blue : PALETTE.grey) }),
        Plot.text(plotData, { fy: 'group', y: 'label', x: 'v', text: (d: { v: number }) => (Number.isFinite(d.v) ? pct(d.v) : 'not published'), textAnchor: 'start', dx: 4, fill: PALETTE.text }),
        Plot.text(GROUPS.map((g) => ({ group: g.label })), { fy: 'group', text: 'group', frameAnchor: 'top-left', dx: 4 - compareLeft, dy: -20, fontWeight: 'bold', fill: PALETTE.text }),
        Plot.ruleX([0]),
      ],
    },
    placeName: area.name,
  });
}

const GAP_COLUMNS: Column[] = [
  { name: 'academic_year', type: 'Filter', label: 'Academic year' },
  { name: 'sen_status', type: 'Filter', label: 'SEN status' },
  { name: 'rate', type: 'Indicator', label: 'Persistently absent', unit: '%', dp: 1 },
  { name: 'gap_to_no_sen', type: 'Indicator', label: 'Gap to pupils with no SEN', unit: 'pp', dp: 1 },
];

/** Area: persistent absence for EHC plan, SEN support and no SEN over time, and the gap. */
function gapChart(slug: string): ChartSpec {
  const area = areaBySlug(slug);
  const slots = sen.slots[PA];
  const periods = slots.map((s) => formatPeriod(s.period));
  const series = Object.fromEntries(GROUPS.map((g) => [g.id, senSeries(PA, 'total', g.id, area.laCode)])) as Record<SenSeriesGroup, (number | null)[]>;
  const rows = GROUPS.flatMap((g) =>
    series[g.id].map((v, i) => {
      const none = series.none[i] ?? null;
      return { academic_year: periods[i]!, sen_status: g.label, rate: cellOf(v), gap_to_no_sen: g.id === 'none' ? '' : cellOf(v === null || none === null ? null : v - none) };
    }),
  ).filter((r) => r.academic_year !== formatPeriod(NO_DATA_PERIOD) || r.sen_status === 'EHC plan');
  let li = slots.length - 1;
  while (li >= 0 && (series.ehcp[li] === null || series.none[li] === null)) li--;
  let fi = 0;
  while (fi < li && (series.ehcp[fi] === null || series.none[fi] === null)) fi++;
  const summary =
    li < 0
      ? `Figures for pupils with an EHC plan and pupils with no SEN are not published for ${area.name}.`
      : `In ${periods[li]}, ${pct(series.ehcp[li]!)} of pupils with an EHC plan in ${area.name} were persistently absent, against ${pct(series.none[li]!)} of pupils with no SEN: ` +
        `a gap of ${pp(series.ehcp[li]! - series.none[li]!)}.` +
        (fi < li ? ` In ${periods[fi]} the gap was ${pp(series.ehcp[fi]! - series.none[fi]!)}.` : '') +
        (series.support[li] !== null ? ` For pupils on SEN support the figure was ${pct(series.support[li]!)}.` : '');
  const notes = [GAP_NOTE, PANDEMIC_NOTE];
  const missing = GROUPS.flatMap((g) => series[g.id].map((v, i) => (v === null && slots[i]!.period !== NO_DATA_PERIOD ? `${g.label} ${periods[i]}` : null))).filter(Boolean) as string[];
  if (missing.length) notes.push(`No figure published for ${area.name}: ${listInProse(missing)}.`);
  const br = sen.breaks[area.laCode];
  if (br) for (const b of br) notes.push(`Figures for ${formatPeriod(b.from)}${b.to !== b.from ? ` to ${formatPeriod(b.to)}` : ''} were published under the earlier code ${b.code} for the same area.`);
  const preds = Object.entries(sen.places).filter(([, p]) => p.level === 'predecessor' && p.successors?.includes(area.laCode));
  for (const [, p] of preds) notes.push(`Earlier figures for ${p.name} cover a different area and are not shown as ${area.name}'s; they are in the absence download.`);
  return checkSpec({
    id: 'absence-sen-gap',
    key: slug,
    page: `/areas/${slug}/`,
    title: "The gap to classmates with no SEN",
    subtitle: `Percentage of pupils missing 10% or more of sessions, by SEN status, all state-funded schools, ${area.name}, ${periods[0]} to ${periods.at(-1)}`,
    source: SRC_SEN,
    release: `Pupil absence in schools in England, ${periods[0]} to ${periods.at(-1)}`,
    sourceIds: ['absence-sen-status'],
    columns: GAP_COLUMNS,
    rows,
    summary,
    notes,
    plot: lineChartPlot(
      periods,
      [
        { name: SEN_NAMES.ehcp, values: series.ehcp, ...SEN_STYLE.ehcp },
        { name: SEN_NAMES.senSupport, values: series.support, ...SEN_STYLE.senSupport },
        { name: SEN_NAMES.noSen, values: series.none, ...SEN_STYLE.noSen },
      ],
      { yLabel: 'Persistently absent (%)', format: (n) => pct(n), ticks: periods.filter((_, i) => i % 2 === 0) },
    ),
    placeName: area.name,
  });
}

const SUSP_COLUMNS: Column[] = [
  { name: 'academic_year', type: 'Filter', label: 'Academic year' },
  { name: 'term', type: 'Filter', label: 'Term' },
  { name: 'sen_status', type: 'Filter', label: 'SEN status' },
  { name: 'rate', type: 'Indicator', label: 'Suspensions per 100 pupils', unit: '', dp: 2 },
];

/** Area: suspensions per 100 pupils by term and SEN status. */
function suspensionsChart(slug: string): ChartSpec {
  const area = areaBySlug(slug);
  const slots = sen.slots[SUSP];
  const labels = slots.map((s) => `${s.term.replace(' term', '')} ${formatPeriod(s.period)}`);
  const series = Object.fromEntries(GROUPS.map((g) => [g.id, senSeries(SUSP, 'total', g.id, area.laCode)])) as Record<SenSeriesGroup, (number | null)[]>;
  const rows = GROUPS.flatMap((g) => series[g.id].map((v, i) => ({ academic_year: formatPeriod(slots[i]!.period), term: slots[i]!.term, sen_status: g.label, rate: cellOf(v) })));
  let li = slots.length - 1;
  while (li >= 0 && series.ehcp[li] === null) li--;
  const allSpread = li >= 0 ? spread(geo.areas.map((a) => senSeries(SUSP, 'total', 'ehcp', a.laCode)[li] ?? null)) : null;
  const summary =
    li < 0
      ? `Suspension figures for pupils with an EHC plan are not published for ${area.name}.`
      : `In the ${labels[li]!.toLowerCase().replace(/^(\w+)/, '$1 term of')}, there were ${formatNumber(series.ehcp[li]!, 2)} suspensions per 100 pupils with an EHC plan in ${area.name}` +
        `${series.none[li] !== null ? `, against ${formatNumber(series.none[li]!, 2)} per 100 pupils with no SEN` : ''}. The median of all areas for pupils with an EHC plan was ${formatNumber(allSpread!.median, 2)}.`;
  const notes = ['Rates are for one term each. They cannot be added up into a yearly rate without pupil numbers, which this source does not give.', 'Schools were closed to most pupils for parts of 2019/20 and 2020/21, so suspensions in those terms were unusually low.'];
  const missing = GROUPS.flatMap((g) => series[g.id].map((v, i) => (v === null ? `${g.label}, ${labels[i]}` : null))).filter(Boolean) as string[];
  if (missing.length) notes.push(`No figure published for ${area.name}: ${missing.length > 6 ? `${formatNumber(missing.length)} figures (term and SEN status), including ${listInProse(missing.slice(0, 3))}` : listInProse(missing)}.`);
  return checkSpec({
    id: 'absence-suspensions',
    key: slug,
    page: `/areas/${slug}/`,
    title: 'Suspensions of pupils with SEN, by term',
    subtitle: `Suspensions per 100 pupils each term, by SEN status, all state-funded schools, ${area.name}, ${labels[0]} to ${labels.at(-1)}`,
    source: SRC_SUSP,
    release: `Suspensions and permanent exclusions in England, to ${labels.at(-1)}`,
    sourceIds: ['absence-sen-status'],
    columns: SUSP_COLUMNS,
    rows,
    summary,
    notes,
    // End labels show a rate per 100 pupils, not a percentage.
    plot: lineChartPlot(
      labels,
      [
        { name: SEN_NAMES.ehcp, values: series.ehcp, ...SEN_STYLE.ehcp },
        { name: SEN_NAMES.senSupport, values: series.support, ...SEN_STYLE.senSupport },
        { name: SEN_NAMES.noSen, values: series.none, ...SEN_STYLE.noSen },
      ],
      { yLabel: 'Suspensions per 100 pupils', ticks: labels.filter((l) => l.startsWith('Autumn')).filter((_, i) => i % 2 === 0), tickFormat: (d: string) => d.replace('Autumn ', ''), format: (n) => formatNumber(n, 2) },
    ),
    placeName: area.name,
  });
}

const NATIONAL_COLUMNS: Column[] = [
  { name: 'academic_year', type: 'Filter', label: 'Academic year' },
  { name: 'sen_status', type: 'Filter', label: 'Pupils' },
  { name: 'rate', type: 'Indicator', label: 'Persistently absent', unit: '%', dp: 1 },
];

/** England: persistent absence for pupils with any SEN and no SEN (from the bands), and all pupils (LAIT). */
function nationalChart(): ChartSpec {
  const periods = lait.periods.map(formatPeriod);
  const onLait = (cells: Cell[], from: string[]) => lait.periods.map((p) => (from.includes(p) ? cells[from.indexOf(p)]! : BLANK));
  const any = onLait(bandsRates('E92000001', 'total', 'any', 'persistent'), bands.periods);
  const none = onLait(bandsRates('E92000001', 'total', 'none', 'persistent'), bands.periods);
  const all = laitSeries('E92000001', 'persistent');
  const rows = [
    ...any.map((c, i) => ({ academic_year: periods[i]!, sen_status: 'Any SEN', rate: c })),
    ...none.map((c, i) => ({ academic_year: periods[i]!, sen_status: 'No identified SEN', rate: c })),
    ...all.map((c, i) => ({ academic_year: periods[i]!, sen_status: 'All pupils', rate: c })),
  ].filter((r) => r.rate.kind === 'value');
  const last = bands.periods.length - 1;
  const lp = formatPeriod(bands.periods[last]!);
  const anyL = num(bandsRates('E92000001', 'total', 'any', 'persistent')[last]!)!;
  const noneL = num(bandsRates('E92000001', 'total', 'none', 'persistent')[last]!)!;
  const anyF = num(bandsRates('E92000001', 'total', 'any', 'persistent')[0]!)!;
  const li = laitLatestIndex('persistent');
  const summary =
    `In ${lp}, ${pct(anyL)} of pupils with special educational needs in England were persistently absent, against ${pct(noneL)} of pupils with no identified SEN: a gap of ${pp(anyL - noneL)}. ` +
    `In ${formatPeriod(bands.periods[0]!)} it was ${pct(anyF)} for pupils with SEN. For all pupils, persistent absence was ${pct(num(all[li]!)!)} in ${periods[li]}.`;
  return checkSpec({
    id: 'absence-national-sen',
    key: 'england',
    page: '/absence/',
    title: 'Pupils with SEN miss school more often',
    subtitle: `Percentage of pupils missing 10% or more of sessions, state-funded primary, secondary and special schools, England, ${periods[0]} to ${periods.at(-1)}`,
    source: `${SRC_BANDS}; ${SRC_LAIT}`,
    release: `absence distributions ${formatPeriod(bands.periods[0]!)} to ${lp}; LAIT to ${periods.at(-1)}`,
    sourceIds: ['absence-bands', 'lait-store'],
    columns: NATIONAL_COLUMNS,
    rows,
    summary,
    notes: [
      GAP_NOTE,
      PANDEMIC_NOTE,
      `Figures for pupils with and without SEN are computed from counts of pupils by absence band, published to ${lp}. Later years by SEN status are published only for local areas (see the ranked chart).`,
    ],
    plot: lineChartPlot(
      periods,
      [
        { name: SEN_NAMES.anySen, values: any.map(num), ...SEN_STYLE.anySen },
        { name: SEN_NAMES.allPupils, values: all.map(num), ...SEN_STYLE.allPupils },
        { name: 'No identified SEN', values: none.map(num), ...SEN_STYLE.noSen },
      ],
      { yLabel: 'Persistently absent (%)', format: (n) => pct(n), ticks: periods.filter((_, i) => i % 3 === 0) },
    ),
    placeName: 'England',
  });
}

export interface RankMeasure {
  id: string;
  label: string;
  /** Short label for links. */
  short: string;
  group: SenSeriesGroup | 'all';
}
export const RANK_MEASURES: RankMeasure[] = [
  { id: 'ehcp', label: 'pupils with an EHC plan', short: 'EHC plan', group: 'ehcp' },
  { id: 'sen-support', label: 'pupils on SEN support', short: 'SEN support', group: 'support' },
  { id: 'no-sen', label: 'pupils with no SEN', short: 'No SEN', group: 'none' },
  { id: 'all-pupils', label: 'all pupils', short: 'All pupils', group: 'all' },
];

/** Latest persistent absence of every area for a measure: value or null (not published). */
export function rankValues(m: RankMeasure): { period: string; values: { area: Area; v: number | null }[]; source: 'sen' | 'lait' } {
  if (m.group === 'all') {
    const li = laitLatestIndex('persistent');
    return { period: lait.periods[li]!, source: 'lait', values: geo.areas.map((a) => ({ area: a, v: num(laitSeries(a.laCode, 'persistent')[li]!) })) };
  }
  const slot = senLatestIndex(PA);
  return { period: sen.slots[PA][slot]!.period, source: 'sen', values: geo.areas.map((a) => ({ area: a, v: senSeries(PA, 'total', m.group as SenSeriesGroup, a.laCode)[slot] ?? null })) };
}

const RANK_COLUMNS: Column[] = [
  { name: 'rank', type: 'Indicator', label: 'Rank (1 = lowest)', unit: '' },
  { name: 'la_name', type: 'Filter', label: 'Area' },
  { name: 'region_name', type: 'Filter', label: 'Region' },
  { name: 'rate', type: 'Indicator', label: 'Persistently absent', unit: '%', dp: 1 },
];

/** `ranked` defaults to the generated data (rankValues); tests pass fixture values. */
export function rankChart(m: RankMeasure, ranked: ReturnType<typeof rankValues> = rankValues(m)): ChartSpec {
  const { period, values, source } = ranked;
  const year = formatPeriod(period);
  const have = values.filter((d) => d.v !== null).sort((a, b) => a.v! - b.v! || a.area.name.localeCompare(b.area.name));
  const none = values.filter((d) => d.v === null);
  // A ranking needs figures: the build stops with what is wrong rather than drawing an empty chart.
  if (have.length < 2) throw new Error(`absence ranking ${m.id}, ${year}: ${plural(have.length, 'area')} with a figure (${plural(none.length, 'area')} suppressed or not published); a ranking needs at least two. Check the absence source rows for ${year}.`);
  const s = spread(values.map((d) => d.v))!;
  const rows = [
    ...have.map((d, i) => ({ rank: i + 1, la_name: d.area.name, region_name: geo.regionOf(d.area).name, rate: value(d.v!) })),
    ...none.map((d) => ({ rank: '', la_name: d.area.name, region_name: geo.regionOf(d.area).name, rate: BLANK })),
  ];
  const lo = have[0]!;
  const hi = have.at(-1)!;
  const summary =
    `In ${year}, the share of ${m.label} who were persistently absent ranged from ${pct(lo.v!)} in ${lo.area.name} to ${pct(hi.v!)} in ${hi.area.name}. ` +
    `The median of all areas was ${pct(s.median)}; half of areas were between ${pct(s.q1)} and ${pct(s.q3)}.`;
  const notes = [source === 'sen' ? 'The dashed line is the median of all areas, not an England figure: this source publishes local areas only.' : 'The dashed line is the median of all areas.'];
  if (none.length) notes.push(`Suppressed or not published for ${plural(none.length, 'area')}: ${listInProse(none.map((d) => d.area.name))}. They are left out of the chart and listed at the end of the table.`);
  const plotData = have.map((d) => ({ name: d.area.name, v: d.v! }));
  return checkSpec({
    id: `absence-rank-${m.id}`,
    key: 'england',
    page: `/absence/ranked/${m.id}/`,
    title: `Every area ranked: ${m.label}`,
    subtitle: `Percentage of ${m.label} missing 10% or more of sessions, all state-funded schools, ${plural(have.length, 'local area')} in England, ${year}, lowest first`,
    source: source === 'sen' ? SRC_SEN : SRC_LAIT,
    release: `Pupil absence in schools in England, ${year}`,
    sourceIds: source === 'sen' ? ['absence-sen-status'] : ['lait-store'],
    columns: RANK_COLUMNS,
    rows,
    summary,
    notes,
    // Phone form: the 10 lowest and 10 highest areas and the median (the table has all of them).
    phonePlot: rankedPhonePlot(plotData, { xLabel: 'Persistently absent (%)', format: pct, reference: { x: s.median, label: `Median of all areas ${pct(s.median)}` } }),
    plot: {
      height: 70 + have.length * 13,
      marginLeft: Math.max(...plotData.map((d) => textWidth(d.name, 10))) + 10,
      marginRight: 40,
      marginTop: 40,
      marginBottom: 30,
      x: { grid: true, label: 'Persistently absent (%)', axis: 'top', nice: true, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: plotData.map((d) => d.name), label: null, axis: null },
      marks: [
        Plot.axisY({ tickSize: 0, fontSize: 10, label: null }),
        Plot.barX(plotData, { y: 'name', x: 'v', fill: PALETTE.blue }),
        Plot.ruleX([s.median], { stroke: PALETTE.orange, strokeWidth: 2, strokeDasharray: '6,3' }),
        Plot.text([{ x: s.median }], { x: 'x', frameAnchor: 'bottom', text: () => `Median of all areas ${pct(s.median)}`, dy: 18, textAnchor: 'end', fill: PALETTE.text, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
        Plot.ruleX([0]),
      ],
    },
    placeName: 'England',
  });
}

const REGION_COLUMNS: Column[] = [
  { name: 'la_name', type: 'Filter', label: 'Area' },
  { name: 'sen_status', type: 'Filter', label: 'SEN status' },
  { name: 'rate', type: 'Indicator', label: 'Persistently absent', unit: '%', dp: 1 },
];

/** Region: its areas' persistent absence by SEN status, latest year. */
function regionChart(slug: string): ChartSpec {
  const region = regionBySlug(slug);
  const areas = geo.areasInRegion(region.code);
  const slot = senLatestIndex(PA);
  const year = formatPeriod(sen.slots[PA][slot]!.period);
  const v = (a: Area, g: SenSeriesGroup) => senSeries(PA, 'total', g, a.laCode)[slot] ?? null;
  const order = [...areas].sort((a, b) => (v(b, 'ehcp') ?? -1) - (v(a, 'ehcp') ?? -1) || a.name.localeCompare(b.name));
  const rows = order.flatMap((a) => GROUPS.map((g) => ({ la_name: a.name, sen_status: g.label, rate: cellOf(v(a, g.id)) })));
  const plotData = rows.map((r) => ({ name: r.la_name, group: r.sen_status, v: num(r.rate) ?? NaN }));
  const medAll = Object.fromEntries(GROUPS.map((g) => [g.label, spread(geo.areas.map((a) => v(a, g.id)))!.median]));
  const e = spread(areas.map((a) => v(a, 'ehcp')));
  const top = order[0]!;
  const missing = rows.filter((r) => r.rate.kind !== 'value').map((r) => `${r.la_name} (${r.sen_status})`);
  const summary =
    `In ${year}, the median share of pupils with an EHC plan who were persistently absent across the ${areas.length} areas in ${theRegion(region)} was ${pct(e!.median)}, against ${pct(medAll['EHC plan']!)} across all areas in England. ` +
    `It was highest in ${top.name} (${pct(v(top, 'ehcp')!)}).`;
  const notes = ['The dashed lines are the median of all areas in England, not an England figure: this source publishes local areas only.'];
  if (missing.length) notes.push(`Suppressed or not published: ${listInProse(missing)}.`);
  return checkSpec({
    id: 'absence-region',
    key: slug,
    page: `/regions/${slug}/`,
    title: 'Persistent absence across the region',
    subtitle: `Percentage of pupils missing 10% or more of sessions, by SEN status, all state-funded schools, areas ${inRegion(region.name)}, ${year}`,
    source: SRC_SEN,
    release: `Pupil absence in schools in England, ${year}`,
    sourceIds: ['absence-sen-status'],
    columns: REGION_COLUMNS,
    rows,
    summary,
    notes,
    plot: {
      height: 80 + areas.length * 30,
      marginLeft: Math.max(...areas.flatMap((a) => wrapLines(a.name, 18)).map((l) => textWidth(l, 14))) + 12,
      marginRight: 16,
      x: { grid: true, label: null, axis: 'top', domain: [0, Math.max(50, ...plotData.map((d) => (Number.isFinite(d.v) ? d.v : 0)))], ticks: [0, 20, 40] },
      y: { domain: order.map((a) => a.name), label: null, tickFormat: (d: string) => wrapLines(d, 18).join('\n') },
      marginBottom: 52,
      fx: { domain: GROUPS.map((g) => g.label), label: null, axis: 'bottom', tickFormat: (d: string) => d.replace(' ', '\n') },
      marks: [
        Plot.ruleX(GROUPS.map((g) => ({ group: g.label, m: medAll[g.label] })), { fx: 'group', x: 'm', stroke: PALETTE.orange, strokeDasharray: '6,3' }),
        Plot.dot(plotData, { fx: 'group', y: 'name', x: 'v', fill: PALETTE.blue, r: 4 }),
        Plot.frame({ stroke: PALETTE.grey }),
      ],
    },
    placeName: region.name,
  });
}

export const absenceCharts: ChartFactory[] = [
  { id: 'absence-trend', scope: 'area', keys: () => geo.areas.map((a) => a.slug), make: trendChart },
  { id: 'absence-sen-compare', scope: 'area', keys: () => geo.areas.map((a) => a.slug), make: compareChart },
  { id: 'absence-sen-gap', scope: 'area', keys: () => geo.areas.map((a) => a.slug), make: gapChart },
  { id: 'absence-suspensions', scope: 'area', keys: () => geo.areas.map((a) => a.slug), make: suspensionsChart },
  { id: 'absence-region', scope: 'region', keys: () => geo.geography.regions.map((r) => r.slug), make: regionChart },
  { id: 'absence-national-sen', scope: 'national', keys: () => ['england'], make: nationalChart },
  ...RANK_MEASURES.map((m): ChartFactory => ({ id: `absence-rank-${m.id}`, scope: 'national', keys: () => ['england'], make: () => rankChart(m) })),
];

/** Spread is re-exported for pages that show medians in prose. */
export type { Spread };
