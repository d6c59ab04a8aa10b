/**
 * A local HTTP server on 127.0.0.1 that stands in for the origins of every
 * source in data/sources.json, built from a mirror folder, so that
 * `npm run data:fetch` without DATA_MIRROR can be tried end to end on a
 * machine that cannot reach the origins:
 *
 *   npx tsx scripts/origin-standin.ts ../shared/data [PARTS]   # prints DATA_ORIGIN_PROXY=http://127.0.0.1:PORT
 *   DATA_ORIGIN_PROXY=http://127.0.0.1:PORT npm run data:fetch
 *
 * Each `download` URL is served at /<host>/<path>: a plain file from the
 * mirror's `path`; a zip (sources with `downloadMember`) is built from the
 * mirror files of every source that names it. Project copies (`data/…`) are
 * not served: data:fetch copies them from the repository. The parts of a
 * compiled table (`downloadParts`) are not in the mirror: give a folder PARTS
 * laid out as <host>/<path> to serve them too.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readManifest } from '../src/lib/sources.ts';
import { writeZip } from '../src/lib/zip.ts';

export function originRoutes(mirror: string): Map<string, () => Buffer> {
  const routes = new Map<string, () => Buffer>();
  const zips = new Map<string, { name: string; file: string }[]>();
  for (const s of readManifest().sources) {
    if (!s.download || !/^https?:\/\//.test(s.download)) continue;
    // A file rebuilt by a recipe is not what its URL serves: that is the parts, or the
    // published file it is cut from (served for the source whose path it is).
    if (s.downloadRecipe) continue;
    const u = new URL(s.download);
    const key = `/${u.host}${u.pathname}`;
    const file = join(mirror, s.path);
    if (s.downloadMember) zips.set(key, [...(zips.get(key) ?? []), { name: s.downloadMember, file }]);
    else routes.set(key, () => readFileSync(file));
  }
  for (const [key, members] of zips) {
    let built: Buffer | null = null;
    routes.set(key, () => (built ??= writeZip(members.map((m) => ({ name: m.name, data: readFileSync(m.file) })))));
  }
  return routes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mirror = process.argv[2] ?? process.env.DATA_MIRROR;
  if (!mirror) {
    console.error('usage: tsx scripts/origin-standin.ts <mirror folder>');
    process.exit(1);
  }
  const routes = originRoutes(mirror);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const parts = process.argv[3];
    const partFile = parts ? join(parts, decodeURIComponent(path)) : '';
    const route = routes.get(path) ?? (partFile && existsSync(partFile) && statSync(partFile).isFile() ? () => readFileSync(partFile) : undefined);
    if (!route) {
      res.writeHead(404).end('not a stand-in origin file');
      return;
    }
    const body = route();
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`DATA_ORIGIN_PROXY=http://127.0.0.1:${(server.address() as AddressInfo).port}  (${routes.size} origin files)`);
  });
}
