import { describe, expect, it } from 'vitest';
import { pointName } from '../../src/compiler/point-name.js';

describe('pointName', () => {
  it('writes latitude first, each with its hemisphere', () => {
    expect(pointName([35, 47.3])).toBe('47.3° N, 35° E');
    expect(pointName([-58.38, -34.6])).toBe('34.6° S, 58.38° W');
  });

  it('writes the equator and the prime meridian without a hemisphere', () => {
    expect(pointName([0, 0])).toBe('0°, 0°');
    expect(pointName([179.9, 0])).toBe('0°, 179.9° E');
  });
});
