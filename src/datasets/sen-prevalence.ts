/**
 * How many pupils have SEN: % of all pupils with an EHC plan (or statement)
 * and % on SEN support, January school census 2016–2025, all schools, primary
 * and secondary, for England, the 9 regions and every council (`sen-census-
 * prevalence`, a cut of the LAIT data store; see the mirror's sen_census/SOURCES.md).
 *
 * - `Years` 2025 = the January 2025 census; stored as 2025 (period type january).
 * - `Values` is text with floating-point noise: rounded to 1 dp (2 dp for
 *   SecStatements, which LAIT stores to 2 dp). `-` (no value) stays a symbol.
 * - Keyed by `LA Number`; predecessors (old Dorset, Poole, Bournemouth,
 *   Northamptonshire, Cumbria) stay separate and labelled. London (Inner) and
 *   London (Outer) (987, 988) are not regions here: skipped by rule and counted.
 */
import { roundTo, value, type Cell } from '../lib/cell.ts';
import { DataError, streamCsv } from '../lib/csv.ts';
import { OGL, type Column, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { baseGeos, ENGLAND, geoKeyForCode, seriesToJson, SeriesStore, type GeoInfo, type MeasureMeta } from '../lib/series.ts';
import { seriesDownloadRows, seriesGeoColumns } from './series-download.ts';

export const PREVALENCE_CODES: Record<string, { id: string; label: string; dp: number; mustMention: RegExp }> = {
  SEN_TotStat: { id: 'ehcp_pc', label: 'Pupils with an EHC plan or statement, % of all pupils, all schools', dp: 1, mustMention: /STATEMENTS.*EHC/i },
  SEN_TotSENSuP: { id: 'sen_support_pc', label: 'Pupils on SEN support, % of all pupils, all schools', dp: 1, mustMention: /SEN\) SUPPORT/i },
  PrimStatements: { id: 'ehcp_pc_primary', label: 'Pupils with an EHC plan or statement, % of pupils, state-funded primary schools', dp: 1, mustMention: /statement.*primary/i },
  SecStatements: { id: 'ehcp_pc_secondary', label: 'Pupils with an EHC plan or statement, % of pupils, state-funded secondary schools', dp: 2, mustMention: /statement.*secondary/i },
  PrimNoStatements: { id: 'sen_support_pc_primary', label: 'Pupils on SEN support, % of pupils, state-funded primary schools', dp: 1, mustMention: /without statement.*primary/i },
  SecNoStatements: { id: 'sen_support_pc_secondary', label: 'Pupils on SEN support, % of pupils, state-funded secondary schools', dp: 1, mustMention: /without statement.*secondary/i },
};

export const PREVALENCE_MEASURES: MeasureMeta[] = Object.values(PREVALENCE_CODES).map((m) => ({ id: m.id, label: m.label, unit: '%', dp: m.dp, periodType: 'january', sourceIds: ['sen-census-prevalence'] }));

export interface PrevalenceBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  rows: number;
  skipped: Record<string, number>;
}

export async function parsePrevalence(path: string, geo: GeographyIndex, displayName?: string): Promise<PrevalenceBuild> {
  const geos = baseGeos(geo);
  const store = new SeriesStore();
  const skipped: Record<string, number> = {};
  const regionByName = new Map(geo.geography.regions.map((r) => [r.name.toLowerCase(), r.code]));
  const rows = await streamCsv(path, { columns: ['Short Desc', 'Data item', 'Years', 'LA and Regions', 'Values', 'LA Number', 'Region'], ...(displayName ? { displayName } : {}) }, (r) => {
    const code = r.text('Short Desc');
    const m = PREVALENCE_CODES[code];
    if (!m) throw r.error('Short Desc', `"${code}" is not one of the six SEN census measures this file should hold`);
    const item = r.get('Data item').trim();
    if (item !== '' && !m.mustMention.test(item)) throw r.error('Data item', `${code} is labelled "${item}", not the measure this site expects`);
    const years = r.text('Years');
    if (!/^\d{4}$/.test(years) || Number(years) < 2010 || Number(years) > 2030) throw r.error('Years', `"${years}" is not a census year`);
    const num = r.text('LA Number');
    if (!/^\d{3}$/.test(num)) throw r.error('LA Number', `"${num}" is not a 3-digit code`);
    const n = Number(num);
    let key: string;
    if (n === 970) {
      if (r.text('LA and Regions') !== 'England') throw r.error('LA and Regions', 'code 970 must be England');
      key = ENGLAND;
    } else if (n === 987 || n === 988) {
      skipped['London (Inner) and London (Outer) rows: not regions in this site'] = (skipped['London (Inner) and London (Outer) rows: not regions in this site'] ?? 0) + 1;
      return;
    } else if (n >= 980 && n <= 990) {
      const rc = regionByName.get(r.text('LA and Regions').toLowerCase());
      if (!rc) throw r.error('LA and Regions', `"${r.text('LA and Regions')}" (${n}) is not one of the 9 regions`);
      key = rc;
    } else {
      key = geoKeyForCode(geo, num, r, 'LA Number', geos);
    }
    let cell: Cell = r.cell('Values', { symbols: ['-'], allowBlank: false });
    if (cell.kind === 'value') {
      if (cell.value < 0 || cell.value > 100) throw r.error('Values', `${cell.value} is not a percentage`);
      cell = value(roundTo(cell.value, m.dp));
    }
    store.put(m.id, key, Number(years), cell, r, 'Values');
  });
  // Completeness: England, each region and each current council has every measure in every year.
  const file = displayName ?? path;
  const expected = [ENGLAND, ...geo.geography.regions.map((r) => r.code), ...geo.areas.map((a) => a.laCode)];
  for (const m of PREVALENCE_MEASURES) {
    for (const p of store.periods(m.id)) {
      const missing = expected.filter((k) => !store.has(m.id, k, p));
      if (missing.length) throw new DataError(file, null, 'LA Number', `${m.id} ${p}: no row for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
    }
  }
  return { store, geos, rows, skipped };
}

/** Check a value is a number (for tests and charts). */
export const num = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);

export const senPrevalenceDataset: DatasetBuilder = {
  id: 'sen-prevalence',
  async build(ctx) {
    const b = await parsePrevalence(ctx.file('sen-census-prevalence'), ctx.geo, 'sen_census/lait_sen_census_measures_2016-2025.csv');
    const json = seriesToJson(b.store, PREVALENCE_MEASURES, b.geos);
    const columns: Column[] = [...seriesGeoColumns('January'), ...PREVALENCE_MEASURES.map((m): Column => ({ name: m.id, type: 'Indicator', label: `${m.label} (- = no value)`, unit: '%', dp: m.dp }))];
    const downloads: Download[] = [
      {
        id: 'sen-prevalence',
        title: 'Pupils with an EHC plan and on SEN support, % of pupils, by local area, January 2016 to 2025',
        description:
          'The share of pupils with an EHC plan (or statement) and on SEN support, all schools, state-funded primary and state-funded secondary, from the January school census, for England, the regions and every council. From the DfE Local Authority Interactive Tool (LAIT). A dash (-) means no value: the council did not exist in that year, or has no school of that phase. Former councils (before 2019, 2021 and 2023 reorganisations) are kept as separate, labelled rows.',
        columns,
        rows: seriesDownloadRows(b.store, PREVALENCE_MEASURES.map((m) => m.id), b.geos, ctx.geo, 'January'),
        sourceIds: ['sen-census-prevalence'],
        licence: OGL,
      },
    ];
    return { json: { 'sen-prevalence': json }, downloads };
  },
};
