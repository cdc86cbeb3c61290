/**
 * The basemap alone on a bare MapLibre page: a preview while styling (`npm run dev`, then open
 * /src/basemap/bare.html) and the floor that bench/page.ts compares the app against.
 * `#zoom/lat/lon` sets the view; `?w=920&h=762` sizes the map (CSS px) and `?proj=mercator` (or
 * `globe`) overrides the style's projection, so that the bench can match the app's map in the same
 * window. Marks `bare:idle` in the performance timeline at the first idle.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from './style';
import { loadDetailWhenZoomed } from './lazy';
import { currentTheme } from './palette';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = maplibreCss;
document.head.prepend(link);
setWorkerUrl(new URL(workerUrl, document.baseURI).href);

const [zoom, lat, lon] = location.hash.slice(1).split('/').map(Number);
const params = new URLSearchParams(location.search);
const container = document.getElementById('map') as HTMLElement;
for (const [param, prop] of [['w', 'width'], ['h', 'height']] as const) {
  const px = Number(params.get(param));
  if (px > 0) container.style[prop] = `${px}px`;
}
// The site root, two levels up from this page, in dev (/src/basemap/) and in a build alike.
const base = new URL('../../', document.baseURI).href;
const style = basemapStyle({ base, theme: currentTheme() });
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
map.once('idle', () => performance.mark('bare:idle'));
(window as unknown as { bare: MapLibreMap }).bare = map;
