/**
 * Exact geodesic range geometry: the points whose geodesic distance on the WGS84 ellipsoid to an origin
 * (a point, or any point of an area, a line or a set of points) lies in [minKm, maxKm], as RFC 7946
 * polygons that MapLibre draws as they are meant on Mercator and on the globe.
 *
 * How:
 * - A disk's boundary is traced with the direct geodesic problem at decreasing azimuths (disk on the left),
 *   with steps that adapt so that points along each drawn edge, interpolated as MapLibre does (linearly in
 *   lon/lat, and linearly in Mercator), lie within tolerance of the radius.
 * - The traced ring is unwrapped (continuous longitude) and placed on the lon/lat rectangle
 *   [-180, 180] × [-90, 90], which is a faithful chart of the sphere: a ring enclosing no pole is a plain
 *   polygon; one enclosing a pole is closed through that pole (up the meridian to lat ±90, along it, back
 *   down); one enclosing both poles is the rectangle minus the far cap. Whatever crosses ±180 is cut there.
 * - Set operations then happen in that rectangle with polygon-clipping: band = disk(max) − disk(min);
 *   an area's buffer = the area ∪ disks around points of its boundary.
 */
import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import {
  COORDINATE_DECIMALS,
  GEODESIC_MASK,
  MERCATOR_MAX_LAT,
  M_PER_KM,
  MEAN_RADIUS_M,
  RANGE_LIMITS,
  ROUNDING_M,
  WGS84,
} from '../earth.js';

export type RangeOrigin =
  | { kind: 'point'; lonlat: [number, number] }
  | { kind: 'area'; geometry: Polygon | MultiPolygon | LineString | MultiLineString | MultiPoint };

export interface RangeGeometryOptions {
  /** max deviation of the drawn boundary from the true geodesic distance, as a fraction of the radius; default 0.001 */
  tolerance?: number;
}

const DEFAULTS: Required<RangeGeometryOptions> = {
  tolerance: RANGE_LIMITS.tolerance, // fraction of each boundary's own radius (minKm for the inner one)
};

/** [longitude, latitude] in degrees; longitudes may leave [-180, 180] while a ring is unwrapped. */
type XY = [number, number];
type Ring = XY[];
type AreaGeometry = Extract<RangeOrigin, { kind: 'area' }>['geometry'];
type Poly = Ring[];
type MultiPoly = Poly[];

const WORLD: Poly = [
  [
    [-180, -90],
    [180, -90],
    [180, 90],
    [-180, 90],
    [-180, -90],
  ],
];

/**
 * Points whose geodesic (WGS84 ellipsoid) distance to the origin lies in [minKm, maxKm]; minKm = 0 gives a disk.
 * maxKm from 0.1 to 19,900 km (RANGE_LIMITS). Output: counter-clockwise exteriors, clockwise holes, cut at ±180,
 * closed through a pole it encloses, coordinates rounded to 6 decimals (≤ 8 cm: within the default tolerance
 * from 1 km up; below that, rounding alone may exceed it).
 */
export function rangeGeometry(
  origin: RangeOrigin,
  minKm: number,
  maxKm: number,
  options: RangeGeometryOptions = {},
): Polygon | MultiPolygon {
  checkInput(origin, minKm, maxKm, options);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  const region = (km: number): MultiPoly =>
    origin.kind === 'point'
      ? pointRegion(origin.lonlat, km * M_PER_KM, tolerance)
      : areaRegion(origin.geometry, km * M_PER_KM, tolerance);
  try {
    const outer = region(maxKm);
    // Also when there is nothing to subtract: polygon-clipping's output is simple, closed and oriented.
    const result = minKm > 0 ? polygonClipping.difference(outer, region(minKm)) : polygonClipping.union(outer);
    return toGeoJSON(result);
  } catch (error) {
    const from = origin.kind === 'point' ? `[${origin.lonlat}]` : `a ${origin.geometry.type}`;
    throw new Error(
      `rangeGeometry: failed to build the ${minKm}–${maxKm} km range from ${from} (a bug: please report it with this input): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Input

function checkInput(origin: RangeOrigin, minKm: number, maxKm: number, options: RangeGeometryOptions): void {
  const fail: Fail = (what, value) => {
    throw new Error(`rangeGeometry: ${what}; received ${show(value)}`);
  };
  if (typeof minKm !== 'number' || !Number.isFinite(minKm) || minKm < 0)
    fail('minKm must be a finite number of km ≥ 0', minKm);
  if (
    typeof maxKm !== 'number' ||
    !Number.isFinite(maxKm) ||
    maxKm <= minKm ||
    maxKm < RANGE_LIMITS.minKm ||
    maxKm > RANGE_LIMITS.maxKm
  )
    fail(
      `maxKm must be a finite number of km greater than minKm (${minKm}), from ${RANGE_LIMITS.minKm} to ${RANGE_LIMITS.maxKm}`,
      maxKm,
    );
  if (options === null || typeof options !== 'object') fail('options must be an object', options);
  const { tolerance } = options;
  if (
    tolerance !== undefined &&
    (typeof tolerance !== 'number' ||
      !(tolerance >= RANGE_LIMITS.minTolerance && tolerance <= RANGE_LIMITS.maxTolerance))
  )
    fail(
      `options.tolerance must be a fraction of the radius in [${RANGE_LIMITS.minTolerance}, ${RANGE_LIMITS.maxTolerance}]`,
      tolerance,
    );
  if (origin === null || typeof origin !== 'object') fail("origin must be { kind: 'point' | 'area', … }", origin);
  if (origin.kind === 'point') {
    checkPosition(origin.lonlat, 'origin.lonlat', fail);
    return;
  }
  if (origin.kind !== 'area') fail("origin.kind must be 'point' or 'area'", (origin as { kind?: unknown }).kind);
  const geometry = origin.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (geometry === null || typeof geometry !== 'object') fail('origin.geometry must be a GeoJSON geometry', geometry);
  const where = 'origin.geometry.coordinates';
  const coords = geometry.coordinates;
  const positions = (value: unknown, path: string, min: number, closed: boolean): void => {
    if (!Array.isArray(value) || value.length < min)
      fail(`${path} must be an array of at least ${min} positions`, value);
    const list = value as unknown[];
    list.forEach((p, i) => checkPosition(p, `${path}[${i}]`, fail));
    if (closed) {
      const [a, b] = [list[0] as number[], list[list.length - 1] as number[]];
      if (a[0] !== b[0] || a[1] !== b[1])
        fail(`${path} must be a closed ring (last position equal to the first)`, [a, b]);
    }
  };
  const nested = (value: unknown, path: string, depth: number, each: (v: unknown, p: string) => void): void => {
    if (!Array.isArray(value) || value.length === 0) fail(`${path} must be a non-empty array`, value);
    (value as unknown[]).forEach((v, i) =>
      depth === 1 ? each(v, `${path}[${i}]`) : nested(v, `${path}[${i}]`, depth - 1, each),
    );
  };
  switch (geometry.type) {
    case 'Polygon':
      return nested(coords, where, 1, (ring, p) => positions(ring, p, 4, true));
    case 'MultiPolygon':
      return nested(coords, where, 2, (ring, p) => positions(ring, p, 4, true));
    case 'LineString':
      return positions(coords, where, 2, false);
    case 'MultiLineString':
      return nested(coords, where, 1, (line, p) => positions(line, p, 2, false));
    case 'MultiPoint':
      return positions(coords, where, 1, false);
    default:
      fail(
        "origin.geometry.type must be Polygon, MultiPolygon, LineString, MultiLineString or MultiPoint (use kind 'point' for a Point)",
        geometry.type,
      );
  }
}

type Fail = (what: string, value: unknown) => never;

function checkPosition(p: unknown, path: string, fail: Fail): void {
  if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v)))
    fail(`${path} must be a [longitude, latitude] pair of finite numbers`, p);
  const [lon, lat] = p as number[];
  if (lon < -180 || lon > 180) fail(`${path} longitude must be within [-180, 180]`, lon);
  if (lat < -90 || lat > 90) fail(`${path} latitude must be within [-90, 90]`, lat);
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Disks

/** Usable error in metres for a boundary of radius radiusM, after output rounding. */
function budgetM(radiusM: number, tolerance: number): number {
  const allowed = tolerance * radiusM;
  return Math.max(allowed - ROUNDING_M, allowed / 2);
}

function pointRegion(lonlat: [number, number], radiusM: number, tolerance: number): MultiPoly {
  // 0.85: edges are checked at their middle, in lon/lat and in Mercator; their worst point lies a little off
  // it (measured over 400 random disks of 1–19,800 km: at most 0.87 of the tolerance, rounding included).
  return ringRegion(circleRing(lonlat, radiusM, 0.85 * budgetM(radiusM, tolerance)));
}

const MIN_AZIMUTHS = 16; // keeps every first edge under 180° of longitude, so unwrapping is unambiguous

/**
 * A first count of azimuths, most of whose edges will need no bisection: on a sphere the circle has
 * planar radius ρ = R·|sin(r/R)|, and a chord of one with n edges lies ρ·π²/(2n²) inside it.
 */
function initialAzimuths(radiusM: number, tolM: number): number {
  const planar = MEAN_RADIUS_M * Math.abs(Math.sin(radiusM / MEAN_RADIUS_M));
  const n = Math.ceil(Math.PI * Math.sqrt(planar / (2 * tolM)));
  return Math.max(MIN_AZIMUTHS, Math.min(4096, n));
}
const MAX_STEP = 360 / MIN_AZIMUTHS; // degrees of azimuth
const MIN_STEP = 1e-6; // degrees of azimuth; only reached where a boundary grazes a pole

/**
 * The boundary of the geodesic disk of radius radiusM (metres) around center, with the disk on its left,
 * unwrapped (each longitude within 180° of the previous one), not closed, and the azimuths (degrees) of
 * its vertices seen from center. Every vertex is at exactly radiusM; points along each edge are within
 * tolM metres of it.
 */
function circleRing(center: XY, radiusM: number, tolM: number, azimuths: number[] = []): Ring {
  const [lon0, lat0] = center;
  const at = (azimuth: number): XY => pointAt(center, azimuth, radiusM);
  const miss = (p: XY): number =>
    Math.abs(WGS84.Inverse(lat0, lon0, p[1], p[0], GEODESIC_MASK.distance).s12! - radiusM);
  const edgeError = (a: XY, b: XY): number => {
    const lon = a[0] + wrap180(b[0] - a[0]) / 2;
    const worst = miss([lon, (a[1] + b[1]) / 2]);
    if (worst > tolM || Math.abs(a[1]) >= MERCATOR_MAX_LAT || Math.abs(b[1]) >= MERCATOR_MAX_LAT) return worst;
    return Math.max(worst, miss([lon, mercatorLat((mercatorY(a[1]) + mercatorY(b[1])) / 2)]));
  };
  // Azimuths decrease from 360 to 0 so the disk lies to the left. The step adapts like an ODE solver's:
  // an edge's error grows with the square of its azimuth step.
  const first = at(0);
  const ring: Ring = [first];
  azimuths.push(0);
  let azimuth = 360;
  let point = first;
  let step = 360 / initialAzimuths(radiusM, tolM);
  while (azimuth > 0) {
    step = Math.min(step, azimuth, MAX_STEP);
    const nextAzimuth = step === azimuth ? 0 : azimuth - step;
    const next = nextAzimuth === 0 ? first : at(nextAzimuth);
    const error = edgeError(point, next);
    const scale = 0.9 * Math.sqrt(tolM / Math.max(error, tolM * 1e-3));
    if (error <= tolM || step <= MIN_STEP) {
      if (nextAzimuth > 0) {
        ring.push(next);
        azimuths.push(nextAzimuth);
      }
      azimuth = nextAzimuth;
      point = next;
      step *= Math.min(scale, 2);
    } else step = Math.max(step * Math.max(scale, 0.2), MIN_STEP);
  }
  return unwrap(ring);
}

function pointAt(center: XY, azimuth: number, radiusM: number): XY {
  const r = WGS84.Direct(center[1], center[0], azimuth, radiusM, GEODESIC_MASK.position);
  return [r.lon2!, r.lat2!];
}

/**
 * Disks for many centres. A disk's shape in lon/lat depends only on its centre's latitude, so the azimuths
 * traced (with 0.75 of the tolerance) for one latitude serve centres within TEMPLATE_LAT of it: measured
 * for radii of 1–2,000 km and latitudes up to 80°, their edges stay within 0.75 of the tolerance up to
 * 1° away (and exceed it 2° away). Larger disks, and disks near a pole, are traced one by one.
 */
function diskRings(centres: XY[], radiusM: number, tolM: number): Ring[] {
  const templates = new Map<number, number[]>();
  const radiusDeg = radiusM / 110_000; // a little more than the radius in degrees of latitude
  return centres.map((c) => {
    if (radiusM > 2_000_000 || Math.abs(c[1]) + radiusDeg > 88) return circleRing(c, radiusM, tolM);
    const bucket = Math.round(c[1] / (2 * TEMPLATE_LAT));
    let azimuths = templates.get(bucket);
    if (azimuths === undefined) {
      azimuths = [];
      circleRing([0, bucket * 2 * TEMPLATE_LAT], radiusM, 0.75 * tolM, azimuths);
      templates.set(bucket, azimuths);
    }
    return unwrap(azimuths.map((a) => pointAt(c, a, radiusM)));
  });
}

const TEMPLATE_LAT = 0.5; // degrees of latitude

// ---------------------------------------------------------------------------------------------------------
// Areas, lines and point sets

/**
 * Buffer of an area, line or point set by radiusM metres: the area itself ∪ geodesic disks around points of
 * its boundary. Shares of the error budget B: disk edges lie inside their circle by ≤ 0.6 B; leaving out
 * boundary points and the dips between neighbouring disks cost ≤ 1.3 B (see `centresOf`). Both are
 * one-sided (the drawn region is too small), so disks are drawn 0.95 B wider than the radius: the error
 * then stays within ±0.95 B. Cost grows with the boundary's length over the radius (up to one disk per
 * ~0.1 r of boundary): Ukraine at 700 km takes ~100 disks, at 100 km ~600.
 */
function areaRegion(geometry: AreaGeometry, radiusM: number, tolerance: number): MultiPoly {
  const budget = budgetM(radiusM, tolerance);
  const centres = centresOf(geometry, radiusM, 1.3 * budget);
  const parts = diskRings(centres, radiusM + 0.95 * budget, 0.6 * budget).map(ringRegion);
  if (geometry.type === 'Polygon') parts.push([geometry.coordinates.map(toRing)]);
  if (geometry.type === 'MultiPolygon') parts.push(geometry.coordinates.map((p) => p.map(toRing)));
  return unionAll(parts);
}

/** A run of boundary positions and which side of it points away from the area: +1 left, −1 right, 0 both. */
interface Chain {
  points: XY[];
  outward: 1 | -1 | 0;
}

/**
 * Disk centres: positions of the boundary, as few as the error allowance errM (metres) permits.
 *
 * Dropping a point p between kept neighbours a and b (planar approximation, r the radius): the disks at a
 * and b reach, along p's outward normal, r − m²/(2r) beyond the chord ab, m the distance along the chord to
 * its nearer end; p's own disk reaches r + h, h the outward offset of p from the chord. So the drawn region
 * falls short by h + m²/(2r) there, and by L²/(8r) at the middle of a chord of length L. Points set back
 * into the area (h < 0) cost little: a concave coastline needs few centres.
 */
function centresOf(geometry: AreaGeometry, radiusM: number, errM: number): XY[] {
  const chains: Chain[] = [];
  const rings = (polygon: Position[][]): void =>
    polygon.forEach((ring, i) => {
      const ccw = signedArea(toRing(ring)) > 0;
      // The area lies left of a counter-clockwise exterior and of a clockwise hole.
      const outward = (i === 0) === ccw ? -1 : 1;
      for (const run of withoutSeams(ring)) chains.push({ points: toRing(run), outward });
    });
  switch (geometry.type) {
    case 'Polygon':
      rings(geometry.coordinates);
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach(rings);
      break;
    case 'LineString':
      chains.push({ points: toRing(geometry.coordinates), outward: 0 });
      break;
    case 'MultiLineString':
      for (const line of geometry.coordinates) chains.push({ points: toRing(line), outward: 0 });
      break;
    case 'MultiPoint':
      for (const p of geometry.coordinates) chains.push({ points: [[p[0], p[1]]], outward: 0 });
      break;
  }
  // Longest chord between centres: from L²/(8r) ≤ errM, and short enough for the planar estimate of the dip.
  const maxChordM = Math.min(Math.sqrt(8 * radiusM * errM), MAX_CHORD_M);
  const seen = new Set<string>();
  const centres: XY[] = [];
  for (const chain of chains)
    for (const p of simplify(densify(chain.points, maxChordM, errM / 16), chain.outward, radiusM, errM, maxChordM)) {
      const key = Math.abs(p[1]) === 90 ? `${p[1]}` : `${p[0] === -180 ? 180 : p[0]},${p[1]}`;
      if (!seen.has(key)) {
        seen.add(key);
        centres.push(p);
      }
    }
  return centres;
}

const MAX_CHORD_M = 500_000; // metres; longer chords would gain little

/** A ring split into runs of true boundary: edges along ±180 or along a pole's latitude are cuts, not boundary. */
function withoutSeams(ring: Position[]): Position[][] {
  const seam = (a: Position, b: Position): boolean =>
    (Math.abs(a[0]) === 180 && a[0] === b[0]) || (Math.abs(a[1]) === 90 && a[1] === b[1]);
  const runs: Position[][] = [];
  let run: Position[] = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    if (seam(ring[i - 1], ring[i])) {
      if (run.length > 1) runs.push(run);
      run = [ring[i]];
    } else run.push(ring[i]);
  }
  if (run.length > 1 || runs.length === 0) runs.push(run);
  return runs;
}

/**
 * Points along the chain's edges, as the map draws them (linear in lon/lat: an edge from 170° to −170° runs
 * 340° west, as in RFC 7946, which wants a crossing cut at ±180), so that no piece is longer than stepM
 * metres nor bows more than bowM metres off the great circle through its ends: a parallel of latitude, for
 * one, is straight in lon/lat but curved on the Earth, and `simplify` must see that curve.
 */
function densify(chain: XY[], stepM: number, bowM: number): XY[] {
  const out: XY[] = [chain[0]];
  const split = (a: XY, b: XY, depth: number): void => {
    const m: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const frame = chordFrame(a, b);
    if (depth < 24 && (Math.abs(b[0] - a[0]) > 90 || frame.length > stepM || Math.abs(frame.place(m)[1]) > bowM)) {
      split(a, m, depth + 1);
      split(m, b, depth + 1);
    } else out.push(b);
  };
  for (let i = 1; i < chain.length; i++) split(chain[i - 1], chain[i], 0);
  return out;
}

/**
 * Douglas–Peucker with the shortfall of `centresOf` as the distance, measured against the great circle
 * through the chord's ends (a sphere of mean radius: its 0.5% error is covered by the margin below).
 */
function simplify(chain: XY[], outward: 1 | -1 | 0, radiusM: number, errM: number, maxChordM: number): XY[] {
  if (chain.length <= 2) return chain;
  const allowed = 0.8 * errM; // margin for the sphere and for the planar estimate of the dip
  const keep = new Uint8Array(chain.length);
  keep[0] = keep[chain.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, chain.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    if (j - i < 2) continue;
    const frame = chordFrame(chain[i], chain[j]);
    const { length } = frame;
    const shortfall = ([along, left]: [number, number]): number => {
      const m = Math.max(0, Math.min(along, length - along)) + Math.max(0, -along, along - length);
      const offset = outward === 0 || length === 0 ? Math.abs(left) : outward * left;
      return Math.max(offset, 0) + (m * m) / (2 * radiusM);
    };
    let worst = 0;
    let at = (i + j) >> 1;
    let previous = frame.place(chain[i]);
    for (let k = i + 1; k <= j; k++) {
      const current = frame.place(chain[k]);
      const e = k < j ? shortfall(current) : 0;
      if (e > worst) [worst, at] = [e, k];
      // The middle of the chord, where the dip between the end disks is deepest, on the edge crossing it.
      if (previous[0] <= length / 2 && current[0] > length / 2) {
        const t = (length / 2 - previous[0]) / (current[0] - previous[0]);
        const middle = shortfall([length / 2, previous[1] + t * (current[1] - previous[1])]);
        if (middle > worst) [worst, at] = [middle, k < j ? k : k - 1];
      }
      previous = current;
    }
    if (worst > allowed || length > maxChordM) {
      keep[at] = 1;
      stack.push([i, at], [at, j]);
    }
  }
  return chain.filter((_, k) => keep[k] === 1);
}

/**
 * Where points lie relative to the chord a→b, on a sphere of mean radius: `place(p)` gives metres along
 * the great circle from a, and metres to its left. A chord with coincident ends measures distance from a.
 */
function chordFrame(a: XY, b: XY): { length: number; place: (p: XY) => [number, number] } {
  const A = unitVector(a);
  const B = unitVector(b);
  const n = cross(A, B);
  const sin = Math.hypot(n[0], n[1], n[2]);
  if (sin < 1e-12) {
    return { length: 0, place: (p) => [0, MEAN_RADIUS_M * Math.acos(Math.min(1, dot(A, unitVector(p))))] };
  }
  const N: Vec3 = [n[0] / sin, n[1] / sin, n[2] / sin];
  const T = cross(N, A); // direction of travel at a
  return {
    length: MEAN_RADIUS_M * Math.atan2(sin, dot(A, B)),
    place: (p) => {
      const P = unitVector(p);
      return [
        MEAN_RADIUS_M * Math.atan2(dot(P, T), dot(P, A)),
        MEAN_RADIUS_M * Math.asin(Math.max(-1, Math.min(1, dot(P, N)))),
      ];
    },
  };
}

type Vec3 = [number, number, number];

function unitVector([lon, lat]: XY): Vec3 {
  const [l, f] = [(lon * Math.PI) / 180, (lat * Math.PI) / 180];
  return [Math.cos(f) * Math.cos(l), Math.cos(f) * Math.sin(l), Math.sin(f)];
}

function cross(u: Vec3, v: Vec3): Vec3 {
  return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}

function dot(u: Vec3, v: Vec3): number {
  return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
}

// ---------------------------------------------------------------------------------------------------------
// From a ring on the sphere to polygons in the lon/lat rectangle

/**
 * The region left of an unwrapped ring, as polygons within [-180, 180] × [-90, 90].
 * The ring's net change of longitude tells what it encloses: 0, a pole (±360), and for 0 its orientation
 * tells whether the region is the inside (counter-clockwise) or everything but the inside (clockwise).
 */
function ringRegion(ring: Ring): MultiPoly {
  const q = ring.map(([x, y]): XY => [quantize(x), quantize(y)]);
  const n = q.length;
  const net = Math.round((q[n - 1][0] + wrap180(q[0][0] - q[n - 1][0]) - q[0][0]) / 360) * 360;
  if (net === 0) {
    if (signedArea(q) > 0) return toRectangle([q]);
    return polygonClipping.difference(WORLD, toRectangle([q.slice().reverse()]));
  }
  // Closed through the pole to its left. Starting at the vertex nearest that pole, the sides drawn up to the
  // pole cannot cross the ring, so this polygon is one period of the region's lift to the unwrapped plane.
  const north = net > 0;
  let s = 0;
  for (let i = 1; i < n; i++) if (north ? q[i][1] > q[s][1] : q[i][1] < q[s][1]) s = i;
  const lifted: Ring = [...q.slice(s), ...q.slice(0, s).map(([x, y]): XY => [x + net, y])];
  const [x0, y0] = lifted[0];
  const pole = north ? 90 : -90;
  lifted.push([x0 + net, y0], [x0 + net, pole], [x0, pole]);
  return toRectangle([lifted]);
}

/**
 * A polygon of the unwrapped plane folded into [-180, 180]: cut at every x = 180 + 360k (exact vertices are
 * inserted there first), each strip shifted by −360k. Coordinates are on a 2^-32° grid, so shifts are exact
 * and pieces meet exactly.
 */
function toRectangle(polygon: Poly): MultiPoly {
  const rings = polygon.map(cutAtAntimeridians);
  let minX = Infinity;
  let maxX = -Infinity;
  for (const ring of rings)
    for (const [x] of ring) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
  const kMin = Math.floor((minX + 180) / 360);
  const kMax = Math.ceil((maxX - 180) / 360);
  if (kMin === 0 && kMax === 0) return [rings]; // cleaned by the set operation that follows
  const pieces: MultiPoly[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const shift = 360 * k;
    const strip: Poly = [
      [
        [-180 + shift, -90],
        [180 + shift, -90],
        [180 + shift, 90],
        [-180 + shift, 90],
        [-180 + shift, -90],
      ],
    ];
    const part = polygonClipping.intersection(rings, strip);
    pieces.push(part.map((p) => p.map((r) => r.map(([x, y]): XY => [x - shift, y]))));
  }
  return polygonClipping.union(pieces[0], ...pieces.slice(1));
}

function cutAtAntimeridians(ring: Ring): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    out.push(a);
    const lo = Math.min(a[0], b[0]);
    const hi = Math.max(a[0], b[0]);
    const cuts: number[] = [];
    for (let x = Math.ceil((lo - 180) / 360) * 360 + 180; x <= hi; x += 360) if (x > lo && x < hi) cuts.push(x);
    if (b[0] < a[0]) cuts.reverse();
    for (const x of cuts) out.push([x, quantize(a[1] + ((x - a[0]) / (b[0] - a[0])) * (b[1] - a[1]))]);
  }
  return out;
}

/** Union of many polygons, pairwise in a balanced tree: each step meets few crossings, unlike one big sweep. */
function unionAll(parts: MultiPoly[]): MultiPoly {
  let level = parts.filter((p) => p.length > 0);
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: MultiPoly[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? polygonClipping.union(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

// ---------------------------------------------------------------------------------------------------------
// Output

const SCALE = 10 ** COORDINATE_DECIMALS;
const MAX_EDGE_LON = 90; // degrees; longer edges (along a pole, or grazing one) get collinear vertices

function toGeoJSON(multi: MultiPoly): Polygon | MultiPolygon {
  const polygons: XY[][][] = [];
  for (const polygon of multi) {
    const [outer, ...holes] = polygon.map(finishRing);
    if (outer === null || signedArea(outer) <= 0) continue;
    polygons.push([outer, ...holes.filter((h): h is Ring => h !== null && signedArea(h) < 0)]);
  }
  if (polygons.length === 0) throw new Error('rangeGeometry: internal error, the range came out empty');
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Rounded, closed, without repeated points, edges split to at most MAX_EDGE_LON of longitude; null if degenerate. */
function finishRing(ring: Ring): Ring | null {
  const rounded: Ring = [];
  for (const [x, y] of ring) {
    const p: XY = [round(x), round(y)];
    const last = rounded[rounded.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (rounded.length > 1 && first[0] === last[0] && first[1] === last[1]) rounded.pop();
  if (rounded.length < 3) return null;
  const out: Ring = [];
  for (let i = 0; i < rounded.length; i++) {
    const a = rounded[i];
    const b = rounded[(i + 1) % rounded.length];
    out.push(a);
    const n = Math.ceil(Math.abs(b[0] - a[0]) / MAX_EDGE_LON);
    for (let k = 1; k < n; k++)
      out.push([round(a[0] + ((b[0] - a[0]) * k) / n), round(a[1] + ((b[1] - a[1]) * k) / n)]);
  }
  out.push(out[0]);
  return out;
}

function round(v: number): number {
  return Math.round(v * SCALE) / SCALE + 0; // + 0 turns -0 into 0
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const GRID = 2 ** 32; // steps per degree for quantize: 2.3e-10° ≈ 0.03 mm, and x ± 360 stays exact

function quantize(v: number): number {
  return Math.round(v * GRID) / GRID;
}

function toRing(positions: Position[]): Ring {
  return positions.map((p): XY => [p[0], p[1]]);
}

function wrap180(deg: number): number {
  const r = ((((deg + 180) % 360) + 360) % 360) - 180;
  return r === -180 && deg > 0 ? 180 : r;
}

function unwrap(ring: Ring): Ring {
  const out: Ring = [ring[0]];
  for (let i = 1; i < ring.length; i++) out.push([out[i - 1][0] + wrap180(ring[i][0] - out[i - 1][0]), ring[i][1]]);
  return out;
}

/** Twice the signed shoelace area in degree² of an open or closed ring; positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

function mercatorY(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

function mercatorLat(y: number): number {
  return (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;
}
