/**
 * The bench's bare pages (bare.html, bare-data.html): a MapLibre map on the basemap and nothing of the
 * app's page around it. `#zoom/lat/lon` sets the view; `?w=920&h=762` sizes the map (CSS px) and
 * `?proj=mercator` (or `globe`) overrides the style's projection, so that the bench can match the app's
 * map in the same window. Exposed as `window.bare`.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../../src/basemap/style.js';
import { loadDetailWhenZoomed } from '../../src/basemap/lazy.js';
import { currentTheme, type Theme } from '../../src/basemap/palette.js';

export interface BareMap {
  map: MapLibreMap;
  /** The site root, two levels up from the page, in dev (/src/basemap/) and in a build alike. */
  base: string;
  theme: Theme;
}

/** Starts the map; `withStyle` may add to the basemap style before the map is made. */
export function bareMap(
  withStyle: (style: StyleSpecification, theme: Theme) => StyleSpecification = (style) => style,
): BareMap {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = maplibreCss;
  document.head.prepend(link);
  setWorkerUrl(new URL(workerUrl, document.baseURI).href);

  const [zoom, lat, lon] = location.hash.slice(1).split('/').map(Number);
  const params = new URLSearchParams(location.search);
  const container = document.getElementById('map') as HTMLElement;
  for (const [param, prop] of [
    ['w', 'width'],
    ['h', 'height'],
  ] as const) {
    const px = Number(params.get(param));
    if (px > 0) container.style[prop] = `${px}px`;
  }
  const base = new URL('../../', document.baseURI).href;
  const theme = currentTheme();
  const style = withStyle(basemapStyle({ base, theme }), theme);
  const projection = params.get('proj');
  if (projection === 'mercator' || projection === 'globe') style.projection = { type: projection };
  const map = new MapLibreMap({
    container,
    style,
    center: Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : [40, 47],
    zoom: Number.isFinite(zoom) ? zoom : 2,
  });
  loadDetailWhenZoomed(map, base);
  map.once('load', () => performance.mark('bare:style'));
  Object.assign(window, { bare: map });
  return { map, base, theme };
}
