/**
 * The built site (issue 11): no year, code or identifier in any data table is
 * number-formatted ("2,015"), and the departures from published figures are
 * disclosed where the data is offered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from './context.ts';

describe('site: figures as published', () => {
  it('no data table prints a year as "2,015" or an academic year as "202,425" outside its number columns', () => {
    const bad: string[] = [];
    let tables = 0;
    for (const p of site().allPages) {
      const html = readFileSync(p.file, 'utf8');
      for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
        tables++;
        for (const m of table.matchAll(/<t[hd](?![^>]*class="num")[^>]*>\s*(2,0\d\d|1,9\d\d|20\d,\d{3})\s*<\/t[hd]>/g)) bad.push(`${p.url}: ${m[1]}`);
      }
    }
    expect(tables).toBeGreaterThan(500);
    expect(bad.slice(0, 20), `${bad.length} number-formatted years`).toEqual([]);
  });

  it('the area page timeliness table lists years as years', () => {
    const html = readFileSync(path.join(site().dir, 'areas/west-northamptonshire/index.html'), 'utf8');
    expect(html).toMatch(/<th scope="row">2024<\/th>/);
  });

  it('/ehc-plans/ discloses the primary-need percentages recomputed from DfE’s counts', () => {
    const html = readFileSync(path.join(site().dir, 'ehc-plans/index.html'), 'utf8');
    expect(html).toMatch(/data-departures[^>]*>[^<]*Surrey, January 2025, severe learning difficulty: DfE publishes 7\.8%/);
  });
});
