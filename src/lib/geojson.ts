/**
 * Reading a boundary file (GeoJSON) safely: a truncated or BOM-prefixed file,
 * a missing or null geometry, a text coordinate, a coordinate outside the
 * expected range or an empty ring stops the build with the file, the line of
 * the feature, the property that names it and what to do.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DataError, projectPath } from './csv.ts';
import { readJsonFile } from './read-files.ts';

export interface BoundaryRules {
  /** Property holding each feature's code (e.g. CTYUA23CD). */
  codeProperty: string;
  /** Longitude and latitude bounds every coordinate must lie within. */
  lon: [number, number];
  lat: [number, number];
  /** Only features whose code passes this are checked (e.g. English codes). */
  include?: (code: string) => boolean;
}

/** England with a margin: 6.5°W to 2°E, 49.8°N to 55.9°N. */
export const ENGLAND_BOUNDS = { lon: [-6.5, 2] as [number, number], lat: [49.8, 55.9] as [number, number] };

const REFETCH = 'Run `npm run data:fetch` to restore the published boundary file';

/** 1-based line where each feature object starts (a pretty-printed file has one "type": "Feature" per feature). */
function featureLines(text: string): number[] {
  const lines: number[] = [];
  const re = /"type"\s*:\s*"Feature"\s*[,}]/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

export function readBoundaries(path: string, rules: BoundaryRules): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  const file = projectPath(path);
  const json = readJsonFile(path) as { type?: unknown; features?: unknown };
  if (json === null || typeof json !== 'object' || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new DataError(file, 1, 'type', `expected a GeoJSON FeatureCollection with a "features" array. ${REFETCH}`);
  }
  const lines = featureLines(readFileSync(path, 'utf8'));
  const features = json.features as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null }[];
  features.forEach((f, i) => {
    const line = lines.length === features.length ? lines[i]! : null;
    const where = `feature ${i + 1}`;
    const code = String(f?.properties?.[rules.codeProperty] ?? '');
    if (rules.include && !rules.include(code)) return;
    const fail = (column: string, problem: string) => new DataError(file, line, column, `${where} (${code || 'no code'}): ${problem}. ${REFETCH}`);
    if (!code) throw fail(rules.codeProperty, 'has no code');
    const g = f.geometry;
    if (g === null || g === undefined) throw fail('geometry', 'geometry is null: the area would be drawn as an empty shape');
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw fail('geometry.type', `geometry type "${String(g.type)}" is not Polygon or MultiPolygon`);
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
    if (!Array.isArray(polygons) || polygons.length === 0) throw fail('geometry.coordinates', 'has no polygons');
    polygons.forEach((rings: unknown, pi: number) => {
      if (!Array.isArray(rings) || rings.length === 0) throw fail('geometry.coordinates', `polygon ${pi + 1} has no rings`);
      rings.forEach((ring: unknown, ri: number) => {
        if (!Array.isArray(ring) || ring.length < 4) throw fail('geometry.coordinates', `polygon ${pi + 1} ring ${ri + 1} has fewer than 4 positions (an empty or broken ring)`);
        ring.forEach((pos: unknown, k: number) => {
          const at = `polygon ${pi + 1} ring ${ri + 1} position ${k + 1}`;
          if (!Array.isArray(pos) || pos.length < 2) throw fail('geometry.coordinates', `${at} is not a [longitude, latitude] pair`);
          const [lon, lat] = pos as unknown[];
          if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
            throw fail('geometry.coordinates', `${at} is ${JSON.stringify(pos)}: coordinates must be numbers, not text`);
          }
          if (lon < rules.lon[0] || lon > rules.lon[1] || lat < rules.lat[0] || lat > rules.lat[1]) {
            throw fail('geometry.coordinates', `${at} (${lon}, ${lat}) is outside the expected range (longitude ${rules.lon.join(' to ')}, latitude ${rules.lat.join(' to ')})`);
          }
        });
        const first = ring[0] as number[];
        const last = ring[ring.length - 1] as number[];
        if (first[0] !== last[0] || first[1] !== last[1]) throw fail('geometry.coordinates', `polygon ${pi + 1} ring ${ri + 1} is not closed (first and last positions differ)`);
      });
    });
  });
  return json as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
}
