import { describe, expect, it } from 'vitest';
import {
  findGeonames,
  findWikidata,
  indexOf,
  packGazetteer,
  placeAt,
  postingsOf,
  unpackGazetteer,
} from '../../src/compiler/gazetteer.js';
import { compileDesignators } from '../../src/compiler/places/designators.js';
import type { PlaceRecord } from '../../src/compiler/places/record.js';

const designators = compileDesignators({
  articles: ['the'],
  qualifiers: ['northern'],
  trailing: { region: ['oblast'], county: ['county'], city: ['city'], any: ['area'] },
  display_suffix: {},
  city_region_types: [],
});

function record(overrides: Partial<PlaceRecord>): PlaceRecord {
  return {
    name: 'X',
    level: 'city',
    fcode: 'PPL',
    lon: 0,
    lat: 0,
    country: null,
    region: null,
    population: 0,
    geonames: null,
    wikidata: null,
    names: [],
    ...overrides,
  };
}

const tiny = {
  designators,
  wikidataAliases: [['Q7835', 1]] as Array<[string, number]>,
  records: [
    record({
      name: 'Dnipro',
      lon: 35.04066,
      lat: 48.46664,
      country: 'UA',
      population: 968502,
      geonames: 709930,
      names: [
        ['Dnipro', 'primary'],
        ['Дніпро', 'alternate'],
      ],
    }),
    record({
      name: 'Crimea',
      level: 'region',
      fcode: '',
      lon: 34.2784,
      lat: 45.3115,
      country: 'UA',
      region: 'UA-43',
      geonames: 703883,
      wikidata: 'Q756294',
      names: [['Crimea', 'primary']],
    }),
  ],
};

describe('packed index', () => {
  it('packs the same sources to the same bytes', () => {
    expect(packGazetteer(tiny)).toEqual(packGazetteer(tiny));
  });

  it('unpacks to the places it packed, found by name, GeoNames id and Wikidata QID', () => {
    const g = unpackGazetteer(packGazetteer(tiny));
    const x = indexOf(g);
    expect(g.size).toBe(2);
    expect([...postingsOf(x, 'дніпро')].map((p) => Math.floor(p / 8))).toEqual([0]);
    expect(placeAt(g, findGeonames(x, 709930)).name).toBe('Dnipro');
    expect(placeAt(g, findWikidata(x, 'Q756294')).admin1).toBe('UA-43');
    expect(findWikidata(x, 'Q7835')).toBe(1);
    expect(findGeonames(x, 1)).toBe(-1);
  });

  it('rejects bytes that are not a packed index', () => {
    expect(() => unpackGazetteer(new TextEncoder().encode('not an index at all'))).toThrow(/magic/);
  });
});
