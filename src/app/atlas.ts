/**
 * The full app: the map session (src/map/session.ts) with the app's presenters — the list, the layer
 * control, the timeline, the bottom sheet on a phone, printing, "Save image", and the URL's history.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AtlasData } from '../map/data';
import { showDetailIn } from '../map/detail';
import { formatDate, plural } from '../map/format';
import { LAYER } from '../map/ids';
import { countsOf, layerControlFor, type LayerControl } from '../map/layer-control';
import { MapSession, type Change, type Presenter } from '../map/session';
import { initialState, isVisible as shownIn, toUrlState, type AtlasState } from '../map/state';
import { fillStepHint, stepCard, type StepCard } from '../map/step-card';
import { appUrl, storyOf } from '../share/params';
import { UrlState } from '../map/url-state';
import { showAlert } from './alert';
import { downloadsSection } from './downloads';
import { ExportControl, renderedIds, type ExportOptions } from './export-image';
import { FeatureList } from './list';
import { clusters } from '../map/source';
import { ScaleList } from './scale-list';
import { PrintExcerpts } from './print';
import { printableMap } from '../map/printable-map';
import { Sheet } from './sheet';
import { storiesSection } from './stories';
import { Timeline } from './timeline';

export interface Atlas {
  map: MapLibreMap;
  /** Resolves once the data is drawn (the first `idle` after adding it). */
  ready: Promise<void>;
  /** The ids a story's current step brings forward, in the map's ids; null at the overview (and in the whole atlas). */
  focus?(): string[] | null;
}

export interface AtlasElements {
  map: HTMLElement;
  panel: HTMLElement;
  panelBody: HTMLElement;
  sheetHandle: HTMLButtonElement;
  /** Where a phone shows the selected feature's details (inside the panel, above the list). */
  detail: HTMLElement;
  status: HTMLElement;
  /** Where the timeline goes (below the map; over its foot on a phone); none: no timeline. */
  timeline?: HTMLElement;
  /** The page's heading and the line under it: a story's title and description replace them. */
  heading?: HTMLElement;
  subheading?: HTMLElement;
}

export function startAtlas(el: AtlasElements): Atlas {
  const base = import.meta.env.BASE_URL;
  // Back and forward restore the state once the data is in (before, there is nothing to restore it to).
  const url = new UrlState((state) => {
    if (list) session.dispatch({ type: 'restore', state }, 'restore');
    if (list instanceof ScaleList && (state.query ?? '') !== list.query) void list.search(state.query ?? '');
  });
  const sheet = new Sheet(el.panel, el.sheetHandle);
  let list: FeatureList | ScaleList | null = null;
  /** The URL of a state: the session's, and the large list's search. */
  const urlOf = (state: Change['state']) => ({
    ...toUrlState(state),
    ...(list instanceof ScaleList && list.query ? { query: list.query } : {}),
  });
  let control: LayerControl | null = null;
  let printed: PrintExcerpts | null = null;
  let timeline: Timeline | null = null;
  let card: StepCard | null = null;
  /**
   * On a phone the card is in the folded sheet: its handle says the steps are there, and at a step which
   * one the map shows (a reader who followed "Open the full map" from step 2 sees it is step 2).
   */
  const stepHint = (step: number): void => {
    const hint = el.sheetHandle.querySelector<HTMLElement>('.sheet-hint');
    const steps = session.steps;
    if (!hint || !steps.length) return;
    fillStepHint(hint, step, steps);
  };

  /** px of the map's foot under the page (the timeline, the folded sheet) and under the map's own bottom controls (the attribution). */
  const coveredFoot = (): number => {
    const map = el.map.getBoundingClientRect();
    const tops = [el.timeline, el.panel]
      .filter((e): e is HTMLElement => !!e && !e.hidden)
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.height > 0 && r.top < map.bottom && r.top > map.top)
      .map((r) => r.top);
    const controls = [...el.map.querySelectorAll('.maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right')]
      .flatMap((c) => [...c.querySelectorAll('.maplibregl-ctrl-attrib')])
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => r.top);
    const top = Math.min(map.bottom, ...tops, ...controls);
    return Math.max(0, Math.round(map.bottom - top));
  };

  /** On a phone the details go in the bottom sheet, above the list: a popup would not fit. */
  const presenter: Presenter = {
    panelled: () => sheet.isSheet(),
    showPanel(content, onClose) {
      showDetailIn(el.detail, content, onClose);
      if (!content) return;
      sheet.set(true);
      el.detail.scrollIntoView({ block: 'start' });
    },
    overflow: 'pan',
    chooserInPanel: false,
    focusAfterClose: (id) => {
      if (id) list?.focus(id);
    },
    // The right-hand side keeps clear of the controls' column (zoom, Globe, Save image). On a phone the
    // timeline and the folded sheet stand over the map's foot, and the attribution above them: the fit
    // keeps clear of all three (a step's event at the foot had its label under the attribution).
    fitPadding: () =>
      sheet.isSheet()
        ? { top: 60, bottom: Math.max(120, coveredFoot() + 24), left: 40, right: 72 }
        : { top: 60, bottom: 60, left: 80, right: 120 },
    // The open sheet covers the lower part of the map: a flight aims above it.
    coveredBottom: () => (sheet.isSheet() ? Math.round(el.map.clientHeight * 0.6) : 0),
  };

  let shown = '';
  const story = storyOf(location.search);
  let data: AtlasData | null = null;
  const session: MapSession = new MapSession({
    container: el.map,
    initial: initialState(url.read()),
    story,
    projectionChosen: url.read().projection !== undefined,
    presenter,
    popupMaxWidth: 'min(360px, calc(100vw - 24px))',
    say(message, add) {
      shown = add ? [shown, message].filter(Boolean).join(' ') : message;
      showAlert(el.status, shown);
    },
    onData(loaded) {
      data = loaded;
      showStory(loaded);
      showTimeline(loaded);
    },
    onBuild: build,
  });
  const map = session.map;
  map.addControl(new ExportControl((scale) => exportOptions(scale)), 'top-right');
  const still = document.createElement('canvas');
  still.className = 'print-map';
  still.setAttribute('aria-hidden', 'true');
  const credit = document.createElement('p');
  credit.className = 'print-credit';
  el.map.after(still, credit); // beside the map, not in it: '#map canvas' stays the map's own canvas
  printableMap(map, still, credit);

  // The legend says which bands the view does not show, each time the map comes to rest.
  session.onBandsOffView((labels) => control?.noteOffView(labels));

  session.onChange(({ state, changed, kind }: Change) => {
    const isVisible = (id: string) => session.isVisible(id);
    if (changed.has('hidden')) control?.set(state.hidden);
    if (changed.has('hidden') || changed.has('period')) {
      list?.filter(isVisible);
      printed?.filter(isVisible);
    }
    if (changed.has('period') && data) control?.setCounts(periodCounts(data, state.period));
    if (changed.has('period') && kind === 'restore') timeline?.set(state.period);
    if (changed.has('selected')) list?.highlight(state.selected);
    if (changed.has('step')) {
      card?.set(state.step);
      stepHint(state.step);
    }
    if (kind === 'push') url.push(urlOf(state));
    else if (kind === 'replace') url.replace(urlOf(state));
  });

  /** What the picture of the view shows: the features drawn in it, and the state in words. */
  function exportOptions(scale: number): ExportOptions {
    const { items, state } = session;
    const markers = [...items.values()].flatMap((i) =>
      i.kind === 'event' ? (i.feature.geometry.coordinates as Array<[number, number]>) : [],
    );
    const ids = renderedIds(map, [LAYER.eventMarker, LAYER.rangeFill], markers);
    const visible: ExportOptions['visible'] = { events: [], ranges: [] };
    for (const id of ids) {
      const item = items.get(id);
      if (item?.kind === 'event') visible.events.push(item.feature.properties);
      else if (item?.kind === 'range') visible.ranges.push(item.feature.properties);
    }
    const parts = [
      `${plural(visible.events.length, 'event')} and ${plural(visible.ranges.length, 'range')} in view`,
      state.period ? `${formatDate(state.period.from)} – ${formatDate(state.period.to)}` : 'all dates',
      state.projection === 'globe' ? 'globe' : 'flat map (Web Mercator)',
    ];
    // The date of the documents, not of the machine that saves the picture.
    const dated = data?.story?.date ?? latestDocumentDate(data);
    if (dated) parts.push(`documents to ${formatDate(dated)}`);
    const s = data?.story;
    if (s?.byline) parts.push(s.byline);
    if (s?.credit) parts.push(s.credit);
    const attribution =
      el.map.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ||
      'Basemap: Natural Earth, GeoNames (CC BY 4.0)';
    return {
      scale,
      title: s?.title ?? 'Source Atlas',
      subtitle: [s?.description, parts.join(' · ')].filter(Boolean).join(' — '),
      visible,
      attribution,
      inset: session.inset?.picture() ?? null,
    };
  }

  /** A story's page: its title and description in the masthead and the page title, and a way to the whole atlas. */
  function showStory(loaded: AtlasData): void {
    const s = loaded.story;
    if (!s) return;
    document.title = `${s.title} — Source Atlas`;
    if (el.heading) el.heading.textContent = s.title;
    if (el.subheading) {
      el.subheading.textContent = [s.description, s.byline, s.credit].filter(Boolean).join(' · ');
      el.subheading.classList.add('story-dek');
      // On a phone the dek is cut to three lines (style.css); a tap or Enter opens it whole.
      const dek = el.subheading;
      if (matchMedia('(max-width: 700px)').matches && dek.scrollHeight > dek.clientHeight + 1) {
        dek.tabIndex = 0;
        dek.setAttribute('role', 'button');
        dek.setAttribute('aria-expanded', 'false');
        const toggle = () => dek.setAttribute('aria-expanded', String(dek.getAttribute('aria-expanded') !== 'true'));
        dek.addEventListener('click', toggle);
        dek.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggle();
          }
        });
      }
    }
    const all = document.createElement('a');
    all.className = 'story-all';
    all.href = appUrl(new URL(base, location.href).href, { view: null, hidden: [], selected: null });
    all.textContent = 'All events and ranges';
    el.subheading?.after(all);
  }

  /**
   * The timeline, as soon as the data is in: below the map it takes its height from the map, so it goes
   * in at its final height before the map fits the data, and the map resizes once, while it has
   * hardly anything to draw (not once more for each step of the timeline's layout, nor after the fit).
   */
  function showTimeline(data: AtlasData): void {
    if (!el.timeline) return;
    timeline = new Timeline({
      events: data.events.features.map((f) => f.properties),
      period: session.state.period,
      // While the period is dragged the URL waits for its end.
      onChange: (period, final) => session.dispatch({ type: 'period', period }, final ? 'push' : 'none'),
    });
    el.timeline.replaceChildren(timeline.element);
    el.timeline.hidden = false;
    timeline.layout();
    // On a phone the timeline sits over the map's foot: the attribution moves up by its height.
    const slot = el.timeline;
    new ResizeObserver(() => el.map.style.setProperty('--timeline-height', `${slot.offsetHeight}px`)).observe(slot);
    // Now rather than at the map's next ResizeObserver callback, so that the fit is to the final size.
    const canvas = map.getCanvas();
    if (el.map.clientWidth !== canvas.clientWidth || el.map.clientHeight !== canvas.clientHeight) map.resize();
  }

  function build(data: AtlasData): void {
    const isVisible = (id: string) => session.isVisible(id);
    control = layerControlFor(data, { onChange: (hidden) => session.dispatch({ type: 'hide', hidden }) });
    control.set(session.state.hidden);
    const onChoose = (id: string) => session.choose(id);
    // A large archive: a virtualised, searchable list, and no printed excerpts (the popups hold them).
    const large = clusters(data.events.features.length);
    list = large
      ? new ScaleList({
          events: data.events.features,
          ranges: data.ranges.features,
          onChoose,
          query: url.read().query,
          onQuery: () => url.push(urlOf(session.state)),
        })
      : new FeatureList({ events: data.events.features, ranges: data.ranges.features, onChoose });
    list.filter(isVisible);
    printed = large ? null : new PrintExcerpts(data.events.features, data.ranges.features);
    printed?.filter(isVisible);
    // A story in steps: its card at the top of the panel, before the legend.
    if (session.steps.length) {
      card = stepCard(document, session.steps, (step) => session.dispatch({ type: 'step', step }));
      card.set(session.state.step);
      stepHint(session.state.step);
    }
    // The legend first: on a desktop it is in view without scrolling past the list.
    el.panelBody.replaceChildren(
      ...[card?.element, control.element, list.element, downloadsSection(base), printed?.element].filter(
        (e): e is HTMLElement => e != null,
      ),
    );
    if (session.state.period) control.setCounts(periodCounts(data, session.state.period));
    // The whole atlas lists the stories above its list; a story page does not download the index.
    if (!story) void storiesSection(base).then((section) => section && el.panelBody.prepend(section));
    el.sheetHandle.querySelector('.count')!.textContent =
      `${plural(data.events.features.length, 'event')}, ${plural(data.ranges.features.length, 'range')}`;
  }

  return { map, ready: session.ready, focus: () => (session.focus ? [...session.focus] : null) };
}

/** The legend's counts in a period: the features it shows, whatever the reader has switched off. */
function periodCounts(data: AtlasData, period: AtlasState['period']): Map<string, number> {
  const state = { hidden: [], period };
  const events = data.events.features
    .filter((f) => shownIn(state, { kind: 'event', feature: f }))
    .map((f) => f.properties);
  const ranges = data.ranges.features.filter((f) => shownIn(state, { kind: 'range', feature: f })).length;
  return countsOf(events, ranges);
}

/** The latest date of the documents behind the data, or null when none is dated. */
function latestDocumentDate(data: AtlasData | null): string | null {
  if (!data) return null;
  const dates = [...data.events.features, ...data.ranges.features]
    .flatMap((f) => f.properties.claims.map((c) => c.document_date))
    .filter((d): d is string => !!d)
    .sort();
  return dates.at(-1) ?? null;
}
