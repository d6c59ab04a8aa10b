/**
 * The arrival note on an area page reached from a search: "Nuneaton is in
 * Warwickshire", or for a postcode that spans councils, which others it covers.
 * The note is only shown when the search data confirms it (a link cannot make
 * a page claim that some other place is in this area).
 */
import {
  keyWord,
  listText,
  metaUrl,
  parsePostcode,
  placeShardUrl,
  postcodeShardUrl,
  resolvePostcode,
  searchPlaces,
  shardKeyFor,
  splitSentence,
  type PlaceShard,
  type PostcodeShard,
  type SearchMeta,
} from './search.ts';

export type Fetcher = <T>(url: string) => Promise<T | null>;

export async function arrivalNote(from: string, slug: string, areaName: string, get: Fetcher): Promise<string | null> {
  const q = from.trim();
  if (q.length < 2 || q.length > 80) return null;
  const meta = await get<SearchMeta>(metaUrl());
  if (!meta) return null;
  const pc = parsePostcode(q);
  if (pc) {
    if (pc.kind === 'invalid') return null;
    const shard = meta.postcodeAreas.includes(pc.area) ? await get<PostcodeShard>(postcodeShardUrl(pc.area)) : null;
    const r = resolvePostcode(meta, shard, pc);
    if (r.kind !== 'areas' || !r.areas.some((a) => a.slug === slug)) return null;
    const label = pc.kind === 'district' || r.basis === 'sector' ? pc.display : r.label;
    if (r.areas.length === 1 && r.elsewhere.length === 0) return `${label} is in ${areaName}.`;
    return `${splitSentence(r.label, r.areas, r.elsewhere)} This page is about ${areaName}.`;
  }
  const word = keyWord(q);
  const key = word ? shardKeyFor(word, meta.keys) : null;
  const shard = key ? await get<PlaceShard>(placeShardUrl(key)) : null;
  if (!shard) return null;
  const m = searchPlaces(meta, shard.e, q).find((x) => x.score === 3 && x.hits.some((h) => h.slug === slug));
  if (!m) return null;
  const others = m.hits.filter((h) => h.slug !== slug).map((h) => h.area);
  return `${m.name} is in ${areaName}.${others.length ? ` Places called ${m.name} are also in ${listText(others)}.` : ''}`;
}
