/**
 * Source lines and releases, defined once (src/read/source-lines.ts): each line names the
 * publishers its manifest entries give, its release words come from the manifest, and no other
 * file under src/ types a line or a publication title again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireGenerated } from '../helpers.ts';
import { codeFiles, ROOT } from '../architecture/imports.ts';

requireGenerated(['geography', 'catalogue', 'tribunal']);

const HOME = 'src/read/source-lines.ts';

const { PUBLISHER_SHORT, SOURCE_LINES, TRIBUNAL_RELEASES, tribunalRelease, inspectionsRelease } = await import('../../src/read/source-lines.ts');
const { manifestSource } = await import('../../src/read/site.ts');
const { tribunalExtras } = await import('../../src/read/send-data.ts');

const plain = (s: string) => s.replace(/&/g, 'and');

/**
 * The organisations a manifest publisher names: "Department for Education with HM Courts &
 * Tribunals Service" → both; "Ofsted and CQC (summarised by Data to Insight)" → "Ofsted and CQC"
 * and "Data to Insight". A bracket that is not "compiled/summarised by …" (e.g. a parent body) is not required.
 */
function organisations(publisher: string): string[] {
  const by = [...publisher.matchAll(/\((?:compiled|summarised) by ([^)]+)\)/g)].map((m) => m[1]!);
  const main = publisher.replace(/\s*\([^)]*\)/g, '').trim().split(' with ');
  return [...main, ...by].map(plain);
}

/** The organisations of these publishers that a line does not name (in full or by its short name). */
function missingPublishers(line: string, publishers: readonly string[]): string[] {
  const text = plain(line);
  return [...new Set(publishers.flatMap(organisations))].filter((o) => !text.includes(o) && !(PUBLISHER_SHORT[o] && new RegExp(`\\b${PUBLISHER_SHORT[o]}\\b`).test(text)));
}

describe('each source line names its manifest publishers', () => {
  const entries = Object.entries(SOURCE_LINES);

  it('covers every line, each crediting sources that are in data/sources.json', () => {
    expect(entries.length).toBeGreaterThanOrEqual(14);
    for (const [, e] of entries) for (const id of e.ids) expect(() => manifestSource(id), id).not.toThrow();
  });

  it.each(entries)('%s', (_, e) => {
    expect(missingPublishers(e.source, e.ids.map((id) => manifestSource(id).publisher))).toEqual([]);
    expect(e.source).toContain(e.title);
  });

  it('rejects a line that leaves out a publisher or the body that compiled the data', () => {
    expect(missingPublishers('Department for Education, Area SEND inspections', ['Ofsted and CQC'])).toEqual(['Ofsted and CQC']);
    expect(missingPublishers('DfE, Pupil absence in schools in England', ['Department for Education (compiled by Data to Insight)'])).toEqual(['Data to Insight']);
    expect(missingPublishers('Department for Education, SEND Tribunal appeal rate table', ['Department for Education with HM Courts & Tribunals Service'])).toEqual([
      'HM Courts and Tribunals Service',
    ]);
    // "DfE" must be the word, not letters inside another one.
    expect(missingPublishers('NotDfEx, Pupil absence', ['Department for Education'])).toEqual(['Department for Education']);
  });
});

describe('releases come from the manifest', () => {
  it('the tribunal releases are the months data/sources.json gives, the same the tribunal dataset labels its rows with', () => {
    expect(TRIBUNAL_RELEASES).toEqual({ old: tribunalExtras.releases.old, latest: tribunalExtras.releases.latest });
    expect(tribunalRelease(2014, 2024, 2025)).toBe(`${tribunalExtras.releases.old} release for 2014 to 2024 (old method) and ${tribunalExtras.releases.latest} release for 2024 to 2025 (new method)`);
  });

  it('dated releases read their dates from the manifest text', () => {
    expect(SOURCE_LINES.money.release).toBe('allocation tables of 18 November 2021, 18 July 2022 and 20 July 2023');
    expect(manifestSource('dsg-allocations').release).toMatch(/20 July 2023.*18 July 2022.*18 November 2021/);
    expect(SOURCE_LINES.deficit.release).toBe('finance data of January 2024, years 2019-20 to 2021-22');
    expect(SOURCE_LINES.sen2.release).toBe('June 2025 release, with the 2022 and 2023 releases for earlier years');
    expect(inspectionsRelease('2026-06-29')).toBe('inspections published to 29 June 2026');
    expect(SOURCE_LINES.neet.release).toBe('2022 to 2025 files');
    expect(SOURCE_LINES.inspections.source).toContain('; reports since 2023 as summarised by Data to Insight');
  });
});

// ------------------------------------------------------------------ no second copy

/**
 * Places that still type a title, each with why. Keyed "file -> text"; a new copy anywhere else
 * fails, and an entry here fails once its file no longer has the text (remove it then).
 */
const KNOWN_COPIES = new Set([
  // Release lines inside the absence chart builders, which another branch is rewriting: use SOURCE_LINES.absenceSen.title / .suspensions.title.
  'src/charts/absence.ts -> Pupil absence in schools in England',
  'src/charts/absence.ts -> Suspensions and permanent exclusions in England',
  // Download metadata written by dataset modules, which may not import src/read (test/architecture/layering.test.ts).
  'src/datasets/outcomes.ts -> Local Authority Interactive Tool (LAIT)',
  'src/datasets/outcomes.ts -> Local Authority Interactive Tool',
  'src/datasets/sen-prevalence.ts -> Local Authority Interactive Tool (LAIT)',
  'src/datasets/sen-prevalence.ts -> Local Authority Interactive Tool',
  'src/datasets/tribunal.ts -> Education, health and care plans',
]);


/** Every line and title of SOURCE_LINES, longest first. */
const NEEDLES = [...new Set(Object.values(SOURCE_LINES).flatMap((e) => [e.source, e.title]))].sort((a, b) => b.length - a.length);

/** "file:line: text" for each line of a file that types a source line or title (comment lines aside). */
function copies(file: string, text: string): { where: string; needle: string }[] {
  return text.split('\n').flatMap((line, i) => {
    if (/^\s*(\*|\/\/|\/\*)/.test(line)) return [];
    return NEEDLES.filter((n) => line.includes(n)).map((needle) => ({ where: `${file}:${i + 1}`, needle }));
  });
}

describe('no file under src/ other than source-lines.ts types a source line or publication title', () => {
  const found = codeFiles('src')
    .filter((f) => f !== HOME)
    .flatMap((f) => copies(f, readFileSync(path.join(ROOT, f), 'utf8')));

  it('finds a re-typed line or title, and skips comments', () => {
    const text = [
      '/** Charts cite DfE, Suspensions and permanent exclusions in England, compiled by Data to Insight. */',
      `const SRC = '${SOURCE_LINES.suspensions.source}';`,
      `const T = \`${SOURCE_LINES.money.title}, \${year}\`;`,
    ].join('\n');
    expect(copies('src/charts/virtual.ts', text).map((c) => `${c.where} ${c.needle}`)).toEqual([
      `src/charts/virtual.ts:2 ${SOURCE_LINES.suspensions.source}`,
      `src/charts/virtual.ts:2 ${SOURCE_LINES.suspensions.title}`,
      `src/charts/virtual.ts:3 ${SOURCE_LINES.money.title}`,
    ]);
  });

  it('has no copy outside the known list', () => {
    const unknown = found.filter((c) => !KNOWN_COPIES.has(`${c.where.replace(/:\d+$/, '')} -> ${c.needle}`));
    expect(unknown.map((c) => `${c.where}: "${c.needle}" (use src/read/source-lines.ts)`)).toEqual([]);
  });

  it('every known copy still exists (remove it from the list once re-pointed)', () => {
    const present = new Set(found.map((c) => `${c.where.replace(/:\d+$/, '')} -> ${c.needle}`));
    expect([...KNOWN_COPIES].filter((k) => !present.has(k))).toEqual([]);
  });

  it('scans the source tree', () => {
    expect(codeFiles('src').length).toBeGreaterThan(100);
  });
});
