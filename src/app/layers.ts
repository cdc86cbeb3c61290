/**
 * The data layers: GeoJSON sources styled with expressions (no DOM marker per feature). Encodings come
 * from scales.ts. The sources carry only the properties the styles need; popups and the list read the
 * full features kept on the main thread.
 */
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { EventCollection, RangeCollection } from '../contract';
import { BASEMAP_LABELS_BELOW } from '../basemap/style';
import { FONT } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import * as s from './scales';
import { eventFilter, rangeFilter } from './visibility';

export const SOURCE = { events: 'atlas-events', ranges: 'atlas-ranges', edges: 'atlas-range-edges', origins: 'atlas-range-origins', regions: 'atlas-regions' } as const;

/** Latitude (degrees) beyond which a ring vertex is taken as a pole closure, not a real edge. */
const POLE_LAT = 85;

export const LAYER = {
  rangeFill: 'atlas-range-fill',
  rangeEdge: 'atlas-range-edge',
  rangeSelected: 'atlas-range-selected',
  rangeLabel: 'atlas-range-label',
  origin: 'atlas-range-origin',
  originLabel: 'atlas-range-origin-label',
  eventRegion: 'atlas-event-region',
  eventHalo: 'atlas-event-halo',
  eventMarker: 'atlas-event-marker',
  eventSelected: 'atlas-event-selected',
} as const;

/** Layers whose features a click can open. */
export const EVENT_LAYERS = [LAYER.eventMarker, LAYER.eventHalo];
export const RANGE_LAYERS = [LAYER.rangeFill, LAYER.rangeEdge];
/** Every layer belonging to each switch of the layer control. */
export const GROUP_LAYERS = {
  events: [LAYER.eventRegion, LAYER.eventHalo, LAYER.eventMarker, LAYER.eventSelected],
  ranges: [LAYER.rangeFill, LAYER.rangeEdge, LAYER.rangeSelected, LAYER.rangeLabel, LAYER.origin, LAYER.originLabel],
} as const;

function leanEvents(events: EventCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: events.features.map((f) => {
      const { id, type, status, precision, magnitude, admin1 } = f.properties;
      return { type: 'Feature', geometry: f.geometry, properties: { id, type, status, precision, magnitude, admin1 } };
    }),
  };
}

function leanRanges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.map((f) => {
      const { id, status, basis, label } = f.properties;
      return { type: 'Feature', geometry: f.geometry, properties: { id, status, basis, label } };
    }),
  };
}

/**
 * Band edges as lines, without the segments that close a pole-enclosing ring along the pole (they
 * are not part of the band's edge and would draw a small circle around the pole).
 */
export function edgeLines(rings: number[][][]): number[][][] {
  const lines: number[][][] = [];
  for (const ring of rings) {
    let line: number[][] = [];
    for (const p of ring) {
      if (Math.abs(p[1]) >= POLE_LAT) {
        if (line.length > 1) lines.push(line);
        line = [];
      } else line.push(p);
    }
    if (line.length > 1) lines.push(line);
  }
  return lines;
}

function edges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.map((f) => {
      const { id, status, basis, label } = f.properties;
      const g = f.geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      return { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: edgeLines(rings) }, properties: { id, status, basis, label } };
    }),
  };
}

function origins(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.flatMap((f) => {
      const { id, status, basis, origin, origin_place } = f.properties;
      return origin ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: origin }, properties: { id, status, basis, origin_place } }] : [];
    }),
  };
}

const SELECTED_NONE: FilterSpecification = ['==', ['get', 'id'], ''];

export function dataLayers(theme: Theme, hidden: ReadonlySet<string>): LayerSpecification[] {
  const c = s.CONTRAST[theme];
  const ev = eventFilter(hidden);
  const rg = rangeFilter(hidden);
  const imprecise: FilterSpecification = ['>=', ['get', 'precision'], s.IMPRECISE_FROM];
  return [
    {
      id: LAYER.rangeFill,
      type: 'fill',
      source: SOURCE.ranges,
      filter: rg,
      paint: { 'fill-color': s.rangeColourExpression(theme), 'fill-opacity': s.statusExpression('bandFill') },
    },
    {
      id: LAYER.rangeEdge,
      type: 'line',
      source: SOURCE.edges,
      filter: rg,
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
      source: SOURCE.edges,
      filter: SELECTED_NONE,
      paint: { 'line-color': s.rangeColourExpression(theme), 'line-width': 4, 'line-opacity': 0.9 },
    },
    {
      id: LAYER.eventRegion,
      type: 'line',
      source: SOURCE.regions,
      // Filled in once the regions load (see addRegionOutlines): region codes of imprecise events.
      filter: ['in', ['get', 'code'], ['literal', []]],
      paint: { 'line-color': c.heavy, 'line-width': 1.2, 'line-opacity': 0.55, 'line-dasharray': [2, 2] },
    },
    {
      id: LAYER.eventHalo,
      type: 'circle',
      source: SOURCE.events,
      filter: ['all', ev, imprecise],
      paint: {
        'circle-radius': s.haloRadiusExpression(),
        'circle-color': s.typeColourExpression(),
        'circle-opacity': ['*', 0.35, s.statusExpression('markerFill')],
        'circle-blur': 0.7,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: LAYER.eventMarker,
      type: 'circle',
      source: SOURCE.events,
      filter: ev,
      paint: {
        'circle-radius': s.markerRadiusExpression(),
        'circle-color': s.typeColourExpression(),
        'circle-opacity': s.statusExpression('markerFill'),
        // Imprecise places get a soft edge: never a crisp pin.
        'circle-blur': ['case', imprecise, 0.45, 0],
        'circle-stroke-color': s.markerStrokeExpression(theme),
        'circle-stroke-width': s.markerStrokeWidthExpression(),
        'circle-stroke-opacity': ['case', imprecise, 0.35, 1],
      },
    },
    {
      id: LAYER.eventSelected,
      type: 'circle',
      source: SOURCE.events,
      filter: SELECTED_NONE,
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
      source: SOURCE.origins,
      filter: rg,
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
      source: SOURCE.origins,
      filter: rg,
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
      source: SOURCE.edges,
      filter: rg,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 500,
        'text-field': ['get', 'label'],
        'text-font': [...FONT.semibold],
        'text-size': 12,
        'text-offset': [0, -0.8],
        'text-max-angle': 30,
      },
      paint: { 'text-color': s.rangeColourExpression(theme), 'text-halo-color': c.halo, 'text-halo-width': 1.6 },
    },
  ];
}

/** Adds sources and layers: bands under the basemap labels, events and range labels on top. */
export function addDataLayers(map: MapLibreMap, events: EventCollection, ranges: RangeCollection, theme: Theme, hidden: ReadonlySet<string>): void {
  map.addSource(SOURCE.events, { type: 'geojson', data: leanEvents(events) });
  map.addSource(SOURCE.ranges, { type: 'geojson', data: leanRanges(ranges), tolerance: 0.6 });
  map.addSource(SOURCE.edges, { type: 'geojson', data: edges(ranges), tolerance: 0.6 });
  map.addSource(SOURCE.origins, { type: 'geojson', data: origins(ranges) });
  map.addSource(SOURCE.regions, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const below = map.getLayer(BASEMAP_LABELS_BELOW) ? BASEMAP_LABELS_BELOW : undefined;
  for (const layer of dataLayers(theme, hidden)) {
    const underLabels = layer.id === LAYER.rangeFill || layer.id === LAYER.rangeEdge || layer.id === LAYER.rangeSelected;
    map.addLayer(layer, underLabels ? below : undefined);
  }
}

/**
 * Outlines the admin-1 regions of imprecise events (issue 6 refines this). The regions file is large,
 * so it is fetched only after the data is drawn, and only if an event names a region.
 */
export function addRegionOutlines(map: MapLibreMap, events: EventCollection, regionsUrl: string): void {
  const codes = [...new Set(events.features.filter((f) => f.properties.precision >= s.IMPRECISE_FROM && f.properties.admin1).map((f) => f.properties.admin1 as string))];
  if (!codes.length) return;
  map.setFilter(LAYER.eventRegion, ['in', ['get', 'code'], ['literal', codes]]);
  (map.getSource(SOURCE.regions) as GeoJSONSource).setData(regionsUrl);
}

export function applyHidden(map: MapLibreMap, hidden: ReadonlySet<string>): void {
  for (const group of ['events', 'ranges'] as const) {
    for (const id of GROUP_LAYERS[group]) map.setLayoutProperty(id, 'visibility', hidden.has(group) ? 'none' : 'visible');
  }
  const ev = eventFilter(hidden);
  const rg = rangeFilter(hidden);
  map.setFilter(LAYER.eventMarker, ev);
  map.setFilter(LAYER.eventHalo, ['all', ev, ['>=', ['get', 'precision'], s.IMPRECISE_FROM]]);
  for (const id of [LAYER.rangeFill, LAYER.rangeEdge, LAYER.rangeLabel, LAYER.origin, LAYER.originLabel]) map.setFilter(id, rg);
}

export function applySelected(map: MapLibreMap, id: string | null): void {
  const filter: FilterSpecification = ['==', ['get', 'id'], id ?? ''];
  map.setFilter(LAYER.eventSelected, filter);
  map.setFilter(LAYER.rangeSelected, filter);
}
