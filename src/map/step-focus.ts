/**
 * step-focus: a story's step brings its features forward and fades the story's others (the reader still
 * sees them, as context), as paint: each data layer's opacity times 1 for a focused feature and
 * FADED for the rest, the selection's and the hovered or selected place's highlights too. Labels are
 * split instead (`stepLayout`): each label layer writes only the step's features, and its faded twin,
 * below every label layer, the others, so that the step's labels are placed first and win where they
 * collide with a faded one. `stepPaint` and `stepLayout` are pure (layer specs in, properties out);
 * `applyStepFocus` sets them on a map.
 */
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { repaint } from '../basemap/theme';
import { BLOCK_IMAGE, FADED_LABELS, LAYER } from './ids';

/** The opacity left to a feature the step does not focus on. */
export const FADED = 0.22;

/**
 * The layers a step fades by opacity (clusters keep theirs): the selection's highlights too, so that a
 * feature the step does not focus on, once selected, is not drawn as though it were. The labels are
 * not here: they are split (stepLayout).
 */
const FADING = new Set<string>([
  LAYER.rangeFill,
  LAYER.rangeHatch,
  LAYER.rangeEdge,
  LAYER.rangeSelected,
  LAYER.origin,
  LAYER.eventHalo,
  LAYER.eventMarker,
  LAYER.eventPattern,
  LAYER.eventPending,
  LAYER.eventSelected,
  LAYER.rangePending,
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

/**
 * The text of the label layers for a step's focus: each label layer writes the step's features' labels
 * and its faded twin (ids.ts FADED_LABELS, drawn below them all, at FADED) the others'; at the overview
 * (null) the layer writes every label and the twin none.
 */
export function stepLayout(
  layers: readonly LayerSpecification[],
  focus: ReadonlySet<string> | null,
): Array<{ id: string; layout: Record<string, unknown> }> {
  const inFocus: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...(focus ?? [])]]];
  // The step's markers hold their place against the faded labels (placed after them)…
  const blockOf = (id: string) => ({ id, layout: { 'icon-image': focus ? ['case', inFocus, BLOCK_IMAGE, ''] : '' } });
  const labels = FADED_LABELS.flatMap(([main, faded]) => {
    const l = layers.find((x) => x.id === main);
    if (l?.type !== 'symbol') return [];
    const text = (l.layout as Record<string, unknown> | undefined)?.['text-field'] ?? '';
    return [
      { id: main, layout: { 'text-field': focus ? ['case', inFocus, text, ''] : text } },
      { id: faded, layout: { 'text-field': focus ? ['case', inFocus, '', text] : '' } },
    ];
  });
  // …and so do its bands' origin rings (the launch point), which a faded event label had covered.
  return [...labels, blockOf(LAYER.eventFocusBlock), blockOf(LAYER.originFocusBlock)];
}

/** Fades what the step does not focus on (null: shows every layer as its own paint says). */
export function applyStepFocus(
  map: MapLibreMap,
  layers: readonly LayerSpecification[],
  focus: ReadonlySet<string> | null,
): void {
  if (focus && !map.hasImage(BLOCK_IMAGE)) map.addImage(BLOCK_IMAGE, { width: 2, height: 2, data: new Uint8Array(16) });
  repaint(map, stepPaint(layers, focus));
  for (const { id, layout } of stepLayout(layers, focus))
    if (map.getLayer(id))
      for (const [key, value] of Object.entries(layout)) map.setLayoutProperty(id, key as never, value as never);
}
