/**
 * One MeasureDef, everything that follows from it (src/facts/measure-facts.ts,
 * src/facts/measure-download.ts, compareData, the benchmark chart): a measure
 * given as one entry gets a key fact, a section table row, a compare row and a
 * download column with no code of its own. Tested on a fixture measure over
 * invented figures for a real area and its real neighbours, and on the real
 * entry this round added (pupils on SEN support), against the published file.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';
import { area, benchmarkMeasure, geo, neighbourhoodPoints, points } from '../charts/fixtures.ts';

requireGenerated(['geography', 'ehcp', 'tribunal', 'outcomes', 'inspections', 'absence-sen', 'absence-lait', 'absence-meta', 'money', 'sen-prevalence']);
const { measureKeyFact, measureRow } = await import('../../src/facts/measure-facts.ts');
const { keyMeasuresDownload, measureColumn } = await import('../../src/facts/measure-download.ts');
const { compareData, MEASURES, sectionMeasures, senSupportShare, BENCHMARK_MEASURES } = await import('../../src/read/measures.ts');
const { keyFacts } = await import('../../src/facts/key-facts.ts');
type StandOut = import('../../src/facts/key-facts.ts').StandOut;
type JsonCell = import('../../src/lib/series.ts').JsonCell;
const { serialise } = await import('../../src/lib/downloads.ts');

const COVENTRY = area('coventry');
// Coventry's own six years; its neighbours' from NEIGHBOUR_SERIES (2024: 48.8 … 74.4, one suppressed in earlier years).
const fixture = (own: JsonCell[], extra: object = {}) => ({
  ...benchmarkMeasure({ id: 'fixture-measure', points: neighbourhoodPoints('coventry', own), england: points([58.0, 58.1, 59.9, 50.7, 50.3, 46.4]), region: points([55.2, 60.3, 57.1, 49.0, 47.5, 44.0]) }),
  when: (p: string) => `year ${p}`,
  section: 'money' as const,
  keyFact: { margin: 5 },
  ...extra,
});

describe('a measure given as one entry', () => {
  it('has a key fact: its latest figure, England and the region, and where it stands among the neighbours', () => {
    const out: StandOut[] = [];
    const f = measureKeyFact(fixture([50, 51, 52, 53, 54, 55.04]), geo, COVENTRY, 3000, out);
    expect(f).toMatchObject({ id: 'fixture-measure', label: 'New EHC plans issued within 20 weeks', value: '55.0% in year 2024', sectionId: 'money' });
    expect(f.details).toEqual(['England 46.4%, region 44.0%.', 'Higher than 8 of its 10 statistical neighbours.']);
    expect(out).toEqual([]);
  });

  it('stands out only beyond the neighbours’ range by more than its margin, and never for a very small area', () => {
    const out: StandOut[] = [];
    measureKeyFact(fixture([50, 51, 52, 53, 54, 74.4 + 5]), geo, COVENTRY, 3000, out);
    expect(out).toEqual([]); // exactly the margin beyond the highest neighbour (74.4)
    measureKeyFact(fixture([50, 51, 52, 53, 54, 79.5]), geo, COVENTRY, 3000, out);
    expect(out.map((o) => o.text)).toEqual(['20-week timeliness, year 2024: 79.5%, higher than any of its statistical neighbours (their range: 30.5% to 74.4%).']);
    const small: StandOut[] = [];
    const f = measureKeyFact(fixture([50, 51, 52, 53, 54, 95]), geo, COVENTRY, 40, small);
    expect(small).toEqual([]);
    expect(f.details.at(-1)).toMatch(/only 40 plans in all/);
  });

  it('says why there is no figure, never 0', () => {
    const f = measureKeyFact(fixture([50, 51, 52, 53, 54, 'c']), geo, COVENTRY, 3000, []);
    expect(f.value).toBe('Not shown for year 2024');
    expect(f.details).toEqual(['Suppressed.']);
    expect(measureKeyFact(fixture([]), geo, COVENTRY, 3000, []).value).toBe('No figures');
  });

  it('has a section table row, at the latest period England has a figure, with the neighbours’ median from unrounded values', () => {
    const r = measureRow(fixture([50, 51, 52, 53, 54, 55.04]), COVENTRY, geo);
    // 2024 neighbours sorted: 30.5 31.2 38.8 40.3 47.0 48.8 49.9 51.9 69.0 74.4 → median (47.0 + 48.8) / 2 = 47.9
    expect(r).toMatchObject({ when: 'year 2024', area: '55.0%', region: '44.0%', england: '46.4%', neighbours: '47.9%', neighboursWithValue: 10 });
    const suppressed = measureRow(fixture([50, 'c', 52, 53, 54, 55]), COVENTRY, geo);
    expect(suppressed.neighbours).toBe('47.9%');
    const early = measureRow({ ...fixture([50, 51, 52, 53, 54, 55]), england: () => ({ label: 'England', points: points([58.0, 58.1, 59.9, 50.7, 50.3, null]) }) }, COVENTRY, geo);
    expect(early.when).toBe('year 2023');
  });

  it('has a compare row and a download column', () => {
    const m = fixture([50, 51, 52, 53, 54, 55]);
    const c = compareData(geo, [m]);
    expect(c.measures.map((x) => x.id)).toEqual(['fixture-measure']);
    expect(c.measures[0]!.series.coventry!.at(-1)).toEqual(['2024', 55, '55.0%', '2024']);
    const d = keyMeasuresDownload([m]);
    expect(d.columns.map((x) => x.name).slice(-3)).toEqual(['fixture_measure', 'fixture_measure_period', 'fixture_measure_note']);
    const row = d.rows.find((r) => r.la_name === 'Coventry')!;
    expect(row.fixture_measure).toEqual({ kind: 'value', value: 55 });
    expect(row.fixture_measure_period).toBe('year 2024');
  });

  it('writes a symbol as its EES symbol in its own source’s meaning, the source’s kept in the note', () => {
    const m = { ...fixture([50, 51, 52, 53, 54, '-']), sourceIds: ['lait-store'] };
    const d = keyMeasuresDownload([m]);
    const csv = serialise(d.columns, d.rows, { sourceIds: [] }).csv;
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
    const cov = rows.find((r) => r.la_name === 'Coventry')!;
    expect(cov.fixture_measure).toBe('x');
    expect(cov.fixture_measure_note).toMatch(/^published as “-”/);
  });
});

describe('the real entry: pupils on SEN support', () => {
  const published = Papa.parse<Record<string, string>>(readFileSync('public/data/sen-prevalence.csv', 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
  const at = (code: string, year: string) => published.find((r) => (r.old_la_code === code || (r.geographic_level === 'National' && code === 'england')) && r.time_period === year)!;

  it('is one entry in MEASURES, with a section and a key fact', () => {
    expect(MEASURES).toContain(senSupportShare);
    expect(BENCHMARK_MEASURES).toContain(senSupportShare);
    expect(sectionMeasures('sen-prevalence')).toEqual([senSupportShare]);
  });

  it('gives every area a key fact with the published figure', () => {
    for (const slug of ['coventry', 'warwickshire', 'north-yorkshire']) {
      const a = area(slug);
      const fact = keyFacts(geo, a).facts.find((f) => f.id === 'sen-support-share')!;
      const row = at(a.laCode, '2025');
      expect(fact.value).toBe(`${Number(row.sen_support_pc).toFixed(1)}% in January 2025`);
      expect(fact.details[0]).toBe(`England ${Number(at('england', '2025').sen_support_pc).toFixed(1)}%, region ${published.find((r) => r.geographic_level === 'Regional' && r.region_code === a.regionCode && r.time_period === '2025')!.sen_support_pc}%.`);
    }
  });

  it('is a column of /data/key-measures.csv with the published figure for every area', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync('public/data/key-measures.csv', 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const col = measureColumn(senSupportShare);
    expect(col).toBe('sen_support_share');
    const areas = rows.filter((r) => r.geographic_level === 'Local authority');
    expect(areas).toHaveLength(153);
    for (const r of areas) {
      const p = at(r.old_la_code!, '2025');
      expect(r[col], r.la_name).toBe(p.sen_support_pc);
      expect(r[`${col}_period`]).toBe('January 2025');
    }
  });
});
