import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataBuilder, type BuildOutput } from '../../src/cli/build-data.js';
import { TILES_FILE, TILES_LAYER, TILES_MEMBER, type EventCollection } from '../../src/contract.js';
import { LARGE_ARCHIVE } from '../../src/constants.js';
import { generateArchive } from '../../bench/scale/generate.js';

const reader = (bytes: Uint8Array) =>
  new PMTiles({
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number): Promise<RangeResponse> => ({
      data: bytes.slice(offset, offset + length).buffer,
    }),
  });

// A generated archive just large enough for the page's index (LARGE_ARCHIVE events).
const dir = mkdtempSync(join(tmpdir(), 'atlas-tiles-'));
for (const [path, text] of generateArchive({ docs: 200, events: LARGE_ARCHIVE, seed: 3 })) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let out: BuildOutput;
beforeAll(async () => {
  out = await createDataBuilder(join(dir, 'documents'), { cwd: dir, tiles: true }).build();
});

describe('the data build past TILES_FROM (or with tiles: true)', () => {
  it('writes events.pmtiles, named by ranges.geojson, whose tiles hold the events by id', async () => {
    expect(out.files).not.toBeNull();
    const ranges = JSON.parse(out.files!['ranges.geojson']);
    expect(ranges[TILES_MEMBER]).toBe(TILES_FILE);
    const archive = reader(out.binary[TILES_FILE]);
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([0, 12]);
    const events: EventCollection = JSON.parse(out.files!['events.geojson']);
    // The archive's bounds hold every place.
    for (const f of events.features)
      for (const [lon, lat] of f.geometry.coordinates) {
        expect(lon).toBeGreaterThanOrEqual(header.minLon - 1e-6);
        expect(lon).toBeLessThanOrEqual(header.maxLon + 1e-6);
        expect(lat).toBeGreaterThanOrEqual(header.minLat - 1e-6);
        expect(lat).toBeLessThanOrEqual(header.maxLat + 1e-6);
      }
    // The tile of the first event's place at the deepest zoom holds it, by id.
    const [lon, lat] = events.features[0].geometry.coordinates[0];
    const n = 2 ** 12;
    const x = Math.floor(((lon + 180) / 360) * n);
    const y = Math.floor(
      ((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n,
    );
    const tile = await archive.getZxy(12, x, y);
    expect(tile).toBeDefined();
    const layer = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers[TILES_LAYER];
    const ids = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.id);
    expect(ids).toContain(events.features[0].properties.id);
  });

  it('writes no tiles below TILES_FROM unless asked', async () => {
    const auto = await createDataBuilder(join(dir, 'documents'), { cwd: dir }).build();
    expect(auto.binary).toEqual({});
    expect(JSON.parse(auto.files!['ranges.geojson'])[TILES_MEMBER]).toBeUndefined();
  });
});

// The reader decompresses the tiles itself (DecompressionStream); here it is checked that they are gzip.
describe('tilesArchive', () => {
  it('stores its tiles gzipped, as its header says', async () => {
    const bytes = out.binary[TILES_FILE];
    const header = await reader(bytes).getHeader();
    expect(header.tileCompression).toBe(2);
    const first = bytes.subarray(header.tileDataOffset, header.tileDataOffset + 2);
    expect([...first]).toEqual([0x1f, 0x8b]);
    expect(() => gunzipSync(bytes.subarray(header.tileDataOffset))).not.toThrow();
  });
});
