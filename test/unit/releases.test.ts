/** /data/ page helpers: release dates read from the manifest's release text, and the "What changed" order. */
import { describe, expect, it } from 'vitest';
import { releaseDate, releasesOf } from '../../src/pages/data/_releases.ts';
import type { Source } from '../../src/lib/sources.ts';

describe('releaseDate', () => {
  it('reads ISO dates, "D Month YYYY" and "Month YYYY", preferring the date after "published"', () => {
    expect(releaseDate('las.csv at commit bcc7ca5 (2026-07-27)')).toBe('2026-07-27');
    expect(releaseDate('Published 17 November 2022; compiled table')).toBe('2022-11-17');
    expect(releaseDate('Reporting year 2025 (published June 2025)')).toBe('2025-06');
    expect(releaseDate('Reporting year 2022 (amended files, 27 March 2023)')).toBe('2023-03-27');
    expect(releaseDate('May 2025 set (sn_may_2025.xlsx, converted to CSV)')).toBe('2025-05');
    expect(releaseDate('Summary dated 29 June 2026; compiled table')).toBe('2026-06-29');
  });
  it('gives null, not a guess, when the text has no date', () => {
    expect(releaseDate('Reporting year 2023')).toBeNull();
    expect(releaseDate('Data store as published with the LAIT application')).toBeNull();
  });
});

describe('releasesOf', () => {
  const src = (id: string, publication: string, release: string): Source => ({
    id, path: `${id}.csv`, title: id, publisher: 'DfE', publication, release, url: 'https://www.gov.uk/', licence: 'OGL', licenceUrl: '', attribution: 'x', bytes: 1, sha256: '0'.repeat(64),
  });
  it('groups files of one release, sorts newest first (a month counts as its first day) and lists undated releases last', () => {
    const r = releasesOf([
      src('a1', 'EHC plans', 'Reporting year 2025 (published June 2025)'),
      src('old', 'Inspections', 'Published 17 November 2022'),
      src('undated', 'LAIT', 'Data store as published with the LAIT application'),
      src('a2', 'EHC plans', 'Reporting year 2025 (published June 2025)'),
      src('late-june', 'Absence', 'Dashboard data file (2025-06-30)'),
    ]);
    expect(r.map((x) => x.sources.map((s) => s.id).join('+'))).toEqual(['late-june', 'a1+a2', 'old', 'undated']);
    expect(r.map((x) => x.date)).toEqual(['2025-06-30', '2025-06', '2022-11-17', null]);
  });
});
