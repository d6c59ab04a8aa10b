/**
 * The chart contract. A chart factory turns a key (an area slug, a region slug
 * or 'england') into a ChartSpec: everything the Figure component, the
 * per-chart CSV and SVG downloads and the embed page need.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { Column, CsvValue } from '../lib/downloads.ts';

export interface ChartSpec {
  /** Stable chart id, e.g. "ehcp-caseload"; the figure's anchor is #chart-<id>. */
  id: string;
  /** What the chart is about: an area slug, region slug or "england". */
  key: string;
  /** Active title, 10 words or fewer. */
  title: string;
  /** What is measured: population, geography, time. */
  subtitle: string;
  /** Source line, without the word "Source". */
  source: string;
  sourceIds: string[];
  /** The data release cited, e.g. "Education, health and care plans, June 2025". */
  release: string;
  /** The chart's data: its table and its CSV download. */
  columns: Column[];
  rows: Record<string, CsvValue>[];
  /** A generated plain-English text alternative. */
  summary: string;
  /** Caveats: suppressed values, breaks in the series. */
  notes: string[];
  /** Observable Plot options, rendered to SVG at build time… */
  plot?: PlotOptions;
  /** …or SVG markup made another way (maps, timelines). */
  svg?: string;
  /**
   * The chart's phone form (shown below 40rem, drawn PHONE_WIDTH = 344 units wide, text
   * at least 13): e.g. a 153-area ranking cut to the ends and the median. Without it the
   * phone shows `plot` redrawn at that width, or `svg` as it is.
   */
  phonePlot?: PlotOptions;
  phoneSvg?: string;
  /** Name of the area or region shown, for the citation. */
  placeName: string;
  /** The page the chart appears on (its anchor is #chart-<id>): embeds and files link back here. */
  page: string;
}

export interface ChartFactory {
  id: string;
  scope: 'area' | 'region' | 'national';
  /** Every key this chart exists for. */
  keys(): string[];
  make(key: string): ChartSpec;
}

/** What a chart's `make` returns under defineChart: the spec without the id and key, which defineChart fills in. */
export type ChartContent = Omit<ChartSpec, 'id' | 'key'>;

export interface ChartDef {
  id: string;
  scope: ChartFactory['scope'];
  keys(): string[];
  make(key: string): ChartContent;
}

/**
 * A chart factory from its definition: every spec it makes gets the chart's id and the key it
 * was made for, so a factory never restates them. (The registry runs checkSpec on every spec.)
 */
export function defineChart(def: ChartDef): ChartFactory {
  return { id: def.id, scope: def.scope, keys: () => def.keys(), make: (key) => ({ id: def.id, key, ...def.make(key) }) };
}

export const MAX_TITLE_WORDS = 10;

export function checkSpec(spec: ChartSpec): ChartSpec {
  const words = spec.title.trim().split(/\s+/).length;
  if (words > MAX_TITLE_WORDS) throw new Error(`chart ${spec.id}: title "${spec.title}" has ${words} words (at most ${MAX_TITLE_WORDS})`);
  if (/^source/i.test(spec.source)) throw new Error(`chart ${spec.id}: the source line must not start with "Source" (the figure adds it)`);
  if (!spec.summary) throw new Error(`chart ${spec.id}: no text alternative`);
  if (!spec.plot && !spec.svg) throw new Error(`chart ${spec.id}: neither plot nor svg`);
  if (spec.rows.length === 0) throw new Error(`chart ${spec.id} (${spec.key}): no rows`);
  return spec;
}
