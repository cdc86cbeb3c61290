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

/**
 * A ring made continuous across the antimeridian: where it steps more than 180° of longitude (Chukotka
 * in the Afro-Eurasian ring), the rest is shifted by 360°. Without this a planar point-in-polygon
 * test counts the step as an edge round the world (the Norwegian Sea came out as land, Kola as sea).
 */
function unwrap(ring: number[][]): number[][] {
  let shift = 0;
  return ring.map((c, k) => {
    if (k > 0) {
      const d = c[0] - ring[k - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    return [c[0] + shift, c[1]];
  });
}

function read(file: string, object: string): Area[] {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
  const fc = topojson.feature(topology, topology.objects[object] as GeometryCollection) as FeatureCollection;
  return fc.features
    .filter((f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
    .map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      return {
        ...f,
        geometry: { type: 'MultiPolygon', coordinates: polygons.map((poly) => poly.map(unwrap)) },
      } as Area;
    });
}

/** Whether p lies in the area, at its own longitude or one turn either side (rings unwrapped past ±180°). */
function contains(area: Area, p: [number, number]): boolean {
  return [0, 360, -360].some((d) => booleanPointInPolygon([p[0] + d, p[1]], area));
}

let land: Area[] | null = null;
let countries: Map<string, Area[]> | null = null;

/** Whether [lon, lat] lies on Natural Earth 1:10m land. */
export function onLand(p: [number, number]): boolean {
  land ??= read('land-10m.json', 'land');
  return land.some((f) => contains(f, p));
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

function hasArea(f: Area): boolean {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polygons.some(([ring]) => {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    return Math.abs(a) > 1e-12;
  });
}

/**
 * Natural Earth 1:10m polygons of an ISO 3166-1 alpha-2 code, by its numeric code (several features
 * may share one: Australia and the Ashmore and Cartier Islands); empty if none or none has area.
 */
export function countryAreas(iso2: string): Area[] {
  if (!countries) {
    const numeric = new Map(
      (require('world-countries/countries.json') as Array<{ cca2: string; ccn3: string }>).map((c) => [c.ccn3, c.cca2]),
    );
    countries = new Map();
    for (const f of read('countries-10m.json', 'countries')) {
      const code = numeric.get(String(f.id));
      // Quantisation leaves a few micro-states without area (Vatican City's polygon is a line).
      if (code && hasArea(f)) countries.set(code, [...(countries.get(code) ?? []), f]);
    }
  }
  return countries.get(iso2) ?? [];
}

export function inAreas(p: [number, number], areas: readonly Area[]): boolean {
  return areas.some((a) => contains(a, p));
}
