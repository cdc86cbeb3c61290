/**
 * The compact index of a large archive's events (`events.index.json`), declared once: the build writes it
 * (src/compiler/page-index.ts), the page reads it (src/map/data.ts), and the bench's bare page reads it too.
 *
 * What an event's entry holds is its row form, `IndexEntry`: the drawn properties (INDEX_KEYS), its places'
 * names and precisions, its claimants and its chunk, and its MultiPoint. On the wire the entries are
 * columns (`CompactIndex`), so that at 100,000 events the page's first load stays small:
 * - every string (type, summary, status, place names, claimants, id prefixes…) once, in one table, the most
 *   used first; a column holds its position, -1 for null;
 * - each distinct place (name, precisions, admin1, country, position) once, in a table the events refer to;
 *   positions as integers at the build's stated precision (`scale`: 10^COORDINATE_DECIMALS), each the
 *   difference from the table's previous one;
 * - dates as day numbers (days since 1970-01-01), the end as days after the start; a date of another form
 *   is kept as its string;
 * - ids as a prefix (in the string table) and a trailing number, the difference from the previous id's;
 * - the chunk implied by the position: ⌊i / chunk_size⌋.
 * `decodeIndex(encodeIndex(entries))` gives back the entries (tests/index-format.test.ts).
 */
import type { EventPlace, EventProperties } from './contract.js';
import { COORDINATE_DECIMALS } from './earth.js';

/** The properties the index keeps of each event, besides places, claimants and chunk. */
export const INDEX_KEYS = [
  'id',
  'type',
  'summary',
  'label',
  'status',
  'date',
  'date_start',
  'date_end',
  'date_precision',
  'precision',
  'precision_label',
  'magnitude',
  'magnitude_unit',
  'sources',
  'conflict',
] as const;

export type IndexPlace = Pick<EventPlace, 'name' | 'precision' | 'precision_label' | 'admin1' | 'country'>;

export type IndexProperties = Pick<EventProperties, (typeof INDEX_KEYS)[number]> & {
  places: IndexPlace[];
  /** Claimants, for the list's search. */
  claimants: string[];
  chunk: number;
};

/** An event's entry in the index, as the page reads it. */
export interface IndexEntry {
  type: 'Feature';
  geometry: { type: 'MultiPoint'; coordinates: number[][] };
  properties: IndexProperties;
}

/** The tag of this layout, so that a page never misreads another. */
export const INDEX_FORMAT = 'atlas-index-columns-1';

/** A string column: positions in `strings`, -1 for null. */
type Refs = number[];

/** The index on the wire (see the module's comment). Every event column holds `count` values. */
export interface CompactIndex {
  format: typeof INDEX_FORMAT;
  count: number;
  chunk_size: number;
  chunks: number;
  strings: string[];
  /** Positions are integers × 1/scale, each the difference from the previous place's; null: plain degrees. */
  scale: number | null;
  places: {
    name: Refs;
    precision: number[];
    precision_label: Refs;
    admin1: Refs;
    country: Refs;
    lon: number[];
    lat: number[];
  };
  events: {
    /** The id less its trailing number. */
    id: Refs;
    /** The id's trailing number, as the difference from the previous one; null: the id has none. */
    id_num: Array<number | null>;
    type: Refs;
    summary: Refs;
    label: Refs;
    status: Refs;
    /** date_start: a day number, or the string when it is not a day. */
    start: Array<number | string | null>;
    /** date_end: days after date_start when both are days, else the string. */
    end: Array<number | string | null>;
    /** date: 0 when it is date_start, 1 when `date_start/date_end`, else the string. */
    date: Array<number | string | null>;
    date_precision: Refs;
    /** 0: the first place's. */
    precision: number[];
    /** -2 (SAME): the first place's. */
    precision_label: Refs;
    magnitude: Array<number | null>;
    magnitude_unit: Refs;
    sources: Array<number | null>;
    /** 1 true, 0 false. */
    conflict: Array<number | null>;
    /** How many places each event has; `place` holds them, in order, as positions in `places`. */
    place_n: number[];
    place: number[];
    /** How many claimants each event has; `claimant` holds them as strings. */
    claimant_n: number[];
    claimant: Refs;
  };
}

/** In an event's precision_label column: the same as its first place's. */
const SAME = -2;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` date as its day number, or null for anything else (or a day that does not exist). */
export function dayNumber(date: string): number | null {
  if (!ISO_DAY.test(date)) return null;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(t)) return null;
  const day = t / DAY_MS;
  return dayString(day) === date ? day : null;
}

export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** An id as its prefix and trailing number (without leading zeros, so that it reads back the same). */
function splitId(id: string): [string, number | null] {
  const m = /^(.*?)(0|[1-9]\d{0,14})$/.exec(id);
  return m ? [m[1], Number(m[2])] : [id, null];
}

/**
 * The entries as columns. Deterministic: the same entries give the same text. `entries` is read twice (the
 * strings are counted first), so it may make each entry as it is read instead of holding them all.
 */
export function encodeIndex(entries: Iterable<IndexEntry>, chunkSize: number): CompactIndex {
  // The strings, counted, then ordered by use (most used first, then first seen) so that common refs are short.
  const uses = new Map<string, number>();
  const see = (s: string | null | undefined) => {
    if (s != null) uses.set(s, (uses.get(s) ?? 0) + 1);
  };
  const placeKey = (p: IndexPlace, at: number[]) =>
    `${p.name}\u0000${p.precision}\u0000${p.precision_label}\u0000${p.admin1 ?? '\u0001'}\u0000${p.country ?? '\u0001'}\u0000${at[0]}\u0000${at[1]}`;
  const placeOf = new Map<string, number>();
  const placeList: Array<{ place: IndexPlace; at: number[] }> = [];
  const scale = 10 ** COORDINATE_DECIMALS;
  let exact = true;
  for (const e of entries) {
    const p = e.properties;
    see(splitId(p.id)[0]);
    for (const v of [p.type, p.summary, p.label, p.status, p.date_precision, p.magnitude_unit]) see(v);
    if (p.precision_label !== p.places[0]?.precision_label) see(p.precision_label);
    for (const v of [p.date_start, p.date_end, p.date]) if (v != null && dayNumber(v) === null) see(v);
    for (const c of p.claimants) see(c);
    p.places.forEach((place, i) => {
      const at = e.geometry.coordinates[i] ?? [];
      const key = placeKey(place, at);
      if (placeOf.has(key)) return;
      placeOf.set(key, placeList.length);
      placeList.push({ place, at });
      for (const v of [place.name, place.precision_label, place.admin1, place.country]) see(v);
      for (const v of at) if (Math.round(v * scale) / scale !== v) exact = false;
    });
  }
  const strings = [...uses.keys()].map((s, i) => ({ s, i, n: uses.get(s) ?? 0 }));
  strings.sort((a, b) => b.n - a.n || a.i - b.i);
  const ref = new Map(strings.map((x, i) => [x.s, i]));
  const r = (s: string | null | undefined): number => (s == null ? -1 : (ref.get(s) ?? -1));

  const places: CompactIndex['places'] = {
    name: [],
    precision: [],
    precision_label: [],
    admin1: [],
    country: [],
    lon: [],
    lat: [],
  };
  let last = [0, 0];
  for (const { place, at } of placeList) {
    places.name.push(r(place.name));
    places.precision.push(place.precision);
    places.precision_label.push(r(place.precision_label));
    places.admin1.push(r(place.admin1));
    places.country.push(r(place.country));
    if (exact) {
      const q = [Math.round(at[0] * scale), Math.round(at[1] * scale)];
      places.lon.push(q[0] - last[0]);
      places.lat.push(q[1] - last[1]);
      last = q;
    } else {
      places.lon.push(at[0]);
      places.lat.push(at[1]);
    }
  }

  const ev: CompactIndex['events'] = {
    id: [],
    id_num: [],
    type: [],
    summary: [],
    label: [],
    status: [],
    start: [],
    end: [],
    date: [],
    date_precision: [],
    precision: [],
    precision_label: [],
    magnitude: [],
    magnitude_unit: [],
    sources: [],
    conflict: [],
    place_n: [],
    place: [],
    claimant_n: [],
    claimant: [],
  };
  let lastNum = 0;
  let count = 0;
  for (const e of entries) {
    count++;
    const p = e.properties;
    const [prefix, num] = splitId(p.id);
    ev.id.push(r(prefix));
    ev.id_num.push(num === null ? null : num - lastNum);
    if (num !== null) lastNum = num;
    ev.type.push(r(p.type));
    ev.summary.push(r(p.summary));
    ev.label.push(r(p.label));
    ev.status.push(r(p.status));
    const start = p.date_start == null ? null : dayNumber(p.date_start);
    const end = p.date_end == null ? null : dayNumber(p.date_end);
    ev.start.push(start ?? p.date_start ?? null);
    ev.end.push(start !== null && end !== null ? end - start : (p.date_end ?? null));
    ev.date.push(
      p.date != null && p.date === p.date_start
        ? 0
        : p.date != null && p.date === `${p.date_start}/${p.date_end}`
          ? 1
          : (p.date ?? null),
    );
    ev.date_precision.push(r(p.date_precision));
    // Mostly the first place's: said once, in the place table.
    ev.precision.push(p.precision === p.places[0]?.precision ? 0 : p.precision);
    ev.precision_label.push(p.precision_label === p.places[0]?.precision_label ? SAME : r(p.precision_label));
    ev.magnitude.push(p.magnitude ?? null);
    ev.magnitude_unit.push(r(p.magnitude_unit));
    ev.sources.push(p.sources ?? null);
    ev.conflict.push(p.conflict == null ? null : p.conflict ? 1 : 0);
    ev.place_n.push(p.places.length);
    p.places.forEach((place, i) => {
      ev.place.push(placeOf.get(placeKey(place, e.geometry.coordinates[i] ?? [])) ?? -1);
    });
    ev.claimant_n.push(p.claimants.length);
    for (const c of p.claimants) ev.claimant.push(r(c));
  }
  return {
    format: INDEX_FORMAT,
    count,
    chunk_size: chunkSize,
    chunks: Math.ceil(count / chunkSize),
    strings: strings.map((x) => x.s),
    scale: exact ? scale : null,
    places,
    events: ev,
  };
}

const PLACE_COLUMNS = ['name', 'precision', 'precision_label', 'admin1', 'country', 'lon', 'lat'] as const;
/** The event columns of one value per event (`place` and `claimant` hold as many as `place_n` and `claimant_n` sum to). */
const EVENT_COLUMNS = [
  'id',
  'id_num',
  'type',
  'summary',
  'label',
  'status',
  'start',
  'end',
  'date',
  'date_precision',
  'precision',
  'precision_label',
  'magnitude',
  'magnitude_unit',
  'sources',
  'conflict',
  'place_n',
  'claimant_n',
] as const;

/** Why `json` is not a compact index (its tag, counts and column lengths), or null. */
export function indexLayoutProblem(json: unknown): string | null {
  const x = json as Partial<CompactIndex> | null;
  if (x?.format !== INDEX_FORMAT) return `its format is ${JSON.stringify(x?.format) ?? 'missing'}, not ${INDEX_FORMAT}`;
  if (!Number.isInteger(x.count) || (x.count as number) < 0) return '"count" is not a whole number';
  if (!Number.isInteger(x.chunk_size) || (x.chunk_size as number) < 1) return '"chunk_size" is not a whole number';
  if (!Array.isArray(x.strings) || !x.strings.every((s) => typeof s === 'string')) return '"strings" is not strings';
  if (x.scale !== null && !(typeof x.scale === 'number' && x.scale > 0)) return '"scale" is not a number or null';
  const group = (g: unknown, keys: readonly string[], n: number, what: string): string | null => {
    for (const k of keys) {
      const v = (g as Record<string, unknown> | undefined)?.[k];
      if (!Array.isArray(v) || v.length !== n) return `"${what}.${k}" is not a column of ${n} values`;
    }
    return null;
  };
  const names = (x.places as { name?: unknown } | undefined)?.name;
  const sum = (k: 'place_n' | 'claimant_n') =>
    (x.events?.[k] ?? []).reduce((a, b) => a + (Number.isInteger(b) && b > 0 ? b : 0), 0);
  return (
    group(x.places, PLACE_COLUMNS, Array.isArray(names) ? names.length : 0, 'places') ??
    group(x.events, EVENT_COLUMNS, x.count as number, 'events') ??
    group(x.events, ['place'], sum('place_n'), 'events') ??
    group(x.events, ['claimant'], sum('claimant_n'), 'events')
  );
}

/**
 * The entries of a compact index, in order. The layout must have been checked (indexLayoutProblem); a value
 * out of place (a ref past its table) comes out undefined, for the page's checks of each entry to leave out.
 */
export function decodeIndex(x: CompactIndex): IndexEntry[] {
  const count = (n: number) => (Number.isInteger(n) && n > 0 ? n : 0);
  const s = x.strings;
  const str = (i: number): string | null => (i === -1 ? null : (s[i] as string));
  const pl = x.places;
  const placeAt: Array<{ place: IndexPlace; at: number[] }> = [];
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < pl.name.length; i++) {
    let at: number[];
    if (x.scale !== null) {
      lon += pl.lon[i];
      lat += pl.lat[i];
      at = [lon / x.scale, lat / x.scale];
    } else at = [pl.lon[i], pl.lat[i]];
    placeAt.push({
      place: {
        name: str(pl.name[i]) as string,
        precision: pl.precision[i] as IndexPlace['precision'],
        precision_label: str(pl.precision_label[i]) as string,
        admin1: str(pl.admin1[i]),
        country: str(pl.country[i]),
      },
      at,
    });
  }
  const e = x.events;
  // An archive's events fall on a few thousand days: each day's string is made once.
  const days = new Map<number, string>();
  const dayOf = (day: number): string => {
    let s = days.get(day);
    if (s === undefined) {
      s = dayString(day);
      days.set(day, s);
    }
    return s;
  };
  const entries: IndexEntry[] = new Array(x.count);
  let num = 0;
  let placeNext = 0;
  let claimantNext = 0;
  for (let i = 0; i < x.count; i++) {
    const d = e.id_num[i];
    if (d !== null) num += d;
    const startV = e.start[i];
    const endV = e.end[i];
    const date_start = typeof startV === 'number' ? dayOf(startV) : startV;
    const date_end = typeof startV === 'number' && typeof endV === 'number' ? dayOf(startV + endV) : endV;
    const dateV = e.date[i];
    const date = dateV === 0 ? date_start : dateV === 1 ? `${date_start}/${date_end}` : dateV;
    const coordinates: number[][] = [];
    const places: IndexPlace[] = [];
    for (let k = 0, n = count(e.place_n[i]); k < n; k++) {
      const p = placeAt[e.place[placeNext++]];
      // A ref past the table: a place with no name and no position, which the page's checks leave out.
      if (p) {
        const q = p.place;
        places.push({
          name: q.name,
          precision: q.precision,
          precision_label: q.precision_label,
          admin1: q.admin1,
          country: q.country,
        });
        coordinates.push([p.at[0], p.at[1]]);
      } else {
        places.push({} as IndexPlace);
        coordinates.push([]);
      }
    }
    const claimants: string[] = [];
    for (let k = 0, n = count(e.claimant_n[i]); k < n; k++) claimants.push(str(e.claimant[claimantNext++]) as string);
    const conflict = e.conflict[i];
    entries[i] = {
      type: 'Feature',
      geometry: { type: 'MultiPoint', coordinates },
      properties: {
        id: `${str(e.id[i]) ?? ''}${d === null ? '' : num}`,
        type: str(e.type[i]) as string,
        summary: str(e.summary[i]) as string,
        label: str(e.label[i]),
        status: str(e.status[i]) as IndexProperties['status'],
        date: date as string | null,
        date_start: date_start as string | null,
        date_end: date_end as string | null,
        date_precision: str(e.date_precision[i]) as IndexProperties['date_precision'],
        precision: (e.precision[i] === 0 ? places[0]?.precision : e.precision[i]) as IndexProperties['precision'],
        precision_label: (e.precision_label[i] === SAME
          ? places[0]?.precision_label
          : str(e.precision_label[i])) as string,
        magnitude: e.magnitude[i],
        magnitude_unit: str(e.magnitude_unit[i]),
        sources: e.sources[i] as number,
        conflict: (conflict === null ? null : conflict === 1) as boolean,
        places,
        claimants,
        chunk: Math.floor(i / x.chunk_size),
      },
    };
  }
  return entries;
}
