/** Where each chart lives on the site: the page and anchor its embed and files link back to. */
import type { ChartSpec } from './types.ts';

export function chartPage(spec: Pick<ChartSpec, 'key'>, scope: 'area' | 'region' | 'national', topicPath: string): string {
  if (scope === 'area') return `/areas/${spec.key}/`;
  if (scope === 'region') return `/regions/${spec.key}/`;
  return topicPath;
}

/** Page URL with the chart's anchor. Charts carry their home page in `page` (set by their factory). */
export function chartHome(spec: ChartSpec): string {
  return `${spec.page}#chart-${spec.id}`;
}
