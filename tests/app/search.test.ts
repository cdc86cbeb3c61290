import { describe, expect, it } from 'vitest';
import type { EventFeature, RangeFeature } from '../../src/contract.js';
import { createSearcher, searchText } from '../../src/app/search.js';

const claim = (claimant: string, excerpt: string, publisher = 'Fixture Wire') => ({
  claimant,
  excerpt,
  publisher,
  document_title: 'A report',
  status: 'reported',
});
const event = (
  id: string,
  place: string,
  summary: string,
  claims = [claim('the regional governor', `A strike hit ${place}.`)],
) =>
  // biome-ignore lint/plugin: a fixture holding only the properties the search reads
  ({
    type: 'Feature',
    geometry: { type: 'MultiPoint', coordinates: [[0, 0]] },
    properties: { id, type: 'missile-strike', summary, excerpt: claims[0].excerpt, places: [{ name: place }], claims },
  }) as unknown as EventFeature;
const range = (id: string, weapon: string, origin: string) =>
  // biome-ignore lint/plugin: a fixture holding only the properties the search reads
  ({
    type: 'Feature',
    geometry: null,
    properties: {
      id,
      label: `${weapon}: up to 300 km`,
      weapon,
      weapon_class: 'SRBM',
      origin_place: origin,
      stated_text: 'up to 300 km',
      excerpt: `The ${weapon} flies far.`,
      claims: [claim('the ministry', `The ${weapon} flies far.`)],
    },
  }) as unknown as RangeFeature;

const features = [
  event('e1', 'Kharkiv', 'Missile strike on Kharkiv'),
  event('e2', 'Odesa', 'Drones over the port', [
    claim('the air force', 'Drones were shot down over Odesa overnight.', 'Harbour Post'),
  ]),
  event('e3', 'Kharkiv', 'Drones over Kharkiv', [claim('the air force', 'Drones hit a depot in Kharkiv.')]),
  range('r1', 'Iskander-M', 'Kursk'),
];

describe('searchText', () => {
  it('holds places, type, summary, claimants, publishers and excerpts; for a range its weapon and origin', () => {
    const t = searchText(features[1]);
    for (const w of ['Odesa', 'missile strike', 'the air force', 'Harbour Post', 'shot down']) expect(t).toContain(w);
    expect(searchText(features[3])).toMatch(/Iskander-M.*SRBM.*Kursk/);
  });
});

describe('createSearcher', () => {
  it('finds by place, by claimant and words together, by a prefix, and by weapon', async () => {
    const s = await createSearcher(features);
    expect(s.search('Kharkiv').sort()).toEqual(['e1', 'e3']);
    expect(s.search('kharkiv drones')).toEqual(['e3']);
    expect(s.search('harbour')).toEqual(['e2']);
    expect(s.search('iskand')).toEqual(['r1']);
    expect(s.search('Lviv')).toEqual([]);
    expect(s.search('  ')).toEqual([]);
  });
});
