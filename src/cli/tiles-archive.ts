/**
 * tilesArchive: an archive's events as one PMTiles file of vector tiles (contract.ts TILES_FILE), for an
 * archive past constants.ts TILES_FROM events: the tiles of src/compiler/event-tiles.ts, gzipped, in the
 * archive of src/compiler/pmtiles-writer.ts. Colours come from data/types.json, as on the page.
 */
import { gzipSync } from 'node:zlib';
import type { EventCollection } from '../contract.js';
import { FALLBACK_COLOUR } from '../constants.js';
import { eventTiles, tileMetadata } from '../compiler/event-tiles.js';
import { writePmtiles } from '../compiler/pmtiles-writer.js';
// biome-ignore lint/correctness/useImportExtensions: a JSON module keeps its own extension
import TYPE_COLOURS from '../../data/types.json' with { type: 'json' };

const COLOURS: Readonly<Record<string, string>> = TYPE_COLOURS;
const colourOf = (type: string): string => (Object.hasOwn(COLOURS, type) ? COLOURS[type] : FALLBACK_COLOUR);

export interface TilesFigures {
  /** Tiles written (non-empty, zoom 0 to the deepest). */
  tiles: number;
  /** Bytes of the largest tile, gzipped. */
  largestTile: number;
}

export function tilesArchive(events: EventCollection, figures?: (f: TilesFigures) => void): Uint8Array {
  const tiles = eventTiles(events, { colourOf }).map((t) => ({ ...t, data: gzipSync(t.data) }));
  figures?.({ tiles: tiles.length, largestTile: tiles.reduce((n, t) => Math.max(n, t.data.length), 0) });
  // A loop, not Math.min(...): a million positions would overflow the call stack.
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const f of events.features) {
    for (const [lon, lat] of f.geometry.coordinates) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  const bounds: [number, number, number, number] | undefined = west <= east ? [west, south, east, north] : undefined;
  return writePmtiles(tiles, { gzip: (b) => gzipSync(b), metadata: tileMetadata(), ...(bounds ? { bounds } : {}) });
}
