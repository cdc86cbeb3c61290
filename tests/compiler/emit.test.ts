import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import { serializeCollection } from '../../src/compiler/emit.js';

const band: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const collection: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'a', geometry: band, properties: { excerpt: 'says "geometry":null here', n: 1 } },
    { type: 'Feature', id: 'b', geometry: band, properties: { excerpt: 'the same band, shared' } },
    { type: 'Feature', id: 'c', geometry: { type: 'Point', coordinates: [35.046, 48.4647] }, properties: {} },
    { type: 'Feature', id: 'd', geometry: null, properties: { geometry: null } },
  ],
};

describe('serializeCollection', () => {
  it('writes exactly what JSON.stringify writes, one feature per line, shared geometries included', () => {
    const expected = `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
    expect(serializeCollection(collection)).toBe(expected);
  });

  it('round-trips through JSON.parse', () => {
    expect(JSON.parse(serializeCollection(collection))).toEqual(collection);
  });
});
