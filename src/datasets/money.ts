/**
 * Money for SEND: the dedicated schools grant (DSG) and its high needs block,
 * DfE's DSG deficit measure, and the high needs block per EHC plan (derived).
 *
 * - `dsg-allocations`: ESFA DSG allocations by block, 2020-21 to 2023-24, one
 *   row per workbook × area (compiled from the `Allocations_summary` sheets;
 *   see the mirror's finance/SOURCES.md). Keyed by DfE code: allocations made
 *   before a reorganisation belong to the predecessor (Northamptonshire 928 in
 *   2020-21, Cumbria 909 to 2022-23) and stay labelled as such. Checks: each
 *   row's total is the sum of its blocks; LA rows and, separately, region rows
 *   sum to England; each region row is the sum of its councils of that year.
 *   City of London (201) and Isles of Scilly (420) have no rows: the ESFA does
 *   not publish an allocation for them, so they have no figure (never 0).
 * - `dsg-deficit`: DfE's derived DSG deficit, S251 line 1.9.3 (DSG carried
 *   forward) as % of the total DSG allocation, 2019-20 to 2021-22. The file has
 *   names only: each is joined through the geography, and any name that does
 *   not match a council (current or former) stops the build.
 * - Derived `hnb_per_plan`: high needs block (before deductions) ÷ EHC plans
 *   maintained by the council at January of that financial year (SEN2,
 *   `ehcp-2025-caseload`). Not published by DfE; stated wherever shown.
 *
 * Periods are financial years, stored as the year they end: 2024 = 2023-24.
 */
import { value, type Cell } from '../lib/cell.ts';
import { DataError, streamCsv, type CsvRow } from '../lib/csv.ts';
import { OGL, type Column, type CsvValue, type Download } from '../lib/downloads.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { baseGeos, ENGLAND, geoKeyForCode, seriesToJson, SeriesStore, type GeoInfo, type MeasureMeta } from '../lib/series.ts';
import { parseCaseload2025 } from './ehcp.ts';
import { geoColumnValues, orderedGeoKeys, seriesGeoColumns } from './series-download.ts';

export const BLOCKS = [
  { id: 'schools_block', label: 'Schools block' },
  { id: 'central_school_services_block', label: 'Central school services block' },
  { id: 'high_needs_block', label: 'High needs block' },
  { id: 'early_years_block', label: 'Early years block' },
] as const;
const BEFORE = [...BLOCKS.map((b) => b.id), 'total_dsg'];
const AFTER = BEFORE.map((c) => `${c}_after_deductions`);
export const ALLOCATION_COLUMNS = [...BEFORE, ...AFTER];

/** "2023-24" → 2024 (the year the financial year ends). */
export function financialYearEnd(s: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(s.trim());
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new Error(`"${s}" is not a financial year such as 2023-24`);
  return Number(m[1]) + 1;
}

/** 2024 → "2023-24". */
export const financialYearLabel = (p: number): string => `${p - 1}-${String(p % 100).padStart(2, '0')}`;

/** Councils the ESFA leaves out of the DSG tables ("Isles of Scilly and City of London are not included within this file"). */
export const NO_DSG_ROWS: Record<string, string> = {
  '201': 'The ESFA’s DSG allocation tables do not include the City of London.',
  '420': 'The ESFA’s DSG allocation tables do not include the Isles of Scilly.',
};

function regionKey(geo: GeographyIndex, name: string): string | null {
  const n = name.trim().toLowerCase();
  return geo.geography.regions.find((r) => r.name.toLowerCase() === n)?.code ?? null;
}

export interface AllocationStats {
  rows: number;
  skipped: Record<string, number>;
  years: number[];
}

/** Parse the compiled allocations table into `store` (measures = ALLOCATION_COLUMNS). */
export async function parseAllocations(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>, store: SeriesStore, displayName?: string): Promise<AllocationStats> {
  const stats: AllocationStats = { rows: 0, skipped: {}, years: [] };
  const versions = new Map<number, string>();
  const laRows = new Map<number, { key: string; row: CsvRow }[]>();
  const lines = new Map<string, CsvRow>();
  const columns = ['financial_year', 'file_version_date', 'geographic_level', 'old_la_code', 'area_name', ...ALLOCATION_COLUMNS];
  stats.rows = await streamCsv(path, { columns, ...(displayName ? { displayName } : {}) }, (r) => {
    let year: number;
    try {
      year = financialYearEnd(r.text('financial_year'));
    } catch (e) {
      throw r.error('financial_year', (e as Error).message);
    }
    if (year < 2019 || year > 2030) throw r.error('financial_year', `${r.text('financial_year')} is outside the expected range`);
    const version = r.text('file_version_date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw r.error('file_version_date', `"${version}" is not a date (YYYY-MM-DD)`);
    if (versions.has(year) && versions.get(year) !== version) throw r.error('file_version_date', `two versions of ${r.text('financial_year')} in one file (${versions.get(year)} and ${version})`);
    versions.set(year, version);

    const level = r.text('geographic_level');
    let key: string;
    if (level === 'National') {
      if (r.text('area_name') !== 'England') throw r.error('area_name', 'the national row must be England');
      key = ENGLAND;
    } else if (level === 'Regional') {
      const code = regionKey(geo, r.text('area_name'));
      if (!code) throw r.error('area_name', `"${r.text('area_name')}" is not one of the 9 regions`);
      key = code;
    } else if (level === 'LA type group') {
      stats.skipped['LA type group rows (London, metropolitan, unitary, upper tier): not used'] = (stats.skipped['LA type group rows (London, metropolitan, unitary, upper tier): not used'] ?? 0) + 1;
      return;
    } else if (level === 'Local authority') {
      const code = r.text('old_la_code');
      if (!/^\d{3}$/.test(code)) throw r.error('old_la_code', `"${code}" is not a 3-digit DfE code`);
      key = geoKeyForCode(geo, code, r, 'old_la_code', geos);
      (laRows.get(year) ?? laRows.set(year, []).get(year)!).push({ key, row: r });
    } else {
      throw r.error('geographic_level', `unexpected level "${level}"`);
    }

    const cells: Record<string, number> = {};
    for (const c of ALLOCATION_COLUMNS) {
      const n = r.number(c);
      if (!Number.isInteger(n) || n < 0) throw r.error(c, `${n} is not a whole, non-negative number of pounds`);
      cells[c] = n;
    }
    for (const [total, parts] of [
      ['total_dsg', BEFORE.slice(0, 4)],
      ['total_dsg_after_deductions', AFTER.slice(0, 4)],
    ] as const) {
      const sum = parts.reduce((s, p) => s + cells[p]!, 0);
      if (sum !== cells[total]) throw r.error(total, `${cells[total]} is not the sum of the four blocks (${sum})`);
    }
    lines.set(`${year}|${key}`, r);
    for (const c of ALLOCATION_COLUMNS) store.put(c, key, year, value(cells[c]!), r, c);
  });

  const years = [...versions.keys()].sort((a, b) => a - b);
  stats.years = years;
  const file = displayName ?? path;
  for (const year of years) {
    const eng = lines.get(`${year}|${ENGLAND}`);
    if (!eng) throw new DataError(file, null, 'geographic_level', `${financialYearLabel(year)} has no England row`);
    const las = laRows.get(year) ?? [];
    // Completeness: every current council has a row, unless the ESFA leaves it out or a predecessor had the allocation that year.
    const have = new Set(las.map((l) => l.key));
    for (const a of geo.areas) {
      if (NO_DSG_ROWS[a.laCode]) {
        if (have.has(a.laCode)) throw new DataError(file, null, 'old_la_code', `${financialYearLabel(year)}: ${a.name} has a row, but the ESFA says it is not included: check the file`);
        continue;
      }
      const viaPredecessor = [...have].some((k) => k.startsWith('pred-') && geos.get(k)?.successors?.includes(a.laCode));
      if (!have.has(a.laCode) && !viaPredecessor) throw new DataError(file, null, 'old_la_code', `${financialYearLabel(year)}: no row for ${a.name} (${a.laCode}) nor for a council it replaced`);
    }
    for (const c of ALLOCATION_COLUMNS) {
      const e = (store.get(c, ENGLAND, year) as { value: number }).value;
      const laSum = las.reduce((s, l) => s + (store.get(c, l.key, year) as { value: number }).value, 0);
      if (laSum !== e) throw eng.error(c, `${financialYearLabel(year)}: the local authority rows sum to ${laSum}, not England's ${e}`);
      let regionSum = 0;
      for (const r of geo.geography.regions) {
        const rc = store.get(c, r.code, year);
        if (rc.kind !== 'value') throw new DataError(file, null, 'area_name', `${financialYearLabel(year)}: no row for region ${r.name}`);
        regionSum += rc.value;
        const inRegion = las.filter((l) => {
          const info = geos.get(l.key)!;
          const laCode = info.kind === 'predecessor' ? info.successors![0]! : l.key;
          return geo.area(laCode).regionCode === r.code;
        });
        const s = inRegion.reduce((t, l) => t + (store.get(c, l.key, year) as { value: number }).value, 0);
        if (s !== rc.value) throw lines.get(`${year}|${r.code}`)!.error(c, `${financialYearLabel(year)}: ${r.name} is ${rc.value} but its councils sum to ${s}`);
      }
      if (regionSum !== e) throw eng.error(c, `${financialYearLabel(year)}: the region rows sum to ${regionSum}, not England's ${e}`);
    }
  }
  return stats;
}

function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(county\)/g, '')
    .replace(/[.,'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Name → DfE code for every council the deficit file can name: today's areas
 * (registered and readable names) and the predecessors in the code history
 * (Northamptonshire, Cumbria, …) where the name is not also a current area's.
 */
export function councilNameIndex(geo: GeographyIndex): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of geo.areas) {
    m.set(normName(a.officialName), a.laCode);
    m.set(normName(a.name), a.laCode);
  }
  for (const ch of geo.geography.codeChanges) {
    const n = normName(ch.oldName);
    if (!m.has(n)) m.set(n, ch.oldLaCode);
  }
  return m;
}

/** Parse DfE's DSG deficit measure into `store` (measure `dsg_deficit_pc`). */
export async function parseDeficit(path: string, geo: GeographyIndex, geos: Map<string, GeoInfo>, store: SeriesStore, displayName?: string): Promise<{ rows: number; inDeficit: Record<number, { of: number; n: number }> }> {
  const names = councilNameIndex(geo);
  const inDeficit: Record<number, { of: number; n: number }> = {};
  const cols = ['time_period', 'geographic_level', 'region_name', 'la_name', 'deficit', 'DSG cumulative balance as a % of the total income', 'financial_year'];
  const rows = await streamCsv(path, { columns: cols, ...(displayName ? { displayName } : {}) }, (r) => {
    const tp = r.text('time_period');
    if (!/^\d{6}$/.test(tp) || (Number(tp.slice(0, 4)) + 1) % 100 !== Number(tp.slice(4))) throw r.error('time_period', `"${tp}" is not a financial year such as 202122`);
    const year = Number(tp.slice(0, 4)) + 1;
    if (r.text('financial_year') !== financialYearLabel(year)) throw r.error('financial_year', `"${r.text('financial_year')}" does not match time_period ${tp}`);
    const level = r.text('geographic_level');
    let key: string;
    if (level === 'National') {
      if (r.text('region_name') !== 'England') throw r.error('region_name', 'the national row must be England');
      if (r.get('la_name').trim() !== '') throw r.error('la_name', 'the national row must have no local authority');
      key = ENGLAND;
    } else if (level === 'Regional') {
      const code = regionKey(geo, r.text('region_name'));
      if (!code) throw r.error('region_name', `"${r.text('region_name')}" is not one of the 9 regions`);
      key = code;
    } else if (level === 'Local authority') {
      const name = r.text('la_name');
      const laCode = names.get(normName(name));
      if (!laCode) throw r.error('la_name', `"${name}" does not match the name of any council, current or former: add the spelling to the geography or correct the file`);
      key = geoKeyForCode(geo, laCode, r, 'la_name', geos);
      const info = geos.get(key)!;
      const area = geo.area(info.kind === 'predecessor' ? info.successors![0]! : key);
      const region = geo.regionOf(area);
      if (region.name.toLowerCase() !== r.text('region_name').toLowerCase()) throw r.error('region_name', `"${name}" is matched to ${area.name} in ${region.name}, but the row says ${r.text('region_name')}`);
    } else {
      throw r.error('geographic_level', `unexpected level "${level}"`);
    }
    const deficit = r.number('deficit');
    const balance = r.number('DSG cumulative balance as a % of the total income');
    if (Math.abs(deficit + balance) > 1e-9) throw r.error('DSG cumulative balance as a % of the total income', `${balance} is not minus the deficit (${deficit})`);
    if (Math.abs(deficit) > 100) throw r.error('deficit', `${deficit} is not a plausible % of the allocation`);
    if (level === 'Local authority') {
      const d = (inDeficit[year] ??= { of: 0, n: 0 });
      d.of += 1;
      if (deficit > 0) d.n += 1;
    }
    store.put('dsg_deficit_pc', key, year, value(deficit), r, 'la_name');
  });
  return { rows, inDeficit };
}

/** High needs block (before deductions) ÷ EHC plans at January of the financial year (2023-24 → January 2024). */
export function deriveHnbPerPlan(store: SeriesStore, plans: SeriesStore): void {
  for (const key of store.geoKeys('high_needs_block')) {
    for (const year of store.periods('high_needs_block')) {
      if (!store.has('high_needs_block', key, year)) continue;
      const hnb = store.get('high_needs_block', key, year);
      const p: Cell = plans.get('ehc_plans', key, year);
      store.put('plans_january', key, year, p);
      if (hnb.kind !== 'value') store.put('hnb_per_plan', key, year, hnb);
      else if (p.kind !== 'value') store.put('hnb_per_plan', key, year, p);
      else if (p.value === 0) store.put('hnb_per_plan', key, year, { kind: 'symbol', code: 'z' });
      else store.put('hnb_per_plan', key, year, value(hnb.value / p.value));
    }
  }
}

export const MONEY_MEASURES: MeasureMeta[] = [
  ...BLOCKS.map((b): MeasureMeta => ({ id: b.id, label: `${b.label} allocation, £ (before academy recoupment and direct funding of places)`, unit: '£', dp: 0, periodType: 'financial', sourceIds: ['dsg-allocations'] })),
  { id: 'total_dsg', label: 'Total DSG allocation, £ (before academy recoupment and direct funding of places)', unit: '£', dp: 0, periodType: 'financial', sourceIds: ['dsg-allocations'] },
  { id: 'high_needs_block_after_deductions', label: 'High needs block after academy recoupment and direct funding of high-needs places, £', unit: '£', dp: 0, periodType: 'financial', sourceIds: ['dsg-allocations'] },
  { id: 'total_dsg_after_deductions', label: 'Total DSG after academy recoupment and direct funding of high-needs places, £', unit: '£', dp: 0, periodType: 'financial', sourceIds: ['dsg-allocations'] },
  { id: 'dsg_deficit_pc', label: 'DSG cumulative deficit carried forward at 31 March, % of the total DSG allocation (negative = surplus)', unit: '%', dp: 2, periodType: 'financial', sourceIds: ['dsg-deficit'] },
  { id: 'plans_january', label: 'EHC plans maintained by the council at January of the financial year (SEN2)', unit: '', dp: 0, periodType: 'financial', sourceIds: ['ehcp-2025-caseload'] },
  { id: 'hnb_per_plan', label: 'High needs block per EHC plan, £ (derived: high needs block ÷ EHC plans at January of the financial year)', unit: '£', dp: 0, periodType: 'financial', sourceIds: ['dsg-allocations', 'ehcp-2025-caseload'] },
];

export interface MoneyBuild {
  store: SeriesStore;
  geos: Map<string, GeoInfo>;
  allocations: AllocationStats;
  deficit: { rows: number; inDeficit: Record<number, { of: number; n: number }> };
  /** Current areas with no allocation row in any year. */
  noAllocation: string[];
}

export async function buildMoney(file: (id: string) => string, geo: GeographyIndex): Promise<MoneyBuild> {
  const geos = baseGeos(geo);
  const store = new SeriesStore();
  const allocations = await parseAllocations(file('dsg-allocations'), geo, geos, store, 'finance/dsg_allocations/dsg_allocations_summary_2020-21_to_2023-24.csv');
  const deficit = await parseDeficit(file('dsg-deficit'), geo, geos, store, 'finance/dfe_send_ap_dashboard/dsg_deficit_derived.csv');
  const caseload = await parseCaseload2025(file('ehcp-2025-caseload'), geo, geos);
  deriveHnbPerPlan(store, caseload.store);
  const noAllocation = geo.areas.filter((a) => !store.geoKeys('high_needs_block').includes(a.laCode)).map((a) => a.laCode);
  return { store, geos, allocations, deficit, noAllocation };
}

export const MONEY_DOWNLOAD_COLUMNS: Column[] = [
  ...seriesGeoColumns('Financial year'),
  ...MONEY_MEASURES.map((m): Column => ({ name: m.id, type: 'Indicator', label: m.label, unit: m.unit, dp: m.dp })),
];

export function moneyDownloadRows(b: MoneyBuild, geo: GeographyIndex): Record<string, CsvValue>[] {
  const keys = new Set<string>();
  const periods = new Set<number>();
  for (const m of MONEY_MEASURES) {
    for (const k of b.store.geoKeys(m.id)) keys.add(k);
    for (const p of b.store.periods(m.id)) periods.add(p);
  }
  const rows: Record<string, CsvValue>[] = [];
  for (const p of [...periods].sort((a, c) => a - c)) {
    for (const k of orderedGeoKeys(keys, b.geos)) {
      if (!MONEY_MEASURES.some((m) => b.store.has(m.id, k, p))) continue;
      const row: Record<string, CsvValue> = { time_period: financialYearLabel(p), time_identifier: 'Financial year', ...geoColumnValues(k, b.geos.get(k)!, geo) };
      for (const m of MONEY_MEASURES) row[m.id] = b.store.has(m.id, k, p) ? b.store.get(m.id, k, p) : null;
      rows.push(row);
    }
  }
  return rows;
}

export const moneyDataset: DatasetBuilder = {
  id: 'money',
  async build(ctx) {
    const b = await buildMoney(ctx.file, ctx.geo);
    const json = { ...seriesToJson(b.store, MONEY_MEASURES, b.geos), noAllocation: b.noAllocation, versions: b.allocations.years };
    const downloads: Download[] = [
      {
        id: 'money',
        title: 'Dedicated schools grant allocations, the high needs block and DSG deficits, by local area',
        description:
          'ESFA dedicated schools grant (DSG) allocations by block, 2020-21 to 2023-24, before and after academy recoupment and direct funding of high-needs places; DfE’s DSG deficit measure (DSG carried forward as a % of the total allocation), 2019-20 to 2021-22; and the high needs block per EHC plan (derived by this site: high needs block ÷ EHC plans maintained at January of the financial year, SEN2). Allocations made before a council reorganisation belong to the former council and are labelled so. City of London and the Isles of Scilly have no DSG allocation rows. Spending on SEN services per child with a plan (S251, LAIT) is in outcomes.csv.',
        columns: MONEY_DOWNLOAD_COLUMNS,
        rows: moneyDownloadRows(b, ctx.geo),
        sourceIds: ['dsg-allocations', 'dsg-deficit', 'ehcp-2025-caseload'],
        licence: OGL,
      },
    ];
    return { json: { money: json }, downloads };
  },
};
