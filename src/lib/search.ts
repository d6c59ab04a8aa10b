/**
 * "Find my area": postcodes and place names to local areas. Pure functions,
 * shared by the build (which splits the search data into small shards), the
 * search page's script, the area page's arrival note and the tests.
 *
 * Places: names are matched whole-word, ignoring case, accents and punctuation.
 * Ranking: the exact name, then names containing every word typed, then names
 * with a word starting with the last word typed; within each, council areas,
 * cities and towns before smaller places.
 *
 * Postcodes: a full postcode resolves through its sector ("CV1 2"), a partial
 * one through its district ("CV7"); each lists the local areas its live
 * postcodes fall in, with their shares.
 */

// ---------------------------------------------------------------- place types

/** Place types, in ranking order (lower first). The number is what the shards store. */
export const PLACE_TYPES = [
  'council area',
  'city',
  'town',
  'district',
  'parliamentary constituency',
  'former parliamentary constituency',
  'village',
  'suburb',
  'civil parish',
  'ward',
  'former ward',
  'hamlet',
  'place',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
export const typeCode = (t: PlaceType): number => PLACE_TYPES.indexOf(t);

/** OS Open Names LOCAL_TYPE (and the ONS parish type) to a place type. */
export const SOURCE_PLACE_TYPE: Record<string, PlaceType> = {
  City: 'city',
  Town: 'town',
  Village: 'village',
  'Suburban Area': 'suburb',
  Hamlet: 'hamlet',
  'Other Settlement': 'place',
  'Civil parish': 'civil parish',
};

// ---------------------------------------------------------------- data shapes

/** One name in a shard: [name, type code, area position, district position or -1]. */
export type PlaceEntry = [string, number, number, number];
/** Local areas a postcode sector or district falls in: [area position (-1 Wales, -2 Scotland), share of its live postcodes]. */
export type PostcodeSplit = [number, number][];

export interface SearchMeta {
  /** [slug, name] of each area, in the order entries refer to them. */
  areas: [string, string][];
  /** Lower-tier district names, for telling apart places of the same name. */
  districts: string[];
  /** Place shard keys: a query word is looked up in the shard with the longest key it starts with. */
  keys: string[];
  /** Postcode areas (the letters) that have at least one English postcode. */
  postcodeAreas: string[];
  /** Release of the postcode data, e.g. "October 2025". */
  postcodeRelease: string;
}
export interface PlaceShard {
  e: PlaceEntry[];
}
export interface PostcodeShard {
  /** District (outward code) → split. */
  d: Record<string, PostcodeSplit>;
  /** Sector ("CV1 2") → split. */
  s: Record<string, PostcodeSplit>;
}

export const SEARCH_DATA_DIR = '/search-data';
export const metaUrl = (): string => `${SEARCH_DATA_DIR}/meta.json`;
export const placeShardUrl = (key: string): string => `${SEARCH_DATA_DIR}/p-${key}.json`;
export const postcodeShardUrl = (area: string): string => `${SEARCH_DATA_DIR}/pc-${area.toLowerCase()}.json`;

// ---------------------------------------------------------------- names

/** Case, accents, punctuation and "St."/"Saint" do not matter. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that never choose a shard: too common to narrow anything down. */
export const STOPWORDS = new Set(['and', 'of', 'upon', 'the', 'in', 'on', 'le', 'by', 'with', 'next', 'cum', 'at', 'under', 'over', 'en', 'de', 'la']);

/** The words of a name that it is filed under (at least 2 characters, not stopwords). */
export function indexWords(name: string): string[] {
  return [...new Set(normalise(name).split(' '))].filter((w) => w.length >= 2 && !STOPWORDS.has(w));
}

/** The query word that picks the shard: the longest that is not a stopword. */
export function keyWord(query: string): string | null {
  const words = indexWords(query);
  if (words.length === 0) return null;
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}

/** The shard a word lives in: the longest key it starts with. */
export function shardKeyFor(word: string, keys: readonly string[]): string | null {
  let best: string | null = null;
  for (const k of keys) if (word.startsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

// ---------------------------------------------------------------- matching places

export interface PlaceHit {
  slug: string;
  area: string;
  type: PlaceType;
  /** The lower-tier district, where it helps tell places apart. */
  district: string | null;
}
export interface Match {
  name: string;
  /** 3 exact name, 2 every word typed is a word of the name, 1 the last word typed starts a word. */
  score: number;
  /** Best (lowest) type code among its hits, for ranking. */
  rank: number;
  /** One per area, best type first. */
  hits: PlaceHit[];
}

function scoreName(nameWords: readonly string[], normName: string, q: string, qWords: readonly string[]): number {
  if (normName === q) return 3;
  const whole = qWords.every((w) => nameWords.includes(w));
  if (whole) return 2;
  const init = qWords.slice(0, -1);
  const last = qWords.at(-1)!;
  if (init.every((w) => nameWords.includes(w)) && nameWords.some((w) => w.startsWith(last))) return 1;
  return 0;
}

/** Places in a shard matching the query, grouped by name, best first. */
export function searchPlaces(meta: SearchMeta, entries: readonly PlaceEntry[], query: string, limit = 20): Match[] {
  const q = normalise(query);
  const qWords = q.split(' ').filter(Boolean);
  if (q.length < 2) return [];
  const groups = new Map<string, Match & { byArea: Map<number, PlaceHit & { code: number }> }>();
  for (const [name, code, areaPos, districtPos] of entries) {
    const norm = normalise(name);
    const s = scoreName(norm.split(' '), norm, q, qWords);
    if (s === 0) continue;
    let g = groups.get(norm);
    if (!g) {
      g = { name, score: s, rank: code, hits: [], byArea: new Map() };
      groups.set(norm, g);
    }
    if (code < g.rank) {
      g.rank = code;
      g.name = name;
    }
    const [slug, area] = meta.areas[areaPos]!;
    const prev = g.byArea.get(areaPos);
    if (!prev || code < prev.code) g.byArea.set(areaPos, { slug, area, type: PLACE_TYPES[code]!, district: districtPos >= 0 ? meta.districts[districtPos]! : null, code });
  }
  const out: Match[] = [...groups.values()].map((g) => ({
    name: g.name,
    score: g.score,
    rank: g.rank,
    hits: [...g.byArea.values()].sort((a, b) => a.code - b.code || a.area.localeCompare(b.area, 'en-GB')).map(({ code: _code, ...h }) => h),
  }));
  out.sort((a, b) => b.score - a.score || a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name, 'en-GB'));
  return out.slice(0, limit);
}

/**
 * Where to go straight away: the council whose name was typed exactly, or an
 * exact name whose places all lie in one area. Otherwise the list is shown.
 */
export function directHit(matches: readonly Match[]): { name: string; slug: string; area: string } | null {
  const best = matches[0];
  if (!best || best.score !== 3) return null;
  const exact = matches.filter((m) => m.score === 3);
  const council = exact.flatMap((m) => m.hits).find((h) => h.type === 'council area');
  if (council) return { name: best.name, slug: council.slug, area: council.area };
  const slugs = new Set(exact.flatMap((m) => m.hits.map((h) => h.slug)));
  if (slugs.size !== 1) return null;
  const h = best.hits[0]!;
  return { name: best.name, slug: h.slug, area: h.area };
}

// ---------------------------------------------------------------- postcodes

export type ParsedPostcode =
  | { kind: 'full'; area: string; district: string; sector: string; display: string }
  | { kind: 'sector'; area: string; district: string; sector: string; display: string }
  | { kind: 'district'; area: string; district: string; display: string }
  | { kind: 'invalid'; display: string };

/**
 * Is this a postcode? Full ("CV1 2GT", "cv12gt"), a sector ("CV1 2", with the
 * space), a district ("BS1", "CV7"), something that starts like a postcode but is
 * not one ("CV1 2G"), or null for a place name.
 */
export function parsePostcode(input: string): ParsedPostcode | null {
  const raw = input.trim().toUpperCase().replace(/\s+/g, ' ');
  const flat = raw.replace(/ /g, '');
  if (!/^[A-Z]{1,2}\d/.test(flat) || flat.length > 8 || /[^A-Z0-9]/.test(flat)) return null;
  let m = /^([A-Z]{1,2})(\d[A-Z\d]?)(\d)([A-Z]{2})$/.exec(flat);
  if (m) {
    // "CV12GT": the inward code is always digit + 2 letters, so the outward code is the rest.
    const district = `${m[1]}${m[2]}`;
    if (/^[A-Z]{1,2}\d(\d|[A-Z])?$/.test(district)) return { kind: 'full', area: m[1]!, district, sector: `${district} ${m[3]}`, display: `${district} ${m[3]}${m[4]}` };
  }
  m = /^([A-Z]{1,2})(\d[A-Z\d]?) (\d)$/.exec(raw);
  if (m) return { kind: 'sector', area: m[1]!, district: `${m[1]}${m[2]}`, sector: `${m[1]}${m[2]} ${m[3]}`, display: raw };
  m = /^([A-Z]{1,2})(\d[A-Z\d]?)$/.exec(flat);
  if (m) return { kind: 'district', area: m[1]!, district: flat, display: flat };
  return { kind: 'invalid', display: input.trim() };
}

/** Postcode areas wholly outside England (no English postcodes), by country. */
export const OTHER_COUNTRY_AREAS: Record<string, string> = {
  ...Object.fromEntries(['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'ZE'].map((a) => [a, 'Scotland'])),
  ...Object.fromEntries(['CF', 'LL', 'NP', 'SA'].map((a) => [a, 'Wales'])),
  BT: 'Northern Ireland',
  GY: 'Guernsey',
  JE: 'Jersey',
  IM: 'the Isle of Man',
};
export const COUNTRY_OF: Record<number, string> = { [-1]: 'Wales', [-2]: 'Scotland' };

export interface PostcodeArea {
  slug: string;
  name: string;
  share: number;
}
export type PostcodeResult =
  | { kind: 'areas'; label: string; basis: 'sector' | 'district'; areas: PostcodeArea[]; elsewhere: { country: string; share: number }[] }
  | { kind: 'not-england'; label: string; country: string }
  | { kind: 'not-found'; label: string };

/** Resolve a parsed postcode with its area's shard (null when the area has no English postcodes). */
export function resolvePostcode(meta: SearchMeta, shard: PostcodeShard | null, p: Exclude<ParsedPostcode, { kind: 'invalid' }>): PostcodeResult {
  const other = OTHER_COUNTRY_AREAS[p.area];
  if (!shard) return other ? { kind: 'not-england', label: p.display, country: other } : { kind: 'not-found', label: p.display };
  let split: PostcodeSplit | undefined;
  let basis: 'sector' | 'district' = 'district';
  let label: string = p.district;
  if (p.kind !== 'district') {
    split = shard.s[p.sector];
    basis = 'sector';
    label = p.sector;
  }
  if (!split) {
    split = shard.d[p.district];
    basis = 'district';
    label = p.district;
  }
  if (!split) return { kind: 'not-found', label: p.display };
  const areas = split.filter(([a]) => a >= 0).map(([a, share]) => ({ slug: meta.areas[a]![0], name: meta.areas[a]![1], share }));
  const elsewhere = split.filter(([a]) => a < 0).map(([a, share]) => ({ country: COUNTRY_OF[a]!, share }));
  return { kind: 'areas', label, basis, areas, elsewhere };
}

/** A share as a whole percentage: "56%", "less than 1%". */
export function sharePercent(share: number): string {
  if (share > 0 && share < 0.005) return 'less than 1%';
  if (share < 1 && share > 0.995) return 'more than 99%';
  return `${Math.round(share * 100)}%`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Most of CV7 is in Warwickshire; parts are in Solihull and Coventry." */
export function splitSentence(label: string, areas: readonly { name: string; share: number }[], elsewhere: readonly { country: string; share: number }[] = []): string {
  const all = [...areas.map((a) => ({ name: a.name, share: a.share })), ...elsewhere.map((e) => ({ name: e.country, share: e.share }))].sort((a, b) => b.share - a.share);
  if (all.length === 1) return `${label} is in ${all[0]!.name}.`;
  const [first, ...rest] = all;
  if (first!.share > 0.5) return `Most of ${label} is in ${first!.name}; parts are in ${listText(rest.map((r) => r.name))}.`;
  return `${label} is split between ${listText(all.map((r) => r.name))}.`;
}

// ---------------------------------------------------------------- building the shards

export interface IndexedPlace {
  name: string;
  type: PlaceType;
  /** Position of the area in SearchMeta.areas. */
  area: number;
  /** Position in SearchMeta.districts, or -1. */
  district: number;
}

/**
 * Split place entries into shards by the first characters of each word of
 * their names, so that a query downloads one shard. A shard larger than
 * maxBytes (of JSON) is split by one more character, down to maxDepth
 * characters; words no longer than the key stay in the key's own shard.
 */
export function shardPlaces(places: readonly IndexedPlace[], maxBytes = 40_000, maxDepth = 5): Record<string, PlaceShard> {
  const items: { word: string; entry: number }[] = [];
  places.forEach((p, i) => {
    for (const w of indexWords(p.name)) items.push({ word: w, entry: i });
  });
  const entryOf = (i: number): PlaceEntry => {
    const p = places[i]!;
    return [p.name, typeCode(p.type), p.area, p.district];
  };
  const shardOf = (list: readonly { entry: number }[]): PlaceShard => ({ e: [...new Set(list.map((x) => x.entry))].sort((a, b) => a - b).map(entryOf) });
  const out: Record<string, PlaceShard> = {};
  const assign = (key: string, list: { word: string; entry: number }[]) => {
    const shard = shardOf(list);
    if (JSON.stringify(shard).length <= maxBytes || key.length >= maxDepth) {
      out[key] = shard;
      return;
    }
    const here = list.filter((x) => x.word.length === key.length);
    out[key] = shardOf(here);
    const next = new Map<string, { word: string; entry: number }[]>();
    for (const x of list) {
      if (x.word.length === key.length) continue;
      const k = x.word.slice(0, key.length + 1);
      const l = next.get(k);
      if (l) l.push(x);
      else next.set(k, [x]);
    }
    for (const [k, l] of next) assign(k, l);
  };
  const first = new Map<string, { word: string; entry: number }[]>();
  for (const x of items) {
    const k = x.word.slice(0, 2);
    const l = first.get(k);
    if (l) l.push(x);
    else first.set(k, [x]);
  }
  for (const [k, l] of first) assign(k, l);
  return out;
}
