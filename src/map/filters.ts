/**
 * Each data layer's filter: its kind of feature, less what the reader has hidden, not selected, or
 * outside the period (the same rules as state.ts's visibility, as MapLibre expressions); and applying
 * them to a map.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { CLAIM_STATUSES } from '../contract.js';
import { clusterFilter, clusterRadius, countLabel, visibleCount } from './cluster-count.js';
import { FADED_LABELS, GROUP_LAYERS, LAYER, kindIs } from './ids.js';
import { periodFilter } from './period.js';
import * as s from './scales.js';
import type { Period } from './url-state.js';
import { eventFilter, rangeFilter } from './visibility.js';

/** An unreviewed suggestion: only the dev server's data (--include-pending) has any. */
export const pending: ExpressionSpecification = ['==', ['get', 'pending'], true];
/** A marker whose label an earlier event at the same point already writes (source.ts). */
export const repeat: ExpressionSpecification = ['==', ['get', 'repeat'], true];
export const imprecise: ExpressionSpecification = ['>=', ['get', 'precision'], s.IMPRECISE_FROM];
const hatchedBands = CLAIM_STATUSES.filter((st) => s.STATUS_STYLE[st].bandPattern === 'hatch');

/** Each layer's filter: its kind of feature, less what the reader has hidden, not selected, or outside the period. */
export function filters(
  hidden: ReadonlySet<string>,
  selected: string | null,
  period: Period | null = null,
): Record<string, ExpressionSpecification> {
  const ev: ExpressionSpecification = ['all', eventFilter(hidden), periodFilter(period)];
  const rg: ExpressionSpecification = ['all', rangeFilter(hidden), periodFilter(period)];
  const isSelected: ExpressionSpecification = ['==', ['get', 'id'], selected ?? ''];
  const out: Record<string, ExpressionSpecification> = {
    [LAYER.rangeFill]: ['all', kindIs('range'), rg],
    [LAYER.rangeHatch]: ['all', kindIs('range'), rg, ['in', ['get', 'status'], ['literal', hatchedBands]]],
    [LAYER.rangeEdge]: ['all', kindIs('edge'), rg],
    [LAYER.rangeSelected]: ['all', kindIs('edge'), isSelected],
    [LAYER.eventHalo]: ['all', kindIs('event'), ev, imprecise],
    [LAYER.eventMarker]: ['all', kindIs('event'), ev],
    [LAYER.eventPattern]: ['all', kindIs('event'), ev, ['in', ['get', 'status'], ['literal', s.PATTERNED_STATUSES]]],
    [LAYER.eventSelected]: ['all', kindIs('event'), isSelected],
    [LAYER.eventPending]: ['all', kindIs('event'), ev, pending],
    [LAYER.rangePending]: ['all', kindIs('edge'), rg, pending],
    [LAYER.eventLabel]: ['all', kindIs('event'), ev, ['!', repeat]],
    [LAYER.eventLabelRepeat]: ['all', kindIs('event'), ev, repeat],
    [LAYER.eventBlock]: ['all', kindIs('event'), ev],
    [LAYER.eventFocusBlock]: ['all', kindIs('event'), ev],
    // Clusters: those with something visible in them (cluster-count.ts).
    [LAYER.eventCluster]: clusterFilter(hidden, period),
    [LAYER.eventClusterCount]: clusterFilter(hidden, period),
    [LAYER.origin]: ['all', kindIs('origin'), rg],
    [LAYER.originLabel]: ['all', kindIs('origin'), rg],
    [LAYER.originFocusBlock]: ['all', kindIs('origin'), rg],
    [LAYER.rangeLabel]: ['all', kindIs('label'), rg],
  };
  // A step's faded labels (step-focus.ts): the same features as their layer's.
  for (const [main, faded] of FADED_LABELS) out[faded] = out[main];
  return out;
}

export function applyHidden(
  map: MapLibreMap,
  hidden: ReadonlySet<string>,
  selected: string | null,
  period: Period | null = null,
): void {
  for (const group of ['events', 'ranges'] as const) {
    for (const id of GROUP_LAYERS[group])
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', hidden.has(group) ? 'none' : 'visible');
  }
  for (const [id, filter] of Object.entries(filters(hidden, selected, period)))
    if (map.getLayer(id)) map.setFilter(id, filter);
  // A cluster's size and label follow its visible count.
  if (map.getLayer(LAYER.eventCluster))
    map.setPaintProperty(LAYER.eventCluster, 'circle-radius', clusterRadius(hidden));
  if (map.getLayer(LAYER.eventClusterCount))
    map.setLayoutProperty(LAYER.eventClusterCount, 'text-field', countLabel(visibleCount(hidden)));
}

export function applySelected(map: MapLibreMap, hidden: ReadonlySet<string>, selected: string | null): void {
  const f = filters(hidden, selected);
  map.setFilter(LAYER.eventSelected, f[LAYER.eventSelected]);
  map.setFilter(LAYER.rangeSelected, f[LAYER.rangeSelected]);
}
