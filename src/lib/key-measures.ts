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
import { areaInspections, eventsOf, RELEASE as INSPECTIONS_RELEASE, SOURCE_IDS as INSPECTION_SOURCE_IDS } from '../charts/inspections.ts';
import { formatDate, formatNumber, formatPercent } from './format.ts';
import type { Cell } from './cell.ts';
import { sen, senSeries } from './absence-data.ts';
import { ehcp, plansCell } from './send-data.ts';
import { SEN2_RELEASE } from '../charts/ehcp.ts';
import type { Area } from './geography.ts';
import { OUTCOME_LABELS, type Outcome } from './inspections.ts';

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
  /** '' for a count or category code, '%' for a rate. */
  unit: '' | '%' | 'outcome' | 'yes/no';
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

const INSPECTION_SOURCE = 'Ofsted and CQC area SEND inspections';

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
  source: 'DfE, Education, health and care plans',
  release: SEN2_RELEASE,
  sourceIds: ehcp.measure('ehc_plans').sourceIds,
  display: (p) => (p.value === null ? symbolWords(p) : formatNumber(p.value)),
  empty: 'No figures',
  better: null,
  series: (area) => cellPoints(ehcp.measure('ehc_plans').periods, (y) => plansCell(area.laCode, y)),
};

/** New EHC plans issued within 20 weeks, including exception cases, by calendar year. */
export const timeliness: KeyMeasure = {
  id: 'timeliness-20-weeks',
  label: 'New EHC plans issued within 20 weeks',
  unit: '%',
  description: 'Percentage of new EHC plans issued within the legal limit of 20 weeks, including exception cases, in each calendar year.',
  source: 'DfE, Education, health and care plans',
  release: SEN2_RELEASE,
  sourceIds: ehcp.measure('t20_pc').sourceIds,
  display: (p) => (p.value === null ? symbolWords(p) : formatPercent(p.value, 1)),
  empty: 'No figures',
  better: 'higher',
  series(area) {
    const periods = ehcp.measure('t20_pc').periods;
    // A year with no new plans has no percentage: it reads "no plans issued", never 0%.
    return cellPoints(periods, (y) => ehcp.cell('t20_pc', area.laCode, y)).map((p) => {
      const den = ehcp.cell('t20_den', area.laCode, Number(p.period));
      return den.kind === 'value' && den.value === 0 ? { period: p.period, value: null, symbol: 'no plans issued' } : p;
    });
  },
};

const PA = 'enrolments_pa_10_exact_percent';

/** Persistent absence of pupils with an EHC plan, all state-funded schools, by academic year. */
export const persistentAbsenceEhcp: KeyMeasure = {
  id: 'persistent-absence-ehcp',
  label: 'Persistent absence, pupils with an EHC plan',
  unit: '%',
  description: 'Percentage of pupils with an EHC plan who missed 10% or more of their school sessions, all state-funded schools, by academic year.',
  source: 'DfE, Pupil absence in schools in England, compiled by Data to Insight',
  release: `Pupil absence in schools in England, ${formatPointPeriod(sen.slots[PA][0]!.period)} to ${formatPointPeriod(sen.slots[PA].at(-1)!.period)}`,
  sourceIds: ['absence-sen-status'],
  display: (p) => (p.value === null ? (p.symbol === 'no plans issued' ? p.symbol : symbolWords(p)) : formatPercent(p.value, 1)),
  empty: 'No figures',
  better: 'lower',
  series(area) {
    const values = senSeries(PA, 'total', 'ehcp', area.laCode);
    return sen.slots[PA].flatMap((slot, i) => (values[i] === null || values[i] === undefined ? [] : [{ period: slot.period, value: values[i]! }]));
  },
};

/** The registry, in display order. Add a topic's measure with one line. */
export const KEY_MEASURES: KeyMeasure[] = [inspectionOutcome, firstCycleWsoa, ehcPlans, timeliness, persistentAbsenceEhcp];

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
