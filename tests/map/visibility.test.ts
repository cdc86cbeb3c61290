import { describe, expect, it } from 'vitest';
import { eventFilter, hiddenValues, isEventVisible, isRangeVisible } from '../../src/map/visibility';

describe('visibility', () => {
  const hidden = new Set(['type:policy', 'status:unverified', 'basis:class']);

  it('hides by layer, type, basis and status', () => {
    expect(isEventVisible({ type: 'missile-strike', status: 'reported' }, hidden)).toBe(true);
    expect(isEventVisible({ type: 'policy', status: 'reported' }, hidden)).toBe(false);
    expect(isEventVisible({ type: 'missile-strike', status: 'unverified' }, hidden)).toBe(false);
    expect(isEventVisible({ type: 'missile-strike', status: 'reported' }, new Set(['events']))).toBe(false);
    expect(isRangeVisible({ basis: 'class', status: 'reported' }, hidden)).toBe(false);
    expect(isRangeVisible({ basis: 'stated', status: 'reported' }, hidden)).toBe(true);
  });

  it('builds the same rule as a map filter', () => {
    expect(hiddenValues(hidden, 'type')).toEqual(['policy']);
    expect(eventFilter(hidden)).toEqual([
      'all',
      ['!', ['in', ['get', 'type'], ['literal', ['policy']]]],
      ['!', ['in', ['get', 'status'], ['literal', ['unverified']]]],
    ]);
  });
});
