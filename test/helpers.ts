/** Shared set-up for integration tests over data/raw/. */
import { existsSync } from 'node:fs';
import { buildGeography, geographyFiles } from '../src/datasets/geography.ts';
import { GeographyIndex } from '../src/lib/geography.ts';
import { makeContext, type BuildContext } from '../src/lib/pipeline.ts';
import { RAW_DIR, readManifest } from '../src/lib/sources.ts';

export const RAW_PRESENT = existsSync(`${RAW_DIR}/ehcp/ees_2025_release/data/caseload.csv`);

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
