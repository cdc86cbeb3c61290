import { describe, expect, it } from 'vitest';
import { outlineOpacity } from '../../src/map/place-outlines';
import { PLACE_OUTLINE } from '../../src/map/scales';
import { FADED } from '../../src/map/step-focus';

describe('outlineOpacity: the outline of a hovered or selected place in a story step', () => {
  it('is faded for an event the step does not focus on, as its marker is', () => {
    const { fill, line } = outlineOpacity(['region:UA-51']);
    const focused = ['in', ['get', 'key'], ['literal', ['region:UA-51']]];
    expect(fill).toEqual(['case', focused, PLACE_OUTLINE.fillOpacity, PLACE_OUTLINE.fillOpacity * FADED]);
    expect(line).toEqual(['case', focused, 0.95, 0.95 * FADED]);
    // No shown event in focus: every outline shown is faded.
    expect(outlineOpacity([]).line).toEqual(['case', ['in', ['get', 'key'], ['literal', []]], 0.95, 0.95 * FADED]);
  });

  it('keeps its own opacity outside a step', () => {
    expect(outlineOpacity(null)).toEqual({ fill: PLACE_OUTLINE.fillOpacity, line: 0.95 });
  });
});
