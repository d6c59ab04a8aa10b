/** The build's PNG step: every chart.svg under dist/charts gets the PNG that svgToPng draws of it. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartSvgFiles, writeAllPngs } from '../../scripts/chart-pngs.ts';
import { svgToPng } from '../../src/charts/png.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'pngs-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const svg = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20"><rect width="40" height="20" fill="${fill}"/><text x="2" y="14" font-size="12">A</text></svg>`;
const charts = [
  ['b-chart', 'england', '#12436D'],
  ['a-chart', 'coventry', '#28A197'],
  ['a-chart', 'barnet', '#801650'],
] as const;
for (const [id, key, fill] of charts) {
  mkdirSync(path.join(dist, 'charts', id, key), { recursive: true });
  writeFileSync(path.join(dist, 'charts', id, key, 'chart.svg'), svg(fill));
}
mkdirSync(path.join(dist, 'charts', 'a-chart', 'no-svg'), { recursive: true });

describe('chart PNGs after the site build', () => {
  it('finds every chart.svg in a stable order and skips folders without one', () => {
    expect(chartSvgFiles(dist).map((f) => path.relative(dist, f))).toEqual([
      'charts/a-chart/barnet/chart.svg',
      'charts/a-chart/coventry/chart.svg',
      'charts/b-chart/england/chart.svg',
    ]);
    expect(chartSvgFiles(path.join(dist, 'nothing-here'))).toEqual([]);
  });

  it('writes beside each SVG the PNG svgToPng draws of it, twice the size, in batches across worker processes', async () => {
    expect(await writeAllPngs(dist, 2, 1)).toBe(3); // a process per file: three batches over two workers
    for (const [id, key, fill] of charts) {
      const png = readFileSync(path.join(dist, 'charts', id, key, 'chart.png'));
      expect(Buffer.compare(png, Buffer.from(svgToPng(svg(fill)))), `${id}/${key}`).toBe(0);
      expect(png.readUInt32BE(16)).toBe(80); // width in the IHDR chunk: 40 × 2
    }
    expect(existsSync(path.join(dist, 'charts', 'a-chart', 'no-svg', 'chart.png'))).toBe(false);
  });
});
