/**
 * npm run data:fetch — get every source in data/sources.json into data/raw/,
 * checking each size and sha256. From DATA_MIRROR when it is set (a folder or
 * URL); otherwise from each file's origin (`download` in the manifest).
 *
 * DATA_FETCH_TIMEOUT: seconds with nothing received before a request is
 * stopped (default 60). DATA_ORIGIN_PROXY: tests only, a local server that
 * stands in for the origins (see src/lib/fetch.ts). DATA_RAW_DIR: tests only,
 * another folder instead of data/raw/.
 */
import { DEFAULT_TIMEOUT_MS, FetchError, fetchAll } from '../src/lib/fetch.ts';
import { PROJECT_ROOT, RAW_DIR, readManifest } from '../src/lib/sources.ts';

const started = performance.now();
try {
  const { sources } = readManifest();
  const mirror = process.env.DATA_MIRROR || undefined;
  const proxy = process.env.DATA_ORIGIN_PROXY || undefined;
  const t = process.env.DATA_FETCH_TIMEOUT;
  const timeoutMs = t && Number(t) > 0 ? Number(t) * 1000 : DEFAULT_TIMEOUT_MS;
  const from = mirror ?? (proxy ? `their origins (through the stand-in ${proxy})` : 'their origins (DATA_MIRROR not set)');
  console.log(`data:fetch: ${sources.length} sources from ${from} into data/raw/`);
  const counts = await fetchAll(sources, mirror, process.env.DATA_RAW_DIR || RAW_DIR, console.log, { projectRoot: PROJECT_ROOT, originProxy: proxy, timeoutMs });
  console.log(
    `data:fetch: done in ${((performance.now() - started) / 1000).toFixed(1)} s (${counts.copied + counts.downloaded} fetched, ${counts.verified} already present)`,
  );
} catch (e) {
  // Every failure is one line naming the file and what to do: never a stack trace.
  const msg = e instanceof FetchError ? e.message : `${(e as Error)?.message ?? String(e)}`;
  console.error(`data:fetch failed: ${msg}`);
  process.exit(1);
}
