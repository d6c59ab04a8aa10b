/**
 * Every chart on the site, by id. Pages call `chart(id, key)`; the per-chart
 * CSV and SVG endpoints (and embeds) enumerate `allCharts()`.
 * Add a chart to its topic's entry in BY_TOPIC.
 */
import { absenceCharts } from './absence.ts';
import { EHCP_CHARTS } from './ehcp.ts';
import { BENCHMARK_CHARTS } from './benchmark.ts';
import { areasByRegion } from './geography.ts';
import { INSPECTION_CHARTS } from './inspections.ts';
import { MONEY_CHARTS, PREVALENCE_CHARTS } from './money.ts';
import { TRIBUNAL_CHARTS } from './tribunal.ts';
import { checkSpec, type ChartFactory, type ChartSpec } from './types.ts';
import { TOPICS, type TopicId } from '../lib/topics.ts';

/** Each topic's charts (src/lib/topics.ts). */
const BY_TOPIC: Record<TopicId, ChartFactory[]> = {
  inspections: INSPECTION_CHARTS,
  'sen-prevalence': PREVALENCE_CHARTS,
  'ehc-plans': [...EHCP_CHARTS, ...TRIBUNAL_CHARTS],
  money: MONEY_CHARTS,
  absence: absenceCharts,
};

/** The site-wide chart, each topic's in the topics' order, then the neighbour benchmarks (one per measure). */
export const CHARTS: ChartFactory[] = [areasByRegion, ...TOPICS.flatMap((t) => BY_TOPIC[t.id]), ...BENCHMARK_CHARTS];

const byId = new Map<string, ChartFactory>();
function factories(): Map<string, ChartFactory> {
  if (byId.size !== CHARTS.length || CHARTS.some((f) => byId.get(f.id) !== f)) {
    byId.clear();
    for (const f of CHARTS) {
      if (byId.has(f.id)) throw new Error(`two charts have the id ${f.id}`);
      byId.set(f.id, f);
    }
  }
  return byId;
}

const cache = new Map<string, ChartSpec>();

/** The chart `id` for `key` (an area slug, region slug or "england"). */
export function chart(id: string, key: string): ChartSpec {
  const cacheKey = `${id}/${key}`;
  let spec = cache.get(cacheKey);
  if (!spec) {
    const f = factories().get(id);
    if (!f) throw new Error(`no chart with id ${id}`);
    // Every consumer (pages, CSV, SVG, PNG, README, embeds) gets its spec from here, so every spec is checked here.
    spec = checkSpec(f.make(key));
    if (spec.id !== id || spec.key !== key) throw new Error(`chart ${id}/${key}: its factory made a spec for ${spec.id}/${spec.key}`);
    cache.set(cacheKey, spec);
  }
  return spec;
}

export function allCharts(): { id: string; key: string }[] {
  return [...factories().values()].flatMap((f) => f.keys().map((key) => ({ id: f.id, key })));
}
