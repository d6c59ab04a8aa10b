/**
 * Dates in the `release` text of a source in data/sources.json (the manifest has no separate
 * date field): "2026-07-27", "17 November 2022", "June 2025". One reader for the /data/ page's
 * release list and the chart source lines (src/read/source-lines.ts).
 */

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
  if (dmy) return dmyIso(dmy);
  const my = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (my) return `${my[2]}-${pad(MONTHS.indexOf(my[1]!.toLowerCase()) + 1)}`;
  return null;
}

/** Every "D Month YYYY" date in a text, as ISO "YYYY-MM-DD", oldest first. */
export function datesIn(text: string): string[] {
  return [...text.matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{4})\\b`, 'gi'))].map(dmyIso).sort();
}

function dmyIso(m: RegExpExecArray | RegExpMatchArray): string {
  return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
