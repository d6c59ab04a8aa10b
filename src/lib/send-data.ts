/**
 * The EHC plan, tribunal and outcomes series as pages and charts read them,
 * with the comparisons every area gets: England, its region and the median of
 * its 10 statistical neighbours.
 */
import ehcpJson from '../generated/ehcp.json';
import tribunalJson from '../generated/tribunal.json';
import outcomesJson from '../generated/outcomes.json';
import { value, type Cell } from './cell.ts';
import type { Area } from './geography.ts';
import { ENGLAND, SeriesView, type SeriesJson } from './series.ts';
import { median } from './send-text.ts';
import { geo } from './site.ts';

export const ehcp = new SeriesView(ehcpJson as unknown as SeriesJson);
export const tribunal = new SeriesView(tribunalJson as unknown as SeriesJson);
export const outcomes = new SeriesView(outcomesJson as unknown as SeriesJson);

export const ehcpWithheld = (ehcpJson as unknown as { withheld: Record<string, string[]> }).withheld;
export const tribunalCautions = (tribunalJson as unknown as { cautions: Record<string, string[]> }).cautions;

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
 * tribunal table does not, so its regional appeal rate is computed from the
 * areas' appeals and decisions (nil counted as 0), over areas with both.
 */
export function regionCell(view: SeriesView, id: string, regionCode: string, period: number): Cell {
  if (view.hasGeo(id, regionCode)) return view.cell(id, regionCode, period);
  if (view === tribunal && id === 'appeal_rate') {
    let appeals = 0;
    let decisions = 0;
    let n = 0;
    for (const a of geo.areasInRegion(regionCode)) {
      const ap = view.cell('appeals', a.laCode, period);
      const de = view.cell('decisions', a.laCode, period);
      const apv = ap.kind === 'value' ? ap.value : ap.kind === 'symbol' && ap.code === '-' ? 0 : null;
      if (apv === null || de.kind !== 'value') continue;
      appeals += apv;
      decisions += de.value;
      n += 1;
    }
    return n === 0 || decisions === 0 ? { kind: 'symbol', code: 'x' } : value((appeals / decisions) * 100);
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
