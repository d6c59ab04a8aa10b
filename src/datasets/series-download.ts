/**
 * Tidy downloads from a SeriesStore: one row per geography and period, in the
 * EES layout (geography columns first), England, then regions, then areas and
 * predecessors by name.
 */
import { EES_GEOGRAPHY_COLUMNS, laGeography, type Column, type CsvValue } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import { ENGLAND, type GeoInfo, type SeriesStore } from '../lib/series.ts';

export function seriesGeoColumns(timeIdentifier: string): Column[] {
  const labels: Record<string, string> = {
    time_period: timeIdentifier === 'January' ? 'Year (count at January of this year)' : `Time period (${timeIdentifier.toLowerCase()})`,
    new_la_code: 'Local authority ONS code (current code, or the code the former authority last had)',
    la_name: 'Local authority (former authorities are labelled with the date they ended)',
  };
  return EES_GEOGRAPHY_COLUMNS.map((c) => (labels[c.name] ? { ...c, label: labels[c.name]! } : c));
}

export function geoColumnValues(key: string, info: GeoInfo, geo: GeographyIndex): Record<string, CsvValue> {
  const base = { country_code: ENGLAND, country_name: 'England' };
  if (info.kind === 'england') return { ...base, geographic_level: 'National', region_code: '', region_name: '', new_la_code: '', old_la_code: '', la_name: '' };
  if (info.kind === 'region') return { ...base, geographic_level: 'Regional', region_code: key, region_name: info.name, new_la_code: '', old_la_code: '', la_name: '' };
  if (info.kind === 'area') {
    const a = geo.area(key);
    return laGeography(geo.regionOf(a), a);
  }
  const laCode = key.replace(/^pred-/, '');
  const change = geo.geography.codeChanges.find((c) => c.oldLaCode === laCode);
  if (!change) throw new Error(`no code change for predecessor ${key}`);
  const successor = geo.area(info.successors![0]!);
  return laGeography(geo.regionOf(successor), { onsCode: change.oldOnsCode, laCode, name: info.name });
}

const ORDER = { england: 0, region: 1, area: 2, predecessor: 2 } as const;

export function orderedGeoKeys(keys: Iterable<string>, geos: Map<string, GeoInfo>): string[] {
  return [...keys].sort((a, b) => {
    const ga = geos.get(a)!;
    const gb = geos.get(b)!;
    return ORDER[ga.kind] - ORDER[gb.kind] || ga.name.localeCompare(gb.name, 'en-GB');
  });
}

/** Rows for every geography × period that has at least one of the measures. */
export function seriesDownloadRows(store: SeriesStore, measures: string[], geos: Map<string, GeoInfo>, geo: GeographyIndex, timeIdentifier: string): Record<string, CsvValue>[] {
  const keys = new Set<string>();
  const periods = new Set<number>();
  for (const m of measures) {
    for (const k of store.geoKeys(m)) keys.add(k);
    for (const p of store.periods(m)) periods.add(p);
  }
  const rows: Record<string, CsvValue>[] = [];
  for (const p of [...periods].sort((a, b) => a - b)) {
    for (const k of orderedGeoKeys(keys, geos)) {
      if (!measures.some((m) => store.has(m, k, p))) continue;
      const row: Record<string, CsvValue> = { time_period: p, time_identifier: timeIdentifier, ...geoColumnValues(k, geos.get(k)!, geo) };
      for (const m of measures) row[m] = store.has(m, k, p) ? store.get(m, k, p) : null;
      rows.push(row);
    }
  }
  return rows;
}
