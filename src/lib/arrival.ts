/**
 * The arrival note on an area page reached from a search, with no JavaScript on
 * the area page: each page carries a few hidden notes, and the search page links
 * to one by its fragment (#from-nuneaton), which CSS shows with :target.
 *
 * Named notes ("Nuneaton is in Warwickshire.") for cities, towns, districts and
 * current and former constituencies whose name belongs to one area only, and for
 * each postcode district split between areas ("Most of CV7 is in Warwickshire;
 * parts are in Solihull and Coventry."). Everything else gets a general note
 * ("The place you searched for is in …"). A fragment the page does not hold
 * shows nothing, so a link cannot make a page claim something false.
 */
import { normalise, PLACE_TYPES, splitSentence, COUNTRY_OF, type Match, type PlaceShard, type PlaceType, type PostcodeShard, type SearchMeta } from './search.ts';

export const NAMED_TYPES: ReadonlySet<PlaceType> = new Set(['city', 'town', 'district', 'parliamentary constituency', 'former parliamentary constituency']);

export const placeNoteId = (name: string): string => `from-${normalise(name).replace(/ /g, '-')}`;
export const postcodeNoteId = (district: string): string => `from-pc-${district.toLowerCase()}`;
export const GENERAL_PLACE = 'from-place';
export const GENERAL_POSTCODE = 'from-postcode';
export const GENERAL_SPLIT = 'from-split-postcode';

/** The fragment the search page links to for a direct hit ('' for a council's own name). */
export function placeFragment(best: Match, slug: string): string {
  if (best.hits.some((h) => h.type === 'council area' && h.slug === slug)) return '';
  const single = best.hits.length === 1 && best.hits[0]!.slug === slug;
  return `#${single && NAMED_TYPES.has(PLACE_TYPES[best.rank]!) ? placeNoteId(best.name) : GENERAL_PLACE}`;
}

export interface ArrivalNote {
  id: string;
  text: string;
}

/** Every area's notes, by area position in meta.areas. */
export function arrivalNotes(meta: SearchMeta, places: Record<string, PlaceShard>, postcodes: Record<string, PostcodeShard>): ArrivalNote[][] {
  const out: ArrivalNote[][] = meta.areas.map(([, name]) => [
    { id: GENERAL_PLACE, text: `The place you searched for is in ${name}.` },
    { id: GENERAL_POSTCODE, text: `The postcode you searched for is in ${name}.` },
    { id: GENERAL_SPLIT, text: `The postcode you searched for is split between more than one council. This page is about ${name}.` },
  ]);
  const byName = new Map<string, { name: string; areas: Set<number>; best: number }>();
  for (const shard of Object.values(places)) {
    for (const [name, type, area] of shard.e) {
      const n = normalise(name);
      const g = byName.get(n) ?? { name, areas: new Set<number>(), best: type };
      g.areas.add(area);
      if (type < g.best) {
        g.best = type;
        g.name = name;
      }
      byName.set(n, g);
    }
  }
  for (const g of byName.values()) {
    if (g.areas.size !== 1 || !NAMED_TYPES.has(PLACE_TYPES[g.best]!)) continue;
    const a = [...g.areas][0]!;
    out[a]!.push({ id: placeNoteId(g.name), text: `${g.name} is in ${meta.areas[a]![1]}.` });
  }
  for (const shard of Object.values(postcodes)) {
    for (const [district, split] of Object.entries(shard.d)) {
      if (split.length < 2) continue;
      const areas = split.filter(([a]) => a >= 0).map(([a, share]) => ({ name: meta.areas[a]![1], share }));
      const elsewhere = split.filter(([a]) => a < 0).map(([a, share]) => ({ country: COUNTRY_OF[a]!, share }));
      for (const [a] of split) if (a >= 0) out[a]!.push({ id: postcodeNoteId(district), text: `${splitSentence(district, areas, elsewhere)} This page is about ${meta.areas[a]![1]}.` });
    }
  }
  return out;
}
