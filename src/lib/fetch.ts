/**
 * Copy (from a folder) or download (from an http(s) URL) every source in the
 * manifest from the mirror into data/raw/, verifying each sha256.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Source } from './sources.ts';

export class FetchError extends Error {
  override name = 'FetchError';
}

export type FetchOutcome = 'verified' | 'copied' | 'downloaded';

export function sha256File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('error', rej)
      .on('end', () => res(hash.digest('hex')));
  });
}

function isUrl(mirror: string): boolean {
  return /^https?:\/\//i.test(mirror);
}

export function checkMirror(mirror: string | undefined): string {
  if (!mirror) {
    throw new FetchError(
      'DATA_MIRROR is not set. Point it at a folder or URL holding the raw data, e.g. `DATA_MIRROR=../shared/data npm run data:fetch`.',
    );
  }
  if (!isUrl(mirror) && !(existsSync(mirror) && statSync(mirror).isDirectory())) {
    throw new FetchError(`DATA_MIRROR folder not found: ${resolve(mirror)}. Check the path, or set DATA_MIRROR to the folder holding the raw data.`);
  }
  return mirror;
}

/** Fetch one source into rawDir. Skips a file already present with the right checksum. */
export async function fetchSource(source: Source, mirror: string, rawDir: string): Promise<FetchOutcome> {
  const target = join(rawDir, source.path);
  if (existsSync(target) && (await sha256File(target)) === source.sha256) return 'verified';

  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  let outcome: FetchOutcome;
  if (isUrl(mirror)) {
    const url = `${mirror.replace(/\/$/, '')}/${source.path.split('/').map(encodeURIComponent).join('/')}`;
    const response = await fetch(url).catch((e: Error) => {
      throw new FetchError(`${source.path}: download from ${url} failed (${e.message}). Check DATA_MIRROR and your connection.`);
    });
    if (!response.ok) {
      throw new FetchError(`${source.path}: not found in mirror (${url} answered ${response.status}). Check DATA_MIRROR, or the path in data/sources.json.`);
    }
    await writeFile(partial, Buffer.from(await response.arrayBuffer()));
    outcome = 'downloaded';
  } else {
    const from = join(mirror, source.path);
    if (!existsSync(from)) {
      throw new FetchError(`${source.path}: not found in mirror ${resolve(mirror)}. Check DATA_MIRROR, or the path in data/sources.json.`);
    }
    await copyFile(from, partial);
    outcome = 'copied';
  }
  const actual = await sha256File(partial);
  if (actual !== source.sha256) {
    await rm(partial, { force: true });
    throw new FetchError(
      `${source.path}: checksum mismatch (expected ${source.sha256}, got ${actual}). The mirror's file differs from the one recorded in data/sources.json: if it is a new release, review it and update the sha256 there.`,
    );
  }
  await rename(partial, target);
  return outcome;
}

export async function fetchAll(
  sources: readonly Source[],
  mirror: string | undefined,
  rawDir: string,
  log: (line: string) => void = console.log,
): Promise<Record<FetchOutcome, number>> {
  const m = checkMirror(mirror);
  const counts: Record<FetchOutcome, number> = { verified: 0, copied: 0, downloaded: 0 };
  for (const [i, source] of sources.entries()) {
    const outcome = await fetchSource(source, m, rawDir);
    counts[outcome]++;
    const label = outcome === 'verified' ? 'already present, checksum ok' : `${outcome}, checksum ok`;
    log(`[${String(i + 1).padStart(2)}/${sources.length}] ${source.path} (${(source.bytes / 1e6).toFixed(1)} MB): ${label}`);
  }
  return counts;
}
