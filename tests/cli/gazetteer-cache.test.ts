import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerCachePath, loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import {
  findGeonames,
  findWikidata,
  indexOf,
  placeAt,
  postingsOf,
  type Gazetteer,
} from '../../src/compiler/gazetteer.js';

describe('loadGazetteer', () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = loadGazetteer();
  }, 180_000);

  it('returns the same loaded index on a second call', () => {
    expect(loadGazetteer()).toBe(g);
  });

  it('caches the index under node_modules/.cache, named by a hash of its inputs', () => {
    expect(gazetteerCachePath()).toMatch(/node_modules\/\.cache\/source-atlas\/gazetteer-[0-9a-f]{16}\.bin$/);
    expect(gazetteerCachePath()).toBe(gazetteerCachePath());
  });

  it('holds GeoNames cities, Natural Earth regions, countries and continents', () => {
    const x = indexOf(g);
    expect(g.size).toBeGreaterThan(200_000);
    expect(placeAt(g, findGeonames(x, 703448))).toMatchObject({
      name: 'Kyiv',
      kind: 'city',
      precision: 2,
      country: 'UA',
    });
    expect(placeAt(g, findWikidata(x, 'Q3178'))).toMatchObject({
      name: 'Kursk Oblast',
      kind: 'region',
      precision: 3,
      admin1: 'RU-KRS',
    });
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
