/** npm run data:fetch — copy or download every source in data/sources.json into data/raw/. */
import { FetchError, fetchAll } from '../src/lib/fetch.ts';
import { RAW_DIR, readManifest } from '../src/lib/sources.ts';

const started = performance.now();
try {
  const { sources } = readManifest();
  const mirror = process.env.DATA_MIRROR;
  console.log(`data:fetch: ${sources.length} sources from ${mirror ?? '(DATA_MIRROR not set)'} into data/raw/`);
  const counts = await fetchAll(sources, mirror, RAW_DIR);
  console.log(
    `data:fetch: done in ${((performance.now() - started) / 1000).toFixed(1)} s (${counts.copied + counts.downloaded} fetched, ${counts.verified} already present)`,
  );
} catch (e) {
  if (e instanceof FetchError) {
    console.error(`data:fetch failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
