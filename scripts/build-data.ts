/**
 * npm run data:build — turn data/raw/ into the typed datasets the pages import
 * (src/generated/*.json) and the public downloads (public/data/*.csv, *.meta.csv,
 * catalogue.json). Any bad input stops the build with file, line and column.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS } from '../src/datasets/index.ts';
import { buildGeography, geographyFiles } from '../src/datasets/geography.ts';
import { writeDownload, type CatalogueEntry } from '../src/lib/downloads.ts';
import { GeographyIndex } from '../src/lib/geography.ts';
import { makeContext } from '../src/lib/pipeline.ts';
import { PROJECT_ROOT, RAW_DIR, readManifest } from '../src/lib/sources.ts';

const GENERATED = join(PROJECT_ROOT, 'src/generated');
const PUBLIC_DATA = join(PROJECT_ROOT, 'public/data');

export async function buildData(rawDir = RAW_DIR, log: (s: string) => void = console.log): Promise<void> {
  const manifest = readManifest();
  const bootstrap = makeContext(rawDir, manifest, null as unknown as GeographyIndex);
  const geo = new GeographyIndex(await buildGeography(geographyFiles(bootstrap.file)));
  const ctx = makeContext(rawDir, manifest, geo);

  rmSync(GENERATED, { recursive: true, force: true });
  rmSync(PUBLIC_DATA, { recursive: true, force: true });
  mkdirSync(GENERATED, { recursive: true });

  const catalogue: CatalogueEntry[] = [];
  for (const dataset of DATASETS) {
    const t = performance.now();
    const out = await dataset.build(ctx);
    for (const [key, value] of Object.entries(out.json)) {
      writeFileSync(join(GENERATED, `${key}.json`), JSON.stringify(value));
    }
    for (const d of out.downloads) {
      for (const id of d.sourceIds) if (!manifest.sources.some((s) => s.id === id)) throw new Error(`download ${d.id} names unknown source ${id}`);
      catalogue.push(writeDownload(PUBLIC_DATA, d));
    }
    log(`data:build: ${dataset.id}: ${Object.keys(out.json).length} json, ${out.downloads.length} downloads (${((performance.now() - t) / 1000).toFixed(2)} s)`);
  }
  catalogue.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(join(PUBLIC_DATA, 'catalogue.json'), `${JSON.stringify({ licence: 'Open Government Licence v3.0 unless stated', downloads: catalogue }, null, 2)}\n`);
  writeFileSync(join(GENERATED, 'catalogue.json'), JSON.stringify(catalogue));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = performance.now();
  try {
    await buildData();
    console.log(`data:build: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`data:build failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
