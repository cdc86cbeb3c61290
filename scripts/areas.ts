/**
 * Regenerates data/areas/*.geojson, the area origins of ranges, from Natural Earth 1:50m
 * (the world-atlas package; public domain). Run: npx tsx scripts/areas.ts
 *
 * ukraine.geojson is Ukraine's internationally recognised territory: Natural Earth draws Crimea
 * with Russia (a de-facto depiction), so the Crimean polygon is moved back to Ukraine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Position } from 'geojson';
import { serializeCollection } from '../src/compiler/emit.js';

const SIMFEROPOL: Position = [34.1, 44.95];
const topo = JSON.parse(
  readFileSync(new URL('../node_modules/world-atlas/countries-50m.json', import.meta.url), 'utf8'),
);
// biome-ignore lint/plugin: typed boundary: world-atlas TopoJSON read as untyped JSON
const countries = feature(topo, topo.objects.countries) as unknown as {
  features: Array<Feature<MultiPolygon, { name: string }>>;
};
const byId = (id: string) => countries.features.find((f) => f.id === id)!;
const ukraine = byId('804');
const russia = byId('643');
const crimea = russia.geometry.coordinates.find((poly) =>
  booleanPointInPolygon(SIMFEROPOL, { type: 'Polygon', coordinates: poly }),
);
if (!crimea) throw new Error('no Crimean polygon in Natural Earth Russia: the data changed, check scripts/areas.ts');
const round = (p: Position) => [Number(p[0].toFixed(4)), Number(p[1].toFixed(4))];
const area: Feature<MultiPolygon> = {
  type: 'Feature',
  properties: { name: 'Ukraine', source: 'Natural Earth 1:50m admin-0 (world-atlas 2.0.2), Crimea included' },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [...ukraine.geometry.coordinates, crimea].map((poly) => poly.map((ring) => ring.map(round))),
  },
};
writeFileSync(
  new URL('../data/areas/ukraine.geojson', import.meta.url),
  serializeCollection({ type: 'FeatureCollection', features: [area] }),
);
console.log(`ukraine.geojson: ${area.geometry.coordinates.length} polygons`);
