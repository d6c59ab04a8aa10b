/**
 * The compiled register of the first framework (2016–2022), source insp-first-cycle: one row per
 * area as it then was (151). Parse and validate: dates in order, a revisit only where a written
 * statement of action was required, the revisit outcome recomputed from the weakness counts.
 */
import { readCsv } from '../../lib/csv.ts';
import type { RevisitProgress } from '../../lib/inspections.ts';
import { OLD_DORSET_CODE, OLD_DORSET_NAME, optionalCount, optionalDate, requiredDate, REVISIT_CODES } from './common.ts';

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
