/** The one lookup of the area or region a chart's key names (an area or region slug); an unknown key stops with what is wrong. */
import type { Area, Region } from '../lib/geography.ts';
import { geo } from '../read/site.ts';

export function areaBySlug(slug: string): Area {
  const a = geo.bySlug.get(slug);
  if (!a) throw new Error(`no area with slug ${slug}`);
  return a;
}

export function regionBySlug(slug: string): Region {
  const r = geo.geography.regions.find((x) => x.slug === slug);
  if (!r) throw new Error(`no region with slug ${slug}`);
  return r;
}
