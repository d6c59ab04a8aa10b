/** The built site after the June 2026 tribunal release (run `npm run build` first). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { requireSection } from '../helpers.ts';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';

const DIST = join(PROJECT_ROOT, 'dist');
const read = (path: string) => {
  if (!existsSync(DIST)) throw new Error('dist/ not found: run `npm run build` first');
  return readFileSync(join(DIST, path), 'utf8');
};
/** Visible text of an HTML fragment: tags dropped, entities for quotes and apostrophes decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const section = requireSection;

describe('June 2026 tribunal release on the built site', () => {
  it('Coventry’s page shows its 2025 appeal rate and both 2024 figures, with the break explained', () => {
    const s = text(section(read('areas/coventry/index.html'), 'ehc-plans'));
    expect(s).toContain('In 2025 the tribunal appeal rate was 5.1% (128 appeals, 2,496 appealable decisions), 1.5 percentage points lower than England (6.6%).');
    expect(s).toContain('Coventry’s 2024 appeal rate was revised in DfE’s June 2026 release from 3.2% (June 2025 release, old method) to 4.9% (new method).');
    expect(s).toMatch(/it counts the annual reviews completed in the year/);
    // The chart's table: 2024 twice, each with its release and method; a marked break in the chart.
    expect(s).toMatch(/2024 June 2025 old method \(revised in June 2026\) 3\.2%/);
    expect(s).toMatch(/2024 June 2026 new method 4\.9%/);
    expect(s).toMatch(/2025 June 2026 new method 5\.1%/);
    expect(read('charts/area-appeal-rate/coventry/chart.svg')).toContain('Method changed');
  });

  it('England’s 2025 rate is 6.6% as published, with the note on areas left out of the denominator only', () => {
    const s = text(section(read('ehc-plans/index.html'), 'appeals'));
    expect(s).toContain('Appeal rate 6.6% in 2025 on a new method');
    expect(s).toContain('England 2025: 6.6% as published.');
    expect(s).toMatch(/Lewisham and Milton Keynes are not available, so they are left out of the denominator but their 337 appeals are not left out of the numerator/);
  });

  it('/data/ lists the June 2026 tribunal release under What changed, with the figures it revised', () => {
    const s = text(section(read('data/index.html'), 'what-changed'));
    expect(s).toMatch(/June 2026 : Education, health and care plans \(supporting file\) .*Reporting year 2026 \(published June 2026\)/);
    expect(s).toContain('Added SEND Tribunal appeal rates for 2025, for every area and England.');
    expect(s).toMatch(/Revised the 2024 appeal rates of England \(from 3\.2% to 6\.1%\) and of \d+ areas/);
  });

  it('tribunals.csv holds 2024 rows from both releases, each labelled with its release and method', () => {
    const rows = Papa.parse<Record<string, string>>(read('data/tribunals.csv').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const cov = rows.filter((r) => r.la_name === 'Coventry' && r.time_period === '2024');
    expect(cov.map((r) => [r.release, r.method, r.status, r.appeal_rate])).toEqual([
      ['June 2025', 'Old method: decisions include EHC plans held at January', 'Superseded by the June 2026 release', '3.2'],
      ['June 2025', 'New method, in development', 'Published for information; the June 2026 release has the same figures', '4.9'],
      ['June 2026', 'New method: decisions include annual reviews completed in the year', 'Current', '4.9'],
    ]);
    const england2025 = rows.find((r) => r.geographic_level === 'National' && r.time_period === '2025')!;
    expect([england2025.release, england2025.appeal_rate]).toEqual(['June 2026', '6.6']);
    const iow = rows.find((r) => r.la_name === 'Isle of Wight' && r.time_period === '2025')!;
    expect(iow.note).toMatch(/issues with data quality/);
    const dict = read('data/tribunals.meta.csv');
    expect(dict).toMatch(/release,Filter/);
    expect(dict).toMatch(/method,Filter/);
  });

  it('Isle of Wight’s 2025 figure carries DfE’s caveat on its page', () => {
    const s = text(section(read('areas/isle-of-wight/index.html'), 'ehc-plans'));
    expect(s).toMatch(/Isle of Wight’s 2025 figures are affected by “issues with data quality”/);
  });
});
