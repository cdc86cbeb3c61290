/**
 * A tile cluster's visible count, evaluated by MapLibre's own style-spec on the clusters the build writes
 * (src/compiler/event-tiles.ts): for every switch of types and statuses, the visible counts of the drawn
 * clusters and the visible unclustered places add up to the visible places of the archive, and a cluster
 * with nothing visible in it is not drawn. The page's own clusters (GeoJSON, already only visible events) keep
 * their count.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { createExpression, featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { PbfReader } from 'pbf';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, type EventCollection } from '../../src/contract';
import { TILE_LAYER, eventPoints, eventTiles } from '../../src/compiler/event-tiles';
import { clusterFilter, countLabel, visibleCount } from '../../src/map/cluster-count';
import { filters } from '../../src/map/filters';
import { LAYER } from '../../src/map/ids';
import { colourOfType } from '../../src/map/scales';
import type { Period } from '../../src/map/url-state';
import { isEventVisible } from '../../src/map/visibility';

const app: EventCollection = JSON.parse(readFileSync('tests/fixtures/app/events.geojson', 'utf8'));
const TYPES = ['missile-strike', 'drone-attack', 'policy'];

/** n events round Kyiv of three types and every status, each dated one day of January 2020. */
function archive(n: number): EventCollection {
  let seed = 11;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const base = app.features[0];
  const features = Array.from({ length: n }, (_, i) => {
    const at: [number, number] = [22 + random() * 16, 45 + random() * 8];
    const date = `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    return {
      ...base,
      geometry: { type: 'MultiPoint' as const, coordinates: [at] },
      properties: {
        ...base.properties,
        id: `e${i}`,
        type: TYPES[i % 3],
        status: CLAIM_STATUSES[(i >> 2) % 4],
        date,
        date_start: date,
        date_end: date,
        places: [{ ...base.properties.places[0], lonlat: at }],
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

const collection = archive(2000);
const places = eventPoints(collection, colourOfType).map((f) => f.properties);
const tiles = eventTiles(collection, { colourOf: colourOfType, maxZoom: 6 });

/** The features of every tile of a zoom that lie in the tile itself (not its buffer). */
function features(z: number): Array<Record<string, unknown>> {
  return tiles
    .filter((t) => t.z === z)
    .flatMap((t) => {
      const layer = new VectorTile(new PbfReader(t.data)).layers[TILE_LAYER];
      return Array.from({ length: layer.length }, (_, i) => layer.feature(i)).filter((f) =>
        f
          .loadGeometry()
          .flat()
          .every((p) => p.x >= 0 && p.x < layer.extent && p.y >= 0 && p.y < layer.extent),
      );
    })
    .map((f) => f.properties);
}

function evaluator(expression: unknown, type: 'number' | 'string') {
  const parsed = createExpression(expression, {
    type,
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  expect(parsed.result).toBe('success');
  return (properties: Record<string, unknown>) =>
    (parsed.value as { evaluate(g: object, f: object): number | string }).evaluate(
      { zoom: 3 },
      { type: 1, properties },
    );
}

const passes = (filter: unknown, properties: Record<string, unknown>) =>
  featureFilter(filter as FilterSpecification, 'filter').filter({ zoom: 3 }, { type: 1, properties });

const switches: string[][] = [
  [],
  ['type:policy'],
  ['type:policy', 'type:drone-attack'],
  ['status:claimed'],
  ['type:missile-strike', 'status:disputed', 'status:reported'],
  TYPES.map((t) => `type:${t}`),
];

describe('visibleCount', () => {
  for (const z of [3, 5]) {
    const drawn = features(z);
    it(`at zoom ${z}, adds up to the visible places with every switch of types and statuses`, () => {
      expect(drawn.filter((p) => p.cluster).length).toBeGreaterThan(3);
      for (const hidden of switches.map((h) => new Set(h))) {
        const count = evaluator(visibleCount(hidden), 'number');
        const f = filters(hidden, null);
        const clusters = drawn.filter((p) => passes(f[LAYER.eventCluster], p));
        const markers = drawn.filter((p) => passes(f[LAYER.eventMarker], p));
        for (const c of clusters) expect(count(c)).toBeGreaterThan(0);
        // The clusters left out had nothing visible in them.
        for (const c of drawn.filter((p) => p.cluster && !clusters.includes(p))) expect(count(c)).toBe(0);
        const total = clusters.reduce((n, c) => n + Number(count(c)), 0) + markers.length;
        const want = places.filter((p) => isEventVisible(p as { type: string; status: 'reported' }, hidden)).length;
        expect(total, [...hidden].join(' ')).toBe(want);
      }
    });
  }

  it("keeps the page's own clusters' count, which holds only visible events already", () => {
    const own = { cluster: true, cluster_id: 1, point_count: 42, point_count_abbreviated: 42 };
    for (const hidden of switches.map((h) => new Set(h))) {
      expect(evaluator(visibleCount(hidden), 'number')(own)).toBe(42);
      expect(passes(clusterFilter(hidden, { from: '1990-01-01', to: '1990-12-31' }), own)).toBe(true);
    }
  });
});

describe('countLabel', () => {
  it("writes a count as supercluster's point_count_abbreviated does", () => {
    const label = evaluator(countLabel(['get', 'point_count']), 'string');
    const clusters = [3, 5].flatMap(features).filter((p) => p.cluster);
    for (const c of clusters) expect(label(c)).toBe(String(c.point_count_abbreviated));
    // Past what the archive holds: supercluster's rounding at its two thresholds.
    for (const [n, text] of [
      [999, '999'],
      [1000, '1k'],
      [1249, '1.2k'],
      [1250, '1.3k'],
      [9999, '10k'],
      [10000, '10k'],
      [12500, '13k'],
    ] as const)
      expect(label({ point_count: n })).toBe(text);
  });
});

describe('clusterFilter', () => {
  it('hides a built cluster whose span of dates misses the period, and keeps one that meets it', () => {
    const clusters = features(3).filter((p) => p.cluster);
    const none = new Set<string>();
    const january: Period = { from: '2020-01-05', to: '2020-01-06' };
    const before: Period = { from: '2019-01-01', to: '2019-12-31' };
    for (const c of clusters) {
      expect(passes(clusterFilter(none, before), c)).toBe(false);
      expect(passes(clusterFilter(none, null), c)).toBe(true);
    }
    expect(clusters.some((c) => passes(clusterFilter(none, january), c))).toBe(true);
  });
});
