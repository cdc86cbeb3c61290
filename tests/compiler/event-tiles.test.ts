import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLAIM_STATUSES, clusterTallyKey, type EventCollection } from '../../src/contract.js';
import { TILE_LAYER, eventPoints, eventTiles, withTilesMember } from '../../src/compiler/event-tiles.js';
import { leanEvents } from '../../src/map/source.js';
import { colourOfType } from '../../src/map/scales.js';
import { CLUSTER } from '../../src/constants.js';

const app: EventCollection = JSON.parse(readFileSync('tests/fixtures/app/events.geojson', 'utf8'));

/** n events at pseudo-random places, a few sharing a point. */
function events(n: number): EventCollection {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const base = app.features[0];
  const features = Array.from({ length: n }, (_, i) => {
    const at = i % 10 === 0 ? [30.5, 50.45] : [-170 + random() * 340, -60 + random() * 130];
    return {
      ...base,
      geometry: { type: 'MultiPoint' as const, coordinates: [at] },
      properties: {
        ...base.properties,
        id: `e${i}`,
        places: [{ ...base.properties.places[0], lonlat: at as [number, number] }],
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

const TYPES = ['missile-strike', 'drone-attack', 'policy'];

/** events(n) of three types and every status, dated over a month, one in seven undated. */
function mixed(n: number): EventCollection {
  const collection = events(n);
  collection.features.forEach((f, i) => {
    const date = i % 7 === 0 ? null : `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    Object.assign(f.properties, {
      type: TYPES[i % 3],
      status: CLAIM_STATUSES[i % 4],
      date,
      date_start: date,
      date_end: date,
    });
  });
  return collection;
}

const decode = (data: Uint8Array) => new VectorTile(new PbfReader(data)).layers[TILE_LAYER];
/** The features whose point lies in the tile itself, not in the buffer copied from its neighbours. */
const inside = (data: Uint8Array) => {
  const layer = decode(data);
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i))
    .filter((f) =>
      f
        .loadGeometry()
        .flat()
        .every((p) => p.x >= 0 && p.x < layer.extent && p.y >= 0 && p.y < layer.extent),
    )
    .map((f) => f.properties);
};
const withoutNulls = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v != null));

describe('eventPoints', () => {
  it('gives each place of each event the properties the page draws from its own source', () => {
    for (const collection of [app, events(50)]) {
      expect(eventPoints(collection, colourOfType)).toEqual(leanEvents(collection).features);
    }
  });
});

describe('eventTiles', () => {
  const collection = events(3000);
  const tiles = eventTiles(collection, { colourOf: colourOfType });

  it('writes every zoom from the world tile to the one where every place is drawn', () => {
    expect(new Set(tiles.map((t) => t.z))).toEqual(new Set(Array.from({ length: CLUSTER.maxZoom + 2 }, (_, z) => z)));
    expect(tiles.filter((t) => t.z === 0)).toHaveLength(1);
  });

  it('counts every place once in the world tile, clustered or not', () => {
    const world = inside(tiles.find((t) => t.z === 0)!.data);
    expect(world.some((p) => p.cluster === true)).toBe(true);
    const total = world.reduce((n, p) => n + (p.cluster ? Number(p.point_count) : 1), 0);
    expect(total).toBe(collection.features.length);
  });

  it('draws every event once, by id and with its properties, at the deepest zoom', () => {
    const deepest = tiles.filter((t) => t.z === CLUSTER.maxZoom + 1).flatMap((t) => inside(t.data));
    expect(deepest).toHaveLength(collection.features.length);
    expect(deepest.some((p) => p.cluster)).toBe(false);
    expect(new Set(deepest.map((p) => p.id))).toEqual(new Set(collection.features.map((f) => f.properties.id)));
    const lean = new Map(
      leanEvents(collection).features.map((f) => [f.properties?.id, withoutNulls(f.properties ?? {})]),
    );
    for (const p of deepest.slice(0, 50)) expect(p).toEqual(lean.get(String(p.id)));
  });
});

describe('eventTiles: what a cluster carries', () => {
  const collection = mixed(3000);
  const tiles = eventTiles(collection, { colourOf: colourOfType });
  const places = eventPoints(collection, colourOfType).map((f) => f.properties);

  it('tallies its places by status, and by status and type, adding up to every place in the world tile', () => {
    const world = inside(tiles.find((t) => t.z === 0)!.data);
    const clusters = world.filter((p) => p.cluster);
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      const byStatus = CLAIM_STATUSES.map((s) => Number(c[clusterTallyKey(s)] ?? 0));
      expect(byStatus.reduce((a, b) => a + b)).toBe(c.point_count);
      for (const s of CLAIM_STATUSES)
        expect(TYPES.reduce((n, t) => n + Number(c[clusterTallyKey(s, t)] ?? 0), 0)).toBe(
          Number(c[clusterTallyKey(s)] ?? 0),
        );
    }
    for (const s of CLAIM_STATUSES)
      for (const t of TYPES) {
        const want = places.filter((p) => p.status === s && p.type === t).length;
        const got = world.reduce(
          (n, p) => n + (p.cluster ? Number(p[clusterTallyKey(s, t)] ?? 0) : p.status === s && p.type === t ? 1 : 0),
          0,
        );
        expect(got, `${s} ${t}`).toBe(want);
      }
  });

  it("spans its events' dates, from the earliest start to the latest end", () => {
    const world = inside(tiles.find((t) => t.z === 0)!.data);
    const dated = places.filter((p) => typeof p.t0 === 'number');
    const starts = dated.map((p) => Number(p.t0));
    const ends = dated.map((p) => Number(p.t1));
    for (const c of world.filter((p) => p.cluster)) {
      expect(Number(c.t0)).toBeGreaterThanOrEqual(Math.min(...starts));
      expect(Number(c.t1)).toBeLessThanOrEqual(Math.max(...ends));
      expect(Number(c.t0)).toBeLessThan(Number(c.t1));
    }
  });

  it('names the zoom at which it comes apart: two near places are one cluster just before it and two places from it on', () => {
    // 100 m apart, and a third place far away so that the world tile is not one cluster.
    const pair = events(3);
    pair.features[0].geometry.coordinates = [[30, 50]];
    pair.features[1].geometry.coordinates = [[30.0014, 50]];
    pair.features[2].geometry.coordinates = [[-70, -30]];
    for (const f of pair.features) f.properties.places[0].lonlat = f.geometry.coordinates[0] as [number, number];
    const small = eventTiles(pair, { colourOf: colourOfType });
    const at = (z: number) => small.filter((t) => t.z === z).flatMap((t) => inside(t.data));
    const [cluster] = at(0).filter((p) => p.cluster);
    expect(cluster.point_count).toBe(2);
    const zoom = Number(cluster.expansion_zoom);
    expect(zoom).toBeGreaterThan(1);
    expect(zoom).toBeLessThanOrEqual(CLUSTER.maxZoom + 1);
    expect(at(zoom - 1).filter((p) => p.cluster)).toHaveLength(1);
    expect(at(zoom).filter((p) => p.cluster)).toHaveLength(0);
    expect(at(zoom).filter((p) => p.id === 'e0' || p.id === 'e1')).toHaveLength(2);
    // Every cluster of every zoom carries it.
    for (const t of small) for (const p of inside(t.data)) if (p.cluster) expect(p.expansion_zoom).toBeGreaterThan(t.z);
  });
});

describe('withTilesMember', () => {
  it('names the tiles in ranges.geojson, the rest unchanged', () => {
    const json = JSON.stringify({ type: 'FeatureCollection', events_index: 'events.index.json', features: [] });
    expect(JSON.parse(withTilesMember(json))).toEqual({ ...JSON.parse(json), events_tiles: 'events.pmtiles' });
  });
});
