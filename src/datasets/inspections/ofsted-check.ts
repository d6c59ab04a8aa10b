/**
 * Ofsted's own main table as at 31 August 2022 (source insp-ofsted-2022, 149 areas): parsed, its
 * headline totals recomputed, and the compiled first-cycle register checked against it row by row.
 */
import { readCsv, DataError } from '../../lib/csv.ts';
import type { RevisitProgress } from '../../lib/inspections.ts';
import { OFSTED_STATS_DATE, optionalCount, optionalDate, requiredDate, REVISIT_CODES } from './common.ts';
import type { FirstCycleRow } from './first-cycle.ts';

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
