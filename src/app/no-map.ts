/**
 * The page without a map, for a browser that cannot draw one (MapLibre needs WebGL 2): a message, the
 * build's still picture of the map when the site has one (`preview.png`, announced by its
 * `og:image` tag), and every event and range as text, with the details a popup gives (excerpts,
 * sources, who says so), the list beside them to jump from one to the next. Never a blank page.
 */
import type { AtlasElements } from './atlas';
import { showAlert } from './alert';
import { loadData } from '../map/data';
import { plural } from '../map/format';
import { storyOf } from '../share/params';
import { FeatureList } from './list';
import { eventPopup, rangePopup } from '../map/popup';
import { registerTypes } from '../map/scales';

/** The still picture, when the build made one (its tag is removed when it could not). */
function preview(base: string): HTMLElement | null {
  if (!document.querySelector('meta[property="og:image"]')) return null;
  const figure = document.createElement('figure');
  figure.className = 'no-map-preview';
  figure.hidden = true; // until it has loaded: a broken image says nothing
  const img = document.createElement('img');
  img.alt =
    document.querySelector<HTMLMetaElement>('meta[property="og:image:alt"]')?.content ||
    'Map of events and weapon ranges';
  img.addEventListener('load', () => (figure.hidden = false));
  img.addEventListener('error', () => figure.remove());
  img.src = `${base}preview.png`;
  figure.append(img);
  return figure;
}

/** Shows the text view in the map's place; `atlas.ready` rejects with `reason` (there is no map). */
/** `window.atlas` without WebGL 2: no map, and `ready` rejects once the text view is shown. */
export interface NoMapAtlas {
  map: null;
  ready: Promise<never>;
}

export function startWithoutMap(el: AtlasElements, reason: string): NoMapAtlas {
  const base = import.meta.env.BASE_URL;
  showAlert(
    el.status,
    `This browser cannot draw the map (${reason}). The events and ranges are listed below as text, with their sources.`,
  );
  const view = document.createElement('section');
  view.className = 'no-map-view';
  view.setAttribute('aria-label', 'Events and ranges, as text');
  view.append(el.status.parentElement ?? el.status); // the message heads the text, rather than floating over it
  const picture = preview(base);
  if (picture) view.append(picture);
  el.map.classList.add('no-map');
  el.map.replaceChildren(view);

  const drawn = loadData(base, storyOf(location.search)).then((data) => {
    registerTypes(data.events.features.map((f) => f.properties.type));
    const articles = new Map<string, HTMLElement>();
    for (const f of data.events.features) articles.set(f.properties.id, eventPopup(f.properties));
    for (const f of data.ranges.features) articles.set(f.properties.id, rangePopup(f.properties));
    for (const article of articles.values()) {
      article.tabIndex = -1; // focus target for the list
      view.append(article);
    }
    const list = new FeatureList({
      events: data.events.features,
      ranges: data.ranges.features,
      onChoose: (id) => {
        list.highlight(id);
        articles.get(id)?.scrollIntoView({ block: 'start' });
        articles.get(id)?.focus({ preventScroll: true });
      },
    });
    list.filter(() => true);
    el.panelBody.replaceChildren(list.element);
    el.sheetHandle.querySelector('.count')!.textContent =
      `${plural(data.events.features.length, 'event')}, ${plural(data.ranges.features.length, 'range')}`;
    if (data.problems.length) showAlert(el.status, `${el.status.textContent} ${data.problems.join(' ')}`);
  });
  const ready = drawn.then(() => Promise.reject(new Error(`no map: ${reason}`)));
  ready.catch(() => {}); // rejected for those who wait on it, not an unhandled rejection
  return { map: null, ready };
}
