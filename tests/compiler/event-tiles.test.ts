import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventCollection } from '../../src/contract.js';
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

describe('withTilesMember', () => {
  it('names the tiles in ranges.geojson, the rest unchanged', () => {
    const json = JSON.stringify({ type: 'FeatureCollection', events_index: 'events.index.json', features: [] });
    expect(JSON.parse(withTilesMember(json))).toEqual({ ...JSON.parse(json), events_tiles: 'events.pmtiles' });
  });
});
