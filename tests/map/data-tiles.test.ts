import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadData } from '../../src/map/data';
import { serveJson as serve } from '../fixtures/fetch/serve-json';

afterEach(() => vi.unstubAllGlobals());

const index = { type: 'FeatureCollection', chunks: 0, features: [] };

describe('loadData and a tiled archive', () => {
  it('gives the absolute URL of the tiles that ranges.geojson names beside the index', async () => {
    serve({
      'ranges.geojson': {
        type: 'FeatureCollection',
        events_index: 'events.index.json',
        events_tiles: 'events.pmtiles',
        features: [],
      },
      'events.index.json': index,
    });
    const data = await loadData('/atlas/');
    expect(data.tiles).toBe('https://example.test/atlas/data/events.pmtiles');
    expect(data.problems).toEqual([]);
  });

  it('ignores a tiles member that is not a file name beside it, and one without an index', async () => {
    serve({
      'ranges.geojson': {
        type: 'FeatureCollection',
        events_index: 'events.index.json',
        events_tiles: '../../elsewhere/x.pmtiles',
        features: [],
      },
      'events.index.json': index,
    });
    expect((await loadData('/atlas/')).tiles).toBeUndefined();
    serve({
      'ranges.geojson': { type: 'FeatureCollection', events_tiles: 'events.pmtiles', features: [] },
      'events.geojson': { type: 'FeatureCollection', features: [] },
    });
    expect((await loadData('/atlas/')).tiles).toBeUndefined();
  });
});
