/**
 * npm run bench — how long the data pipeline and site build take on the
 * current data, against a baseline of PapaParse alone reading the same CSVs.
 * Prints one line per measure; `--json FILE` also writes them as JSON.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { fetchAll } from '../src/lib/fetch.ts';
import { PROJECT_ROOT, RAW_DIR, rawPath, readManifest } from '../src/lib/sources.ts';
import { buildData, buildMeasureDownloads } from './build-data.ts';
import { writeAllPngs } from './chart-pngs.ts';
import { checkBudgets, gzipSize, summarise } from './gates/budgets.ts';
import { loadBudgets } from './gates/config.ts';
import { CATEGORIES, runLighthouse } from './gates/lighthouse.ts';
import { allHtmlPages } from './gates/site.ts';

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const results: Record<string, number | string> = {};
function report(name: string, value: number, unit: string) {
  results[name] = Number(value.toFixed(3));
  console.log(`${name.padEnd(34)} ${value.toFixed(unit === 'pages' || unit === 'records' ? 0 : 2).padStart(10)} ${unit}`);
}

const { sources } = readManifest();
const mirror = process.env.DATA_MIRROR ?? join(PROJECT_ROOT, '../shared/data');
report('raw data read', sources.reduce((n, s) => n + s.bytes, 0) / 1e6, 'MB');

// data:fetch into an empty folder, so every file is copied and checked.
const scratch = mkdtempSync(join(tmpdir(), 'bench-raw-'));
let t = performance.now();
await fetchAll(sources, mirror, scratch, () => {});
report('data:fetch (empty data/raw)', seconds(t), 's');
rmSync(scratch, { recursive: true, force: true });

t = performance.now();
await buildData(RAW_DIR, () => {});
await buildMeasureDownloads(() => {});
report('data:build', seconds(t), 's');

t = performance.now();
execFileSync('npx', ['astro', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
report('astro build', seconds(t), 's');
const tPng = performance.now();
const pngs = await writeAllPngs(join(PROJECT_ROOT, 'dist'));
report(`chart PNGs (${pngs}, one process per core)`, seconds(tPng), 's');
report('site build (astro build + PNGs)', seconds(t), 's');
const countPages = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countPages(join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
report('pages built', countPages(join(PROJECT_ROOT, 'dist')), 'pages');

// Baseline: PapaParse alone streaming the same CSV files, doing nothing with the rows.
const csvs = sources.filter((s) => s.path.endsWith('.csv')).map((s) => rawPath(s));
t = performance.now();
let rows = 0;
for (const file of csvs) {
  await new Promise<void>((resolve, reject) =>
    Papa.parse(createReadStream(file, { encoding: 'utf8' }) as unknown as File, { step: () => void rows++, complete: () => resolve(), error: reject }),
  );
}
report('baseline: papaparse alone (CSVs)', seconds(t), 's');
report('baseline: CSV MB', csvs.reduce((n, f) => n + statSync(f).size, 0) / 1e6, 'MB');
report('baseline: CSV records', rows, 'records');

// Page weights (gzipped HTML + CSS + JS), the largest of each page type, against budgets.json.
const dist = join(PROJECT_ROOT, 'dist');
const { weights, problems } = checkBudgets(dist, allHtmlPages(dist), loadBudgets());
console.log(`\npage weights, gzipped (largest of each type):\n${summarise(weights)}`);
results['pages over budget'] = problems.length;
console.log(problems.length ? `over budget: ${problems.length} page(s)` : 'all pages within budgets.json');
report('search meta (gzipped)', gzipSize(join(dist, 'search-data', 'meta.json')) / 1024, 'KB');

// Lighthouse (mobile preset) on the pages in gates.config.json; --no-lighthouse skips it.
if (!process.argv.includes('--no-lighthouse')) {
  console.log('\nLighthouse (mobile):');
  for (const r of await runLighthouse({ dir: dist })) {
    console.log(`${r.path.padEnd(34)} ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}`);
    for (const c of CATEGORIES) results[`lighthouse ${r.path} ${c}`] = r.scores[c] ?? 'n/a';
  }
}

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1]!, `${JSON.stringify(results, null, 2)}\n`);
