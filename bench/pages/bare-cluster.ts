/**
 * The floor of bench/scale.ts: the bare page of bare.ts drawing the published events as one clustered
 * GeoJSON source (a circle per cluster with its count, a circle per lone event), nothing else. Parameters
 * as in bare-map.ts. Marks `bare:idle` at the first idle after the data is in.
 */
import { bareMap } from './bare-map.js';
import { nextIdle, styleParsed } from '../../src/map/map.js';
import { FONT } from '../../src/basemap/fonts.js';
import { decodeIndex, type CompactIndex } from '../../src/index-format.js';

const { map, base } = bareMap();
/** The events as the app reads them: the compact index of a large archive (decoded as the app does), else events.geojson. */
async function events(): Promise<{ features: unknown[] }> {
  const index = await fetch(`${base}data/events.index.json`);
  return index.ok
    ? { features: decodeIndex((await index.json()) as CompactIndex) }
    : fetch(`${base}data/events.geojson`).then((r) => r.json());
}
const [collection] = await Promise.all([events(), styleParsed(map)]);
const points = {
  type: 'FeatureCollection' as const,
  features: (
    collection.features as Array<{ geometry: { coordinates: number[][] }; properties: { id: string; type: string } }>
  ).flatMap((f) =>
    f.geometry.coordinates.map((c) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: c },
      properties: { id: f.properties.id, type: f.properties.type },
    })),
  ),
};
map.addSource('bare-events', { type: 'geojson', data: points, cluster: true, clusterRadius: 50, clusterMaxZoom: 12 });
map.addLayer({
  id: 'bare-cluster',
  type: 'circle',
  source: 'bare-events',
  filter: ['has', 'point_count'],
  paint: {
    'circle-radius': ['step', ['get', 'point_count'], 12, 100, 16, 1000, 22],
    'circle-color': '#c0392b',
    'circle-opacity': 0.8,
  },
});
map.addLayer({
  id: 'bare-count',
  type: 'symbol',
  source: 'bare-events',
  filter: ['has', 'point_count'],
  layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [...FONT.regular], 'text-size': 11 },
});
map.addLayer({
  id: 'bare-point',
  type: 'circle',
  source: 'bare-events',
  filter: ['!', ['has', 'point_count']],
  paint: { 'circle-radius': 5, 'circle-color': '#c0392b' },
});
await nextIdle(map);
performance.mark('bare:idle');
