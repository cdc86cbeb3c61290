/**
 * Outlines of imprecise events' places (regions, countries; outline.ts), drawn while an event is
 * hovered or selected.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { EventCollection } from '../contract';
import { EVENT_LAYERS, LAYER, REGION_SOURCE } from './ids';
import { outlineKey, placeOutlines, type RegionFeature } from './outline';
import * as s from './scales';
import { eventPlaces } from './source';
import { FADED } from './step-focus';

const LINE_OPACITY = 0.95;

/**
 * The outline of an imprecise event's place (its admin-1 region or its country, outline.ts), drawn
 * only while the event is hovered or selected. The regions file is large, so it is fetched after the
 * data is drawn, and only if an event names a region or a country. Call `select` with the selected
 * feature's id (or null); hovering is handled here.
 */
export interface PlaceOutlines {
  select(id: string | null): void;
  /** A story step's focus (null: none): the outlines of an event the step does not focus on are faded, as the event is. */
  focus(ids: ReadonlySet<string> | null): void;
  /** Resolves once the outlines are on the map (or there are none to add). */
  loaded: Promise<void>;
}

export function addRegionOutlines(
  map: MapLibreMap,
  events: EventCollection,
  regionsUrl: string,
  hidden: ReadonlySet<string>,
): PlaceOutlines {
  // Every imprecise place of an event is outlined while the event is hovered or selected.
  const keyOf = new Map<string, string[]>();
  for (const f of events.features) {
    const keys = eventPlaces(f).flatMap((p) => outlineKey(p) ?? []);
    if (keys.length) keyOf.set(f.properties.id, keys);
  }
  let selected: string | null = null;
  let hovered: string | null = null;
  let focus: ReadonlySet<string> | null = null;
  const update = () => {
    const shown = [selected, hovered].filter((id): id is string => id !== null);
    showPlaceOutlines(
      map,
      shown.flatMap((id) => keyOf.get(id) ?? []),
      focus && shown.filter((id) => focus?.has(id)).flatMap((id) => keyOf.get(id) ?? []),
    );
  };
  const loaded = (async () => {
    if (!keyOf.size || map.getSource(REGION_SOURCE)) return;
    const response = await fetch(regionsUrl);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const regions = ((await response.json()) as GeoJSON.FeatureCollection).features as RegionFeature[];
    addPlaceOutlines(map, placeOutlines(regions, [...keyOf.values()].flat()), hidden);
    map.on('mousemove', EVENT_LAYERS, (e) => {
      const id = (e.features?.[0]?.properties?.id as string | undefined) ?? null;
      if (id !== hovered) {
        hovered = id;
        update();
      }
    });
    map.on('mouseleave', EVENT_LAYERS, () => {
      hovered = null;
      update();
    });
    update();
  })().catch((err: Error) => console.warn(`Source Atlas: region outlines not drawn (${err.message})`));
  return {
    select(id) {
      selected = id;
      update();
    },
    focus(ids) {
      focus = ids;
      update();
    },
    loaded,
  };
}

function addPlaceOutlines(map: MapLibreMap, outlines: GeoJSON.FeatureCollection, hidden: ReadonlySet<string>): void {
  map.addSource(REGION_SOURCE, { type: 'geojson', data: outlines, tolerance: 0.5 });
  const visibility = hidden.has('events') ? 'none' : 'visible';
  const f = outlineFilters([]);
  // The fill is faint so the basemap's labels stay legible.
  const o = s.PLACE_OUTLINE;
  map.addLayer(
    {
      id: LAYER.eventRegionFill,
      type: 'fill',
      source: REGION_SOURCE,
      filter: f.area,
      layout: { visibility },
      paint: { 'fill-color': o.fill, 'fill-opacity': o.fillOpacity, 'fill-antialias': false },
    },
    LAYER.eventHalo,
  );
  map.addLayer(
    {
      id: LAYER.eventRegion,
      type: 'line',
      source: REGION_SOURCE,
      filter: f.line,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': o.line,
        'line-width': o.lineWidth,
        'line-opacity': LINE_OPACITY,
        'line-dasharray': [...o.dash],
      },
    },
    LAYER.eventHalo,
  );
}

function outlineFilters(keys: string[]): { area: ExpressionSpecification; line: ExpressionSpecification } {
  const wanted: ExpressionSpecification = ['in', ['get', 'key'], ['literal', keys]];
  return {
    area: ['all', ['==', ['get', 'kind'], 'area'], wanted],
    line: ['all', ['==', ['get', 'kind'], 'line'], wanted],
  };
}

/**
 * The outlines' opacity: their own, times FADED for the keys of events a story's step does not focus on
 * (`focused`: the keys of the shown events it does focus on; null: no step, nothing faded).
 */
export function outlineOpacity(focused: readonly string[] | null): {
  fill: DataDrivenPropertyValueSpecification<number>;
  line: DataDrivenPropertyValueSpecification<number>;
} {
  const o = s.PLACE_OUTLINE;
  if (!focused) return { fill: o.fillOpacity, line: LINE_OPACITY };
  const step = (own: number): ExpressionSpecification => [
    'case',
    ['in', ['get', 'key'], ['literal', [...focused]]],
    own,
    own * FADED,
  ];
  return { fill: step(o.fillOpacity), line: step(LINE_OPACITY) };
}

/** Shows the outlines of these keys (outline.ts `outlineKey`) and no other; in a step, `focused` as outlineOpacity says. */
export function showPlaceOutlines(map: MapLibreMap, keys: string[], focused: readonly string[] | null = null): void {
  if (!map.getLayer(LAYER.eventRegion)) return;
  const f = outlineFilters(keys);
  map.setFilter(LAYER.eventRegionFill, f.area);
  map.setFilter(LAYER.eventRegion, f.line);
  const opacity = outlineOpacity(focused);
  map.setPaintProperty(LAYER.eventRegionFill, 'fill-opacity', opacity.fill);
  map.setPaintProperty(LAYER.eventRegion, 'line-opacity', opacity.line);
}
