/**
 * The inspections read model: every area's inspection history and the
 * national and regional figures, as pages, charts and key facts read them
 * (src/generated/inspections.json, built by src/datasets/inspections/).
 */
import inspectionsJson from '../generated/inspections.json';
import type { AreaInspections, InspectionsData } from '../datasets/inspections/index.ts';
import type { InspectionEvent } from '../lib/inspections.ts';
import { inspectionsRelease, SOURCE_LINES } from './source-lines.ts';

export const inspections = inspectionsJson as unknown as InspectionsData;
const byId = new Map(inspections.events.map((e) => [e.id, e]));
const inspectionsBySlug = new Map(inspections.areas.map((a) => [a.slug, a]));

export function areaInspections(slug: string): AreaInspections {
  const a = inspectionsBySlug.get(slug);
  if (!a) throw new Error(`no inspection history for area ${slug}`);
  return a;
}

export function eventsOf(a: AreaInspections): InspectionEvent[] {
  return a.eventIds.map(eventById);
}

/** One inspection event by its id. */
export function eventById(id: string): InspectionEvent {
  const e = byId.get(id);
  if (!e) throw new Error(`inspection event ${id} missing`);
  return e;
}

export const SOURCE_LINE = SOURCE_LINES.inspections.source;
export const SOURCE_IDS = [...SOURCE_LINES.inspections.ids];
export const RELEASE = inspectionsRelease(inspections.referenceDate);
