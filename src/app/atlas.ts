/**
 * The app: loads the data, draws it, and keeps map, popup, list, layer control and URL in step.
 * Each concern lives in its own module; this one only wires them together.
 */
import { LngLatBounds, Popup, type LngLatLike, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { EventFeature, RangeFeature } from '../contract';
import { loadDetailWhenZoomed } from '../basemap/lazy';
import { currentTheme, type Theme } from '../basemap/palette';
import { applyBasemapTheme, repaint, watchTheme } from '../basemap/theme';
import { basemapUrl } from '../basemap/style';
import { loadData, type AtlasData } from '../map/data';
import { LayerControl } from '../map/layer-control';
import { EVENT_LAYERS, LAYER, RANGE_LAYERS, SOURCE, UNDER_LABELS } from '../map/ids';
import { applyHidden, applySelected } from '../map/filters';
import { dataLayers } from '../map/layers';
import { addRegionOutlines, type PlaceOutlines } from '../map/place-outlines';
import { emptyDataSource, setDataCollection } from '../map/source';
import { downloadsSection } from './downloads';
import { ExportControl, renderedIds, type ExportOptions } from './export-image';
import { FeatureList } from './list';
import { installPatterns } from '../map/patterns';
import { createMap, nextIdle, styleParsed } from '../map/map';
import { chooser, eventPopup, rangePopup, type ChoiceItem, type RangeConflicts } from '../map/popup';
import { colourOfType, registerTypes, typeLabel } from '../map/scales';
import { Sheet } from './sheet';
import { PrintExcerpts, printableMap } from './print';
import { DEFAULT_PROJECTION, ProjectionControl, applyProjection, globeSuggestion, suggestsGlobe } from '../map/projection';
import { Timeline } from './timeline';
import { inPeriod } from '../map/period';
import { UrlState, type AppState, type Period, type Projection } from '../map/url-state';
import { isEventVisible, isRangeVisible, token } from '../map/visibility';
import { formatDate } from '../map/format';
import { showDetailIn } from '../map/detail';
import { keepPopupInView, trackMapHeight } from '../map/popup-view';

export interface Atlas {
  map: MapLibreMap;
  /** Resolves once the data is drawn (the first `idle` after adding it). */
  ready: Promise<void>;
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
}

type Item = { kind: 'event'; feature: EventFeature } | { kind: 'range'; feature: RangeFeature };

/** Zoom to fly to for an event, by location precision (1 exact … 5 continent). */
const EVENT_ZOOM: Record<number, number> = { 1: 7, 2: 6, 3: 5, 4: 4, 5: 3 };

function mostCommon(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function startAtlas(el: AtlasElements): Atlas {
  const base = import.meta.env.BASE_URL;
  let theme: Theme = currentTheme();
  const url = new UrlState((state) => restore(state));
  const initial = url.read();
  let hidden = new Set(initial.hidden);
  let selected: string | null = null;
  const items = new Map<string, Item>();
  let list: FeatureList | null = null;
  let control: LayerControl | null = null;
  let outlines: PlaceOutlines | null = null;
  let period: Period | null = initial.period ?? null;
  let timeline: Timeline | null = null;
  let printed: PrintExcerpts | null = null;
  let projection: Projection = initial.projection ?? DEFAULT_PROJECTION;
  const sheet = new Sheet(el.panel, el.sheetHandle);

  const map = createMap(el.map, initial.view, theme, {
    sources: { [SOURCE]: emptyDataSource() },
    layers: dataLayers(theme, hidden, null, period),
    underLabels: UNDER_LABELS,
  }, { projection });
  const projectionControl = new ProjectionControl(projection, (next) => setProjection(next, true));
  map.addControl(projectionControl, 'top-right');
  map.addControl(new ExportControl((scale) => exportOptions(scale)), 'top-right');
  const parsed = styleParsed(map);
  installPatterns(map);
  const still = document.createElement('canvas');
  still.className = 'print-map';
  still.setAttribute('aria-hidden', 'true');
  const credit = document.createElement('p');
  credit.className = 'print-credit';
  el.map.after(still, credit); // beside the map, not in it: '#map canvas' stays the map's own canvas
  printableMap(map, still, credit);
  loadDetailWhenZoomed(map, base);
  trackMapHeight(map);
  const popup = new Popup({ maxWidth: 'min(360px, calc(100vw - 24px))', focusAfterOpen: false, closeOnClick: false, className: 'atlas-popup' });
  let replacingPopup = false;
  popup.on('close', () => {
    if (!replacingPopup && selected) setSelected(null, true);
  });

  const say = (message: string) => {
    el.status.textContent = message;
    el.status.hidden = !message;
  };

  function state(): AppState {
    const c = map.getCenter();
    return { view: { center: [c.lng, c.lat], zoom: map.getZoom() }, hidden: [...hidden], selected, period, projection };
  }

  function isVisible(id: string): boolean {
    const item = items.get(id);
    if (!item) return false;
    // The period filters events only: ranges carry no date of their own.
    return item.kind === 'event' ? isEventVisible(item.feature.properties, hidden) && inPeriod(item.feature.properties, period) : isRangeVisible(item.feature.properties, hidden);
  }

  /** Where a feature's popup points: the event's place; a range's origin, or the centre of its area. */
  function anchorOf(item: Item): [number, number] {
    if (item.kind === 'event') return item.feature.geometry.coordinates as [number, number];
    const { origin } = item.feature.properties;
    if (origin) return origin;
    const bounds = new LngLatBounds();
    const g = item.feature.geometry;
    const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
    for (const ring of rings) for (const p of ring) bounds.extend(p as [number, number]);
    return bounds.getCenter().toArray() as [number, number];
  }

  /** Opens a popup; `inView`: pans the map, once still, so that all of it shows (a reader's choice, not a restored URL). */
  function showPopup(content: HTMLElement, at: LngLatLike, inView: boolean): void {
    replacingPopup = true;
    popup.remove();
    replacingPopup = false;
    content.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        const id = selected;
        popup.remove();
        if (id) list?.focus(id);
      }
    });
    popup.setLngLat(at).setDOMContent(content).addTo(map);
    // Capped at the map's height (style.css), a long popup scrolls: then it takes the keyboard's focus too.
    if (content.scrollHeight > content.clientHeight) content.tabIndex = 0;
    if (inView) keepPopupInView(map, popup);
  }

  /** On a phone the details go in the bottom sheet, above the list: a popup would not fit. */
  function showDetail(content: HTMLElement | null): void {
    showDetailIn(el.detail, content, () => {
      const id = selected;
      setSelected(null, true);
      if (id) list?.focus(id);
    });
    if (!content) return;
    sheet.set(true);
    el.detail.scrollIntoView({ block: 'start' });
  }

  /** Selects a feature (or none): details, highlight on the map and in the list, and the URL. */
  function setSelected(id: string | null, push: boolean, at?: LngLatLike): void {
    const item = id ? items.get(id) : undefined;
    selected = item && isVisible(id as string) ? (id as string) : null;
    applySelected(map, hidden, selected);
    outlines?.select(selected);
    list?.highlight(selected);
    if (popup.isOpen()) {
      replacingPopup = true;
      popup.remove();
      replacingPopup = false;
    }
    showDetail(null);
    if (item && selected) {
      const content = item.kind === 'event' ? eventPopup(item.feature.properties) : rangePopup(item.feature.properties, conflictsOf(item.feature));
      if (item.kind === 'range' && projection === 'flat' && suggestsGlobe(item.feature.properties)) {
        content.querySelector('.facts')?.after(globeSuggestion(item.feature.properties, () => setProjection('globe', true)));
      }
      if (sheet.isSheet()) showDetail(content);
      else showPopup(content, at ?? anchorOf(item), push);
    }
    if (push) url.push(state());
  }

  /** The bands whose claims conflict with a range's, for its popup; choosing one opens it. */
  function conflictsOf(f: RangeFeature): RangeConflicts {
    const others = (f.properties.conflicts_with ?? []).map((id) => items.get(id)).filter((i): i is Item & { kind: 'range' } => i?.kind === 'range');
    return { others: others.map((i) => i.feature.properties), onChoose: (id) => choose(id) };
  }

  /** From the list: fly to the feature, then open it. */
  function choose(id: string): void {
    const item = items.get(id);
    if (!item) return;
    const center = anchorOf(item);
    const zoom = item.kind === 'event'
      ? EVENT_ZOOM[item.feature.properties.precision] ?? 5
      // Roughly the zoom at which the band's outer edge fits the screen.
      : Math.min(6, Math.max(1, Math.log2(40_000 / (item.feature.properties.max_km * 6))));
    // On a phone the open sheet covers the lower part of the map: aim above it.
    const bottom = sheet.isSheet() ? Math.round(el.map.clientHeight * 0.6) : 0;
    map.flyTo({ center, zoom, padding: { top: 0, left: 0, right: 0, bottom } });
    setSelected(id, true);
  }

  function chooserItem(id: string): ChoiceItem {
    const item = items.get(id) as Item;
    if (item.kind === 'event') {
      const p = item.feature.properties;
      return { id, colour: colourOfType(p.type), label: `${typeLabel(p.type)}, ${p.place}, ${formatDate(p.date)}` };
    }
    const p = item.feature.properties;
    return { id, colour: `var(--range-${p.status})`, label: p.label };
  }

  function onClick(e: MapMouseEvent): void {
    const pad = 6; // px: a little slack for fingers and small markers
    const box: [[number, number], [number, number]] = [[e.point.x - pad, e.point.y - pad], [e.point.x + pad, e.point.y + pad]];
    // Markers win over the (large) bands beneath them; overlapping markers or bands offer a choice.
    let hits = map.queryRenderedFeatures(box, { layers: EVENT_LAYERS });
    if (!hits.length) hits = map.queryRenderedFeatures(e.point, { layers: RANGE_LAYERS });
    const ids = [...new Set(hits.map((f) => f.properties?.id as string))].filter((id) => items.has(id));
    if (ids.length === 0) {
      if (selected) setSelected(null, true);
    } else if (ids.length === 1) {
      const item = items.get(ids[0]) as Item;
      setSelected(ids[0], true, item.kind === 'event' ? anchorOf(item) : e.lngLat);
    } else {
      showPopup(chooser(ids.map(chooserItem), (id) => {
        const item = items.get(id) as Item;
        setSelected(id, true, item.kind === 'event' ? anchorOf(item) : e.lngLat);
      }), e.lngLat, true);
    }
  }

  /** What the picture of the view shows: the features drawn in it, and the state in words. */
  function exportOptions(scale: number): ExportOptions {
    const markers = [...items.values()].flatMap((i) => (i.kind === 'event' ? [i.feature.geometry.coordinates as [number, number]] : []));
    const ids = renderedIds(map, [LAYER.eventMarker, LAYER.rangeFill], markers);
    const visible: ExportOptions['visible'] = { events: [], ranges: [] };
    for (const id of ids) {
      const item = items.get(id);
      if (item?.kind === 'event') visible.events.push(item.feature.properties);
      else if (item?.kind === 'range') visible.ranges.push(item.feature.properties);
    }
    const parts = [
      `${visible.events.length} ${visible.events.length === 1 ? 'event' : 'events'} and ${visible.ranges.length} ${visible.ranges.length === 1 ? 'range' : 'ranges'} in view`,
      period ? `${formatDate(period.from)} – ${formatDate(period.to)}` : 'all dates',
      projection === 'globe' ? 'globe' : 'flat map (Web Mercator)',
      `as of ${formatDate(new Date().toISOString().slice(0, 10))}`,
    ];
    const attribution = el.map.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() || 'Basemap: Natural Earth, GeoNames (CC BY 4.0)';
    return { scale, title: document.title || 'Source Atlas', subtitle: parts.join(' · '), visible, attribution };
  }

  /** Flat map or globe; the view, selection and filters stay as they are. */
  function setProjection(next: Projection, push: boolean): void {
    projection = next;
    applyProjection(map, projection);
    projectionControl.set(projection);
    if (push) url.push(state());
  }

  /** Shows only the events of a period (null: all dates), on the map and in the list. */
  function setPeriod(next: Period | null, push: boolean): void {
    period = next;
    applyHidden(map, hidden, selected, period);
    list?.filter(isVisible);
    printed?.filter(isVisible);
    if (selected && !isVisible(selected)) setSelected(null, false);
    if (push) url.push(state());
  }

  function setHidden(next: Set<string>, push: boolean): void {
    hidden = next;
    applyHidden(map, hidden, selected, period);
    control?.set(hidden);
    list?.filter(isVisible);
    printed?.filter(isVisible);
    if (selected && !isVisible(selected)) setSelected(null, false);
    if (push) url.push(state());
  }

  function restore(s: AppState): void {
    if (!list) return;
    if (s.view) map.jumpTo({ center: s.view.center, zoom: s.view.zoom });
    setHidden(new Set(s.hidden), false);
    setProjection(s.projection ?? DEFAULT_PROJECTION, false);
    timeline?.set(s.period ?? null);
    setPeriod(s.period ?? null, false);
    if (s.selected !== selected) setSelected(s.selected, false);
  }

  function fitToData(data: AtlasData): void {
    const bounds = new LngLatBounds();
    for (const f of data.events.features) bounds.extend(f.geometry.coordinates as [number, number]);
    for (const f of data.ranges.features) if (f.properties.origin) bounds.extend(f.properties.origin);
    if (bounds.isEmpty()) return;
    const side = sheet.isSheet() ? 0 : 40;
    map.fitBounds(bounds, { padding: { top: 60, bottom: sheet.isSheet() ? 120 : 60, left: 40 + side, right: 60 }, maxZoom: 6, duration: 0 });
  }

  /**
   * The timeline, as soon as the data is in: below the map it takes its height from the map, so it goes
   * in at its final height before the map fits the data, and the map resizes once, while it has
   * hardly anything to draw (not once more for each step of the timeline's layout, nor after the fit).
   */
  function showTimeline(data: AtlasData): void {
    if (!el.timeline) return;
    timeline = new Timeline({ events: data.events.features.map((f) => f.properties), period, onChange: (next, final) => setPeriod(next, final) });
    el.timeline.replaceChildren(timeline.element);
    el.timeline.hidden = false;
    timeline.layout();
    // On a phone the timeline sits over the map's foot: the attribution moves up by its height.
    const slot = el.timeline;
    new ResizeObserver(() => el.map.style.setProperty('--timeline-height', `${slot.offsetHeight}px`)).observe(slot);
    // Now rather than at the map's next ResizeObserver callback, so that fitToData fits the final size.
    const canvas = map.getCanvas();
    if (el.map.clientWidth !== canvas.clientWidth || el.map.clientHeight !== canvas.clientHeight) map.resize();
  }

  function build(data: AtlasData): void {
    for (const f of data.events.features) items.set(f.properties.id, { kind: 'event', feature: f });
    for (const f of data.ranges.features) items.set(f.properties.id, { kind: 'range', feature: f });
    const types = registerTypes(data.events.features.map((f) => f.properties.type));
    setDataCollection(map, data.events, data.ranges, theme);

    const counts = new Map<string, number>([['events', data.events.features.length], ['ranges', data.ranges.features.length]]);
    const bump = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const f of data.events.features) bump(token('type', f.properties.type));
    control = new LayerControl({
      types,
      counts,
      magnitudes: data.events.features.map((f) => f.properties.magnitude),
      magnitudeUnit: mostCommon(data.events.features.map((f) => f.properties.magnitude_unit)),
      onChange: (next) => setHidden(next, true),
    });
    control.set(hidden);
    list = new FeatureList({ events: data.events.features, ranges: data.ranges.features, onChoose: choose });
    list.filter(isVisible);
    printed = new PrintExcerpts(data.events.features, data.ranges.features);
    printed.filter(isVisible);
    el.panelBody.replaceChildren(list.element, control.element, downloadsSection(base), printed.element);
    el.sheetHandle.querySelector('.count')!.textContent = `${data.events.features.length} events, ${data.ranges.features.length} ranges`;

    map.on('click', onClick);
    const hoverLayers = [...EVENT_LAYERS, ...RANGE_LAYERS];
    map.on('mousemove', (e) => {
      map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: hoverLayers }).length ? 'pointer' : '';
    });
    map.on('moveend', () => url.replace(state()));
    watchTheme((next) => {
      theme = next;
      applyBasemapTheme(map, theme);
      repaint(map, dataLayers(theme, hidden, selected, period));
    });
  }

  const ready = (async () => {
    const data = await loadData(base);
    performance.mark('atlas:data');
    showTimeline(data);
    // Fit as soon as the data is in, so that the basemap's tiles are those of the final view.
    if (!initial.view) fitToData(data);
    await parsed;
    performance.mark('atlas:style');
    say(data.problems.join(' '));
    if (data.problems.length) console.warn('Source Atlas data problems:\n' + data.problems.join('\n'));
    build(data);
    if (initial.selected) setSelected(initial.selected, false);
    url.replace(state());
    performance.mark('atlas:drawn');
    await nextIdle(map);
    performance.mark('atlas:ready'); // read by bench/page.ts
    outlines = addRegionOutlines(map, data.events, basemapUrl('admin1.geojson', base), hidden);
    outlines.select(selected);
  })().catch((err: Error) => {
    say(`The map could not start: ${err.message}`);
    throw err;
  });

  return { map, ready };
}
