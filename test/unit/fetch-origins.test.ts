/**
 * data:fetch without DATA_MIRROR: every file from its origin, through a local
 * HTTP server on 127.0.0.1 standing in for the origins (originProxy). Network
 * failures stop with a one-line FetchError, never hang, never a stack trace.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fetchAll, FetchError, viaProxy } from '../../src/lib/fetch.ts';
import { readZipMember, writeZip, ZipError, zipMembers } from '../../src/lib/zip.ts';
import { readManifest, type Source } from '../../src/lib/sources.ts';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const A = 'a,b\n1,2\n';
const B = 'x,y\n3,4\n5,6\n';
function src(path: string, content: string, extra: Partial<Source>): Source {
  return { id: path, path, title: 't', publisher: 'p', publication: 'p', release: 'r', url: 'https://www.gov.uk/', licence: 'OGL', licenceUrl: '', attribution: 'a', bytes: Buffer.byteLength(content), sha256: sha(content), ...extra };
}

/** Routes: path → handler. Everything else is 404. */
type Handler = (res: ServerResponse) => void;
let routes: Record<string, Handler> = {};
let server: Server;
let proxy: string;
const open = new Set<import('node:net').Socket>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const h = routes[req.url ?? ''];
    if (h) h(res);
    else {
      res.statusCode = 404;
      res.end('not here');
    }
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of open) s.destroy();
  await new Promise((r) => server.close(r));
});

let raw: string;
let project: string;
beforeEach(() => {
  routes = {};
  const dir = mkdtempSync(join(tmpdir(), 'fetch-origin-'));
  raw = join(dir, 'raw');
  project = join(dir, 'project');
  mkdirSync(join(project, 'data/copies'), { recursive: true });
});
const serve = (body: string | Buffer): Handler => (res) => res.end(body);

describe('zip members', () => {
  it('reads back each member of a zip, and says what is wrong with a bad one', () => {
    const zip = writeZip([{ name: 'data/a.csv', data: Buffer.from(A) }, { name: 'data/b.csv', data: Buffer.from(B) }]);
    expect(zipMembers(zip)).toEqual(['data/a.csv', 'data/b.csv']);
    expect(readZipMember(zip, 'data/b.csv').toString()).toBe(B);
    expect(() => readZipMember(zip, 'data/c.csv')).toThrow(ZipError);
    expect(() => readZipMember(zip.subarray(0, 20), 'data/a.csv')).toThrow(/not a zip file/);
  });
});

describe('data:fetch from the origins (no DATA_MIRROR)', () => {
  it('maps an origin URL onto the stand-in server as /<host>/<path>', () => {
    expect(viaProxy('https://raw.githubusercontent.com/o/r/abc/data/x%20y.csv', 'http://127.0.0.1:9')).toBe('http://127.0.0.1:9/raw.githubusercontent.com/o/r/abc/data/x%20y.csv');
    expect(viaProxy('https://example.org/a.csv', undefined)).toBe('https://example.org/a.csv');
  });

  it('downloads a file, takes a member out of a zip, copies a project copy, and checks each sha256', async () => {
    routes['/origin.example/files/a.csv'] = serve(A);
    routes['/origin.example/release.zip'] = serve(writeZip([{ name: 'data/b.csv', data: Buffer.from(B) }, { name: 'data/other.csv', data: Buffer.from('z') }]));
    writeFileSync(join(project, 'data/copies/c.csv'), 'own copy\n');
    const lines: string[] = [];
    const counts = await fetchAll(
      [
        src('geo/a.csv', A, { download: 'https://origin.example/files/a.csv' }),
        src('ehcp/b.csv', B, { download: 'https://origin.example/release.zip', downloadMember: 'data/b.csv' }),
        src('tribunal/c.csv', 'own copy\n', { download: 'data/copies/c.csv' }),
      ],
      undefined,
      raw,
      (l) => lines.push(l),
      { originProxy: proxy, projectRoot: project, timeoutMs: 2000 },
    );
    expect(counts).toEqual({ verified: 0, copied: 1, downloaded: 2 });
    expect(readFileSync(join(raw, 'geo/a.csv'), 'utf8')).toBe(A);
    expect(readFileSync(join(raw, 'ehcp/b.csv'), 'utf8')).toBe(B);
    expect(readFileSync(join(raw, 'tribunal/c.csv'), 'utf8')).toBe('own copy\n');
    expect(lines[0]).toMatch(/geo\/a\.csv .*downloaded from the origin, checksum ok/);
    expect(lines[2]).toMatch(/tribunal\/c\.csv .*copied from the project copy, checksum ok/);
  });

  it('DATA_MIRROR still overrides the origins', async () => {
    const mirror = join(project, 'mirror');
    mkdirSync(join(mirror, 'geo'), { recursive: true });
    writeFileSync(join(mirror, 'geo/a.csv'), A);
    const counts = await fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/never-asked.csv' })], mirror, raw, () => {}, { originProxy: proxy });
    expect(counts.copied).toBe(1);
  });

  it('stops on a wrong checksum from the origin and writes nothing', async () => {
    routes['/origin.example/a.csv'] = serve('a,b\n9,9\n');
    const err = await fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })], undefined, raw, () => {}, { originProxy: proxy }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/^geo\/a\.csv: checksum mismatch/);
    expect(existsSync(join(raw, 'geo/a.csv'))).toBe(false);
  });

  it('says when the file is shorter than the manifest’s bytes', async () => {
    routes['/origin.example/a.csv'] = serve('a,b\n');
    await expect(fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })], undefined, raw, () => {}, { originProxy: proxy })).rejects.toThrow(
      /^geo\/a\.csv: the downloaded file is shorter than data\/sources\.json says \(4 of 8 bytes\)/,
    );
  });

  it('names the URL and status when the origin answers 404', async () => {
    await expect(fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/gone.csv' })], undefined, raw, () => {}, { originProxy: proxy })).rejects.toThrow(
      /^geo\/a\.csv: download from http:\/\/127\.0\.0\.1:\d+\/origin\.example\/gone\.csv failed: the server answered 404/,
    );
  });

  it('never hangs: a server that accepts the connection and never answers is stopped after the timeout', async () => {
    routes['/origin.example/a.csv'] = () => {}; // never answers
    const t0 = Date.now();
    const err = await fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })], undefined, raw, () => {}, { originProxy: proxy, timeoutMs: 300 }).catch((e) => e);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/^geo\/a\.csv: download from .* failed: no answer for 300 ms, so it was stopped\. Check your connection/);
  });

  it('never hangs: a download that stalls half way is stopped too', async () => {
    routes['/origin.example/a.csv'] = (res) => {
      res.writeHead(200, { 'content-length': '8' });
      res.write('a,b\n'); // then nothing
    };
    const err = await fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })], undefined, raw, () => {}, { originProxy: proxy, timeoutMs: 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/no answer for 300 ms, so it was stopped; the download was cut short after 4 of 8 bytes/);
  });

  it('a download cut short by the server is a clear error, not a crash', async () => {
    routes['/origin.example/a.csv'] = (res) => {
      res.writeHead(200, { 'content-length': '8' });
      res.write('a,b\n', () => res.socket?.destroy());
    };
    const err = await fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })], undefined, raw, () => {}, { originProxy: proxy, timeoutMs: 2000 }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/^geo\/a\.csv: download from .* failed: .*the download was cut short after 4 of 8 bytes/);
  });

  it('a refused connection is a clear error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await fetchAll([src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })], undefined, raw, () => {}, { originProxy: `http://127.0.0.1:${port}`, timeoutMs: 2000 }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/failed: the server refused the connection\./);
  });

  it('rebuilds a compiled table from its parts by its recipe, and checks the result', async () => {
    routes['/origin.example/dir/a/e1.json'] = serve('{"records":[{"k":"b","v":1.0,"n":"x, y"},{"k":"a","v":2.5,"n":null}]}');
    routes['/origin.example/dir/b/e1.json'] = serve('{"records":[{"k":"a","v":3,"n":"z"}]}');
    const csv = 'k,v,n,src\r\na,2.5,,p/a/e1.json\r\na,3,z,p/b/e1.json\r\nb,1.0,"x, y",p/a/e1.json\r\n';
    const recipe = { kind: 'stack-json-records' as const, columns: ['k', 'v', 'n', 'src'], sortBy: ['k', 'src'], sourceColumn: 'src', sourcePrefix: 'p/' };
    const s = src('absence/c.csv', csv, { download: 'https://origin.example/dir/', downloadParts: ['a/e1.json', 'b/e1.json'], downloadRecipe: recipe });
    await fetchAll([s], undefined, raw, () => {}, { originProxy: proxy });
    expect(readFileSync(join(raw, 'absence/c.csv'), 'utf8')).toBe(csv);
  });

  it('a source with no download says what to add', async () => {
    await expect(fetchAll([src('geo/a.csv', A, {})], undefined, raw, () => {})).rejects.toThrow(/^geo\/a\.csv: data\/sources\.json gives no download for source "geo\/a\.csv"/);
  });

  it('the script prints one line and no stack trace when the origin never answers', () => {
    routes['/raw.githubusercontent.com/' + new URL(readManifest().sources[0]!.download!).pathname.slice(1)] = () => {};
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fetch-data.ts'], {
      env: { ...process.env, DATA_MIRROR: '', DATA_ORIGIN_PROXY: proxy, DATA_FETCH_TIMEOUT: '0.5', DATA_RAW_DIR: raw },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^data:fetch failed: geo\/dfe_las\.csv: download from .* failed: no answer for 500 ms, so it was stopped/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('data/sources.json', () => {
  it('gives every source a download (an https URL, a zip with its member, or the project’s own copy in data/copies/), or says why it has none', () => {
    const sources = readManifest().sources;
    for (const s of sources) {
      expect(s.downloadNote, `${s.id}: downloadNote`).toBeTruthy();
      if (!s.download) {
        expect(s.downloadNote, s.id).toMatch(/cannot be fetched/);
        continue;
      }
      expect(s.download, s.id).toMatch(/^(https:\/\/|data\/copies\/)/);
      if (s.download.startsWith('data/')) expect(sha(readFileSync(s.download)), s.id).toBe(s.sha256);
      if (s.download.endsWith('.zip')) expect(s.downloadMember, s.id).toBeTruthy();
    }
    // Exactly these cannot be fetched from an origin (none at present), each with what its
    // downloadNote must say: why, and how to get the file instead.
    const cannot: Record<string, RegExp> = {};
    const unfetchable = sources.filter((s) => !s.download);
    expect(unfetchable.map((s) => s.id)).toEqual(Object.keys(cannot));
    for (const s of unfetchable) {
      expect(s.downloadNote, s.id).toMatch(/^cannot be fetched/);
      expect(s.downloadNote, s.id).toMatch(cannot[s.id]!);
      expect(s.downloadNote, s.id).toMatch(/DATA_MIRROR/);
    }
  });

  it('gives every recipe what it needs: parts for a stacked or postcode table, inputs fetched before it', () => {
    const sources = readManifest().sources;
    const order = sources.map((s) => s.path);
    for (const s of sources) {
      const r = s.downloadRecipe;
      if (!r) continue;
      if (r.kind === 'parquet-rows') {
        expect(s.downloadParts, s.id).toBeUndefined();
        expect(sources.some((o) => o.id !== s.id && o.download === s.download), `${s.id}: the file it is cut from is a source too`).toBe(true);
      } else {
        expect(s.downloadParts?.length, s.id).toBeGreaterThan(0);
      }
      if (r.kind === 'place-names') {
        expect(s.downloadParts, s.id).toContain(r.placesZip);
        expect(s.downloadParts, s.id).toContain(r.parishes);
        expect(s.downloadParts, s.id).toHaveLength(122);
      }
      if (r.kind === 'codepoint-postcode-lookup') expect(s.downloadParts, s.id).toHaveLength(120);
      if (r.kind === 'codepoint-postcode-lookup' || r.kind === 'place-names') {
        for (const input of [r.hierarchy, r.codeHistory, r.las, ...(r.kind === 'place-names' ? [r.boundaries] : [])]) {
          expect(order.indexOf(input), `${s.id} needs ${input} earlier`).toBeGreaterThanOrEqual(0);
          expect(order.indexOf(input), `${s.id} needs ${input} earlier`).toBeLessThan(order.indexOf(s.path));
        }
      }
    }
  });
});

describe('a source that cannot be fetched from an origin', () => {
  const note = 'cannot be fetched from an origin: no origin holds it. To get it: set DATA_MIRROR to a folder holding geo/p.csv.';
  it('is left to the end: everything else is fetched, then data:fetch stops with its downloadNote', async () => {
    routes['/origin.example/a.csv'] = serve(A);
    const lines: string[] = [];
    const err = await fetchAll(
      [src('geo/p.csv', 'P\n', { downloadNote: note }), src('geo/q.csv', 'Q\n', { downloadNote: note }), src('geo/a.csv', A, { download: 'https://origin.example/a.csv' })],
      undefined,
      raw,
      (l) => lines.push(l),
      { originProxy: proxy },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe(`geo/p.csv (source "geo/p.csv") ${note} These cannot be fetched either: geo/q.csv.`);
    expect(readFileSync(join(raw, 'geo/a.csv'), 'utf8')).toBe(A);
    expect(lines[0]).toMatch(/geo\/p\.csv: cannot be fetched without a mirror/);
  });

  it('is accepted once the file is in data/raw/ with the right checksum, and a mirror still provides it', async () => {
    mkdirSync(join(raw, 'geo'), { recursive: true });
    writeFileSync(join(raw, 'geo/p.csv'), 'P\n');
    expect(await fetchAll([src('geo/p.csv', 'P\n', { downloadNote: note })], undefined, raw, () => {})).toEqual({ verified: 1, copied: 0, downloaded: 0 });
    writeFileSync(join(raw, 'geo/p.csv'), 'wrong\n');
    await expect(fetchAll([src('geo/p.csv', 'P\n', { downloadNote: note })], undefined, raw, () => {})).rejects.toThrow(/cannot be fetched from an origin/);
    const mirror = join(project, 'mirror');
    mkdirSync(join(mirror, 'geo'), { recursive: true });
    writeFileSync(join(mirror, 'geo/p.csv'), 'P\n');
    expect((await fetchAll([src('geo/p.csv', 'P\n', { downloadNote: note })], mirror, raw, () => {})).copied).toBe(1);
  });
});
