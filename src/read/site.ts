/** Site-wide facts and the loaded datasets pages share. */
import geographyJson from '../generated/geography.json';
import catalogueJson from '../generated/catalogue.json';
import manifestJson from '../../data/sources.json';
import type { CatalogueEntry } from '../lib/downloads.ts';
import { GeographyIndex, type Geography } from '../lib/geography.ts';
import type { Manifest } from '../lib/sources.ts';

export const SITE_NAME = 'SEND outcomes in England';
export const SITE_TAGLINE = 'How each local area does for children and young people with special educational needs and disabilities';
export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
export const OGL_LINE = 'Contains public sector information licensed under the Open Government Licence v3.0.';
export const ONS_LINE = 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2023.';

export const geo = new GeographyIndex(geographyJson as Geography);
export const manifest = manifestJson as Manifest;
export const catalogue = catalogueJson as CatalogueEntry[];

export function areaUrl(slug: string): string {
  return `/areas/${slug}/`;
}

export function regionUrl(slug: string): string {
  return `/regions/${slug}/`;
}

/** Absolute URL on the configured site, for citations. */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

/** A source's entry in data/sources.json; the build stops if there is none. */
export function manifestSource(id: string) {
  const s = manifest.sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id} in data/sources.json`);
  return s;
}

/** "Publisher, Publication" of a source, as chart source lines begin. */
export function sourceLine(id: string): string {
  const s = manifestSource(id);
  return `${s.publisher}, ${s.publication}`;
}

/** The ISO date in a source's release ("… (2026-04-08)"); the build stops if it has none. */
export function sourceDate(id: string): string {
  const d = /\((\d{4}-\d{2}-\d{2})\)/.exec(manifestSource(id).release)?.[1];
  if (!d) throw new Error(`data/sources.json: the release of ${id} has no date "(YYYY-MM-DD)"`);
  return d;
}

/** A source's release as the manifest records it (e.g. "May 2025 set (…)"), for wording on pages. */
export function sourceRelease(id: string): string {
  return manifestSource(id).release;
}
