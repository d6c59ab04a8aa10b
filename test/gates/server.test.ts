import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, type StaticServer } from '../../scripts/gates/server.ts';

// The test server sends text gzipped, as static hosts do, so Lighthouse and the browser tests
// see what a reader downloads; images and zips go as they are.
const dir = mkdtempSync(path.join(tmpdir(), 'serve-'));
const page = `<!doctype html><title>t</title><p>${'A page of text. '.repeat(200)}</p>`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
let server: StaticServer;
beforeAll(async () => {
  writeFileSync(path.join(dir, 'index.html'), page);
  writeFileSync(path.join(dir, 'chart.png'), png);
  server = await serveDir(dir);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(p: string, acceptEncoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${p}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('test server', () => {
  it('gzips HTML for a client that accepts gzip, and the bytes unzip to the file', async () => {
    const r = await get('/', 'gzip, deflate, br');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.body.length).toBeLessThan(page.length / 5);
    expect(gunzipSync(r.body).toString('utf8')).toBe(page);
  });
  it('sends plain bytes to a client that does not accept gzip', async () => {
    const r = await get('/');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString('utf8')).toBe(page);
  });
  it('does not gzip a PNG', async () => {
    const r = await get('/chart.png', 'gzip');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(Buffer.compare(r.body, png)).toBe(0);
  });
});
