/**
 * writePmtiles: tiles in, one PMTiles v3 archive out (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 * npm has the reader (`pmtiles`, which the page uses) but no maintained writer for Node, and the format is
 * small: a 127-byte header, a root directory within the first 16 KiB (leaf directories when it would not
 * fit), JSON metadata, then the tile data ordered by tile id, identical tiles stored once.
 *
 * Pure: compression is handed in (the build passes zlib's gzip); hashing finds identical tiles.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { zxyToTileId } from 'pmtiles';

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes, already compressed with `tileCompression`. */
  data: Uint8Array;
}

export interface PmtilesOptions {
  /** Gzip (the build passes node:zlib's gzipSync): directories and metadata are stored gzipped. */
  gzip(bytes: Uint8Array): Uint8Array;
  /** How the tiles' bytes are compressed: 'gzip' or 'none'. Default 'gzip'. */
  tileCompression?: 'gzip' | 'none';
  /** TileJSON-like metadata (vector_layers…), stored as JSON. */
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees; default the world. */
  bounds?: [number, number, number, number];
  /** [lon, lat, zoom] of the initial view; default the bounds' centre at minzoom. */
  center?: [number, number, number];
}

/** Bytes of the header; the header and the root directory together fit in ROOT_SPACE. */
export const HEADER_BYTES = 127;
const ROOT_SPACE = 16_384;
const COMPRESSION = { none: 1, gzip: 2 } as const;
/** Tile type: Mapbox Vector Tile. */
const MVT = 1;

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Unsigned LEB128, for values up to 2^53 (plain arithmetic: bit operators stop at 32 bits). */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory, serialized (spec: "Directories"), before compression. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0: this entry's data follows the previous entry's; otherwise offset + 1.
    pushVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** The root directory and the leaf directories, the root within ROOT_SPACE after the header. */
function directories(entries: Entry[], gzip: (b: Uint8Array) => Uint8Array): { root: Uint8Array; leaves: Uint8Array } {
  const whole = gzip(serializeDirectory(entries));
  if (whole.length <= ROOT_SPACE - HEADER_BYTES) return { root: whole, leaves: new Uint8Array(0) };
  // Leaves of leafSize entries each, the root pointing at them (run length 0); larger leaves until the root fits.
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const root = gzip(serializeDirectory(rootEntries));
    if (root.length <= ROOT_SPACE - HEADER_BYTES) return { root, leaves: concat(parts) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The archive's bytes. Tiles may come in any order; two tiles at one z/x/y are an error. */
export function writePmtiles(tiles: readonly Tile[], options: PmtilesOptions): Uint8Array {
  if (tiles.length === 0) throw new Error('writePmtiles: no tiles; an archive needs at least one');
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), tile: t })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const data: Uint8Array[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  let contents = 0;
  for (const [i, { id, tile }] of sorted.entries()) {
    if (i > 0 && sorted[i - 1].id === id)
      throw new Error(`writePmtiles: tile ${tile.z}/${tile.x}/${tile.y} is given twice`);
    const hash = bytesToHex(sha256(tile.data));
    let at = stored.get(hash);
    if (!at) {
      at = { offset: dataLength, length: tile.data.length };
      stored.set(hash, at);
      data.push(tile.data);
      dataLength += tile.data.length;
      contents++;
    }
    const last = entries[entries.length - 1];
    // The same content at the next tile id: one entry with a longer run.
    if (last && last.offset === at.offset && last.tileId + last.runLength === id) last.runLength++;
    else entries.push({ tileId: id, offset: at.offset, length: at.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries, options.gzip);
  const metadata = options.gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const zooms = tiles.map((t) => t.z);
  const minZoom = Math.min(...zooms);
  const maxZoom = Math.max(...zooms);
  const [west, south, east, north] = options.bounds ?? [-180, -85.0511287, 180, 85.0511287];
  const [lon, lat, zoom] = options.center ?? [(west + east) / 2, (south + north) / 2, minZoom];

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
  const e7 = (v: number) => Math.round(v * 1e7);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, tiles.length);
  u64(80, entries.length);
  u64(88, contents);
  // Clustered: the tile data is in tile-id order.
  header.setUint8(96, 1);
  header.setUint8(97, COMPRESSION.gzip);
  header.setUint8(98, COMPRESSION[options.tileCompression ?? 'gzip']);
  header.setUint8(99, MVT);
  header.setUint8(100, minZoom);
  header.setUint8(101, maxZoom);
  header.setInt32(102, e7(west), true);
  header.setInt32(106, e7(south), true);
  header.setInt32(110, e7(east), true);
  header.setInt32(114, e7(north), true);
  header.setUint8(118, zoom);
  header.setInt32(119, e7(lon), true);
  header.setInt32(123, e7(lat), true);
  return concat([new Uint8Array(header.buffer), root, metadata, leaves, ...data]);
}
