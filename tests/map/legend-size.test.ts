import { describe, expect, it } from 'vitest';
import { PLAIN_UP_TO, sampleMagnitudes } from '../../src/map/legend';
import { MARKER_RADIUS, markerRadius } from '../../src/map/scales';

describe("the legend's marker sizes: only sizes the map draws", () => {
  it('names the largest figure drawn at the plain size', () => {
    expect(markerRadius(PLAIN_UP_TO)).toBe(MARKER_RADIUS);
    expect(markerRadius(PLAIN_UP_TO + 1)).toBeGreaterThan(MARKER_RADIUS);
  });

  it('samples no figure that draws a plain marker (two missiles: the legend showed 1 and 2 beside equal circles)', () => {
    expect(sampleMagnitudes([2, 1, null])).toEqual([]);
    for (const m of sampleMagnitudes([3, 188, null])) expect(markerRadius(m)).toBeGreaterThan(MARKER_RADIUS);
    expect(sampleMagnitudes([3, 188, null])).toEqual([50, 200]);
    // 60 rounds to 60: a quarter of it (15) is drawn plain and left out.
    expect(sampleMagnitudes([60])).toEqual([60]);
  });
});
