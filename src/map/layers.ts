/**
 * The data layers' specs: one GeoJSON source (source.ts) styled with expressions (no DOM marker per
 * feature). Encodings come from scales.ts, filters from filters.ts, names from ids.ts.
 */

import type { LayerSpecification } from 'maplibre-gl';
import { FONT } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import { clusterRadius, countLabel, visibleCount } from './cluster-count';
import { filters, imprecise } from './filters';
import { BAND_LABEL_SOURCE, EVENT_SOURCE, FADED_LABELS, GROUP_LAYERS, LAYER, SOURCE } from './ids';
import { FADED } from './step-focus';
import type { Period } from './url-state';
import * as s from './scales';

/** The origin ring's outer radius, px: its circle and its stroke (the footprint a step's faded labels keep clear of). */
export const ORIGIN_RING_RADIUS = 7;

/** Layers of a switched-off group start hidden, as applyHidden hides them later (a shared link with `hide=ranges`). */
function withGroupVisibility(layers: LayerSpecification[], hidden: ReadonlySet<string>): LayerSpecification[] {
  const off = new Set<string>([
    ...(hidden.has('events') ? GROUP_LAYERS.events : []),
    ...(hidden.has('ranges') ? GROUP_LAYERS.ranges : []),
  ]);
  return layers.map((l) =>
    off.has(l.id) ? ({ ...l, layout: { ...(l.layout ?? {}), visibility: 'none' } } as LayerSpecification) : l,
  );
}

export function dataLayers(
  theme: Theme,
  hidden: ReadonlySet<string>,
  selected: string | null = null,
  period: Period | null = null,
): LayerSpecification[] {
  const c = s.CONTRAST[theme];
  const f = filters(hidden, selected, period);
  /**
   * Each event's place name beside its marker, in the bundled font; crowded labels hide (MapLibre's
   * collision), and co-located events say how many share the point (source.ts `here`).
   */
  const eventLabel = (id: string, anchors: Array<'left' | 'right' | 'top' | 'bottom'>): LayerSpecification => ({
    id,
    type: 'symbol',
    source: EVENT_SOURCE,
    filter: f[id],
    layout: {
      'text-field': [
        'case',
        ['>', ['coalesce', ['get', 'here'], 1], 1],
        ['concat', ['get', 'label'], ' (', ['to-string', ['get', 'here']], ' events)'],
        ['coalesce', ['get', 'label'], ''],
      ],
      'text-font': [...FONT.regular],
      'text-size': 12,
      'text-variable-anchor': anchors,
      'text-radial-offset': ['+', 0.4, ['/', s.markerRadiusExpression(), 12]],
      'text-justify': 'auto',
      'text-max-width': 10,
    },
    paint: { 'text-color': c.text, 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
  });
  const layers: LayerSpecification[] = [
    {
      id: LAYER.rangeFill,
      type: 'fill',
      source: SOURCE,
      filter: f[LAYER.rangeFill],
      // No antialiased outline: the edge layer draws the edge, and on the globe outlines cost time.
      paint: {
        'fill-color': s.rangeColourExpression(theme),
        'fill-opacity': s.statusExpression('bandFill'),
        'fill-antialias': false,
      },
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
      // Unreviewed suggestions (dev server only): a dotted line in the pending colour along the edge.
      id: LAYER.rangePending,
      type: 'line',
      source: SOURCE,
      filter: f[LAYER.rangePending],
      paint: { 'line-color': s.PENDING_COLOUR, 'line-width': 2.5, 'line-dasharray': [1, 2] },
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
      source: EVENT_SOURCE,
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
      source: EVENT_SOURCE,
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
      source: EVENT_SOURCE,
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
      // Unreviewed suggestions (dev server only): a dashed ring round the marker (patterns.ts draws it on demand).
      id: LAYER.eventPending,
      type: 'symbol',
      source: EVENT_SOURCE,
      filter: f[LAYER.eventPending],
      layout: {
        'icon-image': s.PENDING_RING,
        'icon-size': ['/', ['+', 6, s.markerRadiusExpression()], s.PENDING_RING_RADIUS],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'viewport',
      },
    },
    {
      id: LAYER.eventSelected,
      type: 'circle',
      source: EVENT_SOURCE,
      filter: f[LAYER.eventSelected],
      paint: {
        'circle-radius': ['+', 5, s.markerRadiusExpression()],
        'circle-opacity': 0,
        'circle-stroke-color': c.heavy,
        'circle-stroke-width': 2.5,
      },
    },
    // A label that repeats one at the same point (source.ts `repeat`) may take only the side the first
    // label tries first: placed after it (symbols are placed from the top layer down), it collides with
    // it and hides, and shows when the first one is switched off. Without this both show, left and right.
    eventLabel(LAYER.eventLabelRepeat, ['left']),
    eventLabel(LAYER.eventLabel, ['left', 'right', 'top', 'bottom']),
    {
      // A cluster of events: its size grows with the count of its visible events, which is written on it.
      id: LAYER.eventCluster,
      type: 'circle',
      source: EVENT_SOURCE,
      filter: f[LAYER.eventCluster],
      paint: {
        'circle-radius': clusterRadius(hidden),
        'circle-color': c.heavy,
        'circle-opacity': 0.78,
        'circle-stroke-color': c.halo,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER.eventClusterCount,
      type: 'symbol',
      source: EVENT_SOURCE,
      filter: f[LAYER.eventClusterCount],
      layout: {
        'text-field': countLabel(visibleCount(hidden)),
        'text-font': [...FONT.regular],
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': c.halo },
    },
    {
      id: LAYER.origin,
      type: 'circle',
      source: SOURCE,
      filter: f[LAYER.origin],
      paint: {
        'circle-radius': ORIGIN_RING_RADIUS - 2.5,
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
        // Not where the map already writes that name (source.ts repeatedOrigins).
        'text-field': ['coalesce', ['get', 'origin_label'], ''],
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
      source: BAND_LABEL_SOURCE,
      filter: f[LAYER.rangeLabel],
      layout: {
        'text-field': ['get', 'label'],
        // Inside the band from its extreme point (source.ts, labelPoints), or where it fits in view (band-labels.ts).
        'text-anchor': ['coalesce', ['get', 'anchor'], 'center'],
        'text-max-width': 14,
        'text-font': [...FONT.regular], // one face: a second weight costs a download and rasterizing
        'text-size': 12,
      },
      paint: { 'text-color': s.rangeColourExpression(theme), 'text-halo-color': c.halo, 'text-halo-width': 1.6 },
    },
  ];
  return withGroupVisibility(withFadedLabels(layers), hidden);
}

/**
 * Each label layer's faded twin (ids.ts FADED_LABELS), below every data label layer: empty until a
 * story's step gives it the labels of what the step does not focus on (step-focus.ts), drawn faded.
 */
function withFadedLabels(layers: LayerSpecification[]): LayerSpecification[] {
  const twins = FADED_LABELS.flatMap(([main, faded]) => {
    const l = layers.find((x) => x.id === main);
    if (l?.type !== 'symbol') return [];
    return [
      {
        ...l,
        id: faded,
        layout: { ...l.layout, 'text-field': '' },
        paint: { ...l.paint, 'text-opacity': FADED },
      } as LayerSpecification,
    ];
  });
  // Between the step's labels and the faded ones: the step's markers, which a faded label keeps clear of.
  const block: LayerSpecification = {
    id: LAYER.eventFocusBlock,
    type: 'symbol',
    source: EVENT_SOURCE,
    filter: filters(new Set(), null)[LAYER.eventFocusBlock],
    layout: {
      'icon-image': '',
      // The image is 2 px wide: a size of r draws it 2r wide, the marker's diameter.
      'icon-size': s.markerRadiusExpression(),
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
  };
  // The same for the step's bands' origin rings (LAYER.origin: radius 4.5 and a 2.5 px stroke).
  const originBlock: LayerSpecification = {
    id: LAYER.originFocusBlock,
    type: 'symbol',
    source: SOURCE,
    filter: filters(new Set(), null)[LAYER.originFocusBlock],
    layout: {
      'icon-image': '',
      'icon-size': ORIGIN_RING_RADIUS,
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
  };
  const lowest = Math.min(
    ...FADED_LABELS.map(([main]) => layers.findIndex((x) => x.id === main)).filter((i) => i >= 0),
  );
  return [...layers.slice(0, lowest), ...twins, block, originBlock, ...layers.slice(lowest)];
}
