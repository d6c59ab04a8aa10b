/** /data/datapackage.json — the Frictionless Data Package descriptor of the all-data zip (src/lib/datapackage.ts). */
import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { allData } from '../../lib/datapackage.ts';
import { absoluteUrl, catalogue, manifest } from '../../read/site.ts';

export const GET: APIRoute = () => {
  const pkg = allData(join(process.cwd(), 'public/data'), catalogue, manifest, absoluteUrl('/data/'));
  return new Response(pkg.descriptorJson, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
