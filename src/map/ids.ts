/**
 * The names the data's source and layers go by, and which layers belong together: shared by the
 * source, the filters, the layer specs and the place outlines.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * One GeoJSON source for all the data, features told apart by `kind`: on the globe every source
 * costs a tile load per visible tile, so one source draws much sooner than six.
 */
export const SOURCE = 'atlas-data';
/**
 * The events' places, in a source of their own: GeoJSON clustering applies to a whole source, and a
 * large archive's events are clustered (source.ts CLUSTER_FROM); ranges are never.
 */
export const EVENT_SOURCE = 'atlas-events';
/** The bands' labels, placed for the view on screen (band-labels.ts). */
export const BAND_LABEL_SOURCE = 'atlas-band-labels';
/** Outlines of imprecise events' places (regions, countries), added after the data is drawn. */
export const REGION_SOURCE = 'atlas-regions';

export type Kind = 'event' | 'range' | 'edge' | 'label' | 'origin';
export const kindIs = (kind: Kind): ExpressionSpecification => ['==', ['get', 'kind'], kind];

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
  /** Unreviewed suggestions (dev server only): a dashed ring round the marker, a dotted line on the band's edge. */
  eventPending: 'atlas-event-pending',
  rangePending: 'atlas-range-pending',
  eventLabel: 'atlas-event-label',
  /**
   * The label of a marker that repeats one already at its point (two events at Odesa, both "Odesa (2 events)"):
   * drawn only on the side the first label takes first, so it shows only when that one does not (switched off).
   */
  eventLabelRepeat: 'atlas-event-label-repeat',
  /**
   * In a story's step, the labels of the features the step does not focus on, faded: each label layer's
   * twin, drawn below every data label layer, so that the step's own labels are placed first and win
   * where they collide (symbols are placed from the top layer down). Empty at the overview. See step-focus.ts.
   */
  eventLabelFaded: 'atlas-event-label-faded',
  eventLabelRepeatFaded: 'atlas-event-label-repeat-faded',
  originLabelFaded: 'atlas-range-origin-label-faded',
  rangeLabelFaded: 'atlas-range-label-faded',
  /** In a story's step, each focused marker's footprint, between its labels and the faded ones: a faded label keeps clear of it. */
  eventFocusBlock: 'atlas-event-focus-block',
  /** In a story's step, each focused band's origin ring (its launch point), likewise: a faded label keeps clear of it. */
  originFocusBlock: 'atlas-range-origin-focus-block',
  /** A story with highlighted areas: each marker's footprint, which the areas' labels keep clear of (highlights.ts). */
  eventBlock: 'atlas-event-block',
  eventCluster: 'atlas-event-cluster',
  eventClusterCount: 'atlas-event-cluster-count',
} as const;

/** Layers whose features a click can open. */
export const EVENT_LAYERS = [LAYER.eventMarker, LAYER.eventHalo];
export const RANGE_LAYERS = [LAYER.rangeFill, LAYER.rangeEdge];
/** Every layer belonging to each switch of the layer control. */
export const GROUP_LAYERS = {
  events: [
    LAYER.eventRegionFill,
    LAYER.eventRegion,
    LAYER.eventHalo,
    LAYER.eventMarker,
    LAYER.eventPattern,
    LAYER.eventPending,
    LAYER.eventSelected,
    LAYER.eventLabelRepeat,
    LAYER.eventLabel,
    LAYER.eventLabelRepeatFaded,
    LAYER.eventLabelFaded,
    LAYER.eventFocusBlock,
    LAYER.eventBlock,
    LAYER.eventCluster,
    LAYER.eventClusterCount,
  ],
  ranges: [
    LAYER.rangeFill,
    LAYER.rangeHatch,
    LAYER.rangeEdge,
    LAYER.rangePending,
    LAYER.rangeSelected,
    LAYER.rangeLabel,
    LAYER.origin,
    LAYER.originLabel,
    LAYER.originLabelFaded,
    LAYER.rangeLabelFaded,
    LAYER.originFocusBlock,
  ],
} as const;

/** A transparent 2 px square: drawn at a marker's size, it holds the marker's place in MapLibre's label collision. */
export const BLOCK_IMAGE = 'atlas-marker-block';

/** Each label layer a step splits, and its faded twin (drawn below all of them): the step's labels are placed first. */
export const FADED_LABELS: ReadonlyArray<readonly [string, string]> = [
  [LAYER.eventLabelRepeat, LAYER.eventLabelRepeatFaded],
  [LAYER.eventLabel, LAYER.eventLabelFaded],
  [LAYER.originLabel, LAYER.originLabelFaded],
  [LAYER.rangeLabel, LAYER.rangeLabelFaded],
];

/** Layers drawn under the basemap's labels and borders (bands); the others go on top. */
export const UNDER_LABELS = new Set<string>([
  LAYER.rangeFill,
  LAYER.rangeHatch,
  LAYER.rangeEdge,
  LAYER.rangePending,
  LAYER.rangeSelected,
]);
