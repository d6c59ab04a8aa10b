/**
 * The compiled register of full inspections under the framework from January 2023, source
 * insp-2023-framework (Data to Insight's summary). Parse and validate: dates in order, a blank start
 * only where the register flags it, the outcome 1, 2 or 3 and the stated next inspection matching it.
 */
import { readCsv } from '../../lib/csv.ts';
import { STATED_NEXT, type Outcome } from '../../lib/inspections.ts';
import { optionalDate, requiredDate } from './common.ts';

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
