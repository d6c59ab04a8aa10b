/**
 * Geography dataset: parse → validate → derive.
 *
 * Sources: geo-las (DfE register), geo-regions, geo-code-history,
 * geo-neighbours (May 2025 statistical neighbours), geo-places (ward lookup).
 */
import { readCsv, streamCsv, DataError, projectPath } from '../lib/csv.ts';
import { KeySet } from '../lib/validate.ts';
import { EES_GEOGRAPHY_COLUMNS, OGL, laGeography, type Download } from '../lib/downloads.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import {
  GeographyIndex,
  laTypeOf,
  readableName,
  slugify,
  type Area,
  type Closeness,
  type CodeChange,
  type Geography,
  type Neighbour,
  type Region,
} from '../lib/geography.ts';

export const AREA_COUNT = 153;
export const REGION_COUNT = 9;
const CLOSENESS: readonly Closeness[] = ['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'];

export interface GeographyFiles {
  las: string;
  regions: string;
  codeHistory: string;
  neighbours: string;
}

function isoFromDfeDate(s: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) throw new Error(`"${s}" is not a DD/MM/YYYY date`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

export async function parseRegions(path: string): Promise<Region[]> {
  const rows = await readCsv(path, { columns: ['region_code', 'region_name'] });
  const keys = new KeySet(path, 'region code');
  for (const r of rows) keys.addRow(r, r.text('region_code'), 'region_code');
  const regions = rows
    .filter((r) => r.text('region_code').startsWith('E12'))
    .map((r) => ({ code: r.text('region_code'), name: r.text('region_name'), slug: slugify(r.text('region_name')) }));
  if (regions.length !== REGION_COUNT) throw new DataError(path, null, 'region_code', `expected ${REGION_COUNT} regions (E12), found ${regions.length}`);
  return regions;
}

export async function parseCodeHistory(path: string): Promise<CodeChange[]> {
  const columns = ['effective_date', 'event', 'old_la_code', 'old_ons_code', 'old_name', 'new_la_code', 'new_ons_code', 'new_name', 'note'];
  const rows = await readCsv(path, { columns });
  const keys = new KeySet(path, 'change of an old code to a new code');
  return rows.map((r) => {
    keys.addRow(r, `${r.text('old_ons_code')}|${r.text('new_ons_code')}`, 'old_ons_code', `${r.text('old_ons_code')} → ${r.text('new_ons_code')}`);
    const effectiveDate = r.text('effective_date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) throw r.error('effective_date', `"${effectiveDate}" is not an ISO date`);
    for (const c of ['old_la_code', 'new_la_code']) if (!/^\d{3}$/.test(r.text(c))) throw r.error(c, 'expected a 3-digit DfE code');
    for (const c of ['old_ons_code', 'new_ons_code']) if (!/^E\d{8}$/.test(r.text(c))) throw r.error(c, 'expected a 9-character ONS code');
    return {
      effectiveDate,
      event: r.text('event'),
      oldLaCode: r.text('old_la_code'),
      oldOnsCode: r.text('old_ons_code'),
      oldName: r.text('old_name'),
      newLaCode: r.text('new_la_code'),
      newOnsCode: r.text('new_ons_code'),
      newName: r.text('new_name'),
      note: r.get('note').trim(),
    };
  });
}

interface RegisterRow {
  line: number;
  onsCode: string;
  laCode: string;
  name: string;
  regionCode: string;
  live: boolean;
  start: string | null;
  end: string | null;
}

export async function parseRegister(path: string): Promise<RegisterRow[]> {
  const columns = ['new_la_code', 'la_name', 'date_of_operation', 'date_of_termination', 'parent_geography_code', 'status', 'old_la_code'];
  const rows = await readCsv(path, { columns });
  const keys = new KeySet(path, 'ONS code');
  return rows.map((r) => {
    keys.addRow(r, r.text('new_la_code'), 'new_la_code', r.text('new_la_code'));
    const status = r.text('status');
    if (status !== 'live' && status !== 'terminated') throw r.error('status', `"${status}" is not live or terminated`);
    const date = (col: string): string | null => {
      const s = r.get(col).trim();
      if (s === '') return null;
      try {
        return isoFromDfeDate(s);
      } catch (e) {
        throw r.error(col, (e as Error).message);
      }
    };
    return {
      line: r.line,
      onsCode: r.text('new_la_code'),
      laCode: r.text('old_la_code'),
      name: r.text('la_name'),
      regionCode: r.get('parent_geography_code').trim(),
      live: status === 'live',
      start: date('date_of_operation'),
      end: date('date_of_termination'),
    };
  });
}

/** The single-authority English rows among the live register entries (excludes joint-return rows and `z`). */
function isSingleEnglishLa(row: RegisterRow): boolean {
  return /^E(06|08|09|10)\d{6}$/.test(row.onsCode) && /^\d{3}$/.test(row.laCode);
}

export async function parseNeighbours(path: string): Promise<Map<string, Neighbour[]> & { lines?: Map<string, number> }> {
  const slots = Array.from({ length: 10 }, (_, i) => i + 1);
  const columns = ['LA num', 'LA Name', ...slots.flatMap((i) => [`SN${i}`, `SNP${i}`])];
  let snp = 0;
  const rows = await readCsv(path, {
    columns,
    allowShortRows: true,
    // The ten closeness columns are all headed "SNP": number them after the SN before each.
    renameHeader: (name) => (name === 'SNP' ? `SNP${++snp}` : name),
    // The current set ends at the first empty row; the predecessors' older sets follow.
    stopAt: (fields) => fields.every((f) => f.trim() === ''),
  });
  const result: Map<string, Neighbour[]> & { lines?: Map<string, number> } = new Map<string, Neighbour[]>();
  const lines = new Map<string, number>();
  result.lines = lines;
  for (const r of rows) {
    const code = r.text('LA num');
    lines.set(code, r.line);
    if (!/^\d{3}$/.test(code)) throw r.error('LA num', 'expected a 3-digit DfE code');
    if (result.has(code)) throw r.error('LA num', `${code} appears twice: each area's neighbours must be listed once. Remove the repeated row`);
    const listed = new Map<string, number>();
    result.set(
      code,
      slots.map((i) => {
        const laCode = r.text(`SN${i}`);
        if (!/^\d{3}$/.test(laCode)) throw r.error(`SN${i}`, 'expected a 3-digit DfE code');
        // Exactly 10 distinct neighbours, none of them the area itself.
        if (laCode === code) throw r.error(`SN${i}`, `${laCode} is the area itself: an area cannot be its own statistical neighbour. Check the row against DfE's published neighbours`);
        const before = listed.get(laCode);
        if (before !== undefined) throw r.error(`SN${i}`, `${laCode} is already neighbour ${before}: the 10 neighbours must be 10 different areas. Check the row against DfE's published neighbours`);
        listed.set(laCode, i);
        const raw = r.text(`SNP${i}`);
        const closeness = CLOSENESS.find((c) => c.toLowerCase() === raw.toLowerCase());
        if (!closeness) throw r.error(`SNP${i}`, `"${raw}" is not a closeness band (${CLOSENESS.join(', ')})`);
        return { laCode, rank: i, closeness };
      }),
    );
  }
  return result;
}

export async function buildGeography(files: GeographyFiles): Promise<Geography> {
  const [register, regions, codeChanges, neighbours] = await Promise.all([
    parseRegister(files.las),
    parseRegions(files.regions),
    parseCodeHistory(files.codeHistory),
    parseNeighbours(files.neighbours),
  ]);
  const regionCodes = new Set(regions.map((r) => r.code));
  const live = register.filter((r) => r.live && isSingleEnglishLa(r));
  const liveKeys = new KeySet(files.las, 'live DfE code');
  for (const r of live) liveKeys.add(r.laCode, r.line, 'old_la_code', `live DfE code ${r.laCode} (${r.name})`);
  if (live.length !== AREA_COUNT) {
    throw new DataError(files.las, null, 'status', `expected ${AREA_COUNT} live single English local authorities, found ${live.length}`);
  }
  const areas: Area[] = live.map((r) => {
    if (!regionCodes.has(r.regionCode)) throw new DataError(files.las, r.line, 'parent_geography_code', `${r.name}: "${r.regionCode}" is not one of the 9 English regions in ${projectPath(files.regions)}. Check the row against the DfE register`);
    const name = readableName(r.name);
    const formerOnsCodes = register
      .filter((t) => !t.live && t.laCode === r.laCode && t.onsCode !== r.onsCode)
      .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''))
      .map((t) => t.onsCode);
    const ns = neighbours.get(r.laCode);
    if (!ns) throw new DataError(files.neighbours, null, 'LA num', `${r.name} (${r.laCode}) has no statistical neighbours: every live area needs a row. Check the file against DfE's published neighbours (run \`npm run data:fetch\`)`);
    return {
      laCode: r.laCode,
      onsCode: r.onsCode,
      officialName: r.name,
      name,
      slug: slugify(name),
      regionCode: r.regionCode,
      laType: laTypeOf(r.onsCode),
      formerOnsCodes,
      neighbours: ns,
    };
  });
  areas.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  const laCodes = new Set(areas.map((a) => a.laCode));
  for (const [code, ns] of neighbours) {
    const line = neighbours.lines?.get(code) ?? null;
    if (!laCodes.has(code)) throw new DataError(files.neighbours, line, 'LA num', `${code} is not a current local authority in ${projectPath(files.las)}. Check the row against DfE's published neighbours`);
    for (const n of ns) if (!laCodes.has(n.laCode)) throw new DataError(files.neighbours, line, `SN${n.rank}`, `neighbour ${n.laCode} of ${code} is not a current local authority in ${projectPath(files.las)}. Check the row against DfE's published neighbours`);
  }
  const slugs = new Set(areas.map((a) => a.slug));
  if (slugs.size !== areas.length) throw new Error('two areas have the same URL slug');

  const registerCodes: Record<string, string> = {};
  for (const r of register) if (/^\d{3}$/.test(r.laCode) && /^E\d{8}$/.test(r.onsCode)) registerCodes[r.onsCode] = r.laCode;

  const geography: Geography = { areas, regions, codeChanges, registerCodes };
  // Every change must lead to today's areas.
  const index = new GeographyIndex(geography);
  for (const ch of codeChanges) {
    if (!index.resolve(ch.newOnsCode)) throw new DataError(files.codeHistory, null, 'new_ons_code', `${ch.newOnsCode} (${ch.newName}) is not a current area`);
  }
  return geography;
}

/** A name a resident might type, and the area(s) it belongs to. */
export interface Place {
  name: string;
  kind: 'area' | 'district' | 'constituency' | 'ward';
  /** DfE codes of the areas (a constituency can span two). */
  laCodes: string[];
  /** For wards: the district, to tell apart wards of the same name. */
  within?: string;
}

/** Places from the DfE ward → district → LA → constituency lookup, current (2024) rows, England only. */
export async function buildPlaces(path: string, index: GeographyIndex): Promise<Place[]> {
  const columns = ['most_recent_year_included', 'ward_name', 'pcon_name', 'lad_name', 'la_name', 'ward_code', 'pcon_code', 'lad_code', 'new_la_code'];
  const places = new Map<string, Place>();
  let latestYear = 0;
  const rows: { ward: string; wardCode: string; pcon: string; lad: string; laCode: string; year: number }[] = [];
  await streamCsv(path, { columns }, (r) => {
    const onsCode = r.text('new_la_code');
    if (!onsCode.startsWith('E')) return; // Wales, Scotland and Northern Ireland are outside this site
    const year = r.number('most_recent_year_included');
    latestYear = Math.max(latestYear, year);
    const res = index.resolve(onsCode);
    if (!res) {
      if (year < 2020) return; // codes of areas abolished before the 2020s are not places anyone searches for now
      throw r.error('new_la_code', `${onsCode} is not a current English local area`);
    }
    if (res.laCodes.length !== 1) return; // predecessor of a split area: its wards are listed under their successor in later rows
    rows.push({ ward: r.text('ward_name'), wardCode: r.text('ward_code'), pcon: r.text('pcon_name'), lad: r.text('lad_name'), laCode: res.laCodes[0]!, year });
  });
  const add = (kind: Place['kind'], name: string, laCode: string, within?: string) => {
    const key = `${kind}|${name}|${within ?? ''}`;
    const p = places.get(key);
    if (p) {
      if (!p.laCodes.includes(laCode)) p.laCodes.push(laCode);
    } else places.set(key, within ? { name, kind, laCodes: [laCode], within } : { name, kind, laCodes: [laCode] });
  };
  for (const r of rows) {
    if (r.year !== latestYear) continue;
    add('ward', r.ward, r.laCode, r.lad);
    add('district', r.lad, r.laCode);
    add('constituency', r.pcon, r.laCode);
  }
  for (const a of index.areas) add('area', a.name, a.laCode);
  return [...places.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.kind.localeCompare(b.kind));
}

/** Geography files by source id in data/sources.json. */
export function geographyFiles(file: (id: string) => string): GeographyFiles {
  return { las: file('geo-las'), regions: file('geo-regions'), codeHistory: file('geo-code-history'), neighbours: file('geo-neighbours') };
}

const NEIGHBOURS_PERIOD = { time_period: '2025', time_identifier: 'Calendar year' };

export const geographyDataset: DatasetBuilder = {
  id: 'geography',
  async build(ctx) {
    const { geo } = ctx;
    const places = await buildPlaces(ctx.file('geo-places'), geo);
    const laRow = (a: Area) => {
      const region = geo.regionOf(a);
      return laGeography(region, a);
    };
    const areas: Download = {
      id: 'areas',
      title: "England's 153 local areas",
      description: 'Each upper-tier local authority with its codes, region, type and any earlier ONS codes.',
      columns: [
        ...EES_GEOGRAPHY_COLUMNS,
        { name: 'la_official_name', type: 'Filter', label: 'Name in the DfE register' },
        { name: 'la_type', type: 'Filter', label: 'Type of local authority' },
        { name: 'former_new_la_codes', type: 'Filter', label: 'Earlier ONS codes for the same area (semicolon-separated)' },
        { name: 'page', type: 'Filter', label: 'Page on this site' },
      ],
      rows: geo.areas.map((a) => ({
        time_period: '2025',
        time_identifier: 'Calendar year',
        ...laRow(a),
        la_official_name: a.officialName,
        la_type: a.laType,
        former_new_la_codes: a.formerOnsCodes.join(';'),
        page: `/areas/${a.slug}/`,
      })),
      sourceIds: ['geo-las', 'geo-regions'],
      licence: OGL,
    };
    const neighbours: Download = {
      id: 'statistical-neighbours',
      title: 'Statistical neighbours of each local area (May 2025 set)',
      description: "Each area's 10 DfE children's services statistical neighbours, closest first, with DfE's closeness band.",
      columns: [
        ...EES_GEOGRAPHY_COLUMNS,
        { name: 'neighbour_rank', type: 'Indicator', label: 'Rank (1 = closest)', unit: '', dp: 0 },
        { name: 'neighbour_old_la_code', type: 'Filter', label: 'Neighbour DfE code' },
        { name: 'neighbour_la_name', type: 'Filter', label: 'Neighbour' },
        { name: 'closeness', type: 'Filter', label: 'Closeness band' },
      ],
      rows: geo.areas.flatMap((a) =>
        a.neighbours.map((n) => ({
          ...NEIGHBOURS_PERIOD,
          ...laRow(a),
          neighbour_rank: n.rank,
          neighbour_old_la_code: n.laCode,
          neighbour_la_name: geo.area(n.laCode).name,
          closeness: n.closeness,
        })),
      ),
      sourceIds: ['geo-neighbours', 'geo-las'],
      licence: OGL,
    };
    return { json: { geography: geo.geography, places }, downloads: [areas, neighbours] };
  },
};
