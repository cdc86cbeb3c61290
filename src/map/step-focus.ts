/**
 * step-focus: a story's step brings its features forward and fades the story's others (the reader still
 * sees them, as context), as paint: each data layer's opacity times 1 for a focused feature and
 * FADED for the rest. `stepPaint` is pure (layer specs in, paint out); `applyStepFocus` sets it on a map.
 */
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { repaint } from '../basemap/theme';
import { LAYER } from './ids';

/** The opacity left to a feature the step does not focus on. */
export const FADED = 0.22;

/** The layers a step fades (the selection's ring and clusters keep theirs). */
const FADING = new Set<string>([
  LAYER.rangeFill,
  LAYER.rangeHatch,
  LAYER.rangeEdge,
  LAYER.rangeLabel,
  LAYER.origin,
  LAYER.originLabel,
  LAYER.eventHalo,
  LAYER.eventMarker,
  LAYER.eventPattern,
  LAYER.eventPending,
  LAYER.rangePending,
  LAYER.eventLabel,
  LAYER.eventLabelRepeat,
]);

const OPACITY: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
};

/**
 * The opacity paint of the data layers for a step's focus (null: the overview, each layer's own).
 * A zoom-driven opacity cannot be multiplied by a feature's: such a layer keeps its own.
 */
export function stepPaint(
  layers: readonly LayerSpecification[],
  focus: ReadonlySet<string> | null,
): Array<{ id: string; paint: Record<string, unknown> }> {
  const inFocus: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...(focus ?? [])]]];
  return layers
    .filter((l) => FADING.has(l.id))
    .map((l) => {
      const own = ((l as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
      const paint: Record<string, unknown> = {};
      for (const key of OPACITY[l.type] ?? []) {
        const base = own[key] ?? 1;
        if (JSON.stringify(base).includes('"zoom"')) continue;
        paint[key] = focus ? ['*', base, ['case', inFocus, 1, FADED]] : base;
      }
      return { id: l.id, paint };
    });
}

/** Fades what the step does not focus on (null: shows every layer as its own paint says). */
export function applyStepFocus(
  map: MapLibreMap,
  layers: readonly LayerSpecification[],
  focus: ReadonlySet<string> | null,
): void {
  repaint(map, stepPaint(layers, focus));
}
