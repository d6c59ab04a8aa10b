/**
 * Every chart source line and release, defined once, built from data/sources.json (each source's
 * publisher, publication, title and release text) wherever the manifest has the words. Charts,
 * read models and facts import them from here; nothing else under src/ types a source line or a
 * publication title (test/unit/source-lines.test.ts checks both, and that each line names the
 * publishers of the sources it credits).
 *
 * Where a line's wording is not the manifest's, the words are typed here, once, and the comment
 * says how they differ. The manifest is not changed to match: its wording is shown as it is on
 * /data/ and in every download's metadata.
 */
import { formatDate, formatMonth, listInProse } from '../lib/format.ts';
import { datesIn, releaseDate } from '../lib/release-date.ts';
import { NEET_SOURCES } from '../datasets/outcomes.ts';
import { manifestSource, sourceDate, sourceLine } from './site.ts';

export interface SourceLine {
  /** The sources (ids in data/sources.json) the line credits. */
  readonly ids: readonly string[];
  /** The line as a chart prints it: "Publisher, Publication …". */
  readonly source: string;
  /** The publication as the line names it: typed nowhere else under src/. */
  readonly title: string;
  /** The release as a chart prints it, where it does not depend on the data. */
  readonly release?: string;
}

/** The short names a line may give a publisher. */
export const PUBLISHER_SHORT: Readonly<Record<string, string>> = { 'Department for Education': 'DfE' };

const publisher = (id: string): string => manifestSource(id).publisher;
const publication = (id: string): string => manifestSource(id).publication;
const withoutBrackets = (s: string): string => s.replace(/\s*\([^)]*\)/g, '').trim();
/** "Education and Skills Funding Agency (Department for Education)" → "Education and Skills Funding Agency". */
const organisation = (id: string): string => withoutBrackets(publisher(id));
const short = (name: string): string => PUBLISHER_SHORT[name] ?? name;

/** A part of a manifest field the line needs; the build stops, naming the source and field, if it is not there. */
function part(id: string, field: 'publisher' | 'publication' | 'title' | 'release', re: RegExp): string {
  const m = re.exec(manifestSource(id)[field]);
  if (!m?.[1]) throw new Error(`data/sources.json: the ${field} of ${id} does not match ${re} (needed for its chart source line)`);
  return m[1];
}

/** Who compiled or summarised a source: "Department for Education (compiled by Data to Insight)" → "compiled by Data to Insight". */
const intermediary = (id: string): string => part(id, 'publisher', /\(((?:compiled|summarised) by [^)]+)\)/);

/** The month of a release (its publication date where it gives one): "Reporting year 2025 (published June 2025)" → "June 2025". */
function releaseMonth(id: string): string {
  const d = releaseDate(manifestSource(id).release);
  if (!d) throw new Error(`data/sources.json: the release of ${id} has no date`);
  return formatMonth(d);
}

/** The publications of the compiled absence table, in the manifest's order: absence, suspensions, attendance. */
const [ABSENCE, SUSPENSIONS] = publication('absence-sen-status').split('; ') as [string, string];
const LAIT = publication('lait-store');
/** "Register of local authorities (current and terminated)" → "register of local authorities". */
const REGISTER = withoutBrackets(manifestSource('geo-las').title).replace(/^R/, 'r');
/** Tribunal: plain "and" for the manifest's "with" and "&" (GOV.UK style). */
const TRIBUNAL_PUBLISHER = publisher('tribunal-appeals').replace(' with ', ' and ').replace(' & ', ' and ');

/** The month the latest EHC plans (SEN2) release was published ("June 2025"). */
export const SEN2_PUBLISHED = releaseMonth('ehcp-2025-caseload');

export const SOURCE_LINES = {
  /** LAIT data store (EHC plans by age, outcomes, spending). */
  lait: {
    ids: ['lait-store'],
    source: sourceLine('lait-store'),
    title: LAIT,
    release: `data store, ${formatMonth(sourceDate('lait-store'))}`,
  },
  /** SEN2: the EHC plans publication, latest release and the older releases for earlier years. */
  sen2: {
    ids: ['ehcp-2025-caseload', 'ehcp-2022-mi', 'ehcp-2023-mi'],
    source: `${sourceLine('ehcp-2025-caseload')} (SEN2)`,
    title: publication('ehcp-2025-caseload'),
    release: `${SEN2_PUBLISHED} release, with the ${part('ehcp-2022-mi', 'release', /Reporting year (\d{4})/)} and ${part('ehcp-2023-mi', 'release', /Reporting year (\d{4})/)} releases for earlier years`,
  },
  /** DSG allocations. The manifest's publication is "… allocation tables"; the line says "… allocations". */
  money: {
    ids: ['dsg-allocations'],
    source: `${organisation('dsg-allocations')}, Dedicated schools grant (DSG) allocations`,
    title: 'Dedicated schools grant (DSG) allocations',
    release: `allocation tables of ${listInProse(datesIn(manifestSource('dsg-allocations').release).map(formatDate))}`,
  },
  /** DSG deficit. The manifest's publication is "SEND and AP Inclusion Dashboard (prototype), finance data"; the line says what the measure is. */
  deficit: {
    ids: ['dsg-deficit'],
    source: `${publisher('dsg-deficit')}, SEND and AP Inclusion Dashboard (DSG deficit derived from section 251 outturn)`,
    title: 'SEND and AP Inclusion Dashboard',
    release: `finance data of ${releaseMonth('dsg-deficit')}, years ${part('dsg-deficit', 'title', /(\d{4}-\d{2} to \d{4}-\d{2})$/)}`,
  },
  /** SEN prevalence (school census via LAIT). The line leaves out the manifest's "(LAIT)". */
  prevalence: {
    ids: ['sen-census-prevalence'],
    source: sourceLine('sen-census-prevalence').replace(/ \(LAIT\)$/, ''),
    title: part('sen-census-prevalence', 'publication', /^(.*?), via /),
    release: `${part('sen-census-prevalence', 'release', /(\w+ \d{4} to \w+ \d{4})$/)} census`,
  },
  /** Section 251 spending, from the LAIT data store. */
  spend: {
    ids: ['lait-store'],
    source: `${publisher('lait-store')}, ${withoutBrackets(LAIT)} (section 251 outturn)`,
    title: withoutBrackets(LAIT),
  },
  /** All-pupil absence from LAIT. */
  absenceLait: {
    ids: ['lait-store'],
    source: `${short(organisation('lait-store'))}, ${ABSENCE}, via the ${LAIT}`,
    title: ABSENCE,
  },
  /** Absence bands. The manifest's publication is "Pupil absence in schools in England (absence distributions dashboard)". */
  absenceBands: {
    ids: ['absence-bands'],
    source: `${short(organisation('absence-bands'))}, Pupil absence distributions in schools in England`,
    title: 'Pupil absence distributions in schools in England',
  },
  /** Absence by SEN status, compiled by Data to Insight. */
  absenceSen: {
    ids: ['absence-sen-status'],
    source: `${short(organisation('absence-sen-status'))}, ${ABSENCE}, ${intermediary('absence-sen-status')}`,
    title: ABSENCE,
  },
  /** Suspensions by SEN status, compiled by Data to Insight. */
  suspensions: {
    ids: ['absence-sen-status'],
    source: `${short(organisation('absence-sen-status'))}, ${SUSPENSIONS}, ${intermediary('absence-sen-status')}`,
    title: SUSPENSIONS,
  },
  /** NEET at 16 to 17 (every year's file has the same publisher and publication). */
  neet: {
    ids: NEET_SOURCES,
    source: sourceLine(NEET_SOURCES.at(-1)!),
    title: publication(NEET_SOURCES.at(-1)!),
    release: `${part(NEET_SOURCES[0]!, 'release', /Time period (\d{4})/)} to ${part(NEET_SOURCES.at(-1)!, 'release', /Time period (\d{4})/)} files`,
  },
  /** SEND Tribunal appeal rates. The manifest names the table's publication ("Education, health and care plans (supporting file)"); the line names the table first. */
  tribunal: {
    ids: ['tribunal-appeals', 'tribunal-appeals-2026'],
    source: `${TRIBUNAL_PUBLISHER}, SEND Tribunal appeal rate table (${withoutBrackets(publication('tribunal-appeals'))})`,
    title: 'SEND Tribunal appeal rate table',
  },
  /** Area SEND inspections: Ofsted's statistics to August 2022, then the reports as Data to Insight summarises them. */
  inspections: {
    ids: ['insp-first-cycle', 'insp-2023-framework', 'insp-ofsted-2022'],
    source: `${publisher('insp-first-cycle')} area SEND inspections: ${publisher('insp-ofsted-2022')} official statistics to ${part('insp-ofsted-2022', 'publication', /as at (\d{1,2} \w+ \d{4})/)}; reports since ${part('insp-2023-framework', 'title', /from \w+ (\d{4})$/)} as ${intermediary('insp-2023-framework')}`,
    title: `${publisher('insp-first-cycle')} area SEND inspections`,
  },
  /** DfE's register of local authorities. */
  register: {
    ids: ['geo-las', 'geo-regions'],
    source: `${publisher('geo-las')}, ${REGISTER}`,
    title: REGISTER,
    release: `register of ${formatDate(sourceDate('geo-las'))}`,
  },
} as const satisfies Record<string, SourceLine>;

/** The two releases of the tribunal table, by the month each was published ("June 2025", "June 2026"). */
export const TRIBUNAL_RELEASES = { old: releaseMonth('tribunal-appeals'), latest: releaseMonth('tribunal-appeals-2026') };

/** The tribunal release line: which release each stretch of years comes from, and its method. */
export const tribunalRelease = (first: number, breakYear: number, last: number): string =>
  `${TRIBUNAL_RELEASES.old} release for ${first} to ${breakYear} (old method) and ${TRIBUNAL_RELEASES.latest} release for ${breakYear} to ${last} (new method)`;

/** The inspections release line: the registers run to their latest publication date. */
export const inspectionsRelease = (referenceDate: string): string => `inspections published to ${formatDate(referenceDate)}`;
