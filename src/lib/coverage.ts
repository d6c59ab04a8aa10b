/**
 * Which places a dataset must have a row for at a date: England, the nine
 * regions, and every local area that existed then — today's area, or, before
 * a split or merger took effect, the areas it replaced (Northamptonshire
 * before April 2021, Cumbria before April 2023, Bournemouth, Poole and old
 * Dorset before April 2019). Recodes (same area, new code) count as today's area.
 */
import type { GeographyIndex } from './geography.ts';
import type { Expected } from './validate.ts';

export interface CoverageKeys {
  /** Series key of today's area. */
  area: (laCode: string) => string;
  /** Series key of a predecessor, by its DfE code. */
  predecessor: (oldLaCode: string) => string;
  /** Include England and the regions (default true). */
  englandAndRegions?: boolean;
}

export function placesExisting(geo: GeographyIndex, isoDate: string, keys: CoverageKeys): Expected[] {
  const out: Expected[] = [];
  const seen = new Set<string>();
  const add = (key: string, label: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, label });
  };
  if (keys.englandAndRegions !== false) {
    add('E92000001', 'England');
    for (const r of geo.geography.regions) add(r.code, `${r.name} (${r.code})`);
  }
  for (const a of geo.areas) {
    const formedBy = geo.geography.codeChanges.filter((c) => c.newLaCode === a.laCode && c.oldLaCode !== c.newLaCode && c.effectiveDate > isoDate);
    if (formedBy.length === 0) {
      add(keys.area(a.laCode), `${a.name} (${a.laCode})`);
      continue;
    }
    for (const c of formedBy) {
      // A predecessor that itself did not exist yet is not expected (none today, but keep the rule honest).
      add(keys.predecessor(c.oldLaCode), `${c.oldName.replace(/ \(county\)$/, '')} (${c.oldLaCode}, before ${c.effectiveDate})`);
    }
  }
  return out;
}
