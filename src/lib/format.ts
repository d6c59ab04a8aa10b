/** Formatting for British English readers: 1,234 · 12.3% · 23 November 2026. */
import { roundTo } from './cell.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatNumber(n: number, dp = 0): string {
  return roundTo(n, dp).toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

export function formatPercent(n: number, dp = 1): string {
  return `${formatNumber(n, dp)}%`;
}

/** "2024-09-06" → "6 September 2024"; "2022-10" → "October 2022". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`"${iso}" is not an ISO date`);
  const month = MONTHS[Number(m[2]) - 1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** "2024-09-06" or "2024-09" → "September 2024". */
export function formatMonth(isoOrMonth: string): string {
  return formatDate(isoOrMonth.slice(0, 7));
}

/** "202425" → "2024/25"; "2024" → "2024". */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})(\d{2})$/.exec(period);
  return m ? `${m[1]}/${m[2]}` : period;
}

/** Join a list in prose: "a, b and c". */
export function listInProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 area", "2 areas". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** A council type in running text: "county council", "London borough" (proper nouns keep their capital). */
export function councilTypeInProse(laType: string): string {
  return laType.toLowerCase().replace(/\blondon\b/g, 'London');
}
