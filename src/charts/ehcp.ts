/**
 * Charts for EHC plans, tribunals and outcomes: national charts for
 * /ehc-plans/ and /outcomes/, and comparison charts for each area page.
 * Every number comes from src/generated (the pipeline); titles and summaries
 * are generated from the data.
 */
import * as Plot from '@observablehq/plot';
import { describeCell, SYMBOLS, type Cell } from '../lib/cell.ts';
import type { Column, CsvValue } from '../lib/downloads.ts';
import { formatNumber, listInProse } from '../lib/format.ts';
import type { Area } from '../lib/geography.ts';
import { ENGLAND, type SeriesView } from '../lib/series.ts';
import { blankReason, compare, ehcp, ehcpWithheld, LAIT_RELEASE, LAIT_SOURCE, outcomes, plansCell, SEN2_RELEASE, SEN2_SOURCE } from '../read/send-data.ts';
import { compareText, fmtInt, fmtPc, growthPc } from '../lib/send-text.ts';
import { geo } from '../read/site.ts';
import { SOURCE_LINES } from '../read/source-lines.ts';
import { refusalRate, timeliness, type MeasureDef } from '../read/measures.ts';
import { measureInSentence } from '../lib/words.ts';
import { linesPlot } from './lines.ts';
import { areaBySlug } from './places.ts';
import { PALETTE } from './render.ts';
import { COMPARISON_STYLE, NEIGHBOURS_LABEL, SEN_NAMES, SEN_STYLE, SUBJECT_STYLE } from './series-style.ts';
import { defineChart, type ChartContent, type ChartFactory } from './types.ts';

const SEN2 = SEN2_SOURCE;
const NEET_SOURCE = SOURCE_LINES.neet.source;

const v = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);
const word = (c: Cell): string => (c.kind === 'value' ? '' : c.kind === 'blank' ? 'no value' : SYMBOLS[c.code].label);

// ---------------------------------------------------------------- national


export const ehcpGrowth = defineChart({
  id: 'ehcp-growth',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = ehcp.measure('ehc_plans').periods;
    const rows = years.map((y) => {
      const st = ehcp.cell('statements', ENGLAND, y);
      const pl = ehcp.cell('ehc_plans', ENGLAND, y);
      return { year: y, statements: st, ehc_plans: pl, total: plansCell(ENGLAND, y) };
    });
    const first = rows[0]!;
    const pre = rows.find((r) => r.year === 2014)!;
    const last = rows[rows.length - 1]!;
    const g2014 = growthPc(pre.total, last.total)!;
    const g2010 = growthPc(first.total, last.total)!;
    const plot = rows.flatMap((r) => [
      { year: r.year, kind: 'Statements of SEN', n: v(r.statements) },
      { year: r.year, kind: 'EHC plans', n: v(r.ehc_plans) },
    ]).filter((d) => d.n !== null); // a year without a figure is a gap in the bars (and says so in the table)
    return {
      page: '/ehc-plans/',
      placeName: 'England',
      title: `Plans up ${formatNumber(g2014, 0)}% since the 2014 reforms`,
      subtitle: `Children and young people with a statement of SEN or an EHC plan, England, at January ${first.year} to ${last.year}`,
      source: SEN2,
      sourceIds: ['ehcp-2022-age-caseload', 'ehcp-2025-caseload'],
      release: SEN2_RELEASE,
      columns: [
        { name: 'year', type: 'Filter', label: 'January' },
        { name: 'statements', type: 'Indicator', label: 'Statements of SEN', unit: '', dp: 0 },
        { name: 'ehc_plans', type: 'Indicator', label: 'EHC plans', unit: '', dp: 0 },
        { name: 'total', type: 'Indicator', label: 'Statements and EHC plans', unit: '', dp: 0 },
      ],
      rows,
      summary: `In January ${last.year}, ${fmtInt(v(last.total)!)} children and young people in England had an EHC plan. In January ${pre.year}, before EHC plans replaced statements, ${fmtInt(v(pre.total)!)} had a statement: the number with a plan has grown by ${formatNumber(g2014, 0)}% since then, and by ${formatNumber(g2010, 0)}% since ${first.year}. Statements were converted to EHC plans between 2014 and 2018.`,
      notes: ['Statements of SEN were replaced by EHC plans from September 2014; by January 2019 all had been transferred. Statement counts are "not applicable" from 2019.'],
      plot: {
        height: 320,
        marginLeft: 60,
        x: { label: null, tickFormat: (d: number) => (d % 5 === 0 ? String(d) : '') },
        y: { label: 'Plans (thousands)', grid: true, tickFormat: (d: number) => formatNumber(d / 1000) },
        color: { domain: ['Statements of SEN', 'EHC plans'], range: [PALETTE.turquoise, PALETTE.blue] },
        marks: [
          Plot.barY(plot, { x: 'year', y: 'n', fill: 'kind' }),
          Plot.ruleY([0]),
          Plot.text([{ year: 2011, n: v(first.total)! + 60000, t: 'Statements' }], { x: 'year', y: 'n', text: 't', fill: PALETTE.turquoise, fontWeight: 700, textAnchor: 'start', dx: -4 }),
          Plot.text([{ year: last.year - 2, n: v(last.total)! + 30000, t: 'EHC plans' }], { x: 'year', y: 'n', text: 't', fill: PALETTE.blue, fontWeight: 700 }),
        ],
      },
    } satisfies ChartContent;
  },
});

export const ehcpTimeliness = defineChart({
  id: 'ehcp-timeliness',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = ehcp.measure('t20_pc').periods;
    const rows = years.map((y) => ({
      year: y,
      t20_den: ehcp.cell('t20_den', ENGLAND, y),
      t20_num: ehcp.cell('t20_num', ENGLAND, y),
      t20_pc: ehcp.cell('t20_pc', ENGLAND, y),
      t20_den_ex: ehcp.cell('t20_den_ex', ENGLAND, y),
      t20_num_ex: ehcp.cell('t20_num_ex', ENGLAND, y),
      t20_pc_ex: ehcp.cell('t20_pc_ex', ENGLAND, y),
    }));
    const last = rows[rows.length - 1]!;
    const best = rows.reduce((a, b) => ((v(b.t20_pc) ?? -1) > (v(a.t20_pc) ?? -1) ? b : a));
    const lines = rows.flatMap((r) => [
      { year: r.year, series: 'All plans', value: v(r.t20_pc) },
      { year: r.year, series: 'Excluding exceptions', value: v(r.t20_pc_ex) },
    ]);
    return {
      page: '/ehc-plans/',
      placeName: 'England',
      title: `${fmtPc(v(last.t20_pc)!)} of new plans within 20 weeks in ${last.year}`,
      subtitle: `New EHC plans issued within 20 weeks of the request, %, England, ${years[0]} to ${last.year}, including and excluding exception cases`,
      source: SEN2,
      sourceIds: ['ehcp-2023-mi', 'ehcp-2025-timeliness-20-week'],
      release: SEN2_RELEASE,
      columns: [
        { name: 'year', type: 'Filter', label: 'Calendar year' },
        { name: 't20_den', type: 'Indicator', label: 'New plans issued', unit: '', dp: 0 },
        { name: 't20_num', type: 'Indicator', label: 'Within 20 weeks', unit: '', dp: 0 },
        { name: 't20_pc', type: 'Indicator', label: 'Within 20 weeks, %', unit: '%', dp: 1 },
        { name: 't20_den_ex', type: 'Indicator', label: 'New plans, excluding exceptions', unit: '', dp: 0 },
        { name: 't20_num_ex', type: 'Indicator', label: 'Within 20 weeks, excluding exceptions', unit: '', dp: 0 },
        { name: 't20_pc_ex', type: 'Indicator', label: 'Within 20 weeks excluding exceptions, %', unit: '%', dp: 1 },
      ],
      rows,
      summary: `In ${last.year}, ${fmtInt(v(last.t20_num)!)} of the ${fmtInt(v(last.t20_den)!)} new EHC plans in England (${fmtPc(v(last.t20_pc)!)}) were issued within the legal limit of 20 weeks. Leaving out exception cases, where the law allows more time, the figure was ${fmtPc(v(last.t20_pc_ex)!)}. The highest share in these years was ${fmtPc(v(best.t20_pc)!)} in ${best.year}.`,
      notes: ['The dotted line marks the new collection: from 2023 local authorities report on each child rather than in totals, and DfE warns of a break in the series.', 'In 2020 COVID-19 rules allowed councils more time.'],
      plot: linesPlot(lines, { 'All plans': { stroke: PALETTE.blue, width: 3 }, 'Excluding exceptions': { stroke: PALETTE.turquoise, dash: '6,3' } }, { yLabel: timeliness.axisLabel, unit: '%', yDomain: [0, 100], breakAt: 2023 }),
    } satisfies ChartContent;
  },
});

export const ehcpRequests = defineChart({
  id: 'ehcp-requests',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const years = ehcp.measure('requests').periods.filter((y) => ehcp.cell('requests', ENGLAND, y).kind === 'value');
    const rows = years.map((y) => ({ year: y, requests: ehcp.cell('requests', ENGLAND, y), refused: ehcp.cell('refused', ENGLAND, y), refused_pc: ehcp.cell('refused_pc', ENGLAND, y) }));
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const g = growthPc(first.requests, last.requests)!;
    const bars = rows.flatMap((r) => [
      { year: r.year, kind: 'Refused', n: v(r.refused)! },
      { year: r.year, kind: 'Not refused', n: v(r.requests)! - v(r.refused)! },
    ]);
    return {
      page: '/ehc-plans/',
      placeName: 'England',
      title: `Requests for assessment up ${formatNumber(g, 0)}% since ${first.year}`,
      subtitle: `Initial requests for an EHC needs assessment, and requests the council refused, England, ${first.year} to ${last.year}`,
      source: SEN2,
      sourceIds: ['ehcp-2023-mi', 'ehcp-2025-requests'],
      release: SEN2_RELEASE,
      columns: [
        { name: 'year', type: 'Filter', label: 'Calendar year' },
        { name: 'requests', type: 'Indicator', label: 'Requests', unit: '', dp: 0 },
        { name: 'refused', type: 'Indicator', label: 'Refused', unit: '', dp: 0 },
        { name: 'refused_pc', type: 'Indicator', label: 'Refused, % of requests', unit: '%', dp: 1 },
      ],
      rows,
      summary: `Councils in England received ${fmtInt(v(last.requests)!)} requests for an EHC needs assessment in ${last.year}, up from ${fmtInt(v(first.requests)!)} in ${first.year}. They refused ${fmtInt(v(last.refused)!)} (${fmtPc(v(last.refused_pc)!)}) in ${last.year}, compared with ${fmtPc(v(first.refused_pc)!)} in ${first.year}.`,
      notes: ['"Not refused" includes requests agreed, withdrawn and not yet decided.', 'Requests were not counted in 2015.'],
      plot: {
        height: 300,
        marginLeft: 60,
        marginRight: 100,
        // Every other year is labelled, ending at the latest, so labels fit on a phone.
        x: { label: null, tickFormat: (d: number) => (d % 2 === last.year % 2 ? String(d) : '') },
        y: { label: 'Requests (thousands)', grid: true, tickFormat: (d: number) => formatNumber(d / 1000) },
        color: { domain: ['Refused', 'Not refused'], range: [PALETTE.maroon, PALETTE.blue] },
        marks: [
          Plot.barY(bars, { x: 'year', y: 'n', fill: 'kind' }),
          Plot.ruleY([0]),
          // Direct labels to the right of the latest bar, at the middle of each part.
          Plot.text([{ year: last.year, n: v(last.refused)! + (v(last.requests)! - v(last.refused)!) / 2, t: 'Not refused' }], { x: 'year', y: 'n', text: 't', fill: PALETTE.blue, fontWeight: 700, textAnchor: 'start', dx: 24 }),
          Plot.text([{ year: last.year, n: v(last.refused)! / 2, t: 'Refused' }], { x: 'year', y: 'n', text: 't', fill: PALETTE.maroon, fontWeight: 700, textAnchor: 'start', dx: 24 }),
        ],
      },
    } satisfies ChartContent;
  },
});

export const ehcpPrimaryNeed = defineChart({
  id: 'ehcp-primary-need',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const year = ehcp.latestPeriod('need_total');
    const ids = Object.keys(ehcp.json.measures).filter((m) => /^need_.*_pc$/.test(m));
    const rows = ids
      .map((id) => ({ need: ehcp.measure(id.replace(/_pc$/, '')).label.replace('EHC plans: primary need ', ''), plans: ehcp.cell(id.replace(/_pc$/, ''), ENGLAND, year), share: ehcp.cell(id, ENGLAND, year) }))
      .sort((a, b) => (v(b.share) ?? -Infinity) - (v(a.share) ?? -Infinity)); // needs without a figure last
    const top = rows[0]!;
    const second = rows[1]!;
    const third = rows[2]!;
    return {
      page: '/ehc-plans/',
      placeName: 'England',
      title: `${top.need} is the top need`,
      subtitle: `EHC plans by primary type of need, % of all plans, England, January ${year}`,
      source: SEN2,
      sourceIds: ['ehcp-2025-sen-needs-all-plans'],
      release: 'June 2025',
      columns: [
        { name: 'need', type: 'Filter', label: 'Primary need' },
        { name: 'plans', type: 'Indicator', label: 'EHC plans', unit: '', dp: 0 },
        { name: 'share', type: 'Indicator', label: '% of plans', unit: '%', dp: 1 },
      ],
      rows,
      summary: `In January ${year}, ${top.need.toLowerCase()} was the primary need in ${fmtPc(v(top.share)!)} of EHC plans in England (${fmtInt(v(top.plans)!)} plans). Next came ${second.need.toLowerCase()} (${fmtPc(v(second.share)!)}) and ${third.need.toLowerCase()} (${fmtPc(v(third.share)!)}).`,
      notes: [],
      plot: {
        // Each need is named above its bar, so long names keep the full width on a phone.
        height: 50 + rows.length * 40,
        marginLeft: 10,
        marginRight: 50,
        marginBottom: 40,
        x: { label: '% of EHC plans', grid: true, labelAnchor: 'center', labelArrow: 'none' },
        y: { axis: null, domain: rows.map((r) => r.need), padding: 0.1 },
        marks: [
          Plot.barX(rows, { x: (d: { share: Cell }) => v(d.share), y: 'need', fill: PALETTE.blue, insetTop: 18 }),
          Plot.text(rows, { x: 0, y: 'need', text: 'need', textAnchor: 'start', dy: -9, fill: PALETTE.text }),
          Plot.text(rows, { x: (d: { share: Cell }) => v(d.share) ?? 0, y: 'need', text: (d: { share: Cell }) => describeCell(d.share, (n) => fmtPc(n)), dx: 4, dy: 9, textAnchor: 'start', fill: PALETTE.text }),
          Plot.ruleX([0]),
        ],
      },
    } satisfies ChartContent;
  },
});

// ------------------------------------------------------------- outcomes (national)

const GROUPS = [
  { suffix: 'ehcp', label: SEN_NAMES.ehcp, ...SEN_STYLE.ehcp },
  { suffix: 'sen_support', label: SEN_NAMES.senSupport, ...SEN_STYLE.senSupport },
  { suffix: 'no_sen', label: SEN_NAMES.noSen, ...SEN_STYLE.noSen },
] as readonly { suffix: string; label: string; stroke: string; dash?: string; width: number }[];

function bySenChart(opts: { id: string; base: string; what: string; unit: '%' | ''; title: (last: Record<string, number>, year: string) => string; subtitle: string; source: string; sourceIds: string[]; release: string; notes: string[]; periodLabel: (p: number) => string; yDomain?: [number, number] }): ChartFactory {
  return defineChart({
    id: opts.id,
    scope: 'national',
    keys: () => ['england'],
    make() {
      const ids = GROUPS.map((g) => `${opts.base}_${g.suffix}`);
      const years = outcomes.measure(ids[0]!).periods;
      const rows = years.map((y) => ({ year: opts.periodLabel(y), ...Object.fromEntries(GROUPS.map((g, i) => [g.suffix, outcomes.cell(ids[i]!, ENGLAND, y)])) })) as Record<string, CsvValue>[];
      // The latest year in which England has a figure for every group (so none is missing below).
      const lastYear = [...years].reverse().find((y) => ids.every((id) => outcomes.cell(id, ENGLAND, y).kind === 'value'));
      if (lastYear === undefined) throw new Error(`${opts.id}: no year with an England figure for every SEN group`);
      const last: Record<string, number> = Object.fromEntries(GROUPS.map((g, i) => [g.suffix, v(outcomes.cell(ids[i]!, ENGLAND, lastYear))!]));
      const missing = years.filter((y) => ids.every((id) => outcomes.cell(id, ENGLAND, y).kind !== 'value'));
      const fmt = (n: number | null) => (n === null ? 'not available' : opts.unit === '%' ? fmtPc(n, Number.isInteger(n) ? 0 : 1) : formatNumber(n, 1));
      const lines = years.flatMap((y) => GROUPS.map((g, i) => ({ year: y, series: g.label, value: v(outcomes.cell(ids[i]!, ENGLAND, y)) })));
      return {
        page: '/outcomes/',
        placeName: 'England',
        title: opts.title(last, opts.periodLabel(lastYear)),
        subtitle: opts.subtitle,
        source: opts.source,
        sourceIds: opts.sourceIds,
        release: opts.release,
        columns: [{ name: 'year', type: 'Filter', label: 'Year' }, ...GROUPS.map((g): Column => ({ name: g.suffix, type: 'Indicator', label: g.label, unit: opts.unit, dp: 1 }))],
        rows,
        summary: `In ${opts.periodLabel(lastYear)}, ${opts.what} was ${fmt(last.ehcp!)} for pupils with an EHC plan, ${fmt(last.sen_support!)} for pupils on SEN support and ${fmt(last.no_sen!)} for pupils with no SEN, in England.`,
        notes: [...opts.notes, ...(missing.length ? [`No figures for ${listInProse(missing.map(opts.periodLabel))}: shown as gaps.`] : [])],
        plot: linesPlot(lines, Object.fromEntries(GROUPS.map((g) => [g.label, { stroke: g.stroke, dash: g.dash, width: g.width }])), { yLabel: opts.unit === '%' ? '%' : 'Score', unit: opts.unit, yDomain: opts.yDomain }),
      } satisfies ChartContent;
    },
  });
}

const academic = (p: number) => `${p - 1}/${String(p % 100).padStart(2, '0')}`;

export const outcomesKs2 = bySenChart({
  id: 'outcomes-ks2',
  base: 'ks2_rwm',
  what: 'the share reaching the expected standard in reading, writing and maths at age 11',
  unit: '%',
  title: (l) => `Only ${formatNumber(l.ehcp!)}% with a plan met the standard at 11`,
  subtitle: 'Pupils reaching the expected standard in reading, writing and maths at the end of key stage 2, %, by SEN status, England, state-funded schools',
  source: LAIT_SOURCE,
  sourceIds: ['lait-store'],
  release: LAIT_RELEASE,
  notes: ['Tests were cancelled in 2020 and 2021.'],
  periodLabel: academic,
  yDomain: [0, 100],
});

export const outcomesAtt8 = bySenChart({
  id: 'outcomes-att8',
  base: 'att8',
  what: 'the average Attainment 8 score at GCSE',
  unit: '',
  title: (l) => `Attainment 8: ${formatNumber(l.ehcp!, 1)} with a plan, ${formatNumber(l.no_sen!, 1)} no SEN`,
  subtitle: 'Average Attainment 8 score per pupil at the end of key stage 4, by SEN status, England, state-funded schools',
  source: LAIT_SOURCE,
  sourceIds: ['lait-store'],
  release: LAIT_RELEASE,
  notes: ['GCSE grading in 2020 and 2021 used teacher and centre assessments, so scores are higher in those years.'],
  periodLabel: academic,
});

export const outcomesLevel3 = bySenChart({
  id: 'outcomes-level3',
  base: 'l3_at_19',
  what: 'the share of 19-year-olds qualified to Level 3',
  unit: '%',
  title: (l) => `${formatNumber(l.ehcp!, 0)}% with an EHC plan reach Level 3 by 19`,
  subtitle: '19-year-olds qualified to Level 3 (for example 2 A levels), %, by SEN status when at school, England',
  source: LAIT_SOURCE,
  sourceIds: ['lait-store'],
  release: LAIT_RELEASE,
  notes: [],
  periodLabel: academic,
  yDomain: [0, 100],
});

export const outcomesNeet = bySenChart({
  id: 'outcomes-neet',
  base: 'neet_nk',
  what: 'the share of 16 and 17-year-olds not in education, employment or training, or whose activity was not known,',
  unit: '%',
  title: (l) => `EHC plan: ${fmtPc(l.ehcp!)} NEET or not known at 16–17`,
  subtitle: '16 and 17-year-olds not in education, employment or training (NEET) or whose activity is not known, %, by SEND status, England, December to February average',
  source: NEET_SOURCE,
  sourceIds: ['neet-2022', 'neet-2023', 'neet-2024', 'neet-2025'],
  release: '2022 to 2025 files',
  notes: ['The measure counts young people whose activity is not known as well as those who are NEET.'],
  periodLabel: (p) => `${p}`,
});

export const outcomesSpend = defineChart({
  id: 'outcomes-spend',
  scope: 'national',
  keys: () => ['england'],
  make() {
    const id = 'sen_spend_per_child_week';
    const years = outcomes.measure(id).periods;
    const label = (p: number) => `${p - 1}-${String(p % 100).padStart(2, '0')}`;
    const rows = years.map((y) => ({ year: label(y), spend: outcomes.cell(id, ENGLAND, y) }));
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    return {
      page: '/outcomes/',
      placeName: 'England',
      title: `About £${formatNumber(v(last.spend)!)} a week per child with a plan`,
      subtitle: 'Council spending on SEN services per child with an EHC plan, £ per week, England, outturn, rounded to the nearest £5, not adjusted for inflation',
      source: LAIT_SOURCE,
      sourceIds: ['lait-store'],
      release: LAIT_RELEASE,
      columns: [
        { name: 'year', type: 'Filter', label: 'Financial year' },
        { name: 'spend', type: 'Indicator', label: '£ per child with an EHC plan per week', unit: '£', dp: 0 },
      ],
      rows,
      summary: `In ${last.year}, councils in England spent about £${formatNumber(v(last.spend)!)} a week on SEN services for each child or young person with an EHC plan, against £${formatNumber(v(first.spend)!)} in ${first.year}. These are cash figures, not adjusted for inflation, and the number of plans grew fast over the period.`,
      notes: ['Spending on SEN services (section 251 outturn lines, including SEN transport and support services) divided by the number of children with an EHC plan at January. It is not the cost of a plan, and it leaves out most of the high needs block paid to schools and colleges.'],
      plot: linesPlot(years.map((y) => ({ year: y, series: 'England', value: v(outcomes.cell(id, ENGLAND, y)) })), { England: SUBJECT_STYLE }, { yLabel: '£ per week', unit: '£' }),
    } satisfies ChartContent;
  },
});

// ------------------------------------------------------------------ areas

interface AreaChartOpts {
  id: string;
  view: SeriesView;
  measure: string;
  from?: number;
  unit: '%' | '' | '£';
  dp: number;
  noun: string;
  subtitle: (area: Area, first: number, last: number) => string;
  source: string;
  sourceIds: string[];
  release: string;
  breakAt?: number;
  yDomain?: [number, number];
  notes?: (area: Area) => string[];
  extraColumns?: { name: string; label: string; measure: string }[];
  /** Text for the area's own cell in a year, when it is not a plain value (e.g. "no plans issued"). */
  explain?: (area: Area, year: number) => string | null;
  /** How a period reads (default: the year as a number): "2023-24", "January 2025". */
  periodLabel?: (year: number) => string;
  /** Label of the period column in the table and CSV (default "Year"). */
  periodName?: string;
  /** How a period reads on the x axis (default: periodLabel, else the year). */
  tickLabel?: (year: number) => string;
}

/** What an area line chart takes from its measure's one definition (src/read/measures.ts): series, unit, decimal places, noun, source, release and axis range. */
export function fromMeasure(m: MeasureDef): Pick<AreaChartOpts, 'view' | 'measure' | 'from' | 'unit' | 'dp' | 'noun' | 'source' | 'release' | 'yDomain'> {
  if (!m.inView) throw new Error(`measure ${m.id} is not a series of a dataset, so it has no area line chart`);
  if (m.unit !== '%' && m.unit !== '' && m.unit !== '£') throw new Error(`measure ${m.id}: a line chart needs a number, not a ${m.unit}`);
  return {
    view: m.inView.view,
    measure: m.inView.measure,
    ...(m.inView.from === undefined ? {} : { from: m.inView.from }),
    unit: m.unit,
    dp: m.dp,
    noun: measureInSentence(m.noun),
    source: m.source,
    release: m.release,
    ...(m.domain ? { yDomain: m.domain } : {}),
  };
}

export const AREA_SERIES = (area: Area) => ({ area: area.name, region: geo.regionOf(area).name, neighbours: NEIGHBOURS_LABEL, england: 'England' });

export function areaComparisonChart(o: AreaChartOpts): ChartFactory {
  return defineChart({
    id: o.id,
    scope: 'area',
    keys: () => geo.areas.filter((a) => o.view.hasGeo(o.measure, a.laCode)).map((a) => a.slug),
    make(slug) {
      const area = areaBySlug(slug);
      const names = AREA_SERIES(area);
      // The measure in words for the tidy download: the dataset's own label for it.
      const measureWords = o.view.measure(o.measure).label;
      const years = o.view.measure(o.measure).periods.filter((p) => p >= (o.from ?? 0));
      const comps = years.map((y) => ({ year: y, c: compare(o.view, o.measure, area, y) }));
      const L = o.periodLabel ?? ((y: number) => String(y));
      const rows = comps.map(({ year, c }) => ({
        year: o.periodLabel ? L(year) : year,
        area: c.area,
        ...Object.fromEntries((o.extraColumns ?? []).map((e) => [e.name, o.view.cell(e.measure, area.laCode, year)])),
        region: c.region,
        neighbours: c.neighbours,
        neighbours_n: c.neighboursWithValue,
        england: c.england,
      }));
      const withValue = comps.filter((x) => x.c.area.kind === 'value');
      const lastC = withValue[withValue.length - 1];
      const fmt = (n: number) => (o.unit === '%' ? fmtPc(n, o.dp) : o.unit === '£' ? `£${formatNumber(n)}` : formatNumber(n, o.dp));
      let title: string;
      let summary: string;
      if (!lastC) {
        title = `No ${o.noun} figures for ${area.name}`;
        summary = `There are no published ${o.noun} figures for ${area.name} in these years.`;
      } else {
        const a = v(lastC.c.area)!;
        const e = v(lastC.c.england);
        const n = v(lastC.c.neighbours);
        const r = v(lastC.c.region);
        const rel = e === null ? null : a - e;
        const dir = rel === null ? '' : Math.abs(rel) < 10 ** -o.dp / 2 ? 'Same as' : rel > 0 ? 'Above' : 'Below';
        title = dir ? `${dir} England on ${o.noun}, ${L(lastC.year)}` : `${o.noun[0]!.toUpperCase()}${o.noun.slice(1)} in ${L(lastC.year)}`;
        if (title.split(/\s+/).length > 10) title = `${o.noun[0]!.toUpperCase()}${o.noun.slice(1)}, ${L(lastC.year)}`;
        const parts = [`In ${L(lastC.year)}, ${area.name}'s ${o.noun} was ${fmt(a)}`];
        if (e !== null) parts.push(`${compareText(a, e, o.unit, o.dp)} England (${fmt(e)})`);
        const tail: string[] = [];
        if (r !== null) tail.push(`${names.region} ${fmt(r)}`);
        if (n !== null) tail.push(`the median of ${lastC.c.neighboursWithValue} statistical neighbours ${fmt(n)}`);
        summary = `${parts.join(', ')}.${tail.length ? ` For comparison: ${listInProse(tail)}.` : ''}`;
        const firstC = withValue[0]!;
        if (firstC.year !== lastC.year) summary += ` In ${L(firstC.year)} it was ${fmt(v(firstC.c.area)!)}.`;
      }
      const notes: string[] = [];
      // One note per run of consecutive years with the same reason ("2015 to 2020: …").
      const gaps = comps
        .filter((x) => x.c.area.kind !== 'value')
        .map((g) => ({ year: g.year, why: o.explain?.(area, g.year) ?? (g.c.area.kind === 'blank' ? blankReason(area) : word(g.c.area)) }));
      const runs: { from: number; to: number; why: string }[] = [];
      for (const g of gaps) {
        const prev = runs[runs.length - 1];
        const prevIndex = prev ? years.indexOf(prev.to) : -2;
        if (prev && prev.why === g.why && years.indexOf(g.year) === prevIndex + 1) prev.to = g.year;
        else runs.push({ from: g.year, to: g.year, why: g.why });
      }
      for (const r of runs) notes.push(`${r.from === r.to ? L(r.from) : `${L(r.from)} to ${L(r.to)}`}: no figure for ${area.name} (${r.why}).`);
      const fewNeighbours = comps.filter((x) => x.c.neighboursWithValue > 0 && x.c.neighboursWithValue < 10);
      if (fewNeighbours.length) notes.push(`Statistical neighbours: the median uses only the neighbours with a figure (${listInProse(fewNeighbours.map((x) => `${x.c.neighboursWithValue} of 10 in ${L(x.year)}`))}).`);
      notes.push(...(o.notes?.(area) ?? []));

      const lines = comps.flatMap(({ year, c }) => [
        { year, series: names.england, value: v(c.england) },
        { year, series: names.region, value: v(c.region) },
        { year, series: names.neighbours, value: v(c.neighbours) },
        // A year the area has a symbol for (suppressed, not available, no plans issued) is marked in the drawing; a year before the area existed is a plain gap.
        { year, series: names.area, value: v(c.area), gap: c.area.kind === 'symbol' ? (o.explain?.(area, year) ?? word(c.area)) : null },
      ]);
      const styles: Record<string, { stroke: string; dash?: string; width?: number }> = {
        [names.england]: COMPARISON_STYLE.england,
        [names.region]: COMPARISON_STYLE.region,
        [names.neighbours]: COMPARISON_STYLE.neighbours,
        [names.area]: COMPARISON_STYLE.area,
      };
      return {
        page: `/areas/${slug}/`,
        placeName: area.name,
        title,
        subtitle: o.subtitle(area, years[0]!, years[years.length - 1]!),
        source: o.source,
        sourceIds: o.sourceIds,
        release: o.release,
        columns: [
          { name: 'year', type: 'Filter', label: o.periodName ?? 'Year' },
          { name: 'area', type: 'Indicator', label: area.name, unit: o.unit, dp: o.dp, measure: measureWords, place: area.name },
          ...(o.extraColumns ?? []).map((e): Column => ({ name: e.name, type: 'Indicator', label: e.label, unit: '', dp: 0, place: area.name })),
          { name: 'region', type: 'Indicator', label: names.region, unit: o.unit, dp: o.dp, measure: measureWords, place: names.region },
          { name: 'neighbours', type: 'Indicator', label: NEIGHBOURS_LABEL, unit: o.unit, dp: o.dp, measure: measureWords, place: 'Statistical neighbours (median of 10)' },
          { name: 'neighbours_n', type: 'Indicator', label: 'Statistical neighbours with a figure', unit: '', dp: 0, place: 'Statistical neighbours (median of 10)' },
          { name: 'england', type: 'Indicator', label: 'England', unit: o.unit, dp: o.dp, measure: measureWords, place: 'England' },
        ],
        rows,
        summary,
        notes,
        plot: linesPlot(lines, styles, { yLabel: o.unit === '%' ? '%' : o.unit === '£' ? '£' : '', unit: o.unit, format: fmt, breakAt: o.breakAt, yDomain: o.yDomain, ...(o.tickLabel ?? o.periodLabel ? { xTickFormat: o.tickLabel ?? o.periodLabel } : {}) }),
      } satisfies ChartContent;
    },
  });
}

/** Why an area has no timeliness figure in a year: no plans, or not available. */
export function timelinessGap(area: Area, year: number): string | null {
  const den = ehcp.cell('t20_den', area.laCode, year);
  if (den.kind === 'value' && den.value === 0) return 'no plans issued';
  return null;
}

export const areaTimeliness = areaComparisonChart({
  ...fromMeasure(timeliness),
  id: 'area-ehcp-timeliness',
  subtitle: (a, f, l) => `New EHC plans issued within 20 weeks, % (including exception cases), ${a.name} compared with England, its region and the median of its 10 statistical neighbours, ${f} to ${l}`,
  sourceIds: ['ehcp-2023-mi', 'ehcp-2025-timeliness-20-week'],
  breakAt: 2023,
  extraColumns: [{ name: 'plans_issued', label: `New plans issued`, measure: 't20_den' }],
  explain: timelinessGap,
  notes: (a) => [...(ehcpWithheld[a.laCode] ?? []), 'The dotted line marks the new collection: from 2023 councils report on each child rather than in totals, and DfE warns of a break in the series.'],
});

export const areaRefusals = areaComparisonChart({
  ...fromMeasure(refusalRate),
  id: 'area-ehcp-refusals',
  subtitle: (a, f, l) => `Requests for an EHC needs assessment that the council refused, % of requests received, ${a.name} compared with England, its region and the median of its 10 statistical neighbours, ${f} to ${l}`,
  sourceIds: ['ehcp-2023-mi', 'ehcp-2025-requests'],
  breakAt: 2023,
  notes: () => ['The dotted line marks the new collection: from 2023 councils report on each child rather than in totals, and DfE warns of a break in the series.'],
  explain: (a, y) => {
    const r = ehcp.cell('requests', a.laCode, y);
    return r.kind === 'value' && r.value === 0 ? 'no requests received' : null;
  },
});

export const EHCP_CHARTS: ChartFactory[] = [
  ehcpGrowth,
  ehcpTimeliness,
  ehcpRequests,
  ehcpPrimaryNeed,
  outcomesKs2,
  outcomesAtt8,
  outcomesLevel3,
  outcomesNeet,
  outcomesSpend,
  areaTimeliness,
  areaRefusals,
];
