/**
 * Tidy downloads from a SeriesStore: one row per geography and period, in the
 * EES layout (geography columns first), England, then regions, then areas and
 * predecessors by name.
 */
import type { Column, CsvValue } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import { ENGLAND, type GeoInfo, type SeriesStore } from '../lib/series.ts';

export function seriesGeoColumns(timeIdentifier: string): Column[] {
  return [
    { name: 'time_period', type: 'Filter', label: timeIdentifier === 'January' ? 'Year (count at January of this year)' : `Time period (${timeIdentifier.toLowerCase()})` },
    { name: 'time_identifier', type: 'Filter', label: 'Time identifier' },
    { name: 'geographic_level', type: 'Filter', label: 'Geographic level' },
    { name: 'country_code', type: 'Filter', label: 'Country code' },
    { name: 'country_name', type: 'Filter', label: 'Country name' },
    { name: 'region_code', type: 'Filter', label: 'Region code' },
    { name: 'region_name', type: 'Filter', label: 'Region name' },
    { name: 'new_la_code', type: 'Filter', label: 'Local authority ONS code (current code, or the code the former authority last had)' },
    { name: 'old_la_code', type: 'Filter', label: 'Local authority DfE code' },
    { name: 'la_name', type: 'Filter', label: 'Local authority (former authorities are labelled with the date they ended)' },
  ];
}

export function geoColumnValues(key: string, info: GeoInfo, geo: GeographyIndex): Record<string, CsvValue> {
  const base = { country_code: ENGLAND, country_name: 'England' };
  if (info.kind === 'england') return { ...base, geographic_level: 'National', region_code: '', region_name: '', new_la_code: '', old_la_code: '', la_name: '' };
  if (info.kind === 'region') return { ...base, geographic_level: 'Regional', region_code: key, region_name: info.name, new_la_code: '', old_la_code: '', la_name: '' };
  if (info.kind === 'area') {
    const a = geo.area(key);
    const r = geo.regionOf(a);
    return { ...base, geographic_level: 'Local authority', region_code: r.code, region_name: r.name, new_la_code: a.onsCode, old_la_code: a.laCode, la_name: a.name };
  }
  const laCode = key.replace(/^pred-/, '');
  const change = geo.geography.codeChanges.find((c) => c.oldLaCode === laCode);
  if (!change) throw new Error(`no code change for predecessor ${key}`);
  const successor = geo.area(info.successors![0]!);
  const r = geo.regionOf(successor);
  return { ...base, geographic_level: 'Local authority', region_code: r.code, region_name: r.name, new_la_code: change.oldOnsCode, old_la_code: laCode, la_name: info.name };
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
