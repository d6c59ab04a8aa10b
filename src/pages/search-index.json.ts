/** /search-index.json — the compact place index the search page loads. */
import type { APIRoute } from 'astro';
import placesJson from '../generated/places.json';
import { buildSearchIndex, type PlaceKind } from '../lib/search.ts';
import { geo } from '../lib/site.ts';

export const GET: APIRoute = () => {
  const index = buildSearchIndex(geo.areas, placesJson as { name: string; kind: PlaceKind; laCodes: string[] }[]);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
