/**
 * eventTiles: the events as Mapbox Vector Tiles, clustered as the page clusters them (constants.ts CLUSTER),
 * for an archive too large for one GeoJSON file (constants.ts TILES_FROM). Clustering is supercluster's,
 * the library MapLibre's own GeoJSON clustering runs; tiles are serialized by MapLibre's vt-pbf. Each
 * place of an event is one point with the properties the page's own source gives it (src/map/source.ts
 * leanEvents; tests/compiler/event-tiles.test.ts holds the two equal), the event id included, so a click
 * opens the event and its popup fetches its claims as in the GeoJSON path. A cluster also carries what the
 * page cannot ask an index for: the zoom at which it comes apart (`expansion_zoom`), its tally by status and
 * type (contract.ts clusterTallyKey), so that its count leaves out what the reader hides, and the span of its
 * events' dates (`t0`, `t1`: the earliest start, the latest end), so that a period it misses hides it. Pure.
 */
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import Supercluster from 'supercluster';
import {
  TILES_FILE,
  TILES_LAYER,
  TILES_MEMBER,
  clusterTallyKey,
  type EventCollection,
  type EventProperties,
} from '../contract.js';
import { CLUSTER } from '../constants.js';

/** The tiles' one layer (the page's layers name it as `source-layer`). */
export const TILE_LAYER = TILES_LAYER;
/** A cluster's tally and span, summed over its places by supercluster's map/reduce. */
type Tally = Record<string, number>;

/** One place's tally: its status, its status and type, and its dates (an undated one widens no span). */
function tallyOf(p: Record<string, unknown>): Tally {
  const [status, type] = [String(p.status), String(p.type)];
  return {
    [clusterTallyKey(status)]: 1,
    [clusterTallyKey(status, type)]: 1,
    t0: typeof p.t0 === 'number' ? p.t0 : OPEN_END,
    t1: typeof p.t1 === 'number' ? p.t1 : -OPEN_END,
  };
}

function addTally(into: Tally, more: Readonly<Tally>): void {
  for (const [key, n] of Object.entries(more)) {
    if (key === 't0') into.t0 = Math.min(into.t0, n);
    else if (key === 't1') into.t1 = Math.max(into.t1, n);
    else into[key] = (into[key] ?? 0) + n;
  }
}

/** Tile coordinates per side: MapLibre's own (its EXTENT), so that points land where its GeoJSON source puts them. */
export const TILE_EXTENT = 8192;
/** px per tile side that CLUSTER.radius is measured on (MapLibre's GeoJSON source: 512). */
const TILE_PX = 512;
/** ms: an open interval's end ("since 2014"), as src/map/period.ts OPEN_END. */
const OPEN_END = 8.64e15;

export interface EventTileOptions {
  /** The marker colour of an event type (data/types.json, else the fallback grey). */
  colourOf(type: string): string;
  /** Deepest zoom written; deeper views scale its tiles up. Default CLUSTER.maxZoom + 1, where every place is drawn. */
  maxZoom?: number;
}

export interface RawTile {
  z: number;
  x: number;
  y: number;
  /** Uncompressed MVT bytes. */
  data: Uint8Array;
}

/** [start, end) in ms (UTC) of an ISO date of 1–3 parts, as src/map/period.ts reads it. */
function bounds(iso: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : null, m[3] ? Number(m[3]) : null];
  if (d != null && mo != null) return [Date.UTC(y, mo, d), Date.UTC(y, mo, d + 1)];
  if (mo != null) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

/** `t0`, `t1` (ms) that the page's period filter reads, as src/map/period.ts timeProperties; none when undated. */
function timeOf(p: Pick<EventProperties, 'date' | 'date_start' | 'date_end'>): { t0?: number; t1?: number } {
  const [rawStart, rawEnd] = (p.date ?? '').split('/');
  const start = bounds(p.date_start ?? rawStart ?? '');
  if (!start) return {};
  if (rawEnd === '..' || rawEnd === '') return { t0: start[0], t1: OPEN_END };
  const end = bounds(p.date_end ?? rawEnd ?? '') ?? start;
  return { t0: start[0], t1: Math.max(end[1], start[1]) };
}

/** One point per place of each event, with the page's properties (src/map/source.ts leanEvents). */
export function eventPoints(
  events: EventCollection,
  colourOf: (type: string) => string,
): Array<Feature<Point, Record<string, unknown>>> {
  const positions = (f: EventCollection['features'][number]) =>
    f.properties.places.map((p, n) => (f.geometry.coordinates[n] ?? p.lonlat) as [number, number]);
  const labelOf = (f: EventCollection['features'][number], n: number) =>
    f.properties.places[n]?.name ?? f.properties.place;
  // How many events share each point and label, as the page counts them (leanEvents).
  const here = new Map<string, number>();
  for (const f of events.features)
    for (const key of new Set(positions(f).map((c, n) => `${c.join(',')} ${labelOf(f, n)}`)))
      here.set(key, (here.get(key) ?? 0) + 1);
  // A label already written at the same point by an earlier event: drawn by the map's repeat layer.
  const written = new Set<string>();
  return events.features.flatMap((f) => {
    const p = f.properties;
    return positions(f).map((at, n) => {
      const label = labelOf(f, n);
      const key = `${at.join(',')} ${label}`;
      const repeat = written.has(key);
      written.add(key);
      // The same properties as the page's own points (leanEvents): only what the layers read, a figure
      // only where it sizes the marker, `here` only where the point is shared.
      const properties: Record<string, unknown> = {
        kind: 'event',
        id: p.id,
        type: p.type,
        colour: colourOf(p.type),
        status: p.status,
        precision: p.places[n].precision,
        label,
      };
      if (n === 0 && typeof p.magnitude === 'number') properties.magnitude = p.magnitude;
      const shared = here.get(key) ?? 1;
      if (shared > 1) properties.here = shared;
      if (repeat) properties.repeat = true;
      Object.assign(properties, timeOf(p));
      if (p.pending) properties.pending = true;
      return { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: at }, properties };
    });
  });
}

/** Tile x (fractional) of a longitude, tile y of a latitude (Web Mercator), at `n` tiles per side. */
const tileX = (lon: number, n: number) => ((lon + 180) / 360) * n;
function tileY(lat: number, n: number): number {
  const s = Math.sin((Math.max(-85.0511287, Math.min(85.0511287, lat)) * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
}

/**
 * Every non-empty tile from zoom 0 to maxZoom. A tile holds what lies in it and within the cluster radius
 * of its edges (supercluster's buffer), so that markers and clusters cut by a tile edge draw whole.
 */
export function eventTiles(events: EventCollection, options: EventTileOptions): RawTile[] {
  const maxZoom = options.maxZoom ?? CLUSTER.maxZoom + 1;
  const radius = (CLUSTER.radius * TILE_EXTENT) / TILE_PX;
  const index = new Supercluster<Record<string, unknown>, Tally>({
    radius,
    extent: TILE_EXTENT,
    maxZoom: CLUSTER.maxZoom,
    minPoints: 2,
    map: tallyOf,
    reduce: addTally,
  });
  index.load(eventPoints(events, options.colourOf));
  // A cluster is in several tiles (their buffers): its expansion zoom is found once.
  const expansion = new Map<number, number>();
  const expansionZoom = (id: number) => {
    let zoom = expansion.get(id);
    if (zoom === undefined) expansion.set(id, (zoom = index.getClusterExpansionZoom(id)));
    return zoom;
  };
  const pad = radius / TILE_EXTENT;
  const tiles: RawTile[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    const n = 2 ** z;
    const keys = new Set<number>();
    for (const c of index.getClusters([-180, -90, 180, 90], z)) {
      const [lon, lat] = c.geometry.coordinates;
      const fx = tileX(lon, n);
      const fy = Math.min(n - 1e-9, tileY(lat, n));
      const x = Math.min(n - 1, Math.floor(fx));
      const y = Math.floor(fy);
      for (const dx of [-1, 0, 1]) {
        if ((dx < 0 && fx - x > pad) || (dx > 0 && x + 1 - fx > pad)) continue;
        for (const dy of [-1, 0, 1]) {
          if ((dy < 0 && fy - y > pad) || (dy > 0 && y + 1 - fy > pad) || y + dy < 0 || y + dy >= n) continue;
          keys.add(((x + dx + n) % n) * n + y + dy);
        }
      }
    }
    for (const key of [...keys].sort((a, b) => a - b)) {
      const [x, y] = [Math.floor(key / n), key % n];
      const tile = index.getTile(z, x, y);
      if (!tile?.features.length) continue;
      for (const { tags } of tile.features)
        if (tags && 'cluster_id' in tags)
          Object.assign(tags, { expansion_zoom: expansionZoom(Number(tags.cluster_id)) });
      tiles.push({
        z,
        x,
        y,
        data: fromGeojsonVt(
          // biome-ignore lint/plugin: typed boundary: supercluster's tile is geojson-vt's shape (points), which vt-pbf serializes
          { [TILE_LAYER]: tile as unknown as Parameters<typeof fromGeojsonVt>[0][string] },
          { version: 2, extent: TILE_EXTENT },
        ),
      });
    }
  }
  return tiles;
}

/** The archive's metadata (TileJSON's `vector_layers`): the layer, its zooms, and the fields of its features. */
export function tileMetadata(maxZoom = CLUSTER.maxZoom + 1): Record<string, unknown> {
  return {
    name: 'Source Atlas events',
    format: 'pbf',
    vector_layers: [
      {
        id: TILE_LAYER,
        minzoom: 0,
        maxzoom: maxZoom,
        fields: {
          kind: 'String',
          id: 'String',
          type: 'String',
          colour: 'String',
          status: 'String',
          precision: 'Number',
          magnitude: 'Number',
          label: 'String',
          here: 'Number',
          t0: 'Number',
          t1: 'Number',
          pending: 'Boolean',
          cluster: 'Boolean',
          cluster_id: 'Number',
          point_count: 'Number',
          point_count_abbreviated: 'String',
          expansion_zoom: 'Number',
          // and a cluster's tally, one Number per status and per status and type (contract.ts clusterTallyKey)
        },
      },
    ],
  };
}

/** ranges.geojson, serialized, with the member that points the page at the tiles (contract.ts TILES_MEMBER). */
export function withTilesMember(rangesJson: string): string {
  return rangesJson.replace(
    '{"type":"FeatureCollection",',
    `{"type":"FeatureCollection","${TILES_MEMBER}":"${TILES_FILE}",`,
  );
}
