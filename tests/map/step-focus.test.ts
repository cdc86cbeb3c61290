import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYER } from '../../src/map/ids';
import { dataLayers } from '../../src/map/layers';
import { FADED, stepPaint } from '../../src/map/step-focus';

const layers: LayerSpecification[] = dataLayers('light', new Set());

describe('stepPaint', () => {
  it("multiplies each fading layer's own opacity by 1 for the step's features and FADED for the rest", () => {
    const paint = stepPaint(layers, new Set(['ev-1', 'rg-1']));
    const marker = paint.find((p) => p.id === LAYER.eventMarker)!;
    const own = (layers.find((l) => l.id === LAYER.eventMarker) as { paint: Record<string, unknown> }).paint;
    expect(marker.paint['circle-opacity']).toEqual([
      '*',
      own['circle-opacity'],
      ['case', ['in', ['get', 'id'], ['literal', ['ev-1', 'rg-1']]], 1, FADED],
    ]);
    // A layer with no opacity of its own (a label) fades from 1.
    const label = paint.find((p) => p.id === LAYER.eventLabel)!;
    expect(label.paint['text-opacity']).toEqual([
      '*',
      1,
      ['case', ['in', ['get', 'id'], ['literal', ['ev-1', 'rg-1']]], 1, FADED],
    ]);
    expect(paint.map((p) => p.id)).toContain(LAYER.rangeFill);
    // The selection's ring is never faded.
    expect(paint.map((p) => p.id)).not.toContain(LAYER.eventSelected);
  });

  it('gives each layer back its own opacity at the overview', () => {
    const paint = stepPaint(layers, null);
    const marker = paint.find((p) => p.id === LAYER.eventMarker)!;
    const own = (layers.find((l) => l.id === LAYER.eventMarker) as { paint: Record<string, unknown> }).paint;
    expect(marker.paint['circle-opacity']).toEqual(own['circle-opacity']);
    expect(paint.find((p) => p.id === LAYER.eventLabel)!.paint['text-opacity']).toBe(1);
  });
});
