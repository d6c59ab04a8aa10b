/** /data/send-outcomes-england-data.zip — every download CSV with its dictionary, datapackage.json and a README (src/lib/datapackage.ts). */
import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { allData } from '../../lib/datapackage.ts';
import { absoluteUrl, catalogue, manifest } from '../../read/site.ts';

export const GET: APIRoute = () => {
  const pkg = allData(join(process.cwd(), 'public/data'), catalogue, manifest, absoluteUrl('/data/'));
  return new Response(new Uint8Array(pkg.zip), { headers: { 'Content-Type': 'application/zip' } });
};
