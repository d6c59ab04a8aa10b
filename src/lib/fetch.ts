/**
 * Get every source in the manifest into data/raw/, verifying each size and
 * sha256:
 * - with DATA_MIRROR set, copy (folder) or download (http(s) URL) each `path`
 *   from the mirror;
 * - without it, download each file from its origin (`download` in
 *   data/sources.json: the file's own URL, or a zip that holds it plus
 *   `downloadMember`; or the published file a table was cut from plus
 *   `downloadRecipe`, src/lib/parquet-rows.ts; or the files a table was
 *   compiled from, `downloadParts`, plus the recipe that rebuilds it,
 *   src/lib/stack-json.ts, postcode-lookups.ts, place-names.ts), or copy the project's own copy
 *   (`download` = `data/…`).
 *
 * Network failures never hang and never surface as stack traces: each request
 * gives up after `timeoutMs` with nothing received, and every failure is a
 * FetchError naming the file, the URL and what to do.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Source } from './sources.ts';
import { readZipMember, ZipError } from './zip.ts';
import { stackJsonRecords } from './stack-json.ts';
import { parquetRows } from './parquet-rows.ts';
import { postcodeLookup } from './postcode-lookups.ts';
import { placeNames } from './place-names.ts';

export class FetchError extends Error {
  override name = 'FetchError';
}

export type FetchOutcome = 'verified' | 'copied' | 'downloaded';

export interface FetchOptions {
  /** Root of this repository, for `download: "data/…"` (the project's own copies). */
  projectRoot?: string;
  /**
   * Tests only: send every origin request to this server instead, as
   * `<originProxy>/<host>/<path>` (e.g. http://127.0.0.1:8123), so a local
   * server can stand in for the origins. Set by DATA_ORIGIN_PROXY.
   */
  originProxy?: string;
  /** Give up on a request when nothing arrives for this long, in ms (default 60 s). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function sha256File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('error', rej)
      .on('end', () => res(hash.digest('hex')));
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export function checkMirror(mirror: string): string {
  if (!isUrl(mirror) && !(existsSync(mirror) && statSync(mirror).isDirectory())) {
    throw new FetchError(`DATA_MIRROR folder not found: ${resolve(mirror)}. Check the path, or unset DATA_MIRROR to download every file from its origin.`);
  }
  return mirror;
}

/** Why a request failed, in words, from undici's error and its cause. */
function reason(e: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer for ${formatSeconds(timeoutMs)}, so it was stopped`;
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'the server refused the connection',
    ENOTFOUND: 'the server name was not found',
    EAI_AGAIN: 'the server name could not be looked up',
    ECONNRESET: 'the connection was reset',
    UND_ERR_SOCKET: 'the server closed the connection',
    ETIMEDOUT: 'the connection timed out',
  };
  return (code && words[code]) ?? err.cause?.message ?? err.message ?? String(e);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/**
 * Download a URL into memory. Stops (FetchError) when nothing arrives for
 * `timeoutMs`, on any network error, on an HTTP error status, and when the
 * body stops short of its Content-Length.
 */
export async function download(url: string, label: string, timeoutMs: number, hint: string): Promise<Buffer> {
  const ctrl = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
  };
  const fail = (why: string) => new FetchError(`${label}: download from ${url} failed: ${why}. ${hint}`);
  arm();
  let received = 0;
  let expected: number | null = null;
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: ctrl.signal, redirect: 'follow' });
    } catch (e) {
      throw fail(reason(e, timedOut, timeoutMs));
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => {});
      throw fail(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const len = res.headers.get('content-length');
    expected = len !== null && /^\d+$/.test(len) ? Number(len) : null;
    const chunks: Buffer[] = [];
    const reader = res.body.getReader();
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        const cut = expected !== null ? ` after ${received.toLocaleString('en-GB')} of ${expected.toLocaleString('en-GB')} bytes` : ` after ${received.toLocaleString('en-GB')} bytes`;
        throw fail(`${reason(e, timedOut, timeoutMs)}; the download was cut short${cut}`);
      }
      if (r.done) break;
      chunks.push(Buffer.from(r.value));
      received += r.value.length;
      arm();
    }
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
  }
}

interface Ctx {
  rawDir: string;
  opts: Required<Pick<FetchOptions, 'timeoutMs'>> & FetchOptions;
  /** Zips (and files cut by a recipe) downloaded in this run, by URL (several sources can come from one). */
  zips: Map<string, Promise<Buffer>>;
}

/** The URL actually requested: the origin, or its stand-in when originProxy is set (tests). */
export function viaProxy(url: string, proxy: string | undefined): string {
  if (!proxy) return url;
  const u = new URL(url);
  return `${proxy.replace(/\/$/, '')}/${u.host}${u.pathname}${u.search}`;
}

const ORIGIN_HINT = 'Check your connection and run `npm run data:fetch` again, or set DATA_MIRROR to a folder holding the raw data.';

async function fromOrigin(source: Source, ctx: Ctx): Promise<{ data: Buffer; outcome: FetchOutcome }> {
  const d = source.download;
  if (!d) {
    // A source recorded as unfetchable says why and how to get it, in its downloadNote.
    if (source.downloadNote && /^cannot be fetched/i.test(source.downloadNote)) throw new FetchError(`${source.path} (source "${source.id}") ${source.downloadNote}`);
    throw new FetchError(
      `${source.path}: data/sources.json gives no download for source "${source.id}", so it cannot be fetched without a mirror. Add its origin URL as "download" (see the README, "Adding a source"), or set DATA_MIRROR to a folder holding the raw data.`,
    );
  }
  if (!isUrl(d)) {
    if (!d.startsWith('data/')) throw new FetchError(`${source.path}: "download" for source "${source.id}" must be an http(s) URL or a path data/… in this repository, not "${d}".`);
    const root = ctx.opts.projectRoot ?? process.cwd();
    const file = join(root, d);
    if (!existsSync(file)) throw new FetchError(`${source.path}: the project's own copy ${d} is missing. Restore it from git (git checkout -- ${d}).`);
    return { data: await readFile(file), outcome: 'copied' };
  }
  if (source.downloadParts) {
    // A compiled or derived table: download each part, then rebuild the file by its recipe.
    const recipe = source.downloadRecipe;
    if (recipe?.kind !== 'stack-json-records' && recipe?.kind !== 'codepoint-postcode-lookup' && recipe?.kind !== 'place-names') {
      throw new FetchError(`${source.path}: "downloadParts" needs a "downloadRecipe" of kind "stack-json-records", "codepoint-postcode-lookup" or "place-names" in data/sources.json.`);
    }
    const parts: { path: string; data: Buffer }[] = [];
    for (const part of source.downloadParts) {
      const url = viaProxy(new URL(part, d.endsWith('/') ? d : `${d}/`).href, ctx.opts.originProxy);
      // Parts shared by several sources (the Code-Point Open files behind the postcode and place tables) are downloaded once.
      let got = ctx.zips.get(url);
      if (!got) {
        got = download(url, `${source.path} (part ${part})`, ctx.opts.timeoutMs, ORIGIN_HINT);
        if (recipe.kind !== 'stack-json-records') ctx.zips.set(url, got);
      }
      parts.push({ path: part, data: await got });
    }
    try {
      if (recipe.kind === 'stack-json-records') return { data: stackJsonRecords(parts.map((p) => ({ path: p.path, text: p.data.toString('utf8') })), recipe), outcome: 'downloaded' };
      const input = async (path: string) => {
        const file = join(ctx.rawDir, path);
        if (!existsSync(file)) throw new Error(`it needs ${path}, which is not in data/raw/ yet (its source must come earlier in data/sources.json)`);
        return readFile(file, 'utf8');
      };
      const inputs = { hierarchy: await input(recipe.hierarchy), codeHistory: await input(recipe.codeHistory), las: await input(recipe.las) };
      if (recipe.kind === 'codepoint-postcode-lookup') {
        return { data: postcodeLookup(parts.map((p) => ({ path: p.path, text: p.data.toString('latin1') })), inputs, recipe), outcome: 'downloaded' };
      }
      const zip = parts.find((p) => p.path === recipe.placesZip);
      const parishes = parts.find((p) => p.path === recipe.parishes);
      if (!zip || !parishes) throw new Error('"placesZip" and "parishes" must each name one of "downloadParts"');
      const codePoint = parts.filter((p) => p !== zip && p !== parishes).map((p) => ({ path: p.path, text: p.data.toString('latin1') }));
      const places = readZipMember(zip.data, recipe.placesMember).toString('utf8');
      return { data: placeNames({ ...inputs, places, parishes: parishes.data.toString('utf8'), codePoint, boundaries: await input(recipe.boundaries) }), outcome: 'downloaded' };
    } catch (e) {
      throw new FetchError(`${source.path}: cannot rebuild it from its parts: ${(e as Error).message}. Run \`npm run data:fetch\` again; if it persists, check "downloadParts" and "downloadRecipe" in data/sources.json.`);
    }
  }


  const url = viaProxy(d, ctx.opts.originProxy);
  if (source.downloadRecipe) {
    // A derived extract: download the published file it was cut from, then cut it again by its recipe.
    if (source.downloadRecipe.kind !== 'parquet-rows') throw new FetchError(`${source.path}: a "downloadRecipe" of kind "${source.downloadRecipe.kind}" needs "downloadParts" in data/sources.json.`);
    let whole = ctx.zips.get(url);
    if (!whole) {
      whole = download(url, `${source.path} (from ${new URL(d).pathname.split('/').pop()})`, ctx.opts.timeoutMs, ORIGIN_HINT);
      ctx.zips.set(url, whole);
    }
    const from = await whole;
    try {
      return { data: await parquetRows(from, source.downloadRecipe), outcome: 'downloaded' };
    } catch (e) {
      throw new FetchError(`${source.path}: cannot cut it out of ${url}: ${(e as Error).message}. The download may be damaged: run \`npm run data:fetch\` again; if it persists, check "download" and "downloadRecipe" in data/sources.json.`);
    }
  }
  if (!source.downloadMember) return { data: await download(url, source.path, ctx.opts.timeoutMs, ORIGIN_HINT), outcome: 'downloaded' };
  let zip = ctx.zips.get(url);
  if (!zip) {
    zip = download(url, `${source.path} (zip)`, ctx.opts.timeoutMs, ORIGIN_HINT);
    ctx.zips.set(url, zip);
  }
  try {
    return { data: readZipMember(await zip, source.downloadMember), outcome: 'downloaded' };
  } catch (e) {
    if (e instanceof ZipError) throw new FetchError(`${source.path}: ${url}: ${e.message}. The download may be damaged: run \`npm run data:fetch\` again; if it persists, check "download" and "downloadMember" in data/sources.json.`);
    throw e;
  }
}

async function fromMirror(source: Source, mirror: string, ctx: Ctx): Promise<{ data: Buffer; outcome: FetchOutcome }> {
  if (isUrl(mirror)) {
    const url = `${mirror.replace(/\/$/, '')}/${source.path.split('/').map(encodeURIComponent).join('/')}`;
    return { data: await download(url, source.path, ctx.opts.timeoutMs, 'Check DATA_MIRROR and your connection, or the path in data/sources.json.'), outcome: 'downloaded' };
  }
  const from = join(mirror, source.path);
  if (!existsSync(from)) throw new FetchError(`${source.path}: not found in mirror ${resolve(mirror)}. Check DATA_MIRROR, or the path in data/sources.json.`);
  return { data: await readFile(from), outcome: 'copied' };
}

/** Fetch one source into rawDir. Skips a file already present with the right checksum. */
async function fetchOne(source: Source, mirror: string | undefined, ctx: Ctx): Promise<FetchOutcome> {
  const target = join(ctx.rawDir, source.path);
  if (existsSync(target) && (await sha256File(target)) === source.sha256) return 'verified';
  const { data, outcome } = mirror ? await fromMirror(source, mirror, ctx) : await fromOrigin(source, ctx);
  const where = mirror ? "The mirror's file" : 'The downloaded file';
  if (data.length < source.bytes) {
    throw new FetchError(
      `${source.path}: ${where.toLowerCase()} is shorter than data/sources.json says (${data.length.toLocaleString('en-GB')} of ${source.bytes.toLocaleString('en-GB')} bytes): it was cut short or is not the recorded file. Run \`npm run data:fetch\` again; if it persists, check the source.`,
    );
  }
  const actual = sha256(data);
  if (actual !== source.sha256) {
    throw new FetchError(
      `${source.path}: checksum mismatch (expected ${source.sha256}, got ${actual}). ${where} differs from the one recorded in data/sources.json: if it is a new release, review it and update the sha256 there.`,
    );
  }
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  await writeFile(partial, data);
  await rename(partial, target).catch(async (e) => {
    await rm(partial, { force: true });
    throw e;
  });
  return outcome;
}

export async function fetchAll(
  sources: readonly Source[],
  mirror: string | undefined,
  rawDir: string,
  log: (line: string) => void = console.log,
  opts: FetchOptions = {},
): Promise<Record<FetchOutcome, number>> {
  const m = mirror ? checkMirror(mirror) : undefined;
  const ctx: Ctx = { rawDir, opts: { timeoutMs: DEFAULT_TIMEOUT_MS, ...opts }, zips: new Map() };
  const counts: Record<FetchOutcome, number> = { verified: 0, copied: 0, downloaded: 0 };
  // Sources with no origin (downloadNote "cannot be fetched …") are left to the end, so that one
  // run fetches everything else before it stops and says how to get them.
  const unfetchable: Source[] = [];
  for (const [i, source] of sources.entries()) {
    if (!m && !source.download && !(existsSync(join(rawDir, source.path)) && (await sha256File(join(rawDir, source.path))) === source.sha256)) {
      unfetchable.push(source);
      log(`[${String(i + 1).padStart(2)}/${sources.length}] ${source.path}: cannot be fetched without a mirror (see below)`);
      continue;
    }
    const outcome = await fetchOne(source, m, ctx);
    counts[outcome]++;
    const from = m ? '' : source.download && !isUrl(source.download) ? ' from the project copy' : ' from the origin';
    const label = outcome === 'verified' ? 'already present, checksum ok' : `${outcome}${from}, checksum ok`;
    log(`[${String(i + 1).padStart(2)}/${sources.length}] ${source.path} (${(source.bytes / 1e6).toFixed(1)} MB): ${label}`);
  }
  if (unfetchable.length > 0) {
    const more = unfetchable.slice(1).map((s) => s.id);
    try {
      await fetchOne(unfetchable[0]!, m, ctx); // throws: why, and how to get it
    } catch (e) {
      if (e instanceof FetchError && more.length > 0) throw new FetchError(`${e.message} These cannot be fetched either: ${more.join(', ')}.`);
      throw e;
    }
  }
  return counts;
}
