/**
 * Joining an inspected area's code to today's 153 areas through the code history: a split area's
 * successors inherit its first-cycle inspection and say so.
 */
import { formatMonth } from '../../lib/format.ts';
import type { GeographyIndex } from '../../lib/geography.ts';
import { OLD_DORSET_CODE } from './common.ts';

/**
 * Which of a predecessor's successors inherit its first-cycle record. By default all of them
 * (Northamptonshire → North and West Northamptonshire; Cumbria → Cumberland, Westmorland and Furness).
 * Old Dorset (835) was succeeded by Dorset (838) and, for Christchurch only, by BCP (839); BCP had its
 * own first-cycle inspection, so only Dorset inherits old Dorset's record.
 */
const INHERIT_ONLY: Record<string, string[]> = { [OLD_DORSET_CODE]: ['838'] };

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
