/**
 * Neighbour benchmark charts on the built area pages (issue 14): one per key
 * measure, naming the area and all 10 statistical neighbours, with England and
 * the region marked, the polarity in words; the chart's CSV holds the same
 * figures the chart shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_MEASURES } from '../../src/read/measures.ts';
import { geo } from '../../src/read/site.ts';
import { site } from './context.ts';

const AREAS = ['coventry', 'warwickshire', 'isles-of-scilly', 'north-northamptonshire'];
const squash = (s: string) => s.replace(/\s+/g, '');

describe('site: neighbour benchmark charts', () => {
  for (const slug of AREAS) {
    it(`${slug}: a benchmark chart per key measure names all 10 neighbours, marks England and the region, and its CSV has the same figures`, () => {
      const { dir } = site();
      const area = geo.bySlug.get(slug)!;
      const region = geo.regionOf(area);
      const neighbours = area.neighbours.map((n) => geo.area(n.laCode).name);
      expect(neighbours).toHaveLength(10);
      const { document } = parseHTML(readFileSync(path.join(dir, 'areas', slug, 'index.html'), 'utf8'));
      expect(BENCHMARK_MEASURES.length).toBeGreaterThanOrEqual(8);
      for (const m of BENCHMARK_MEASURES) {
        const id = `chart-benchmark-${m.id}`;
        const fig = document.getElementById(id);
        expect(fig, `${slug}: #${id}`).not.toBeNull();
        const svgText = squash(fig!.querySelector('.chart-graphic svg')!.textContent!);
        for (const name of [area.name, ...neighbours]) expect(svgText, `${id}: ${name}`).toContain(squash(name));
        const subtitle = fig!.querySelector('.chart-subtitle')!.textContent!;
        expect(subtitle).toMatch(/(Lower is better|Higher is better|Neither higher nor lower is better)\.$/);
        expect(subtitle).toContain(region.name);
        expect(subtitle).toMatch(/England|median of all areas/);
        // England and the region are drawn as reference lines with their labels (when they have a figure).
        // The tidy CSV has a row per place and measure: the chart's own measure comes first, then the counts behind it.
        const tidy = Papa.parse<Record<string, string>>(readFileSync(path.join(dir, 'charts', `benchmark-${m.id}`, slug, 'data.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
        expect(new Set(tidy.map((r) => r.area_name)), `${id}: the CSV names the area it is about`).toEqual(new Set([area.name]));
        const csv = tidy.filter((r) => r.measure === tidy[0]!.measure);
        expect(csv.map((r) => r.area).slice(0, 11).sort()).toEqual([area.name, ...neighbours].sort());
        const refs = csv.filter((r) => r.role === 'Reference');
        expect(refs).toHaveLength(2);
        expect(refs[0]!.area).toMatch(/England|Median of all areas/);
        expect(refs[1]!.area).toContain(region.name);
        const texts = [...fig!.querySelectorAll('.chart-graphic svg text')].map((t) => t.textContent!).join(' ');
        const shown = new Set((texts.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
        for (const r of csv) {
          if (r.value === '' || !/^-?\d/.test(r.value!)) {
            // No number: the chart names the row and says why, never 0.
            if (r.role !== 'Reference') expect(r.note, `${id}: ${r.area}`).not.toBe('');
            continue;
          }
          expect(shown.has(Math.abs(Number(r.value))), `${id}: ${r.area} ${r.value} shown in the chart`).toBe(true);
        }
        if (refs[0]!.value !== '') expect(svgText).toContain(squash(refs[0]!.area!.startsWith('England') ? 'England' : 'All areas'));
        if (refs[1]!.value !== '') expect(svgText).toContain(squash(region.name));
      }
    });
  }
});
