import { describe, expect, it } from 'vitest';
import { windowOf } from '../../src/app/virtual-list.js';

describe('windowOf', () => {
  it('holds the rows in view and a few either side, never the whole list', () => {
    const w = windowOf(66 * 50_000, 600, 66, 100_000, 8);
    expect(w.start).toBe(50_000 - 8);
    expect(w.end).toBe(50_000 + Math.ceil(600 / 66) + 1 + 8);
    expect(w.end - w.start).toBeLessThan(40);
  });

  it('stops at both ends', () => {
    expect(windowOf(0, 600, 66, 100_000, 8)).toEqual({ start: 0, end: Math.ceil(600 / 66) + 1 + 8 });
    expect(windowOf(1e9, 600, 66, 100, 8)).toEqual({ start: 91, end: 100 });
    expect(windowOf(-50, 600, 66, 5)).toEqual({ start: 0, end: 5 });
  });

  it('is empty for an empty list', () => {
    expect(windowOf(0, 600, 66, 0)).toEqual({ start: 0, end: 0 });
  });
});
