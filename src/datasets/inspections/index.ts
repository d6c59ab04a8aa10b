/**
 * Local area SEND inspections dataset: parse → validate → derive.
 *
 * Sources (data/sources.json):
 * - insp-first-cycle: compiled register of the first framework (2016–2022), one row per area as it then was (151).
 * - insp-2023-framework: compiled register of full inspections under the framework from January 2023.
 * - insp-ofsted-2022: Ofsted's own main table as at 31 August 2022 (149 areas). The build checks that
 *   the compiled first-cycle register agrees with it, row by row.
 *
 * Every inspection, revisit and 2023-framework inspection becomes one typed event, joined to today's
 * 153 areas through the code history (a split area's successors inherit its first-cycle inspection and
 * say so). Derived figures are computed here, never typed.
 *
 * One module per step (as absence is split by source file):
 * - common.ts: cell readers and codes both registers share
 * - first-cycle.ts, new-framework.ts: the two compiled registers (parse and validate)
 * - ofsted-check.ts: Ofsted's own table, its totals and the check of the register against it
 * - join.ts: codes to today's areas, with inheritance by successors
 * - events.ts: registers to typed events
 * - areas.ts: per-area figures and the generated summary
 * - national.ts: national and regional figures
 * - download.ts: the `inspections` download
 * This module puts them together (buildInspections, the dataset builder) and is the public entry.
 */
import type { GeographyIndex } from '../../lib/geography.ts';
import type { InspectionEvent } from '../../lib/inspections.ts';
import type { DatasetBuilder } from '../../lib/pipeline.ts';
import { deriveAreas, type AreaInspections } from './areas.ts';
import { inspectionsDownload } from './download.ts';
import { firstCycleEvents, newFrameworkEvents } from './events.ts';
import { parseFirstCycle } from './first-cycle.ts';
import { expectedNext, firstCycleByYear, latestByRegion, outcomesByYear, revisitResults, type FirstCycleYear, type OutcomeCounts, type RegionLatest, type RevisitCount } from './national.ts';
import { parseNewFramework } from './new-framework.ts';
import { checkAgainstOfsted, ofstedTotals, parseOfstedTable } from './ofsted-check.ts';

export { OFSTED_STATS_DATE } from './common.ts';
export { FIRST_CYCLE_COLUMNS, parseFirstCycle, type FirstCycleRow } from './first-cycle.ts';
export { NEW_FRAMEWORK_COLUMNS, parseNewFramework, type NewFrameworkRow } from './new-framework.ts';
export { checkAgainstOfsted, OFSTED_COLUMNS, ofstedTotals, parseOfstedTable, type OfstedRow } from './ofsted-check.ts';
export { joinArea } from './join.ts';
export { firstCycleEvents, newFrameworkEvents, ofstedPageUrl } from './events.ts';
export { anchorDate, deriveAreas, summariseArea, type AreaInspections, type DateBasis } from './areas.ts';
export {
  ENGLAND,
  expectedNext,
  firstCycleByYear,
  latestByRegion,
  outcomesByYear,
  revisitResults,
  type FirstCycleYear,
  type OutcomeCounts,
  type RegionLatest,
  type RevisitCount,
} from './national.ts';
export { inspectionsDownload } from './download.ts';

export interface InspectionsData {
  /** The build's reference date: the latest publication date in the registers (not the wall clock). */
  referenceDate: string;
  events: InspectionEvent[];
  areas: AreaInspections[];
  firstCycleByYear: FirstCycleYear[];
  outcomesByYear: OutcomeCounts[];
  revisits: RevisitCount[];
  regions: RegionLatest[];
  /** Slugs of areas in the order they are expected next. */
  expectedNext: string[];
  /** Ofsted's own totals as at 31 August 2022, recomputed from its main table. */
  ofsted2022: { areas: number; wsoa: number; revisited: number; notRevisited: number };
  /** Rows of the first-cycle register not in Ofsted's main table (from its notes). */
  fromOfstedNotes: string[];
}

export async function buildInspections(
  files: { firstCycle: string; newFramework: string; ofsted: string },
  geo: GeographyIndex,
): Promise<InspectionsData> {
  const [first, nf, ofsted] = await Promise.all([parseFirstCycle(files.firstCycle), parseNewFramework(files.newFramework), parseOfstedTable(files.ofsted)]);
  checkAgainstOfsted(first, ofsted, files.firstCycle);
  const events = [...firstCycleEvents(first, geo, files.firstCycle), ...newFrameworkEvents(nf, geo, files.newFramework)];
  const referenceDate = events.reduce((m, e) => (e.publication && e.publication > m ? e.publication : m), '');
  const areas = deriveAreas(events, geo, referenceDate);
  const regionOf = (e: InspectionEvent) => {
    const regions = new Set(e.areaLaCodes.map((c) => geo.area(c).regionCode));
    if (regions.size !== 1) throw new Error(`event ${e.id} spans more than one region`);
    return [...regions][0]!;
  };
  return {
    referenceDate,
    events,
    areas,
    firstCycleByYear: firstCycleByYear(events, regionOf),
    outcomesByYear: outcomesByYear(events, regionOf),
    revisits: revisitResults(events),
    regions: latestByRegion(areas, geo),
    expectedNext: expectedNext(areas).map((a) => a.slug),
    ofsted2022: ofstedTotals(ofsted),
    fromOfstedNotes: first.filter((r) => !r.inOfstedMainTable).map((r) => r.name.replace(/ \(pre-[^)]*\)$/, '')),
  };
}

export const inspectionsDataset: DatasetBuilder = {
  id: 'inspections',
  async build(ctx) {
    const data = await buildInspections(
      { firstCycle: ctx.file('insp-first-cycle'), newFramework: ctx.file('insp-2023-framework'), ofsted: ctx.file('insp-ofsted-2022') },
      ctx.geo,
    );
    return { json: { inspections: data }, downloads: [inspectionsDownload(data, ctx.geo)] };
  },
};
