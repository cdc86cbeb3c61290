import { describe, expect, it } from 'vitest';
import { formatDate, formatRange } from '../../src/map/format';

describe('format', () => {
  it('formats ISO dates at their precision', () => {
    expect(formatDate('2024-11-21')).toBe('21 Nov 2024');
    expect(formatDate('2024-11')).toBe('Nov 2024');
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate(null)).toBe('date unknown');
  });

  it('formats intervals, open ones included', () => {
    expect(formatDate('2024-11-23/2024-11-25')).toBe('23 Nov 2024 – 25 Nov 2024');
    expect(formatDate('2014/..')).toBe('since 2014');
    expect(formatDate('../2024-11')).toBe('until Nov 2024');
  });

  it('formats ranges in km', () => {
    expect(formatRange(3000, 5500)).toBe('3,000–5,500 km');
    expect(formatRange(0, 700)).toBe('up to 700 km');
  });
});
