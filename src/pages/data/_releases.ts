/**
 * Release dates and the "What changed" list for /data/, derived from the
 * `release` text of each source in data/sources.json (the manifest has no
 * separate date field). Nothing here is typed by hand: every date is read from
 * the manifest text. A release with no date in its text is listed last and
 * says so.
 */
import type { Source } from '../../lib/sources.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = MONTHS.join('|');

/**
 * The date in a release text, as ISO "YYYY-MM-DD" or "YYYY-MM" (month only),
 * or null. Prefers a date after "published"/"Published" (the release date),
 * then a full ISO date, then "D Month YYYY", then "Month YYYY".
 */
export function releaseDate(release: string): string | null {
  const pub = /published\s+([^;)]+)/i.exec(release);
  if (pub) {
    const d = dateIn(pub[1]!);
    if (d) return d;
  }
  return dateIn(release);
}

function dateIn(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (dmy) return `${dmy[3]}-${pad(MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1)}-${pad(Number(dmy[1]))}`;
  const my = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (my) return `${my[2]}-${pad(MONTHS.indexOf(my[1]!.toLowerCase()) + 1)}`;
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

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
