/**
 * The gazetteer: a compact, read-only index of places (GeoNames cities500, Natural Earth admin-1,
 * countries, continents, groups of countries, territories, US counties) under normalised names.
 *
 * Pure: `packGazetteer` turns the records of places/sources.ts into bytes, `unpackGazetteer` bytes
 * into an index, and the functions below look places up in it. Reading the sources, caching the
 * packed bytes on disk and locking live in the CLI shell (src/cli/gazetteer-cache.ts,
 * `loadGazetteer()`). Unpacking only slices typed arrays out of the bytes; names are decoded when read.
 *
 * Packed layout (little-endian): "SAGZ", u32 header length, header JSON, then 8-byte-aligned
 * sections named in the header: per place lon/lat (Int32, microdegrees), population (Uint32),
 * level, fcode (Uint8), country, region (Uint16 into string tables), GeoNames id (Int32, 0 = none),
 * display names (UTF-8, end to end) and their offsets (Uint32); per name key: keys (UTF-8 sorted
 * by bytes, end to end) and their offsets, postings start
 * (Uint32) and postings (Uint32: place index × 8 + name type); GeoNames ids in order (for binary
 * search); keys offered as suggestions.
 */
import type { ResolvedPlace } from '../contract.js';
import { COORDINATE_DECIMALS } from '../earth.js';
import type { DesignatorTable } from './places/designators.js';
import { compactKey, normalizeName, pluralKeys } from './places/normalize.js';
import { LEVEL_KIND, LEVEL_PRECISION, LEVELS, NAME_TYPES, type Level, type NameType } from './places/record.js';
import type { Sources } from './places/sources.js';

/** A loaded gazetteer. Opaque: read it through `resolvePlace` and the functions below. */
export interface Gazetteer {
  /** Number of places indexed. */
  readonly size: number;
}

/** Bumped when the packed layout or the build rules change in a way the source hash would miss. */
export const GAZETTEER_FORMAT = 3;
const FORMAT = GAZETTEER_FORMAT;
const MAGIC = 'SAGZ';

/** Name types from the strongest claim to a name to the weakest; a key keeps a place's best. */
const NAME_RANK: Readonly<Record<NameType, number>> = {
  primary: 0,
  official: 1,
  abbreviation: 2,
  demonym: 3,
  alternate: 4,
  translation: 5,
  bare: 6,
};

/** Places offered as suggestions for an unknown name: anything but small towns (inhabitants). */
const SUGGEST_MIN_POPULATION = 5000;

/** Prefixes written both in full and abbreviated ("Saint Louis", "St. Louis"), as normalised keys. */
const PREFIX_FORMS: ReadonlyArray<[string, string]> = [
  ['saint ', 'st '],
  ['sainte ', 'ste '],
  ['mount ', 'mt '],
  ['fort ', 'ft '],
  ['port ', 'pt '],
];

/** The in-memory index. Internal to src/compiler: callers outside it use the API functions. */
export interface GazetteerIndex extends Gazetteer {
  lonE6: Int32Array;
  latE6: Int32Array;
  population: Uint32Array;
  level: Uint8Array;
  fcode: Uint8Array;
  country: Uint16Array;
  region: Uint16Array;
  geonames: Int32Array;
  /** Display names as UTF-8; place i's is names[nameStart[i] .. nameStart[i + 1]], decoded when asked. */
  names: Uint8Array;
  nameStart: Uint32Array;
  /**
   * Keys as UTF-8, sorted by bytes, with their offsets: bytes rather than 750,000 strings keeps
   * loading free of decoding and GC cheap; a lookup compares bytes.
   */
  keys: Uint8Array;
  keyStart: Uint32Array;
  keyCount: number;
  postStart: Uint32Array;
  postings: Uint32Array;
  geonamesOrder: Uint32Array;
  suggest: Uint32Array;
  fcodes: string[];
  /** Index 0 is "none". */
  countries: string[];
  /** Index 0 is "none". */
  regions: string[];
  /** Place index → QID, for places that have one. */
  wikidataOf: Map<number, string>;
  /** QID → place index, aliases included. */
  byWikidata: Map<string, number>;
  designators: DesignatorTable;
}

interface Header {
  format: number;
  size: number;
  keyCount: number;
  fcodes: string[];
  countries: string[];
  regions: string[];
  wikidata: Array<[number, string]>;
  wikidataAliases: Array<[string, number]>;
  designators: DesignatorTable;
  sections: Record<string, [number, number]>;
}

const SECTION_TYPES = {
  lonE6: Int32Array,
  latE6: Int32Array,
  population: Uint32Array,
  level: Uint8Array,
  fcode: Uint8Array,
  country: Uint16Array,
  region: Uint16Array,
  geonames: Int32Array,
  nameStart: Uint32Array,
  keyStart: Uint32Array,
  postStart: Uint32Array,
  postings: Uint32Array,
  geonamesOrder: Uint32Array,
  suggest: Uint32Array,
} as const;

function table(values: Iterable<string>, withNone: boolean): { list: string[]; id: Map<string, number> } {
  const list = [...new Set(values)].sort();
  if (withNone) list.unshift('');
  return { list, id: new Map(list.map((v, i) => [v, i])) };
}

/** Every key a name is found under: the name itself and its prefix variants. */
function keysOf(name: string): string[] {
  const key = normalizeName(name);
  if (!key) return [];
  const out = [key];
  for (const [full, short] of PREFIX_FORMS) {
    if (key.startsWith(full)) out.push(short + key.slice(full.length));
    else if (key.startsWith(short)) out.push(full + key.slice(short.length));
  }
  return out;
}

/** Packs the records into the binary index (pure: same sources, same bytes). */
export function packGazetteer(sources: Sources): Uint8Array {
  const { records } = sources;
  const n = records.length;
  const fcodes = table(
    records.map((r) => r.fcode),
    false,
  );
  const countries = table(
    records.flatMap((r) => (r.country ? [r.country] : [])),
    true,
  );
  const regions = table(
    records.flatMap((r) => (r.region ? [r.region] : [])),
    true,
  );
  const arrays = {
    lonE6: new Int32Array(n),
    latE6: new Int32Array(n),
    population: new Uint32Array(n),
    level: new Uint8Array(n),
    fcode: new Uint8Array(n),
    country: new Uint16Array(n),
    region: new Uint16Array(n),
    geonames: new Int32Array(n),
  };
  const postingsByKey = new Map<string, number[]>();
  const suggestKeys = new Set<string>();
  records.forEach((r, i) => {
    arrays.lonE6[i] = Math.round(r.lon * 1e6);
    arrays.latE6[i] = Math.round(r.lat * 1e6);
    arrays.population[i] = Math.min(r.population, 0xffffffff);
    arrays.level[i] = LEVELS.indexOf(r.level);
    arrays.fcode[i] = fcodes.id.get(r.fcode)!;
    arrays.country[i] = r.country ? countries.id.get(r.country)! : 0;
    arrays.region[i] = r.region ? regions.id.get(r.region)! : 0;
    arrays.geonames[i] = r.geonames ?? 0;
    const suggestible = r.level !== 'city' || r.population >= SUGGEST_MIN_POPULATION;
    for (const [name, type] of r.names) {
      const ks = type === 'primary' || type === 'official' ? keysOf(name) : keysOf(name).slice(0, 1);
      if (type === 'abbreviation' && ks.length) ks.push(compactKey(ks[0]));
      if (type === 'demonym' && ks.length) ks.push(...pluralKeys(ks[0]));
      for (const k of ks) {
        let list = postingsByKey.get(k);
        if (!list) postingsByKey.set(k, (list = []));
        list.push(i * 8 + NAME_TYPES.indexOf(type));
        if (suggestible && type === 'primary') suggestKeys.add(k);
      }
    }
  });
  const encoder = new TextEncoder();
  // Sorted by UTF-8 bytes, the order lookups compare in.
  const keyBytes = new Map([...postingsByKey.keys()].map((k) => [k, encoder.encode(k)]));
  const keys = [...postingsByKey.keys()].sort((a, b) => compareBytes(keyBytes.get(a)!, keyBytes.get(b)!));
  const postStart = new Uint32Array(keys.length + 1);
  const flat: number[] = [];
  const suggest: number[] = [];
  keys.forEach((k, ki) => {
    postStart[ki] = flat.length;
    // One posting per place, with its best name type; places in index order.
    const best = new Map<number, number>();
    for (const p of postingsByKey.get(k)!) {
      const i = Math.floor(p / 8);
      const t = p % 8;
      const prev = best.get(i);
      if (prev === undefined || NAME_RANK[NAME_TYPES[t]] < NAME_RANK[NAME_TYPES[prev]]) best.set(i, t);
    }
    for (const i of [...best.keys()].sort((a, b) => a - b)) flat.push(i * 8 + best.get(i)!);
    if (suggestKeys.has(k)) suggest.push(ki);
  });
  postStart[keys.length] = flat.length;
  const geonamesOrder = Uint32Array.from(
    records
      .map((_, i) => i)
      .filter((i) => arrays.geonames[i] > 0)
      .sort((a, b) => arrays.geonames[a] - arrays.geonames[b] || a - b),
  );
  const names = joined(records.map((r) => encoder.encode(r.name)));
  const keysJoined = joined(keys.map((k) => keyBytes.get(k)!));
  const sections: Record<string, ArrayBufferView> = {
    ...arrays,
    nameStart: names.starts,
    keyStart: keysJoined.starts,
    postStart,
    postings: Uint32Array.from(flat),
    geonamesOrder,
    suggest: Uint32Array.from(suggest),
    names: names.bytes,
    keys: keysJoined.bytes,
  };
  const header: Header = {
    format: FORMAT,
    size: n,
    keyCount: keys.length,
    fcodes: fcodes.list,
    countries: countries.list,
    regions: regions.list,
    wikidata: records.flatMap((r, i) => (r.wikidata ? [[i, r.wikidata] as [number, string]] : [])),
    wikidataAliases: sources.wikidataAliases,
    designators: sources.designators,
    sections: {},
  };
  let offset = 0;
  for (const [name, view] of Object.entries(sections)) {
    header.sections[name] = [offset, view.byteLength];
    offset += Math.ceil(view.byteLength / 8) * 8;
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((8 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (const [name, view] of Object.entries(sections)) {
    out.set(
      new Uint8Array(view.buffer as ArrayBuffer, view.byteOffset, view.byteLength),
      start + header.sections[name][0],
    );
  }
  return out;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let j = 0; j < n; j++) if (a[j] !== b[j]) return a[j] - b[j];
  return a.length - b.length;
}

/** Byte strings end to end, with the offset of each and one past the last. */
function joined(parts: Uint8Array[]): { bytes: Uint8Array; starts: Uint32Array } {
  const starts = new Uint32Array(parts.length + 1);
  let at = 0;
  parts.forEach((p, i) => {
    starts[i] = at;
    at += p.length;
  });
  starts[parts.length] = at;
  const bytes = new Uint8Array(at);
  parts.forEach((p, i) => bytes.set(p, starts[i]));
  return { bytes, starts };
}

/** Reads a packed index. Throws when the bytes are not one (the caller then rebuilds). */
export function unpackGazetteer(bytes: Uint8Array): Gazetteer {
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a packed gazetteer (bad magic)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  if (header.format !== FORMAT) throw new Error(`packed gazetteer format ${header.format}, expected ${FORMAT}`);
  const start = Math.ceil((8 + headerLength) / 8) * 8;
  // Typed arrays need aligned offsets: copy once into an aligned buffer when the file's is not.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const section = (name: string): Uint8Array => {
    const [off, len] = header.sections[name];
    return aligned.subarray(start + off, start + off + len);
  };
  const typed = {} as Record<keyof typeof SECTION_TYPES, ArrayBufferView>;
  for (const [name, Type] of Object.entries(SECTION_TYPES) as Array<
    [keyof typeof SECTION_TYPES, (typeof SECTION_TYPES)[keyof typeof SECTION_TYPES]]
  >) {
    const s = section(name);
    typed[name] = new Type(s.buffer as ArrayBuffer, s.byteOffset, s.byteLength / Type.BYTES_PER_ELEMENT);
  }
  const byWikidata = new Map<string, number>();
  for (const [i, q] of header.wikidata) if (!byWikidata.has(q)) byWikidata.set(q, i);
  for (const [q, i] of header.wikidataAliases) if (!byWikidata.has(q)) byWikidata.set(q, i);
  const index: GazetteerIndex = {
    size: header.size,
    // biome-ignore lint/plugin: typed boundary: the typed arrays were just built from the binary header, one per SECTION_TYPES key
    ...(typed as unknown as Pick<GazetteerIndex, keyof typeof SECTION_TYPES>),
    names: section('names'),
    keys: section('keys'),
    keyCount: header.keyCount,
    fcodes: header.fcodes,
    countries: header.countries,
    regions: header.regions,
    wikidataOf: new Map(header.wikidata),
    byWikidata,
    designators: header.designators,
  };
  return index;
}

/** Display name of place i. */
export function nameAt(g: GazetteerIndex, i: number): string {
  return DECODER.decode(g.names.subarray(g.nameStart[i], g.nameStart[i + 1]));
}

const DECODER = new TextDecoder();
const ENCODER = new TextEncoder();

/** Key number k (in sorted order). */
export function keyAt(g: GazetteerIndex, k: number): string {
  return DECODER.decode(g.keys.subarray(g.keyStart[k], g.keyStart[k + 1]));
}

/** Compares key number k with a key's UTF-8 bytes, in the order the keys are sorted in. */
function compareKey(g: GazetteerIndex, k: number, key: Uint8Array): number {
  const start = g.keyStart[k];
  const length = g.keyStart[k + 1] - start;
  const n = Math.min(length, key.length);
  const bytes = g.keys;
  for (let j = 0; j < n; j++) {
    const d = bytes[start + j] - key[j];
    if (d !== 0) return d;
  }
  return length - key.length;
}

/** The index behind an opaque Gazetteer (src/compiler only). */
export function indexOf(g: Gazetteer): GazetteerIndex {
  return g as GazetteerIndex;
}

export function levelOf(g: GazetteerIndex, i: number): Level {
  return LEVELS[g.level[i]];
}

/** Keys looked up so far, per index: a build looks up the same few thousand names again and again. */
const postingsCache = new WeakMap<GazetteerIndex, Map<string, Uint32Array>>();

/** Postings of a normalised key: place index × 8 + name type; empty when the key is unknown. */
export function postingsOf(g: GazetteerIndex, key: string): Uint32Array {
  let cache = postingsCache.get(g);
  if (!cache) postingsCache.set(g, (cache = new Map()));
  let found = cache.get(key);
  if (!found) cache.set(key, (found = searchKey(g, key)));
  return found;
}

function searchKey(g: GazetteerIndex, text: string): Uint32Array {
  const key = ENCODER.encode(text);
  let lo = 0;
  let hi = g.keyCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKey(g, mid, key);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return g.postings.subarray(g.postStart[mid], g.postStart[mid + 1]);
  }
  return g.postings.subarray(0, 0);
}

export function nameTypeOf(posting: number): NameType {
  return NAME_TYPES[posting % 8];
}

/** Place index of a GeoNames id, or -1. */
export function findGeonames(g: GazetteerIndex, id: number): number {
  let lo = 0;
  let hi = g.geonamesOrder.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = g.geonames[g.geonamesOrder[mid]];
    if (v < id) lo = mid + 1;
    else if (v > id) hi = mid - 1;
    else return g.geonamesOrder[mid];
  }
  return -1;
}

/** Place index of a Wikidata QID (or an alias QID from overrides.yaml), or -1. */
export function findWikidata(g: GazetteerIndex, qid: string): number {
  return g.byWikidata.get(qid) ?? -1;
}

export function lonlatOf(g: GazetteerIndex, i: number): [number, number] {
  return [g.lonE6[i] / 1e6, g.latE6[i] / 1e6];
}

export function countryOf(g: GazetteerIndex, i: number): string | null {
  return g.countries[g.country[i]] || null;
}

/** The admin-1 region a place is or lies in (Natural Earth ISO 3166-2 code), or null. */
export function regionOf(g: GazetteerIndex, i: number): string | null {
  return g.regions[g.region[i]] || null;
}

const ROUND = 10 ** COORDINATE_DECIMALS;

/** The published form of a place (data contract). */
export function placeAt(g: Gazetteer, i: number): ResolvedPlace {
  const x = indexOf(g);
  const level = levelOf(x, i);
  const [lon, lat] = lonlatOf(x, i);
  return {
    name: nameAt(x, i),
    kind: LEVEL_KIND[level],
    precision: LEVEL_PRECISION[level],
    lonlat: [Math.round(lon * ROUND) / ROUND, Math.round(lat * ROUND) / ROUND],
    country: countryOf(x, i),
    geonames: x.geonames[i] || null,
    wikidata: x.wikidataOf.get(i) ?? null,
    // A region's own code (the map draws its outline), or the region a city lies in (so that a city
    // and its region are known to agree); counties and wider places carry none.
    admin1: level === 'region' || level === 'city' ? regionOf(x, i) : null,
  };
}
