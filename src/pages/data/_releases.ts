/**
 * Release dates and the "What changed" list for /data/, derived from the
 * `release` text of each source in data/sources.json (the manifest has no
 * separate date field). Nothing here is typed by hand: every date is read from
 * the manifest text. A release with no date in its text is listed last and
 * says so.
 */
import { releaseDate } from '../../lib/release-date.ts';
import type { Source } from '../../lib/sources.ts';

export { releaseDate };

export interface Release {
  publisher: string;
  publication: string;
  release: string;
  /** ISO date or month, or null when the release text gives none. */
  date: string | null;
  url: string;
  sources: Source[];
}

/** One entry per publication + release, newest first; undated last (by publication name). */
export function releasesOf(sources: readonly Source[]): Release[] {
  const byKey = new Map<string, Release>();
  for (const s of sources) {
    const key = `${s.publisher}\u0000${s.publication}\u0000${s.release}`;
    const r = byKey.get(key) ?? { publisher: s.publisher, publication: s.publication, release: s.release, date: releaseDate(s.release), url: s.url, sources: [] };
    r.sources.push(s);
    byKey.set(key, r);
  }
  // "2025-06" sorts before "2025-06-30" as a string, which is what we want for newest first
  // only if a month stands for its start; compare padded so a month counts as its 1st day.
  const sortKey = (d: string | null) => (d === null ? '' : d.length === 7 ? `${d}-01` : d);
  return [...byKey.values()].sort((a, b) => {
    if (a.date === null && b.date === null) return a.publication.localeCompare(b.publication);
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return sortKey(b.date).localeCompare(sortKey(a.date)) || a.publication.localeCompare(b.publication);
  });
}

/** What a release changed on the site, by source id: figures added and figures revised (from what, to what). */
export type ReleaseNotes = Record<string, string[]>;

/** The notes of every source in a release, in order, without repeats. */
export function notesFor(release: Release, notes: ReleaseNotes): string[] {
  return [...new Set(release.sources.flatMap((s) => notes[s.id] ?? []))];
}

export interface TribunalReleaseFacts {
  breakYear: number;
  latestYear: number;
  old: string;
  latest: string;
  revised: { year: number; areas: number; england: { from: number; to: number } };
}

/** "What changed" notes for the two releases of the tribunal table, from the pipeline's figures. */
export function tribunalReleaseNotes(t: TribunalReleaseFacts, fmtPc: (n: number) => string): ReleaseNotes {
  const { year, areas, england } = t.revised;
  return {
    'tribunal-appeals-2026': [
      `Added SEND Tribunal appeal rates for ${t.latestYear}, for every area and England.`,
      `Revised the ${year} appeal rates of England (from ${fmtPc(england.from)} to ${fmtPc(england.to)}) and of ${areas} areas: appealable decisions now count the annual reviews completed in the year instead of the EHC plans held in January, so rates from ${t.breakYear} are not comparable with earlier years. Charts show both ${year} figures with the break marked.`,
      `The ${t.old} figures for ${year} stay in tribunals.csv, labelled "Superseded by the ${t.latest} release".`,
    ],
    'tribunal-appeals': [`Its ${year} appeal rates (old method) were revised by the ${t.latest} release; they are kept in tribunals.csv and beside the new figures on each area’s page.`],
  };
}
