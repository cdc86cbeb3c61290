import { describe, expect, it } from 'vitest';
import { EMBED_WIDTH, MAP_HEIGHT, estimatedHeight, mapHeight, mapHeightCss } from '../../src/share/size.js';

describe('mapHeight', () => {
  it('follows the width between its bounds', () => {
    expect(mapHeight(EMBED_WIDTH.min)).toBe(MAP_HEIGHT.min);
    expect(mapHeight(600)).toBe(Math.round(600 * MAP_HEIGHT.ratio));
    expect(mapHeight(EMBED_WIDTH.max)).toBe(MAP_HEIGHT.max);
  });

  it('is the rule the stylesheet gets', () => {
    expect(mapHeightCss()).toBe(`clamp(${MAP_HEIGHT.min}px, ${MAP_HEIGHT.ratio * 100}vw, ${MAP_HEIGHT.max}px)`);
  });
});

describe('estimatedHeight', () => {
  it('is the map plus the rest, more with a title, and never shrinks as the width grows past the fold', () => {
    for (const w of [280, 320, 600, 800, 1200]) {
      expect(estimatedHeight(w, false)).toBeGreaterThan(mapHeight(w));
      expect(estimatedHeight(w, true)).toBeGreaterThan(estimatedHeight(w, false));
    }
    expect(estimatedHeight(600, false)).toBeGreaterThan(estimatedHeight(599, false));
  });
});
