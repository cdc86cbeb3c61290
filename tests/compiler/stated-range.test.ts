import { describe, expect, it } from 'vitest';
import { parseStatedRange } from '../../src/compiler/stated-range.js';

describe('parseStatedRange', () => {
  it('reads the forms news text uses, in km', () => {
    expect(parseStatedRange('600-700 km')).toEqual({
      min_km: 600,
      max_km: 700,
      basis: 'stated',
      rangeClass: null,
      qualifier: null,
    });
    expect(parseStatedRange('600–700 km')).toMatchObject({ min_km: 600, max_km: 700 });
    expect(parseStatedRange('600 to 700 kilometres')).toMatchObject({ min_km: 600, max_km: 700 });
    expect(parseStatedRange('up to 300 km')).toMatchObject({ min_km: 0, max_km: 300 });
    expect(parseStatedRange('5,500 kilometres')).toMatchObject({ min_km: 0, max_km: 5500 });
  });

  it('reads a figure hyphenated to its unit as a compound modifier ("a 500-km range")', () => {
    expect(parseStatedRange('500-km')).toMatchObject({ min_km: 0, max_km: 500 });
    expect(parseStatedRange('up to 1,000-kilometre')).toMatchObject({ min_km: 0, max_km: 1000 });
    expect(parseStatedRange('300-mile')).toMatchObject({ max_km: 300 * 1.609344 });
    expect(parseStatedRange('2,000-to-2,500-km')).toMatchObject({ min_km: 2000, max_km: 2500 });
    expect(parseStatedRange('500-kg')).toHaveProperty('error');
  });

  it('converts miles and nautical miles exactly', () => {
    expect(parseStatedRange('3,000 miles')).toMatchObject({ max_km: 3000 * 1.609344 });
    expect(parseStatedRange('300 nautical miles')).toMatchObject({ max_km: 300 * 1.852 });
    expect(parseStatedRange('300 nmi')).toMatchObject({ max_km: 555.6 });
  });

  it('maps a range class in words to its definitional band', () => {
    expect(parseStatedRange('intermediate-range')).toEqual({
      min_km: 3000,
      max_km: 5500,
      basis: 'class',
      rangeClass: 'IRBM',
      qualifier: null,
    });
    expect(parseStatedRange('short-range')).toMatchObject({ min_km: 0, max_km: 1000, rangeClass: 'SRBM' });
  });

  it('says what is wrong: no number, an unknown unit, a reversed band', () => {
    expect(parseStatedRange('far')).toMatchObject({ error: expect.stringContaining('states no number') });
    expect(parseStatedRange('600 parsecs')).toMatchObject({ error: expect.stringContaining('unknown unit "parsecs"') });
    expect(parseStatedRange('700-600 km')).toMatchObject({ error: expect.stringContaining('smaller to a larger') });
    expect(parseStatedRange('0 km')).toMatchObject({ error: expect.stringContaining('greater than zero') });
  });

  it('reads spans written with between, from and a unit on each figure', () => {
    expect(parseStatedRange('between 3,000 and 5,500 km')).toEqual({
      min_km: 3000,
      max_km: 5500,
      basis: 'stated',
      rangeClass: null,
      qualifier: null,
    });
    expect(parseStatedRange('3,000 to 5,500 km')).toMatchObject({ min_km: 3000, max_km: 5500, qualifier: null });
    expect(parseStatedRange('from 600 to 700 km')).toMatchObject({ min_km: 600, max_km: 700 });
    expect(parseStatedRange('600 km to 700 km')).toMatchObject({ min_km: 600, max_km: 700 });
    expect(parseStatedRange('between 1,000 and 1,500 miles')).toMatchObject({
      min_km: 1000 * 1.609344,
      max_km: 1500 * 1.609344,
    });
    expect(parseStatedRange('between 300 and 500 nautical miles')).toMatchObject({
      min_km: 300 * 1.852,
      max_km: 500 * 1.852,
    });
    expect(parseStatedRange('600 km to 700 miles')).toMatchObject({
      error: expect.stringContaining('different units'),
    });
  });

  it("keeps the text's qualifier of a figure, the figure being the outer edge", () => {
    const cases: Array<[string, string, number]> = [
      ['up to 300 km', 'up to', 300],
      ['at least 900 km', 'at least', 900],
      ['more than 2,000 kilometres', 'more than', 2000],
      ['in excess of 2,000 km', 'more than', 2000],
      ['about 900 km', 'about', 900],
      ['approximately 1,200 km', 'approximately', 1200],
      ['some 500 miles', 'some', 500 * 1.609344],
      ['nearly 300 nautical miles', 'nearly', 300 * 1.852],
      ['a maximum range of 450 km', 'a maximum of', 450],
      // biome-ignore lint/plugin: deliberately ill-typed input: the test checks the run-time guard
      ['a range of 450 km', null as unknown as string, 450],
    ];
    for (const [text, qualifier, max] of cases) {
      expect(parseStatedRange(text), text).toEqual({
        min_km: 0,
        max_km: max,
        basis: 'stated',
        rangeClass: null,
        qualifier,
      });
    }
    expect(parseStatedRange('900 km')).toMatchObject({ qualifier: null });
  });

  it('allows an approximation of a span, but no bound on one', () => {
    expect(parseStatedRange('about 600-700 km')).toMatchObject({ min_km: 600, max_km: 700, qualifier: 'about' });
    expect(parseStatedRange('at least 600-700 km')).toMatchObject({
      error: expect.stringContaining('a span already gives its bounds'),
    });
    expect(parseStatedRange('from 600 km')).toMatchObject({
      error: expect.stringContaining('from where but not to where'),
    });
  });
});
