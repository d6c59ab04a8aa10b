/**
 * The build-data contract. Each dataset module in src/datasets/ exports a
 * `DatasetBuilder`: a pure function of the raw files (and geography) that
 * returns JSON for the pages and tidy downloads. scripts/build-data.ts runs
 * them in order and writes the results; any thrown error stops the build.
 */
import type { Download } from './downloads.ts';
import type { GeographyIndex } from './geography.ts';
import { rawPath, sourceById, type Manifest } from './sources.ts';

export interface BuildContext {
  rawDir: string;
  manifest: Manifest;
  geo: GeographyIndex;
  /** Absolute path of a source's raw file, by its id in data/sources.json. */
  file(sourceId: string): string;
}

export interface DatasetOutput {
  /** Written to src/generated/<key>.json for pages to import. */
  json: Record<string, unknown>;
  downloads: Download[];
}

export interface DatasetBuilder {
  id: string;
  build(ctx: BuildContext): Promise<DatasetOutput>;
}

export function makeContext(rawDir: string, manifest: Manifest, geo: GeographyIndex): BuildContext {
  return { rawDir, manifest, geo, file: (id) => rawPath(sourceById(manifest, id), rawDir) };
}
