/**
 * Candidate rules for country points, for bench/geocode.ts `--country-rules`: each gives every
 * country one point, then the gazetteer's common steps apply (a point outside the country's Natural
 * Earth 1:10m polygons moves to the nearest GeoNames populated place inside them; overrides.yaml's
 * sourced rows win). Reads the installed packages and the built index; scoring lives in geocode.ts.
 */
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import polylabel from 'polylabel';
import * as topojson from 'topojson-client';
import type { Gazetteer } from '../src/compiler/gazetteer.js';
import { countryOf, indexOf, levelOf, lonlatOf } from '../src/compiler/gazetteer.js';
import { labelPoint } from '../src/compiler/places/centroid.js';
import { areaContains, unwrappedArea } from '../src/compiler/places/contains.js';
import { distanceKm } from '../src/compiler/places/distance.js';

export const COUNTRY_RULES = {
  f: 'world-countries point (Factbook style), the current rule',
  b: "pole of inaccessibility of the country's largest polygon (polylabel)",
  c: "area centroid of the country's largest polygon",
  d: "population-weighted centroid of the country's GeoNames places",
  e: 'the capital (GeoNames PPLC; the most populous if several)',
} as const;
export type CountryRule = keyof typeof COUNTRY_RULES;

type Point = [number, number];

function wrap(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(a / 2);
}

function weightedMean(points: Array<[number, number, number]>): Point {
  const rad = Math.PI / 180;
  let [x, y, z] = [0, 0, 0];
  for (const [lon, lat, w] of points) {
    x += w * Math.cos(lat * rad) * Math.cos(lon * rad);
    y += w * Math.cos(lat * rad) * Math.sin(lon * rad);
    z += w * Math.sin(lat * rad);
  }
  return [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad];
}

/** Points by rule and country code, each kept inside its country; `current` is the gazetteer's own point per country. */
export function countryRulePoints(
  g: Gazetteer,
  current: Map<string, Point>,
  fixed: ReadonlySet<string>,
): Record<CountryRule, Map<string, Point>> {
  const require = createRequire(import.meta.url);
  const world = require('world-countries/countries.json') as Array<{
    ccn3: string;
    cca2: string;
    latlng: [number, number];
  }>;
  const topology = require('world-atlas/countries-10m.json');
  // biome-ignore lint/plugin: typed boundary: world-atlas TopoJSON read as untyped JSON
  const fc = topojson.feature(topology, topology.objects.countries) as unknown as FeatureCollection;
  const numeric = new Map(world.map((c) => [c.ccn3, c.cca2]));
  const areas = new Map<string, Array<Feature<MultiPolygon>>>();
  for (const f of fc.features) {
    const code = numeric.get(String(f.id));
    const area = unwrappedArea(f.geometry);
    if (code && area) areas.set(code, [...(areas.get(code) ?? []), area]);
  }
  const largest = (code: string): Position[][] | null => {
    let best: { a: number; poly: Position[][] } | null = null;
    for (const area of areas.get(code) ?? [])
      for (const poly of area.geometry.coordinates) {
        const a = ringArea(poly[0]);
        if (!best || a > best.a) best = { a, poly };
      }
    return best?.poly ?? null;
  };
  const inside = (code: string, p: Point): boolean => (areas.get(code) ?? []).some((a) => areaContains(a, p));
  const x = indexOf(g);
  const places = new Map<string, Array<{ p: Point; pop: number; capital: boolean }>>();
  for (let i = 0; i < x.size; i++) {
    if (levelOf(x, i) !== 'city') continue;
    const code = countryOf(x, i);
    const fcode = x.fcodes[x.fcode[i]];
    if (!code || /^PPLX/.test(fcode)) continue;
    let list = places.get(code);
    if (!list) places.set(code, (list = []));
    list.push({ p: lonlatOf(x, i), pop: x.population[i], capital: fcode === 'PPLC' });
  }
  const onLand = (code: string, p: Point | null): Point | null => {
    if (!p) return null;
    if (!areas.has(code) || inside(code, p)) return p;
    const near = (places.get(code) ?? [])
      .map((c) => ({ c, d: distanceKm(p, c.p) }))
      .sort((a, b) => a.d - b.d)
      .find(({ c }) => inside(code, c.p));
    return near?.c.p ?? p;
  };
  const out = { f: new Map(), b: new Map(), c: new Map(), d: new Map(), e: new Map() } as Record<
    CountryRule,
    Map<string, Point>
  >;
  for (const [code, own] of current) {
    const poly = largest(code);
    const label = poly ? (polylabel(poly, 0.01) as number[]) : null;
    const centroid = poly ? labelPoint({ type: 'Polygon', coordinates: poly }) : null;
    const list = places.get(code) ?? [];
    const popMean = list.length ? weightedMean(list.map((c) => [c.p[0], c.p[1], Math.max(c.pop, 1)])) : null;
    const capital = list.filter((c) => c.capital).sort((a, b) => b.pop - a.pop)[0]?.p ?? null;
    const candidates: Record<CountryRule, Point | null> = {
      f: own,
      b: label ? [wrap(label[0]), label[1]] : null,
      c: centroid ? [wrap(centroid[0]), centroid[1]] : null,
      d: popMean,
      e: capital,
    };
    // A sourced overrides.yaml point wins under every rule, as it does in the gazetteer.
    for (const rule of Object.keys(out) as CountryRule[])
      out[rule].set(code, fixed.has(code) ? own : (onLand(code, candidates[rule]) ?? own));
  }
  return out;
}
