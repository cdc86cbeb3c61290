/**
 * The events drawn from vector tiles in one PMTiles archive (contract.ts TILES_FILE), for an archive past
 * constants.ts TILES_FROM events: the `pmtiles` reader as a MapLibre protocol, fetching byte ranges of the
 * one file from the site itself (the host must answer HTTP range requests; README "Deploying"). The tiles
 * hold the same points, properties and clusters as the events' GeoJSON source (src/compiler/event-tiles.ts),
 * so the same layers draw them, reading the tiles' layer.
 */
import { addProtocol, type LayerSpecification, type Map as MapLibreMap } from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import { TILES_LAYER } from '../contract';
import { EVENT_SOURCE } from './ids';

let registered = false;
let protocol: Promise<Protocol> | null = null;

/**
 * The source of the tiles at `url` (absolute): `pmtiles://` read by the protocol, registered once per page.
 * The reader is loaded with the first request, so that only a tiled archive's page downloads it.
 */
export function tileSource(url: string): { type: 'vector'; url: string } {
  if (!registered) {
    registered = true;
    addProtocol('pmtiles', async (params, abort) => {
      protocol ??= import('pmtiles').then(({ Protocol }) => new Protocol());
      return (await protocol).tile(params, abort);
    });
  }
  return { type: 'vector', url: `pmtiles://${url}` };
}

/**
 * Puts the tiles in place of the events' GeoJSON source: the layers that read it are taken off, the source
 * replaced, and the layers put back where they were, reading the tiles' layer, with their filters as they are.
 */
export function useEventTiles(map: MapLibreMap, url: string): void {
  const layers = map.getStyle().layers;
  const order = layers.map((l) => l.id);
  const events = layers.filter(
    (l): l is LayerSpecification & { source: string } => 'source' in l && l.source === EVENT_SOURCE,
  );
  for (const l of events) map.removeLayer(l.id);
  map.removeSource(EVENT_SOURCE);
  map.addSource(EVENT_SOURCE, tileSource(url));
  // Last first: each goes back under the layer that followed it, which is there again by then.
  for (const l of [...events].reverse()) {
    const next = order[order.indexOf(l.id) + 1];
    map.addLayer(
      { ...l, 'source-layer': TILES_LAYER } as LayerSpecification,
      next && map.getLayer(next) ? next : undefined,
    );
  }
}
