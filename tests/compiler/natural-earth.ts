/**
 * Natural Earth land and country polygons (1:10m, from the world-atlas npm package the basemap
 * script reads) as an independent check of the gazetteer's points: which points lie on land, and
 * in which country. Test helper; loaded once per test file that asks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import * as topojson from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

type Area = Feature<Polygon | MultiPolygon>;

function read(file: string, object: string): Area[] {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
  const fc = topojson.feature(topology, topology.objects[object] as GeometryCollection) as FeatureCollection;
  return fc.features.filter((f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
}

let land: Area[] | null = null;
let countries: Map<string, Area> | null = null;

/** Whether [lon, lat] lies on Natural Earth 1:10m land. */
export function onLand(p: [number, number]): boolean {
  land ??= read('land-10m.json', 'land');
  return land.some((f) => booleanPointInPolygon(p, f));
}

/** Whether land and water both lie within `km` of p: a point on a strait or a coast. */
export function nearShore(p: [number, number], km: number): boolean {
  const samples: boolean[] = [onLand(p)];
  const dLat = km / 111.2;
  const dLon = dLat / Math.max(0.05, Math.cos((p[1] * Math.PI) / 180));
  for (let k = 0; k < 16; k++) {
    const a = (k * Math.PI) / 8;
    for (const r of [0.5, 1]) samples.push(onLand([p[0] + r * dLon * Math.cos(a), p[1] + r * dLat * Math.sin(a)]));
  }
  return samples.includes(true) && samples.includes(false);
}

/** Natural Earth 1:10m country polygon of an ISO 3166-1 alpha-2 code, by its numeric code; null if none. */
export function countryArea(iso2: string): Area | null {
  if (!countries) {
    const numeric = new Map(
      (require('world-countries/countries.json') as Array<{ cca2: string; ccn3: string }>).map((c) => [c.ccn3, c.cca2]),
    );
    countries = new Map();
    for (const f of read('countries-10m.json', 'countries')) {
      const code = numeric.get(String(f.id));
      if (code) countries.set(code, f);
    }
  }
  return countries.get(iso2) ?? null;
}

export function inArea(p: [number, number], area: Area): boolean {
  return booleanPointInPolygon(p, area);
}
