/**
 * lookup: a name's candidates in the gazetteer, for `npm run place -- "name"`: the places the
 * resolver weighs for it, best first (the first is what a document that names only it resolves to),
 * or, when no place has that name, the places suggested for it (as the build's `unknown place`
 * error suggests them). Pure, given a gazetteer.
 */
import type { PlaceKind, PrecisionLevel } from '../../contract.js';
import { indexOf, placeAt, type Gazetteer } from '../gazetteer.js';
import { rankCandidates, resolvePlace } from '../resolve.js';
import { suggestPlaces } from './suggest.js';

export interface PlaceRow {
  name: string;
  kind: PlaceKind;
  country: string | null;
  /** ISO 3166-2 code of the region (a region's own, or the one a city lies in). */
  admin1: string | null;
  /** Inhabitants: a city's own; a region's or a country's is the sum of its places in GeoNames. */
  population: number;
  lon: number;
  lat: number;
  precision: PrecisionLevel;
  geonames: number | null;
  wikidata: string | null;
  /** What to write to pin it: `geonames=703448`, or `wikidata=Q…` for a place GeoNames does not number. */
  pin: string | null;
  /** For a suggestion: the name of the place that matched, when not its display name. */
  matched?: string | null;
}

export interface PlaceLookup {
  query: string;
  kind: PlaceKind | null;
  /** True when places have this name (rows are its candidates, best first); false when rows are suggestions. */
  found: boolean;
  /** A document naming only this would get an "ambiguous place" warning. */
  ambiguous: boolean;
  rows: PlaceRow[];
}

/** Candidates listed at most. */
export const MAX_ROWS = 10;

function row(g: Gazetteer, index: number, matched?: string | null): PlaceRow {
  const p = placeAt(g, index);
  return {
    name: p.name,
    kind: p.kind,
    country: p.country,
    admin1: p.admin1,
    population: indexOf(g).population[index],
    lon: p.lonlat[0],
    lat: p.lonlat[1],
    precision: p.precision,
    geonames: p.geonames,
    wikidata: p.wikidata,
    pin: p.geonames ? `geonames=${p.geonames}` : p.wikidata ? `wikidata=${p.wikidata}` : null,
    ...(matched !== undefined ? { matched } : {}),
  };
}

/** The places `name` may mean (with an optional kind hint, as `kind=` gives it), best first. */
export function lookupPlace(g: Gazetteer, name: string, options: { kind?: PlaceKind; max?: number } = {}): PlaceLookup {
  const max = options.max ?? MAX_ROWS;
  const q = { text: name, ...(options.kind ? { kind: options.kind } : {}) };
  const ranked = rankCandidates(g, q, max);
  const kind = options.kind ?? null;
  if (ranked.length > 0) {
    const r = resolvePlace(g, q);
    return { query: name, kind, found: true, ambiguous: r.ok && r.ambiguous, rows: ranked.map((c) => row(g, c.index)) };
  }
  const rows = suggestPlaces(g, name, max).map((s) => row(g, s.index, s.matched));
  return { query: name, kind, found: false, ambiguous: false, rows };
}

const COLUMNS: Array<[string, (r: PlaceRow) => string, 'left' | 'right']> = [
  ['name', (r) => r.name, 'left'],
  ['kind', (r) => r.kind, 'left'],
  ['country', (r) => r.country ?? '', 'left'],
  ['admin1', (r) => r.admin1 ?? '', 'left'],
  ['population', (r) => (r.population > 0 ? r.population.toLocaleString('en-US') : ''), 'right'],
  ['lon,lat', (r) => `${r.lon},${r.lat}`, 'left'],
  ['precision', (r) => String(r.precision), 'right'],
  ['pin', (r) => r.pin ?? '', 'left'],
  ['wikidata', (r) => r.wikidata ?? '', 'left'],
];

/** The lookup as text: one line saying what it found, then a table, one place a line. */
export function formatLookup(l: PlaceLookup): string {
  const hint = l.kind ? ` (kind=${l.kind})` : '';
  const head = l.found
    ? `"${l.query}"${hint}: ${l.rows.length} candidate${l.rows.length === 1 ? '' : 's'}, best first; a document naming only it resolves to the first${l.ambiguous ? ' and warns that it is ambiguous (pin one with its pin)' : ''}`
    : l.rows.length > 0
      ? `"${l.query}"${hint}: no place has this name; places with a close name or spelling (write one of their names, or pin it):`
      : `"${l.query}"${hint}: no place has this name, and none has a close one`;
  if (l.rows.length === 0) return `${head}\n`;
  const cols = l.found
    ? COLUMNS
    : [...COLUMNS, ['matched', (r: PlaceRow) => r.matched ?? '', 'left'] as (typeof COLUMNS)[number]];
  const cells = l.rows.map((r) => cols.map(([, get]) => get(r)));
  const widths = cols.map(([title], c) => Math.max(title.length, ...cells.map((line) => [...line[c]].length)));
  // Widths in code points, so that "Al Ḩudaydah" lines up.
  const pad = (s: string, c: number) => {
    const fill = ' '.repeat(widths[c] - [...s].length);
    return cols[c][2] === 'right' ? fill + s : s + fill;
  };
  const line = (values: string[]) => values.map(pad).join('  ').trimEnd();
  return `${[head, line(cols.map(([t]) => t)), ...cells.map(line)].join('\n')}\n`;
}
