/**
 * England's 153 local areas (upper-tier local authorities), their regions,
 * statistical neighbours and code history. Plain data (JSON-serialisable),
 * produced by src/datasets/geography.ts, plus pure look-up functions.
 */

export type LaType = 'London borough' | 'Metropolitan district' | 'Unitary authority' | 'County council';

export interface Region {
  code: string; // E12000001
  name: string; // North East
  slug: string;
}

export type Closeness = 'Extremely close' | 'Very close' | 'Close' | 'Somewhat close' | 'Not close';

export interface Neighbour {
  laCode: string;
  rank: number; // 1 = closest
  closeness: Closeness;
}

export interface Area {
  /** DfE 3-digit code, e.g. "938". */
  laCode: string;
  /** Current ONS 9-character code, e.g. "E10000032". */
  onsCode: string;
  /** Name as DfE registers it, e.g. "Bristol, City of". */
  officialName: string;
  /** Name for reading, e.g. "Bristol". */
  name: string;
  slug: string;
  regionCode: string;
  laType: LaType;
  /** Earlier ONS codes for the same area (recodes), oldest first. */
  formerOnsCodes: string[];
  /** The 10 DfE statistical neighbours (May 2025 set), closest first. */
  neighbours: Neighbour[];
}

export interface CodeChange {
  effectiveDate: string; // ISO
  event: string;
  oldLaCode: string;
  oldOnsCode: string;
  oldName: string;
  newLaCode: string;
  newOnsCode: string;
  newName: string;
  note: string;
}

export interface Geography {
  areas: Area[];
  regions: Region[];
  codeChanges: CodeChange[];
  /** ONS code → DfE code for every code in the DfE register, including terminated ones. */
  registerCodes: Record<string, string>;
}

/**
 * How a code found in a source relates to today's areas.
 * - current: a code the area uses now.
 * - recoded: an earlier code of the same area (same DfE code or same area; the series continues across a marked break).
 * - predecessor: an area that was split or merged; its figures are not the successor's own.
 */
export interface Resolution {
  kind: 'current' | 'recoded' | 'predecessor';
  /** DfE codes of the current area(s). */
  laCodes: string[];
  /** The code changes that link the code to today's areas, oldest first. */
  changes: CodeChange[];
  /** Name of the area the code belonged to, when it is a predecessor. */
  predecessorName?: string;
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Bristol, City of" → "Bristol"; "Herefordshire, County of" → "Herefordshire". */
export function readableName(officialName: string): string {
  return officialName.replace(/, (City|County) of$/, '');
}

const LA_TYPES: Record<string, LaType> = {
  E06: 'Unitary authority',
  E08: 'Metropolitan district',
  E09: 'London borough',
  E10: 'County council',
};

export function laTypeOf(onsCode: string): LaType {
  const t = LA_TYPES[onsCode.slice(0, 3)];
  if (!t) throw new Error(`${onsCode} is not an English upper-tier local authority code`);
  return t;
}

export class GeographyIndex {
  readonly byLaCode = new Map<string, Area>();
  readonly bySlug = new Map<string, Area>();
  readonly byOnsCode = new Map<string, Area>();
  readonly regionByCode = new Map<string, Region>();

  constructor(readonly geography: Geography) {
    for (const a of geography.areas) {
      this.byLaCode.set(a.laCode, a);
      this.bySlug.set(a.slug, a);
      this.byOnsCode.set(a.onsCode, a);
    }
    for (const r of geography.regions) this.regionByCode.set(r.code, r);
  }

  get areas(): Area[] {
    return this.geography.areas;
  }

  area(laCode: string): Area {
    const a = this.byLaCode.get(laCode);
    if (!a) throw new Error(`no current area with DfE code ${laCode}`);
    return a;
  }

  region(code: string): Region {
    const r = this.regionByCode.get(code);
    if (!r) throw new Error(`no region with code ${code}`);
    return r;
  }

  regionOf(area: Area): Region {
    return this.region(area.regionCode);
  }

  areasInRegion(regionCode: string): Area[] {
    return this.geography.areas.filter((a) => a.regionCode === regionCode);
  }

  neighboursOf(area: Area): Area[] {
    return area.neighbours.map((n) => this.area(n.laCode));
  }

  /**
   * Map any code in use since 2015 — DfE 3-digit or ONS 9-character — to
   * today's area(s). Returns null for a code that is not an English local area.
   */
  resolve(code: string): Resolution | null {
    const c = code.trim();
    const direct = this.byLaCode.get(c) ?? this.byOnsCode.get(c);
    if (direct) return { kind: 'current', laCodes: [direct.laCode], changes: [] };

    const changes = this.geography.codeChanges.filter((ch) => ch.oldLaCode === c || ch.oldOnsCode === c);
    if (changes.length > 0) {
      // Follow each change forward to today's areas (a change may lead to a code that changed again).
      const laCodes: string[] = [];
      const path: CodeChange[] = [];
      let sameArea = true;
      for (const ch of changes) {
        const next = this.resolve(ch.newOnsCode) ?? this.resolve(ch.newLaCode);
        if (!next) throw new Error(`code history: ${ch.oldName} → ${ch.newName} (${ch.newOnsCode}) is not a current area`);
        for (const l of next.laCodes) if (!laCodes.includes(l)) laCodes.push(l);
        path.push(ch, ...next.changes);
        if (ch.oldLaCode !== ch.newLaCode || next.kind === 'predecessor') sameArea = false;
      }
      return sameArea
        ? { kind: 'recoded', laCodes, changes: path }
        : { kind: 'predecessor', laCodes, changes: path, predecessorName: changes[0]!.oldName };
    }

    // Terminated ONS codes whose DfE code lives on (e.g. 2013 recodes of Northumberland and Gateshead).
    const dfe = this.geography.registerCodes[c];
    if (dfe && this.byLaCode.has(dfe)) return { kind: 'recoded', laCodes: [dfe], changes: [] };
    return null;
  }

  /** Code changes that affect an area's time series, as successor or recode. */
  changesAffecting(area: Area): CodeChange[] {
    return this.geography.codeChanges.filter((ch) => ch.newLaCode === area.laCode || ch.newOnsCode === area.onsCode || area.formerOnsCodes.includes(ch.newOnsCode));
  }
}
