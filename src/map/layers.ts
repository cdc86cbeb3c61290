/**
 * The data layers: GeoJSON sources styled with expressions (no DOM marker per feature). Encodings come
 * from scales.ts. The sources carry only the properties the styles need; popups and the list read the
 * full features kept on the main thread.
 */
import type { ExpressionSpecification, GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { CLAIM_STATUSES, type EventCollection, type RangeCollection, type RangeProperties } from '../contract';
import { FONT } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import { bandOutline, outlineKey, placeOutlines, type RegionFeature } from './outline';
import { addPatterns } from './patterns';
import * as s from './scales';
import { periodFilter, timeProperties } from './period';
import type { Period } from './url-state';
import { eventFilter, rangeFilter } from './visibility';

/**
 * One GeoJSON source for all the data, features told apart by `kind`: on the globe every source
 * costs a tile load per visible tile, so one source draws much sooner than six.
 */
export const SOURCE = 'atlas-data';
/** Outlines of imprecise events' places (regions, countries), added after the data is drawn. */
export const REGION_SOURCE = 'atlas-regions';

type Kind = 'event' | 'range' | 'edge' | 'label' | 'origin';
const kindIs = (kind: Kind): ExpressionSpecification => ['==', ['get', 'kind'], kind];

export const LAYER = {
  rangeFill: 'atlas-range-fill',
  rangeHatch: 'atlas-range-hatch',
  rangeEdge: 'atlas-range-edge',
  rangeSelected: 'atlas-range-selected',
  rangeLabel: 'atlas-range-label',
  origin: 'atlas-range-origin',
  originLabel: 'atlas-range-origin-label',
  eventRegion: 'atlas-event-region',
  eventRegionFill: 'atlas-event-region-fill',
  eventHalo: 'atlas-event-halo',
  eventMarker: 'atlas-event-marker',
  eventPattern: 'atlas-event-pattern',
  eventSelected: 'atlas-event-selected',
} as const;

/** Layers whose features a click can open. */
export const EVENT_LAYERS = [LAYER.eventMarker, LAYER.eventHalo];
export const RANGE_LAYERS = [LAYER.rangeFill, LAYER.rangeEdge];
/** Every layer belonging to each switch of the layer control. */
export const GROUP_LAYERS = {
  events: [LAYER.eventRegionFill, LAYER.eventRegion, LAYER.eventHalo, LAYER.eventMarker, LAYER.eventPattern, LAYER.eventSelected],
  ranges: [LAYER.rangeFill, LAYER.rangeHatch, LAYER.rangeEdge, LAYER.rangeSelected, LAYER.rangeLabel, LAYER.origin, LAYER.originLabel],
} as const;

function leanEvents(events: EventCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: events.features.map((f) => {
      const { id, type, status, precision, magnitude, admin1 } = f.properties;
      return { type: 'Feature', geometry: f.geometry, properties: { kind: 'event', id, type, colour: s.colourOfType(type), status, precision, magnitude, admin1, ...timeProperties(f.properties) } };
    }),
  };
}

function leanRanges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.map((f) => {
      const { id, status, basis } = f.properties;
      return { type: 'Feature', geometry: f.geometry, properties: { kind: 'range', id, status, basis, label: mapLabel(f.properties) } };
    }),
  };
}

/** A band's label on the map; conflicting claims say so (scales.CONFLICT). */
export function mapLabel(p: Pick<RangeProperties, 'label' | 'conflicts_with'>): string {
  return p.conflicts_with?.length ? `${p.label} — ${s.CONFLICT.mapNote}` : p.label;
}

/** Band edges as lines, without the cut edges along ±180 and the poles (outline.ts). */
function edges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.map((f) => {
      const { id, status, basis } = f.properties;
      return { type: 'Feature', geometry: bandOutline(f.geometry), properties: { kind: 'edge', id, status, basis, label: mapLabel(f.properties) } };
    }),
  };
}

/**
 * Where a band's label goes: the southern, eastern and western extremes of its edge (the north is
 * often at the pole), so that one is usually on screen. Point labels cost far less to lay out than
 * labels along a ring that spans half the globe.
 */
export function labelPoints(lines: number[][][]): number[][] {
  const points = lines.flat();
  if (!points.length) return [];
  const by = (f: (p: number[]) => number) => points.reduce((best, p) => (f(p) < f(best) ? p : best));
  const picks = [by((p) => p[1]), by((p) => -p[0]), by((p) => p[0])];
  return [...new Map(picks.map((p) => [p.join(','), p])).values()];
}

function labels(edgeCollection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: edgeCollection.features.flatMap((f) =>
      labelPoints((f.geometry as GeoJSON.MultiLineString).coordinates).map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: p },
        properties: { ...f.properties, kind: 'label' },
      })),
    ),
  };
}

function origins(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.flatMap((f) => {
      const { id, status, basis, origin, origin_place } = f.properties;
      return origin ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: origin }, properties: { kind: 'origin', id, status, basis, origin_place } }] : [];
    }),
  };
}

const imprecise: ExpressionSpecification = ['>=', ['get', 'precision'], s.IMPRECISE_FROM];
const hatchedBands = CLAIM_STATUSES.filter((st) => s.STATUS_STYLE[st].bandPattern === 'hatch');

/** Each layer's filter: its kind of feature, less what the reader has hidden, not selected, or outside the period. */
function filters(hidden: ReadonlySet<string>, selected: string | null, period: Period | null = null): Record<string, ExpressionSpecification> {
  const ev: ExpressionSpecification = ['all', eventFilter(hidden), periodFilter(period)];
  const rg = rangeFilter(hidden);
  const isSelected: ExpressionSpecification = ['==', ['get', 'id'], selected ?? ''];
  return {
    [LAYER.rangeFill]: ['all', kindIs('range'), rg],
    [LAYER.rangeHatch]: ['all', kindIs('range'), rg, ['in', ['get', 'status'], ['literal', hatchedBands]]],
    [LAYER.rangeEdge]: ['all', kindIs('edge'), rg],
    [LAYER.rangeSelected]: ['all', kindIs('edge'), isSelected],
    [LAYER.eventHalo]: ['all', kindIs('event'), ev, imprecise],
    [LAYER.eventMarker]: ['all', kindIs('event'), ev],
    [LAYER.eventPattern]: ['all', kindIs('event'), ev, ['in', ['get', 'status'], ['literal', s.PATTERNED_STATUSES]]],
    [LAYER.eventSelected]: ['all', kindIs('event'), isSelected],
    [LAYER.origin]: ['all', kindIs('origin'), rg],
    [LAYER.originLabel]: ['all', kindIs('origin'), rg],
    [LAYER.rangeLabel]: ['all', kindIs('label'), rg],
  };
}

/** Layers of a switched-off group start hidden, as applyHidden hides them later (a shared link with `hide=ranges`). */
function withGroupVisibility(layers: LayerSpecification[], hidden: ReadonlySet<string>): LayerSpecification[] {
  const off = new Set<string>([...(hidden.has('events') ? GROUP_LAYERS.events : []), ...(hidden.has('ranges') ? GROUP_LAYERS.ranges : [])]);
  return layers.map((l) => (off.has(l.id) ? ({ ...l, layout: { ...(l.layout ?? {}), visibility: 'none' } } as LayerSpecification) : l));
}

export function dataLayers(theme: Theme, hidden: ReadonlySet<string>, selected: string | null = null, period: Period | null = null): LayerSpecification[] {
  const c = s.CONTRAST[theme];
  const f = filters(hidden, selected, period);
  const layers: LayerSpecification[] = [
    {
      id: LAYER.rangeFill,
      type: 'fill',
      source: SOURCE,
      filter: f[LAYER.rangeFill],
      // No antialiased outline: the edge layer draws the edge, and on the globe outlines cost time.
      paint: { 'fill-color': s.rangeColourExpression(theme), 'fill-opacity': s.statusExpression('bandFill'), 'fill-antialias': false },
    },
    {
      id: LAYER.rangeHatch,
      type: 'fill',
      source: SOURCE,
      filter: f[LAYER.rangeHatch],
      paint: { 'fill-pattern': s.bandHatchImage(theme), 'fill-antialias': false },
    },
    {
      id: LAYER.rangeEdge,
      type: 'line',
      source: SOURCE,
      filter: f[LAYER.rangeEdge],
      layout: { 'line-cap': s.basisCapExpression(), 'line-join': 'round' },
      paint: {
        'line-color': s.rangeColourExpression(theme),
        'line-opacity': s.statusExpression('bandEdge'),
        'line-width': 1.8,
        'line-dasharray': s.basisDashExpression(),
      },
    },
    {
      id: LAYER.rangeSelected,
      type: 'line',
      source: SOURCE,
      filter: f[LAYER.rangeSelected],
      paint: { 'line-color': s.rangeColourExpression(theme), 'line-width': 4, 'line-opacity': 0.9 },
    },
    {
      id: LAYER.eventHalo,
      type: 'circle',
      source: SOURCE,
      filter: f[LAYER.eventHalo],
      paint: {
        'circle-radius': s.haloRadiusExpression(),
        'circle-color': s.typeColourExpression(),
        'circle-opacity': ['*', 0.35, s.statusExpression('markerFill')],
        'circle-blur': 0.7,
      },
    },
    {
      id: LAYER.eventMarker,
      type: 'circle',
      source: SOURCE,
      filter: f[LAYER.eventMarker],
      paint: {
        'circle-radius': s.markerRadiusExpression(),
        'circle-color': s.typeColourExpression(),
        'circle-opacity': s.statusExpression('markerFill'),
        // Imprecise places get a soft edge: never a crisp pin (soft enough that the status still reads).
        'circle-blur': ['case', imprecise, 0.25, 0],
        'circle-stroke-color': s.markerStrokeExpression(theme),
        'circle-stroke-width': s.markerStrokeWidthExpression(),
        'circle-stroke-opacity': ['case', imprecise, 0.8, 1],
      },
    },
    {
      // Hatched and dashed statuses: an icon drawn over the marker (patterns.ts makes it on demand).
      id: LAYER.eventPattern,
      type: 'symbol',
      source: SOURCE,
      filter: f[LAYER.eventPattern],
      layout: {
        'icon-image': s.markerPatternExpression(),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'viewport',
      },
      paint: { 'icon-opacity': ['case', imprecise, 0.85, 1] },
    },
    {
      id: LAYER.eventSelected,
      type: 'circle',
      source: SOURCE,
      filter: f[LAYER.eventSelected],
      paint: {
        'circle-radius': ['+', 5, s.markerRadiusExpression()],
        'circle-opacity': 0,
        'circle-stroke-color': c.heavy,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: LAYER.origin,
      type: 'circle',
      source: SOURCE,
      filter: f[LAYER.origin],
      paint: {
        'circle-radius': 4.5,
        'circle-color': c.stroke,
        'circle-stroke-color': s.rangeColourExpression(theme),
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: LAYER.originLabel,
      type: 'symbol',
      source: SOURCE,
      filter: f[LAYER.originLabel],
      layout: {
        'text-field': ['get', 'origin_place'],
        'text-font': [...FONT.regular],
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.7],
      },
      paint: { 'text-color': s.rangeColourExpression(theme), 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
    },
    {
      id: LAYER.rangeLabel,
      type: 'symbol',
      source: SOURCE,
      filter: f[LAYER.rangeLabel],
      layout: {
        'text-field': ['get', 'label'],
        'text-max-width': 14,
        'text-font': [...FONT.regular], // one face: a second weight costs a download and rasterizing
        'text-size': 12,
      },
      paint: { 'text-color': s.rangeColourExpression(theme), 'text-halo-color': c.halo, 'text-halo-width': 1.6 },
    },
  ];
  return withGroupVisibility(layers, hidden);
}

/** The data as one collection of features of each kind (see SOURCE). */
export function dataCollection(events: EventCollection, ranges: RangeCollection): GeoJSON.FeatureCollection {
  const edgeCollection = edges(ranges);
  return {
    type: 'FeatureCollection',
    features: [
      ...leanRanges(ranges).features,
      ...edgeCollection.features,
      ...labels(edgeCollection).features,
      ...origins(ranges).features,
      ...leanEvents(events).features,
    ],
  };
}

/** Layers drawn under the basemap's labels and borders (bands); the others go on top. */
export const UNDER_LABELS = new Set<string>([LAYER.rangeFill, LAYER.rangeHatch, LAYER.rangeEdge, LAYER.rangeSelected]);

/** The data source, empty: it is part of the style from the start, and filled by setDataCollection. */
export function emptyDataSource(): GeoJSONSourceSpecification {
  // buffer (1/512 of a tile): enough for the widest halo (46 px), less than the default 128.
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.6, buffer: 64 };
}

/**
 * The pattern images (patterns.ts) that the data layers will ask for in a theme: each patterned
 * marker's, and the band hatch, which MapLibre asks for whenever the layer is there (it is constant).
 */
export function patternIds(events: EventCollection, theme: Theme): string[] {
  const ids = new Set<string>([s.bandHatchImage(theme)]);
  for (const f of events.features) {
    const id = s.markerPatternId(f.properties);
    if (id) ids.add(id);
  }
  return [...ids];
}

/**
 * Fills the data source; until this runs the data layers draw nothing. The pattern images go in first:
 * a tile laid out before its image exists is laid out again once the image is added.
 */
export function setDataCollection(map: MapLibreMap, events: EventCollection, ranges: RangeCollection, theme: Theme): void {
  addPatterns(map, patternIds(events, theme));
  (map.getSource(SOURCE) as GeoJSONSource).setData(dataCollection(events, ranges));
}

/**
 * The outline of an imprecise event's place (its admin-1 region or its country, outline.ts), drawn
 * only while the event is hovered or selected. The regions file is large, so it is fetched after the
 * data is drawn, and only if an event names a region or a country. Call `select` with the selected
 * feature's id (or null); hovering is handled here.
 */
export interface PlaceOutlines {
  select(id: string | null): void;
  /** Resolves once the outlines are on the map (or there are none to add). */
  loaded: Promise<void>;
}

export function addRegionOutlines(map: MapLibreMap, events: EventCollection, regionsUrl: string, hidden: ReadonlySet<string>): PlaceOutlines {
  const keyOf = new Map<string, string>();
  for (const f of events.features) {
    const key = outlineKey(f.properties);
    if (key) keyOf.set(f.properties.id, key);
  }
  let selected: string | null = null;
  let hovered: string | null = null;
  const update = () => showPlaceOutlines(map, [selected, hovered].flatMap((id) => (id && keyOf.has(id) ? [keyOf.get(id) as string] : [])));
  const loaded = (async () => {
    if (!keyOf.size || map.getSource(REGION_SOURCE)) return;
    const response = await fetch(regionsUrl);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const regions = ((await response.json()) as GeoJSON.FeatureCollection).features as RegionFeature[];
    addPlaceOutlines(map, placeOutlines(regions, keyOf.values()), hidden);
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
    loaded,
  };
}

function addPlaceOutlines(map: MapLibreMap, outlines: GeoJSON.FeatureCollection, hidden: ReadonlySet<string>): void {
  map.addSource(REGION_SOURCE, { type: 'geojson', data: outlines, tolerance: 0.5 });
  const visibility = hidden.has('events') ? 'none' : 'visible';
  const f = outlineFilters([]);
  // The fill is faint so the basemap's labels stay legible.
  const o = s.PLACE_OUTLINE;
  map.addLayer({ id: LAYER.eventRegionFill, type: 'fill', source: REGION_SOURCE, filter: f.area, layout: { visibility }, paint: { 'fill-color': o.fill, 'fill-opacity': o.fillOpacity, 'fill-antialias': false } }, LAYER.eventHalo);
  map.addLayer({ id: LAYER.eventRegion, type: 'line', source: REGION_SOURCE, filter: f.line, layout: { visibility, 'line-join': 'round' }, paint: { 'line-color': o.line, 'line-width': o.lineWidth, 'line-opacity': 0.95, 'line-dasharray': [...o.dash] } }, LAYER.eventHalo);
}

function outlineFilters(keys: string[]): { area: ExpressionSpecification; line: ExpressionSpecification } {
  const wanted: ExpressionSpecification = ['in', ['get', 'key'], ['literal', keys]];
  return { area: ['all', ['==', ['get', 'kind'], 'area'], wanted], line: ['all', ['==', ['get', 'kind'], 'line'], wanted] };
}

/** Shows the outlines of these keys (outline.ts `outlineKey`) and no other. */
export function showPlaceOutlines(map: MapLibreMap, keys: string[]): void {
  if (!map.getLayer(LAYER.eventRegion)) return;
  const f = outlineFilters(keys);
  map.setFilter(LAYER.eventRegionFill, f.area);
  map.setFilter(LAYER.eventRegion, f.line);
}

export function applyHidden(map: MapLibreMap, hidden: ReadonlySet<string>, selected: string | null, period: Period | null = null): void {
  for (const group of ['events', 'ranges'] as const) {
    for (const id of GROUP_LAYERS[group]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', hidden.has(group) ? 'none' : 'visible');
  }
  for (const [id, filter] of Object.entries(filters(hidden, selected, period))) map.setFilter(id, filter);
}

export function applySelected(map: MapLibreMap, hidden: ReadonlySet<string>, selected: string | null): void {
  const f = filters(hidden, selected);
  map.setFilter(LAYER.eventSelected, f[LAYER.eventSelected]);
  map.setFilter(LAYER.rangeSelected, f[LAYER.rangeSelected]);
}
