/**
 * The row format of data/gazetteer/admin1.json, declared once: scripts/gazetteer.ts writes it and
 * sources.ts reads it. Documented in data/gazetteer/README.md.
 */

/** Column order of `rows`. */
export const ADMIN1_COLUMNS = [
  'code',
  'country',
  'name',
  'type',
  'type_en',
  'lon',
  'lat',
  'clon',
  'clat',
  'geonames',
  'wikidata',
  'postal',
  'gn_a1',
  'names',
  'translations',
] as const;

/** One row, in {@link ADMIN1_COLUMNS} order. */
export type Admin1Row = [
  code: string,
  country: string,
  name: string,
  type: string,
  typeEn: string,
  lon: number,
  lat: number,
  clon: number,
  clat: number,
  geonames: number | null,
  wikidata: string | null,
  postal: string,
  gnA1: string,
  names: string[],
  translations: string[],
];
