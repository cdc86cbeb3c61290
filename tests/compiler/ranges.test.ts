import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { getIssues } from '@placemarkio/check-geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { rangeGeometry, type RangeOrigin } from '../../src/compiler/ranges.js';
import { GEODESIC_MASK, MERCATOR_MAX_LAT, RANGE_LIMITS, WGS84 } from '../../src/earth.js';

const TOLERANCE = RANGE_LIMITS.tolerance;
const FIXTURES = fileURLToPath(new URL('../fixtures/ranges/', import.meta.url));

type XY = [number, number];
type Area = Extract<RangeOrigin, { kind: 'area' }>['geometry'];

const km = (a: Position, b: Position): number =>
  WGS84.Inverse(a[1], a[0], b[1], b[0], GEODESIC_MASK.distance).s12! / 1000;
const destination = (from: XY, azimuth: number, distanceKm: number): XY => {
  const r = WGS84.Direct(from[1], from[0], azimuth, distanceKm * 1000, GEODESIC_MASK.position);
  return [r.lon2!, r.lat2!];
};
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
const ringsOf = (g: Polygon | MultiPolygon): Position[][] => polygonsOf(g).flat();
const inside = (p: Position, g: Polygon | MultiPolygon): boolean => booleanPointInPolygon(p, g);
const area = (g: Geometry) => ({ kind: 'area', geometry: g }) as RangeOrigin;
const readArea = (name: string): Area => JSON.parse(readFileSync(`${FIXTURES}areas/${name}.geojson`, 'utf8')).geometry;

/** Edges along ±180 or along a pole's latitude are where the map is cut, not part of the range's boundary. */
const isSeam = (a: Position, b: Position): boolean =>
  (Math.abs(a[0]) === 180 && a[0] === b[0]) || (Math.abs(a[1]) === 90 && a[1] === b[1]);

/** Points of an edge as MapLibre draws it: linear in lon/lat, and linear in Mercator (below its cut-off). */
function alongEdge(a: Position, b: Position, steps: number): XY[] {
  const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const fromMercator = (y: number) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;
  const points: XY[] = [];
  for (let k = 0; k < steps; k++) {
    const t = k / steps; // t = 1 is where the next edge starts
    const lon = a[0] + t * (b[0] - a[0]);
    points.push([lon, a[1] + t * (b[1] - a[1])]);
    if (k > 0 && Math.abs(a[1]) < MERCATOR_MAX_LAT && Math.abs(b[1]) < MERCATOR_MAX_LAT)
      points.push([lon, fromMercator(mercator(a[1]) + t * (mercator(b[1]) - mercator(a[1])))]);
  }
  return points;
}

/**
 * Worst deviation, as a fraction of the radius, of points along the drawn boundary from the geodesic
 * distance of the boundary they belong to (inner or outer, told apart by each edge's first vertex).
 */
function worstDeviation(
  g: Polygon | MultiPolygon,
  distanceKm: (p: Position) => number,
  minKm: number,
  maxKm: number,
  steps: number,
): number {
  let worst = 0;
  for (const ring of ringsOf(g))
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i], ring[i + 1]];
      if (isSeam(a, b)) continue;
      const d0 = distanceKm(a);
      const radius = minKm > 0 && Math.abs(d0 - minKm) < Math.abs(d0 - maxKm) ? minKm : maxKm;
      for (const p of alongEdge(a, b, steps)) worst = Math.max(worst, Math.abs(distanceKm(p) - radius) / radius);
    }
  return worst;
}

/** Geodesic distance in km from p to an area (0 inside), line or point set, edges taken as drawn (linear in lon/lat). */
function distanceToArea(geometry: Area): (p: Position) => number {
  const segments: Array<[Position, Position]> = [];
  const addLine = (line: Position[]) => {
    for (let i = 0; i + 1 < line.length; i++) {
      const [a, b] = [line[i], line[i + 1]];
      if (isSeam(a, b)) continue;
      const at = (t: number): Position => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      // Pieces of at most 50 km keep the distance along each unimodal. The drawn length is summed over steps
      // of 1°: km(a, b) is 0 for an edge along a whole parallel.
      const steps = Math.max(1, Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]))));
      let drawnKm = 0;
      for (let k = 0; k < steps; k++) drawnKm += km(at(k / steps), at((k + 1) / steps));
      const n = Math.max(1, Math.ceil(drawnKm / 50));
      for (let k = 0; k < n; k++) segments.push([at(k / n), at((k + 1) / n)]);
    }
  };
  switch (geometry.type) {
    case 'Polygon':
      geometry.coordinates.forEach(addLine);
      break;
    case 'MultiPolygon':
      geometry.coordinates.flat().forEach(addLine);
      break;
    case 'LineString':
      addLine(geometry.coordinates);
      break;
    case 'MultiLineString':
      geometry.coordinates.forEach(addLine);
      break;
    case 'MultiPoint':
      for (const p of geometry.coordinates) segments.push([p, p]);
      break;
  }
  const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  const lengths = segments.map(([a, b]) => km(a, b));
  return (p) => {
    if (polygonal && booleanPointInPolygon(p, geometry)) return 0;
    // Great-circle distances on a 6371 km sphere are within 1% of the geodesic ones: they pick the few
    // pieces worth an exact search.
    const near = segments.map(([a, b]) => Math.min(sphereKm(p, a), sphereKm(p, b)));
    const bound = Math.min(...near) * 1.01;
    let best = Infinity;
    const order = segments.map((_, i) => i).sort((i, j) => near[i] - near[j]);
    for (const i of order) {
      if (near[i] * 0.99 - lengths[i] > Math.min(bound, best)) continue;
      const [a, b] = segments[i];
      const f = (t: number) => km(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      // Golden-section search: 30 steps narrow t to 1e-6 of the piece.
      const g = (Math.sqrt(5) - 1) / 2;
      let [lo, hi] = [0, 1];
      let [m1, m2] = [hi - g * (hi - lo), lo + g * (hi - lo)];
      let [f1, f2] = [f(m1), f(m2)];
      for (let k = 0; k < 30; k++) {
        if (f1 < f2) {
          [hi, m2, f2] = [m2, m1, f1];
          m1 = hi - g * (hi - lo);
          f1 = f(m1);
        } else {
          [lo, m1, f1] = [m1, m2, f2];
          m2 = lo + g * (hi - lo);
          f2 = f(m2);
        }
      }
      best = Math.min(best, f(0), f(1), f1, f2);
    }
    return best;
  };
}

function sphereKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function rfc7946Problems(g: Polygon | MultiPolygon): string[] {
  const problems: string[] = [];
  const twiceArea = (ring: Position[]) =>
    ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0);
  polygonsOf(g).forEach((polygon, pi) =>
    polygon.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (ring.length < 4) problems.push(`${where}: fewer than 4 positions`);
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: not closed`);
      ring.forEach((p, i) => {
        if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) problems.push(`${where}: ${p} out of range`);
        if (p.some((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) > 1e-6))
          problems.push(`${where}: ${p} not rounded to 6 decimals`);
        const q = ring[i + 1];
        if (q && q[0] === p[0] && q[1] === p[1]) problems.push(`${where}: repeated position ${p}`);
        if (q && Math.abs(q[0] - p[0]) > 180) problems.push(`${where}: edge ${p} → ${q} longer than 180° of longitude`);
      });
      if (ri === 0 && !(twiceArea(ring) > 0)) problems.push(`${where}: exterior not counter-clockwise`);
      if (ri > 0 && !(twiceArea(ring) < 0)) problems.push(`${where}: hole not clockwise`);
    }),
  );
  return problems;
}

const asFeature = (geometry: Geometry) => ({ type: 'Feature', properties: {}, geometry });

// ---------------------------------------------------------------------------------------------------------

const ORIGINS: Record<string, XY> = {
  'the equator': [0, 0],
  '60°N': [10, 60],
  '89°S': [30, -89],
  'the North Pole': [0, 90],
  '179.9°E': [179.9, 0],
  'the antimeridian itself': [-180, 10],
  Fiji: [178.0, -17.7],
  Pyongyang: [125.7625, 39.0392],
};
const RADII_KM = [1, 10, 100, 700, 3000, 5500, 10000, 15000, 19000];

describe('rangeGeometry from a point', () => {
  describe.each(Object.entries(ORIGINS))('from %s', (_, origin) => {
    it.each(RADII_KM)('keeps every drawn edge of a %s km disk within 0.1% of the radius', (maxKm) => {
      const g = rangeGeometry({ kind: 'point', lonlat: origin }, 0, maxKm);
      expect(worstDeviation(g, (p) => km(origin, p), 0, maxKm, 8)).toBeLessThanOrEqual(TOLERANCE);
    });

    it.each(RADII_KM)(
      'keeps both edges of a band from half of %s km to all of it within 0.1% of their radii',
      (maxKm) => {
        const g = rangeGeometry({ kind: 'point', lonlat: origin }, maxKm / 2, maxKm);
        expect(worstDeviation(g, (p) => km(origin, p), maxKm / 2, maxKm, 8)).toBeLessThanOrEqual(TOLERANCE);
      },
    );

    it.each([100, 3000, 15000])(
      'includes the origin in a %s km disk, excludes it from a band, and excludes points just beyond',
      (maxKm) => {
        const disk = rangeGeometry({ kind: 'point', lonlat: origin }, 0, maxKm);
        const band = rangeGeometry({ kind: 'point', lonlat: origin }, maxKm / 2, maxKm);
        expect(inside(origin, disk)).toBe(true);
        expect(inside(origin, band)).toBe(false);
        for (let azimuth = 5; azimuth < 360; azimuth += 30) {
          expect(inside(destination(origin, azimuth, maxKm * (1 + 2 * TOLERANCE)), disk)).toBe(false);
          expect(inside(destination(origin, azimuth, maxKm * (1 - 2 * TOLERANCE)), disk)).toBe(true);
          expect(inside(destination(origin, azimuth, maxKm * 0.75), band)).toBe(true);
          expect(inside(destination(origin, azimuth, (maxKm / 2) * (1 - 2 * TOLERANCE)), band)).toBe(false);
        }
      },
    );
  });

  it('passes RFC 7946 checks (winding, closure, rounding, range) and check-geojson for every case of the grid', () => {
    for (const origin of Object.values(ORIGINS))
      for (const maxKm of RADII_KM)
        for (const minKm of [0, maxKm / 2]) {
          const g = rangeGeometry({ kind: 'point', lonlat: origin }, minKm, maxKm);
          expect(rfc7946Problems(g), `${origin} ${minKm}–${maxKm} km`).toEqual([]);
          expect(getIssues(JSON.stringify(asFeature(g))), `${origin} ${minKm}–${maxKm} km`).toEqual([]);
        }
  });

  it('honours a coarser tolerance with fewer vertices', () => {
    const origin: XY = [30.5, 50.45];
    const fine = rangeGeometry({ kind: 'point', lonlat: origin }, 0, 700);
    const coarse = rangeGeometry({ kind: 'point', lonlat: origin }, 0, 700, { tolerance: 0.01 });
    expect(ringsOf(coarse)[0].length).toBeLessThan(ringsOf(fine)[0].length / 2);
    const deviation = worstDeviation(coarse, (p) => km(origin, p), 0, 700, 8);
    expect(deviation).toBeLessThanOrEqual(0.01);
    expect(deviation).toBeGreaterThan(TOLERANCE);
  });

  it('gives identical output for identical input', () => {
    const a = rangeGeometry({ kind: 'point', lonlat: [178, -17.7] }, 600, 700);
    const b = rangeGeometry({ kind: 'point', lonlat: [178, -17.7] }, 600, 700);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('rangeGeometry at the antimeridian', () => {
  it('cuts a band around Fiji into a MultiPolygon whose parts meet at ±180 at the same latitudes', () => {
    const g = rangeGeometry({ kind: 'point', lonlat: [178, -17.7] }, 600, 700);
    expect(g.type).toBe('MultiPolygon');
    const cut = (lon: number) =>
      ringsOf(g)
        .flatMap((ring) => ring.slice(0, -1))
        .filter((p) => p[0] === lon)
        .map((p) => p[1])
        .sort((x, y) => x - y);
    expect(cut(180).length).toBeGreaterThanOrEqual(4);
    expect(cut(-180)).toEqual(cut(180));
  });

  it('draws no edge longer than 90° of longitude, so nothing wraps around the map', () => {
    for (const [origin, minKm, maxKm] of [
      [[179.9, 0], 0, 700],
      [[178, -17.7], 600, 700],
      [[125.7625, 39.0392], 0, 15000],
      [[30, -89], 0, 700],
    ] as Array<[XY, number, number]>) {
      const g = rangeGeometry({ kind: 'point', lonlat: origin }, minKm, maxKm);
      for (const ring of ringsOf(g))
        for (let i = 0; i + 1 < ring.length; i++) expect(Math.abs(ring[i + 1][0] - ring[i][0])).toBeLessThanOrEqual(90);
    }
  });
});

describe('rangeGeometry around the poles', () => {
  it('closes a disk that encloses the South Pole through the pole, in one polygon', () => {
    const g = rangeGeometry({ kind: 'point', lonlat: [30, -89] }, 0, 700);
    expect(g.type).toBe('Polygon');
    const ring = (g as Polygon).coordinates[0];
    expect(ring).toContainEqual([-180, -90]);
    expect(ring).toContainEqual([180, -90]);
    expect(inside([0, -90], g)).toBe(true);
    expect(inside([0, -89.999], g)).toBe(true);
    expect(Math.max(...ring.map((p) => p[1]))).toBeLessThan(-82);
  });

  it('closes a disk from 60°N that reaches over the North Pole through that pole only', () => {
    const g = rangeGeometry({ kind: 'point', lonlat: [10, 60] }, 0, 5500);
    const ring = ringsOf(g)[0];
    expect(ring).toContainEqual([180, 90]);
    expect(ring).toContainEqual([-180, 90]);
    expect(ring.some((p) => p[1] === -90)).toBe(false);
    expect(inside([-170, 89.99], g)).toBe(true);
  });

  it('draws a disk around a pole as a band of latitude that reaches the pole', () => {
    const g = rangeGeometry({ kind: 'point', lonlat: [0, 90] }, 0, 100);
    const latitudes = new Set(
      ringsOf(g)[0]
        .filter((p) => p[1] !== 90)
        .map((p) => p[1]),
    );
    expect(latitudes.size).toBe(1);
    expect(km([0, 90], [0, [...latitudes][0]])).toBeCloseTo(100, 2);
  });

  it.each([15000, 19000])(
    'represents a %s km disk from Pyongyang as the whole map minus the far cap around the antipode',
    (maxKm) => {
      const origin: XY = [125.7625, 39.0392];
      const antipode: XY = [origin[0] - 180, -origin[1]];
      const g = rangeGeometry({ kind: 'point', lonlat: origin }, 0, maxKm);
      expect(g.type).toBe('Polygon');
      const [outer, ...holes] = (g as Polygon).coordinates;
      const lons = outer.map((p) => p[0]);
      const lats = outer.map((p) => p[1]);
      expect([Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)]).toEqual([
        -180, 180, -90, 90,
      ]);
      expect(holes).toHaveLength(1);
      expect(booleanPointInPolygon(antipode, { type: 'Polygon', coordinates: [holes[0].slice().reverse()] })).toBe(
        true,
      );
      expect(inside(antipode, g)).toBe(false);
      expect(inside([0, 90], g) && inside([0, -90], g)).toBe(true);
    },
  );

  it('notches the map edges instead of drawing a hole across ±180 when the far cap straddles the antimeridian', () => {
    const g = rangeGeometry({ kind: 'point', lonlat: [0.05, 10] }, 0, 15000);
    expect(g.type).toBe('Polygon');
    expect((g as Polygon).coordinates).toHaveLength(1);
    expect(inside([-179.95, -10], g)).toBe(false);
    expect(inside([179.99, -10], g)).toBe(false);
    expect(inside([0, 90], g) && inside([0, -90], g)).toBe(true);
  });
});

describe('rangeGeometry from an area, a line or points', () => {
  const cases: Array<[string, Area, number, number]> = [
    ['a small concave area, disk of 50 km', readArea('small-concave'), 0, 50],
    ['a small concave area, band of 20–100 km', readArea('small-concave'), 20, 100],
    ['a small concave area, band of 300–700 km', readArea('small-concave'), 300, 700],
    ['a front line, disk of 40 km', readArea('front-line'), 0, 40],
    ['a front line, band of 100–300 km', readArea('front-line'), 100, 300],
    ['an area cut at the antimeridian, disk of 300 km', readArea('across-antimeridian'), 0, 300],
    ['the area south of 80°S, disk of 500 km', readArea('south-polar-cap'), 0, 500],
    [
      'two launch sites, disk of 250 km',
      {
        type: 'MultiPoint',
        coordinates: [
          [36.2, 50.0],
          [39.7, 47.2],
        ],
      },
      0,
      250,
    ],
  ];

  it.each(cases)('keeps the boundary of the range from %s within 0.1% of its radius', (_, geometry, minKm, maxKm) => {
    const g = rangeGeometry(area(geometry), minKm, maxKm);
    expect(worstDeviation(g, distanceToArea(geometry), minKm, maxKm, 2)).toBeLessThanOrEqual(TOLERANCE);
    expect(rfc7946Problems(g)).toEqual([]);
    expect(getIssues(JSON.stringify(asFeature(g)))).toEqual([]);
  });

  it('includes the area in a disk and leaves it and its near surroundings out of a band', () => {
    const geometry = readArea('small-concave');
    const disk = rangeGeometry(area(geometry), 0, 50);
    const band = rangeGeometry(area(geometry), 20, 100);
    for (const p of [
      [35.4, 51.3],
      [36.5, 51.3],
      [35.4, 52.2],
    ] as XY[]) {
      expect(inside(p, disk)).toBe(true);
      expect(inside(p, band)).toBe(false);
    }
    // Inside the notch of the L, 15 km from both arms: in the disk, not yet in the band.
    const notch = destination([35.8, 51.6], 45, 15 * Math.SQRT2);
    expect(inside(notch, disk)).toBe(true);
    expect(inside(notch, band)).toBe(false);
    expect(inside(destination([37, 51], 135, 60), band)).toBe(true);
    expect(inside(destination([37, 51], 135, 101), band)).toBe(false);
  });

  it('covers both sides of a front line, and its ends with round caps', () => {
    const line = readArea('front-line') as { type: 'LineString'; coordinates: XY[] };
    const g = rangeGeometry(area(line), 0, 40);
    const [start, end] = [line.coordinates[0], line.coordinates[line.coordinates.length - 1]];
    expect(inside(destination(start, 0, 39), g)).toBe(true);
    expect(inside(destination(end, 270, 39), g)).toBe(true);
    expect(inside(destination(end, 270, 41), g)).toBe(false);
    expect(inside(destination([37.6, 48.3], 90, 39), g) && inside(destination([37.6, 48.3], 270, 39), g)).toBe(true);
  });

  it('reaches across the antimeridian from an area cut there', () => {
    const g = rangeGeometry(area(readArea('across-antimeridian')), 0, 300);
    expect(inside([-172, 65.5], g)).toBe(true); // 4° east of the eastern part's tip, ≈ 190 km
    expect(inside([172, 65], g)).toBe(true);
    for (const ring of ringsOf(g)) for (const p of ring) expect(Math.abs(p[0])).toBeLessThanOrEqual(180);
  });

  it('closes the buffer of a polar area through the pole and keeps the area out of a band', () => {
    const geometry = readArea('south-polar-cap');
    const band = rangeGeometry(area(geometry), 200, 500);
    expect(inside([0, -90 + 1e-3], band)).toBe(false);
    expect(inside([45, -80 + 300 / 111.6], band)).toBe(true);
    const disk = rangeGeometry(area(geometry), 0, 500);
    expect(ringsOf(disk)[0]).toContainEqual([180, -90]);
    expect(inside([123, -89.5], disk)).toBe(true);
  });

  it('gives identical output for identical input', () => {
    const geometry = readArea('ukraine-110m');
    expect(JSON.stringify(rangeGeometry(area(geometry), 600, 700))).toBe(
      JSON.stringify(rangeGeometry(area(geometry), 600, 700)),
    );
  });
});

describe('rangeGeometry input checks', () => {
  const point = { kind: 'point', lonlat: [30, 50] } as RangeOrigin;
  it.each([
    ['minKm is not finite', () => rangeGeometry(point, Number.NaN, 100), /minKm.*received NaN/],
    ['minKm is negative', () => rangeGeometry(point, -1, 100), /minKm.*≥ 0.*received -1/],
    ['maxKm equals minKm', () => rangeGeometry(point, 100, 100), /maxKm.*greater than minKm \(100\).*received 100/],
    ['maxKm is infinite', () => rangeGeometry(point, 0, Number.POSITIVE_INFINITY), /maxKm.*received Infinity/],
    ['maxKm is beyond the limit', () => rangeGeometry(point, 0, 20000), /maxKm.*to 19900.*received 20000/],
    ['maxKm is too small to draw', () => rangeGeometry(point, 0, 0.05), /maxKm.*from 0\.1.*received 0\.05/],
    [
      'the longitude is out of range',
      () => rangeGeometry({ kind: 'point', lonlat: [200, 0] }, 0, 100),
      /origin\.lonlat longitude.*received 200/,
    ],
    [
      'the latitude is out of range',
      () => rangeGeometry({ kind: 'point', lonlat: [0, -91] }, 0, 100),
      /origin\.lonlat latitude.*received -91/,
    ],
    [
      'a coordinate is not a number',
      () => rangeGeometry({ kind: 'point', lonlat: [Number.NaN, 0] }, 0, 100),
      /origin\.lonlat must be a \[longitude, latitude\]/,
    ],
    ['the tolerance is 0', () => rangeGeometry(point, 0, 100, { tolerance: 0 }), /options\.tolerance.*received 0/],
    [
      'the origin kind is unknown',
      // biome-ignore lint/plugin: deliberately ill-typed input: the test checks the run-time guard
      () => rangeGeometry({ kind: 'circle' } as unknown as RangeOrigin, 0, 100),
      /origin\.kind.*received "circle"/,
    ],
    [
      'an area is a Point',
      () => rangeGeometry(area({ type: 'Point', coordinates: [0, 0] }), 0, 100),
      /origin\.geometry\.type.*received "Point"/,
    ],
    [
      'a line has one position',
      () => rangeGeometry(area({ type: 'LineString', coordinates: [[0, 0]] }), 0, 100),
      /origin\.geometry\.coordinates must be an array of at least 2 positions/,
    ],
    [
      'a ring is not closed',
      () =>
        rangeGeometry(
          area({
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          }),
          0,
          100,
        ),
      /coordinates\[0\] must be a closed ring/,
    ],
    [
      'an area position is out of range',
      () =>
        rangeGeometry(
          area({
            type: 'MultiPoint',
            coordinates: [
              [0, 0],
              [0, 95],
            ],
          }),
          0,
          100,
        ),
      /coordinates\[1\] latitude.*received 95/,
    ],
  ])('throws an error naming the argument and the value when %s', (_, call, message) => {
    expect(call).toThrow(message);
  });

  it('draws radii up to the limit exactly, even from the equator where the cut locus is nearest', () => {
    for (const origin of [
      [0, 0],
      [100, 45],
    ] as XY[]) {
      const g = rangeGeometry({ kind: 'point', lonlat: origin }, 0, RANGE_LIMITS.maxKm);
      expect(worstDeviation(g, (p) => km(origin, p), 0, RANGE_LIMITS.maxKm, 8)).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

describe('rangeGeometry golden fixtures', () => {
  // tests/fixtures/ranges/in/NAME.json → out/NAME.geojson; REGEN=1 rewrites them, a mismatch writes NAME-changed.geojson.
  const names = readdirSync(`${FIXTURES}in`)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));

  it('has fixtures to compare', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it.each(names)('reproduces %s', (name) => {
    const input = JSON.parse(readFileSync(`${FIXTURES}in/${name}.json`, 'utf8'));
    const origin: RangeOrigin = input.origin.area ? area(readArea(input.origin.area)) : input.origin;
    const geometry = rangeGeometry(origin, input.minKm, input.maxKm, input.options);
    const actual = formatFeature({ ...input, geometry });
    const goldenPath = `${FIXTURES}out/${name}.geojson`;
    if (process.env.REGEN === '1') writeFileSync(goldenPath, actual);
    expect(existsSync(goldenPath), `${goldenPath} is missing: run with REGEN=1`).toBe(true);
    const expected = readFileSync(goldenPath, 'utf8');
    if (actual !== expected) writeFileSync(`${FIXTURES}out/${name}-changed.geojson`, actual);
    expect(actual, `differs from ${goldenPath}; see ${name}-changed.geojson`).toBe(expected);
    expect(getIssues(actual)).toEqual([]);
  });
});

/** A Feature with one position per line, so that a changed fixture reads well in a diff. */
function formatFeature({
  geometry,
  ...properties
}: { geometry: Polygon | MultiPolygon } & Record<string, unknown>): string {
  const rings = (polygon: Position[][]) =>
    `[\n${polygon.map((ring) => `[\n${ring.map((p) => JSON.stringify(p)).join(',\n')}\n]`).join(',\n')}\n]`;
  const coordinates =
    geometry.type === 'Polygon' ? rings(geometry.coordinates) : `[\n${geometry.coordinates.map(rings).join(',\n')}\n]`;
  return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":{"type":"${geometry.type}","coordinates":${coordinates}}}\n`;
}
