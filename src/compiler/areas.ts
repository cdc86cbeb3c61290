/**
 * areas: an area file's text (a border, a front line) → the geometry a range is drawn from, checked.
 * Pure: reading the file, and keeping it inside the input tree, is src/cli/areas.ts.
 */
import { check } from '@placemarkio/check-geojson';
import polygonClipping, { type Geom } from 'polygon-clipping';
import type { AreaFile, AreaGeometry } from './compile.js';
import { sha256Hex } from './sha256.js';

const AREA_TYPES = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'MultiPoint'];

/** Parses area GeoJSON text: a geometry, a Feature, or a FeatureCollection of one feature. Pure. */
export function parseArea(text: string): AreaFile {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return {
      error: `the file is empty; an area file holds one GeoJSON ${AREA_TYPES.join(', ')} (or a Feature of one)`,
    };
  let value: unknown;
  try {
    value = check(text);
  } catch (e) {
    const json = jsonProblem(text);
    if (json !== null) return { error: json };
    const issues = (e as { issues?: Array<{ message: string }> }).issues;
    const message = issues?.[0]?.message ?? (e as Error).message;
    return {
      error: `not valid GeoJSON: ${/call stack/i.test(message) ? 'its arrays are nested too deep to read' : message}`,
    };
  }
  const crs = foreignCrs(value);
  if (crs !== null)
    return {
      error: `it declares the coordinate reference system ${crs} ("crs" member); GeoJSON areas are longitude, latitude in degrees (WGS 84): export it again in EPSG:4326`,
    };
  let g = value as { type: string; geometry?: unknown; features?: Array<{ geometry: unknown }> };
  if (g.type === 'FeatureCollection') {
    if (g.features?.length !== 1)
      return { error: `a FeatureCollection area must hold exactly one feature, found ${g.features?.length ?? 0}` };
    g = g.features[0] as typeof g;
  }
  if (g.type === 'Feature') g = g.geometry as typeof g;
  if (!g || !AREA_TYPES.includes(g.type))
    return { error: `the area must be a ${AREA_TYPES.join(', ')}, found ${g?.type ?? 'no geometry'}` };
  // biome-ignore lint/plugin: typed boundary: parsed JSON whose type was checked against AREA_TYPES above
  const geometry = g as unknown as AreaGeometry;
  const problem = coordinateProblem(geometry);
  if (problem !== null) return { error: problem };
  const digest = sha256Hex(text).slice(0, 16);
  const crossing = antimeridianEdge(geometry) ?? selfCrossing(geometry);
  return crossing === null ? { geometry, digest } : { geometry, digest, warning: crossing };
}

/**
 * Why the text is not JSON, at its line and column in the file, or null when it is JSON. (The GeoJSON
 * checker's own message for a file cut short was an internal one: "Cannot read properties of undefined".)
 */
function jsonProblem(text: string): string | null {
  const body = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(body);
    return null;
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? body.length : null;
    const what =
      /end of JSON input/.test(message) || (offset !== null && offset >= body.trimEnd().length)
        ? 'the file ends before its brackets and braces are closed (was it cut short when saved or copied?)'
        : message
            .replace(/ in JSON at position \d+.*$/s, '')
            .replace(/, ".*$/s, '')
            .slice(0, 80);
    if (offset === null) return `not valid JSON: ${what}`;
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    return `not valid JSON at line ${line}, column ${offset - before.lastIndexOf('\n')} of the file: ${what}; export it again, or fix it there`;
  }
}

/**
 * An edge that spans more than 180° of longitude ([179, 60] to [-179, 60]): an area that crosses the
 * antimeridian, written so that GeoJSON reads it the long way round the globe; the band drawn round it
 * would circle the Earth. A warning, naming the edge. Edges along the ±180° meridian or at a pole (an
 * outline of Antarctica) are a ring's own and pass.
 */
function antimeridianEdge(geometry: AreaGeometry): string | null {
  const c = geometry.coordinates as unknown;
  const lines: Array<[GeoJSON.Position[], string]> =
    geometry.type === 'LineString'
      ? [[c as GeoJSON.Position[], 'coordinates']]
      : geometry.type === 'MultiLineString' || geometry.type === 'Polygon'
        ? (c as GeoJSON.Position[][]).map((l, i) => [l, `coordinates[${i}]`])
        : geometry.type === 'MultiPolygon'
          ? (c as GeoJSON.Position[][][]).flatMap((p, k) =>
              p.map((l, i): [GeoJSON.Position[], string] => [l, `coordinates[${k}][${i}]`]),
            )
          : [];
  for (const [line, path] of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [a, b] = [line[i], line[i + 1]];
      if (Math.abs(a[0] - b[0]) <= 180) continue;
      if ((Math.abs(a[0]) === 180 && Math.abs(b[0]) === 180) || (Math.abs(a[1]) === 90 && Math.abs(b[1]) === 90))
        continue;
      return `${path}: its edge from position ${i} [${a.slice(0, 2).join(', ')}] to ${i + 1} [${b.slice(0, 2).join(', ')}] spans ${Number(Math.abs(a[0] - b[0]).toFixed(4))}° of longitude, so GeoJSON reads it the long way round the globe, and the band drawn from it would circle the Earth; if the area crosses the antimeridian (180°), split it there into a MultiPolygon (RFC 7946, section 3.1.9; a GIS's "split at antimeridian")`;
    }
  }
  return null;
}

/** The name of a `crs` member (anywhere in the file's top levels) other than WGS 84 longitude, latitude, or null. */
function foreignCrs(value: unknown): string | null {
  const objects = [value, ...((value as { features?: unknown[] })?.features ?? [])];
  for (const o of objects) {
    const crs = (o as { crs?: unknown } | null)?.crs;
    if (crs === undefined || crs === null) continue;
    const name = (crs as { properties?: { name?: unknown } }).properties?.name;
    const written = typeof name === 'string' ? name : JSON.stringify(crs);
    if (!/(?:CRS:?84|EPSG:?:?4326)$/i.test(written)) return written.length > 80 ? `${written.slice(0, 79)}…` : written;
  }
  return null;
}

/** Every position of an area geometry, with its path in the file (`coordinates[0][3]`). */
function* positionsOf(geometry: AreaGeometry): Generator<[GeoJSON.Position, string]> {
  const c = geometry.coordinates as unknown;
  const depth = { MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[geometry.type];
  function* walk(v: unknown, d: number, path: string): Generator<[GeoJSON.Position, string]> {
    if (!Array.isArray(v)) return;
    for (let i = 0; i < v.length; i++) {
      if (d === 1) yield [v[i] as GeoJSON.Position, `${path}[${i}]`];
      else yield* walk(v[i], d - 1, `${path}[${i}]`);
    }
  }
  yield* walk(c, depth, 'coordinates');
}

/**
 * An area with no positions (`"coordinates": []`) draws nothing; a position outside latitude −90…90, or
 * longitude −360…360, is not in degrees (a file exported in a projected CRS, in metres) or has them swapped.
 * (A longitude a little past ±180 is degrees: Natural Earth's land runs to 181° where it crosses the antimeridian.)
 */
function coordinateProblem(geometry: AreaGeometry): string | null {
  let count = 0;
  for (const [p, path] of positionsOf(geometry)) {
    count++;
    const [lon, lat] = p;
    if (lon >= -360 && lon <= 360 && lat >= -90 && lat <= 90) continue;
    const shown = `[${p.slice(0, 2).join(', ')}]`;
    const why =
      Math.abs(lon) > 1000 || Math.abs(lat) > 1000
        ? 'these look like metres of a projected CRS: export the file again in EPSG:4326 (WGS 84 longitude, latitude)'
        : Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90
          ? 'are longitude and latitude swapped? GeoJSON writes [longitude, latitude]'
          : 'GeoJSON writes [longitude, latitude] in degrees, longitude −180 to 180, latitude −90 to 90';
    return `${path} is ${shown}, not a longitude and latitude in degrees; ${why}`;
  }
  return count === 0 ? `the ${geometry.type} has no coordinates: nothing would be drawn from it` : null;
}

/** Rings longer than this are not checked for crossings (the check is quadratic at worst). */
const MAX_CHECKED_RING = 20_000;

/**
 * A polygon ring that crosses itself (a bow tie: two positions swapped) has no one inside, so the band
 * drawn round it may be wrong on one side; the first crossing, by its two edges and where it is, or null.
 * A warning, not an error: real outlines have tiny crossings (Natural Earth's 1:50m land has some).
 */
function selfCrossing(geometry: AreaGeometry): string | null {
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const [k, polygon] of polygons.entries()) {
    for (const [r, ring] of polygon.entries()) {
      if (ring.length > MAX_CHECKED_RING) continue;
      const crossing = ringCrossing(ring);
      if (crossing === null) continue;
      const path = `coordinates${geometry.type === 'MultiPolygon' ? `[${k}]` : ''}[${r}]`;
      const [i, j, at] = crossing;
      return `the ring ${path} crosses itself: its edge from position ${i} to ${i + 1} crosses the edge from ${j} to ${j + 1} near [${at.map((v) => Number(v.toFixed(4))).join(', ')}], so the area has no one inside, and what is drawn from it (a band, a fill) may be wrong; fix the order of its positions (a GIS's "fix geometries" does it)`;
    }
  }
  return null;
}

/** The first two non-adjacent edges of a closed ring that properly cross, and the crossing point, or null. */
function ringCrossing(ring: GeoJSON.Position[]): [number, number, [number, number]] | null {
  const n = ring.length - 1; // edges: ring[i] → ring[i + 1], i < n (the last position repeats the first)
  const order = Array.from({ length: Math.max(n, 0) }, (_, i) => i).sort(
    (a, b) => Math.min(ring[a][0], ring[a + 1][0]) - Math.min(ring[b][0], ring[b + 1][0]),
  );
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const [a, b] = [ring[i], ring[i + 1]];
    const maxX = Math.max(a[0], b[0]);
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y];
      const [c, d] = [ring[j], ring[j + 1]];
      if (Math.min(c[0], d[0]) > maxX) break;
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue;
      const o1 = orient(a, b, c);
      const o2 = orient(a, b, d);
      const o3 = orient(c, d, a);
      const o4 = orient(c, d, b);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        const t = o1 / (o1 - o2);
        const at: [number, number] = [c[0] + t * (d[0] - c[0]), c[1] + t * (d[1] - c[1])];
        return [Math.min(i, j), Math.max(i, j), at];
      }
    }
  }
  return null;
}

function orient(a: GeoJSON.Position, b: GeoJSON.Position, c: GeoJSON.Position): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

/** An admin-1 region of the basemap (public/basemap/admin1.geojson): its ISO 3166-2 code, its country, its polygon. */
export type Region = GeoJSON.Feature<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  { code: string; name: string; country: string }
>;

/**
 * The outline of a gazetteer region (ISO 3166-2 `region`) or a country (ISO 3166-1 `country`, the
 * union of its regions), from the basemap's admin-1 regions; an error names the code when none has it.
 */
export function gazetteerOutline(
  regions: readonly Region[],
  by: { region: string } | { country: string },
): { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon } | { error: string } {
  const parts =
    'region' in by
      ? regions.filter((r) => r.properties.code === by.region)
      : regions.filter((r) => r.properties.country === by.country);
  if (!parts.length) {
    return {
      error:
        'region' in by
          ? `no region has the ISO 3166-2 code ${by.region} (an event's admin1 gives its region's code)`
          : `no country has the ISO 3166-1 code ${by.country} (an event's country gives its code)`,
    };
  }
  if (parts.length === 1) return { geometry: parts[0].geometry };
  const polygons = parts.map(
    (r) => (r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates) as Geom,
  );
  const union = polygonClipping.union(polygons[0], ...polygons.slice(1));
  return {
    geometry:
      union.length === 1 ? { type: 'Polygon', coordinates: union[0] } : { type: 'MultiPolygon', coordinates: union },
  };
}
