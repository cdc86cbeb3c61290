/**
 * The map for an article: the app's map, layers, popups and layer control (compact), without the
 * list, sheet or masthead. Gestures cooperate with the page (one finger and the wheel scroll the
 * article; two fingers or Ctrl/⌘ + wheel move the map). The URL chooses view, layers and selection
 * once; after that the state lives in the "Open the full map" link, never in the host's history.
 */
import { LngLatBounds, Popup, type LngLatLike, type MapMouseEvent } from 'maplibre-gl';
import type { EventFeature, RangeFeature } from '../contract';
import type { Atlas } from '../app/atlas';
import { loadDetailWhenZoomed } from '../basemap/lazy';
import { currentTheme, type Theme } from '../basemap/palette';
import { applyBasemapTheme, repaint, watchTheme } from '../basemap/theme';
import { basemapUrl } from '../basemap/style';
import { loadData, type AtlasData } from '../map/data';
import { LayerControl } from '../map/layer-control';
import { EVENT_LAYERS, RANGE_LAYERS, SOURCE, UNDER_LABELS } from '../map/ids';
import { applyHidden, applySelected } from '../map/filters';
import { dataLayers } from '../map/layers';
import { addRegionOutlines } from '../map/place-outlines';
import { emptyDataSource, setDataCollection } from '../map/source';
import { createMap, nextIdle, styleParsed } from '../map/map';
import { installPatterns } from '../map/patterns';
import { DEFAULT_PROJECTION, ProjectionControl, applyProjection } from '../map/projection';
import { chooser, eventPopup, rangePopup, type ChoiceItem } from '../map/popup';
import { colourOfType, registerTypes, typeLabel } from '../map/scales';
import { inPeriod } from '../map/period';
import type { AppState, Projection } from '../map/url-state';
import { isEventVisible, isRangeVisible, token } from '../map/visibility';
import { formatDate } from '../map/format';
import { appUrl, type EmbedParams } from '../share/params';
import { NARROW } from '../share/size';
import { showDetailIn } from '../map/detail';

export interface EmbedElements {
  map: HTMLElement;
  /** Where a narrow embed shows the selected feature (under the map). */
  detail: HTMLElement;
  /** Holds the compact layer control. */
  controls: HTMLElement;
  /** "Open the full map": kept pointing at the current view. */
  fullMap: HTMLAnchorElement;
  status: HTMLElement;
}

type Item = { kind: 'event'; feature: EventFeature } | { kind: 'range'; feature: RangeFeature };

export function startEmbed(el: EmbedElements, params: EmbedParams): Atlas {
  const base = import.meta.env.BASE_URL;
  const site = new URL(base, location.href).href;
  let theme: Theme = currentTheme();
  let hidden = new Set(params.state.hidden);
  // A period from the URL (t=FROM/TO) filters events as in the app; the embed has no timeline to change it.
  const period = params.state.period ?? null;
  let projection: Projection = params.state.projection ?? DEFAULT_PROJECTION;
  let selected: string | null = null;
  const items = new Map<string, Item>();
  let control: LayerControl | null = null;

  const label = `${params.title ? `${params.title}: map` : 'Map'} of events and weapon ranges; open the full map for the same information as a list`;
  const map = createMap(el.map, params.state.view, theme, {
    sources: { [SOURCE]: emptyDataSource() },
    layers: dataLayers(theme, hidden, null, period),
    underLabels: UNDER_LABELS,
  }, { cooperativeGestures: true, label, projection });
  // Flat map or globe, as in the app (long ranges read better on the globe).
  const projectionControl: ProjectionControl = new ProjectionControl(projection, (next) => {
    projection = next;
    applyProjection(map, next);
    projectionControl.set(next);
    updateLink();
  });
  map.addControl(projectionControl, 'top-right');
  const parsed = styleParsed(map);
  installPatterns(map);
  loadDetailWhenZoomed(map, base);
  const popup = new Popup({ maxWidth: 'min(340px, calc(100vw - 24px))', focusAfterOpen: false, closeOnClick: false, className: 'atlas-popup' });
  let replacing = false;
  popup.on('close', () => {
    if (!replacing && selected) setSelected(null);
  });

  const say = (message: string) => {
    el.status.textContent = message;
    el.status.hidden = !message;
  };

  function state(): AppState {
    const c = map.getCenter();
    return { ...params.state, view: { center: [c.lng, c.lat], zoom: map.getZoom() }, hidden: [...hidden], selected, projection };
  }

  const updateLink = () => {
    el.fullMap.href = appUrl(site, state());
  };

  const isVisible = (id: string) => {
    const item = items.get(id);
    if (!item) return false;
    return item.kind === 'event' ? isEventVisible(item.feature.properties, hidden) && inPeriod(item.feature.properties, period) : isRangeVisible(item.feature.properties, hidden);
  };

  function anchorOf(item: Item): [number, number] {
    if (item.kind === 'event') return item.feature.geometry.coordinates as [number, number];
    if (item.feature.properties.origin) return item.feature.properties.origin;
    const bounds = new LngLatBounds();
    const g = item.feature.geometry;
    for (const ring of g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0])) for (const p of ring) bounds.extend(p as [number, number]);
    return bounds.getCenter().toArray() as [number, number];
  }

  function closePopup(): void {
    replacing = true;
    popup.remove();
    replacing = false;
  }

  function showPopup(content: HTMLElement, at: LngLatLike): void {
    closePopup();
    content.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        popup.remove();
        map.getCanvas().focus();
      }
    });
    popup.setLngLat(at).setDOMContent(content).addTo(map);
    // A popup taller than the room around its point would be cut off by the map's edge: under the map instead.
    const box = popup.getElement()?.getBoundingClientRect();
    const frame = el.map.getBoundingClientRect();
    if (box && (box.top < frame.top - 1 || box.bottom > frame.bottom + 1 || box.left < frame.left - 1 || box.right > frame.right + 1)) {
      closePopup();
      showDetail(content);
    }
  }

  /** Details under the map, where a popup has no room (narrow frames, long popups): the frame grows to show them. */
  function showDetail(content: HTMLElement | null): void {
    showDetailIn(el.detail, content, () => {
      setSelected(null);
      map.getCanvas().focus();
    });
  }

  function setSelected(id: string | null, at?: LngLatLike): void {
    const item = id ? items.get(id) : undefined;
    selected = item && isVisible(id as string) ? (id as string) : null;
    applySelected(map, hidden, selected);
    if (popup.isOpen()) closePopup();
    showDetail(null);
    if (item && selected) {
      const content = item.kind === 'event' ? eventPopup(item.feature.properties) : rangePopup(item.feature.properties);
      if (el.map.clientWidth < NARROW) showDetail(content);
      else showPopup(content, at ?? anchorOf(item));
    }
    updateLink();
  }

  function chooserItem(id: string): ChoiceItem {
    const item = items.get(id) as Item;
    if (item.kind === 'event') {
      const p = item.feature.properties;
      return { id, colour: colourOfType(p.type), label: `${typeLabel(p.type)}, ${p.place}, ${formatDate(p.date)}` };
    }
    return { id, colour: `var(--range-${item.feature.properties.status})`, label: item.feature.properties.label };
  }

  function onClick(e: MapMouseEvent): void {
    const pad = 6; // px: slack for fingers and small markers
    const box: [[number, number], [number, number]] = [[e.point.x - pad, e.point.y - pad], [e.point.x + pad, e.point.y + pad]];
    // Markers win over the (large) bands beneath them; overlapping features offer a choice.
    let hits = map.queryRenderedFeatures(box, { layers: EVENT_LAYERS });
    if (!hits.length) hits = map.queryRenderedFeatures(e.point, { layers: RANGE_LAYERS });
    const ids = [...new Set(hits.map((f) => f.properties?.id as string))].filter((id) => items.has(id));
    const at = (id: string) => ((items.get(id) as Item).kind === 'event' ? undefined : e.lngLat);
    if (ids.length === 0) {
      if (selected) setSelected(null);
    } else if (ids.length === 1) setSelected(ids[0], at(ids[0]));
    else if (el.map.clientWidth < NARROW) showDetail(chooser(ids.map(chooserItem), (id) => setSelected(id, at(id))));
    else showPopup(chooser(ids.map(chooserItem), (id) => setSelected(id, at(id))), e.lngLat);
  }

  function setHidden(next: Set<string>): void {
    hidden = next;
    applyHidden(map, hidden, selected, period);
    control?.set(hidden);
    if (selected && !isVisible(selected)) setSelected(null);
    updateLink();
  }

  function fitToData(data: AtlasData): void {
    const bounds = new LngLatBounds();
    for (const f of data.events.features) bounds.extend(f.geometry.coordinates as [number, number]);
    for (const f of data.ranges.features) if (f.properties.origin) bounds.extend(f.properties.origin);
    if (bounds.isEmpty()) return;
    // A small frame keeps proportionally small margins.
    const pad = Math.round(Math.min(100, el.map.clientWidth * 0.1, el.map.clientHeight * 0.15));
    map.fitBounds(bounds, { padding: { top: pad, bottom: pad, left: pad, right: pad + 30 }, maxZoom: 6, duration: 0 });
  }

  function build(data: AtlasData): void {
    for (const f of data.events.features) items.set(f.properties.id, { kind: 'event', feature: f });
    for (const f of data.ranges.features) items.set(f.properties.id, { kind: 'range', feature: f });
    const types = registerTypes(data.events.features.map((f) => f.properties.type));
    setDataCollection(map, data.events, data.ranges, theme);
    const counts = new Map<string, number>([['events', data.events.features.length], ['ranges', data.ranges.features.length]]);
    for (const f of data.events.features) {
      const t = token('type', f.properties.type);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    control = new LayerControl({ types, counts, magnitudes: [], magnitudeUnit: null, compact: true, onChange: (next) => setHidden(next) });
    control.set(hidden);
    el.controls.replaceChildren(control.element);

    map.on('click', onClick);
    const hoverLayers = [...EVENT_LAYERS, ...RANGE_LAYERS];
    map.on('mousemove', (e) => {
      map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: hoverLayers }).length ? 'pointer' : '';
    });
    map.on('moveend', updateLink);
    watchTheme((next) => {
      theme = next;
      applyBasemapTheme(map, theme);
      repaint(map, dataLayers(theme, hidden, selected, period));
    });
  }

  const ready = (async () => {
    const data = await loadData(base);
    if (!params.state.view) fitToData(data);
    await parsed;
    say(data.problems.join(' '));
    if (data.problems.length) console.warn('Source Atlas data problems:\n' + data.problems.join('\n'));
    build(data);
    if (params.state.selected) setSelected(params.state.selected);
    updateLink();
    await nextIdle(map);
    // A narrow frame starts with the attribution folded to its (i) button: expanded, it covers the map's foot.
    if (el.map.clientWidth < NARROW) el.map.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    addRegionOutlines(map, data.events, basemapUrl('admin1.geojson', base), hidden);
  })().catch((err: Error) => {
    say(`The map could not start: ${err.message}`);
    throw err;
  });

  return { map, ready };
}
