import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadData } from '../../src/map/data';
import { serveJson as serve } from '../fixtures/fetch/serve-json';
import { encodeIndex, type IndexEntry } from '../../src/index-format';

afterEach(() => vi.unstubAllGlobals());

const entry = (i: number, chunk: number): IndexEntry => ({
  type: 'Feature',
  geometry: { type: 'MultiPoint', coordinates: [[30 + i / 1e6, 50.45]] },
  properties: {
    id: `e${i}`,
    type: 'drone-attack',
    summary: `Attack ${i}`,
    label: null,
    status: 'reported',
    date: '2024-05-01',
    date_start: '2024-05-01',
    date_end: '2024-05-01',
    date_precision: 'day',
    precision: 2,
    precision_label: 'city: Kyiv',
    magnitude: i,
    magnitude_unit: 'drones',
    sources: 1,
    conflict: false,
    places: [{ name: 'Kyiv', precision: 2, precision_label: 'city: Kyiv', admin1: 'UA-30', country: 'UA' }],
    claimants: ['the air force'],
    chunk,
  },
});
const ranges = { type: 'FeatureCollection', events_index: 'events.index.json', features: [] };

describe('loadData and the compact index', () => {
  it('reads the events from the columns, each with its chunk, claims to come', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry(i, Math.floor(i / 2)));
    serve({ 'ranges.geojson': ranges, 'events.index.json': encodeIndex(entries, 2) });
    const data = await loadData('/atlas/');
    expect(data.problems).toEqual([]);
    expect(data.events.features.map((f) => f.properties.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(data.events.features[3].geometry.coordinates).toEqual([[30.000003, 50.45]]);
    expect(data.events.features[3].properties).toMatchObject({ magnitude: 3, place: 'Kyiv', claims: [], excerpt: '' });
    expect([...(data.lazy?.chunkOf ?? [])]).toEqual([
      ['e0', 0],
      ['e1', 0],
      ['e2', 1],
      ['e3', 1],
      ['e4', 2],
    ]);
  });

  it('says so, and shows no events, when the index does not have the layout', async () => {
    const broken = encodeIndex([entry(0, 0), entry(1, 0)], 2);
    broken.events.type.pop();
    serve({ 'ranges.geojson': ranges, 'events.index.json': broken });
    const data = await loadData('/atlas/');
    expect(data.events.features).toEqual([]);
    expect(data.problems.join(' ')).toMatch(/events\.index\.json is not the events' compact index \("events\.type"/);
  });

  it('leaves out an entry whose ref points past its table, and keeps the others', async () => {
    const index = encodeIndex([entry(0, 0), entry(1, 0)], 2);
    index.events.summary[0] = 999;
    serve({ 'ranges.geojson': ranges, 'events.index.json': index });
    const data = await loadData('/atlas/');
    expect(data.events.features.map((f) => f.properties.id)).toEqual(['e1']);
    expect(data.problems.join(' ')).toMatch(/feature 1 left out: "summary"/);
  });
});
