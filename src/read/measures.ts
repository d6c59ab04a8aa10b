/**
 * Key measures: the few figures the compare views put side by side for any
 * set of areas. Each topic adds a measure with one entry in KEY_MEASURES.
 *
 * A measure gives, for one of today's 153 areas, its series over time: one
 * point per period, oldest first. A point has a number (value), or a DfE
 * symbol (value null, symbol "c", "x", …) that must be shown as such, never 0.
 * `display` turns a point into the words a table shows; `better` says which
 * way is better (or null when there is no better direction), for charts only.
 */
import { areaInspections, eventsOf, inspections, RELEASE as INSPECTIONS_RELEASE, SOURCE_IDS as INSPECTION_SOURCE_IDS } from './inspections-data.ts';
import { formatDate, formatNumber, formatPercent } from '../lib/format.ts';
import { SYMBOLS, isSymbolCode, type Cell } from '../lib/cell.ts';
import { sen, senSeries } from './absence-data.ts';
import { ehcp, LAIT_RELEASE, LAIT_SOURCE, outcomes, plansCell, planGrowth, regionCell, SEN2_RELEASE, SEN2_SOURCE, tribunal, TRIBUNAL_RELEASE, TRIBUNAL_SOURCE } from './send-data.ts';
import { ENGLAND, type PeriodType, type SeriesView } from '../lib/series.ts';
import { geo, sourceLine } from './site.ts';
import { SOURCE_LINES } from './source-lines.ts';
import { prevalence } from './money-data.ts';
import { median } from '../lib/spread.ts';
import type { TopicId } from '../lib/topics.ts';
import { TIMELINESS_NOUN } from '../datasets/ehcp.ts';

import type { Area } from '../lib/geography.ts';
import { OUTCOME_LABELS, type Outcome } from '../lib/inspections.ts';

export interface SeriesPoint {
  /** ISO date ("2024-03-05"), month ("2024-03"), year ("2024") or academic year ("202324"). */
  period: string;
  /** The number, or null when the point is a symbol. */
  value: number | null;
  /** DfE symbol when there is no number (c, x, z, low, …). */
  symbol?: string;
  /** e.g. "Inspected as Northamptonshire (before April 2021)". */
  note?: string;
}

export interface KeyMeasure {
  id: string;
  /** Short label for a table row. */
  label: string;
  /** '' for a count or score, '%' for a rate, '£' for money; 'outcome' and 'yes/no' for category codes. */
  unit: '' | '%' | '£' | 'outcome' | 'yes/no';
  /** One sentence: what is measured, for whom. */
  description: string;
  /** Source line. */
  source: string;
  release: string;
  sourceIds: string[];
  /** What a point means in words (table cells, chart labels). */
  display(p: SeriesPoint): string;
  /** Shown when an area has no point at all. */
  empty: string;
  /** 'lower' when a smaller value is better; null when not comparable that way. */
  better: 'lower' | 'higher' | null;
  series(area: Area): SeriesPoint[];
}

const INSPECTION_SOURCE = SOURCE_LINES.inspections.title;

/** Latest outcome under the 2023 framework: 1, 2 or 3; one point per full inspection. */
export const inspectionOutcome: KeyMeasure = {
  id: 'inspection-outcome',
  label: 'Inspection outcome (2023 framework)',
  unit: 'outcome',
  description: 'Outcome of each full local area SEND inspection under the framework that began in January 2023: 1 is the best of three.',
  source: INSPECTION_SOURCE,
  release: INSPECTIONS_RELEASE,
  sourceIds: INSPECTION_SOURCE_IDS,
  display: (p) => (p.value === null ? (p.symbol ?? 'no figure') : `Outcome ${p.value}: ${OUTCOME_LABELS[p.value as Outcome]}`),
  empty: 'Not yet inspected under the 2023 framework',
  better: 'lower',
  series(area) {
    return eventsOf(areaInspections(area.slug))
      .filter((e) => e.kind === 'full-inspection')
      .map((e) => {
        const period = e.start ?? e.startMonth ?? e.publication;
        if (!period) throw new Error(`inspection ${e.id} of ${area.name} has no date`);
        if (e.outcome === null) throw new Error(`full inspection ${e.id} of ${area.name} has no outcome`);
        return { period, value: e.outcome, ...(e.inheritedNote ? { note: e.inheritedNote } : {}) };
      });
  },
};

/** First cycle (2016 framework): whether a written statement of action (WSOA) was required. 1 = yes, 0 = no. */
export const firstCycleWsoa: KeyMeasure = {
  id: 'first-cycle-wsoa',
  label: 'Written statement of action required (2016 to 2022 inspections)',
  unit: 'yes/no',
  description:
    'Whether the area’s first local area SEND inspection (2016 to 2022) found significant weaknesses and required a written statement of action.',
  source: INSPECTION_SOURCE,
  release: INSPECTIONS_RELEASE,
  sourceIds: INSPECTION_SOURCE_IDS,
  display: (p) => (p.value === null ? (p.symbol ?? 'no figure') : p.value === 1 ? 'Yes' : 'No'),
  empty: 'No inspection on record',
  better: 'lower',
  series(area) {
    return eventsOf(areaInspections(area.slug))
      .filter((e) => e.kind === 'first-inspection')
      .map((e) => {
        const period = e.start ?? e.startMonth ?? e.publication;
        if (!period) throw new Error(`inspection ${e.id} of ${area.name} has no date`);
        if (e.wsoaRequired === null) throw new Error(`first inspection ${e.id} of ${area.name} has no WSOA answer`);
        return { period, value: e.wsoaRequired ? 1 : 0, ...(e.inheritedNote ? { note: e.inheritedNote } : {}) };
      });
  },
};

/** Points from a Cell series: values, and symbols kept as such; blanks (no row: the area did not exist) left out. */
function cellPoints(periods: readonly number[], cellAt: (period: number) => Cell): SeriesPoint[] {
  return periods.flatMap((period): SeriesPoint[] => {
    const c = cellAt(period);
    if (c.kind === 'value') return [{ period: String(period), value: c.value }];
    if (c.kind === 'symbol') return [{ period: String(period), value: null, symbol: c.code }];
    return [];
  });
}

const symbolWords = (p: SeriesPoint) => (p.symbol === 'c' || p.symbol === 'low' ? 'suppressed' : p.symbol === 'z' ? 'not applicable' : 'not available');

/** Children and young people with an EHC plan (or statement), January each year. */
export const ehcPlans: KeyMeasure = {
  id: 'ehc-plans',
  label: 'EHC plans held in January',
  unit: '',
  description: 'Children and young people with an education, health and care (EHC) plan maintained by the council, in January each year.',
  source: SEN2_SOURCE,
  release: SEN2_RELEASE,
  sourceIds: ehcp.measure('ehc_plans').sourceIds,
  display: (p) => (p.value === null ? symbolWords(p) : formatNumber(p.value)),
  empty: 'No figures',
  better: null,
  series: (area) => cellPoints(ehcp.measure('ehc_plans').periods, (y) => plansCell(area.laCode, y)),
};


const PA = 'enrolments_pa_10_exact_percent';

/** Persistent absence of pupils with an EHC plan, all state-funded schools, by academic year. */
export const persistentAbsenceEhcp: KeyMeasure = {
  id: 'persistent-absence-ehcp',
  label: 'Persistent absence, pupils with an EHC plan',
  unit: '%',
  description: 'Percentage of pupils with an EHC plan who missed 10% or more of their school sessions, all state-funded schools, by academic year.',
  source: SOURCE_LINES.absenceSen.source,
  release: `${SOURCE_LINES.absenceSen.title}, ${formatPointPeriod(sen.slots[PA][0]!.period)} to ${formatPointPeriod(sen.slots[PA].at(-1)!.period)}`,
  sourceIds: ['absence-sen-status'],
  display: (p) => (p.value === null ? (p.symbol === 'no plans issued' ? p.symbol : symbolWords(p)) : formatPercent(p.value, 1)),
  empty: 'No figures',
  better: 'lower',
  series(area) {
    const values = senSeries(PA, 'total', 'ehcp', area.laCode);
    return sen.slots[PA].flatMap((slot, i) => (values[i] === null || values[i] === undefined ? [] : [{ period: slot.period, value: values[i]! }]));
  },
};

// ------------------------------------------------------------------ MeasureDef
/*
 * A MeasureDef is a key measure with everything a chart needs: its noun, unit
 * and decimal places, what its period is, its polarity, the England and region
 * references and the rule for why an area has no value. From one MeasureDef
 * come the area page's neighbour benchmark chart (src/charts/benchmark.ts),
 * the /compare/ row and small multiples, and the static compare table row.
 * A new measure is one more entry in BENCHMARK_MEASURES: no new chart code.
 */

/** A reference series drawn beside the areas: England, the region, or a labelled median where the publisher gives none. */
export interface Reference {
  /** Short label for a chart: "England", "West Midlands", "All areas (median)". */
  label: string;
  /** What it is in full, where the short label is not all: "Median of all areas (no England figure is published)". */
  long?: string;
  points: SeriesPoint[];
}

export interface MeasureDef extends KeyMeasure {
  /** Short noun for titles and sentences, 4 words or fewer: "20-week timeliness". */
  noun: string;
  /** Decimal places shown (figures are rounded once, at display). */
  dp: number;
  /** What a period is, for subtitles: "calendar year", "January", "academic year", "date of the inspection". */
  period: string;
  /** Axis label with its unit: "% of new plans within 20 weeks". */
  axisLabel: string;
  /** Fixed axis range, where the measure has one (0 to 100 for shares of all). */
  domain?: [number, number];
  /** A value as a chart label: "45.9%". */
  format(n: number): string;
  /** Compare every area at the latest common period, or at each area's own latest point (inspections). */
  benchmarkPeriod: 'common' | 'own';
  england(): Reference | null;
  region(regionCode: string): Reference | null;
  /** Why an area has no figure: the point's symbol in words, or why there is no point at all. */
  whyNoValue(area: Area, point: SeriesPoint | undefined): string;
  /** Where a reason is too long to sit beside a missing bar in the chart, the short words drawn instead ("Not yet inspected"). */
  gapLabel?: string;
  /** The counts behind a rate (shown beside it, so a figure from a handful of cases is seen as such). */
  counts?(laCode: string, period: string): { numerator: Cell; denominator: Cell; of: string } | null;
  /** Column labels for those counts: "Within 20 weeks", "New plans issued". */
  countLabels?: { numerator: string; denominator: string };
  /** A point's period as a reader says it: "January 2025", "2024", "2023/24", "2023-24". */
  when(period: string): string;
  /** The neighbour benchmark chart on every area page (default true). */
  benchmark?: boolean;
  /** The topic whose area page section has a row for the measure in its "How it compares" table (src/components/MeasureTable.astro). */
  section?: TopicId;
  /** A key fact on every area page, and "What stands out" when the area is outside its neighbours' range by more than `margin` (own units). */
  keyFact?: { margin: number };
  /** Where a measure is one series of a dataset: the view, its measure id and the first period shown (for the area's line chart). */
  inView?: { view: SeriesView; measure: string; from?: number };
}

export const POLARITY_WORDS: Record<'lower' | 'higher' | 'none', string> = {
  lower: 'Lower is better',
  higher: 'Higher is better',
  none: 'Neither higher nor lower is better',
};
export const polarityWords = (m: Pick<KeyMeasure, 'better'>): string => POLARITY_WORDS[m.better ?? 'none'];

const pcFmt = (dp: number) => (n: number) => formatPercent(n, dp);
/** A value in its unit, rounded once, here, for display. */
export const unitFormat = (unit: KeyMeasure['unit'], dp: number) => (n: number): string =>
  unit === '%' ? formatPercent(n, dp) : unit === '£' ? `£${formatNumber(n, dp)}` : formatNumber(n, dp);

/** A period of a dataset's series as a reader says it (the dataset's period type: src/lib/series.ts). */
export function periodWords(type: PeriodType, period: string): string {
  const y = Number(period);
  if (type === 'january') return `January ${period}`;
  if (type === 'financial' && /^\d{4}$/.test(period)) return `${y - 1}-${String(y % 100).padStart(2, '0')}`;
  if (type === 'academic' && /^\d{4}$/.test(period)) return `${y - 1}/${String(y % 100).padStart(2, '0')}`;
  return formatPointPeriod(period);
}

const regionName = (code: string) => geo.geography.regions.find((r) => r.code === code)?.name ?? code;

/** A measure read from a SeriesView (EES, LAIT or tribunal tables): England and region rows published, or worked out (regionCell). */
function viewMeasure(o: {
  id: string;
  view: SeriesView;
  measure: string;
  /** The measure's label: the dataset's own (its download column's), unless given. */
  label?: string;
  noun: string;
  /** Unit and decimal places: the dataset's own (src/datasets), unless given. */
  unit?: '%' | '' | '£';
  dp?: number;
  period: string;
  axisLabel: string;
  domain?: [number, number];
  description: string;
  /** Source line and release: by default the manifest's line for the dataset's sources (data/sources.json) and the periods shown. */
  source?: string;
  release?: string;
  better: 'lower' | 'higher' | null;
  from?: number;
  /** A point that is not a plain value (e.g. no plans issued). */
  explain?: (code: string, period: number) => string | null;
  /** Measures (in the same view) holding the rate's numerator and denominator, and what the denominator counts. */
  counts?: { numerator: string; denominator: string; of: string; labels: { numerator: string; denominator: string } };
  benchmark?: boolean;
  section?: TopicId;
  keyFact?: { margin: number };
}): MeasureDef {
  const meta = o.view.measure(o.measure);
  const unit = o.unit ?? meta.unit;
  const dp = o.dp ?? meta.dp;
  const fmt = unitFormat(unit, dp);
  const periods = () => o.view.measure(o.measure).periods.filter((p) => p >= (o.from ?? 0));
  const pointsFor = (code: string, cell: (p: number) => Cell) =>
    cellPoints(periods(), cell).map((p) => {
      const why = o.explain?.(code, Number(p.period));
      return why ? { period: p.period, value: null, symbol: why } : p;
    });
  const m: MeasureDef = {
    id: o.id,
    label: o.label ?? meta.label,
    noun: o.noun,
    unit,
    dp,
    period: o.period,
    when: (p) => periodWords(meta.periodType, p),
    axisLabel: o.axisLabel,
    ...(o.domain ? { domain: o.domain } : {}),
    description: o.description,
    source: o.source ?? [...new Set(meta.sourceIds.map(sourceLine))].join('; '),
    release: o.release ?? `${periodWords(meta.periodType, String(periods()[0]))} to ${periodWords(meta.periodType, String(periods().at(-1)))}`,
    sourceIds: meta.sourceIds,
    format: fmt,
    display: (p) => (p.value === null ? (p.symbol && isSymbolCode(p.symbol) ? SYMBOLS[p.symbol].label : (p.symbol ?? 'no figure')) : fmt(p.value)),
    empty: 'No figures',
    better: o.better,
    benchmarkPeriod: 'common',
    series: (area) => pointsFor(area.laCode, (y) => o.view.cell(o.measure, area.laCode, y)),
    england: () => ({ label: 'England', points: pointsFor(ENGLAND, (y) => o.view.cell(o.measure, ENGLAND, y)) }),
    region: (code) => ({ label: regionName(code), points: pointsFor(code, (y) => regionCell(o.view, o.measure, code, y)) }),
    whyNoValue: (_area, p) => (p ? m.display(p) : 'no figure published'),
    inView: { view: o.view, measure: o.measure, ...(o.from === undefined ? {} : { from: o.from }) },
    ...(o.benchmark === false ? { benchmark: false } : {}),
    ...(o.section ? { section: o.section } : {}),
    ...(o.keyFact ? { keyFact: o.keyFact } : {}),
    ...(o.counts
      ? { countLabels: o.counts.labels, counts: (code: string, period: string) => ({ numerator: o.view.cell(o.counts!.numerator, code, Number(period)), denominator: o.view.cell(o.counts!.denominator, code, Number(period)), of: o.counts!.of }) }
      : {}),
  };
  return m;
}


export const pupilsWithPlan = viewMeasure({
  id: 'pupils-with-plan',
  view: outcomes,
  measure: 'pupils_ehcp_pc',
  label: 'Pupils with an EHC plan, % of all pupils',
  noun: 'Pupils with a plan',
  period: 'January',
  axisLabel: '% of all pupils',
  description: 'Pupils with an EHC plan or statement as a percentage of all pupils, from the January school census.',
  source: `${LAIT_SOURCE} (school census)`,
  release: LAIT_RELEASE,
  better: null,
  section: 'ehc-plans',
});

/** Growth in plans held over five years, per January: derived from published counts (statements included). */
export const planGrowth5: MeasureDef = (() => {
  const YEARS = 5;
  const fmt = (n: number) => `${n > 0 ? '+' : ''}${formatNumber(n, 0)}%`;
  const pts = (code: string): SeriesPoint[] => {
    const periods = ehcp.measure('ehc_plans').periods;
    return periods.filter((y) => periods.includes(y - YEARS)).flatMap((y): SeriesPoint[] => {
      const from = plansCell(code, y - YEARS);
      const to = plansCell(code, y);
      if (from.kind === 'blank' && to.kind === 'blank') return [];
      const g = planGrowth(code, y - YEARS, y);
      return [g === null ? { period: String(y), value: null, symbol: from.kind === 'blank' || to.kind === 'blank' ? 'area created since; no earlier figure' : 'x' } : { period: String(y), value: g }];
    });
  };
  const m: MeasureDef = {
    id: 'ehc-plan-growth',
    label: `Growth in EHC plans over ${YEARS} years (derived)`,
    noun: 'Growth in EHC plans',
    unit: '%',
    dp: 0,
    period: `January, against January ${YEARS} years before`,
    axisLabel: `% change over ${YEARS} years`,
    description: `Change in the number of children and young people with an EHC plan (or statement) over the ${YEARS} years to January: worked out here from DfE's published counts.`,
    source: `${SEN2_SOURCE}; growth worked out from the published counts`,
    release: SEN2_RELEASE,
    sourceIds: ehcp.measure('ehc_plans').sourceIds,
    format: fmt,
    display: (p) => (p.value === null ? (p.symbol === 'x' ? 'not available' : (p.symbol ?? 'no figure')) : fmt(p.value)),
    empty: 'No figures',
    better: null,
    benchmarkPeriod: 'common',
    when: (p) => `January ${p}`,
    series: (area) => pts(area.laCode),
    england: () => ({ label: 'England', points: pts(ENGLAND) }),
    region: (code) => ({ label: regionName(code), points: pts(code) }),
    whyNoValue: (_area, p) => (p ? m.display(p) : 'the area did not exist in its present form five years before'),
  };
  return m;
})();

/** New EHC plans issued within 20 weeks, including exception cases, by calendar year. A year with no new plans reads "no plans issued", never 0%. */
export const timeliness = viewMeasure({
  id: 'timeliness-20-weeks',
  view: ehcp,
  measure: 't20_pc',
  label: 'New EHC plans issued within 20 weeks',
  noun: TIMELINESS_NOUN,
  period: 'calendar year',
  axisLabel: '% within 20 weeks',
  domain: [0, 100],
  description: 'Percentage of new EHC plans issued within the legal limit of 20 weeks, including exception cases, in each calendar year.',
  source: SEN2_SOURCE,
  release: SEN2_RELEASE,
  better: 'higher',
  counts: { numerator: 't20_num', denominator: 't20_den', of: 'new plans', labels: { numerator: 'Issued within 20 weeks', denominator: 'New plans issued' } },
  explain: (code, y) => {
    const den = ehcp.cell('t20_den', code, y);
    return den.kind === 'value' && den.value === 0 ? 'no plans issued' : null;
  },
});

export const refusalRate = viewMeasure({
  id: 'refusal-rate',
  view: ehcp,
  measure: 'refused_pc',
  label: 'Requests for an EHC needs assessment refused, %',
  noun: 'Refusal rate',
  period: 'calendar year',
  axisLabel: '% of requests refused',
  description: 'Initial requests for an EHC needs assessment that the council refused, as a percentage of requests received, by calendar year.',
  source: SEN2_SOURCE,
  release: SEN2_RELEASE,
  better: null,
  from: 2016,
  counts: { numerator: 'refused', denominator: 'requests', of: 'requests', labels: { numerator: 'Requests refused', denominator: 'Requests received' } },
  explain: (code, y) => {
    const r = ehcp.cell('requests', code, y);
    return r.kind === 'value' && r.value === 0 ? 'no requests received' : null;
  },
  section: 'ehc-plans',
});

export const appealRate = viewMeasure({
  id: 'appeal-rate',
  view: tribunal,
  measure: 'appeal_rate',
  label: 'SEND Tribunal appeal rate, %',
  noun: 'Appeal rate',
  period: 'calendar year',
  axisLabel: '% of decisions appealed',
  description: 'SEND Tribunal appeals registered as a percentage of appealable decisions, by calendar year. Regional figures are worked out from the areas’ appeals and decisions.',
  // The tribunal charts' own source and release line: which release (and method) each year comes from.
  source: TRIBUNAL_SOURCE,
  release: TRIBUNAL_RELEASE,
  better: null,
  counts: { numerator: 'appeals', denominator: 'decisions', of: 'decisions', labels: { numerator: 'Appeals registered', denominator: 'Appealable decisions' } },
  section: 'ehc-plans',
});

export const ks2EhcP = viewMeasure({
  id: 'ks2-ehcp',
  view: outcomes,
  measure: 'ks2_rwm_ehcp',
  label: 'Pupils with an EHC plan meeting the expected standard at 11, %',
  noun: 'KS2 standard (EHC plan)',
  period: 'academic year',
  axisLabel: '% at expected standard',
  domain: [0, 100],
  description: 'Pupils with an EHC plan reaching the expected standard in reading, writing and maths at the end of key stage 2, state-funded schools.',
  source: LAIT_SOURCE,
  release: LAIT_RELEASE,
  better: 'higher',
  section: 'ehc-plans',
});

export const att8Ehcp = viewMeasure({
  id: 'att8-ehcp',
  view: outcomes,
  measure: 'att8_ehcp',
  noun: 'Attainment 8 (EHC plan)',
  period: 'academic year',
  axisLabel: 'Attainment 8 score',
  description: 'Average Attainment 8 score per pupil with an EHC plan at the end of key stage 4 (GCSE), state-funded schools.',
  source: LAIT_SOURCE,
  release: LAIT_RELEASE,
  better: 'higher',
  section: 'ehc-plans',
});

export const senSupportShare = viewMeasure({
  id: 'sen-support-share',
  view: prevalence,
  measure: 'sen_support_pc',
  noun: 'Pupils on SEN support',
  period: 'January',
  axisLabel: '% of all pupils',
  description: 'Pupils with special educational needs who get help from their school without an EHC plan (SEN support), as a percentage of all pupils, from the January school census.',
  source: SOURCE_LINES.prevalence.source,
  release: SOURCE_LINES.prevalence.release,
  better: null,
  section: 'sen-prevalence',
  keyFact: { margin: 2 },
});

export const neetEhcp = viewMeasure({
  id: 'neet-ehcp',
  view: outcomes,
  measure: 'neet_nk_ehcp',
  label: '16 and 17-year-olds with an EHC plan not in education, employment or training, or not known, %',
  noun: 'NEET or not known (EHC plan)',
  period: 'December to February average',
  axisLabel: '% NEET or not known',
  description: '16 and 17-year-olds with an EHC plan who were not in education, employment or training (NEET) or whose activity was not known, averaged over December to February.',
  better: 'lower',
  benchmark: false,
  section: 'ehc-plans',
});

export const spendPerPlan = viewMeasure({
  id: 'sen-spend-per-plan',
  view: outcomes,
  measure: 'sen_spend_per_child_week',
  label: 'Council spending on SEN services per child with an EHC plan, £ a week',
  noun: 'Spending per plan',
  period: 'financial year',
  axisLabel: '£ a week per child with a plan',
  description: 'Council spending on SEN services (section 251 outturn) per child or young person with an EHC plan, £ a week, rounded to the nearest £5; cash, not adjusted for inflation.',
  source: SOURCE_LINES.spend.source,
  release: SOURCE_LINES.lait.release,
  better: null,
  benchmark: false,
  section: 'ehc-plans',
});

/** Median of a reference group's points per period, labelled as a median (the source has no England or region rows). */
function medianReference(label: string, long: string, areas: readonly Area[], m: KeyMeasure): Reference {
  const byPeriod = new Map<string, number[]>();
  for (const a of areas) for (const p of m.series(a)) if (p.value !== null) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p.value]);
  const points = [...byPeriod.keys()].sort().map((period) => ({ period, value: median(byPeriod.get(period)!) }));
  return { label, long, points };
}

// The older measures gain the MeasureDef fields (one definition each).

export const persistentAbsenceEhcpDef: MeasureDef = {
  ...persistentAbsenceEhcp,
  noun: 'Persistent absence (EHC plan)',
  dp: 1,
  period: 'academic year',
  axisLabel: '% persistently absent',
  format: pcFmt(1),
  benchmarkPeriod: 'common',
  when: formatPointPeriod,
  england: () => medianReference('All areas (median)', 'the median of all areas (no England figure is published)', geo.areas, persistentAbsenceEhcp),
  region: (code) => medianReference(`${regionName(code)} (median)`, `the median of ${regionName(code)} areas`, geo.areasInRegion(code), persistentAbsenceEhcp),
  whyNoValue: (_area, p) => (p ? persistentAbsenceEhcp.display(p) : 'not published (suppressed or no pupils with a plan)'),
};

/** Latest outcome per area; England and the region as the median latest outcome of the areas inspected so far. */
export const inspectionOutcomeDef: MeasureDef = {
  ...inspectionOutcome,
  noun: 'Inspection outcome',
  dp: 0,
  period: 'date of the latest full inspection',
  axisLabel: 'Outcome (1 is best)',
  domain: [0, 3],
  format: (n) => `Outcome ${formatNumber(n, n % 1 === 0 ? 0 : 1)}`,
  benchmarkPeriod: 'own',
  when: formatPointPeriod,
  england: () => latestOutcomeMedian('England', geo.areas),
  region: (code) => latestOutcomeMedian(regionName(code), geo.areasInRegion(code)),
  whyNoValue: () => 'not yet inspected under the 2023 framework',
  gapLabel: 'Not yet inspected',
};

function latestOutcomeMedian(place: string, areas: readonly Area[]): Reference {
  const latest = areas.map((a) => inspectionOutcome.series(a).at(-1)?.value ?? null).filter((v): v is number => v !== null);
  const m = median(latest);
  return { label: `${place} (median)`, long: `${place}, median of ${latest.length} areas inspected`, points: m === null ? [] : [{ period: inspections.referenceDate, value: m }] };
}

/**
 * Every area measure, in page order: one entry each. From it come its
 * neighbour benchmark chart (unless `benchmark: false`), its /compare/ row and
 * column in /areas/<slug>/compare/, its row in a section's "How it compares"
 * table (`section`), its key fact (`keyFact`) and its column in
 * /data/key-measures.csv. Add a measure here, and nowhere else.
 */
export const MEASURES: MeasureDef[] = [
  inspectionOutcomeDef,
  pupilsWithPlan,
  senSupportShare,
  planGrowth5,
  timeliness,
  refusalRate,
  appealRate,
  persistentAbsenceEhcpDef,
  ks2EhcP,
  att8Ehcp,
  neetEhcp,
  spendPerPlan,
];

/** The neighbour benchmark charts on every area page, in page order. */
export const BENCHMARK_MEASURES: MeasureDef[] = MEASURES.filter((m) => m.benchmark !== false);

/** The measures with a row in an area page section's "How it compares" table, in page order. */
export const sectionMeasures = (sectionId: TopicId): MeasureDef[] => MEASURES.filter((m) => m.section === sectionId);

export const isMeasureDef = (m: KeyMeasure): m is MeasureDef => typeof (m as MeasureDef).england === 'function';

/** The compare registry, in display order: the MeasureDefs, with the first-cycle WSOA and plan count after the outcome. */
export const KEY_MEASURES: KeyMeasure[] = [inspectionOutcomeDef, firstCycleWsoa, ehcPlans, ...MEASURES.slice(1)];

/** "2024-03-05" → "5 March 2024"; "202324" → "2023/24"; "2024" stays. */
export function formatPointPeriod(period: string): string {
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(period)) return formatDate(period);
  const ay = /^(\d{4})(\d{2})$/.exec(period);
  return ay ? `${ay[1]}/${ay[2]}` : period;
}

/** The latest point of a measure for an area, in words ("Outcome 2: … (5 March 2024)"), or the measure's empty text. */
export function latestInWords(m: KeyMeasure, area: Area): { text: string; period: string | null; note?: string } {
  const p = m.series(area).at(-1);
  if (!p) return { text: m.empty, period: null };
  return { text: m.display(p), period: formatPointPeriod(p.period), ...(p.note ? { note: p.note } : {}) };
}

/** The JSON the compare page loads: areas, measures and every area's points with their words. */
export interface CompareData {
  /** Most areas the compare page shows at once. */
  maxAreas: number;
  areas: { slug: string; name: string; region: string; neighbours: string[] }[];
  measures: {
    id: string;
    label: string;
    unit: KeyMeasure['unit'];
    description: string;
    source: string;
    release: string;
    empty: string;
    better: KeyMeasure['better'];
    /** "Lower is better", … in words. */
    polarity: string;
    /** Axis label with unit, where the measure has one. */
    axisLabel?: string;
    /** England and each region as reference series: label and [period, value] points. Absent where there is none. */
    england?: { label: string; points: [string, number | null][] };
    regions?: Record<string, { label: string; points: [string, number | null][] }>;
    /** slug → points, oldest first: [period, value, words, period in words, note?]. */
    series: Record<string, [string, number | null, string, string, string?][]>;
  }[];
}

export const MAX_COMPARE_AREAS = 6;

export function compareData(geo: { areas: readonly Area[]; regionOf(a: Area): { name: string }; area(code: string): Area }, measures = KEY_MEASURES): CompareData {
  return {
    maxAreas: MAX_COMPARE_AREAS,
    areas: geo.areas.map((a) => ({ slug: a.slug, name: a.name, region: geo.regionOf(a).name, neighbours: a.neighbours.map((n) => geo.area(n.laCode).slug) })),
    measures: measures.map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      description: m.description,
      source: m.source,
      release: m.release,
      empty: m.empty,
      better: m.better,
      polarity: polarityWords(m),
      ...(isMeasureDef(m) ? referencesOf(m, geo) : {}),
      series: Object.fromEntries(
        geo.areas.map((a) => [
          a.slug,
          m.series(a).map((p) => {
            const point: [string, number | null, string, string, string?] = [p.period, p.value, m.display(p), formatPointPeriod(p.period)];
            if (p.note) point.push(p.note);
            return point;
          }),
        ]),
      ),
    })),
  };
}

function referencesOf(m: MeasureDef, g: { areas: readonly Area[]; regionOf(a: Area): { name: string } }): Pick<CompareData['measures'][number], 'axisLabel' | 'england' | 'regions'> {
  const pts = (r: Reference | null) => (r ? { label: r.label, points: r.points.map((p): [string, number | null] => [p.period, p.value]) } : undefined);
  const regions: Record<string, { label: string; points: [string, number | null][] }> = {};
  for (const a of g.areas) {
    const name = g.regionOf(a).name;
    if (!(name in regions)) {
      const r = pts(m.region(a.regionCode));
      if (r) regions[name] = r;
    }
  }
  const england = pts(m.england());
  return { axisLabel: m.axisLabel, ...(england ? { england } : {}), regions };
}
