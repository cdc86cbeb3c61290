/** pin: pinning a place to one of its gazetteer candidates. */
import { describe, expect, it } from 'vitest';
import type { PlaceRow } from '../../src/compiler/places/lookup.js';
import { isPinned, pinTo } from '../../src/studio/pin.js';

const row = (over: Partial<PlaceRow>): PlaceRow => ({
  name: 'Odessa',
  kind: 'city',
  country: 'US',
  admin1: 'US-TX',
  population: 118968,
  lon: -102.37,
  lat: 31.85,
  precision: 2,
  geonames: 5527554,
  wikidata: null,
  pin: 'geonames=5527554',
  ...over,
});

describe('pinTo', () => {
  it("replaces any earlier pin or point with the candidate's GeoNames id, keeping the other attributes in order", () => {
    const next = pinTo(
      { id: 'odesa', wikidata: 'Q1874', at: '30.7,46.5', precision: 'city', note: 'n' },
      row({}),
      true,
    );
    expect(next).toEqual({ id: 'odesa', note: 'n', geonames: '5527554' });
    expect(Object.keys(next)).toEqual(['id', 'note', 'geonames']);
  });

  it('pins with wikidata= a place GeoNames does not number, and follows the kind hint when there is one', () => {
    const region = row({
      name: 'Kursk Oblast',
      kind: 'region',
      geonames: null,
      wikidata: 'Q2927',
      pin: 'wikidata=Q2927',
    });
    expect(pinTo({ id: 'k', kind: 'city' }, region, true)).toEqual({ id: 'k', kind: 'region', wikidata: 'Q2927' });
  });

  it("takes a suggestion's name when no place had the name looked up", () => {
    expect(
      pinTo({ id: 'h', name: 'Hodeidah' }, row({ name: 'Al Ḩudaydah', matched: 'hodaidah', geonames: 79415 }), false),
    ).toEqual({ id: 'h', name: 'Al Ḩudaydah', geonames: '79415' });
  });
});

describe('isPinned', () => {
  it('knows the candidate a place is pinned to, by either id', () => {
    expect(isPinned(row({}), { geonames: '5527554' })).toBe(true);
    expect(isPinned(row({ wikidata: 'Q1' }), { wikidata: 'Q1' })).toBe(true);
    expect(isPinned(row({}), { geonames: '698740' })).toBe(false);
    expect(isPinned(row({}), {})).toBe(false);
  });
});
