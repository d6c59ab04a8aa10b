import { describe, expect, it, beforeEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { fetchAll, FetchError } from '../../src/lib/fetch.ts';
import type { Source } from '../../src/lib/sources.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
function source(path: string, content: string): Source {
  return { id: path, path, title: 't', publisher: 'p', publication: 'p', release: 'r', url: 'https://www.gov.uk/', licence: 'OGL', licenceUrl: '', attribution: 'a', bytes: content.length, sha256: sha(content) };
}

let mirror: string;
let raw: string;
beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'fetch-'));
  mirror = join(dir, 'mirror');
  raw = join(dir, 'raw');
  mkdirSync(join(mirror, 'geo'), { recursive: true });
  writeFileSync(join(mirror, 'geo/a.csv'), 'a,b\n1,2\n');
});

describe('fetchAll', () => {
  it('copies, verifies and prints one line per file, then skips verified files', async () => {
    const lines: string[] = [];
    const counts = await fetchAll([source('geo/a.csv', 'a,b\n1,2\n')], mirror, raw, (l) => lines.push(l));
    expect(counts).toEqual({ verified: 0, copied: 1, downloaded: 0 });
    expect(readFileSync(join(raw, 'geo/a.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(lines).toEqual([expect.stringMatching(/^\[ 1\/1\] geo\/a\.csv .*copied, checksum ok$/)]);
    const again = await fetchAll([source('geo/a.csv', 'a,b\n1,2\n')], mirror, raw, () => {});
    expect(again.verified).toBe(1);
  });

  it('stops on a checksum mismatch, naming the file and what to do, and leaves nothing behind', async () => {
    const err = await fetchAll([source('geo/a.csv', 'a,b\n1,3\n')], mirror, raw, () => {}).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/^geo\/a\.csv: checksum mismatch .*update the sha256/);
    expect(existsSync(join(raw, 'geo/a.csv'))).toBe(false);
    expect(existsSync(join(raw, 'geo/a.csv.partial'))).toBe(false);
  });

  it('re-fetches a present file whose checksum is wrong', async () => {
    mkdirSync(join(raw, 'geo'), { recursive: true });
    writeFileSync(join(raw, 'geo/a.csv'), 'tampered');
    const counts = await fetchAll([source('geo/a.csv', 'a,b\n1,2\n')], mirror, raw, () => {});
    expect(counts.copied).toBe(1);
  });

  it('stops when a file is missing from the mirror, naming it', async () => {
    await expect(fetchAll([source('geo/missing.csv', 'x')], mirror, raw, () => {})).rejects.toThrow(/^geo\/missing\.csv: not found in mirror/);
  });

  it('stops when the mirror folder is missing', async () => {
    await expect(fetchAll([], join(mirror, 'nope'), raw)).rejects.toThrow(/DATA_MIRROR folder not found: .*nope/);
    // Without DATA_MIRROR every file comes from its origin: see fetch-origins.test.ts.
  });
});
