import { describe, expect, it } from 'vitest';
import type { Claim, RangeCollection, RangeFeature, RangeProperties } from '../../src/contract.js';
import { bandKey, bandsByWeapon, groupBands } from '../../src/map/band-groups.js';

const square = (x: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});

function claim(document: string, line: number, status: Claim['status'] = 'claimed'): Claim {
  return {
    excerpt: `Sentence of ${document} at line ${line}.`,
    highlights: [],
    document,
    document_title: `Title ${document}`,
    publisher: null,
    document_date: '2024-01-01',
    url: null,
    claimant: `claimant of ${document}`,
    status,
    note: null,
    additions: [],
    date: null,
    place: 'Site',
    line,
    column: 1,
  };
}

function band(
  id: string,
  over: Partial<RangeProperties> = {},
  geometry: RangeFeature['geometry'] = square(0),
): RangeFeature {
  const claims = over.claims ?? [claim(`doc-${id}`, 1)];
  const c = claims[0];
  return {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      weapon: 'Missile-1',
      weapons: ['w1'],
      weapon_class: null,
      min_km: 0,
      max_km: 300,
      stated_text: 'up to 300 km',
      qualifier: 'up to',
      stated: true,
      basis: 'stated',
      origin: [30, 50],
      origin_place: 'Site',
      origin_note: null,
      label: 'Missile-1: up to 300 km, claimed',
      conflicts_with: [],
      excerpt: c.excerpt,
      document: c.document,
      document_title: c.document_title,
      publisher: null,
      document_date: c.document_date,
      url: null,
      claimant: c.claimant,
      status: c.status,
      additions: [],
      sources: 1,
      ...over,
      claims,
    },
  };
}
const collection = (...features: RangeFeature[]): RangeCollection => ({ type: 'FeatureCollection', features });

describe('groupBands', () => {
  it('draws bands that differ only in their claims once, listing every claim with its source', () => {
    const a = band('a', { claims: [claim('d1', 3), claim('d2', 5)] });
    const b = band('b', { claims: [claim('d3', 7, 'disputed')] });
    const { ranges, aliases } = groupBands(collection(a, b));
    expect(ranges.features).toHaveLength(1);
    const p = ranges.features[0].properties;
    expect(p.id).toBe('a');
    expect(p.claims.map((c) => c.document)).toEqual(['d1', 'd2', 'd3']);
    expect(p.claims[2].status).toBe('disputed');
    // One disputed claim among them makes the drawn band disputed (contract.ts featureStatus).
    expect(p.status).toBe('disputed');
    expect(p.sources).toBe(3);
    expect(aliases.get('b')).toBe('a');
  });

  it('keeps bands whose values conflict apart, each naming the other', () => {
    const a = band('a', { conflicts_with: ['b'] });
    const b = band('b', { max_km: 350, label: 'Missile-1: up to 350 km, claimed', conflicts_with: ['a'] }, square(5));
    const { ranges, aliases } = groupBands(collection(a, b));
    expect(ranges.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    expect(ranges.features.map((f) => f.properties.conflicts_with)).toEqual([['b'], ['a']]);
    expect(aliases.size).toBe(0);
  });

  it('renames a conflict with a merged-away band to the band it joined, and never names a band as its own conflict', () => {
    const a = band('a', { conflicts_with: ['c', 'd'] });
    const b = band('b', { conflicts_with: ['c'] });
    const c = band('c', { max_km: 500, conflicts_with: ['a', 'b'] }, square(5));
    const d = band('d', { max_km: 500, conflicts_with: ['a', 'b'] }, square(5));
    const { ranges } = groupBands(collection(a, b, c, d));
    expect(ranges.features.map((f) => [f.properties.id, f.properties.conflicts_with])).toEqual([
      ['a', ['c']],
      ['c', ['a']],
    ]);
  });

  it('keeps apart bands of another weapon, another origin, or another inner radius', () => {
    const base = band('a');
    const others = [
      band('w', { weapon: 'Missile-2', weapons: ['w2'] }),
      band('o', { origin: [31, 50] }),
      band('m', { min_km: 100 }),
    ];
    expect(groupBands(collection(base, ...others)).ranges.features).toHaveLength(4);
    expect(new Set([base, ...others].map(bandKey)).size).toBe(4);
  });

  it('keys a band of several weapons the same whatever their order', () => {
    expect(bandKey(band('a', { weapons: ['w1', 'w2'] }))).toBe(bandKey(band('b', { weapons: ['w2', 'w1'] })));
  });

  it('tells area origins apart by name and by the band drawn, and merges the same band from the same area', () => {
    const area = (id: string, name: string, geometry: GeoJSON.Polygon) =>
      band(id, { origin: null, origin_place: name }, geometry);
    expect(bandKey(area('a', 'Bench Area', square(0)))).toBe(bandKey(area('b', 'Bench Area', square(0))));
    expect(bandKey(area('a', 'Bench Area', square(0)))).not.toBe(bandKey(area('b', 'Other Area', square(0))));
    expect(bandKey(area('a', 'Bench Area', square(0)))).not.toBe(bandKey(area('b', 'Bench Area', square(2))));
  });

  it('merges ranges stated with no origin by weapon and values, as the build does, and never with a drawn band', () => {
    const none = (id: string) => band(id, { origin: null, origin_place: null }, null);
    const { ranges } = groupBands(collection(none('x'), none('y'), band('a')));
    expect(ranges.features.map((f) => [f.properties.id, f.geometry === null])).toEqual([
      ['x', true],
      ['a', false],
    ]);
  });

  it('lists a claim that two features share once', () => {
    const shared = claim('d1', 3);
    const { ranges } = groupBands(
      collection(band('a', { claims: [shared] }), band('b', { claims: [shared, claim('d2', 4)] })),
    );
    expect(ranges.features[0].properties.claims.map((c) => `${c.document}:${c.line}`)).toEqual(['d1:3', 'd2:4']);
  });

  it("describes a merged band by its strongest basis, with that feature's claims first so label and status agree", () => {
    const added = band('a', {
      basis: 'added',
      stated: false,
      stated_text: "up to 300 km (annotator's figure)",
      qualifier: null,
      label: 'added label',
      claims: [claim('d1', 1, 'reported')],
    });
    const stated = band('b', { label: 'stated label', claims: [claim('d2', 1, 'disputed')] });
    const p = groupBands(collection(added, stated)).ranges.features[0].properties;
    expect(p.id).toBe('a');
    expect([p.basis, p.stated, p.label, p.status, p.claims[0].document]).toEqual([
      'stated',
      true,
      'stated label',
      'disputed',
      'd2',
    ]);
  });

  it('returns the collection itself when no two features are one band', () => {
    const input = collection(band('a'), band('b', { max_km: 400 }));
    expect(groupBands(input).ranges).toBe(input);
  });
});

describe('bandsByWeapon', () => {
  it("counts each weapon's bands, ranges with no origin and claims, most bands first", () => {
    const groups = bandsByWeapon([
      band('a', { claims: [claim('d1', 1), claim('d2', 1)] }),
      band('b', { max_km: 400, conflicts_with: ['a'] }, square(3)),
      band('c', { weapon: 'Missile-2', weapons: ['w2'] }),
      band('d', { weapon: 'Missile-2', weapons: ['w2'], origin: null, origin_place: null }, null),
      band('e', { weapon: 'Missile-0', weapons: ['w0'] }),
    ]);
    expect(groups).toEqual([
      { weapon: 'Missile-1', bands: 2, unplaced: 0, claims: 3, conflicting: true },
      { weapon: 'Missile-2', bands: 1, unplaced: 1, claims: 2, conflicting: false },
      { weapon: 'Missile-0', bands: 1, unplaced: 0, claims: 1, conflicting: false },
    ]);
  });
});
