/**
 * Creates the MapLibre map on the offline basemap (or, when configured at build time, a remote style).
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { BASEMAP_LABELS_BELOW, basemapStyle } from '../basemap/style';
import { fontFaces } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import { DEFAULT_PROJECTION, toMapLibre } from './projection';
import type { Projection, View } from './url-state';

// Without an explicit worker URL the map never loads under Vite, in dev or build.
setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Remote basemap style URL, or empty for the offline one (the default: no request leaves the site). */
export const REMOTE_STYLE = (import.meta.env.VITE_BASEMAP_STYLE_URL ?? '').trim();

/** Its links open a new tab, as a source's do: in an embed, the frame would otherwise leave the article's map. */
const ATTRIBUTION =
  'Basemap: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>, <a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a> (CC BY 4.0)';

export const DEFAULT_VIEW: View = { center: [40, 47], zoom: 2 };

/** The app's own sources and layers, drawn over the basemap. */
export interface Overlay {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** Ids of layers that go under the basemap's borders and labels. */
  underLabels: ReadonlySet<string>;
}

/**
 * The basemap with the overlay in it, so that the data's first tiles load in the same pass as the
 * basemap's rather than after it.
 */
export function withOverlay(style: StyleSpecification, overlay: Overlay, projection: Projection): StyleSpecification {
  const at = style.layers.findIndex((l) => l.id === BASEMAP_LABELS_BELOW);
  const under = overlay.layers.filter((l) => overlay.underLabels.has(l.id));
  const over = overlay.layers.filter((l) => !overlay.underLabels.has(l.id));
  const layers =
    at < 0 ? [...style.layers, ...under] : [...style.layers.slice(0, at), ...under, ...style.layers.slice(at)];
  return {
    ...style,
    projection: toMapLibre(projection),
    sources: { ...style.sources, ...overlay.sources },
    layers: [...layers, ...over],
  };
}

/** Adds the overlay to a style that was not built here (a remote basemap). */
function addOverlay(map: MapLibreMap, overlay: Overlay): void {
  for (const [id, source] of Object.entries(overlay.sources)) map.addSource(id, source);
  for (const layer of overlay.layers) map.addLayer(layer);
}

export interface MapOptions {
  /** One finger scrolls the page and two move the map; the wheel zooms only with Ctrl/⌘ (for embeds). Default false. */
  cooperativeGestures?: boolean;
  /** Accessible name of the map canvas. */
  label?: string;
  /** Flat map or globe; default DEFAULT_PROJECTION (projection.ts). */
  projection?: Projection;
}

export function createMap(
  container: HTMLElement,
  view: View | null,
  theme: Theme,
  overlay: Overlay,
  options: MapOptions = {},
): MapLibreMap {
  const start = view ?? DEFAULT_VIEW;
  const projection = options.projection ?? DEFAULT_PROJECTION;
  const map = new MapLibreMap({
    container,
    style: REMOTE_STYLE || withOverlay(basemapStyle({ base: import.meta.env.BASE_URL, theme }), overlay, projection),
    center: start.center,
    zoom: start.zoom,
    attributionControl: false,
    maxPitch: 60,
    // Labels appear at once for a reader who asks for less motion (and MapLibre's flights jump for them).
    fadeDuration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
    cooperativeGestures: options.cooperativeGestures ?? false,
    locale: {
      'Map.Title':
        options.label ??
        'Map of events and weapon ranges; the list of events and ranges gives the same information as text',
    },
  });
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(
    new AttributionControl({ compact: true, customAttribution: REMOTE_STYLE ? undefined : ATTRIBUTION }),
    'bottom-right',
  );
  if (REMOTE_STYLE) {
    map.once('style.load', () => {
      // The data layers' labels use the bundled fonts, whatever the remote style declares.
      map.setFontFaces({ ...(map.getFontFaces() ?? {}), ...fontFaces() });
      addOverlay(map, overlay);
      map.setProjection(toMapLibre(projection));
    });
  }
  return map;
}

/**
 * Resolves once the style is parsed and its sources exist (`style.load`), before any tile has loaded.
 * Call right after createMap.
 */
export function styleParsed(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => map.once('style.load', () => resolve()));
}

/** Resolves at the next `idle`; triggers a repaint so it comes even when the map is already idle. */
export function nextIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}
