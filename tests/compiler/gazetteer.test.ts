import { beforeAll, describe, expect, it } from 'vitest';
import {
  findGeonames,
  findWikidata,
  indexOf,
  loadGazetteer,
  packGazetteer,
  placeAt,
  postingsOf,
  unpackGazetteer,
  type Gazetteer,
} from '../../src/compiler/gazetteer';
import { compileDesignators } from '../../src/compiler/places/designators';
import type { PlaceRecord } from '../../src/compiler/places/record';

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
    record({ name: 'Dnipro', lon: 35.04066, lat: 48.46664, country: 'UA', population: 968502, geonames: 709930, names: [['Dnipro', 'primary'], ['Дніпро', 'alternate']] }),
    record({ name: 'Crimea', level: 'region', fcode: '', lon: 34.2784, lat: 45.3115, country: 'UA', region: 'UA-43', geonames: 703883, wikidata: 'Q756294', names: [['Crimea', 'primary']] }),
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

describe('loadGazetteer', () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = loadGazetteer();
  }, 180_000);

  it('returns the same loaded index on a second call', () => {
    expect(loadGazetteer()).toBe(g);
  });

  it('holds GeoNames cities, Natural Earth regions, countries and continents', () => {
    const x = indexOf(g);
    expect(g.size).toBeGreaterThan(200_000);
    expect(placeAt(g, findGeonames(x, 703448))).toMatchObject({ name: 'Kyiv', kind: 'city', precision: 2, country: 'UA' });
    expect(placeAt(g, findWikidata(x, 'Q3178'))).toMatchObject({ name: 'Kursk Oblast', kind: 'region', precision: 3, admin1: 'RU-KRS' });
    expect(placeAt(g, findWikidata(x, 'Q212'))).toMatchObject({ name: 'Ukraine', kind: 'country', precision: 4 });
    expect(placeAt(g, findWikidata(x, 'Q46'))).toMatchObject({ name: 'Europe', kind: 'continent', precision: 5 });
  });

  it('names a region whose name carries its designator once: Kamchatka Krai, not Kamchatka Krai Oblast', () => {
    const x = indexOf(g);
    expect(placeAt(g, findWikidata(x, 'Q7948')).name).toBe('Kamchatka Krai');
    expect(placeAt(g, findWikidata(x, 'Q6838')).name).toBe('Zabaykalsky Krai');
  });

  it('gives a city the region it lies in (admin1), so a city and its region are known to agree', () => {
    const x = indexOf(g);
    expect(placeAt(g, findGeonames(x, 706483))).toMatchObject({ name: 'Kharkiv', kind: 'city', admin1: 'UA-63' });
  });

  it('puts Crimea and Sevastopol under Ukraine, although Natural Earth lists them under Russia', () => {
    const x = indexOf(g);
    expect(placeAt(g, findWikidata(x, 'Q7835'))).toMatchObject({ name: 'Crimea', country: 'UA', admin1: 'UA-43' });
    const sevastopol = [...postingsOf(x, 'sevastopol')].map((p) => placeAt(g, Math.floor(p / 8)));
    expect(sevastopol.filter((p) => p.admin1 === 'UA-40').every((p) => p.country === 'UA')).toBe(true);
  });

  it('gives countries and continents their GeoNames points, not polygon centroids', () => {
    const x = indexOf(g);
    expect(placeAt(g, findWikidata(x, 'Q30')).lonlat).toEqual([-98.5, 39.76]);
    expect(placeAt(g, findWikidata(x, 'Q46')).lonlat).toEqual([9.14062, 48.69096]);
  });

  it('publishes coordinates with at most 6 decimals', () => {
    for (let i = 0; i < g.size; i += 997) {
      for (const v of placeAt(g, i).lonlat) expect(Math.round(v * 1e6) / 1e6).toBe(v);
    }
  });
});
