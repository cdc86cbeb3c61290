import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/compiler/gazetteer.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { skeleton, suggestPlaces } from '../../src/compiler/places/suggest.js';

let g: Gazetteer;
beforeAll(() => {
  g = loadGazetteer();
});

describe('suggestPlaces', () => {
  it('suggests a place by its alternate names: press spellings one slip away', () => {
    expect(suggestPlaces(g, 'Hodeidah')[0]).toMatchObject({ country: 'YE', geonames: 79415 });
    expect(suggestPlaces(g, 'Kharkow')[0]).toMatchObject({ name: 'Kharkiv', country: 'UA', matched: 'kharkov' });
    expect(suggestPlaces(g, 'Kiyv')[0]).toMatchObject({ name: 'Kyiv', country: 'UA' });
  });

  it('suggests by transliteration skeleton where edits alone do not reach', () => {
    expect(skeleton('charkiw')).toBe(skeleton('kharkiv'));
    expect(suggestPlaces(g, 'Charkiw').map((s) => s.name)).toContain('Kharkiv');
  });

  it('suggests nothing for a name like no place', () => {
    expect(suggestPlaces(g, 'Zzyzxqville')).toEqual([]);
  });
});
