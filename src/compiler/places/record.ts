/**
 * One place as the gazetteer holds it before packing: the common shape every source (GeoNames
 * cities, Natural Earth regions, countries, continents, US counties, territories) is read into.
 */
import type { PlaceKind, PrecisionLevel } from '../../contract.js';

/**
 * Levels of place, each with the kind and precision it is published with. `dependency` is a
 * country-like territory that is not independent (Guam, Greenland); `territory` a named part of a
 * country without an admin-1 polygon of its own (England, Crimea the peninsula, Gaza Strip);
 * `area` a group of countries (Eastern Europe, the European Union) or a wide area of another kind
 * (an ocean, a sea, a macro-region, a desert, a mountain range); `feature` a natural feature or
 * sub-national area of region size (a river, an island, a lake, South Ossetia); `site` a named
 * facility or landmark (an airport, an air base, a power plant).
 */
export const LEVELS = [
  'city',
  'county',
  'region',
  'territory',
  'dependency',
  'country',
  'area',
  'continent',
  'feature',
  'site',
] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_KIND: Readonly<Record<Level, PlaceKind>> = {
  city: 'city',
  county: 'region',
  region: 'region',
  territory: 'region',
  dependency: 'country',
  country: 'country',
  area: 'area',
  continent: 'continent',
  feature: 'area',
  site: 'site',
};

export const LEVEL_PRECISION: Readonly<Record<Level, PrecisionLevel>> = {
  city: 2,
  county: 3,
  region: 3,
  territory: 3,
  dependency: 4,
  country: 4,
  area: 5,
  continent: 5,
  feature: 3,
  site: 1,
};

/**
 * How a name belongs to its place: `primary` the display or official name, `official` other
 * English, official or local names, `alternate` GeoNames' alternate names (historic and foreign
 * forms included), `translation` the name in another language from Natural Earth or
 * world-countries (Hungarian "Albany" is Albay, PH), `abbreviation` and `demonym` from the
 * project's tables, `bare` a name that normally takes a designator ("Rapides" for Rapides Parish).
 * At most 8 types: the packed index keeps the type in 3 bits.
 */
export const NAME_TYPES = [
  'primary',
  'official',
  'alternate',
  'abbreviation',
  'demonym',
  'bare',
  'translation',
] as const;
export type NameType = (typeof NAME_TYPES)[number];

export interface PlaceRecord {
  name: string;
  level: Level;
  /**
   * GeoNames feature code for cities (PPL, PPLA, PPLC, …); ADM1 for Natural Earth regions, ADM1C for
   * those that are cities (Moscow, Kyiv City), ADM2 for US counties; empty for other levels.
   */
  fcode: string;
  lon: number;
  lat: number;
  /** ISO 3166-1 alpha-2, or null. */
  country: string | null;
  /**
   * Natural Earth ISO 3166-2 code of the admin-1 region: the place's own for regions, the
   * containing one for cities and counties where known.
   */
  region: string | null;
  /**
   * Inhabitants (GeoNames) of a populated place; for regions and US counties, the summed
   * inhabitants of their GeoNames places; 0 when unknown.
   */
  population: number;
  geonames: number | null;
  wikidata: string | null;
  names: Array<[string, NameType]>;
}
