/**
 * npm run data:build — turn data/raw/ into the typed datasets the pages import
 * (src/generated/*.json) and the public downloads (public/data/*.csv, *.meta.csv,
 * catalogue.json). Any bad input stops the build with file, line and column.
 *
 * Every raw file's sha256 is checked against data/sources.json before anything
 * is read. Output is written to temporary folders beside the real ones and
 * swapped in only when every dataset has built: a failed build leaves the
 * previous output untouched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkRawFiles } from '../src/lib/raw-check.ts';
import { DATASETS } from '../src/datasets/index.ts';
import { buildGeography, geographyFiles } from '../src/datasets/geography.ts';
import { writeDownload, type CatalogueEntry } from '../src/lib/downloads.ts';
import { GeographyIndex } from '../src/lib/geography.ts';
import { makeContext } from '../src/lib/pipeline.ts';
import { PROJECT_ROOT, RAW_DIR, readManifest } from '../src/lib/sources.ts';

const GENERATED = join(PROJECT_ROOT, 'src/generated');
const PUBLIC_DATA = join(PROJECT_ROOT, 'public/data');

export interface BuildTargets {
  generated: string;
  publicData: string;
  manifestPath?: string;
}

export async function buildData(rawDir = RAW_DIR, log: (s: string) => void = console.log, targets: BuildTargets = { generated: GENERATED, publicData: PUBLIC_DATA }): Promise<void> {
  const manifest = readManifest(targets.manifestPath);
  checkRawFiles(manifest, rawDir);
  const tmp = (dir: string) => join(dirname(dir), `.${dir.split('/').filter(Boolean).at(-1)}.tmp-${process.pid}`);
  const tmpGenerated = tmp(targets.generated);
  const tmpPublic = tmp(targets.publicData);
  rmSync(tmpGenerated, { recursive: true, force: true });
  rmSync(tmpPublic, { recursive: true, force: true });
  try {
    await buildInto(rawDir, manifest, log, tmpGenerated, tmpPublic);
  } catch (e) {
    rmSync(tmpGenerated, { recursive: true, force: true });
    rmSync(tmpPublic, { recursive: true, force: true });
    throw e;
  }
  // Every dataset built: swap the new output in.
  for (const [from, to] of [[tmpGenerated, targets.generated], [tmpPublic, targets.publicData]] as const) {
    const old = `${from}.old`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(to)) renameSync(to, old);
    renameSync(from, to);
    rmSync(old, { recursive: true, force: true });
  }
}

async function buildInto(rawDir: string, manifest: ReturnType<typeof readManifest>, log: (s: string) => void, GENERATED: string, PUBLIC_DATA: string): Promise<void> {
  const bootstrap = makeContext(rawDir, manifest, null as unknown as GeographyIndex);
  const geo = new GeographyIndex(await buildGeography(geographyFiles(bootstrap.file)));
  const ctx = makeContext(rawDir, manifest, geo);

  mkdirSync(GENERATED, { recursive: true });
  mkdirSync(PUBLIC_DATA, { recursive: true });

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
  writeCatalogue(catalogue, GENERATED, PUBLIC_DATA);
}

/**
 * The downloads that follow from the measure definitions (src/facts/measure-download.ts).
 * They read the datasets through the pages' read models, so they are written
 * after the datasets are in place, into the same folder and catalogue.
 */
export async function buildMeasureDownloads(log: (s: string) => void = console.log, targets: BuildTargets = { generated: GENERATED, publicData: PUBLIC_DATA }): Promise<void> {
  const t = performance.now();
  const { keyMeasuresDownload } = await import('../src/facts/measure-download.ts');
  const entry = writeDownload(targets.publicData, keyMeasuresDownload());
  const catalogue = (JSON.parse(readFileSync(join(targets.generated, 'catalogue.json'), 'utf8')) as CatalogueEntry[]).filter((c) => c.id !== entry.id);
  catalogue.push(entry);
  writeCatalogue(catalogue, targets.generated, targets.publicData);
  log(`data:build: key measures: 1 download (${((performance.now() - t) / 1000).toFixed(2)} s)`);
}

function writeCatalogue(catalogue: CatalogueEntry[], generated: string, publicData: string): void {
  catalogue.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(join(publicData, 'catalogue.json'), `${JSON.stringify({ licence: 'Open Government Licence v3.0 unless stated', downloads: catalogue }, null, 2)}\n`);
  writeFileSync(join(generated, 'catalogue.json'), JSON.stringify(catalogue));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = performance.now();
  try {
    await buildData();
    await buildMeasureDownloads();
    console.log(`data:build: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`data:build failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
