/**
 * One list of topics (src/lib/topics.ts): the pipeline, the chart registry and
 * the area page read it. Over the built site: every area page's contents and
 * section headings follow the list, in its order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/sources.ts';
import { TOPICS } from '../../src/lib/topics.ts';
import { DATASETS } from '../../src/datasets/index.ts';

const DIST = join(PROJECT_ROOT, 'dist');

describe('one list of topics', () => {
  it('orders the pipeline: the geography first, then each topic’s datasets, then the search index', () => {
    const ids = DATASETS.map((d) => d.id);
    expect(ids.slice(0, 2)).toEqual(['geography', 'boundaries']);
    expect(ids.at(-1)).toBe('search');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['coventry', 'city-of-london', 'north-yorkshire'])('%s: the contents and section headings follow the list, in order', (slug) => {
    const file = join(DIST, 'areas', slug, 'index.html');
    if (!existsSync(file)) throw new Error('dist/ not found: run `npm run build` first');
    const html = readFileSync(file, 'utf8');
    const contents = [...html.matchAll(/<li><a href="#([a-z-]+)">([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
    const topicLinks = contents.filter((id) => TOPICS.some((t) => t.id === id));
    expect(topicLinks).toEqual(TOPICS.map((t) => t.id));
    const headings = TOPICS.map((t) => new RegExp(`<h2 id="${t.id}-title">([^<]+)</h2>`).exec(html)?.[1]);
    expect(headings).toEqual(TOPICS.map((t) => t.label));
    const at = TOPICS.map((t) => html.indexOf(`<section id="${t.id}"`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
