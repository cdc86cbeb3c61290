import { describe, expect, it } from 'vitest';
import type { EventCollection } from '../../src/contract.js';
import { INDEX_KEYS, PAGE_INDEX, chunkName, pageIndex, pageIndexOutputs } from '../../src/compiler/page-index.js';
import { decodeIndex, indexLayoutProblem } from '../../src/index-format.js';

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
  const compact = JSON.parse(files[PAGE_INDEX]);
  // The page reads the entries back from the columns (src/index-format.ts).
  const index = { chunks: compact.chunks, features: decodeIndex(compact) };

  it('keeps every event, in order, with its geometry and only the drawn properties, and no excerpt', () => {
    expect(index.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(
      events.features.map((f) => f.properties.id),
    );
    expect(index.features[3].geometry).toEqual(events.features[3].geometry);
    expect(Object.keys(index.features[0].properties).sort()).toEqual(
      [...INDEX_KEYS, 'places', 'claimants', 'chunk'].sort(),
    );
    expect(indexLayoutProblem(compact)).toBeNull();
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

  it('is much smaller than the events it indexes, and than its entries as GeoJSON', () => {
    expect(files[PAGE_INDEX].length).toBeLessThan(JSON.stringify(events).length / 2);
    expect(files[PAGE_INDEX].length).toBeLessThan(JSON.stringify(index.features).length / 2);
  });
});

/** The index as the whole-string build wrote it (before outputs came in pieces): the oracle for the pieces. */
function wholeIndex(fc: EventCollection, chunkSize: number): Record<string, string> {
  const chunks: Array<Record<string, unknown>> = [];
  const features = fc.features.map((f, i) => {
    const n = Math.floor(i / chunkSize);
    (chunks[n] ??= {})[f.properties.id] = f.properties;
    const p = f.properties;
    const props = Object.fromEntries(INDEX_KEYS.map((k) => [k, p[k] ?? null])) as Record<string, unknown>;
    props.places = p.places.map(({ name, precision, precision_label, admin1, country }) => ({
      name,
      precision,
      precision_label,
      admin1,
      country,
    }));
    props.claimants = [...new Set((p.claims ?? []).map((c) => c.claimant))];
    props.chunk = n;
    return { type: 'Feature', geometry: f.geometry, properties: props };
  });
  const files: Record<string, string> = {
    [PAGE_INDEX]: JSON.stringify({ chunks: chunks.length, features }),
  };
  chunks.forEach((c, n) => (files[chunkName(n)] = JSON.stringify(c)));
  return files;
}

describe('pageIndexOutputs', () => {
  it('makes, piece by piece, the chunks the whole-string build made and an index that reads back to its entries, whatever the ids and sizes', () => {
    // Ids that JavaScript orders as numbers in an object, and one id twice: the chunk keeps their order and one of each.
    // biome-ignore lint/plugin: a fixture holding only the properties the index reads
    const odd = {
      type: 'FeatureCollection',
      features: [event(1), event(2), { ...event(3), properties: { ...event(3).properties, id: '10' } }, event(4)]
        .concat([{ ...event(5), properties: { ...event(5).properties, id: '2' } }, event(6), event(1)])
        .concat(Array.from({ length: 14 }, (_, i) => event(30 + i))),
    } as unknown as EventCollection;
    const none: EventCollection = { type: 'FeatureCollection', features: [] };
    for (const fc of [events, odd, none])
      for (const size of [1, 3, 10, 1000]) {
        const outputs = pageIndexOutputs(fc, size);
        const made = Object.fromEntries(outputs.map((o) => [o.name, [...o.chunks].join('')]));
        const oracle = wholeIndex(fc, size);
        // The chunks byte for byte; the index, read back, gives the oracle's entries and chunk count.
        const compact = JSON.parse(made[PAGE_INDEX]);
        expect({ chunks: compact.chunks, features: decodeIndex(compact) }).toEqual(JSON.parse(oracle[PAGE_INDEX]));
        expect(JSON.stringify(JSON.parse(made[PAGE_INDEX]))).toBe(made[PAGE_INDEX]);
        expect({ ...made, [PAGE_INDEX]: '' }).toEqual({ ...oracle, [PAGE_INDEX]: '' });
        expect(outputs.map((o) => o.name)).toEqual(Object.keys(oracle));
      }
  });

  it('makes the index a column a piece', () => {
    const [index] = pageIndexOutputs(events, 10);
    const pieces = [...index.chunks];
    expect(pieces.length).toBe(Object.keys(JSON.parse(pieces.join('')).events).length + 2);
  });
});
