/** Entry point: styles, then the atlas on the page's elements, exposed as `window.atlas` (see README). */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import '../map/style.css';
import './print.css';
import { installLegendColours } from '../map/legend';
import { mountShare } from './share';
import { startAtlas, type Atlas, type AtlasElements } from './atlas';
import { closeableAlert } from './alert';
import { startWithoutMap, type NoMapAtlas } from './no-map';

declare global {
  interface Window {
    /** The map and its `ready` promise; without WebGL 2, `map` is null and `ready` rejects. */
    atlas: Atlas | NoMapAtlas;
  }
}

// MapLibre's own CSS as a separate file, so it is cached and measured apart from the app's.
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = maplibreCss;
document.head.prepend(link);
installLegendColours();
// The Share button reads the view from the URL the app keeps, so it needs nothing from the map.
mountShare(document.querySelector<HTMLElement>('.masthead') as HTMLElement);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const elements: AtlasElements = {
  map: byId('map'),
  panel: byId('panel'),
  panelBody: byId('panel-body'),
  sheetHandle: byId<HTMLButtonElement>('sheet-handle'),
  detail: byId('detail'),
  status: byId('status'),
  timeline: byId('timeline'),
  heading: document.querySelector<HTMLElement>('.masthead h1') ?? undefined,
  subheading: document.querySelector<HTMLElement>('.masthead p') ?? undefined,
};

closeableAlert(elements.status);
try {
  window.atlas = startAtlas(elements);
} catch (err) {
  // MapLibre throws while creating the map when the browser has no WebGL 2: the text view instead.
  console.warn('Source Atlas: no map.', err);
  window.atlas = startWithoutMap(elements, 'it needs WebGL 2, which is switched off or missing here');
}
