/**
 * Money (DSG allocations, high needs block, DSG deficit, S251 spend per child
 * with a plan) and SEN prevalence (school census) as pages and charts read
 * them, with the comparisons every area gets: England, its region and the
 * median of its 10 statistical neighbours. Every number comes from the pipeline.
 */
import moneyJson from '../generated/money.json';
import prevalenceJson from '../generated/sen-prevalence.json';
import { describeCell, type Cell } from '../lib/cell.ts';
import type { Area } from '../lib/geography.ts';
import { ENGLAND, SeriesView, type SeriesJson } from '../lib/series.ts';
import { compare, outcomes, type Comparison } from './send-data.ts';
import { median } from '../lib/spread.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { geo } from './site.ts';
import { SOURCE_LINES } from './source-lines.ts';
import { BLOCKS } from '../datasets/money.ts';

export const money = new SeriesView(moneyJson as unknown as SeriesJson);
export const prevalence = new SeriesView(prevalenceJson as unknown as SeriesJson);

/** Current areas with no DSG allocation row in any year (City of London, Isles of Scilly). */
export const NO_ALLOCATION: readonly string[] = (moneyJson as unknown as { noAllocation: string[] }).noAllocation;

export const noAllocationText = (area: Area): string =>
  `The Education and Skills Funding Agency’s DSG allocation tables do not include ${/^(Isles|City) of/.test(area.name) ? 'the ' : ''}${area.name}: there is no published high needs block or DSG deficit figure for it, so none is shown (not £0).`;

export const hasAllocation = (area: Area): boolean => !NO_ALLOCATION.includes(area.laCode);

/** 2024 → "2023-24". */
export const fy = (p: number): string => `${p - 1}-${String(p % 100).padStart(2, '0')}`;

export const MONEY_SOURCE = SOURCE_LINES.money.source;
export const MONEY_RELEASE = SOURCE_LINES.money.release;
export const DEFICIT_SOURCE = SOURCE_LINES.deficit.source;
export const DEFICIT_RELEASE = SOURCE_LINES.deficit.release;
export const PREVALENCE_SOURCE = SOURCE_LINES.prevalence.source;
export const PREVALENCE_RELEASE = SOURCE_LINES.prevalence.release;
export const SPEND_SOURCE = SOURCE_LINES.spend.source;

export const hnbYears = (): number[] => money.measure('high_needs_block').periods;
export const deficitYears = (): number[] => money.measure('dsg_deficit_pc').periods.filter((p) => money.cell('dsg_deficit_pc', ENGLAND, p).kind === 'value');

const val = (c: Cell): number | null => (c.kind === 'value' ? c.value : null);

/** % growth of the high needs block between two financial years; null where either end has no figure. */
export function hnbGrowth(key: string, from: number, to: number): number | null {
  const a = val(money.cell('high_needs_block', key, from));
  const b = val(money.cell('high_needs_block', key, to));
  return a === null || b === null || a === 0 ? null : ((b - a) / a) * 100;
}

export interface HnbFacts {
  from: number;
  to: number;
  allocation: Cell;
  englandAllocation: Cell;
  growth: { area: number | null; region: number | null; england: number | null; neighbours: number | null; neighboursWithValue: number; neighbourValues: (number | null)[] };
  perPlan: Comparison;
  plans: Cell;
}

export function hnbFacts(area: Area): HnbFacts {
  const years = hnbYears();
  const from = years[0]!;
  const to = years.at(-1)!;
  const nv = geo.neighboursOf(area).map((n) => hnbGrowth(n.laCode, from, to));
  const known = nv.filter((x): x is number => x !== null);
  return {
    from,
    to,
    allocation: money.cell('high_needs_block', area.laCode, to),
    englandAllocation: money.cell('high_needs_block', ENGLAND, to),
    growth: { area: hnbGrowth(area.laCode, from, to), region: hnbGrowth(area.regionCode, from, to), england: hnbGrowth(ENGLAND, from, to), neighbours: median(known), neighboursWithValue: known.length, neighbourValues: nv },
    perPlan: compare(money, 'hnb_per_plan', area, to),
    plans: money.cell('plans_january', area.laCode, to),
  };
}

export function deficitFacts(area: Area): { year: number; c: Comparison; series: { year: number; cell: Cell }[] } {
  const years = deficitYears();
  const year = years.at(-1)!;
  return { year, c: compare(money, 'dsg_deficit_pc', area, year), series: years.map((y) => ({ year: y, cell: money.cell('dsg_deficit_pc', area.laCode, y) })) };
}

export function spendFacts(area: Area): { year: number; c: Comparison } {
  const id = 'sen_spend_per_child_week';
  const periods = outcomes.measure(id).periods;
  const year = [...periods].reverse().find((p) => outcomes.cell(id, ENGLAND, p).kind === 'value')!;
  return { year, c: compare(outcomes, id, area, year) };
}

export function prevalenceFacts(area: Area): { year: number; ehcp: Comparison; support: Comparison } {
  const year = prevalence.latestPeriod('ehcp_pc');
  return { year, ehcp: compare(prevalence, 'ehcp_pc', area, year), support: compare(prevalence, 'sen_support_pc', area, year) };
}

// ------------------------------------------------------------ wording

export const pounds = (n: number): string => `£${formatNumber(Math.round(n))}`;
/** £9,952,172,126 → "£9.95 billion"; £67,091,422 → "£67.1 million". Display only: the exact figure is in the table. */
export function poundsShort(n: number): string {
  if (Math.abs(n) >= 1e9) return `£${formatNumber(n / 1e9, 2)} billion`;
  if (Math.abs(n) >= 1e6) return `£${formatNumber(n / 1e6, 1)} million`;
  return pounds(n);
}
export const signedPc = (n: number, dp = 0): string => `${n >= 0 ? '+' : '−'}${formatPercent(Math.abs(n), dp)}`;
export const deficitPc = (n: number): string => formatPercent(n, 2);

/** "a deficit of 1.21% of its DSG" / "a surplus of 1.09% …" / "a balance of 0.00% …". */
export function deficitWords(n: number): string {
  if (n > 0) return `a deficit of ${deficitPc(n)} of its DSG allocation`;
  if (n < 0) return `a surplus of ${deficitPc(-n)} of its DSG allocation`;
  return 'neither a deficit nor a surplus';
}

export const describe = (c: Cell, f: (n: number) => string): string => describeCell(c, f);

/** The four blocks of the DSG, in the allocation tables' order. */
export const BLOCK_LABELS = BLOCKS;
