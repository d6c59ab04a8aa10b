/**
 * The words the site uses for places and periods, in one place (GOV.UK style):
 * council types with the right article, region names with "the" where English
 * needs it, measure names in a sentence, and the two ways of writing a year.
 * Imports nothing above src/lib.
 */

/** Regions named without "the": "in London", "in Yorkshire and The Humber". */
const NO_ARTICLE = /^(London|Yorkshire)/;

/** "the West Midlands", "the South West", "London", "Yorkshire and The Humber". */
export function theRegion(name: string): string {
  return NO_ARTICLE.test(name) ? name : `the ${name}`;
}

/** "in the West Midlands", "in London". */
export function inRegion(name: string): string {
  return `in ${theRegion(name)}`;
}

/** "The West Midlands" at the start of a sentence. */
export function theRegionCapitalised(name: string): string {
  const s = theRegion(name);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a" or "an" by the sound of the next word (unitary = "yoo", so "a unitary"). */
export function article(word: string): 'a' | 'an' {
  const w = word.trim().toLowerCase();
  if (/^(uni|use|usu|eu|one|once)/.test(w)) return 'a';
  if (/^(hour|honest|honour)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** A council type in running text: "county council", "London borough" (proper nouns keep their capital). */
function typeInProse(laType: string): string {
  return laType.toLowerCase().replace(/\blondon\b/g, 'London');
}

/**
 * What kind of council an area is, with its article, for "<name> is …":
 * "a unitary authority", "a county council", "a London borough". The City of London
 * is not a London borough: it is run by the City of London Corporation.
 */
export function councilType(area: { name: string; laType: string }): string {
  if (area.name === 'City of London') return 'a local authority area of its own, run by the City of London Corporation,';
  if (area.name === 'Isles of Scilly') return 'a unitary authority (the Council of the Isles of Scilly)';
  const t = typeInProse(area.laType);
  return `${article(t)} ${t}`;
}

/** A measure's name inside a sentence: first letter lower-cased only when it is an ordinary word ("EHC plans…" stays). */
export function measureInSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) && !/^(England|January|English)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** Academic year: "2024/25" (from "202425", "2024/25", "2024-25" or 2024). */
export function academicYear(p: string | number): string {
  return formatYearPair(p, '/');
}

/** Financial year: "2024-25". */
export function financialYear(p: string | number): string {
  return formatYearPair(p, '-');
}

function formatYearPair(p: string | number, sep: '/' | '-'): string {
  const s = String(p).trim();
  let m = /^(\d{4})(\d{2})$/.exec(s) ?? /^(\d{4})[/-](\d{2})$/.exec(s);
  if (m) return `${m[1]}${sep}${m[2]}`;
  m = /^(\d{4})[/-](\d{4})$/.exec(s);
  if (m) return `${m[1]}${sep}${m[2]!.slice(2)}`;
  if (/^\d{4}$/.test(s)) return `${s}${sep}${String((Number(s) + 1) % 100).padStart(2, '0')}`;
  throw new Error(`not a year or pair of years: "${s}"`);
}
