/**
 * National and regional figures: first-cycle inspections by academic year, 2023-framework outcomes
 * by year of inspection, revisit results, latest outcomes by region and the order areas are expected next.
 */
import type { GeographyIndex } from '../../lib/geography.ts';
import { academicYear, PROGRESS_LABELS, type InspectionEvent, type LatestClass, type Outcome, type RevisitProgress } from '../../lib/inspections.ts';
import type { AreaInspections } from './areas.ts';

export const ENGLAND = 'E92000001';

export interface FirstCycleYear {
  geographyCode: string;
  academicYear: string;
  published: number;
  wsoa: number;
  cumulativePublished: number;
  cumulativeWsoa: number;
}

/** First-cycle inspections published, and needing a WSOA, by academic year of publication and cumulatively. */
export function firstCycleByYear(events: readonly InspectionEvent[], regionOf: (e: InspectionEvent) => string): FirstCycleYear[] {
  const firsts = events.filter((e) => e.kind === 'first-inspection');
  const years = [...new Set(firsts.map((e) => academicYear(e.publication!)))].sort();
  const geos = [ENGLAND, ...[...new Set(firsts.map(regionOf))].sort()];
  const out: FirstCycleYear[] = [];
  for (const g of geos) {
    let cp = 0;
    let cw = 0;
    for (const y of years) {
      const inYear = firsts.filter((e) => academicYear(e.publication!) === y && (g === ENGLAND || regionOf(e) === g));
      const w = inYear.filter((e) => e.wsoaRequired).length;
      cp += inYear.length;
      cw += w;
      out.push({ geographyCode: g, academicYear: y, published: inYear.length, wsoa: w, cumulativePublished: cp, cumulativeWsoa: cw });
    }
  }
  return out;
}

export interface OutcomeCounts {
  geographyCode: string;
  year: number;
  outcome1: number;
  outcome2: number;
  outcome3: number;
  total: number;
  /** Inspections counted by publication year because the start date is missing. */
  fromPublicationYear: number;
}

/** 2023-framework outcomes by calendar year of inspection (start; missing start → publication year, flagged). */
export function outcomesByYear(events: readonly InspectionEvent[], regionOf: (e: InspectionEvent) => string): OutcomeCounts[] {
  const full = events.filter((e) => e.kind === 'full-inspection');
  const years = [...new Set(full.map((e) => e.inspectionYear!))].sort();
  const geos = [ENGLAND, ...[...new Set(full.map(regionOf))].sort()];
  const out: OutcomeCounts[] = [];
  for (const g of geos) {
    for (const y of years) {
      const inYear = full.filter((e) => e.inspectionYear === y && (g === ENGLAND || regionOf(e) === g));
      const n = (o: Outcome) => inYear.filter((e) => e.outcome === o).length;
      out.push({ geographyCode: g, year: y, outcome1: n(1), outcome2: n(2), outcome3: n(3), total: inYear.length, fromPublicationYear: inYear.filter((e) => e.inspectionYearFromPublication).length });
    }
  }
  return out;
}

export interface RevisitCount {
  progress: RevisitProgress;
  label: string;
  total: number;
  /** Reported by council or press pages rather than Ofsted's statistics. */
  fromOtherPages: number;
}

export function revisitResults(events: readonly InspectionEvent[]): RevisitCount[] {
  const rv = events.filter((e) => e.kind === 'revisit');
  return (['all', 'some', 'none'] as const).map((p) => ({
    progress: p,
    label: PROGRESS_LABELS[p],
    total: rv.filter((e) => e.progress === p).length,
    fromOtherPages: rv.filter((e) => e.progress === p && e.sourceKind === 'council-or-press').length,
  }));
}

export interface RegionLatest {
  regionCode: string;
  regionName: string;
  areas: number;
  counts: Record<LatestClass, number>;
}

export function latestByRegion(areas: readonly AreaInspections[], geo: GeographyIndex): RegionLatest[] {
  return geo.geography.regions.map((r) => {
    const inR = areas.filter((a) => a.regionCode === r.code);
    const counts = { 'outcome-1': 0, 'outcome-2': 0, 'outcome-3': 0, 'not-yet': 0 } as Record<LatestClass, number>;
    for (const a of inR) counts[a.latestClass] += 1;
    return { regionCode: r.code, regionName: r.name, areas: inR.length, counts };
  });
}

/** Areas in the order they are expected next: due now (longest since last inspection first), then by date. */
export function expectedNext(areas: readonly AreaInspections[]): AreaInspections[] {
  return [...areas].sort((a, b) => {
    if (a.next.status !== b.next.status) return a.next.status === 'due-now' ? -1 : 1;
    if (a.next.status === 'due-now') return a.next.lastDate.localeCompare(b.next.lastDate) || a.name.localeCompare(b.name);
    const ad = a.next.monitoringBy && !a.next.monitoringDue ? a.next.monitoringBy : a.next.fullBy!;
    const bd = b.next.monitoringBy && !b.next.monitoringDue ? b.next.monitoringBy : b.next.fullBy!;
    return ad.localeCompare(bd) || a.name.localeCompare(b.name);
  });
}
