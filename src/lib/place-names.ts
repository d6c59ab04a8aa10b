/**
 * Rebuild the derived place-names table (place name → LAD → LA) from its
 * published inputs, a port of `build_place_names.py` in the mirror's
 * geo/SOURCES.md: OS Open Names populated places (a CSV in a zip), ONS civil
 * parishes (`ap_places.csv`), OS Code-Point Open (the same 120 area files as
 * the postcode tables) and this manifest's geo files. The LA polygons are
 * reprojected from WGS84 to British National Grid as PROJ does it for
 * EPSG:4326 → EPSG:27700 with "OSGB36 to WGS 84 (6)" (inverse Helmert,
 * position vector, then Transverse Mercator on Airy 1830); points are placed
 * by point-in-polygon, the rest within 2 km by distance to the polygons. The
 * result is checked against the manifest's sha256 like any download, so a
 * difference in arithmetic from PROJ/GEOS that changed any row stops the fetch.
 */
import { csvRows } from './postcode-lookups.ts';

export interface PlaceNamesRecipe {
  kind: 'place-names';
  /** The part (in `downloadParts`) that is the OS Open Names zip, and the CSV member inside it. */
  placesZip: string;
  placesMember: string;
  /** The part that is ONS's ap_places.csv. Every other part is a Code-Point Open area file. */
  parishes: string;
  /** Paths under data/raw/ of the inputs fetched before this source. */
  hierarchy: string;
  codeHistory: string;
  las: string;
  boundaries: string;
}

type Ring = [number, number][];
type Poly = Ring[]; // outer ring then holes
interface Area {
  code: string;
  polys: Poly[];
  bbox: [number, number, number, number];
}

// ---- WGS84 → British National Grid ----
const WGS84 = { a: 6378137, f: 1 / 298.257223563 };
const AIRY = { a: 6377563.396, f: 1 / 299.3249646 };
const SEC = Math.PI / 180 / 3600;
// OSGB36 to WGS 84 (6), EPSG:1314, position vector; applied inversely.
const H = { x: 446.448, y: -125.157, z: 542.06, rx: 0.15 * SEC, ry: 0.247 * SEC, rz: 0.842 * SEC, s: -20.489e-6 };

function toCart(lon: number, lat: number, e: { a: number; f: number }): [number, number, number] {
  const e2 = e.f * (2 - e.f);
  const s = Math.sin(lat);
  const n = e.a / Math.sqrt(1 - e2 * s * s);
  return [n * Math.cos(lat) * Math.cos(lon), n * Math.cos(lat) * Math.sin(lon), n * (1 - e2) * s];
}

function fromCart(x: number, y: number, z: number, e: { a: number; f: number }): [number, number] {
  const e2 = e.f * (2 - e.f);
  const p = Math.hypot(x, y);
  const lon = Math.atan2(y, x);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const s = Math.sin(lat);
    const n = e.a / Math.sqrt(1 - e2 * s * s);
    lat = Math.atan2(z + e2 * n * s, p);
  }
  return [lon, lat];
}

// Transverse Mercator (Krüger series, 6th order), OSGB: lat0 49, lon0 -2, k0 0.9996012717, E0 400000, N0 -100000.
const TM = (() => {
  const { a, f } = AIRY;
  const n = f / (2 - f);
  const n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
  const A = (a / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  const alpha = [
    0,
    n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4 - (127 / 288) * n5 + (7891 / 37800) * n6,
    (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4 + (281 / 630) * n5 - (1983433 / 1935360) * n6,
    (61 / 240) * n3 - (103 / 140) * n4 + (15061 / 26880) * n5 + (167603 / 181440) * n6,
    (49561 / 161280) * n4 - (179 / 168) * n5 + (6601661 / 7257600) * n6,
    (34729 / 80640) * n5 - (3418889 / 1995840) * n6,
    (212378941 / 319334400) * n6,
  ];
  const e = Math.sqrt(f * (2 - f));
  const k0 = 0.9996012717;
  const lon0 = (-2 * Math.PI) / 180;
  const meridional = (lat: number) => {
    // northing on the central meridian (x of the series at lon = lon0)
    const t = Math.sinh(Math.atanh(Math.sin(lat)) - e * Math.atanh(e * Math.sin(lat)));
    const xi = Math.atan2(t, 1);
    let x = xi;
    for (let j = 1; j <= 6; j++) x += alpha[j]! * Math.sin(2 * j * xi);
    return k0 * A * x;
  };
  const N0 = -100000 - meridional((49 * Math.PI) / 180);
  return (lon: number, lat: number): [number, number] => {
    const t = Math.sinh(Math.atanh(Math.sin(lat)) - e * Math.atanh(e * Math.sin(lat)));
    const dl = lon - lon0;
    const xi = Math.atan2(t, Math.cos(dl));
    const eta = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
    let x = xi;
    let y = eta;
    for (let j = 1; j <= 6; j++) {
      x += alpha[j]! * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
      y += alpha[j]! * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    }
    return [400000 + k0 * A * y, N0 + k0 * A * x];
  };
})();

export function wgs84ToBng(lonDeg: number, latDeg: number): [number, number] {
  const [X, Y, Z] = toCart((lonDeg * Math.PI) / 180, (latDeg * Math.PI) / 180, WGS84);
  // inverse Helmert (PROJ): subtract the translation, apply the transposed rotation, divide by the scale
  const x = X - H.x, y = Y - H.y, z = Z - H.z;
  const sc = 1 + H.s;
  // position-vector rotation matrix R = [[1,-rz,ry],[rz,1,-rx],[-ry,rx,1]]; transpose:
  const x0 = (x + H.rz * y - H.ry * z) / sc;
  const y0 = (-H.rz * x + y + H.rx * z) / sc;
  const z0 = (H.ry * x - H.rx * y + z) / sc;
  const [lon, lat] = fromCart(x0, y0, z0, AIRY);
  return TM(lon, lat);
}

function contains(area: Area, x: number, y: number): boolean {
  const [x0, y0, x1, y1] = area.bbox;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  for (const poly of area.polys) {
    let inside = false;
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

function distance(area: Area, x: number, y: number): number {
  let best = Infinity;
  for (const poly of area.polys) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1]!;
        const [bx, by] = ring[i]!;
        const dx = bx - ax, dy = by - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        const d = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
        if (d < best) best = d;
      }
    }
  }
  return best;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function dictRows(text: string): Record<string, string>[] {
  const [header, ...rest] = csvRows(text.replace(/^\uFEFF/, ''));
  return rest.filter((r) => r.length > 0).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

export interface PlaceNamesInputs {
  places: string;
  parishes: string;
  codePoint: { path: string; text: string }[];
  hierarchy: string;
  codeHistory: string;
  las: string;
  boundaries: string;
}

export function placeNames(inp: PlaceNamesInputs): Buffer {
  const recode = new Map<string, string>();
  for (const r of dictRows(inp.codeHistory)) if (r.effective_date!.startsWith('2025')) recode.set(r.old_ons_code!, r.new_ons_code!);
  const lad = new Map<string, [string, string]>();
  for (const r of dictRows(inp.hierarchy)) {
    if (r.most_recent_year_included === '2024' && r.lad_code!.startsWith('E')) lad.set(recode.get(r.lad_code!) ?? r.lad_code!, [r.lad_name!, recode.get(r.new_la_code!) ?? r.new_la_code!]);
  }
  const las = new Map<string, [string, string]>();
  for (const r of dictRows(inp.las)) if (r.status === 'live' && r.new_la_code!.startsWith('E') && !r.new_la_code!.includes('/')) las.set(r.new_la_code!, [r.la_name!, r.old_la_code!]);
  if (lad.size !== 296 || las.size !== 153) throw new Error(`${lad.size} English LADs and ${las.size} LAs, not 296 and 153`);
  const ladOf = (c: string) => {
    const l = lad.get(c);
    if (!l) throw new Error(`LAD ${c} is not in the hierarchy`);
    return l;
  };

  const gj = JSON.parse(inp.boundaries) as { features: { properties: { CTYUA23CD: string }; geometry: { type: string; coordinates: unknown } }[] };
  const areas: Area[] = gj.features.map((f) => {
    const raw = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][];
    const polys = raw.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => wgs84ToBng(lon, lat))));
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of polys) for (const [x, y] of p[0]!) (bbox[0] = Math.min(bbox[0], x)), (bbox[1] = Math.min(bbox[1], y)), (bbox[2] = Math.max(bbox[2], x)), (bbox[3] = Math.max(bbox[3], y));
    const code = f.properties.CTYUA23CD;
    return { code: recode.get(code) ?? code, polys, bbox };
  });
  const locate = (x: number, y: number): [string | null, string | null] => {
    for (const a of areas) if (contains(a, x, y)) return [a.code, 'in LA polygon'];
    let bi = 0;
    let bd = Infinity;
    areas.forEach((a, i) => {
      const d = distance(a, x, y);
      if (d < bd) (bd = d), (bi = i);
    });
    if (areas[bi]!.code.startsWith('E') && bd <= 2000) return [areas[bi]!.code, `nearest LA polygon (${bd.toFixed(0)} m)`];
    return [null, null];
  };

  const grid = new Map<string, [number, number, string, string][]>();
  for (const p of inp.codePoint) {
    for (const row of csvRows(p.text)) {
      if (row[4] === 'E92000001' && row[8]) {
        const x = Number(row[2]), y = Number(row[3]);
        const k = `${Math.floor(x / 1000)},${Math.floor(y / 1000)}`;
        let cell = grid.get(k);
        if (!cell) grid.set(k, (cell = []));
        cell.push([x, y, row[8], ladOf(row[8])[1]]);
      }
    }
  }
  const nearest = (x: number, y: number, la?: string): [string | null, string | null] => {
    const cx = Math.floor(x / 1000), cy = Math.floor(y / 1000);
    let best: [number, string, string] | null = null;
    for (let r = 0; r < 60; r++) {
      if (best && best[0] < (r - 1) * 1000) break;
      for (let gx = cx - r; gx <= cx + r; gx++) {
        for (let gy = cy - r; gy <= cy + r; gy++) {
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== r) continue;
          for (const [px, py, d, l] of grid.get(`${gx},${gy}`) ?? []) {
            if (la && l !== la) continue;
            const dist = Math.sqrt((px - x) * (px - x) + (py - y) * (py - y));
            if (!best || dist < best[0]) best = [dist, d, l];
          }
        }
      }
    }
    return best ? [best[1], best[2]] : [null, null];
  };

  interface Row { place_name: string; alt_name: string; place_type: string; source: string; source_id: string; postcode_district: string; lad_code: string; new_la_code: string; la_method: string; nearest_postcode_new_la_code: string }
  const rows: Row[] = [];
  for (const r of dictRows(inp.places)) {
    const x = Number(r.X), y = Number(r.Y);
    const [la, how] = locate(x, y);
    if (la === null || !la.startsWith('E')) continue;
    const [ladCode] = nearest(x, y, la);
    const [, laAny] = nearest(x, y);
    rows.push({ place_name: r.NAME1!, alt_name: r.NAME2!, place_type: r.LOCAL_TYPE!, source: 'OS Open Names', source_id: r.ID!, postcode_district: r.POSTCODE_DISTRICT!, lad_code: ladCode ?? '', new_la_code: la, la_method: how!, nearest_postcode_new_la_code: laAny ?? '' });
  }
  for (const r of dictRows(inp.parishes)) {
    if (!r.areacd!.startsWith('E04')) continue;
    rows.push({ place_name: r.areanm!, alt_name: '', place_type: 'Civil parish', source: 'ONS civil parishes', source_id: r.areacd!, postcode_district: '', lad_code: r.parentcd!, new_la_code: ladOf(r.parentcd!)[1], la_method: 'ONS parish-to-LAD lookup', nearest_postcode_new_la_code: '' });
  }
  const fold = (s: string) => s.toLowerCase();
  const same = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = fold(r.place_name);
    if (!same.has(k)) same.set(k, new Set());
    same.get(k)!.add(r.new_la_code);
  }
  const laName = (c: string) => {
    const l = las.get(c);
    if (!l) throw new Error(`LA ${c} is not live in the DfE register`);
    return l;
  };
  rows.sort((a, b) => cmp(fold(a.place_name), fold(b.place_name)) || cmp(a.place_name, b.place_name) || cmp(laName(a.new_la_code)[0], laName(b.new_la_code)[0]) || cmp(a.source, b.source) || cmp(a.source_id, b.source_id));
  const cols = ['place_name', 'alt_name', 'place_type', 'source', 'source_id', 'postcode_district', 'lad_code', 'lad_name', 'new_la_code', 'old_la_code', 'la_name', 'la_method', 'nearest_postcode_new_la_code', 'n_la_same_name'];
  const lines = [cols.join(',')];
  for (const r of rows) {
    if (ladOf(r.lad_code)[1] !== r.new_la_code) throw new Error(`${r.source_id}: LAD ${r.lad_code} is not in LA ${r.new_la_code}`);
    const out: Record<string, string | number> = { ...r, lad_name: ladOf(r.lad_code)[0], old_la_code: laName(r.new_la_code)[1], la_name: laName(r.new_la_code)[0], n_la_same_name: same.get(fold(r.place_name))!.size };
    lines.push(cols.map((c) => field(out[c])).join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
