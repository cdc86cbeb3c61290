import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { axisTicks, binCounts, tickLabel } from '../../src/app/timeline.js';

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

describe('the time axis', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const axis = (from: string, to: string, width: number) =>
    scaleUtc()
      .domain([new Date(day(from)), new Date(day(to))])
      .range([0, width]);

  it('never gives more ticks than fit side by side, for spans from a week to decades and widths from a phone up', () => {
    for (const [from, to] of [
      ['2025-02-24', '2025-03-28'],
      ['2025-03-01', '2025-03-08'],
      ['2024-01-01', '2024-12-31'],
      ['2014-01-01', '2025-01-01'],
    ]) {
      for (const width of [300, 600, 880, 1400]) {
        const ticks = axisTicks(axis(from, to, width), width);
        expect(ticks.length, `${from}–${to} at ${width} px`).toBeGreaterThanOrEqual(1);
        expect(
          ticks.length * 84 <= width || ticks.length <= 2,
          `${from}–${to} at ${width} px: ${ticks.length} ticks`,
        ).toBe(true);
      }
    }
    // A month across 880 px: d3 alone gives two-day steps (16 labels); the axis gives fewer.
    expect(axis('2025-02-24', '2025-03-28', 880).ticks(9).length).toBeGreaterThan(880 / 84);
    expect(axisTicks(axis('2025-02-24', '2025-03-28', 880), 880).length).toBeLessThanOrEqual(10);
  });

  it('labels days without repeating the year, months and years as such', () => {
    expect(tickLabel(day('2025-02-25'), true)).toBe('25 Feb 2025');
    expect(tickLabel(day('2025-02-27'), false)).toBe('27 Feb');
    expect(tickLabel(day('2025-03-01'), false)).toBe('Mar 2025');
    expect(tickLabel(day('2025-01-01'), false)).toBe('2025');
  });
});
