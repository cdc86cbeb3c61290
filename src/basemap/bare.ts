/**
 * The basemap alone on a bare MapLibre page: a preview while styling (`npm run dev`, then open
 * /src/basemap/bare.html) and the floor that bench/page.ts compares the app against.
 * `#zoom/lat/lon` sets the view; `?w=920&h=762` sizes the map (CSS px) and `?proj=mercator` (or
 * `globe`) overrides the style's projection, so that the bench can match the app's map in the same
 * window. Marks `bare:idle` in the performance timeline at the first idle.
 * `?data=1` also draws the app's data with the app's own layers (no panel, list, controls or URL
 * state), and marks `bare:idle` at the first idle after the data is in: the bench's second floor, which
 * tells the app's own cost from the cost of drawing its data.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from './style';
import { loadDetailWhenZoomed } from './lazy';
import { currentTheme } from './palette';
import { withOverlay } from '../app/map';
import { SOURCE, UNDER_LABELS, dataLayers, emptyDataSource, setDataCollection } from '../app/layers';
import { loadData } from '../app/data';
import { registerTypes } from '../app/scales';
import { installPatterns } from '../app/patterns';

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
const theme = currentTheme();
const withData = params.get('data') === '1';
const basemap = basemapStyle({ base, theme });
const style = withData ? withOverlay(basemap, { sources: { [SOURCE]: emptyDataSource() }, layers: dataLayers(theme, new Set()), underLabels: UNDER_LABELS }, 'flat') : basemap;
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
if (withData) {
  installPatterns(map);
  const styled = new Promise((resolve) => map.once('style.load', resolve));
  void Promise.all([loadData(base), styled]).then(([data]) => {
    registerTypes(data.events.features.map((f) => f.properties.type));
    setDataCollection(map, data.events, data.ranges, theme);
    map.once('idle', () => performance.mark('bare:idle'));
    map.triggerRepaint();
  });
} else map.once('idle', () => performance.mark('bare:idle'));
(window as unknown as { bare: MapLibreMap }).bare = map;
