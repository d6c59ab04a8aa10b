/** The June 2026 tribunal table (new method), combining it with the June 2025 table, and regional rates across code changes. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { symbol, value } from '../../src/lib/cell.ts';
import { ENGLAND, SeriesStore } from '../../src/lib/series.ts';
import { combineReleases, parseTribunal, parseTribunal2026, regionalRates, tribunalDownloadRows } from '../../src/datasets/tribunal.ts';
import { fixtureGeo } from '../fixtures/ehcp/geography.ts';
import { notesFor, releasesOf, tribunalReleaseNotes } from '../../src/pages/data/_releases.ts';
import type { Source } from '../../src/lib/sources.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/tribunal/${name}`, import.meta.url));

describe('June 2026 tribunal table (fixture)', () => {
  it('reads both years, keeps x and nil as published, and corrects swapped codes by name', async () => {
    const t = await parseTribunal2026(fixture('appeal-rate-2026.csv'), fixtureGeo);
    expect(t.years).toEqual([2024, 2025]);
    expect(t.corrections.map((c) => [c.name, c.printedCode, c.usedKey])).toEqual([
      ['North Northamptonshire', '941', '940'],
      ['West Northamptonshire', '940', '941'],
    ]);
    expect(t.store.get('appeal_rate', '940', 2025)).toEqual(value(5.5));
    expect(t.store.get('decisions', '891', 2024)).toEqual(symbol('x'));
    expect(t.store.get('appeal_rate', '892', 2025)).toEqual(symbol('x'));
    expect(t.store.get('appeals', '420', 2024)).toEqual(symbol('-'));
    expect(t.store.get('appeals', '420', 2025)).toEqual(value(0));
    expect(t.store.get('appeal_rate', ENGLAND, 2025)).toEqual(value(4));
  });

  it('stops when a printed rate disagrees with appeals ÷ decisions, naming line and column', async () => {
    await expect(parseTribunal2026(fixture('appeal-rate-2026-bad-rate.csv'), fixtureGeo, 'r.csv')).rejects.toThrow(/r\.csv:10 column "y1_rate": the published rate 5\.2% disagrees with appeals ÷ decisions \(30 ÷ 600 = 5%\)/);
  });

  it('stops when the years are not two consecutive years, or an area is missing', async () => {
    await expect(parseTribunal2026(fixture('appeal-rate-2026-bad-years.csv'), fixtureGeo, 'y.csv')).rejects.toThrow(/y\.csv:8 .*expected two consecutive years in the year row, found 2024, 2026/);
    await expect(parseTribunal2026(fixture('appeal-rate-2026-missing-area.csv'), fixtureGeo, 'm.csv')).rejects.toThrow(/m\.csv: no row for Isles of Scilly \(420\)/);
  });
});

describe('combining the releases', () => {
  it('takes each year from the newest release, keeps the superseded year labelled, and reports differences from the "in development" columns', async () => {
    const old = await parseTribunal(fixture('appeal-rate.csv'), fixtureGeo);
    const latest = await parseTribunal2026(fixture('appeal-rate-2026.csv'), fixtureGeo);
    const c = combineReleases(old, latest, fixtureGeo);
    expect(c.breakYear).toBe(2024);
    expect(c.releaseOf[2023]).toBe('June 2025');
    expect(c.releaseOf[2024]).toBe('June 2026');
    expect(c.store.get('appeal_rate', ENGLAND, 2024)).toEqual(value(5));
    expect(c.store.get('appeal_rate_old_method', ENGLAND, 2024)).toEqual(value(1.37));
    expect(c.store.get('appeal_rate', ENGLAND, 2023)).toEqual(value(1.37));
    expect(c.revised.england).toEqual({ from: 1.37, to: 5 });
    // The fixture's 2026 figures differ from its 2025 "in development" columns: every difference is listed.
    expect(c.devDisagreements.length).toBeGreaterThan(0);
    expect(c.devDisagreements).toContainEqual(expect.stringMatching(/^941 2024 decisions: June 2025 .*"value":200\}, June 2026 .*"value":400\}$/));
    // England notes: an area with x decisions is out of the denominator only.
    expect(c.englandNotes[2025]).toMatch(/the decisions of Nottingham are not available, so they are left out of the denominator but their 25 appeals are not left out of the numerator/);
  });

  it('writes a 2024 row from each release, labelled with release, method and status', async () => {
    const old = await parseTribunal(fixture('appeal-rate.csv'), fixtureGeo);
    const latest = await parseTribunal2026(fixture('appeal-rate-2026.csv'), fixtureGeo);
    const rows = tribunalDownloadRows(combineReleases(old, latest, fixtureGeo), fixtureGeo).filter((r) => r.time_period === 2024 && r.old_la_code === '892');
    expect(rows.map((r) => [r.release, r.method, r.status, r.decisions])).toEqual([
      ['June 2025', 'Old method: decisions include EHC plans held at January', 'Superseded by the June 2026 release', value(500)],
      ['June 2025', 'New method, in development', 'Published for information; the June 2026 release has the same figures', value(250)],
      ['June 2026', 'New method: decisions include annual reviews completed in the year', 'Current', value(1000)],
    ]);
  });
});

describe('regional appeal rates', () => {
  it('count every council in the region that year, including one since replaced', async () => {
    const old = await parseTribunal(fixture('appeal-rate.csv'), fixtureGeo);
    const { rates } = regionalRates(old.store, old.geos, fixtureGeo);
    // 2020: Northamptonshire 10 of 1,000, Nottingham nil of 500, Nottinghamshire 20 of 2,000.
    expect(rates.get('E12000004')!.get(2020)).toEqual(value((30 / 3500) * 100));
    // 2021: Northamptonshire gone; North and West Northamptonshire in.
    expect(rates.get('E12000004')!.get(2021)).toEqual(value(((0 + 20 + 30 + 5) / (500 + 2000 + 1000 + 500)) * 100));
  });

  it('leave an area with no decisions out of both sums, and say so', () => {
    const s = new SeriesStore();
    s.put('appeals', '892', 2025, value(25));
    s.put('decisions', '892', 2025, symbol('x'));
    s.put('appeals', '891', 2025, value(50));
    s.put('decisions', '891', 2025, value(2000));
    const geos = new Map([['892', { key: '892', name: 'Nottingham', kind: 'area' as const }], ['891', { key: '891', name: 'Nottinghamshire', kind: 'area' as const }]]);
    const r = regionalRates(s, geos, fixtureGeo);
    expect(r.rates.get('E12000004')!.get(2025)).toEqual(value(2.5));
    expect(r.leftOut.get('E12000004')!.get(2025)).toEqual(['Nottingham']);
  });
});

describe('What changed on /data/', () => {
  it('lists the figures a release added and revised, from the pipeline’s figures', () => {
    const src = (id: string, release: string): Source => ({ id, path: `${id}.csv`, title: id, publisher: 'DfE', publication: 'EHC plans', release, url: 'https://www.gov.uk/', licence: 'OGL', licenceUrl: '', attribution: 'x', bytes: 1, sha256: '0'.repeat(64) });
    const releases = releasesOf([src('tribunal-appeals', 'Reporting year 2025 (published June 2025)'), src('tribunal-appeals-2026', 'Reporting year 2026 (published June 2026)')]);
    const notes = tribunalReleaseNotes({ breakYear: 2024, latestYear: 2025, old: 'June 2025', latest: 'June 2026', revised: { year: 2024, areas: 151, england: { from: 3.2, to: 6.1 } } }, (n) => `${n.toFixed(1)}%`);
    expect(releases[0]!.date).toBe('2026-06');
    const latest = notesFor(releases[0]!, notes);
    expect(latest[0]).toBe('Added SEND Tribunal appeal rates for 2025, for every area and England.');
    expect(latest[1]).toMatch(/^Revised the 2024 appeal rates of England \(from 3\.2% to 6\.1%\) and of 151 areas/);
    expect(notesFor(releases[1]!, notes)[0]).toMatch(/revised by the June 2026 release/);
  });
});
