/**
 * The EHC plan, tribunal and outcomes series as pages and charts read them,
 * with the comparisons every area gets: England, its region and the median of
 * its 10 statistical neighbours.
 */
import ehcpJson from '../generated/ehcp.json';
import tribunalJson from '../generated/tribunal.json';
import outcomesJson from '../generated/outcomes.json';
import { describeCell, roundTo, value, type Cell } from '../lib/cell.ts';
import type { Area } from '../lib/geography.ts';
import { ENGLAND, fromJsonCell, SeriesView, type JsonCell, type SeriesJson } from '../lib/series.ts';
import { fmtInt, fmtPc, growthPc, timelinessText } from '../lib/send-text.ts';
import { median } from '../lib/spread.ts';
import { geo } from './site.ts';
import { SOURCE_LINES, tribunalRelease } from './source-lines.ts';

/** Every chart and measure from the LAIT data store cites it this way, from data/sources.json. */
export const LAIT_SOURCE = SOURCE_LINES.lait.source;
export const LAIT_RELEASE = SOURCE_LINES.lait.release;
/** And every chart and measure from the SEN2 collection (EHC plans). */
export const SEN2_SOURCE = SOURCE_LINES.sen2.source;
export const SEN2_RELEASE = SOURCE_LINES.sen2.release;

export const ehcp = new SeriesView(ehcpJson as unknown as SeriesJson);
export const tribunal = new SeriesView(tribunalJson as unknown as SeriesJson);
export const outcomes = new SeriesView(outcomesJson as unknown as SeriesJson);

export const ehcpWithheld = (ehcpJson as unknown as { withheld: Record<string, string[]> }).withheld;
/** Published figures the site departs from (recomputed from DfE's counts), by area: disclosed wherever they are offered. */
export const ehcpDepartures = (ehcpJson as unknown as { departures?: Record<string, string[]> }).departures ?? {};
export const tribunalCautions = (tribunalJson as unknown as { cautions: Record<string, string[]> }).cautions;

/** The tribunal table's releases, the method break, publisher caveats and the regional series (see src/datasets/tribunal.ts). */
export interface TribunalExtras {
  flags: Record<string, Record<string, string>>;
  englandNotes: Record<string, string>;
  regions: Record<string, Record<string, JsonCell[]>>;
  releases: { breakYear: number; releaseOf: Record<string, string>; revised: { year: number; areas: number; england: { from: number; to: number } }; methodNote: string; old: string; latest: string };
}
export const tribunalExtras = tribunalJson as unknown as TribunalExtras;

/** Every tribunal chart and measure cites the table this way: which release (and method) each year comes from. */
export const TRIBUNAL_SOURCE = SOURCE_LINES.tribunal.source;
export const TRIBUNAL_RELEASE = tribunalRelease(tribunal.measure('appeal_rate').periods[0]!, tribunalExtras.releases.breakYear, tribunal.measure('appeal_rate').periods.at(-1)!);

export interface Comparison {
  area: Cell;
  region: Cell;
  england: Cell;
  /** Median of the neighbours that have a value. */
  neighbours: Cell;
  neighboursWithValue: number;
}

/**
 * Region value for a measure. EES files and LAIT publish regional rows; the
 * tribunal table does not, so its regional appeal rates are worked out in the
 * pipeline over every council in the region that year, including councils
 * since replaced (src/datasets/tribunal.ts, regionalRates).
 */
export function regionCell(view: SeriesView, id: string, regionCode: string, period: number): Cell {
  if (view.hasGeo(id, regionCode)) return view.cell(id, regionCode, period);
  if (view === tribunal) {
    const series = tribunalExtras.regions[id]?.[regionCode];
    const i = view.measure(id).periods.indexOf(period);
    if (series && i >= 0) return fromJsonCell(series[i]);
  }
  return { kind: 'symbol', code: 'x' };
}

export function compare(view: SeriesView, id: string, area: Area, period: number): Comparison {
  const ns = geo.neighboursOf(area).map((n) => view.cell(id, n.laCode, period));
  const vals = ns.flatMap((c) => (c.kind === 'value' ? [c.value] : []));
  const m = median(vals);
  return {
    area: view.cell(id, area.laCode, period),
    region: regionCell(view, id, area.regionCode, period),
    england: view.cell(id, ENGLAND, period),
    neighbours: m === null ? { kind: 'symbol', code: 'x' } : value(m),
    neighboursWithValue: vals.length,
  };
}

/** The latest period in which the area has a value for the measure, or null. */
export function latestWithValue(view: SeriesView, id: string, key: string): number | null {
  const s = view.series(id, key).filter((p) => p.cell.kind === 'value');
  return s.length ? s[s.length - 1]!.period : null;
}

// ------------------------------------------------------------ key facts
// Small pure functions for an area's key facts (the lead's "key facts" block
// and the EHC plans section use them). Every number comes from the pipeline.

/** Children and young people with a plan at January: EHC plans plus any statements still held. */
export function plansCell(key: string, year: number): Cell {
  const p = ehcp.cell('ehc_plans', key, year);
  const s = ehcp.cell('statements', key, year);
  if (p.kind !== 'value') return s.kind === 'value' ? s : p;
  return s.kind === 'value' ? value(p.value + s.value) : p;
}

export interface Growth {
  from: number;
  to: number;
  /** % change; null where either end has no figure (e.g. an area created since). */
  area: number | null;
  region: number | null;
  england: number | null;
  neighbours: number | null;
  neighboursWithValue: number;
}

/** % growth in plans held from January `from` to January `to`; null where either has no figure. */
export function planGrowth(key: string, from: number, to: number): number | null {
  return growthPc(plansCell(key, from), plansCell(key, to));
}

export interface PlanFacts {
  year: number;
  count: Comparison;
  growth: Growth;
}

/** Latest EHC plan count (January) and growth over `years` years, with comparators. */
export function ehcpCountFacts(area: Area, years = 5): PlanFacts {
  const periods = ehcp.measure('ehc_plans').periods;
  const year = periods[periods.length - 1]!;
  const from = year - years;
  const ns = geo.neighboursOf(area).map((n) => planGrowth(n.laCode, from, year)).filter((g): g is number => g !== null);
  const nCounts = geo.neighboursOf(area).map((n) => plansCell(n.laCode, year)).flatMap((c) => (c.kind === 'value' ? [c.value] : []));
  const nm = median(nCounts);
  return {
    year,
    count: {
      area: plansCell(area.laCode, year),
      region: plansCell(area.regionCode, year),
      england: plansCell(ENGLAND, year),
      neighbours: nm === null ? { kind: 'symbol', code: 'x' } : value(nm),
      neighboursWithValue: nCounts.length,
    },
    growth: {
      from,
      to: year,
      area: planGrowth(area.laCode, from, year),
      region: planGrowth(area.regionCode, from, year),
      england: planGrowth(ENGLAND, from, year),
      neighbours: median(ns),
      neighboursWithValue: ns.length,
    },
  };
}

export interface TimelinessFacts {
  year: number;
  /** % of new plans issued within 20 weeks, including exception cases. */
  pc: Comparison;
  plansIssued: Cell;
  withinLimit: Cell;
  /** "45.9%", "no plans issued", "suppressed"… never 0% for no plans. */
  text: string;
}

/** Latest 20-week timeliness (calendar year) for an area, with comparators. */
export function timelinessFacts(area: Area): TimelinessFacts {
  const periods = ehcp.measure('t20_pc').periods;
  const year = periods[periods.length - 1]!;
  const pc = compare(ehcp, 't20_pc', area, year);
  const den = ehcp.cell('t20_den', area.laCode, year);
  return { year, pc, plansIssued: den, withinLimit: ehcp.cell('t20_num', area.laCode, year), text: timelinessText(pc.area, den) };
}

export interface AreaSummaryRow {
  area: Area;
  /** Display text: numbers formatted, symbols as words, "no plans issued" where none. */
  count: string;
  growth: string;
  timeliness: string;
  refused: string;
  appealRate: string;
}

/** Latest headline figures for each area (tables on /ehc-plans/ and region pages). */
export function areaSummaryRows(areas: readonly Area[]): { rows: AreaSummaryRow[]; countYear: number; growthFrom: number; timelinessYear: number; refusedYear: number; appealYear: number } {
  const refusedYear = ehcp.measure('refused_pc').periods.at(-1)!;
  const appealYear = tribunal.measure('appeal_rate').periods.at(-1)!;
  const pcOr = (n: number | null) => (n === null ? 'no figure' : `${n > 0 ? '+' : ''}${roundTo(n, 0).toFixed(0)}%`);
  let countYear = 0;
  let growthFrom = 0;
  let timelinessYear = 0;
  const rows = areas.map((area) => {
    const f = ehcpCountFacts(area);
    const t = timelinessFacts(area);
    countYear = f.year;
    growthFrom = f.growth.from;
    timelinessYear = t.year;
    return {
      area,
      count: describeCell(f.count.area, fmtInt),
      growth: pcOr(f.growth.area),
      timeliness: t.text,
      refused: describeCell(ehcp.cell('refused_pc', area.laCode, refusedYear), (n) => fmtPc(n)),
      // A figure the publisher flags (Isle of Wight 2025) says so wherever it is listed.
      appealRate: describeCell(tribunal.cell('appeal_rate', area.laCode, appealYear), (n) => fmtPc(n)) + (tribunalExtras.flags[area.laCode]?.[String(appealYear)] ? ' (DfE: data quality issues)' : ''),
    };
  });
  return { rows, countYear, growthFrom, timelinessYear, refusedYear, appealYear };
}

/** Split or merged areas whose figures before the change are kept separately (labelled), e.g. "Northamptonshire (before April 2021)". */
export function predecessorsOf(area: Area): string[] {
  const geos = (ehcpJson as unknown as SeriesJson).geos;
  return Object.values(geos)
    .filter((g) => g.kind === 'predecessor' && g.successors?.includes(area.laCode))
    .map((g) => g.name);
}

/** Why an area has a blank (no row) in a year: it did not exist yet in its present form. */
export function blankReason(area: Area): string {
  const preds = predecessorsOf(area);
  return preds.length ? `the area did not exist in its present form; figures for ${preds.join(' and ')} are kept separately` : 'no figure published';
}
