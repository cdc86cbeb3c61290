import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadData, readFetched, type Fetched } from '../../src/map/data';
import { encodeIndex, type IndexEntry } from '../../src/index-format';

afterEach(() => vi.unstubAllGlobals());

const entry = (i: number): IndexEntry => ({
  type: 'Feature',
  geometry: { type: 'MultiPoint', coordinates: [[24 + i / 100, 49.8]] },
  properties: {
    id: `p${i}`,
    type: 'shelling',
    summary: `Shelling ${i}`,
    label: null,
    status: 'reported',
    date: '2023-11-02',
    date_start: '2023-11-02',
    date_end: '2023-11-02',
    date_precision: 'day',
    precision: 2,
    precision_label: 'city: Lviv',
    magnitude: null,
    magnitude_unit: null,
    sources: 2,
    conflict: false,
    places: [{ name: 'Lviv', precision: 2, precision_label: 'city: Lviv', admin1: null, country: 'UA' }],
    claimants: ['the regional governor'],
    chunk: 0,
  },
});
const ranges = { type: 'FeatureCollection', events_index: 'events.index.json', features: [] };
const fetched = (json: unknown): Fetched => ({ ok: true, status: 200, statusText: 'OK', text: JSON.stringify(json) });

describe('the downloads public/preload-data.js started', () => {
  it('are what loadData reads: the ranges and the index, with no fetch of its own', async () => {
    const files: Record<string, Fetched> = {
      'ranges.geojson': fetched(ranges),
      'events.index.json': fetched(encodeIndex([entry(1), entry(2)], 10)),
    };
    const asked: string[] = [];
    vi.stubGlobal('location', { href: 'https://example.test/atlas/' });
    vi.stubGlobal('window', {
      atlasPrefetched: async (file: string) => {
        asked.push(file);
        return files[file] ?? null;
      },
    });
    vi.stubGlobal('fetch', async (url: string) => {
      throw new Error(`fetched ${url} itself`);
    });
    const data = await loadData('/atlas/');
    expect(data.problems).toEqual([]);
    expect(asked).toEqual(['ranges.geojson', 'events.index.json']);
    expect(data.events.features.map((f) => f.properties.id)).toEqual(['p1', 'p2']);
  });

  it('are fetched by loadData itself when the worker has none (null)', async () => {
    const served: string[] = [];
    vi.stubGlobal('location', { href: 'https://example.test/atlas/' });
    vi.stubGlobal('window', { atlasPrefetched: async () => null });
    vi.stubGlobal('fetch', async (url: string) => {
      served.push(url);
      const name = url.split('/').pop() ?? '';
      const body = name === 'ranges.geojson' ? ranges : encodeIndex([entry(3)], 10);
      return new Response(JSON.stringify(body));
    });
    const data = await loadData('/atlas/');
    expect(served).toEqual(['/atlas/data/ranges.geojson', '/atlas/data/events.index.json']);
    expect(data.events.features.map((f) => f.properties.id)).toEqual(['p3']);
  });
});

describe('readFetched', () => {
  it('gives the JSON of a whole answer', () => {
    expect(readFetched(fetched({ a: 1 }), 'x.json')).toEqual({ json: { a: 1 } });
  });

  it('says why there is no JSON, as a fetch of the page would', () => {
    const problem = (f: Fetched) => (readFetched(f, 'ranges.geojson') as { problem: string }).problem;
    expect(problem({ failed: 'offline' })).toBe('Could not download data/ranges.geojson (offline).');
    expect(problem({ ok: false, status: 404, statusText: 'Not Found' })).toBe(
      'Could not load data/ranges.geojson: the server answered 404 Not Found. Has the data build run?',
    );
    expect(problem({ ok: false, status: 500, statusText: '' })).toBe(
      'Could not load data/ranges.geojson: the server answered 500. Has the data build run?',
    );
    expect(problem({ ok: true, status: 200, broken: 'reset' })).toBe(
      'The download of data/ranges.geojson broke off (reset).',
    );
    expect(problem({ ok: true, status: 200, text: '{"type": "Feat' })).toMatch(
      /^data\/ranges\.geojson is not valid JSON, perhaps cut off \(/,
    );
  });
});
