/**
 * Before data:build reads a raw file, its sha256 and size must match
 * data/sources.json: an edited, truncated or swapped file stops the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DataError } from './csv.ts';
import { rawPath, type Manifest } from './sources.ts';

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Check every source's raw file against the manifest. Throws a DataError naming the first file that differs. */
export function checkRawFiles(manifest: Manifest, rawDir: string): void {
  for (const s of manifest.sources) {
    const path = rawPath(s, rawDir);
    if (!existsSync(path)) throw new DataError(path, null, null, `raw file for source "${s.id}" is missing; run \`npm run data:fetch\``);
    const bytes = statSync(path).size;
    const sha = sha256File(path);
    if (sha !== s.sha256) {
      throw new DataError(
        path,
        null,
        null,
        `sha256 ${sha} (${bytes} bytes) does not match data/sources.json (source "${s.id}": ${s.sha256}, ${s.bytes} bytes); the file was edited, cut short or replaced. Delete it and run \`npm run data:fetch\` to restore the published file, or, for a new release, update its entry in data/sources.json`,
      );
    }
  }
}
