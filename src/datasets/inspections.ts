/**
 * Local area SEND inspections dataset: parse → validate → derive.
 *
 * Sources (data/sources.json):
 * - insp-first-cycle: compiled register of the first framework (2016–2022), one row per area as it then was (151).
 * - insp-2023-framework: compiled register of full inspections under the framework from January 2023.
 * - insp-ofsted-2022: Ofsted's own main table as at 31 August 2022 (149 areas). The build checks that
 *   the compiled first-cycle register agrees with it, row by row.
 *
 * Every inspection, revisit and 2023-framework inspection becomes one typed event, joined to today's
 * 153 areas through the code history (a split area's successors inherit its first-cycle inspection and
 * say so). Derived figures are computed here, never typed.
 */
import { readCsv, DataError, type CsvRow } from '../lib/csv.ts';
import { EES_GEOGRAPHY_COLUMNS, laGeography, type Column, type Download } from '../lib/downloads.ts';
import { formatMonth } from '../lib/format.ts';
import type { Area, GeographyIndex } from '../lib/geography.ts';
import {
  academicYear,
  eventDate,
  isIsoDate,
  LATEST_LABELS,
  nextInspection,
  OUTCOME_LABELS,
  PROGRESS_LABELS,
  STATED_NEXT,
  type InspectionEvent,
  type LatestClass,
  type NextInspection,
  type Outcome,
  type RevisitProgress,
  type SourceKind,
} from '../lib/inspections.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';

// ---------------------------------------------------------------- first framework register

export const FIRST_CYCLE_COLUMNS = [
  'la_code_old',
  'la_name',
  'inspection_start',
  'publication_date',
  'wsoa_required',
  'revisit_date',
  'revisit_outcome',
  'source',
  'la_code_ons',
  'ofsted_urn',
  'ofsted_region',
  'n_significant_weaknesses',
  'revisit_publication_date',
  'revisit_date_approx',
  'n_sw_sufficient_progress',
  'n_sw_insufficient_progress',
  'revisit_source',
  'notes',
] as const;

/** Ofsted's own revisit codes in the register, and "not revisited" (no revisit published). */
const REVISIT_CODES: Record<string, RevisitProgress | 'not revisited'> = {
  Yes: 'all',
  Some: 'some',
  No: 'none',
  'not revisited as at 31 Aug 2022': 'not revisited',
};

/** The end of the period Ofsted's official statistics cover. Revisits after it come from other pages. */
export const OFSTED_STATS_DATE = '2022-08-31';

/**
 * Old Dorset (the county council area before April 2019) has no DfE code in the register: its
 * pre-2019 DfE code was 835 (see geo/la_code_history.csv). This is the only row allowed a blank code,
 * recognised by its name.
 */
const OLD_DORSET_NAME = /^Dorset \(pre-April-2019 county area\)$/;
const OLD_DORSET_CODE = '835';

/**
 * Which of a predecessor's successors inherit its first-cycle record. By default all of them
 * (Northamptonshire → North and West Northamptonshire; Cumbria → Cumberland, Westmorland and Furness).
 * Old Dorset (835) was succeeded by Dorset (838) and, for Christchurch only, by BCP (839); BCP had its
 * own first-cycle inspection, so only Dorset inherits old Dorset's record.
 */
const INHERIT_ONLY: Record<string, string[]> = { [OLD_DORSET_CODE]: ['838'] };

export interface FirstCycleRow {
  line: number;
  /** Ofsted's unique reference number for the local authority: its page on reports.ofsted.gov.uk holds the letters. */
  urn?: string | null;
  laCode: string;
  onsCode: string | null;
  name: string;
  start: string;
  publication: string;
  wsoa: boolean;
  weaknesses: number | null;
  revisit: RevisitProgress | 'not revisited' | null;
  revisitStart: string | null;
  revisitMonth: string | null;
  revisitPublication: string | null;
  sufficient: number | null;
  insufficient: number | null;
  source: string;
  revisitSource: string | null;
  notes: string;
  /** The row is in Ofsted's main table (not only in its notes). */
  inOfstedMainTable: boolean;
}

function optionalDate(r: CsvRow, column: string): string | null {
  const s = r.get(column).trim();
  if (s === '') return null;
  if (!isIsoDate(s)) throw r.error(column, `"${s}" is not a date in the form YYYY-MM-DD`);
  return s;
}

function requiredDate(r: CsvRow, column: string): string {
  const s = optionalDate(r, column);
  if (s === null) throw r.error(column, 'blank cell where a date is required');
  return s;
}

function optionalCount(r: CsvRow, column: string): number | null {
  const c = r.cell(column, { symbols: [] });
  if (c.kind === 'blank') return null;
  if (c.kind !== 'value' || !Number.isInteger(c.value) || c.value < 0) throw r.error(column, `"${r.get(column)}" is not a whole number`);
  return c.value;
}

export async function parseFirstCycle(path: string, displayName?: string): Promise<FirstCycleRow[]> {
  const rows = await readCsv(path, { columns: FIRST_CYCLE_COLUMNS, ...(displayName ? { displayName } : {}) });
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const name = r.text('la_name');
    let laCode = r.get('la_code_old').trim();
    if (laCode === '') {
      if (!OLD_DORSET_NAME.test(name)) throw r.error('la_code_old', 'blank area code (only old Dorset may have one)');
      laCode = OLD_DORSET_CODE; // explicit rule: see OLD_DORSET_NAME
    }
    if (!/^\d{3}$/.test(laCode)) throw r.error('la_code_old', `"${laCode}" is not a 3-digit DfE code`);
    const dup = seen.get(laCode);
    if (dup !== undefined) throw r.error('la_code_old', `${laCode} already appears on line ${dup}`);
    seen.set(laCode, r.line);

    const start = requiredDate(r, 'inspection_start');
    const publication = requiredDate(r, 'publication_date');
    if (publication < start) throw r.error('publication_date', `published ${publication}, before the inspection started (${start})`);

    const w = r.text('wsoa_required');
    if (w !== 'true' && w !== 'false') throw r.error('wsoa_required', `"${w}" is not true or false`);
    const wsoa = w === 'true';
    const weaknesses = optionalCount(r, 'n_significant_weaknesses');

    const rawRevisit = r.get('revisit_outcome').trim();
    let revisit: FirstCycleRow['revisit'] = null;
    if (rawRevisit !== '') {
      const code = REVISIT_CODES[rawRevisit];
      if (!code) throw r.error('revisit_outcome', `"${rawRevisit}" is not one of ${Object.keys(REVISIT_CODES).join(', ')}`);
      revisit = code;
    }
    if (!wsoa && revisit !== null) throw r.error('revisit_outcome', 'a revisit is recorded but no written statement of action was required');
    if (wsoa && revisit === null) throw r.error('revisit_outcome', 'a written statement of action was required but the revisit outcome is blank');
    if (!wsoa && weaknesses !== null) throw r.error('n_significant_weaknesses', 'weaknesses counted but no written statement of action was required');

    const revisitStart = optionalDate(r, 'revisit_date');
    const revisitPublication = optionalDate(r, 'revisit_publication_date');
    const approx = r.get('revisit_date_approx').trim();
    if (approx !== '' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(approx)) throw r.error('revisit_date_approx', `"${approx}" is not a month in the form YYYY-MM`);
    const revisitMonth = approx === '' ? null : approx;
    const sufficient = optionalCount(r, 'n_sw_sufficient_progress');
    const insufficient = optionalCount(r, 'n_sw_insufficient_progress');
    const revisited = revisit === 'all' || revisit === 'some' || revisit === 'none';
    if (!revisited && (revisitStart || revisitPublication || revisitMonth || sufficient !== null || insufficient !== null)) {
      throw r.error('revisit_outcome', 'revisit details are given but no revisit outcome');
    }
    if (revisitStart && revisitStart < start) throw r.error('revisit_date', `revisit ${revisitStart} is before the inspection started (${start})`);
    if (revisitStart && revisitStart < publication) throw r.error('revisit_date', `revisit ${revisitStart} is before the inspection was published (${publication})`);
    if (revisitMonth && revisitMonth < start.slice(0, 7)) throw r.error('revisit_date_approx', `revisit month ${revisitMonth} is before the inspection (${start})`);
    if (revisitPublication && revisitStart && revisitPublication < revisitStart) {
      throw r.error('revisit_publication_date', `published ${revisitPublication}, before the revisit started (${revisitStart})`);
    }
    if (revisitPublication && revisitPublication < publication) throw r.error('revisit_publication_date', `revisit published ${revisitPublication}, before the inspection was published (${publication})`);
    // Recompute the revisit outcome from the weakness counts where they are given.
    if (sufficient !== null && insufficient !== null) {
      if (weaknesses !== null && sufficient + insufficient !== weaknesses) {
        throw r.error('n_sw_sufficient_progress', `${sufficient} + ${insufficient} weaknesses at the revisit, but the statement of action had ${weaknesses}`);
      }
      const expected: RevisitProgress = insufficient === 0 ? 'all' : sufficient === 0 ? 'none' : 'some';
      if (revisit !== expected) throw r.error('revisit_outcome', `"${rawRevisit}" disagrees with ${sufficient} of ${sufficient + insufficient} weaknesses making sufficient progress`);
    }
    const source = r.text('source');
    const revisitSource = r.get('revisit_source').trim() || null;
    const onsCode = r.get('la_code_ons').trim() || null;
    if (onsCode !== null && !/^E\d{8}$/.test(onsCode)) throw r.error('la_code_ons', `"${onsCode}" is not an ONS code`);
    const urn = r.get('ofsted_urn').trim() || null;
    if (urn !== null && !/^\d+$/.test(urn)) throw r.error('ofsted_urn', `"${urn}" is not an Ofsted URN (digits only)`);
    return {
      line: r.line,
      urn,
      laCode,
      onsCode,
      name,
      start,
      publication,
      wsoa,
      weaknesses,
      revisit,
      revisitStart,
      revisitMonth,
      revisitPublication,
      sufficient,
      insufficient,
      source,
      revisitSource,
      notes: r.get('notes').trim(),
      // Rows from Ofsted's Notes sheet (old Dorset, Northamptonshire) say so in `source`.
      inOfstedMainTable: !/Notes sheet/.test(source),
    };
  });
}

// ---------------------------------------------------------------- 2023 framework register

export const NEW_FRAMEWORK_COLUMNS = [
  'la_code_old',
  'la_name',
  'inspection_start',
  'inspection_end',
  'publication_date',
  'outcome',
  'report_url',
  'source',
  'ltla23cd',
  'region_code',
  'next_inspection',
  'ofsted_mi_outcome',
  'flags',
  'notes',
  'outcome_text',
] as const;

export interface NewFrameworkRow {
  line: number;
  laCode: string;
  ltlaCode: string | null;
  name: string;
  start: string | null;
  end: string | null;
  publication: string;
  outcome: Outcome;
  reportUrl: string | null;
  source: string;
  regionCode: string | null;
  statedNext: string | null;
  confirmedByOfstedMi: boolean;
  flags: string[];
  notes: string;
  outcomeText: string | null;
}

/** D2I region codes → ONS region codes. */
const D2I_REGIONS: Record<string, string> = {
  NE: 'E12000001',
  NW: 'E12000002',
  YH: 'E12000003',
  EM: 'E12000004',
  WM: 'E12000005',
  E: 'E12000006',
  GL: 'E12000007',
  SE: 'E12000008',
  SW: 'E12000009',
};

export async function parseNewFramework(path: string, displayName?: string): Promise<NewFrameworkRow[]> {
  const rows = await readCsv(path, { columns: NEW_FRAMEWORK_COLUMNS, ...(displayName ? { displayName } : {}) });
  return rows.map((r) => {
    const laCode = r.text('la_code_old');
    if (!/^\d{3}$/.test(laCode)) throw r.error('la_code_old', `"${laCode}" is not a 3-digit DfE code`);
    const flags = r
      .get('flags')
      .split(';')
      .map((f) => f.trim())
      .filter(Boolean);
    const start = optionalDate(r, 'inspection_start');
    const end = optionalDate(r, 'inspection_end');
    const publication = requiredDate(r, 'publication_date');
    // A blank start date is allowed only where the register flags it as missing at source.
    if (start === null && !flags.includes('start_date_missing_in_D2I')) throw r.error('inspection_start', 'blank start date without the start_date_missing_in_D2I flag');
    if (start && end && end < start) throw r.error('inspection_end', `inspection ended ${end}, before it started (${start})`);
    if (start && publication < start) throw r.error('publication_date', `published ${publication}, before the inspection started (${start})`);
    if (end && publication < end) throw r.error('publication_date', `published ${publication}, before the inspection ended (${end})`);
    const rawOutcome = r.get('outcome').trim();
    if (!['1', '2', '3'].includes(rawOutcome)) throw r.error('outcome', `"${rawOutcome}" is not an outcome (1, 2 or 3)`);
    const outcome = Number(rawOutcome) as Outcome;
    const mi = r.get('ofsted_mi_outcome').trim();
    const statedNext = r.get('next_inspection').trim() || null;
    if (statedNext !== null && statedNext !== STATED_NEXT[outcome]) {
      throw r.error('next_inspection', `"${statedNext}" does not match outcome ${outcome} (expected "${STATED_NEXT[outcome]}")`);
    }
    const region = r.get('region_code').trim();
    // Medway's D2I region code is the literal text "NaN": the area's region comes from geography anyway.
    if (region !== 'NaN' && !D2I_REGIONS[region]) throw r.error('region_code', `"${region}" is not a region code`);
    const url = r.get('report_url').trim() || null;
    if (url !== null && !/^https:\/\//.test(url)) throw r.error('report_url', `"${url}" is not an https link`);
    const ltla = r.get('ltla23cd').trim() || null;
    return {
      line: r.line,
      laCode,
      ltlaCode: ltla,
      name: r.text('la_name'),
      start,
      end,
      publication,
      outcome,
      reportUrl: url,
      source: r.text('source'),
      regionCode: region === 'NaN' ? null : D2I_REGIONS[region]!,
      statedNext,
      confirmedByOfstedMi: mi !== '',
      flags,
      notes: r.get('notes').trim(),
      outcomeText: r.get('outcome_text').trim() || null,
    };
  });
}

// ---------------------------------------------------------------- Ofsted's own main table (check)

export const OFSTED_COLUMNS = [
  'Local authority code',
  'Area name',
  'Inspection start date',
  'Inspection publication date',
  'Inspection outcome: written statement of action required?',
  'Number significant weaknesses identified in written statement of action',
  'Revisit start date',
  'Revisit publication date',
  'Revisit outcome: sufficient progress in addressing all significant weaknesses?',
] as const;

export interface OfstedRow {
  line: number;
  onsCode: string;
  name: string;
  start: string;
  publication: string;
  wsoa: boolean;
  weaknesses: number | null;
  revisitStart: string | null;
  revisitPublication: string | null;
  revisit: RevisitProgress | 'not revisited' | null;
}

export async function parseOfstedTable(path: string, displayName?: string): Promise<OfstedRow[]> {
  const rows = await readCsv(path, { columns: OFSTED_COLUMNS, ...(displayName ? { displayName } : {}) });
  return rows.map((r) => {
    const w = r.text('Inspection outcome: written statement of action required?');
    if (w !== 'Yes' && w !== 'No') throw r.error('Inspection outcome: written statement of action required?', `"${w}" is not Yes or No`);
    const rs = r.get('Revisit start date').trim();
    const ro = r.get('Revisit outcome: sufficient progress in addressing all significant weaknesses?').trim();
    let revisit: OfstedRow['revisit'] = null;
    if (rs === 'Not revisited yet') revisit = 'not revisited';
    else if (ro !== '') {
      const code = REVISIT_CODES[ro];
      if (!code || code === 'not revisited') throw r.error('Revisit outcome: sufficient progress in addressing all significant weaknesses?', `"${ro}" is not Yes, Some or No`);
      revisit = code;
    }
    return {
      line: r.line,
      onsCode: r.text('Local authority code'),
      name: r.text('Area name'),
      start: requiredDate(r, 'Inspection start date'),
      publication: requiredDate(r, 'Inspection publication date'),
      wsoa: w === 'Yes',
      weaknesses: optionalCount(r, 'Number significant weaknesses identified in written statement of action'),
      revisitStart: rs === '' || rs === 'Not revisited yet' ? null : requiredDate(r, 'Revisit start date'),
      revisitPublication: optionalDate(r, 'Revisit publication date'),
      revisit,
    };
  });
}

/** Ofsted's headline figures as at 31 August 2022, recomputed from a list of its rows. */
export function ofstedTotals(rows: readonly Pick<OfstedRow, 'wsoa' | 'revisit'>[]): { areas: number; wsoa: number; revisited: number; notRevisited: number } {
  return {
    areas: rows.length,
    wsoa: rows.filter((r) => r.wsoa).length,
    revisited: rows.filter((r) => r.revisit === 'all' || r.revisit === 'some' || r.revisit === 'none').length,
    notRevisited: rows.filter((r) => r.revisit === 'not revisited').length,
  };
}

/**
 * The compiled register must agree with Ofsted's main table on every row it took from it: same
 * dates, WSOA and weaknesses; revisits up to 31 August 2022 identical; Ofsted's "not revisited yet"
 * either still not revisited or revisited later (from other pages).
 */
export function checkAgainstOfsted(register: readonly FirstCycleRow[], ofsted: readonly OfstedRow[], file: string): void {
  const main = register.filter((r) => r.inOfstedMainTable);
  const byOns = new Map(main.map((r) => [r.onsCode, r]));
  if (main.length !== ofsted.length) throw new DataError(file, null, null, `the register has ${main.length} rows from Ofsted's main table, Ofsted has ${ofsted.length}`);
  for (const o of ofsted) {
    const r = byOns.get(o.onsCode);
    const fail = (what: string) => new DataError(file, r?.line ?? null, null, `${o.name} (${o.onsCode}, Ofsted line ${o.line}): ${what}`);
    if (!r) throw fail('not in the compiled register');
    if (r.start !== o.start) throw fail(`start ${r.start} in the register, ${o.start} in Ofsted's table`);
    if (r.publication !== o.publication) throw fail(`publication ${r.publication} in the register, ${o.publication} in Ofsted's table`);
    if (r.wsoa !== o.wsoa) throw fail('written statement of action differs');
    if (r.weaknesses !== o.weaknesses) throw fail('number of significant weaknesses differs');
    if (o.revisit === 'not revisited') {
      if (r.revisit !== 'not revisited' && r.revisitSource === null) throw fail('revisited after August 2022 but no source page is named');
      if (r.revisitStart !== null && r.revisitStart <= OFSTED_STATS_DATE) throw fail(`revisit ${r.revisitStart} is within Ofsted's period but Ofsted has none`);
    } else if (r.revisit !== o.revisit || r.revisitStart !== o.revisitStart) {
      throw fail(`revisit ${r.revisit} ${r.revisitStart} in the register, ${o.revisit} ${o.revisitStart} in Ofsted's table`);
    }
  }
}

// ---------------------------------------------------------------- joining to today's areas

interface Join {
  areaLaCodes: string[];
  inherited: boolean;
  inheritedNote: string | null;
}

function monthYear(iso: string): string {
  return formatMonth(iso);
}

/** Join a code to today's areas. Unknown codes are errors. */
export function joinArea(geo: GeographyIndex, laCode: string, onsCode: string | null, name: string, error: (problem: string) => Error): Join {
  const res = geo.resolve(laCode);
  if (!res) throw error(`${laCode} (${name}) is not the code of a current or former English local area`);
  if (onsCode !== null) {
    const other = geo.resolve(onsCode);
    if (!other) throw error(`ONS code ${onsCode} (${name}) is not a current or former English local area`);
    if (!res.laCodes.every((c) => other.laCodes.includes(c))) throw error(`ONS code ${onsCode} and DfE code ${laCode} are different areas`);
  }
  if (res.kind !== 'predecessor') return { areaLaCodes: res.laCodes, inherited: false, inheritedNote: null };
  const only = INHERIT_ONLY[laCode];
  const heirs = only ?? res.laCodes;
  if (!heirs.every((c) => res.laCodes.includes(c))) throw error(`inheritance rule for ${laCode} names an area that is not its successor`);
  const change = res.changes[0]!;
  const asName = name.replace(/ \(pre-[^)]*\)$/, '');
  return { areaLaCodes: heirs, inherited: true, inheritedNote: `Inspected as ${asName} (before ${monthYear(change.effectiveDate)})` };
}

// ---------------------------------------------------------------- events

/** Ofsted's page for a local authority (category 44), which lists its area SEND letters. */
export const ofstedPageUrl = (urn: string): string => `https://reports.ofsted.gov.uk/provider/44/${urn}`;

const OFSTED_STATS_LINE = 'Ofsted, Area SEND inspections and outcomes in England as at 31 August 2022 (official statistics)';

export function firstCycleEvents(rows: readonly FirstCycleRow[], geo: GeographyIndex, file: string): InspectionEvent[] {
  const events: InspectionEvent[] = [];
  for (const r of rows) {
    const join = joinArea(geo, r.laCode, r.onsCode, r.name, (p) => new DataError(file, r.line, 'la_code_old', p));
    const inspectedName = r.name.replace(/ \(pre-[^)]*\)$/, '');
    const base = {
      framework: '2016' as const,
      inspectedLaCode: r.laCode,
      inspectedOnsCode: r.onsCode,
      inspectedName,
      ...join,
      end: null,
      outcome: null,
      outcomeText: null,
      statedNextInspection: null,
      reportUrl: null,
      ofstedPageUrl: r.urn ? ofstedPageUrl(r.urn) : null,
      inspectionYearFromPublication: false,
    };
    const fromNotes = !r.inOfstedMainTable;
    events.push({
      ...base,
      id: `first-${r.laCode}`,
      kind: 'first-inspection',
      start: r.start,
      startMonth: null,
      publication: r.publication,
      wsoaRequired: r.wsoa,
      significantWeaknesses: r.weaknesses,
      revisitStatus: r.wsoa ? (r.revisit === 'not revisited' ? 'not revisited' : 'revisited') : null,
      progress: null,
      weaknessesSufficient: null,
      weaknessesInsufficient: null,
      inspectionYear: Number(r.start.slice(0, 4)),
      sourceKind: fromNotes ? 'ofsted-notes' : 'ofsted',
      source: fromNotes
        ? 'Ofsted official statistics as at 31 August 2022, notes to the table (outcome); ADCS local area SEND inspection outcomes summary (dates)'
        : OFSTED_STATS_LINE,
      sourceDetail: null,
      flags: fromNotes ? ['dates_from_adcs_summary'] : [],
      notes: r.notes,
    });
    if (r.revisit === 'all' || r.revisit === 'some' || r.revisit === 'none') {
      const other = r.revisitSource !== null;
      const flags: string[] = [];
      if (other) flags.push('revisit_from_council_or_press_pages');
      if (r.revisitStart === null && r.revisitMonth !== null) flags.push('revisit_month_only');
      if (r.revisitStart === null && r.revisitMonth === null) flags.push('revisit_date_not_published');
      const when = r.revisitStart ?? (r.revisitMonth ? `${r.revisitMonth}-01` : null);
      events.push({
        ...base,
        id: `revisit-${r.laCode}`,
        kind: 'revisit',
        start: r.revisitStart,
        startMonth: r.revisitStart ? null : r.revisitMonth,
        publication: r.revisitPublication,
        wsoaRequired: null,
        significantWeaknesses: r.weaknesses,
        revisitStatus: null,
        progress: r.revisit,
        weaknessesSufficient: r.sufficient,
        weaknessesInsufficient: r.insufficient,
        inspectionYear: when ? Number(when.slice(0, 4)) : null,
        sourceKind: other ? 'council-or-press' : fromNotes ? 'ofsted-notes' : 'ofsted',
        source: other
          ? 'Council, parent-forum and press pages (this revisit was after Ofsted’s official statistics; not checked against the Ofsted letter)'
          : fromNotes
            ? 'Ofsted official statistics as at 31 August 2022, notes to the table (outcome); ADCS summary (dates)'
            : OFSTED_STATS_LINE,
        sourceDetail: r.revisitSource,
        flags,
        notes: other || fromNotes ? r.notes : '',
      });
    }
  }
  return events;
}

const D2I_LINE = 'Ofsted and CQC inspection report, as summarised by Data to Insight';

export function newFrameworkEvents(rows: readonly NewFrameworkRow[], geo: GeographyIndex, file: string): InspectionEvent[] {
  const ids = new Set<string>();
  return rows.map((r) => {
    const join = joinArea(geo, r.laCode, null, r.name, (p) => new DataError(file, r.line, 'la_code_old', p));
    if (join.inherited) throw new DataError(file, r.line, 'la_code_old', `${r.laCode} (${r.name}) is no longer a local area, but this framework began in 2023`);
    // ltla23cd is stale for several areas (county codes, pre-2025 codes): it must still lead to the same area.
    if (r.ltlaCode !== null) {
      const res = geo.resolve(r.ltlaCode);
      if (!res || !res.laCodes.includes(join.areaLaCodes[0]!)) throw new DataError(file, r.line, 'ltla23cd', `${r.ltlaCode} does not lead to ${r.name} (${r.laCode})`);
    }
    const area = geo.area(join.areaLaCodes[0]!);
    if (r.regionCode !== null && r.regionCode !== area.regionCode) throw new DataError(file, r.line, 'region_code', `${r.name} is in ${area.regionCode}, not ${r.regionCode}`);
    const id = `full-${r.laCode}-${r.start ?? r.publication}`;
    if (ids.has(id)) throw new DataError(file, r.line, 'la_code_old', `${r.name} has two inspections on the same date`);
    ids.add(id);
    const kind: SourceKind = r.flags.some((f) => f.includes('from_parliamentary_answer'))
      ? 'parliament'
      : r.flags.some((f) => f.includes('from_press'))
        ? 'council-or-press'
        : 'report-summary';
    const extra =
      kind === 'parliament'
        ? '; dates from a DfE written parliamentary answer'
        : kind === 'council-or-press'
          ? '; outcome from press reports of the published report'
          : r.confirmedByOfstedMi
            ? '; confirmed by Ofsted management information'
            : '';
    return {
      id,
      kind: 'full-inspection',
      framework: '2023',
      inspectedLaCode: r.laCode,
      inspectedOnsCode: area.onsCode,
      inspectedName: area.name,
      ...join,
      start: r.start,
      end: r.end,
      startMonth: null,
      publication: r.publication,
      wsoaRequired: null,
      significantWeaknesses: null,
      revisitStatus: null,
      progress: null,
      weaknessesSufficient: null,
      weaknessesInsufficient: null,
      outcome: r.outcome,
      outcomeText: r.outcomeText,
      statedNextInspection: r.statedNext,
      inspectionYear: Number((r.start ?? r.publication).slice(0, 4)),
      inspectionYearFromPublication: r.start === null,
      reportUrl: r.reportUrl,
      sourceKind: kind,
      source: `${D2I_LINE}${extra}`,
      sourceDetail: kind === 'report-summary' ? null : r.notes,
      flags: r.flags,
      notes: r.notes,
    };
  });
}

// ---------------------------------------------------------------- per-area derived figures

export interface AreaInspections {
  laCode: string;
  slug: string;
  name: string;
  regionCode: string;
  /** Event ids, oldest first. */
  eventIds: string[];
  latestClass: LatestClass;
  latestLabel: string;
  /** Id of the latest 2023-framework inspection, if any. */
  latestFullId: string | null;
  next: NextInspection;
  /** What next.lastDate is. */
  lastDateBasis: DateBasis;
  /** Generated plain-English summary. */
  summary: string;
}

function sortKey(e: InspectionEvent, all: Map<string, InspectionEvent>): string {
  // A revisit with no published date sorts straight after its inspection.
  const d = eventDate(e) ?? (e.kind === 'revisit' ? `${all.get(`first-${e.inspectedLaCode}`)?.publication ?? ''}~` : '');
  return `${d}|${e.kind === 'first-inspection' ? 0 : e.kind === 'revisit' ? 1 : 2}`;
}

function yearOf(e: InspectionEvent): string {
  const d = eventDate(e);
  return d ? d.slice(0, 4) : 'an unpublished date';
}

/** The generated summary sentence(s) for one area. */
export function summariseArea(area: Area, events: readonly InspectionEvent[], next: NextInspection): string {
  const parts: string[] = [];
  for (const e of events) {
    if (e.kind === 'first-inspection') {
      const before = e.inheritedNote?.match(/\(before ([^)]+)\)/)?.[1];
      const was = e.inspectedName === area.name ? `the former ${e.inspectedName} county council area` : e.inspectedName;
      const who = e.inherited ? `Before ${before}, ${area.name} was part of ${was}, which inspectors visited in ${yearOf(e)}` : `In ${yearOf(e)} inspectors visited ${area.name}`;
      if (e.wsoaRequired) {
        const n = e.significantWeaknesses;
        parts.push(`${who}. They found ${n === null ? 'significant weaknesses' : `${n} significant weakness${n === 1 ? '' : 'es'}`} and a Written Statement of Action was required.`);
        if (e.revisitStatus === 'not revisited') parts.push('No revisit has been published.');
      } else parts.push(`${who}. No Written Statement of Action was required.`);
    } else if (e.kind === 'revisit') {
      const when = e.start || e.startMonth ? `At the ${yearOf(e)} revisit` : 'At the revisit';
      const counts = e.weaknessesSufficient !== null && e.weaknessesInsufficient !== null ? ` (${e.weaknessesSufficient} of ${e.weaknessesSufficient + e.weaknessesInsufficient})` : '';
      const p = e.progress === 'all' ? 'all of the weaknesses' : e.progress === 'some' ? 'some of the weaknesses' : 'none of the weaknesses';
      parts.push(`${when}, inspectors found sufficient progress on ${p}${counts}${e.sourceKind === 'council-or-press' ? ', as reported by the council or local press' : ''}.`);
    } else if (e.outcome !== null) {
      const first = !events.some((x) => x.kind === 'full-inspection' && x !== e && events.indexOf(x) < events.indexOf(e));
      const intro = first ? `In ${yearOf(e)}, under the framework that began in 2023,` : `At its next full inspection, in ${yearOf(e)},`;
      parts.push(`${intro} the outcome was “${OUTCOME_LABELS[e.outcome].toLowerCase()}” (outcome ${e.outcome}).`);
    }
  }
  if (next.status === 'due-now') parts.push('It has not yet had a full inspection under the 2023 framework, so one is due now.');
  else {
    const by = next.fullBy ? `${formatMonth(next.fullBy)}` : '';
    if (next.monitoringBy) {
      const mon = next.monitoringDue
        ? `A monitoring inspection was expected by ${formatMonth(next.monitoringBy)} (monitoring inspections are not in this data)`
        : `A monitoring inspection is expected by ${formatMonth(next.monitoringBy)}`;
      parts.push(`${mon}, and a full reinspection by ${by}${next.overdue ? ', which is overdue' : ''}.`);
    }
    else parts.push(`The next full inspection is expected by ${by}${next.overdue ? ', and is overdue' : ''}.`);
  }
  return parts.join(' ');
}

/** The date the next-inspection clock runs from, and what it is. */
export function anchorDate(e: InspectionEvent): { date: string; basis: DateBasis } {
  if (e.end) return { date: e.end, basis: 'last day of inspection' };
  if (e.start) return { date: e.start, basis: 'first day of inspection' };
  if (e.startMonth) return { date: `${e.startMonth}-01`, basis: 'month of inspection' };
  if (e.publication) return { date: e.publication, basis: 'publication date (inspection dates not published)' };
  throw new Error(`event ${e.id} has no date`);
}

export type DateBasis = 'last day of inspection' | 'first day of inspection' | 'month of inspection' | 'publication date (inspection dates not published)';

export function deriveAreas(events: readonly InspectionEvent[], geo: GeographyIndex, today: string): AreaInspections[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return geo.areas.map((area) => {
    const own = events.filter((e) => e.areaLaCodes.includes(area.laCode)).sort((a, b) => sortKey(a, byId).localeCompare(sortKey(b, byId)));
    if (!own.some((e) => e.kind === 'first-inspection')) throw new Error(`${area.name} (${area.laCode}) has no first-cycle inspection, own or inherited`);
    const full = own.filter((e) => e.kind === 'full-inspection');
    const latestFull = full.at(-1) ?? null;
    // The rule runs from the latest 2023-framework inspection; without one, from the last dated event.
    const dated = own.filter((e) => eventDate(e) !== null);
    const last = latestFull ?? dated.at(-1)!;
    const anchor = anchorDate(last);
    const next = nextInspection({ framework: last.framework, outcome: last.outcome, date: anchor.date }, today);
    const latestClass: LatestClass = latestFull?.outcome ? (`outcome-${latestFull.outcome}` as LatestClass) : 'not-yet';
    return {
      laCode: area.laCode,
      slug: area.slug,
      name: area.name,
      regionCode: area.regionCode,
      eventIds: own.map((e) => e.id),
      latestClass,
      latestLabel: LATEST_LABELS[latestClass],
      latestFullId: latestFull?.id ?? null,
      next,
      lastDateBasis: anchor.basis,
      summary: summariseArea(area, own, next),
    };
  });
}

// ---------------------------------------------------------------- national and regional figures

export const ENGLAND = 'E92000001';

export interface FirstCycleYear {
  geographyCode: string;
  academicYear: string;
  published: number;
  wsoa: number;
  cumulativePublished: number;
  cumulativeWsoa: number;
}

/** First-cycle inspections published, and needing a WSOA, by academic year of publication and cumulatively. */
export function firstCycleByYear(events: readonly InspectionEvent[], regionOf: (e: InspectionEvent) => string): FirstCycleYear[] {
  const firsts = events.filter((e) => e.kind === 'first-inspection');
  const years = [...new Set(firsts.map((e) => academicYear(e.publication!)))].sort();
  const geos = [ENGLAND, ...[...new Set(firsts.map(regionOf))].sort()];
  const out: FirstCycleYear[] = [];
  for (const g of geos) {
    let cp = 0;
    let cw = 0;
    for (const y of years) {
      const inYear = firsts.filter((e) => academicYear(e.publication!) === y && (g === ENGLAND || regionOf(e) === g));
      const w = inYear.filter((e) => e.wsoaRequired).length;
      cp += inYear.length;
      cw += w;
      out.push({ geographyCode: g, academicYear: y, published: inYear.length, wsoa: w, cumulativePublished: cp, cumulativeWsoa: cw });
    }
  }
  return out;
}

export interface OutcomeCounts {
  geographyCode: string;
  year: number;
  outcome1: number;
  outcome2: number;
  outcome3: number;
  total: number;
  /** Inspections counted by publication year because the start date is missing. */
  fromPublicationYear: number;
}

/** 2023-framework outcomes by calendar year of inspection (start; missing start → publication year, flagged). */
export function outcomesByYear(events: readonly InspectionEvent[], regionOf: (e: InspectionEvent) => string): OutcomeCounts[] {
  const full = events.filter((e) => e.kind === 'full-inspection');
  const years = [...new Set(full.map((e) => e.inspectionYear!))].sort();
  const geos = [ENGLAND, ...[...new Set(full.map(regionOf))].sort()];
  const out: OutcomeCounts[] = [];
  for (const g of geos) {
    for (const y of years) {
      const inYear = full.filter((e) => e.inspectionYear === y && (g === ENGLAND || regionOf(e) === g));
      const n = (o: Outcome) => inYear.filter((e) => e.outcome === o).length;
      out.push({ geographyCode: g, year: y, outcome1: n(1), outcome2: n(2), outcome3: n(3), total: inYear.length, fromPublicationYear: inYear.filter((e) => e.inspectionYearFromPublication).length });
    }
  }
  return out;
}

export interface RevisitCount {
  progress: RevisitProgress;
  label: string;
  total: number;
  /** Reported by council or press pages rather than Ofsted's statistics. */
  fromOtherPages: number;
}

export function revisitResults(events: readonly InspectionEvent[]): RevisitCount[] {
  const rv = events.filter((e) => e.kind === 'revisit');
  return (['all', 'some', 'none'] as const).map((p) => ({
    progress: p,
    label: PROGRESS_LABELS[p],
    total: rv.filter((e) => e.progress === p).length,
    fromOtherPages: rv.filter((e) => e.progress === p && e.sourceKind === 'council-or-press').length,
  }));
}

export interface RegionLatest {
  regionCode: string;
  regionName: string;
  areas: number;
  counts: Record<LatestClass, number>;
}

export function latestByRegion(areas: readonly AreaInspections[], geo: GeographyIndex): RegionLatest[] {
  return geo.geography.regions.map((r) => {
    const inR = areas.filter((a) => a.regionCode === r.code);
    const counts = { 'outcome-1': 0, 'outcome-2': 0, 'outcome-3': 0, 'not-yet': 0 } as Record<LatestClass, number>;
    for (const a of inR) counts[a.latestClass] += 1;
    return { regionCode: r.code, regionName: r.name, areas: inR.length, counts };
  });
}

/** Areas in the order they are expected next: due now (longest since last inspection first), then by date. */
export function expectedNext(areas: readonly AreaInspections[]): AreaInspections[] {
  return [...areas].sort((a, b) => {
    if (a.next.status !== b.next.status) return a.next.status === 'due-now' ? -1 : 1;
    if (a.next.status === 'due-now') return a.next.lastDate.localeCompare(b.next.lastDate) || a.name.localeCompare(b.name);
    const ad = a.next.monitoringBy && !a.next.monitoringDue ? a.next.monitoringBy : a.next.fullBy!;
    const bd = b.next.monitoringBy && !b.next.monitoringDue ? b.next.monitoringBy : b.next.fullBy!;
    return ad.localeCompare(bd) || a.name.localeCompare(b.name);
  });
}

// ---------------------------------------------------------------- the dataset

export interface InspectionsData {
  /** The build's reference date: the latest publication date in the registers (not the wall clock). */
  referenceDate: string;
  events: InspectionEvent[];
  areas: AreaInspections[];
  firstCycleByYear: FirstCycleYear[];
  outcomesByYear: OutcomeCounts[];
  revisits: RevisitCount[];
  regions: RegionLatest[];
  /** Slugs of areas in the order they are expected next. */
  expectedNext: string[];
  /** Ofsted's own totals as at 31 August 2022, recomputed from its main table. */
  ofsted2022: { areas: number; wsoa: number; revisited: number; notRevisited: number };
  /** Rows of the first-cycle register not in Ofsted's main table (from its notes). */
  fromOfstedNotes: string[];
}

export async function buildInspections(
  files: { firstCycle: string; newFramework: string; ofsted: string },
  geo: GeographyIndex,
): Promise<InspectionsData> {
  const [first, nf, ofsted] = await Promise.all([parseFirstCycle(files.firstCycle), parseNewFramework(files.newFramework), parseOfstedTable(files.ofsted)]);
  checkAgainstOfsted(first, ofsted, files.firstCycle);
  const events = [...firstCycleEvents(first, geo, files.firstCycle), ...newFrameworkEvents(nf, geo, files.newFramework)];
  const referenceDate = events.reduce((m, e) => (e.publication && e.publication > m ? e.publication : m), '');
  const areas = deriveAreas(events, geo, referenceDate);
  const regionOf = (e: InspectionEvent) => {
    const regions = new Set(e.areaLaCodes.map((c) => geo.area(c).regionCode));
    if (regions.size !== 1) throw new Error(`event ${e.id} spans more than one region`);
    return [...regions][0]!;
  };
  return {
    referenceDate,
    events,
    areas,
    firstCycleByYear: firstCycleByYear(events, regionOf),
    outcomesByYear: outcomesByYear(events, regionOf),
    revisits: revisitResults(events),
    regions: latestByRegion(areas, geo),
    expectedNext: expectedNext(areas).map((a) => a.slug),
    ofsted2022: ofstedTotals(ofsted),
    fromOfstedNotes: first.filter((r) => !r.inOfstedMainTable).map((r) => r.name.replace(/ \(pre-[^)]*\)$/, '')),
  };
}

const DOWNLOAD_COLUMNS: Column[] = [
  ...EES_GEOGRAPHY_COLUMNS,
  { name: 'event_id', type: 'Filter', label: 'Event identifier' },
  { name: 'event_type', type: 'Filter', label: 'Event: first_inspection (2016 framework), revisit (of a written statement of action), full_inspection (2023 framework)' },
  { name: 'framework', type: 'Filter', label: 'Inspection framework (2016 or 2023)' },
  { name: 'current_old_la_codes', type: 'Filter', label: 'DfE codes of the current area(s) whose history this event is part of (semicolon-separated)' },
  { name: 'current_la_names', type: 'Filter', label: 'Current area(s) (semicolon-separated)' },
  { name: 'inherited_from_predecessor', type: 'Filter', label: 'true when the current area(s) inherit the event from the area that was inspected' },
  { name: 'start_date', type: 'Filter', label: 'First day of the inspection or revisit (YYYY-MM-DD)' },
  { name: 'end_date', type: 'Filter', label: 'Last day of the inspection (2023 framework)' },
  { name: 'start_month', type: 'Filter', label: 'Month of the revisit (YYYY-MM) when only the month is known' },
  { name: 'publication_date', type: 'Filter', label: 'Date the letter or report was published' },
  { name: 'academic_year_published', type: 'Filter', label: 'Academic year of publication (September to August)' },
  { name: 'inspection_year', type: 'Filter', label: 'Calendar year of the inspection: start date, or publication date where the start is missing' },
  { name: 'inspection_year_from_publication', type: 'Filter', label: 'true when inspection_year is the publication year because the start date is missing' },
  { name: 'wsoa_required', type: 'Filter', label: 'Written statement of action required (first inspections)' },
  { name: 'significant_weaknesses', type: 'Indicator', label: 'Significant weaknesses in the written statement of action', unit: '', dp: 0 },
  { name: 'revisit_status', type: 'Filter', label: 'For first inspections with a WSOA: revisited, or not revisited (none published)' },
  { name: 'revisit_progress', type: 'Filter', label: 'Revisit: sufficient progress on all, some or none of the weaknesses' },
  { name: 'weaknesses_sufficient_progress', type: 'Indicator', label: 'Weaknesses with sufficient progress at the revisit', unit: '', dp: 0 },
  { name: 'weaknesses_insufficient_progress', type: 'Indicator', label: 'Weaknesses without sufficient progress at the revisit', unit: '', dp: 0 },
  { name: 'outcome', type: 'Filter', label: '2023 framework outcome: 1, 2 or 3' },
  { name: 'outcome_label', type: 'Filter', label: 'Outcome in Ofsted’s words' },
  { name: 'report_url', type: 'Filter', label: 'Ofsted report' },
  { name: 'source_kind', type: 'Filter', label: 'Where the values come from: ofsted, ofsted-notes, report-summary, council-or-press, parliament' },
  { name: 'source', type: 'Filter', label: 'Source of the entry' },
  { name: 'source_detail', type: 'Filter', label: 'Pages other than Ofsted’s that supplied values, as named in the register' },
  { name: 'flags', type: 'Filter', label: 'Caveats (semicolon-separated)' },
];

export function inspectionsDownload(data: InspectionsData, geo: GeographyIndex): Download {
  const rows = data.events.map((e) => {
    const areas = e.areaLaCodes.map((c) => geo.area(c));
    const region = geo.regionOf(areas[0]!);
    const when = eventDate(e);
    return {
      time_period: e.inspectionYear ?? '',
      time_identifier: 'Calendar year',
      ...laGeography(region, {
        onsCode: e.inspectedOnsCode ?? (e.inherited ? (geo.geography.codeChanges.find((c) => c.oldLaCode === e.inspectedLaCode)?.oldOnsCode ?? '') : ''),
        laCode: e.inspectedLaCode,
        name: e.inspectedName,
      }),
      event_id: e.id,
      event_type: e.kind.replace('-', '_'),
      framework: e.framework,
      current_old_la_codes: e.areaLaCodes.join(';'),
      current_la_names: areas.map((a) => a.name).join(';'),
      inherited_from_predecessor: e.inherited,
      start_date: e.start,
      end_date: e.end,
      start_month: e.startMonth,
      publication_date: e.publication,
      academic_year_published: e.publication ? academicYear(e.publication) : '',
      inspection_year: when ? e.inspectionYear : '',
      inspection_year_from_publication: e.kind === 'full-inspection' ? e.inspectionYearFromPublication : '',
      wsoa_required: e.wsoaRequired ?? '',
      significant_weaknesses: e.significantWeaknesses,
      revisit_status: e.revisitStatus,
      revisit_progress: e.progress,
      weaknesses_sufficient_progress: e.weaknessesSufficient,
      weaknesses_insufficient_progress: e.weaknessesInsufficient,
      outcome: e.outcome,
      outcome_label: e.outcome ? OUTCOME_LABELS[e.outcome] : '',
      report_url: e.reportUrl,
      source_kind: e.sourceKind,
      source: e.source,
      source_detail: e.sourceDetail,
      flags: e.flags.join(';'),
    };
  });
  return {
    id: 'inspections',
    title: 'Local area SEND inspections, 2016 to date: every inspection, revisit and outcome',
    description:
      'One row per inspection event: first-framework inspections (2016 to 2022) with whether a written statement of action was required, revisits with their progress, and full inspections under the framework from January 2023 with their outcome. Each row names the area as inspected and the current area(s) it belongs to, and where its values come from.',
    columns: DOWNLOAD_COLUMNS,
    rows,
    sourceIds: ['insp-first-cycle', 'insp-2023-framework', 'insp-ofsted-2022'],
    licence: 'Open Government Licence v3.0 (Ofsted); Data to Insight summary MIT licence',
  };
}

export const inspectionsDataset: DatasetBuilder = {
  id: 'inspections',
  async build(ctx) {
    const data = await buildInspections(
      { firstCycle: ctx.file('insp-first-cycle'), newFramework: ctx.file('insp-2023-framework'), ofsted: ctx.file('insp-ofsted-2022') },
      ctx.geo,
    );
    return { json: { inspections: data }, downloads: [inspectionsDownload(data, ctx.geo)] };
  },
};
