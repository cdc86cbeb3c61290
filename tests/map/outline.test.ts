import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import {
  bandOutline,
  dissolvedOutline,
  isCutEdge,
  outlineKey,
  placeOutlines,
  ringOutline,
} from '../../src/map/outline';

const square = (x: number, y: number, s = 1): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const allEdges = (lines: Position[][]) => lines.flatMap((l) => l.slice(1).map((p, i) => [l[i], p]));

describe('isCutEdge', () => {
  it('is true along the antimeridian and along the poles only', () => {
    expect(isCutEdge([180, -10], [180, 10])).toBe(true);
    expect(isCutEdge([-180, 10], [-180, -31.5])).toBe(true);
    expect(isCutEdge([-180, 90], [180, 90])).toBe(true);
    expect(isCutEdge([0, -90], [90, -90])).toBe(true);
    // Touching a cut line at one end, or crossing between the two sides, is a real edge.
    expect(isCutEdge([179, 10], [180, 10])).toBe(false);
    expect(isCutEdge([180, 10], [-180, 12])).toBe(false);
    expect(isCutEdge([10, 89.9], [20, 89.9])).toBe(false);
  });
});

describe('ringOutline', () => {
  it('returns a ring without cut edges whole and closed', () => {
    expect(ringOutline(square(10, 10))).toEqual([square(10, 10)]);
  });

  it('leaves out the edges along the antimeridian of a band cut at +180', () => {
    // East half of a band around Fiji: its ring runs up the antimeridian.
    const ring: Position[] = [
      [180, -31.6],
      [175, -30],
      [170, -18],
      [175, -6],
      [180, -4.7],
      [180, -18],
      [180, -31.6],
    ];
    const lines = ringOutline(ring);
    expect(lines).toEqual([
      [
        [180, -31.6],
        [175, -30],
        [170, -18],
        [175, -6],
        [180, -4.7],
      ],
    ]);
    for (const [a, b] of allEdges(lines)) expect(isCutEdge(a, b)).toBe(false);
  });

  it('keeps the real edge when the cut is in the middle of the ring order', () => {
    const ring: Position[] = [
      [175, -6],
      [180, -4.7],
      [180, -31.6],
      [175, -30],
      [170, -18],
      [175, -6],
    ];
    expect(ringOutline(ring)).toEqual([
      [
        [180, -31.6],
        [175, -30],
        [170, -18],
        [175, -6],
        [180, -4.7],
      ],
    ]);
  });

  it('gives nothing for a ring made only of cut edges (the world rectangle of a band around both poles)', () => {
    const world: Position[] = [
      [-180, -90],
      [0, -90],
      [180, -90],
      [180, 90],
      [0, 90],
      [-180, 90],
      [-180, -90],
    ];
    expect(ringOutline(world)).toEqual([]);
  });

  it('drops the pole closure of a ring that encloses the north pole', () => {
    const ring: Position[] = [
      [-180, 60],
      [-90, 55],
      [0, 50],
      [90, 55],
      [180, 60],
      [180, 90],
      [-180, 90],
      [-180, 60],
    ];
    expect(ringOutline(ring)).toEqual([
      [
        [-180, 60],
        [-90, 55],
        [0, 50],
        [90, 55],
        [180, 60],
      ],
    ]);
  });
});

describe('bandOutline', () => {
  it('keeps holes and every polygon of a MultiPolygon, and no cut edge', () => {
    const west: Position[] = [
      [-180, -31.6],
      [-180, -4.7],
      [-175, -6],
      [-172, -18],
      [-175, -30],
      [-180, -31.6],
    ];
    const east: Position[] = [
      [180, -31.6],
      [175, -30],
      [170, -18],
      [175, -6],
      [180, -4.7],
      [180, -31.6],
    ];
    const outline = bandOutline({ type: 'MultiPolygon', coordinates: [[west], [east]] });
    expect(outline.type).toBe('MultiLineString');
    expect(outline.coordinates).toHaveLength(2);
    for (const [a, b] of allEdges(outline.coordinates)) expect(isCutEdge(a, b)).toBe(false);

    const withHole = bandOutline({ type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
    expect(withHole.coordinates).toEqual([square(0, 0, 10), square(4, 4, 2)]);
  });
});

describe('dissolvedOutline', () => {
  it('drops the edge two neighbouring regions share and keeps the outer boundary', () => {
    // Two unit squares side by side, sharing the edge x = 1 (in opposite directions, as in a topology).
    const left = square(0, 0);
    const right = square(1, 0);
    const outline = dissolvedOutline([
      { type: 'Polygon', coordinates: [left] },
      { type: 'Polygon', coordinates: [right] },
    ]);
    const edges = allEdges(outline.coordinates).map(([a, b]) => `${a}>${b}`);
    expect(edges).not.toContain('1,0>1,1');
    expect(edges).not.toContain('1,1>1,0');
    expect(edges).toHaveLength(6);
  });

  it('gives a lone polygon back as its own ring', () => {
    expect(dissolvedOutline([{ type: 'Polygon', coordinates: [square(5, 5)] }]).coordinates).toEqual([square(5, 5)]);
  });
});

describe('outlineKey and placeOutlines', () => {
  const region = (code: string, ring: Position[], country = code.slice(0, 2)) => ({
    type: 'Feature' as const,
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
    properties: { code, country },
  });
  // Natural Earth puts Crimea under RU; its code says UA.
  const regions = [
    region('UA-01', square(0, 0)),
    region('UA-02', square(1, 0)),
    region('UA-43', square(0, -1), 'RU'),
    region('RU-KRS', square(5, 5)),
  ];

  it('keys a region-precision event by its admin-1 code and a country-precision one by its country', () => {
    expect(outlineKey({ precision: 3, admin1: 'RU-KRS', country: 'RU' })).toBe('RU-KRS');
    expect(outlineKey({ precision: 4, admin1: null, country: 'UA' })).toBe('country:UA');
    expect(outlineKey({ precision: 2, admin1: null, country: 'UA' })).toBeNull();
  });

  it('gives a region its polygon and ring, and a country its regions by code with their dissolved boundary', () => {
    const out = placeOutlines(regions, ['RU-KRS', 'country:UA', 'XX-NONE']);
    const of = (key: string, kind: string) =>
      out.features.filter((f) => f.properties?.key === key && f.properties?.kind === kind);
    expect(of('RU-KRS', 'area')).toHaveLength(1);
    expect((of('RU-KRS', 'line')[0].geometry as import('geojson').MultiLineString).coordinates).toEqual([square(5, 5)]);
    expect(of('country:UA', 'area')).toHaveLength(3);
    const boundary = (of('country:UA', 'line')[0].geometry as import('geojson').MultiLineString).coordinates;
    // Three unit squares in an L: 8 outer edges, the two shared ones gone.
    expect(allEdges(boundary)).toHaveLength(8);
    expect(out.features.some((f) => f.properties?.key === 'XX-NONE')).toBe(false);
  });
});
