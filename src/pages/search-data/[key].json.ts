/**
 * /search-data/*.json — the search data, split so that one query downloads
 * meta.json (areas and shard keys, shared by every query) and one shard:
 * p-<key>.json for a place name (by the first characters of a word of the
 * name), pc-<area>.json for a postcode (by its postcode area, e.g. "cv").
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchData } from '../../read/search-data.ts';

const data = searchData;

export const getStaticPaths: GetStaticPaths = () => [
  { params: { key: 'meta' }, props: { body: data.meta } },
  ...Object.entries(data.places).map(([k, shard]) => ({ params: { key: `p-${k}` }, props: { body: shard } })),
  ...Object.entries(data.postcodes).map(([area, shard]) => ({ params: { key: `pc-${area.toLowerCase()}` }, props: { body: shard } })),
];

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json' } });
