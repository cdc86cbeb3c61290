import { describe, expect, it } from 'vitest';
import { parseStatedRange } from '../../src/compiler/stated-range.js';

describe('parseStatedRange', () => {
  it('reads the forms news text uses, in km', () => {
    expect(parseStatedRange('600-700 km')).toEqual({ min_km: 600, max_km: 700, basis: 'stated', rangeClass: null });
    expect(parseStatedRange('600–700 km')).toMatchObject({ min_km: 600, max_km: 700 });
    expect(parseStatedRange('600 to 700 kilometres')).toMatchObject({ min_km: 600, max_km: 700 });
    expect(parseStatedRange('up to 300 km')).toMatchObject({ min_km: 0, max_km: 300 });
    expect(parseStatedRange('5,500 kilometres')).toMatchObject({ min_km: 0, max_km: 5500 });
  });

  it('converts miles and nautical miles exactly', () => {
    expect(parseStatedRange('3,000 miles')).toMatchObject({ max_km: 3000 * 1.609344 });
    expect(parseStatedRange('300 nautical miles')).toMatchObject({ max_km: 300 * 1.852 });
    expect(parseStatedRange('300 nmi')).toMatchObject({ max_km: 555.6 });
  });

  it('maps a range class in words to its definitional band', () => {
    expect(parseStatedRange('intermediate-range')).toEqual({ min_km: 3000, max_km: 5500, basis: 'class', rangeClass: 'IRBM' });
    expect(parseStatedRange('short-range')).toMatchObject({ min_km: 0, max_km: 1000, rangeClass: 'SRBM' });
  });

  it('says what is wrong: no number, an unknown unit, a reversed band', () => {
    expect(parseStatedRange('far')).toMatchObject({ error: expect.stringContaining('states no number') });
    expect(parseStatedRange('600 parsecs')).toMatchObject({ error: expect.stringContaining('unknown unit "parsecs"') });
    expect(parseStatedRange('700-600 km')).toMatchObject({ error: expect.stringContaining('smaller to a larger') });
    expect(parseStatedRange('0 km')).toMatchObject({ error: expect.stringContaining('greater than zero') });
  });
});
