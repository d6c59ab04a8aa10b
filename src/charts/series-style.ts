/**
 * One look and one set of names for the comparison series, used by every chart:
 * the area, England, its region, its statistical neighbours; and the SEN groups.
 * Colour is never the only signal: each series also has its own line style, and
 * charts label lines directly. Every colour is at least 3:1 against white; a series
 * whose colour is close to another's (blue/maroon, turquoise/orange) differs from it
 * in dash pattern and weight.
 */
import { PALETTE } from './render.ts';

export interface SeriesStyle {
  stroke: string;
  /** SVG stroke-dasharray; undefined = solid. */
  dash?: string;
  width: number;
}

/** The area itself, England, the region and the statistical neighbours' median. */
export const COMPARISON_STYLE = {
  area: { stroke: PALETTE.blue, width: 3 },
  england: { stroke: PALETTE.maroon, dash: '8,4', width: 2 },
  region: { stroke: PALETTE.turquoise, dash: '4,3', width: 2.5 },
  neighbours: { stroke: PALETTE.orange, dash: '1.5,3', width: 2.5 },
  /** Individual predecessor or comparison areas drawn thinly in the area's colour. */
  other: { stroke: PALETTE.blue, dash: '2,3', width: 2 },
} as const satisfies Record<string, SeriesStyle>;

/** The SEN groups. */
export const SEN_STYLE = {
  ehcp: { stroke: PALETTE.blue, width: 3 },
  senSupport: { stroke: PALETTE.turquoise, dash: '6,3', width: 2.5 },
  noSen: { stroke: PALETTE.maroon, dash: '2,3', width: 2 },
  anySen: { stroke: PALETTE.blue, width: 3 },
  allPupils: { stroke: PALETTE.darkGrey, dash: '8,4', width: 2 },
} as const satisfies Record<string, SeriesStyle>;

/** Names of the SEN groups, as line labels read. */
export const SEN_NAMES = { ehcp: 'EHC plan', senSupport: 'SEN support', noSen: 'No SEN', anySen: 'Any SEN', allPupils: 'All pupils' } as const;

/** A chart's one subject line (England alone on a national chart) is drawn as an area's own line. */
export const SUBJECT_STYLE: SeriesStyle = COMPARISON_STYLE.area;

/** The one term for the DfE's group of 10 similar councils, and what it means. */
export const NEIGHBOURS_TERM = 'statistical neighbours';
export const NEIGHBOURS_LABEL = 'Statistical neighbours (median)';
export const NEIGHBOURS_MEANING =
  'Statistical neighbours are the 10 councils the Department for Education judges most like this one (in population, deprivation and other characteristics).';

/** Names of the comparison series, as charts label them and tables head them. */
export function comparisonNames(areaName: string, regionName: string): { area: string; england: string; region: string; neighbours: string } {
  return { area: areaName, england: 'England', region: regionName, neighbours: NEIGHBOURS_LABEL };
}
