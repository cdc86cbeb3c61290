import { describe, expect, it } from 'vitest';
import { binCounts } from '../../src/app/timeline.js';

describe('binCounts', () => {
  it('counts each start in its bin, the last bin closed at the end of the view', () => {
    expect(binCounts([0, 1, 9, 10, 19.9, 5], 0, 20, 2)).toEqual([4, 2]);
  });

  it('leaves out starts outside the view, and every count adds up', () => {
    const starts = Array.from({ length: 1000 }, (_, i) => i * 7);
    const counts = binCounts(starts, 700, 4200, 10);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(starts.filter((t) => t >= 700 && t < 4200).length);
    expect(binCounts([-1, 100], 0, 100, 4)).toEqual([0, 0, 0, 0]);
  });

  it('has no bins for an empty view', () => {
    expect(binCounts([1], 5, 5, 3)).toEqual([0, 0, 0]);
    expect(binCounts([1], 0, 5, 0)).toEqual([]);
  });
});
