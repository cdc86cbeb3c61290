import { describe, expect, it } from 'vitest';
import type { EventCollection } from '../../src/contract.js';
import { INDEX_KEYS, PAGE_INDEX, chunkName, pageIndex } from '../../src/compiler/page-index.js';

const event = (i: number) => ({
  type: 'Feature' as const,
  geometry: { type: 'MultiPoint' as const, coordinates: [[i, 10]] },
  properties: {
    id: `e${i}`,
    type: 'missile-strike',
    summary: `Strike ${i}`,
    status: 'reported',
    date: '2024-01-02',
    date_start: '2024-01-02',
    date_end: '2024-01-02',
    date_precision: 'day',
    precision: 1,
    precision_label: 'exact',
    magnitude: null,
    magnitude_unit: null,
    sources: 2,
    conflict: false,
    excerpt: `A long excerpt ${i} `.repeat(20),
    places: [
      { name: `Place ${i}`, precision: 1, admin1: null, country: 'UA', precision_label: 'exact', lonlat: [i, 10] },
    ],
    claims: [
      { claimant: 'the governor', excerpt: `Excerpt ${i}`.repeat(30) },
      { claimant: 'the governor', excerpt: 'Again' },
      { claimant: 'the army', excerpt: 'More' },
    ],
  },
});
// biome-ignore lint/plugin: a fixture holding only the properties the index reads
const events = {
  type: 'FeatureCollection',
  features: Array.from({ length: 25 }, (_, i) => event(i)),
} as unknown as EventCollection;

describe('pageIndex', () => {
  const files = pageIndex(events, 10);
  const index = JSON.parse(files[PAGE_INDEX]);

  it('keeps every event, in order, with its geometry and only the drawn properties, and no excerpt', () => {
    expect(index.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(
      events.features.map((f) => f.properties.id),
    );
    expect(index.features[3].geometry).toEqual(events.features[3].geometry);
    expect(Object.keys(index.features[0].properties).sort()).toEqual(
      [...INDEX_KEYS, 'places', 'claimants', 'chunk'].sort(),
    );
    expect(files[PAGE_INDEX]).not.toContain('excerpt');
    expect(index.features[0].properties.claimants).toEqual(['the governor', 'the army']);
  });

  it('puts each event whole in the chunk its index entry names', () => {
    expect(index.chunks).toBe(3);
    expect(Object.keys(files).sort()).toEqual([PAGE_INDEX, chunkName(0), chunkName(1), chunkName(2)].sort());
    for (const f of index.features) {
      const chunk = JSON.parse(files[chunkName(f.properties.chunk)]);
      expect(chunk[f.properties.id]).toEqual(
        events.features.find((e) => e.properties.id === f.properties.id)!.properties,
      );
    }
  });

  it('is much smaller than the events it indexes', () => {
    expect(files[PAGE_INDEX].length).toBeLessThan(JSON.stringify(events).length / 2);
  });
});
