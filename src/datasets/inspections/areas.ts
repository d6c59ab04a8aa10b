/**
 * Per-area figures and prose: each of today's areas with its events in order, its latest outcome,
 * when inspectors are expected next, and a generated plain-English summary.
 */
import { formatMonth } from '../../lib/format.ts';
import type { Area, GeographyIndex } from '../../lib/geography.ts';
import { eventDate, LATEST_LABELS, nextInspection, OUTCOME_LABELS, type InspectionEvent, type LatestClass, type NextInspection } from '../../lib/inspections.ts';

export interface AreaInspections {
  laCode: string;
  slug: string;
  name: string;
  regionCode: string;
  /** Event ids, oldest first. */
  eventIds: string[];
  latestClass: LatestClass;
  latestLabel: string;
  /** Id of the latest 2023-framework inspection, if any. */
  latestFullId: string | null;
  next: NextInspection;
  /** What next.lastDate is. */
  lastDateBasis: DateBasis;
  /** Generated plain-English summary. */
  summary: string;
}

function sortKey(e: InspectionEvent, all: Map<string, InspectionEvent>): string {
  // A revisit with no published date sorts straight after its inspection.
  const d = eventDate(e) ?? (e.kind === 'revisit' ? `${all.get(`first-${e.inspectedLaCode}`)?.publication ?? ''}~` : '');
  return `${d}|${e.kind === 'first-inspection' ? 0 : e.kind === 'revisit' ? 1 : 2}`;
}

function yearOf(e: InspectionEvent): string {
  const d = eventDate(e);
  return d ? d.slice(0, 4) : 'an unpublished date';
}

/** The generated summary sentence(s) for one area. */
export function summariseArea(area: Area, events: readonly InspectionEvent[], next: NextInspection): string {
  const parts: string[] = [];
  for (const e of events) {
    if (e.kind === 'first-inspection') {
      const before = e.inheritedNote?.match(/\(before ([^)]+)\)/)?.[1];
      const was = e.inspectedName === area.name ? `the former ${e.inspectedName} county council area` : e.inspectedName;
      const who = e.inherited ? `Before ${before}, ${area.name} was part of ${was}, which inspectors visited in ${yearOf(e)}` : `In ${yearOf(e)} inspectors visited ${area.name}`;
      if (e.wsoaRequired) {
        const n = e.significantWeaknesses;
        parts.push(`${who}. They found ${n === null ? 'significant weaknesses' : `${n} significant weakness${n === 1 ? '' : 'es'}`} and a Written Statement of Action was required.`);
        if (e.revisitStatus === 'not revisited') parts.push('No revisit has been published.');
      } else parts.push(`${who}. No Written Statement of Action was required.`);
    } else if (e.kind === 'revisit') {
      const when = e.start || e.startMonth ? `At the ${yearOf(e)} revisit` : 'At the revisit';
      const counts = e.weaknessesSufficient !== null && e.weaknessesInsufficient !== null ? ` (${e.weaknessesSufficient} of ${e.weaknessesSufficient + e.weaknessesInsufficient})` : '';
      const p = e.progress === 'all' ? 'all of the weaknesses' : e.progress === 'some' ? 'some of the weaknesses' : 'none of the weaknesses';
      parts.push(`${when}, inspectors found sufficient progress on ${p}${counts}${e.sourceKind === 'council-or-press' ? ', as reported by the council or local press' : ''}.`);
    } else if (e.outcome !== null) {
      const first = !events.some((x) => x.kind === 'full-inspection' && x !== e && events.indexOf(x) < events.indexOf(e));
      const intro = first ? `In ${yearOf(e)}, under the framework that began in 2023,` : `At its next full inspection, in ${yearOf(e)},`;
      parts.push(`${intro} the outcome was “${OUTCOME_LABELS[e.outcome].toLowerCase()}” (outcome ${e.outcome}).`);
    }
  }
  if (next.status === 'due-now') parts.push('It has not yet had a full inspection under the 2023 framework, so one is due now.');
  else {
    const by = next.fullBy ? `${formatMonth(next.fullBy)}` : '';
    if (next.monitoringBy) {
      const mon = next.monitoringDue
        ? `A monitoring inspection was expected by ${formatMonth(next.monitoringBy)} (monitoring inspections are not in this data)`
        : `A monitoring inspection is expected by ${formatMonth(next.monitoringBy)}`;
      parts.push(`${mon}, and a full reinspection by ${by}${next.overdue ? ', which is overdue' : ''}.`);
    }
    else parts.push(`The next full inspection is expected by ${by}${next.overdue ? ', and is overdue' : ''}.`);
  }
  return parts.join(' ');
}

/** The date the next-inspection clock runs from, and what it is. */
export function anchorDate(e: InspectionEvent): { date: string; basis: DateBasis } {
  if (e.end) return { date: e.end, basis: 'last day of inspection' };
  if (e.start) return { date: e.start, basis: 'first day of inspection' };
  if (e.startMonth) return { date: `${e.startMonth}-01`, basis: 'month of inspection' };
  if (e.publication) return { date: e.publication, basis: 'publication date (inspection dates not published)' };
  throw new Error(`event ${e.id} has no date`);
}

export type DateBasis = 'last day of inspection' | 'first day of inspection' | 'month of inspection' | 'publication date (inspection dates not published)';

export function deriveAreas(events: readonly InspectionEvent[], geo: GeographyIndex, today: string): AreaInspections[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return geo.areas.map((area) => {
    const own = events.filter((e) => e.areaLaCodes.includes(area.laCode)).sort((a, b) => sortKey(a, byId).localeCompare(sortKey(b, byId)));
    if (!own.some((e) => e.kind === 'first-inspection')) throw new Error(`${area.name} (${area.laCode}) has no first-cycle inspection, own or inherited`);
    const full = own.filter((e) => e.kind === 'full-inspection');
    const latestFull = full.at(-1) ?? null;
    // The rule runs from the latest 2023-framework inspection; without one, from the last dated event.
    const dated = own.filter((e) => eventDate(e) !== null);
    const last = latestFull ?? dated.at(-1)!;
    const anchor = anchorDate(last);
    const next = nextInspection({ framework: last.framework, outcome: last.outcome, date: anchor.date }, today);
    const latestClass: LatestClass = latestFull?.outcome ? (`outcome-${latestFull.outcome}` as LatestClass) : 'not-yet';
    return {
      laCode: area.laCode,
      slug: area.slug,
      name: area.name,
      regionCode: area.regionCode,
      eventIds: own.map((e) => e.id),
      latestClass,
      latestLabel: LATEST_LABELS[latestClass],
      latestFullId: latestFull?.id ?? null,
      next,
      lastDateBasis: anchor.basis,
      summary: summariseArea(area, own, next),
    };
  });
}
