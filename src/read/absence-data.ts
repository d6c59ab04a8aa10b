/**
 * The absence datasets as pages use them: typed look-ups over the generated
 * JSON, and the comparators (England, region, neighbours; or medians of
 * groups of areas for the SEN-status file, which has no England row).
 */
import laitJson from '../generated/absence-lait.json';
import bandsJson from '../generated/absence-bands.json';
import senJsonData from '../generated/absence-sen.json';
import { BLANK, roundTo, symbol, value, type Cell } from '../lib/cell.ts';
import type { Area, GeographyIndex } from '../lib/geography.ts';
import { fromJsonCell } from '../lib/series.ts';
import { spread, type Spread } from '../lib/spread.ts';
import type { BandsJson, LaitJson, SenJson } from '../datasets/absence.ts';
import type { SenMetric } from '../datasets/absence-sen.ts';

export const lait = laitJson as unknown as LaitJson;
export const bands = bandsJson as unknown as BandsJson;
export const sen = senJsonData as unknown as SenJson;

/** All-pupil LAIT series for a place key (DfE code, E92000001, region code, pred-<code>). */
export function laitSeries(key: string, measure: string, phase = 'total'): Cell[] {
  const s = lait.series[key]?.[`${measure}|${phase}`];
  return lait.periods.map((_, i) => fromJsonCell(s?.[i]));
}

/** Latest period with a value for England in a LAIT measure. */
export function laitLatestIndex(measure: string, phase = 'total'): number {
  const s = lait.series['E92000001']![`${measure}|${phase}`]!;
  for (let i = s.length - 1; i >= 0; i--) if (typeof s[i] === 'number') return i;
  throw new Error(`LAIT ${measure} ${phase}: no England value`);
}

/** Bands rate (persistent or severe) for a place, phase and SEN status, per period. */
export function bandsRates(key: string, phase: string, senStatus: 'all' | 'any' | 'none', which: 'persistent' | 'severe'): Cell[] {
  const s = bands.series[key]?.[`${phase}|${senStatus}`];
  return bands.periods.map((_, i) => {
    const c = s?.[i];
    if (!c) return BLANK;
    const [enrol, pa, sa] = c;
    if (enrol === 0) return symbol('z');
    return value(((which === 'persistent' ? pa : sa) / enrol) * 100);
  });
}

export type SenSeriesGroup = 'ehcp' | 'support' | 'none';

/** SEN-status values for one area (or any place key) in a metric, per slot; null where not published. */
export function senSeries(metric: SenMetric, phase: string, group: SenSeriesGroup, key: string): (number | null)[] {
  const arr = sen.values[metric]?.[`${phase}|${group}`]?.[key];
  return sen.slots[metric].map((_, i) => arr?.[i] ?? null);
}

/** Index of the latest slot of a metric with at least one published value. */
export function senLatestIndex(metric: SenMetric): number {
  const slots = sen.slots[metric];
  for (let i = slots.length - 1; i >= 0; i--) {
    const any = Object.values(sen.values[metric]?.['total|ehcp'] ?? {}).some((a) => a[i] !== null && a[i] !== undefined);
    if (any) return i;
  }
  throw new Error(`${metric}: no values`);
}

/** Median and spread of a group of today's areas for one SEN-status slot. */
export function senSpread(metric: SenMetric, phase: string, group: SenSeriesGroup, slot: number, areas: readonly Area[]): Spread | null {
  return spread(areas.map((a) => senSeries(metric, phase, group, a.laCode)[slot] ?? null));
}

export interface SenComparators {
  all: Spread | null;
  region: Spread | null;
  neighbours: Spread | null;
}

export function senComparators(geo: GeographyIndex, area: Area, metric: SenMetric, phase: string, group: SenSeriesGroup, slot: number): SenComparators {
  return {
    all: senSpread(metric, phase, group, slot, geo.areas),
    region: senSpread(metric, phase, group, slot, geo.areasInRegion(area.regionCode)),
    neighbours: senSpread(metric, phase, group, slot, geo.neighboursOf(area)),
  };
}

/** Median of the neighbours' LAIT values per period (they are published for every area). */
export function laitNeighbourMedian(geo: GeographyIndex, area: Area, measure: string, phase = 'total'): (Spread | null)[] {
  const series = geo.neighboursOf(area).map((n) => laitSeries(n.laCode, measure, phase));
  return lait.periods.map((_, i) => spread(series.map((s) => (s[i]!.kind === 'value' ? (s[i] as { value: number }).value : null))));
}

export type Direction = 'up' | 'down' | 'same' | 'unknown';

export interface PersistentAbsenceFact {
  group: 'ehcp' | 'support';
  /** Academic year of the latest figure, e.g. "202425". */
  period: string;
  /** The area's latest rate (% of pupils persistently absent); null if not published. */
  value: number | null;
  /** The previous academic year with a slot in the source (null if none, or not published). */
  previousPeriod: string | null;
  previousValue: number | null;
  /** Change from the previous year, compared at 1 decimal place (the published precision); 'unknown' if either is missing. */
  direction: Direction;
  /** Medians and spreads of groups of areas: never an England figure. */
  comparators: SenComparators;
}

const PA_METRIC: SenMetric = 'enrolments_pa_10_exact_percent';

/**
 * Key facts for an area page: persistent absence (all schools) of pupils with
 * an EHC plan and on SEN support, the latest year, the direction of change
 * from the year before, and the medians of neighbours, region and all areas.
 */
export function persistentAbsenceFacts(geo: GeographyIndex, area: Area): PersistentAbsenceFact[] {
  const slot = senLatestIndex(PA_METRIC);
  const slots = sen.slots[PA_METRIC];
  const prev = slot > 0 ? slot - 1 : null;
  return (['ehcp', 'support'] as const).map((group) => {
    const series = senSeries(PA_METRIC, 'total', group, area.laCode);
    const v = series[slot] ?? null;
    const p = prev === null ? null : (series[prev] ?? null);
    return {
      group,
      period: slots[slot]!.period,
      value: v,
      previousPeriod: prev === null ? null : slots[prev]!.period,
      previousValue: p,
      direction: directionOf(p, v),
      comparators: senComparators(geo, area, PA_METRIC, 'total', group, slot),
    };
  });
}

/** Direction of change between two rates, compared at 1 decimal place. */
export function directionOf(before: number | null, after: number | null): Direction {
  if (before === null || after === null) return 'unknown';
  // The same rounding as the figures shown (roundTo), so "up" never contradicts two equal displayed values.
  const d = Math.round(roundTo(after, 1) * 10) - Math.round(roundTo(before, 1) * 10);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}
