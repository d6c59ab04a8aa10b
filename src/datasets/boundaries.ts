/**
 * Boundaries → projected SVG paths, computed once at build time.
 *
 * ONS Counties and Unitary Authorities (December 2023, BSC) are filtered to
 * England, matched to today's 153 areas through the code history (Barnsley and
 * Sheffield carry their pre-2025 codes), simplified as TopoJSON (shared edges
 * stay shared) and projected with d3-geo. London's 33 boroughs are drawn in an
 * inset; the main map shows London as one outline, so every area has exactly
 * one shape on the national map.
 */
import { geoAlbers, geoArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { DataError } from '../lib/csv.ts';
import { ENGLAND_BOUNDS, readBoundaries } from '../lib/geojson.ts';
import type { DatasetBuilder } from '../lib/pipeline.ts';

export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 680;
/** Where London's inset sits (top right, over the North Sea). */
export const INSET = { x: 400, y: 10, width: 190, height: 150 };
/** The main map's frame, left of the inset. */
const MAIN_EXTENT: [[number, number], [number, number]] = [[10, 10], [470, MAP_HEIGHT - 10]];

export interface MapArea {
  laCode: string;
  /** Path on the national map (London boroughs: in the inset). */
  d: string;
  /** Path in the main frame (for locator maps). */
  dMain: string;
  /** Centroid in the main frame. */
  cx: number;
  cy: number;
  inInset: boolean;
}

export interface EnglandMap {
  width: number;
  height: number;
  inset: typeof INSET;
  england: string;
  london: string;
  areas: MapArea[];
}

type AreaFeature = Feature<Polygon | MultiPolygon, { laCode: string }>;

/** d3-geo wants clockwise exterior rings; GeoJSON (RFC 7946) gives anticlockwise. */
function rewind(f: AreaFeature): AreaFeature {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const rev = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  const g = f.geometry;
  const geometry = g.type === 'Polygon' ? { ...g, coordinates: rev(g.coordinates) } : { ...g, coordinates: g.coordinates.map(rev) };
  return { ...f, geometry };
}

export function buildEnglandMap(geojsonPath: string, resolve: (onsCode: string) => string | null, expected: number): EnglandMap {
  const fc = readBoundaries(geojsonPath, { codeProperty: 'CTYUA23CD', ...ENGLAND_BOUNDS, include: (code) => code.startsWith('E') });
  const areas: AreaFeature[] = [];
  const seen = new Set<string>();
  for (const [i, f] of fc.features.entries()) {
    const code = String(f.properties['CTYUA23CD'] ?? '');
    if (!code.startsWith('E')) continue;
    const laCode = resolve(code);
    if (!laCode) throw new DataError(geojsonPath, null, 'CTYUA23CD', `feature ${i + 1}: ${code} (${String(f.properties['CTYUA23NM'])}) is not a current area. Check the boundary file is the one in data/sources.json (run \`npm run data:fetch\`)`);
    if (seen.has(laCode)) throw new DataError(geojsonPath, null, 'CTYUA23CD', `feature ${i + 1}: a second shape for area ${laCode} (${code}): each area must have exactly one feature. Run \`npm run data:fetch\` to restore the published file`);
    seen.add(laCode);
    areas.push({ type: 'Feature', properties: { laCode }, geometry: f.geometry });
  }
  if (areas.length !== expected) {
    throw new DataError(geojsonPath, null, 'CTYUA23CD', `expected one feature for each of the ${expected} areas, found ${areas.length}: ${expected - areas.length} area${expected - areas.length === 1 ? '' : 's'} have no shape. Run \`npm run data:fetch\` to restore the published file`);
  }

  let topo = topology({ areas: { type: 'FeatureCollection', features: areas } } as unknown as Parameters<typeof topology>[0], 1e5) as unknown as Topology;
  topo = presimplify(topo as never) as unknown as Topology;
  topo = simplify(topo as never, quantile(topo as never, 0.12)) as unknown as Topology;
  const collection = topo.objects['areas'] as GeometryCollection<{ laCode: string }>;
  const simplified = (feature(topo, collection) as unknown as FeatureCollection<Polygon | MultiPolygon, { laCode: string }>).features.map(
    (f) => rewind(f as AreaFeature),
  );
  const isLondon = (f: AreaFeature) => londonCodes.has(f.properties.laCode);
  const londonCodes = new Set<string>();
  for (const f of fc.features) {
    const code = String(f.properties['CTYUA23CD'] ?? '');
    if (code.startsWith('E09')) {
      const la = resolve(code);
      if (la) londonCodes.add(la);
    }
  }

  const all: FeatureCollection = { type: 'FeatureCollection', features: simplified };
  const main: GeoProjection = geoAlbers().rotate([1.8, 0]).center([0, 52.7]).parallels([50, 60]).fitExtent(MAIN_EXTENT, all);
  const londonFc: FeatureCollection = { type: 'FeatureCollection', features: simplified.filter(isLondon) };
  const inset = geoAlbers()
    .rotate([1.8, 0])
    .center([0, 52.7])
    .parallels([50, 60])
    .fitExtent(
      [
        [INSET.x + 8, INSET.y + 8],
        [INSET.x + INSET.width - 8, INSET.y + INSET.height - 8],
      ],
      londonFc,
    );
  const path = geoPath(main).digits(1);
  const insetPath = geoPath(inset).digits(1);

  const geoms = collection.geometries;
  const englandOutline = rewind({ type: 'Feature', properties: { laCode: '' }, geometry: merge(topo, geoms as never) as MultiPolygon });
  const londonOutline = rewind({
    type: 'Feature',
    properties: { laCode: '' },
    geometry: merge(topo, geoms.filter((g) => londonCodes.has((g.properties as { laCode: string }).laCode)) as never) as MultiPolygon,
  });

  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    inset: INSET,
    england: path(englandOutline) ?? '',
    london: path(londonOutline) ?? '',
    areas: simplified
      .map((f) => {
        const [cx, cy] = path.centroid(f);
        const inInset = isLondon(f);
        return {
          laCode: f.properties.laCode,
          d: (inInset ? insetPath(f) : path(f)) ?? '',
          dMain: path(f) ?? '',
          cx: Math.round(cx * 10) / 10,
          cy: Math.round(cy * 10) / 10,
          inInset,
        };
      })
      .sort((a, b) => a.laCode.localeCompare(b.laCode)),
  };
}

export const boundariesDataset: DatasetBuilder = {
  id: 'boundaries',
  async build(ctx) {
    const map = buildEnglandMap(
      ctx.file('geo-boundaries'),
      (code) => {
        const r = ctx.geo.resolve(code);
        return r && r.laCodes.length === 1 ? r.laCodes[0]! : null;
      },
      ctx.geo.areas.length,
    );
    return { json: { map }, downloads: [] };
  },
};
