/**
 * Loads the basemap's detail files (1:50m land and borders, admin-1 lines) only once the map is zoomed
 * in far enough to show them, so a first view of the world downloads and parses only the 1:110m files.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_FILES, basemapUrl } from './style';

/** Starts watching the zoom; returns a function that stops watching. */
export function loadDetailWhenZoomed(map: MapLibreMap, base: string): () => void {
  const pending = new Map<string, { file: string; lazyFromZoom: number }>();
  for (const [id, spec] of Object.entries(BASEMAP_FILES)) {
    if ('lazyFromZoom' in spec) pending.set(id, spec);
  }
  const check = () => {
    const zoom = map.getZoom();
    for (const [id, spec] of pending) {
      if (zoom < spec.lazyFromZoom) continue;
      // Absent when a remote basemap replaced this style: nothing to load.
      (map.getSource(id) as GeoJSONSource | undefined)?.setData(basemapUrl(spec.file, base));
      pending.delete(id);
    }
    if (pending.size === 0) map.off('zoomend', check);
  };
  map.on('zoomend', check);
  if (map.isStyleLoaded()) check();
  else map.once('load', check);
  return () => map.off('zoomend', check);
}
