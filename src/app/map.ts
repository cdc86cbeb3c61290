/**
 * Creates the MapLibre map on the offline basemap (or, when configured at build time, a remote style).
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../basemap/style';
import { fontFaces } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import type { View } from './url-state';

// Without an explicit worker URL the map never loads under Vite, in dev or build.
setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Remote basemap style URL, or empty for the offline one (the default: no request leaves the site). */
export const REMOTE_STYLE = (import.meta.env.VITE_BASEMAP_STYLE_URL ?? '').trim();

const ATTRIBUTION = 'Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a>, <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

export const DEFAULT_VIEW: View = { center: [40, 47], zoom: 2 };

export function createMap(container: HTMLElement, view: View | null, theme: Theme): MapLibreMap {
  const start = view ?? DEFAULT_VIEW;
  const map = new MapLibreMap({
    container,
    style: REMOTE_STYLE || basemapStyle({ base: import.meta.env.BASE_URL, theme }),
    center: start.center,
    zoom: start.zoom,
    attributionControl: false,
    maxPitch: 60,
    locale: { 'Map.Title': 'Map of events and weapon ranges; the list of events and ranges gives the same information as text' },
  });
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new AttributionControl({ compact: true, customAttribution: REMOTE_STYLE ? undefined : ATTRIBUTION }), 'bottom-right');
  if (REMOTE_STYLE) {
    // The data layers' labels use the bundled fonts, whatever the remote style declares.
    map.once('style.load', () => map.setFontFaces({ ...(map.getFontFaces() ?? {}), ...fontFaces() }));
  }
  return map;
}

/** Resolves when the style has loaded (at once if it already has). */
export function styleLoaded(map: MapLibreMap): Promise<void> {
  return map.isStyleLoaded() ? Promise.resolve() : new Promise((resolve) => map.once('load', () => resolve()));
}

/** Resolves at the next `idle`; triggers a repaint so it comes even when the map is already idle. */
export function nextIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}
