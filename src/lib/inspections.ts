/**
 * Local area SEND inspections: types, labels and the pure rules that the
 * dataset (src/datasets/inspections/), the charts and the pages share.
 * Nothing here reads files or the clock.
 */

export type EventKind = 'first-inspection' | 'revisit' | 'full-inspection';
export type Framework = '2016' | '2023';
export type Outcome = 1 | 2 | 3;
export type RevisitProgress = 'all' | 'some' | 'none';
/** Where a value came from: Ofsted's own publication, or another page that reported it. */
export type SourceKind = 'ofsted' | 'ofsted-notes' | 'report-summary' | 'council-or-press' | 'parliament';

export interface InspectionEvent {
  /** Stable id, e.g. "first-909", "revisit-909", "full-908-2023-02-06". */
  id: string;
  kind: EventKind;
  framework: Framework;
  /** DfE code of the local area as it was when inspected (old Dorset: 835). */
  inspectedLaCode: string;
  /** ONS code Ofsted used for it, where the register gives one. */
  inspectedOnsCode: string | null;
  /** Name of the area as inspected, e.g. "Northamptonshire". */
  inspectedName: string;
  /** DfE codes of today's area(s) whose history this event belongs to. */
  areaLaCodes: string[];
  /** True when today's area(s) inherit the event from a predecessor area. */
  inherited: boolean;
  /** e.g. "Inspected as Northamptonshire (before April 2021)". Null when not inherited. */
  inheritedNote: string | null;
  /** First day of the inspection or revisit, ISO. */
  start: string | null;
  end: string | null;
  /** YYYY-MM when only the month is known. */
  startMonth: string | null;
  publication: string | null;
  /** first-inspection only. */
  wsoaRequired: boolean | null;
  significantWeaknesses: number | null;
  /** first-inspection with a WSOA: whether a revisit is on record. */
  revisitStatus: 'revisited' | 'not revisited' | null;
  /** revisit only. */
  progress: RevisitProgress | null;
  weaknessesSufficient: number | null;
  weaknessesInsufficient: number | null;
  /** full-inspection only. */
  outcome: Outcome | null;
  /** The outcome paragraph of the report, as extracted by Data to Insight. */
  outcomeText: string | null;
  /** Next inspection as stated in the report (D2I reading): "18 months", "3 years", "5 years". */
  statedNextInspection: string | null;
  /** Calendar year of the inspection for Ofsted's annual counts: the start year, else the publication year (flagged). */
  inspectionYear: number | null;
  inspectionYearFromPublication: boolean;
  reportUrl: string | null;
  /** First framework: Ofsted's page for the local authority, where the letter is published (the data gives no direct link). */
  ofstedPageUrl?: string | null;
  sourceKind: SourceKind;
  /** Plain-English source line for this entry. */
  source: string;
  /** Pages other than Ofsted's that supplied values, as the register gives them. */
  sourceDetail: string | null;
  flags: string[];
  notes: string;
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  1: 'Typically positive experiences and outcomes',
  2: 'Inconsistent experiences and outcomes',
  3: 'Widespread and/or systemic failings',
};

/** What each outcome means for what happens next, in plain words. */
export const OUTCOME_MEANINGS: Record<Outcome, string> = {
  1: 'The area’s arrangements typically lead to positive experiences and outcomes for children and young people with SEND.',
  2: 'The area’s arrangements lead to inconsistent experiences and outcomes. The area must work together to improve and publish an updated plan.',
  3: 'Inspectors found widespread and/or systemic failings leading to significant concerns. The area must write a priority action plan.',
};

export const PROGRESS_LABELS: Record<RevisitProgress, string> = {
  all: 'Sufficient progress on all weaknesses',
  some: 'Sufficient progress on some weaknesses',
  none: 'Sufficient progress on none of the weaknesses',
};

/** Map class for an area's latest position. */
export type LatestClass = 'outcome-1' | 'outcome-2' | 'outcome-3' | 'not-yet';

export const LATEST_LABELS: Record<LatestClass, string> = {
  'outcome-1': 'Positive (outcome 1)',
  'outcome-2': 'Inconsistent (outcome 2)',
  'outcome-3': 'Systemic failings (outcome 3)',
  'not-yet': 'Not yet inspected under the 2023 framework',
};

// ---------------------------------------------------------------- dates

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Add calendar months to an ISO date (the day is clamped to the month's length). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole months from a to b (b later), counting a month only once its day is reached. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

/** Academic year (September to August) of an ISO date, as "2016/17". */
export function academicYear(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const start = m >= 9 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The date an event happened, for ordering: start, else its month, else publication. */
export function eventDate(e: Pick<InspectionEvent, 'start' | 'startMonth' | 'publication'>): string | null {
  return e.start ?? (e.startMonth ? `${e.startMonth}-01` : null) ?? e.publication;
}

// ---------------------------------------------------------------- next inspection rules

/**
 * Ofsted and CQC's published rules for when an area is next inspected under the
 * framework in force from January 2023 (area SEND inspection framework and handbook):
 * outcome 1: next full inspection within about 5 years; outcome 2: within about 3 years;
 * outcome 3: a monitoring inspection within about 18 months and a full reinspection
 * within about 3 years. The clock runs from the last day of the inspection.
 */
export const NEXT_RULES: Record<Outcome, { fullMonths: number; monitoringMonths: number | null; rule: string }> = {
  1: { fullMonths: 60, monitoringMonths: null, rule: 'After outcome 1, the next full inspection is within about 5 years.' },
  2: { fullMonths: 36, monitoringMonths: null, rule: 'After outcome 2, the next full inspection is within about 3 years.' },
  3: {
    fullMonths: 36,
    monitoringMonths: 18,
    rule: 'After outcome 3, a monitoring inspection follows within about 18 months and a full reinspection within about 3 years.',
  },
};

export const DUE_NOW_RULE =
  'Every local area is to have a full inspection under the framework that began in January 2023. Areas not yet inspected under it are due now; the longest since their last inspection are listed first.';

/** What the stated "Next Inspection" text in a 2023-framework report should be for each outcome. */
export const STATED_NEXT: Record<Outcome, string> = { 1: '5 years', 2: '3 years', 3: '18 months' };

export interface LatestInspection {
  framework: Framework;
  /** 2023-framework outcome; null for a first-framework inspection or revisit. */
  outcome: Outcome | null;
  /** The date the clock runs from: last day of the inspection (else first day, else publication). */
  date: string;
}

export interface NextInspection {
  status: 'expected' | 'due-now';
  rule: string;
  /** Full inspection expected by (ISO); null when due now. */
  fullBy: string | null;
  /** Monitoring inspection expected by (ISO), after outcome 3 only. */
  monitoringBy: string | null;
  /** True when the reference date is past fullBy. */
  overdue: boolean;
  /** True when the reference date is past monitoringBy (monitoring inspections are not in the data). */
  monitoringDue: boolean;
  /** Date of the last inspection event the rule runs from. */
  lastDate: string;
  /** Whole months from lastDate to the reference date. */
  monthsSinceLast: number;
}

/**
 * When the next inspection is expected, as a pure function of the latest
 * inspection and a reference date (never the wall clock).
 */
export function nextInspection(latest: LatestInspection, today: string): NextInspection {
  if (!isIsoDate(latest.date)) throw new Error(`nextInspection: "${latest.date}" is not an ISO date`);
  if (!isIsoDate(today)) throw new Error(`nextInspection: reference date "${today}" is not an ISO date`);
  const monthsSinceLast = monthsBetween(latest.date, today);
  if (latest.framework === '2016' || latest.outcome === null) {
    return { status: 'due-now', rule: DUE_NOW_RULE, fullBy: null, monitoringBy: null, overdue: false, monitoringDue: false, lastDate: latest.date, monthsSinceLast };
  }
  const r = NEXT_RULES[latest.outcome];
  if (!r) throw new Error(`nextInspection: outcome ${String(latest.outcome)} is not 1, 2 or 3`);
  const fullBy = addMonths(latest.date, r.fullMonths);
  const monitoringBy = r.monitoringMonths === null ? null : addMonths(latest.date, r.monitoringMonths);
  return {
    status: 'expected',
    rule: r.rule,
    fullBy,
    monitoringBy,
    overdue: today > fullBy,
    monitoringDue: monitoringBy !== null && today > monitoringBy,
    lastDate: latest.date,
    monthsSinceLast,
  };
}
