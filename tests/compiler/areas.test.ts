import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArea } from '../../src/compiler/areas.js';

const SRC = join(import.meta.dirname, '../../src/compiler');

describe('parseArea: area text → geometry, pure', () => {
  it('takes a geometry, a Feature, or a FeatureCollection of one feature', () => {
    const poly = '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}';
    const a = parseArea(poly);
    expect('geometry' in a && a.geometry.type).toBe('Polygon');
    const f = parseArea(`{"type":"Feature","properties":{},"geometry":${poly}}`);
    expect('geometry' in f && f.geometry.type).toBe('Polygon');
    const fc = parseArea(
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":${poly}}]}`,
    );
    expect('geometry' in fc && fc.geometry.type).toBe('Polygon');
  });
  it('refuses what is not GeoJSON, two features, and a Point, each with one line saying why', () => {
    for (const [text, want] of [
      ['{"type":', /^not valid JSON at line 1, column 9 of the file: the file ends before/],
      ['{"type":"FeatureCollection","features":[]}', /exactly one feature, found 0/],
      ['{"type":"Point","coordinates":[0,0]}', /found Point/],
    ] as const) {
      const r = parseArea(text);
      expect('error' in r && r.error).toMatch(want);
      expect('error' in r && r.error).not.toContain('\n');
    }
  });
});

describe('the compiler does no file I/O', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) =>
      statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : [],
    );
  it('no module of src/compiler imports fs, child_process, worker_threads or net', () => {
    const offenders = files(SRC).filter((f) =>
      /from '(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https)'/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('parseArea: area files broken as GIS exports break them (tests/fixtures/malformed/areas)', () => {
  const read = (name: string) =>
    parseArea(readFileSync(join(import.meta.dirname, '../fixtures/malformed/areas', name), 'utf8'));
  it.each([
    ['empty.geojson', /^the file is empty; an area file holds one GeoJSON Polygon/],
    [
      'projected-metres.geojson',
      /^coordinates\[0\]\[0\] is \[3339584\.7, 6446275\.8\], not a longitude and latitude in degrees; these look like metres of a projected CRS: export the file again in EPSG:4326/,
    ],
    [
      'crs-web-mercator.geojson',
      /^it declares the coordinate reference system urn:ogc:def:crs:EPSG::3857 \("crs" member\).*export it again in EPSG:4326$/,
    ],
    [
      'lat-lon-swapped.geojson',
      /^coordinates\[0\] is \[31\.23, 121\.47\], not a longitude and latitude in degrees; are longitude and latitude swapped\?/,
    ],
    ['no-coordinates.geojson', /^the MultiPolygon has no coordinates: nothing would be drawn from it$/],
    ['unclosed-ring.geojson', /^not valid GeoJSON: First and last positions/],
    // Was the checker's internal "Invalid JSON: Cannot read properties of undefined (reading 'value')".
    [
      'cut-short.geojson',
      /^not valid JSON at line 5, column 1 of the file: the file ends before its brackets and braces are closed \(was it cut short/,
    ],
  ])('refuses %s, saying what to fix', (name, message) => {
    const r = read(name);
    expect('error' in r && r.error).toMatch(message);
  });
  it('takes a Feature, 3D positions, and a crs member that names WGS 84 longitude, latitude', () => {
    for (const name of ['feature-not-collection.geojson', 'three-d.geojson', 'crs-wgs84.geojson']) {
      const r = read(name);
      expect('geometry' in r && r.geometry.type).toBe('Polygon');
      expect('warning' in r).toBe(false);
    }
  });
  it('takes a ring that crosses itself, with a warning naming the two edges and where they cross', () => {
    const r = read('bow-tie.geojson');
    expect('geometry' in r && r.warning).toMatch(
      /^the ring coordinates\[0\] crosses itself: its edge from position 0 to 1 crosses the edge from 2 to 3 near \[30\.5, 50\.5\]/,
    );
  });
  it('takes an area written the long way round the antimeridian, with a warning naming the edge and how to split it', () => {
    const r = read('across-antimeridian-long-way.geojson');
    expect('geometry' in r && r.warning).toMatch(
      /^coordinates\[0\]: its edge from position 0 \[179\.5, 64\] to 1 \[-179, 64\] spans 358\.5° of longitude, so GeoJSON reads it the long way round the globe.*split it there into a MultiPolygon/,
    );
  });
  it('takes the basemap outlines it is meant to read (a longitude of 181 is degrees, past the antimeridian)', () => {
    const land = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/basemap/land-110m.geojson'), 'utf8'));
    const r = parseArea(JSON.stringify(land.features?.[0]?.geometry ?? land));
    expect('error' in r ? r.error : null).toBeNull();
  });
});
