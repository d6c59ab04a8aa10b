/**
 * Search dataset: postcode sectors and districts, place names and current and
 * former ward and constituency names, each to today's local area(s), split into
 * small shards for the search page (src/pages/search-data/).
 *
 * Sources: geo-postcode-sectors, geo-postcode-districts (derived from OS
 * Code-Point Open 2025.4.0), geo-place-names (OS Open Names 2017 and ONS civil
 * parishes), geo-places (DfE ward/district/constituency lookup, 2017 to 2024).
 */
import { DataError, streamCsv, type CsvRow } from '../lib/csv.ts';
import type { GeographyIndex } from '../lib/geography.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';
import {
  SOURCE_PLACE_TYPE,
  shardPlaces,
  type IndexedPlace,
  type PlaceShard,
  type PlaceType,
  type PostcodeShard,
  type PostcodeSplit,
  type SearchMeta,
} from '../lib/search.ts';
import { buildPlaces } from './geography.ts';

export interface SearchData {
  meta: SearchMeta;
  places: Record<string, PlaceShard>;
  postcodes: Record<string, PostcodeShard>;
}

const COUNTRY_POS: Record<string, number> = { W: -1, S: -2 };

/** An English row's DfE code must be a current area; Welsh and Scottish rows become -1 / -2. */
function areaPos(r: CsvRow, geo: GeographyIndex, pos: Map<string, number>): number {
  const country = r.text('country');
  if (country !== 'E') {
    const c = COUNTRY_POS[country];
    if (c === undefined) throw r.error('country', `"${country}" is not E, W or S`);
    return c;
  }
  const code = r.text('old_la_code');
  const res = geo.resolve(code);
  if (!res || res.laCodes.length !== 1) throw r.error('old_la_code', `${code} is not a current English local area`);
  return pos.get(res.laCodes[0]!)!;
}

function share(r: CsvRow): number {
  const v = r.number('la_share');
  if (!(v > 0 && v <= 1)) throw r.error('la_share', `${v} is not a share between 0 and 1`);
  return v;
}

/** Postcode sector and district splits, by postcode area. Shares of each key must add up to 1. */
export async function buildPostcodes(sectorPath: string, districtPath: string, geo: GeographyIndex, pos: Map<string, number>): Promise<Record<string, PostcodeShard>> {
  const out: Record<string, PostcodeShard> = {};
  const shardFor = (key: string) => {
    const area = /^[A-Z]+/.exec(key)![0];
    return (out[area] ??= { d: {}, s: {} });
  };
  const sums = new Map<string, { total: number; file: string }>();
  const seen = new Set<string>();
  /** Add a share; Welsh or Scottish authorities of one key are summed into their country. */
  const add = (split: PostcodeSplit, p: number, v: number) => {
    const e = split.find((x) => x[0] === p);
    if (e) e[1] = Math.round((e[1] + v) * 1e4) / 1e4;
    else split.push([p, v]);
  };
  await streamCsv(districtPath, { columns: ['pc_district', 'old_la_code', 'country', 'la_share', 'la_rank', 'n_la'] }, (r) => {
    const d = r.text('pc_district');
    if (!/^[A-Z]{1,2}\d[A-Z\d]?$/.test(d)) throw r.error('pc_district', `"${d}" is not a postcode district`);
    const split = (shardFor(d).d[d] ??= []);
    add(split, areaPos(r, geo, pos), share(r));
    const s = sums.get(`d|${d}`) ?? { total: 0, file: districtPath };
    s.total += share(r);
    sums.set(`d|${d}`, s);
  });
  await streamCsv(sectorPath, { columns: ['pc_sector', 'pc_district', 'new_la_code', 'old_la_code', 'country', 'la_share', 'la_rank'] }, (r) => {
    const sec = r.text('pc_sector');
    if (!/^[A-Z]{1,2}\d[A-Z\d]? \d$/.test(sec)) throw r.error('pc_sector', `"${sec}" is not a postcode sector`);
    if (sec.split(' ')[0] !== r.text('pc_district')) throw r.error('pc_district', `does not match sector ${sec}`);
    // The sector file has a row per district (LAD) within each LA: keep one per LA (the LA share is repeated).
    const k = `${sec}|${r.text('new_la_code')}`;
    if (seen.has(k)) return;
    seen.add(k);
    const split = (shardFor(sec).s[sec] ??= []);
    add(split, areaPos(r, geo, pos), share(r));
    const s = sums.get(`s|${sec}`) ?? { total: 0, file: sectorPath };
    s.total += share(r);
    sums.set(`s|${sec}`, s);
  });
  for (const [key, s] of sums) {
    if (Math.abs(s.total - 1) > 0.001) throw new DataError(s.file, null, 'la_share', `shares of ${key.slice(2)} add up to ${s.total.toFixed(4)}, not 1`);
  }
  for (const shard of Object.values(out)) {
    for (const split of [...Object.values(shard.d), ...Object.values(shard.s)]) split.sort((a, b) => b[1] - a[1]);
  }
  return out;
}

/** Place names (OS and ONS parishes) to areas. */
export async function readPlaceNames(path: string, geo: GeographyIndex, pos: Map<string, number>, district: (name: string) => number): Promise<IndexedPlace[]> {
  const out: IndexedPlace[] = [];
  await streamCsv(path, { columns: ['place_name', 'place_type', 'lad_name', 'old_la_code', 'la_name'] }, (r) => {
    const t = SOURCE_PLACE_TYPE[r.text('place_type')];
    if (!t) throw r.error('place_type', `"${r.text('place_type')}" is not a known place type (${Object.keys(SOURCE_PLACE_TYPE).join(', ')})`);
    const code = r.text('old_la_code');
    const res = geo.resolve(code);
    if (!res || res.laCodes.length !== 1) throw r.error('old_la_code', `${code} is not a current English local area`);
    out.push({ name: r.text('place_name'), type: t, area: pos.get(res.laCodes[0]!)!, district: district(r.text('lad_name')) });
  });
  return out;
}

/** Constituency and ward names no longer in use (2017 to the year before the latest), with today's area. */
export async function readFormerNames(path: string, geo: GeographyIndex, current: Set<string>): Promise<{ name: string; type: PlaceType; laCode: string; lad: string }[]> {
  const columns = ['most_recent_year_included', 'ward_name', 'pcon_name', 'lad_name', 'new_la_code'];
  const rows: { year: number; ward: string; pcon: string; lad: string; laCode: string }[] = [];
  let latest = 0;
  await streamCsv(path, { columns }, (r) => {
    const onsCode = r.text('new_la_code');
    if (!onsCode.startsWith('E')) return;
    const year = r.number('most_recent_year_included');
    latest = Math.max(latest, year);
    const res = geo.resolve(onsCode);
    if (!res || res.laCodes.length !== 1) return; // abolished before 2020, or a predecessor of a split area
    rows.push({ year, ward: r.text('ward_name'), pcon: r.text('pcon_name'), lad: r.text('lad_name'), laCode: res.laCodes[0]! });
  });
  const out = new Map<string, { name: string; type: PlaceType; laCode: string; lad: string }>();
  for (const r of rows) {
    if (r.year === latest) continue;
    if (!current.has(`constituency|${r.pcon}`)) out.set(`c|${r.pcon}|${r.laCode}`, { name: r.pcon, type: 'former parliamentary constituency', laCode: r.laCode, lad: '' });
    if (!current.has(`ward|${r.ward}|${r.laCode}`)) out.set(`w|${r.ward}|${r.laCode}`, { name: r.ward, type: 'former ward', laCode: r.laCode, lad: r.lad });
  }
  return [...out.values()];
}

const KIND_TYPE = { area: 'council area', district: 'district', constituency: 'parliamentary constituency', ward: 'ward' } as const;

export async function buildSearchData(files: { sectors: string; districts: string; placeNames: string; hierarchy: string }, geo: GeographyIndex, postcodeRelease: string): Promise<SearchData> {
  const pos = new Map(geo.areas.map((a, i) => [a.laCode, i]));
  const districts: string[] = [];
  const districtPos = new Map<string, number>();
  const district = (name: string) => {
    if (!name) return -1;
    let i = districtPos.get(name);
    if (i === undefined) {
      i = districts.length;
      districts.push(name);
      districtPos.set(name, i);
    }
    return i;
  };
  const places: IndexedPlace[] = [];
  const current = new Set<string>();
  for (const p of await buildPlaces(files.hierarchy, geo)) {
    for (const la of p.laCodes) {
      places.push({ name: p.name, type: KIND_TYPE[p.kind], area: pos.get(la)!, district: p.within ? district(p.within) : -1 });
      current.add(p.kind === 'ward' ? `ward|${p.name}|${la}` : `${p.kind}|${p.name}`);
    }
  }
  for (const f of await readFormerNames(files.hierarchy, geo, current)) places.push({ name: f.name, type: f.type, area: pos.get(f.laCode)!, district: district(f.lad) });
  places.push(...(await readPlaceNames(files.placeNames, geo, pos, district)));
  const shards = shardPlaces(places);
  const postcodes = await buildPostcodes(files.sectors, files.districts, geo, pos);
  const meta: SearchMeta = {
    areas: geo.areas.map((a) => [a.slug, a.name]),
    districts,
    keys: Object.keys(shards).sort(),
    postcodeAreas: Object.keys(postcodes).sort(),
    postcodeRelease,
  };
  return { meta, places: shards, postcodes };
}

export const searchDataset: DatasetBuilder = {
  id: 'search',
  async build(ctx) {
    const release = ctx.manifest.sources.find((s) => s.id === 'geo-postcode-sectors')?.release ?? '';
    const data = await buildSearchData(
      { sectors: ctx.file('geo-postcode-sectors'), districts: ctx.file('geo-postcode-districts'), placeNames: ctx.file('geo-place-names'), hierarchy: ctx.file('geo-places') },
      ctx.geo,
      release.replace(/^.*\((.*)\)$/, '$1'),
    );
    return { json: { search: data }, downloads: [] };
  },
};
