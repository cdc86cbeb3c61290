import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { filters } from '../../src/map/filters';
import { BLOCK_IMAGE, FADED_LABELS, GROUP_LAYERS, LAYER } from '../../src/map/ids';
import { dataLayers } from '../../src/map/layers';
import { FADED, stepLayout, stepPaint } from '../../src/map/step-focus';

const layers: LayerSpecification[] = dataLayers('light', new Set());
const inFocus = ['in', ['get', 'id'], ['literal', ['ev-1', 'rg-1']]];
const layout = (l: LayerSpecification | undefined) => (l as { layout: Record<string, unknown> }).layout;

describe('stepPaint', () => {
  it("multiplies each fading layer's own opacity by 1 for the step's features and FADED for the rest", () => {
    const paint = stepPaint(layers, new Set(['ev-1', 'rg-1']));
    const marker = paint.find((p) => p.id === LAYER.eventMarker)!;
    const own = (layers.find((l) => l.id === LAYER.eventMarker) as { paint: Record<string, unknown> }).paint;
    expect(marker.paint['circle-opacity']).toEqual(['*', own['circle-opacity'], ['case', inFocus, 1, FADED]]);
    expect(paint.map((p) => p.id)).toContain(LAYER.rangeFill);
    // Clusters keep their own opacity.
    expect(paint.map((p) => p.id)).not.toContain(LAYER.eventCluster);
  });

  it('fades the highlight of a selected feature the step does not focus on, as the feature itself', () => {
    const paint = stepPaint(layers, new Set(['ev-1', 'rg-1']));
    const ring = paint.find((p) => p.id === LAYER.eventSelected);
    // The event's ring: a stroke of its own opacity (none given: 1).
    expect(ring?.paint['circle-stroke-opacity']).toEqual(['*', 1, ['case', inFocus, 1, FADED]]);
    const band = paint.find((p) => p.id === LAYER.rangeSelected);
    const own = (layers.find((l) => l.id === LAYER.rangeSelected) as { paint: Record<string, unknown> }).paint;
    expect(band?.paint['line-opacity']).toEqual(['*', own['line-opacity'], ['case', inFocus, 1, FADED]]);
  });

  it('gives each layer back its own opacity at the overview', () => {
    const paint = stepPaint(layers, null);
    const marker = paint.find((p) => p.id === LAYER.eventMarker)!;
    const own = (layers.find((l) => l.id === LAYER.eventMarker) as { paint: Record<string, unknown> }).paint;
    expect(marker.paint['circle-opacity']).toEqual(own['circle-opacity']);
  });
});

describe('stepLayout: the step’s labels are placed before the faded ones', () => {
  it("writes the step's labels in each label layer and the others in its faded twin, below every label layer", () => {
    const out = stepLayout(layers, new Set(['ev-1', 'rg-1']));
    for (const [main, faded] of FADED_LABELS) {
      const text = layout(layers.find((l) => l.id === main))['text-field'];
      expect(out.find((o) => o.id === main)?.layout['text-field']).toEqual(['case', inFocus, text, '']);
      expect(out.find((o) => o.id === faded)?.layout['text-field']).toEqual(['case', inFocus, '', text]);
    }
    // Symbols are placed from the top layer down: every faded twin lies below every label layer that
    // writes the step's own labels (a faded band's label placed first took the focused event's place).
    const index = (id: string) => layers.findIndex((l) => l.id === id);
    const lowestMain = Math.min(...FADED_LABELS.map(([main]) => index(main)));
    for (const [, faded] of FADED_LABELS) {
      expect(index(faded)).toBeGreaterThanOrEqual(0);
      expect(index(faded)).toBeLessThan(lowestMain);
    }
    // The step's markers hold their place between the two: a faded label keeps clear of them.
    const block = index(LAYER.eventFocusBlock);
    expect(block).toBeLessThan(lowestMain);
    for (const [, faded] of FADED_LABELS) expect(index(faded)).toBeLessThan(block);
    expect(out.find((o) => o.id === LAYER.eventFocusBlock)?.layout['icon-image']).toEqual([
      'case',
      inFocus,
      BLOCK_IMAGE,
      '',
    ]);
    expect(stepLayout(layers, null).find((o) => o.id === LAYER.eventFocusBlock)?.layout['icon-image']).toBe('');
  });

  it("keeps the faded labels clear of the step's bands' origin rings (the launch point), as of its markers", () => {
    const index = (id: string) => layers.findIndex((l) => l.id === id);
    const lowestMain = Math.min(...FADED_LABELS.map(([main]) => index(main)));
    const block = index(LAYER.originFocusBlock);
    expect(block).toBeGreaterThanOrEqual(0);
    expect(block).toBeLessThan(lowestMain);
    for (const [, faded] of FADED_LABELS) expect(index(faded)).toBeLessThan(block);
    const spec = layers[block];
    const ring = layers[index(LAYER.origin)];
    if (spec.type !== 'symbol' || ring.type !== 'circle')
      throw new Error('the block is a symbol layer, the ring a circle layer');
    expect(spec.source).toBe(ring.source);
    // The 2 px block image at icon-size r is 2r wide: the ring's circle and stroke.
    expect(spec.layout?.['icon-size']).toBe(
      Number(ring.paint?.['circle-radius']) + Number(ring.paint?.['circle-stroke-width']),
    );
    expect(spec.layout?.['icon-ignore-placement']).toBe(false);
    expect(filters(new Set(), null)[LAYER.originFocusBlock]).toEqual(filters(new Set(), null)[LAYER.origin]);
    const focused = stepLayout(layers, new Set(['ev-1', 'rg-1'])).find((o) => o.id === LAYER.originFocusBlock);
    expect(focused?.layout['icon-image']).toEqual(['case', inFocus, BLOCK_IMAGE, '']);
    expect(stepLayout(layers, null).find((o) => o.id === LAYER.originFocusBlock)?.layout['icon-image']).toBe('');
    expect(GROUP_LAYERS.ranges as readonly string[]).toContain(LAYER.originFocusBlock);
  });

  it('draws the faded labels faded, from the same features, switched with their group', () => {
    const f = filters(new Set(['type:drone-attack']), null);
    for (const [main, faded] of FADED_LABELS) {
      const twin = layers.find((l) => l.id === faded) as { paint: Record<string, unknown> };
      expect(twin.paint['text-opacity']).toBe(FADED);
      expect(f[faded]).toEqual(f[main]);
      const group = (GROUP_LAYERS.events as readonly string[]).includes(main)
        ? GROUP_LAYERS.events
        : GROUP_LAYERS.ranges;
      expect(group as readonly string[]).toContain(faded);
    }
  });

  it('at the overview writes every label in its own layer and none in the twins', () => {
    const out = stepLayout(layers, null);
    for (const [main, faded] of FADED_LABELS) {
      expect(out.find((o) => o.id === main)?.layout['text-field']).toEqual(
        layout(layers.find((l) => l.id === main))['text-field'],
      );
      expect(out.find((o) => o.id === faded)?.layout['text-field']).toBe('');
      expect(layout(layers.find((l) => l.id === faded))['text-field']).toBe('');
    }
  });
});
