/** Shared set-up for integration tests over data/raw/. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { buildGeography, geographyFiles } from '../src/datasets/geography.ts';
import { GeographyIndex } from '../src/lib/geography.ts';
import { makeContext, type BuildContext } from '../src/lib/pipeline.ts';
import { PROJECT_ROOT, RAW_DIR, readManifest } from '../src/lib/sources.ts';

let cached: Promise<BuildContext> | null = null;
export function realContext(): Promise<BuildContext> {
  cached ??= (async () => {
    const manifest = readManifest();
    const boot = makeContext(RAW_DIR, manifest, null as unknown as GeographyIndex);
    const geo = new GeographyIndex(await buildGeography(geographyFiles(boot.file)));
    return makeContext(RAW_DIR, manifest, geo);
  })();
  return cached;
}

/**
 * The HTML of `<section id="ID">` up to its own closing tag, counting nested sections (scroll
 * regions are `<section>`s too), or null when the page has no such section.
 */
export function sectionHtml(html: string, id: string): string | null {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) return null;
  const tag = /<section[\s>]|<\/section>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  throw new Error(`section ${id} is never closed`);
}

/** A built page's HTML from dist/ (`path` is the page's folder, e.g. `areas/coventry`). */
export function distPage(path: string): string {
  const dist = join(PROJECT_ROOT, 'dist');
  if (!existsSync(dist)) throw new Error('dist/ not found: run `npm run build` first');
  return readFileSync(join(dist, path, 'index.html'), 'utf8');
}

/** `<section id="ID">` of a built page; the test fails when the page has none. */
export function requireSection(html: string, id: string): string {
  const s = sectionHtml(html, id);
  expect(s, `section ${id}`).not.toBeNull();
  return s!;
}

/** Every area's slug, from the built geography. */
export function areaSlugs(): string[] {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/generated/geography.json'), 'utf8')) as { areas: { slug: string }[] }).areas.map((a) => a.slug);
}

/**
 * Tests over built data never skip: when a file they read is absent they fail, naming the file and
 * the command that makes it. Call at the top of a test file, before importing anything that reads it.
 * `paths` are absolute or relative to the project root ("src/generated/ehcp.json", "data/raw/geo/las.csv").
 */
export function requireData(paths: readonly string[]): void {
  const missing = paths.filter((p) => !existsSync(resolve(PROJECT_ROOT, p))).map((p) => relative(PROJECT_ROOT, resolve(PROJECT_ROOT, p)));
  if (missing.length === 0) return;
  const how = missing.every((p) => p.startsWith('data/raw/'))
    ? '`DATA_MIRROR=../shared/data npm run data:fetch` (or `npm run build`)'
    : '`npm run build` (or `DATA_MIRROR=../shared/data npm run data:fetch && npm run data:build`)';
  throw new Error(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: run ${how} first`);
}

/** `requireData` for src/generated/<name>.json, e.g. `requireGenerated(['ehcp', 'tribunal'])`. */
export function requireGenerated(names: readonly string[]): void {
  requireData(names.map((n) => `src/generated/${n}.json`));
}

/** `requireData` for files under data/raw/ (paths relative to it); with none, the EHC plans caseload file every data:fetch writes. */
export function requireRaw(paths: readonly string[] = ['ehcp/ees_2025_release/data/caseload.csv']): void {
  requireData(paths.map((p) => `data/raw/${p}`));
}
