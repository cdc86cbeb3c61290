import { gzipSync } from 'node:zlib';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { HEADER_BYTES, writePmtiles, type Tile } from '../../src/compiler/pmtiles-writer.js';

/** The archive read back by the `pmtiles` reader (the page's), from memory. */
function reader(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number): Promise<RangeResponse> => ({
      data: bytes.slice(offset, offset + length).buffer,
    }),
  };
  return new PMTiles(source);
}

const text = (s: string) => new TextEncoder().encode(s);
const options = {
  gzip: (b: Uint8Array) => gzipSync(b),
  tileCompression: 'none' as const,
  metadata: { name: 'test', vector_layers: [{ id: 'events' }] },
};

describe('writePmtiles', () => {
  it('gives back every tile by z/x/y, its metadata and its zooms, and nothing where no tile is', async () => {
    const tiles: Tile[] = [
      { z: 0, x: 0, y: 0, data: text('world') },
      { z: 3, x: 5, y: 2, data: text('three-five-two') },
      { z: 3, x: 2, y: 5, data: text('three-two-five') },
      { z: 12, x: 4095, y: 0, data: text('corner') },
    ];
    const archive = reader(writePmtiles([...tiles].reverse(), options));
    for (const t of tiles)
      expect(new TextDecoder().decode((await archive.getZxy(t.z, t.x, t.y))!.data)).toBe(
        new TextDecoder().decode(t.data),
      );
    expect(await archive.getZxy(3, 5, 3)).toBeUndefined();
    expect(await archive.getZxy(1, 0, 0)).toBeUndefined();
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom, header.tileType, header.numAddressedTiles]).toEqual([
      0,
      12,
      TileType.Mvt,
      4,
    ]);
    expect(await archive.getMetadata()).toEqual(options.metadata);
  });

  it('stores identical tiles once, and keeps them apart from others', async () => {
    const tiles: Tile[] = Array.from({ length: 16 }, (_, i) => ({
      z: 2,
      x: i % 4,
      y: Math.floor(i / 4),
      data: text(i % 5 === 0 ? 'sea' : `land ${i}`),
    }));
    const bytes = writePmtiles(tiles, options);
    const archive = reader(bytes);
    const header = await archive.getHeader();
    expect(header.numTileContents).toBe(13);
    for (const t of tiles)
      expect(new TextDecoder().decode((await archive.getZxy(t.z, t.x, t.y))!.data)).toBe(
        new TextDecoder().decode(t.data),
      );
    // The data section holds each content once.
    expect(header.tileDataLength).toBe(
      'sea'.length + tiles.filter((_, i) => i % 5 !== 0).reduce((n, t) => n + t.data.length, 0),
    );
  });

  it('moves the directory to leaves when the root would pass 16 KiB, and still finds every tile', async () => {
    // Most tiles of zoom 8, with distinct contents of random lengths: far more entries than a 16 KiB root holds.
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const tiles: Tile[] = [];
    for (let x = 0; x < 256; x++)
      for (let y = 0; y < 256; y++)
        if (random() < 0.8 || (x === 0 && y === 0) || (x === 255 && y === 255))
          tiles.push({ z: 8, x, y, data: text(`${x}/${y}`.padEnd(8 + Math.floor(random() * 300), '.')) });
    const bytes = writePmtiles(tiles, options);
    const archive = reader(bytes);
    const header = await archive.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(header.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    for (const { x, y } of [tiles[0], tiles[tiles.length - 1], tiles[12_345], tiles[40_000]])
      expect(new TextDecoder().decode((await archive.getZxy(8, x, y))!.data).replace(/\.+$/, '')).toBe(`${x}/${y}`);
  });

  it('refuses no tiles, a tile given twice, and a tile off its zoom', () => {
    expect(() => writePmtiles([], options)).toThrow(/no tiles/);
    expect(() =>
      writePmtiles(
        [
          { z: 1, x: 1, y: 0, data: text('a') },
          { z: 1, x: 1, y: 0, data: text('b') },
        ],
        options,
      ),
    ).toThrow(/1\/1\/0 is given twice/);
    expect(() => writePmtiles([{ z: 1, x: 2, y: 0, data: text('a') }], options)).toThrow();
  });
});
