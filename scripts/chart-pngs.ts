/**
 * `tsx scripts/chart-pngs.ts [dist]` (the last step of `npm run build`): draws every chart's PNG
 * from the standalone SVG the site build wrote beside it (dist/charts/<chart>/<key>/chart.svg →
 * chart.png), split across one process per core. Drawing 3,000+ PNGs one after another inside
 * `astro build` took four of its five minutes; the PNG is the same image either way (svgToPng).
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svgToPng } from '../src/charts/png.ts';
import { pool } from './pool.ts';

/** Files one worker process draws before it exits (see writeAllPngs). */
const BATCH = 120;

/** Every dist/charts/<chart>/<key>/chart.svg, sorted. */
export function chartSvgFiles(dist: string): string[] {
  const root = path.join(dist, 'charts');
  if (!existsSync(root)) return [];
  const files: string[] = [];
  for (const chart of readdirSync(root).sort())
    for (const key of readdirSync(path.join(root, chart)).sort()) {
      const f = path.join(root, chart, key, 'chart.svg');
      if (existsSync(f)) files.push(f);
    }
  return files;
}

export function writePng(svgFile: string): void {
  writeFileSync(path.join(path.dirname(svgFile), 'chart.png'), svgToPng(readFileSync(svgFile, 'utf8')));
}

/**
 * Draw every PNG, `workers` child processes at a time, each drawing a batch of BATCH files and
 * exiting. resvg-js 2.6 keeps each drawing's pixels (about 6 MB) outside the JavaScript heap and
 * never gives them back, not even to an explicit GC (thx/resvg-js#216): one process drawing all
 * 3,400 charts grew to 9 GB. A process per batch keeps each under about 1 GB.
 */
export async function writeAllPngs(dist: string, workers = Math.max(1, availableParallelism()), batch = BATCH): Promise<number> {
  const files = chartSvgFiles(dist);
  const self = fileURLToPath(import.meta.url);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batch) batches.push(files.slice(i, i + batch));
  const drawBatch = (batch: string[]) =>
    new Promise<void>((resolve, reject) => {
      // fork() gives the child this process's execArgv, so it loads TypeScript as this one does.
      const child = fork(self, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PNG worker exited with ${code} (first file ${batch[0]})`))));
      child.send(batch);
    });
  await pool(batches, workers, drawBatch);
  return files.length;
}


if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--worker')) {
    process.once('message', (files: string[]) => {
      for (const f of files) writePng(f);
      process.disconnect?.();
      process.exit(0);
    });
  } else {
    const dist = path.resolve(process.argv[2] ?? 'dist');
    const t0 = performance.now();
    writeAllPngs(dist).then(
      (count) => {
        if (count === 0) {
          console.error(`chart-pngs: no chart SVGs under ${dist}/charts: build the site first`);
          process.exit(1);
        }
        console.log(`chart-pngs: ${count} PNGs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      },
      (e: unknown) => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  }
}
