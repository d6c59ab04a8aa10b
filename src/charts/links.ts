/** Where each chart lives on the site: the page and anchor its embed and files link back to. */
import type { ChartSpec } from './types.ts';

/** Page URL with the chart's anchor. Charts carry their home page in `page` (set by their factory). */
export function chartHome(spec: ChartSpec): string {
  return `${spec.page}#chart-${spec.id}`;
}
