/** The built /inspections/ page and download (run `npm run build` first). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';

const DIST = join(PROJECT_ROOT, 'dist');
const page = (path: string) => {
  if (!existsSync(DIST)) throw new Error('dist/ not found: run `npm run build` first');
  return readFileSync(join(DIST, path, 'index.html'), 'utf8');
};

describe('built /inspections/ page', () => {
  it('maps every area with its latest outcome named in its label, with a patterned key', () => {
    const html = page('inspections');
    const map = html.slice(html.indexOf('id="map-title"'), html.indexOf('id="picture-title"'));
    expect(map.match(/<path class="area"[^>]*>/g) ?? []).toHaveLength(153);
    const labels = (map.match(/aria-label="[^"]+"/g) ?? []).filter((l) => l !== 'aria-label="Key"');
    expect(labels).toHaveLength(153);
    for (const l of labels) expect(l).toMatch(/(Positive \(outcome 1\)|Inconsistent \(outcome 2\)|Systemic failings \(outcome 3\)|Not yet inspected under the 2023 framework); (due now|next full inspection expected by)/);
    expect(map).toMatch(/<pattern id="inspections-map-outcome-3"/);
    expect(map).toMatch(/Not yet inspected under the 2023 framework \(\d+\)/);
  });

  it('has the full table of all 153 areas without JavaScript', () => {
    const html = page('inspections');
    const table = html.slice(html.indexOf('id="inspections-table"'), html.indexOf('</table>', html.indexOf('id="inspections-table"')));
    expect(table.match(/<th scope="row"/g) ?? []).toHaveLength(153);
    expect(table).toContain('as Northamptonshire');
  });

  it('has the three national charts as SVG, each with a summary and a data table', () => {
    const html = page('inspections');
    for (const id of ['inspections-latest-by-region', 'inspections-outcomes-by-year', 'inspections-wsoa-by-year']) {
      const i = html.indexOf(`id="chart-${id}"`);
      expect(i, id).toBeGreaterThan(0);
      const fig = html.slice(i, html.indexOf('class="cite"', i));
      expect(fig).toMatch(/<svg/);
      expect(fig).toMatch(/class="chart-summary"/);
      expect(fig).toMatch(/<table[\s>]/);
    }
  });

  it('publishes inspections.csv with one row per event and its dictionary, in the catalogue', () => {
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { downloads: { id: string; rows: number }[] };
    const entry = cat.downloads.find((d) => d.id === 'inspections')!;
    const csv = readFileSync(join(DIST, 'data/inspections.csv'), 'utf8').trim().split('\n');
    const json = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/generated/inspections.json'), 'utf8')) as { events: unknown[] };
    expect(csv.length - 1).toBe(json.events.length);
    expect(entry.rows).toBe(json.events.length);
    expect(readFileSync(join(DIST, 'data/inspections.meta.csv'), 'utf8')).toMatch(/^\uFEFFcol_name,col_type,label,indicator_unit,indicator_dp\nevent_id|time_period/);
  });
});
