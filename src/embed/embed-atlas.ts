/**
 * The map for an article: the map session (src/map/session.ts) with the compact layer control and
 * without the list, sheet or masthead. Gestures cooperate with the page (one finger and the wheel scroll
 * the article; two fingers or Ctrl/⌘ + wheel move the map). After the map in the Tab order, a list of its
 * visible events and ranges, shown while it has the focus, opens each from the keyboard (feature-keys.ts).
 * The URL chooses view, layers and selection
 * once; after that the state lives in the "Open the full map" link, never in the host's history.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { showDetailIn } from '../map/detail';
import { layerControlFor, type LayerControl } from '../map/layer-control';
import { printableMap } from '../map/printable-map';
import { MapSession, type Presenter } from '../map/session';
import { initialState, toUrlState, type AtlasState } from '../map/state';
import { stepCard, type StepCard } from '../map/step-card';
import { appUrl, type EmbedParams } from '../share/params';
import { featureKeys, keyEntries } from './feature-keys';
import { fullMapState } from './full-map';
import { NARROW } from '../share/size';

/** px: the least room kept around the data in a small frame (a marker's halo and its label). */
const MIN_FIT_PADDING = 28;
/** px: the column of map controls at the top right (zoom, compass, Globe), which a fitted marker must not sit under. */
const CONTROLS_WIDTH = 72;

export interface EmbedElements {
  map: HTMLElement;
  /** Where a narrow embed shows the selected feature (under the map). */
  detail: HTMLElement;
  /** Holds the compact layer control. */
  controls: HTMLElement;
  /** "Open the full map": kept pointing at the current view. */
  fullMap: HTMLAnchorElement;
  status: HTMLElement;
  /** The title above the map, the description under it, and the source line in the foot: a story fills them. */
  title?: HTMLElement;
  description?: HTMLElement;
  source?: HTMLElement;
  /** Where a story with steps shows its step card (under the map). */
  steps?: HTMLElement;
}

export interface Embed {
  map: MapLibreMap;
  /** Resolves once the data is drawn (the first `idle` after adding it). */
  ready: Promise<void>;
  /** The session's state now (for tests and the host's scripts). */
  state(): AtlasState;
  /** The ids the story's current step brings forward, in the map's ids; null at the overview. */
  focus(): string[] | null;
}

export function startEmbed(el: EmbedElements, params: EmbedParams): Embed {
  const site = new URL(import.meta.env.BASE_URL, location.href).href;
  const narrow = () => el.map.clientWidth < NARROW;
  let control: LayerControl | null = null;
  let card: StepCard | null = null;
  /** The list's button that opened the current feature: the focus goes back to it when its details close. */
  let chosenBy: HTMLButtonElement | null = null;
  const keys = featureKeys(document, (id, button) => {
    chosenBy = button;
    session.dispatch({ type: 'select', id });
    // Under the map (narrow frames, long popups): the details take the focus, as a popup does.
    if (!el.detail.hidden) el.detail.querySelector<HTMLElement>('button')?.focus();
  });
  const listKeys = () => keys.set(keyEntries(session.items.values(), (id) => session.isVisible(id), session.focus));

  /** Details under the map where a popup has no room (narrow frames, long popups): the frame grows to show them. */
  const presenter: Presenter = {
    panelled: narrow,
    showPanel: (content, onClose) => showDetailIn(el.detail, content, onClose),
    overflow: 'panel',
    chooserInPanel: true,
    focusAfterClose: (id) => {
      const back = id && chosenBy?.dataset.id === id && chosenBy.isConnected ? chosenBy : null;
      chosenBy = null;
      (back ?? session.map.getCanvas()).focus();
    },
    // A small frame keeps proportionally small margins.
    // At least MIN_FIT_PADDING, so that a marker and its label at the edge of the fit are not clipped.
    fitPadding: () => {
      const pad = Math.round(
        Math.max(MIN_FIT_PADDING, Math.min(100, el.map.clientWidth * 0.1, el.map.clientHeight * 0.15)),
      );
      return { top: pad, bottom: pad, left: pad, right: pad + CONTROLS_WIDTH };
    },
    coveredBottom: () => 0,
  };

  let shown = '';
  const label = `${params.title ? `${params.title}: map` : 'Map'} of events and weapon ranges; Tab goes on to a list of them`;
  const session: MapSession = new MapSession({
    container: el.map,
    // A period from the URL (t=FROM/TO) filters events and ranges as in the app; the embed has no timeline to change it.
    initial: initialState(params.state),
    story: params.story,
    projectionChosen: params.state.projection !== undefined,
    presenter,
    popupMaxWidth: 'min(340px, calc(100vw - 24px))',
    map: { cooperativeGestures: true, label },
    say(message, add) {
      shown = add ? [shown, message].filter(Boolean).join(' ') : message;
      el.status.textContent = shown;
      el.status.hidden = !shown;
    },
    onData(data) {
      const s = data.story;
      if (!s) return;
      // The article's own title (title=) wins over the story's.
      if (el.title && !params.title) {
        el.title.textContent = s.title;
        el.title.hidden = false;
        document.title = `${s.title} — Source Atlas map`;
      }
      if (el.description && s.description) {
        el.description.textContent = s.description;
        el.description.hidden = false;
      }
      if (el.source) el.source.textContent = [s.credit, s.byline].filter(Boolean).join(' · ') || 'Source Atlas';
    },
    onBuild(data) {
      control = layerControlFor(data, {
        compact: true,
        onChange: (hidden) => session.dispatch({ type: 'hide', hidden }),
      });
      control.set(session.state.hidden);
      el.controls.replaceChildren(control.element);
      // After the canvas, before the controls, in the Tab order.
      el.map.querySelector('.maplibregl-canvas-container')?.after(keys.element);
      listKeys();
      if (el.steps && session.steps.length) {
        card = stepCard(document, session.steps, (step) => session.dispatch({ type: 'step', step }));
        card.set(session.state.step);
        el.steps.replaceChildren(card.element);
        el.steps.hidden = false;
      }
    },
  });

  // Printed (the article with the frame in it), a still of the map takes the WebGL canvas's place.
  const still = document.createElement('canvas');
  still.className = 'print-map';
  still.setAttribute('aria-hidden', 'true');
  const credit = document.createElement('p');
  credit.className = 'print-credit';
  el.map.after(still, credit);
  printableMap(session.map, still, credit);

  // The legend says which bands the view does not show, each time the map comes to rest.
  session.onBandsOffView((labels) => control?.noteOffView(labels));

  // Whether the view is someone's choice (full-map.ts): the embed's URL gave it, or the reader moved the
  // map; a step frames its own, which is the frame's.
  let viewChosen = params.state.view !== null;
  session.map.on('movestart', (e) => {
    if ((e as { originalEvent?: Event }).originalEvent) viewChosen = true;
  });
  session.onChange(({ state, changed }) => {
    if (changed.has('hidden')) control?.set(state.hidden);
    if (changed.has('hidden') || changed.has('period') || changed.has('step')) listKeys();
    if (changed.has('step')) {
      card?.set(state.step);
      viewChosen = false;
    }
    el.fullMap.href = appUrl(site, fullMapState(toUrlState(state), viewChosen), params.story);
  });

  const ready = session.ready.then(() => {
    // A narrow frame starts with the attribution folded to its (i) button: expanded, it covers the map's foot.
    if (narrow()) el.map.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  });
  return {
    map: session.map,
    ready,
    state: () => session.state,
    focus: () => (session.focus ? [...session.focus] : null),
  };
}
