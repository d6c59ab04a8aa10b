/** Shared set-up for integration tests over data/raw/. */
import { existsSync } from 'node:fs';
import { buildGeography, geographyFiles } from '../src/datasets/geography.ts';
import { GeographyIndex } from '../src/lib/geography.ts';
import { makeContext, type BuildContext } from '../src/lib/pipeline.ts';
import { RAW_DIR, readManifest } from '../src/lib/sources.ts';

export const RAW_PRESENT = existsSync(`${RAW_DIR}/ehcp/ees_2025_release/data/caseload.csv`);

let cached: Promise<BuildContext> | null = null;
export function realContext(): Promise<BuildContext> {
  cached ??= (async () => {
    const manifest = readManifest();
    const boot = makeContext(RAW_DIR, manifest, null as unknown as GeographyIndex);
    const geo = new GeographyIndex(await buildGeography(geographyFiles(boot.file)));
    return makeContext(RAW_DIR, manifest, geo);
  })();
  return cached;
}
