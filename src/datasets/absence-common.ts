/**
 * Shared pieces of the absence datasets: where a row belongs (England, a
 * region, one of today's 153 areas or a predecessor area), academic-year
 * labels and education phases.
 */
import { formatMonth } from '../lib/format.ts';
import type { GeographyIndex, Resolution } from '../lib/geography.ts';

export type Phase = 'total' | 'primary' | 'secondary' | 'special';
export const PHASES: readonly Phase[] = ['total', 'primary', 'secondary', 'special'];
export const PHASE_LABEL: Record<Phase, string> = {
  total: 'All state-funded schools',
  primary: 'State-funded primary',
  secondary: 'State-funded secondary',
  special: 'Special schools',
};

/**
 * Where a figure belongs.
 * - national / regional: a published England or region row.
 * - la: one of today's 153 areas (`status` current or recoded: same area, earlier code).
 * - predecessor: an area that was later split or merged; its figures are its own,
 *   never a successor's, and it is labelled e.g. "Northamptonshire (before April 2021)".
 */
export interface GeoRef {
  level: 'national' | 'regional' | 'la' | 'predecessor';
  /** E92000001, an E12 region code, today's DfE code, or the predecessor's DfE code. */
  key: string;
  name: string;
  /** For la: the code used in the source when it is not today's (a marked break in the series). */
  sourceCode?: string;
  status?: 'current' | 'recoded';
  /** For predecessors: DfE codes of today's areas that took over the predecessor. */
  successors?: string[];
}

export const ENGLAND: GeoRef = { level: 'national', key: 'E92000001', name: 'England' };

/** "Northamptonshire (before April 2021)" for a predecessor resolution. */
export function predecessorLabel(res: Resolution): string {
  const first = res.changes[0]!;
  const name = (res.predecessorName ?? first.oldName).replace(/ \(county\)$/, '');
  return `${name} (before ${formatMonth(first.effectiveDate)})`;
}

/**
 * Map a local-authority code from a source to a GeoRef. An unknown code
 * throws (the caller wraps it with file, line and column).
 */
export function laGeoRef(geo: GeographyIndex, code: string): GeoRef {
  const res = geo.resolve(code);
  if (!res) throw new Error(`${code} is not a local area code known to the code history`);
  if (res.kind === 'predecessor') {
    const first = res.changes[0]!;
    return { level: 'predecessor', key: first.oldLaCode, name: predecessorLabel(res), sourceCode: code, successors: res.laCodes };
  }
  if (res.laCodes.length !== 1) throw new Error(`${code} resolves to ${res.laCodes.length} areas but is not a predecessor`);
  const area = geo.area(res.laCodes[0]!);
  return res.kind === 'current'
    ? { level: 'la', key: area.laCode, name: area.name, status: 'current' }
    : { level: 'la', key: area.laCode, name: area.name, status: 'recoded', sourceCode: code };
}

/** 201819 → "2018/19". */
export function periodLabel(period: string): string {
  if (!/^\d{6}$/.test(period)) throw new Error(`"${period}" is not a six-digit academic year`);
  return `${period.slice(0, 4)}/${period.slice(4)}`;
}

/** The calendar year an academic year ends in → its six-digit period: 2022 → "202122". */
export function periodFromEndYear(endYear: number): string {
  return `${endYear - 1}${String(endYear).slice(2)}`;
}

/** Academic years with full-year absence figures in any source, 2015/16 to 2024/25, including the 2019/20 gap. */
export const ABSENCE_YEARS: readonly string[] = Array.from({ length: 10 }, (_, i) => periodFromEndYear(2016 + i));

/** 2019/20: no full-year absence was collected (schools closed in March 2020). */
export const NO_DATA_PERIOD = '201920';
