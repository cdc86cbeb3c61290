import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import { collectionPieces, editFirst, joinPieces, lazy, serializeCollection } from '../../src/compiler/emit.js';
import { withIndexMember } from '../../src/compiler/page-index.js';
import { withTilesMember } from '../../src/compiler/event-tiles.js';

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

describe('collectionPieces', () => {
  it('makes the collection a feature a piece, and the pieces joined are what JSON.stringify writes', () => {
    const parts = [...collectionPieces(collection)];
    // Header (two pieces: the type, then the features' opening), a piece per feature, the end.
    expect(parts).toHaveLength(2 + collection.features.length + 1);
    expect(parts.join('')).toBe(
      `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`,
    );
    expect(parts[3]).toBe(`,\n${JSON.stringify(collection.features[1])}`);
  });

  it('writes an empty collection as the whole-string build did', () => {
    expect(joinPieces(collectionPieces({ type: 'FeatureCollection', features: [] }))).toBe(
      '{"type":"FeatureCollection","features":[\n\n]}\n',
    );
  });

  it("adds foreign members to the first piece exactly as the whole text's replace does", () => {
    const whole = JSON.stringify(collection).replace('"features":[', '"features":[\n');
    const edited = joinPieces(editFirst(collectionPieces(collection), (h) => withTilesMember(withIndexMember(h))));
    expect(edited).toBe(withTilesMember(withIndexMember(serializeCollection(collection))));
    expect(edited).not.toBe(serializeCollection(collection));
    expect(JSON.parse(edited)).toEqual({
      events_tiles: 'events.pmtiles',
      events_index: 'events.index.json',
      ...JSON.parse(whole),
    });
  });

  it('makes nothing until read, and makes it again on each reading when lazy', () => {
    let made = 0;
    const pieces = lazy(function* () {
      made++;
      yield* collectionPieces(collection);
    });
    expect(made).toBe(0);
    expect(joinPieces(pieces)).toBe(serializeCollection(collection));
    expect(joinPieces(pieces)).toBe(serializeCollection(collection));
    expect(made).toBe(2);
  });
});
