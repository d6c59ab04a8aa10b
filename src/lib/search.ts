/**
 * "Find my area": match what a resident types against area, district,
 * constituency and ward names. Pure functions, shared by the search page's
 * script and the tests. Ranking: exact, then prefix, then a word starting
 * with the query, then anywhere; areas before districts, constituencies and wards.
 */

export type PlaceKind = 'area' | 'district' | 'constituency' | 'ward';
export const KIND_ORDER: readonly PlaceKind[] = ['area', 'district', 'constituency', 'ward'];

/** The compact index shipped to the browser. */
export interface SearchIndex {
  /** [slug, name] of each area; places refer to areas by position. */
  areas: [string, string][];
  /** [name, kind index, area positions] */
  places: [string, number, number[]][];
}

export interface Match {
  name: string;
  kind: PlaceKind;
  areas: { slug: string; name: string }[];
  score: number;
}

/** Case, accents, punctuation and "St."/"Saint" do not matter. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’,()-]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();
}

function score(name: string, q: string): number {
  if (name === q) return 4;
  if (name.startsWith(q)) return 3;
  if (name.includes(` ${q}`)) return 2;
  if (name.includes(q)) return 1;
  return 0;
}

export function search(index: SearchIndex, query: string, limit = 20): Match[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const matches: Match[] = [];
  for (const [name, kind, areaIds] of index.places) {
    const s = score(normalise(name), q);
    if (s === 0) continue;
    matches.push({ name, kind: KIND_ORDER[kind]!, areas: areaIds.map((i) => ({ slug: index.areas[i]![0], name: index.areas[i]![1] })), score: s });
  }
  matches.sort((a, b) => b.score - a.score || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'en-GB'));
  return matches.slice(0, limit);
}

/**
 * Where to go straight away: the council whose name was typed exactly, or an
 * exact match whose places all lie in one area. Otherwise the list is shown.
 */
export function directHit(matches: readonly Match[]): Match | null {
  const best = matches[0];
  if (!best || best.score !== 4) return null;
  if (best.kind === 'area') return best;
  const exact = matches.filter((m) => m.score === 4);
  const slugs = new Set(exact.flatMap((m) => m.areas.map((a) => a.slug)));
  return slugs.size === 1 ? best : null;
}

export function buildSearchIndex(
  areas: readonly { laCode: string; slug: string; name: string }[],
  places: readonly { name: string; kind: PlaceKind; laCodes: string[] }[],
): SearchIndex {
  const pos = new Map(areas.map((a, i) => [a.laCode, i]));
  // Wards of the same name in different areas become one entry listing each area.
  const merged = new Map<string, [string, number, number[]]>();
  for (const p of places) {
    const key = `${p.kind}|${p.name}`;
    const entry = merged.get(key) ?? [p.name, KIND_ORDER.indexOf(p.kind), []];
    for (const l of p.laCodes) {
      const i = pos.get(l);
      if (i === undefined) throw new Error(`search index: place ${p.name} names unknown area ${l}`);
      if (!entry[2].includes(i)) entry[2].push(i);
    }
    merged.set(key, entry);
  }
  return { areas: areas.map((a) => [a.slug, a.name]), places: [...merged.values()] };
}
