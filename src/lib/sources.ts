/** The data manifest, data/sources.json: every raw input, its origin, licence and checksum. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StackRecipe } from './stack-json.ts';
import type { ParquetRowsRecipe } from './parquet-rows.ts';
import type { PostcodeLookupRecipe } from './postcode-lookups.ts';
import type { PlaceNamesRecipe } from './place-names.ts';

export interface Source {
  id: string;
  /** Path inside the mirror and inside data/raw/. */
  path: string;
  title: string;
  publisher: string;
  publication: string;
  release: string;
  /** The official page for the publication. */
  url: string;
  licence: string;
  licenceUrl: string;
  attribution: string;
  bytes: number;
  sha256: string;
  compiled?: boolean;
  notes?: string;
  /**
   * Where `data:fetch` gets this exact file when DATA_MIRROR is not set: the
   * direct http(s) URL of the file at its origin (or of the zip that holds it,
   * with `downloadMember`), or a path `data/…` in this repository for a file
   * that is the project's own copy (compiled or converted here, or not
   * byte-identical to any published file).
   */
  download?: string;
  /** With a zip `download`: the member's path inside the zip. */
  downloadMember?: string;
  /**
   * For a table the mirror compiled from several published files: their
   * paths relative to `download` (a folder URL), and how to rebuild the exact
   * file from them (src/lib/stack-json.ts). The result is checked against `sha256`.
   */
  downloadParts?: string[];
  /**
   * With `downloadParts`: how to stack the parts (src/lib/stack-json.ts) or
   * build the postcode or place tables from them (src/lib/postcode-lookups.ts,
   * src/lib/place-names.ts). Without: how to cut this
   * file out of the published file at `download` (src/lib/parquet-rows.ts).
   */
  downloadRecipe?: StackRecipe | ParquetRowsRecipe | PostcodeLookupRecipe | PlaceNamesRecipe;
  /** How the file relates to what is downloaded, in words (renamed, zip member, the project's own copy and why). */
  downloadNote?: string;
}

export interface Manifest {
  sources: Source[];
}

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MANIFEST_PATH = `${PROJECT_ROOT}data/sources.json`;
export const RAW_DIR = `${PROJECT_ROOT}data/raw`;

export function readManifest(path = MANIFEST_PATH): Manifest {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const ids = new Set<string>();
  for (const s of manifest.sources) {
    for (const key of ['id', 'path', 'title', 'publisher', 'url', 'licence', 'attribution', 'sha256'] as const) {
      if (!s[key]) throw new Error(`${path}: source ${s.id ?? '(no id)'} has no ${key}`);
    }
    if (!/^[0-9a-f]{64}$/.test(s.sha256)) throw new Error(`${path}: source ${s.id} sha256 is not 64 hex digits`);
    if (ids.has(s.id)) throw new Error(`${path}: duplicate source id ${s.id}`);
    ids.add(s.id);
  }
  return manifest;
}

/** Look up a source by id; an unknown id is a programming error. */
export function sourceById(manifest: Manifest, id: string): Source {
  const s = manifest.sources.find((x) => x.id === id);
  if (!s) throw new Error(`data/sources.json has no source with id "${id}"`);
  return s;
}

export function rawPath(source: Source, rawDir = RAW_DIR): string {
  return `${rawDir}/${source.path}`;
}
