/**
 * Loads the basemap's detail files (1:50m land and borders, admin-1 lines) only once the map is zoomed
 * in far enough to show them, so a first view of the world downloads and parses only the 1:110m files.
 * A view that draws them loads them at once; one just short of it (from `lazyFromZoom`) fetches them
 * ahead, but only once the first view is complete, so that they never hold up its tiles.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { BASEMAP_FILES, BASEMAP_LAYER, DETAIL_ZOOM, basemapUrl } from './style';

/** Once these sources have their data, the coarse layers they replace stop at DETAIL_ZOOM. */
const REPLACES: Readonly<Record<string, string>> = {
  'basemap-land-50m': BASEMAP_LAYER.land110,
  'basemap-borders-50m': BASEMAP_LAYER.borders110,
};

/** Starts watching the zoom; returns a function that stops watching. */
export function loadDetailWhenZoomed(map: MapLibreMap, base: string): () => void {
  const pending = new Map<string, { file: string; lazyFromZoom: number; drawnFromZoom: number }>();
  const replaces: Record<string, string> = { ...REPLACES };
  for (const [id, spec] of Object.entries(BASEMAP_FILES)) {
    if ('lazyFromZoom' in spec) pending.set(id, spec);
  }
  // Whether the first view is complete (its first idle): from then on, files are fetched ahead.
  let ahead = false;
  const check = () => {
    const zoom = map.getZoom();
    for (const [id, spec] of pending) {
      if (zoom < (ahead ? spec.lazyFromZoom : spec.drawnFromZoom)) continue;
      // Absent when a remote basemap replaced this style: nothing to load.
      (map.getSource(id) as GeoJSONSource | undefined)?.setData(basemapUrl(spec.file, base));
      pending.delete(id);
    }
    if (pending.size === 0) map.off('zoom', check);
  };
  const onData = (e: MapSourceDataEvent) => {
    const coarse = replaces[e.sourceId];
    // 'metadata' is the worker saying the file is loaded and indexed (the empty start data is not).
    if (!coarse || pending.has(e.sourceId) || e.sourceDataType !== 'metadata' || !map.getLayer(coarse)) return;
    map.setLayerZoomRange(coarse, 0, DETAIL_ZOOM);
    delete replaces[e.sourceId];
  };
  // 'zoom', not 'zoomend': a flight from the world view starts the download on its way in.
  map.on('zoom', check);
  map.on('sourcedata', onData);
  if (map.isStyleLoaded()) check();
  else map.once('style.load', check);
  // The first view is complete at the first idle after 'load' (an idle before it only means that
  // nothing has been asked for yet).
  const settled = () => {
    ahead = true;
    check();
  };
  const loaded = () => map.once('idle', settled);
  if (map.loaded()) settled();
  else map.once('load', loaded);
  return () => {
    map.off('zoom', check);
    map.off('sourcedata', onData);
    map.off('load', loaded);
    map.off('idle', settled);
  };
}
