/**
 * One map session, shared by the full app and the embed: it owns the map, the data and its index by id,
 * clicks and hover, the theme, and the state (state.ts: selection, visibility, period, projection,
 * view), applies every change of state to the map, and tells the shell what changed. The shells
 * (src/app, src/embed) supply presenters: where details go when a popup will not do, where the keyboard
 * goes after them, and what to do with a change (the app's list, timeline and history; the embed's
 * "Open the full map" link).
 */
import {
  LngLatBounds,
  Popup,
  type GeoJSONSource,
  type LngLatLike,
  type Map as MapLibreMap,
  type MapMouseEvent,
  type PaddingOptions,
} from 'maplibre-gl';
import type { EventCollection, RangeFeature, StoryStep } from '../contract';
import { loadDetailWhenZoomed } from '../basemap/lazy';
import { currentTheme, type Theme } from '../basemap/palette';
import { basemapUrl } from '../basemap/style';
import { applyBasemapTheme, repaint, watchTheme } from '../basemap/theme';
import { loadData, type AtlasData } from './data';
import { applyHidden, applySelected } from './filters';
import { eventChoice } from './format';
import { BandLabels, emptyBandLabelSource } from './band-labels';
import { BasemapLabels } from './basemap-labels';
import { EventLabels } from './event-labels';
import { BAND_LABEL_SOURCE, EVENT_LAYERS, EVENT_SOURCE, LAYER, RANGE_LAYERS, SOURCE, UNDER_LABELS } from './ids';
import { dataLayers } from './layers';
import { createMap, nextIdle, styleParsed, type MapOptions } from './map';
import { installPatterns } from './patterns';
import { addRegionOutlines, type PlaceOutlines } from './place-outlines';
import { chooser, eventPopup, rangePopup, type ChoiceItem, type RangeConflicts } from './popup';
import { focusTargetOf, keepPopupInView, placeBeforeControls, trackMapHeight } from './popup-view';
import { ProjectionControl, applyProjection, globeSuggestion, suggestsGlobe } from './projection';
import { colourOfType, registerTypes, typeLabel } from './scales';
import { addHighlights } from './highlights';
import { type Box, InsetControl, labelClearance, labelWidth, paddingBeside } from './inset';
import {
  CLUSTERED_LABELS_FROM,
  clusters,
  dataExtent,
  dataSending,
  emptyDataSource,
  emptyEventSource,
  markerTexts,
  setCountedEvents,
  setDataCollection,
  setVisibleEvents,
} from './source';
import { useEventTiles } from './tiles';
import { changes, isVisible, next, resolveAliases, stepFocus, type Action, type AtlasState, type Item } from './state';
import { applyStepFocus } from './step-focus';

/**
 * How a change reaches the shell's history: `push` a new entry (the reader did it), `replace` in place
 * (the view moved), `none` nothing to write (a period being dragged, the URL's own selection),
 * `restore` the state came from history (back, forward) and the shell's own controls follow it.
 */
export type ChangeKind = 'push' | 'replace' | 'none' | 'restore';

export interface Change {
  state: AtlasState;
  /** The parts of the state that changed (none at the start and when only the view moved). */
  changed: ReadonlySet<keyof AtlasState>;
  kind: ChangeKind;
}

export interface Presenter {
  /** Whether details go in a panel of the page rather than a popup now (a phone's sheet, a narrow embed). */
  panelled(): boolean;
  /** Shows content in the panel, or empties it (null); `onClose`: the reader's close button. */
  showPanel(content: HTMLElement | null, onClose: () => void): void;
  /**
   * A popup larger than the room around its point: `pan` caps it at the map's height and pans the map
   * (once still) to show all of it; `panel` moves it to the panel (an embed's frame grows to show it).
   */
  overflow: 'pan' | 'panel';
  /** Whether the chooser of overlapping features goes in the panel too while panelled. */
  chooserInPanel: boolean;
  /** Where the keyboard goes once the reader closes the details of `id`. */
  focusAfterClose(id: string | null): void;
  /** Room the map keeps around the data when it fits it, px. */
  fitPadding(): PaddingOptions;
  /** px of the map's foot covered by the page (a phone's sheet), kept clear when flying to a feature. */
  coveredBottom(): number;
}

export interface SessionOptions {
  container: HTMLElement;
  /** The state the page starts in (its URL); the selection is checked once the data is in. */
  initial: AtlasState;
  presenter: Presenter;
  /** Shows a message about what went wrong (data faults; `add`: a map error, added to what is shown); '' clears it. */
  say(message: string, add?: boolean): void;
  /** The popups' CSS max-width. */
  popupMaxWidth: string;
  map?: Pick<MapOptions, 'cooperativeGestures' | 'label'>;
  /** Called with the data before the map fits it (the app's timeline takes its height first). */
  onData?(data: AtlasData): void;
  /** Where the data comes from; default the published files under the site's base (the studio hands its own build). */
  loadData?(): Promise<AtlasData>;
  /** Called once the data is on the map, before the selection from the URL is applied. */
  onBuild?(data: AtlasData): void;
  /** The story to show (`?map=<id>`): only its features, framed as it says; null or absent: the whole atlas. */
  story?: string | null;
  /** Whether the URL chose the projection (`proj=`): then a story's own projection does not override it. */
  projectionChosen?: boolean;
}

/**
 * Resolves in a task of its own, once the microtasks queued before it have run (a message to oneself:
 * timers wait a second in a background tab).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Zoom to fly to for an event, by location precision (1 exact … 5 continent). */
const EVENT_ZOOM: Record<number, number> = { 1: 7, 2: 6, 3: 5, 4: 4, 5: 3 };
/** px: slack around a click for fingers and small markers. */
const CLICK_SLACK = 6;

export class MapSession {
  readonly map: MapLibreMap;
  readonly items = new Map<string, Item>();
  /** Resolves once the data is drawn (the first `idle` after adding it); rejects only if the map cannot start. */
  readonly ready: Promise<void>;
  private current: AtlasState;
  private theme: Theme = currentTheme();
  private readonly listeners: Array<(change: Change) => void> = [];
  private readonly popup: Popup;
  private replacingPopup = false;
  /**
   * Set while the keyboard is in a popup that another replaces (a choice made in the chooser): the next
   * popup takes the focus, as the chooser had it, instead of leaving it on the page's body.
   */
  private focusNextPopup = false;
  /** Where the keyboard was when the chooser opened: Escape gives it back there. */
  private focusBeforeChooser: HTMLElement | null = null;
  private outlines: PlaceOutlines | null = null;
  private readonly projectionControl: ProjectionControl;
  /** The bands' labels, placed whole in the view each time the map comes to rest. */
  private readonly bandLabels: BandLabels;
  /** The basemap's names, left out where the view's edge cuts them or a highlight writes them. */
  private readonly basemapLabels: BasemapLabels;
  private readonly base = import.meta.env.BASE_URL;
  /** Whether the reader has moved the map: until then the first view is fitted again when the frame resizes. */
  private moved = false;
  /** A step's camera is being set inside dispatch (its jump's view goes with the step's change). */
  private framing = false;
  /** The events, when clustered (source.ts CLUSTER_FROM): the source is set again with the visible ones. */
  private clustered: EventCollection | null = null;
  /** The events when drawn from this page's GeoJSON (not tiles): their labels' "(N events)" follow what is visible. */
  private drawnEvents: EventCollection | null = null;
  /** The inset locator map (inset.ts); null when the story switches it off, or before the data is in. */
  inset: InsetControl | null = null;
  /** A large archive's events without their claims yet (data.ts `lazy`): popups fetch them first. */
  private lazy: AtlasData['lazy'] | null = null;
  /** Whether the events are drawn from vector tiles (data.ts `tiles`): clustered in the build, not here. */
  private tiled = false;
  /** Range features merged into another band (data.ts `aliases`): what a link naming one opens. */
  private aliases: ReadonlyMap<string, string> = new Map();
  /** The story's steps (its guided tour); empty: none, or the whole atlas. */
  private storySteps: readonly StoryStep[] = [];
  /** While a large archive's events are on their way to the map's worker (source.ts dataSending); else null. */
  private eventsSending: Promise<void> | null = null;
  /** The data as drawn (for framing the overview again). */
  private data: AtlasData | null = null;

  constructor(private readonly options: SessionOptions) {
    const { initial, presenter } = options;
    // Until the data is in there is nothing to select: the URL's selection is applied after it.
    this.current = { ...initial, selected: null };
    this.map = createMap(
      options.container,
      initial.view,
      this.theme,
      {
        sources: {
          [SOURCE]: emptyDataSource(),
          [EVENT_SOURCE]: emptyEventSource(),
          [BAND_LABEL_SOURCE]: emptyBandLabelSource(),
        },
        layers: dataLayers(this.theme, new Set(initial.hidden), null, initial.period),
        underLabels: UNDER_LABELS,
      },
      { ...options.map, projection: initial.projection },
    );
    this.bandLabels = new BandLabels(this.map);
    this.basemapLabels = new BasemapLabels(this.map);
    new EventLabels(this.map);
    this.projectionControl = new ProjectionControl(initial.projection, (projection) =>
      this.dispatch({ type: 'projection', projection }),
    );
    this.map.addControl(this.projectionControl, 'top-right');
    const parsed = styleParsed(this.map);
    installPatterns(this.map);
    loadDetailWhenZoomed(this.map, this.base);
    if (presenter.overflow === 'pan') trackMapHeight(this.map);
    // The map's own faults (a tile or an image that does not load) say so in the page, as data faults do.
    this.map.on('error', (e) => this.mapFault(e.error));
    this.popup = new Popup({
      maxWidth: options.popupMaxWidth,
      focusAfterOpen: false,
      closeOnClick: false,
      className: 'atlas-popup',
    });
    this.popup.on('close', () => {
      if (!this.replacingPopup && this.current.selected) this.dispatch({ type: 'select', id: null });
    });
    this.ready = this.start(parsed, initial).catch((err: Error) => {
      options.say(`The map could not start: ${err.message}`);
      throw err;
    });
  }

  /** A fault of the map's own (a tile or an image that does not load, here or in the inset), said in the page as data faults are. */
  private mapFault(error: { message?: string } | undefined): void {
    console.warn('Source Atlas map error:', error);
    const said = `Part of the map could not be drawn: ${error?.message ?? 'unknown error'}.`;
    this.faults.push(said);
    this.options.say(said, true);
  }

  /** The map's own faults said so far: the data's problems, said once the data is in, keep them (a basemap file can fail first). */
  private readonly faults: string[] = [];

  get state(): AtlasState {
    return this.current;
  }

  /** Listens to every change of state (see Change). */
  onChange(listener: (change: Change) => void): void {
    this.listeners.push(listener);
  }

  isVisible(id: string): boolean {
    return isVisible(this.current, this.items.get(id));
  }

  /** The story's steps, in order (step 1 is the first); empty when it has none. */
  get steps(): readonly StoryStep[] {
    return this.storySteps;
  }

  /** The ids the current step brings forward, as the map draws them; null at the overview. */
  get focus(): ReadonlySet<string> | null {
    return stepFocus(this.current, this.storySteps, this.aliases);
  }

  /** Changes the state, applies it to the map, and tells the listeners. */
  dispatch(given: Action, kind: ChangeKind = 'push'): void {
    const action = resolveAliases(given, this.aliases);
    const before = this.current;
    const after = next(before, action, this.items, this.storySteps.length);
    const changed = changes(before, after);
    // The view follows the map, not the other way round, except when the state is restored. The state
    // is the restored one first: the jump ends a step's flight, whose view (written to the URL in place)
    // must be that of the restored entry, not of the one left.
    this.current = after;
    if (action.type === 'restore' && after.view && changed.has('view'))
      this.map.jumpTo({ center: after.view.center, zoom: after.view.zoom });
    this.current = after;
    let state = after;
    if (changed.has('hidden') || changed.has('period')) {
      applyHidden(this.map, new Set(after.hidden), after.selected, after.period);
      this.countEvents();
    }
    if (changed.has('projection')) {
      applyProjection(this.map, after.projection);
      this.projectionControl.set(after.projection);
    }
    if (changed.has('step')) {
      this.applyFocus();
      // Restored from history with its view, the map is already where it was.
      if (!(action.type === 'restore' && after.view)) {
        // Under reduced motion the map jumps at once, inside this call: its own view change ('replace')
        // was written onto the history entry of the step left, before this step's entry was pushed, so
        // Back stayed on the new step. The jump's view goes with this change instead.
        this.framing = true;
        try {
          this.frame(true);
        } finally {
          this.framing = false;
        }
        if (!this.map.isMoving()) {
          const c = this.map.getCenter();
          state = { ...after, view: { center: [c.lng, c.lat], zoom: this.map.getZoom() } };
          this.current = state;
        }
      }
    }
    // A selection made again (a click on the open feature) opens it again, as before.
    if (changed.has('selected') || action.type === 'select')
      this.present(action.type === 'select' ? action.at : undefined, kind === 'push');
    this.emit({ state, changed, kind });
  }

  /**
   * The labels of the bands shown in the state that draw nothing in the view (the view lies inside a
   * band's hole, or off it): for the legend to say so. Read once the map is idle. A band whose label is
   * drawn is in view: on the globe a query of the whole view misses fills and edges that are drawn
   * (shared/testing.md), and the legend said "Beyond this view" of a band in the middle of it.
   */
  bandsOffView(): string[] {
    const drawn = new Set(
      this.map
        .queryRenderedFeatures({ layers: [...RANGE_LAYERS, LAYER.rangeLabel].filter((l) => this.map.getLayer(l)) })
        .map((f) => String(f.properties?.id)),
    );
    return [...this.items.values()]
      .filter(
        (i): i is Item & { kind: 'range' } =>
          i.kind === 'range' &&
          i.feature.geometry !== null &&
          this.isVisible(i.feature.properties.id) &&
          !drawn.has(i.feature.properties.id),
      )
      .map((i) => i.feature.properties.label);
  }

  /**
   * Calls `listener` with {@link bandsOffView} once the map has started and each time it comes to rest,
   * for a legend to say which bands the view does not show. A map that cannot start says so itself.
   */
  onBandsOffView(listener: (labels: string[]) => void): void {
    void this.ready.then(
      () => {
        const note = () => listener(this.bandsOffView());
        note();
        this.map.on('idle', note);
      },
      () => undefined,
    );
  }

  /** From a list: flies to the feature, then opens it. */
  choose(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    // A range stated with no origin is not on the map: it opens where the map is.
    if (item.kind === 'range' && !item.feature.geometry) return this.dispatch({ type: 'select', id });
    const zoom =
      item.kind === 'event'
        ? (EVENT_ZOOM[item.feature.properties.precision] ?? 5)
        : // Roughly the zoom at which the band's outer edge fits the screen.
          Math.min(6, Math.max(1, Math.log2(40_000 / (item.feature.properties.max_km * 6))));
    const fly = () =>
      this.map.flyTo({
        center: this.anchorOf(item),
        zoom,
        padding: { top: 0, left: 0, right: 0, bottom: this.options.presenter.coveredBottom() },
      });
    if (item.kind === 'event' && this.lazy?.chunkOf.has(id) && this.options.presenter.panelled()) {
      // On a phone the details go in the sheet, not on the map: they are shown first, once their chunk
      // is in, and the map flies after. Flown at once, the flight's frames (long tasks on a phone) held
      // the details back by a second or more (bench/phone-profile.ts).
      const { lazy } = this;
      this.dispatch({ type: 'select', id });
      // After the popup's own wait on the same chunk (present), so once the details are shown.
      void lazy.full(id).then(() => {
        if (this.current.selected === id) fly();
      });
      return;
    }
    fly();
    this.dispatch({ type: 'select', id });
  }

  /**
   * New data in place of the old, same layers, view and state (the studio's live preview after an edit).
   * A selection whose feature is gone is dropped.
   */
  replaceData(data: AtlasData): void {
    this.setData(data);
    if (this.current.selected && !this.items.has(this.current.selected))
      this.dispatch({ type: 'select', id: null }, 'none');
  }

  /** Where a feature's popup points: the event's place; a range's origin, or the centre of its area. */
  anchorOf(item: Item): [number, number] {
    // An event's popup points at its first place (a click on another place points there instead).
    if (item.kind === 'event') return item.feature.geometry.coordinates[0] as [number, number];
    const { origin } = item.feature.properties;
    if (origin) return origin;
    const g = item.feature.geometry;
    // A range with no origin is not drawn: its popup opens where the reader is looking.
    if (!g) return this.map.getCenter().toArray() as [number, number];
    const bounds = new LngLatBounds();
    const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
    for (const ring of rings) for (const p of ring) bounds.extend(p as [number, number]);
    return bounds.getCenter().toArray() as [number, number];
  }

  private emit(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }

  private closePopup(): void {
    this.replacingPopup = true;
    this.popup.remove();
    this.replacingPopup = false;
  }

  /** Shows the selection (or none): highlight, outline, and its details in a popup or the panel. */
  private present(at: LngLatLike | undefined, byReader: boolean): void {
    const { selected, hidden, projection } = this.current;
    const { presenter } = this.options;
    const item = selected ? this.items.get(selected) : undefined;
    const waiting = item?.kind === 'event' && this.lazy?.chunkOf.has(item.feature.properties.id);
    // On a phone, an event whose claims are still coming is highlighted with its details, not before: the
    // highlight redraws the map, and its frames (long tasks there) would hold the details back.
    if (!(waiting && presenter.panelled())) {
      applySelected(this.map, new Set(hidden), selected);
      this.outlines?.select(selected);
    }
    if (this.popup.isOpen()) this.closePopup();
    this.showPanel(null);
    if (!item) return;
    if (item.kind === 'event' && waiting && this.lazy) {
      // Its claims and excerpts come with their chunk: the popup opens once they are in.
      const { id } = item.feature.properties;
      void this.lazy.full(id).then((full) => {
        if (full) {
          item.feature.properties = full;
          this.lazy?.chunkOf.delete(id);
        } else this.options.say(`The claims of this event could not be loaded.`, true);
        if (this.current.selected !== id) return;
        if (full) this.present(at, byReader);
        else {
          applySelected(this.map, new Set(this.current.hidden), id);
          this.outlines?.select(id);
        }
      });
      return;
    }
    const content =
      item.kind === 'event'
        ? eventPopup(item.feature.properties)
        : rangePopup(item.feature.properties, this.conflictsOf(item.feature));
    if (item.kind === 'range' && projection === 'flat' && suggestsGlobe(item.feature.properties)) {
      content
        .querySelector('.facts')
        ?.after(
          globeSuggestion(item.feature.properties, () => this.dispatch({ type: 'projection', projection: 'globe' })),
        );
    }
    if (presenter.panelled()) this.showPanel(content);
    else this.showPopup(content, at ?? this.anchorOf(item), byReader);
  }

  private showPanel(content: HTMLElement | null): void {
    if (content) this.focusNextPopup = false;
    this.options.presenter.showPanel(content, () => {
      const id = this.current.selected;
      this.dispatch({ type: 'select', id: null });
      this.options.presenter.focusAfterClose(id);
    });
  }

  /** Opens a popup; `inView`: once still, the map pans so that all of it shows (a reader's choice, not a restored URL). */
  private showPopup(content: HTMLElement, at: LngLatLike, inView: boolean): void {
    const { presenter } = this.options;
    this.closePopup();
    const isChooser = content.classList.contains('chooser');
    content.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        const id = this.current.selected;
        const back = isChooser ? this.focusBeforeChooser : null;
        this.popup.remove();
        if (back?.isConnected) back.focus();
        else if (isChooser) this.map.getCanvas().focus();
        else presenter.focusAfterClose(id);
      }
    });
    // Dialog-like: a choice made in the chooser leaves the keyboard in the popup it opens.
    // (Captured: before the choice's own listener opens that popup.)
    if (isChooser)
      content.addEventListener(
        'click',
        (e) => {
          if ((e.target as HTMLElement | null)?.closest?.('button.choice')) this.focusNextPopup = true;
        },
        true,
      );
    this.popup.setLngLat(at).setDOMContent(content).addTo(this.map);
    // Before the map's controls in the page, so that Tab reaches the popup right after the map.
    placeBeforeControls(this.map.getContainer(), this.popup.getElement());
    // The list of several features at a point opened by the reader takes the keyboard, as a dialog does,
    // and so does the popup a choice in it opens.
    if ((isChooser && inView) || this.focusNextPopup) {
      if (isChooser) {
        const active = document.activeElement;
        this.focusBeforeChooser = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      this.focusNextPopup = false;
      focusTargetOf(content).focus({ preventScroll: true });
    }
    if (presenter.overflow === 'pan') {
      // Capped at the map's height (style.css), a long popup scrolls: then it takes the keyboard's focus too.
      if (content.scrollHeight > content.clientHeight) content.tabIndex = 0;
      if (inView) keepPopupInView(this.map, this.popup);
      return;
    }
    // A popup larger than the room around its point would be cut off by the map's edge: in the panel instead.
    const box = this.popup.getElement()?.getBoundingClientRect();
    const frame = this.options.container.getBoundingClientRect();
    if (
      box &&
      (box.top < frame.top - 1 ||
        box.bottom > frame.bottom + 1 ||
        box.left < frame.left - 1 ||
        box.right > frame.right + 1)
    ) {
      this.closePopup();
      this.showPanel(content);
    }
  }

  /** The bands whose claims conflict with a range's, and its weapon's ranges stated with no origin, for its popup; choosing one opens it. */
  private conflictsOf(f: RangeFeature): RangeConflicts {
    const conflicting = f.properties.conflicts_with ?? [];
    const others = conflicting
      .map((id) => this.items.get(id))
      .filter((i): i is Item & { kind: 'range' } => i?.kind === 'range');
    const weapons = new Set(f.properties.weapons);
    const unplaced = [...this.items.values()].filter(
      (i): i is Item & { kind: 'range' } =>
        i.kind === 'range' &&
        i.feature !== f &&
        i.feature.geometry === null &&
        !conflicting.includes(i.feature.properties.id) &&
        i.feature.properties.weapons.some((w) => weapons.has(w)) &&
        this.isVisible(i.feature.properties.id),
    );
    return {
      others: others.map((i) => i.feature.properties),
      unplaced: unplaced.map((i) => i.feature.properties),
      onChoose: (id) => this.choose(id),
    };
  }

  private chooserItem(id: string): ChoiceItem {
    const item = this.items.get(id) as Item;
    if (item.kind === 'event') {
      const p = item.feature.properties;
      return {
        id,
        colour: colourOfType(p.type),
        label: eventChoice(typeLabel(p.type), p),
      };
    }
    const p = item.feature.properties;
    return { id, colour: `var(--range-${p.status})`, label: p.label };
  }

  /** A click on a cluster zooms in to where it comes apart. */
  private openCluster(e: MapMouseEvent): boolean {
    if (!(this.clustered || this.tiled) || !this.map.getLayer(LAYER.eventCluster)) return false;
    const [hit] = this.map.queryRenderedFeatures(e.point, { layers: [LAYER.eventCluster] });
    if (hit?.geometry.type !== 'Point') return false;
    const center = hit.geometry.coordinates as [number, number];
    const expand = (zoom: number) => this.map.easeTo({ center, zoom: Math.max(zoom, this.map.getZoom() + 1) });
    // Tiles' clusters were made in the build, which wrote down where each comes apart (event-tiles.ts).
    if (this.tiled) {
      expand(Number(hit.properties?.expansion_zoom ?? 0));
      return true;
    }
    void (this.map.getSource(EVENT_SOURCE) as GeoJSONSource)
      .getClusterExpansionZoom(hit.properties?.cluster_id as number)
      .then(expand);
    return true;
  }

  private onClick(e: MapMouseEvent): void {
    if (this.openCluster(e)) return;
    const box: [[number, number], [number, number]] = [
      [e.point.x - CLICK_SLACK, e.point.y - CLICK_SLACK],
      [e.point.x + CLICK_SLACK, e.point.y + CLICK_SLACK],
    ];
    // Markers win over the (large) bands beneath them; overlapping markers or bands offer a choice.
    let hits = this.map.queryRenderedFeatures(box, { layers: EVENT_LAYERS });
    if (!hits.length) hits = this.map.queryRenderedFeatures(e.point, { layers: RANGE_LAYERS });
    const ids = [...new Set(hits.map((f) => f.properties?.id as string))].filter((id) => this.items.has(id));
    // An event's popup points at its (first) place; a band's at the click.
    const select = (id: string) => {
      const item = this.items.get(id) as Item;
      this.dispatch({ type: 'select', id, at: item.kind === 'event' ? this.anchorOf(item) : e.lngLat });
    };
    if (ids.length === 0) {
      if (this.current.selected) this.dispatch({ type: 'select', id: null });
    } else if (ids.length === 1) {
      // The place clicked, of an event in several places.
      const item = this.items.get(ids[0]) as Item;
      const point = hits[0].geometry.type === 'Point' ? (hits[0].geometry.coordinates as [number, number]) : null;
      this.dispatch({
        type: 'select',
        id: ids[0],
        at: item.kind === 'event' ? (point ?? this.anchorOf(item)) : e.lngLat,
      });
    } else {
      const content = chooser(
        ids.map((id) => this.chooserItem(id)),
        select,
      );
      if (this.options.presenter.chooserInPanel && this.options.presenter.panelled()) this.showPanel(content);
      else {
        // The details of an earlier choice, moved under the map because they did not fit, go with it:
        // left there, they would read as the details of what the new chooser lists.
        this.showPanel(null);
        this.showPopup(content, e.lngLat, true);
      }
    }
  }

  /**
   * The first view: a story's own (`bounds`, or `center` and `zoom`), or one that fits the events and the
   * ranges' origins with the presenter's padding — never the bands, which can span a hemisphere; a band
   * far larger than the events enters the view as an edge.
   */
  private fitToData(data: AtlasData): void {
    const view = data.story?.view;
    const canvas = this.map.getCanvas();
    const size = { width: canvas.clientWidth, height: canvas.clientHeight };
    // Clear of the controls in the upper right (zoom, projection, Save image): on a phone they stand
    // over a third of the map's width.
    const padding = paddingBeside(this.options.presenter.fitPadding(), size, this.controlsBox());
    if (view?.center && view.zoom !== undefined) return void this.map.jumpTo({ center: view.center, zoom: view.zoom });
    const bounds = new LngLatBounds();
    if (view?.bounds) bounds.extend(view.bounds);
    else {
      const extent = dataExtent(data.events, data.ranges);
      if (extent) bounds.extend(extent);
    }
    if (bounds.isEmpty()) return;
    const maxZoom = view?.bounds ? undefined : 6;
    this.map.fitBounds(bounds, { padding, maxZoom, duration: 0 });
    // Zoomed in that far, the inset locator map shows (it follows the move at once): fit again beside it.
    const inset = this.inset?.box();
    const fitted = inset ? paddingBeside(padding, size, inset) : padding;
    if (inset) this.map.fitBounds(bounds, { padding: fitted, maxZoom, duration: 0 });
    // The markers' labels run to their right: clear of the controls too, while the data keeps a third of the width.
    if (view?.bounds) return;
    // A clustered archive's labels are not drawn at this zoom (setData): nothing to keep clear.
    if (clusters(data.events.features.length) && this.map.getZoom() < CLUSTERED_LABELS_FROM) return;
    // The label as drawn: "Odesa (2 events)" where events share a point is three times "Odesa".
    const markers = markerTexts(data.events).map(({ lonlat, text }) => {
      const { x, y } = this.map.project(lonlat);
      return { x, y, width: labelWidth(text) };
    });
    const extra = labelClearance(markers, this.controlsBox());
    const right = Math.min((fitted.right ?? 0) + extra, size.width * 0.67 - (fitted.left ?? 0));
    if (extra && right > (fitted.right ?? 0))
      this.map.fitBounds(bounds, { padding: { ...fitted, right }, maxZoom, duration: 0 });
  }

  /** Fades the story's features the current step does not focus on (none at the overview). */
  private applyFocus(): void {
    const { hidden, selected, period } = this.current;
    applyStepFocus(this.map, dataLayers(this.theme, new Set(hidden), selected, period), this.focus);
    this.outlines?.focus(this.focus);
  }

  /**
   * Frames the current step: its own view, or its features (events' places, ranges' origins; a range
   * with no origin, or in a step with no event, its band); the overview: the story's first view.
   * `animate`: a reader's move, flown unless they prefer reduced motion (then, and on a resize, it jumps).
   */
  private frame(animate: boolean): void {
    const step = this.storySteps[this.current.step - 1];
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const duration = animate && !reduced ? 1200 : 0;
    if (!step) {
      if (!this.data) return;
      // The overview's camera is the first view's: fitted (in one task, never drawn), then eased to.
      const from = { center: this.map.getCenter(), zoom: this.map.getZoom() };
      this.fitToData(this.data);
      if (!duration) return;
      const to = { center: this.map.getCenter(), zoom: this.map.getZoom() };
      this.map.jumpTo(from);
      this.map.easeTo({ ...to, duration, essential: false });
      return;
    }
    const view = step.view;
    if (view?.center && view.zoom !== undefined) {
      this.map.easeTo({ center: view.center, zoom: view.zoom, duration, essential: false });
      return;
    }
    const bounds = new LngLatBounds();
    // No closer than its least precise event calls for (a country-wide event shows the country).
    let maxZoom = 6;
    // A step about ranges alone frames their bands: their origins alone would show a dot and no band.
    const eventless = !step.features.some((id) => {
      const drawn = this.data?.aliases?.get(id) ?? id;
      return this.data?.events.features.some((f) => f.properties.id === drawn);
    });
    if (view?.bounds) bounds.extend(view.bounds);
    else
      for (const id of step.features) {
        // From the data itself: the first frame comes before the items are built.
        const drawn = this.data?.aliases?.get(id) ?? id;
        const event = this.data?.events.features.find((f) => f.properties.id === drawn);
        const range = this.data?.ranges.features.find((f) => f.properties.id === drawn);
        const item: Item | undefined = event
          ? { kind: 'event', feature: event }
          : range
            ? { kind: 'range', feature: range }
            : undefined;
        if (item?.kind === 'event') {
          for (const p of item.feature.geometry.coordinates) bounds.extend(p as [number, number]);
          maxZoom = Math.min(maxZoom, EVENT_ZOOM[item.feature.properties.precision] ?? 5);
        } else if (item?.kind === 'range') {
          const origin = item.feature.properties.origin;
          if (origin) bounds.extend(origin);
          if ((!origin || eventless) && item.feature.geometry) {
            const g = item.feature.geometry;
            const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
            for (const ring of rings) for (const p of ring) bounds.extend(p as [number, number]);
          }
        }
      }
    if (bounds.isEmpty()) return;
    const canvas = this.map.getCanvas();
    const size = { width: canvas.clientWidth, height: canvas.clientHeight };
    const padding = paddingBeside(this.options.presenter.fitPadding(), size, this.controlsBox());
    this.map.fitBounds(bounds, { padding, maxZoom: view?.bounds ? undefined : maxZoom, duration, essential: false });
  }

  /** Where the upper right controls stand, in the map's px (an empty box when there are none). */
  private controlsBox(): Box {
    const corner = this.map.getContainer().querySelector('.maplibregl-ctrl-top-right');
    const map = this.map.getContainer().getBoundingClientRect();
    const r = corner?.getBoundingClientRect();
    if (!r?.width || !r.height) return { left: 0, top: 0, right: 0, bottom: 0 };
    return { left: r.left - map.left, top: r.top - map.top, right: r.right - map.left, bottom: r.bottom - map.top };
  }

  /** Fits the first view again for the frame's real size when it changes before the reader moves the map (an embed's frame settling, a phone turned). */
  private refitOnResize(data: AtlasData): void {
    this.map.on('movestart', (e) => {
      if ((e as { originalEvent?: Event }).originalEvent) this.moved = true;
    });
    let size = `${this.map.getCanvas().clientWidth}x${this.map.getCanvas().clientHeight}`;
    this.map.on('resize', () => {
      const now = `${this.map.getCanvas().clientWidth}x${this.map.getCanvas().clientHeight}`;
      if (now === size || this.moved || this.current.selected) return;
      size = now;
      if (this.current.step) this.frame(false);
      else this.fitToData(data);
    });
  }

  /** Puts the data on the map and in the items the popups and the list read (first build, or the studio's new one). */
  private setData(data: AtlasData): void {
    registerTypes(data.events.features.map((f) => f.properties.type));
    if (data.tiles && !this.tiled) useEventTiles(this.map, data.tiles);
    this.tiled = Boolean(data.tiles);
    this.eventsSending =
      !this.tiled && clusters(data.events.features.length)
        ? dataSending(this.map.getSource(EVENT_SOURCE) as GeoJSONSource)
        : null;
    const written = data.story?.highlights.features.flatMap((f) => f.properties.label ?? []) ?? [];
    this.bandLabels.set(setDataCollection(this.map, data.events, data.ranges, this.theme, this.tiled, written));
    // After the data is on its way to the map's worker (nothing above reads the items).
    this.items.clear();
    for (const f of data.events.features) this.items.set(f.properties.id, { kind: 'event', feature: f });
    for (const f of data.ranges.features) this.items.set(f.properties.id, { kind: 'range', feature: f });
    this.lazy = data.lazy ?? null;
    this.aliases = data.aliases ?? new Map();
    this.clustered = !this.tiled && clusters(data.events.features.length) ? data.events : null;
    this.drawnEvents = this.tiled ? null : data.events;
    // A clustered archive's markers are labelled only from a zoom on (their tiles too); a smaller one's at every zoom.
    const labelsFrom = clusters(data.events.features.length) ? CLUSTERED_LABELS_FROM : 0;
    for (const id of [LAYER.eventLabel, LAYER.eventLabelRepeat, LAYER.eventLabelFaded, LAYER.eventLabelRepeatFaded])
      if (this.map.getLayer(id)) this.map.setLayerZoomRange(id, labelsFrom, 24);
    // A URL that hides types or sets a period: clusters and "(N events)" labels count only what is visible.
    if (this.current.hidden.length || this.current.period) this.countEvents();
  }

  /** The events' source again for what is visible: clusters hold only it; unclustered labels count only it. */
  private countEvents(): void {
    const visible = (id: string) => this.isVisible(id);
    if (this.clustered) setVisibleEvents(this.map, this.clustered, visible);
    else if (this.drawnEvents) setCountedEvents(this.map, this.drawnEvents, visible);
  }

  private build(data: AtlasData): void {
    this.setData(data);
    const map = this.map;
    map.on('click', (e) => this.onClick(e));
    const hoverLayers = [...EVENT_LAYERS, ...RANGE_LAYERS, LAYER.eventCluster];
    map.on('mousemove', (e) => {
      map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: hoverLayers }).length
        ? 'pointer'
        : '';
    });
    map.on('moveend', () => {
      // A step's camera that jumped inside dispatch: its view goes with the step's own change.
      if (this.framing) return;
      const c = map.getCenter();
      this.dispatch({ type: 'view', view: { center: [c.lng, c.lat], zoom: map.getZoom() } }, 'replace');
    });
    watchTheme((theme) => {
      this.theme = theme;
      applyBasemapTheme(map, theme);
      this.inset?.setTheme(theme);
      const { hidden, selected, period } = this.current;
      repaint(map, dataLayers(theme, new Set(hidden), selected, period));
      if (this.current.step) this.applyFocus();
    });
  }

  private async start(parsed: Promise<void>, initial: AtlasState): Promise<void> {
    const data = await (this.options.loadData?.() ?? loadData(this.base, this.options.story ?? null));
    performance.mark('atlas:data');
    this.data = data;
    this.storySteps = data.story?.steps ?? [];
    // A step from the URL past the story's own: the nearest one (a story with none has only the overview).
    if (this.current.step > this.storySteps.length)
      this.current = next(this.current, { type: 'step', step: this.current.step }, this.items, this.storySteps.length);
    this.options.onData?.(data);
    // Before the fit, which keeps the data clear of it.
    if (data.story?.inset !== false) {
      this.inset = new InsetControl(this.base, this.theme, (error) => this.mapFault(error));
      this.map.addControl(this.inset, 'bottom-left');
    }
    // Fit as soon as the data is in, so that the basemap's tiles are those of the final view.
    if (!initial.view) {
      if (this.current.step) this.frame(false);
      else this.fitToData(data);
      this.refitOnResize(data);
    }
    const storyProjection = data.story?.projection;
    if (storyProjection && !this.options.projectionChosen && storyProjection !== this.current.projection)
      this.dispatch({ type: 'projection', projection: storyProjection }, 'none');
    await parsed;
    // The style's sources send their first (empty) data to the map's worker in microtasks queued with the
    // style's load; the data set below waits for the worker's answer to them. Let them go first: left
    // behind this long task, they went half a second later at 100,000 events, and the data with them.
    if (clusters(data.events.features.length)) await nextTask();
    performance.mark('atlas:style');
    this.options.say([...data.problems, ...this.faults].join(' '));
    if (data.problems.length) console.warn(`Source Atlas data problems:\n${data.problems.join('\n')}`);
    this.build(data);
    if (this.current.step) this.applyFocus();
    if (data.story?.highlights.features.length) {
      addHighlights(this.map, data.story.highlights, this.theme);
      this.basemapLabels.setWritten(data.story.highlights.features.flatMap((f) => f.properties.label ?? []));
      const { hidden, selected, period } = this.current;
      applyHidden(this.map, new Set(hidden), selected, period);
    }
    // The map's worker gets the events before the shell builds its list and legend: MapLibre sends them in a
    // task of its own after setData, which a large archive's list (built in the same task) held back by
    // half a second at 100,000 events while the worker stood idle. It clusters and tiles them meanwhile.
    if (this.eventsSending) {
      await this.eventsSending;
      await nextTask();
    }
    this.options.onBuild?.(data);
    if (initial.selected) this.dispatch({ type: 'select', id: initial.selected }, 'none');
    const c = this.map.getCenter();
    this.dispatch({ type: 'view', view: { center: [c.lng, c.lat], zoom: this.map.getZoom() } }, 'replace');
    performance.mark('atlas:drawn');
    await nextIdle(this.map);
    performance.mark('atlas:ready'); // read by bench/page.ts
    this.outlines = addRegionOutlines(
      this.map,
      data.events,
      basemapUrl('admin1.geojson', this.base),
      new Set(this.current.hidden),
    );
    this.outlines.select(this.current.selected);
    this.outlines.focus(this.focus);
  }
}
