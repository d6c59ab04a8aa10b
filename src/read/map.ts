/** Map data (projected at build time by src/datasets/boundaries.ts) and the fills maps may use. */
import mapJson from '../generated/map.json';
import type { EnglandMap, MapArea } from '../datasets/boundaries.ts';

export const englandMap = mapJson as EnglandMap;
const byLaCode = new Map<string, MapArea>(englandMap.areas.map((a) => [a.laCode, a]));

export function mapArea(laCode: string): MapArea {
  const a = byLaCode.get(laCode);
  if (!a) throw new Error(`no map shape for area ${laCode}`);
  return a;
}

/** Patterns drawn over a fill so that a category never depends on colour alone. */
export type MapPattern = 'none' | 'hatch' | 'dots' | 'cross';

export interface MapClass {
  id: string;
  label: string;
  fill: string;
  pattern: MapPattern;
  /** Pattern ink: dark on light fills, white on dark fills. */
  ink?: string;
}

export interface MapDatum {
  laCode: string;
  classId: string;
  /** What a screen reader hears for this area, e.g. "Kent: outcome 3, widespread or systemic failings". */
  label: string;
  href: string;
}
