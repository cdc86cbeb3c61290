import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadData } from '../../src/map/data';

/** Serves `files` (name → JSON) to fetch, under any base. */
function serve(files: Record<string, unknown>): void {
  vi.stubGlobal('location', { href: 'https://example.test/atlas/' });
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.split('/').pop() ?? '';
    return name in files
      ? new Response(JSON.stringify(files[name]))
      : new Response('', { status: 404, statusText: 'Not Found' });
  });
}
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
