/**
 * Fetches the published data and checks it once, at the entry point: a feature that does not have the
 * contract's shape is left out (and counted), so one bad record never stops the map from drawing.
 * A file that is missing, cut off or not JSON leaves its layer empty and says so. Everything the
 * page reads from a feature is checked here, so the rest of the app can trust the types.
 */
import {
  CLAIM_STATUSES,
  INDEX_MEMBER,
  OUTPUT_FILES,
  RANGE_BASES,
  TILES_MEMBER,
  chunkName,
  storyFile,
} from '../contract';
import type {
  EventCollection,
  EventFeature,
  EventProperties,
  RangeCollection,
  RangeFeature,
  StoryOutput,
  StoryStep,
} from '../contract';
import { decodeIndex, indexLayoutProblem, type CompactIndex } from '../index-format';
import { groupBands } from './band-groups';
import { ClaimChunks } from './chunks';

/** What a story says around its map: everything of its file but the features. */
export type StoryMeta = Omit<StoryOutput, 'events' | 'ranges'>;

export interface AtlasData {
  events: EventCollection;
  ranges: RangeCollection;
  /** The story shown (`?map=<id>`), null for the whole atlas. */
  story: StoryMeta | null;
  /** Human-readable problems: missing files, features left out. Empty when all is well. */
  problems: string[];
  /**
   * A large archive read from its compact index (src/compiler/page-index.ts): its events hold no claims
   * until `full` brings their full properties from the chunk `chunkOf` names. Absent: every event is whole.
   */
  lazy?: { chunkOf: Map<string, number>; full: (id: string) => Promise<EventProperties | null> };
  /**
   * An archive past constants.ts TILES_FROM events: the absolute URL of its events as vector tiles in one
   * PMTiles file, which the map draws them from (src/map/tiles.ts); the list and popups still read the index.
   */
  tiles?: string;
  /**
   * Ids of range features merged into another band (band-groups.ts) → that band's id: a link naming one
   * (`sel=`) opens the band. Absent: none merged.
   */
  aliases?: ReadonlyMap<string, string>;
}

type Check = (p: Record<string, unknown>) => string | null;

const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 60);
const str =
  (k: string): Check =>
  (p) =>
    typeof p[k] === 'string' && p[k] !== '' ? null : `"${k}" is ${show(p[k])}, not a non-empty string`;
const text =
  (k: string): Check =>
  (p) =>
    typeof p[k] === 'string' ? null : `"${k}" is ${show(p[k])}, not a string`;
const strOrNull =
  (k: string): Check =>
  (p) =>
    p[k] === null || (typeof p[k] === 'string' && p[k] !== '')
      ? null
      : `"${k}" is ${show(p[k])}, not a non-empty string or null`;
const textOrNull =
  (k: string): Check =>
  (p) =>
    p[k] == null || typeof p[k] === 'string' ? null : `"${k}" is ${show(p[k])}, not a string or null`;
const num =
  (k: string): Check =>
  (p) =>
    typeof p[k] === 'number' && Number.isFinite(p[k]) && (p[k] as number) >= 0
      ? null
      : `"${k}" is ${show(p[k])}, not a number ≥ 0`;
const numOrNull =
  (k: string): Check =>
  (p) =>
    p[k] == null || (typeof p[k] === 'number' && Number.isFinite(p[k]))
      ? null
      : `"${k}" is ${show(p[k])}, not a number or null`;
const oneOf =
  (k: string, allowed: readonly unknown[]): Check =>
  (p) =>
    allowed.includes(p[k]) ? null : `"${k}" is ${show(p[k])}, not one of ${allowed.join(', ')}`;
const texts =
  (k: string): Check =>
  (p) =>
    p[k] == null || (Array.isArray(p[k]) && (p[k] as unknown[]).every((v) => typeof v === 'string'))
      ? null
      : `"${k}" is ${show(p[k])}, not a list of strings`;
const additions: Check = (p) =>
  p.additions == null ||
  (Array.isArray(p.additions) && p.additions.every((a) => typeof a?.field === 'string' && typeof a?.note === 'string'))
    ? null
    : '"additions" is not a list of {field, note}';
const highlights: Check = (p) =>
  Array.isArray(p.highlights) &&
  p.highlights.every((h) => Array.isArray(h) && h.length === 2 && h.every((n) => Number.isInteger(n)))
    ? null
    : '"highlights" is not a list of [start, end]';

const figures: Check = (p) =>
  p.figures == null ||
  (Array.isArray(p.figures) &&
    p.figures.every((f) => typeof f?.value === 'number' && Number.isFinite(f.value) && typeof f?.unit === 'string'))
    ? null
    : '"figures" is not a list of {value, unit}';

/** What the popup and the list read from each claim. */
const CLAIM_CHECKS = [
  figures,
  text('excerpt'),
  highlights,
  text('document_title'),
  textOrNull('publisher'),
  textOrNull('document_date'),
  textOrNull('url'),
  text('claimant'),
  oneOf('status', CLAIM_STATUSES),
  textOrNull('note'),
  additions,
  textOrNull('date'),
  textOrNull('place'),
];
const claims: Check = (p) => {
  if (!Array.isArray(p.claims) || p.claims.length === 0) return '"claims" is not a non-empty array';
  for (const [i, c] of p.claims.entries()) {
    const problem = firstProblem(c, CLAIM_CHECKS);
    if (problem) return `claim ${i + 1}: ${problem}`;
  }
  return null;
};

/** [lon, lat] in degrees: finite, latitude within ±90 (MapLibre throws on anything else; longitudes wrap). */
const lonlat = (c: unknown): boolean =>
  Array.isArray(c) && c.length >= 2 && c.every((n) => Number.isFinite(n)) && Math.abs(c[1]) <= 90;
/** A closed ring of at least 4 positions. */
const ring = (r: unknown): boolean =>
  Array.isArray(r) &&
  r.length >= 4 &&
  r.every(lonlat) &&
  r[0][0] === r[r.length - 1][0] &&
  r[0][1] === r[r.length - 1][1];
const polygon = (p: unknown): boolean => Array.isArray(p) && p.length > 0 && p.every(ring);

/** What the popup, the list and the layers read from each place of an event. */
const PLACE_CHECKS = [
  str('name'),
  oneOf('precision', [1, 2, 3, 4, 5]),
  text('precision_label'),
  textOrNull('country'),
  textOrNull('admin1'),
];
const places: Check = (p) => {
  if (!Array.isArray(p.places) || p.places.length === 0) return '"places" is not a non-empty array';
  for (const [i, place] of p.places.entries()) {
    const problem = firstProblem(place, PLACE_CHECKS);
    if (problem) return `place ${i + 1}: ${problem}`;
  }
  return null;
};

const EVENT_CHECKS = [
  places,
  str('id'),
  str('type'),
  str('summary'),
  textOrNull('label'),
  str('place'),
  str('excerpt'),
  oneOf('status', CLAIM_STATUSES),
  textOrNull('date'),
  textOrNull('date_start'),
  text('precision_label'),
  oneOf('precision', [1, 2, 3, 4, 5]),
  numOrNull('magnitude'),
  textOrNull('magnitude_unit'),
  additions,
  claims,
];
const RANGE_CHECKS = [
  str('id'),
  str('weapon'),
  str('label'),
  str('excerpt'),
  oneOf('status', CLAIM_STATUSES),
  oneOf('basis', RANGE_BASES),
  num('min_km'),
  num('max_km'),
  text('stated_text'),
  strOrNull('origin_place'),
  textOrNull('qualifier'),
  textOrNull('origin_note'),
  textOrNull('weapon_class'),
  textOrNull('document_date'),
  texts('conflicts_with'),
  additions,
  claims,
];

/** Why a feature does not fit, or null when it does. Exported for tests. */
export function eventProblem(f: unknown): string | null {
  return pointsProblem(f, EVENT_CHECKS);
}

/** An event's MultiPoint and its properties, one position per place (the layers draw each place at its position). */
function pointsProblem(f: unknown, checks: Check[]): string | null {
  const feature = f as EventFeature;
  const coordinates = feature?.geometry?.coordinates;
  if (
    feature?.geometry?.type !== 'MultiPoint' ||
    !Array.isArray(coordinates) ||
    coordinates.length === 0 ||
    !coordinates.every(lonlat)
  )
    return 'geometry is not a MultiPoint of [lon, lat]';
  const problem = firstProblem(feature.properties, checks);
  if (problem) return problem;
  return feature.properties.places.length === coordinates.length
    ? null
    : `"places" has ${feature.properties.places.length} places for ${coordinates.length} positions`;
}

export function rangeProblem(f: unknown): string | null {
  const feature = f as RangeFeature;
  const geometry = feature?.geometry;
  // null: a range the text states with no origin; listed, not drawn.
  const drawable =
    geometry === null ||
    (geometry?.type === 'Polygon'
      ? polygon(geometry.coordinates)
      : geometry?.type === 'MultiPolygon' &&
        Array.isArray(geometry.coordinates) &&
        geometry.coordinates.length > 0 &&
        geometry.coordinates.every(polygon));
  if (!drawable) {
    return 'geometry is neither null nor a Polygon or MultiPolygon of closed [lon, lat] rings';
  }
  const p: { origin?: unknown } | undefined = feature.properties;
  if (p && p.origin !== null && !lonlat(p.origin)) return '"origin" is neither null nor [lon, lat]';
  return firstProblem(feature.properties, RANGE_CHECKS);
}

function firstProblem(props: unknown, checks: Check[]): string | null {
  if (!props || typeof props !== 'object') return 'no properties';
  for (const check of checks) {
    const problem = check(props as Record<string, unknown>);
    if (problem) return problem;
  }
  return null;
}

/** Features left out of one file that are described one by one; the rest are counted (and logged). */
export const MAX_LISTED = 3;

/** Keeps the features that fit; describes the others in `problems`. */
export function validate<F>(
  name: string,
  json: unknown,
  problemOf: (f: unknown) => string | null,
  problems: string[],
): F[] {
  const features = (json as { type?: string; features?: unknown[] })?.features;
  if ((json as { type?: string })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    problems.push(`${name} is not a GeoJSON FeatureCollection.`);
    return [];
  }
  const kept: F[] = [];
  const seen = new Set<string>();
  const left: string[] = [];
  features.forEach((f, i) => {
    let problem = problemOf(f);
    const id = (f as { properties?: { id?: string } })?.properties?.id;
    if (!problem && seen.has(id as string)) problem = `id "${id}" is used twice`;
    if (problem) left.push(`${name}: feature ${i + 1} left out: ${problem}.`);
    else {
      seen.add(id as string);
      kept.push(f as F);
    }
  });
  problems.push(...left.slice(0, MAX_LISTED));
  if (left.length > MAX_LISTED) {
    problems.push(
      `${name}: ${left.length - MAX_LISTED} more features left out (${left.length} of ${features.length} in all; the browser console lists them).`,
    );
    console.warn(left.slice(MAX_LISTED).join('\n'));
  }
  return kept;
}

/**
 * A download as public/preload-data.js's worker hands it over: the body's text, or why there is none
 * (`failed`: no answer; `broken`: the body broke off).
 */
export interface Fetched {
  ok?: boolean;
  status?: number;
  statusText?: string;
  text?: string;
  failed?: string;
  broken?: string;
}

declare global {
  interface Window {
    /** public/preload-data.js: the download of a file of data/ already under way, once; null: none. */
    atlasPrefetched?: (file: string) => Promise<Fetched | null>;
  }
}

/** A file's JSON from its download, or why there is none, in words for the page. Pure. */
export function readFetched(fetched: Fetched, file: string): { json: unknown } | { problem: string } {
  if (fetched.failed !== undefined) return { problem: `Could not download data/${file} (${fetched.failed}).` };
  if (!fetched.ok)
    return {
      problem:
        `Could not load data/${file}: the server answered ${fetched.status} ${fetched.statusText ?? ''}. Has the data build run?`.replace(
          ' .',
          '.',
        ),
    };
  if (fetched.broken !== undefined || fetched.text === undefined)
    return { problem: `The download of data/${file} broke off (${fetched.broken ?? 'no body'}).` };
  try {
    return { json: JSON.parse(fetched.text) };
  } catch (err) {
    return { problem: `data/${file} is not valid JSON, perhaps cut off (${(err as Error).message}).` };
  }
}

/** A file's download: the one public/preload-data.js started, when there is one, else a fetch of its own. */
async function download(url: string, file: string): Promise<Fetched> {
  const prefetched = await (typeof window === 'undefined' ? null : window.atlasPrefetched?.(file));
  if (prefetched) return prefetched;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    return { failed: (err as Error).message };
  }
  const head = { ok: response.ok, status: response.status, statusText: response.statusText };
  if (!response.ok) return head;
  try {
    return { ...head, text: await response.text() };
  } catch (err) {
    return { ...head, broken: (err as Error).message };
  }
}

/** A file's JSON, or why there is none, in words for the page. */
async function fetchJson(url: string, file: string): Promise<{ json: unknown } | { problem: string }> {
  return readFetched(await download(url, file), file);
}

/** The text fields a story's file must have, checked as features are. */
const STORY_CHECKS = [
  str('id'),
  str('title'),
  textOrNull('description'),
  textOrNull('notes'),
  textOrNull('byline'),
  textOrNull('credit'),
  textOrNull('date'),
];

const isLonLat = (v: unknown) =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
const isView = (v: unknown): boolean => {
  if (v === null) return true;
  const o = v as Record<string, unknown> | undefined;
  if (typeof o !== 'object' || !o) return false;
  if (o.bounds !== undefined) return Array.isArray(o.bounds) && o.bounds.length === 2 && o.bounds.every(isLonLat);
  return isLonLat(o.center) && typeof o.zoom === 'number' && Number.isFinite(o.zoom);
};

/**
 * A story's steps, checked as its features are: a step without a title or a focus, or one whose view or
 * period is malformed, is left out and said; an id that names no feature of the file is dropped from its focus.
 * An older file without `steps` has none.
 */
export function storySteps(raw: unknown, ids: ReadonlySet<string>, file: string, problems: string[]): StoryStep[] {
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    problems.push(`data/${file}: "steps" is not a list; the story is shown without them.`);
    return [];
  }
  const out: StoryStep[] = [];
  raw.forEach((s: Partial<StoryStep> | null, i) => {
    const features = Array.isArray(s?.features) ? s.features.filter((id) => typeof id === 'string' && ids.has(id)) : [];
    const problem =
      typeof s !== 'object' || !s
        ? 'not an object'
        : typeof s.title !== 'string' || !s.title.trim()
          ? '"title" is not a non-empty string'
          : s.text != null && typeof s.text !== 'string'
            ? '"text" is not a string or null'
            : !features.length
              ? '"features" names none of the story\'s features'
              : !isView(s.view ?? null)
                ? '"view" is not a view'
                : s.period != null && !(typeof s.period.from === 'string' && typeof s.period.to === 'string')
                  ? '"period" is not a period'
                  : null;
    if (problem) {
      problems.push(`Step ${i + 1} of data/${file} is left out (${problem}).`);
      return;
    }
    const step = s as StoryStep;
    out.push({
      title: step.title,
      text: step.text ?? null,
      features,
      period: step.period ?? null,
      view: step.view ?? null,
    });
  });
  return out;
}

/**
 * Loads one story's file, `<base>data/maps/<id>.json`: its words and only its features, so that an
 * article's map downloads nothing else. Never rejects: a missing or broken file says so and shows nothing.
 */
async function loadStory(base: string, id: string): Promise<AtlasData> {
  const problems: string[] = [];
  const file = storyFile(id);
  const result = await fetchJson(`${base}data/${file}`, file);
  const json = 'json' in result ? (result.json as Partial<StoryOutput>) : null;
  const problem = json ? firstProblem(json, STORY_CHECKS) : null;
  if (!json || problem) {
    problems.push(
      'json' in result
        ? `data/${file} is not a story (${problem}).`
        : result.problem.replace('Has the data build run?', `Is there a story "${id}" (data/maps/${id}.yaml)?`),
    );
    return {
      events: { type: 'FeatureCollection', features: [] },
      ranges: { type: 'FeatureCollection', features: [] },
      story: null,
      problems,
    };
  }
  const { events, ranges, steps, ...meta } = json;
  const highlights =
    meta.highlights?.type === 'FeatureCollection' && Array.isArray(meta.highlights.features)
      ? meta.highlights
      : { type: 'FeatureCollection' as const, features: [] };
  const eventList = validate<EventFeature>(file, events, eventProblem, problems);
  const rangeList = validate<RangeFeature>(file, ranges, rangeProblem, problems);
  const ids = new Set([...eventList, ...rangeList].map((f) => f.properties.id));
  return {
    events: { type: 'FeatureCollection', features: eventList },
    ...bands(rangeList),
    story: { ...(meta as StoryMeta), highlights, steps: storySteps(steps, ids, file, problems) },
    problems,
  };
}

const INDEX_PLACE_CHECKS = [
  str('name'),
  oneOf('precision', [1, 2, 3, 4, 5]),
  text('precision_label'),
  textOrNull('country'),
  textOrNull('admin1'),
];
const INDEX_CHECKS: Check[] = [
  (p) => {
    if (!Array.isArray(p.places) || p.places.length === 0) return '"places" is not a non-empty array';
    for (const [i, place] of p.places.entries()) {
      const problem = firstProblem(place, INDEX_PLACE_CHECKS);
      if (problem) return `place ${i + 1}: ${problem}`;
    }
    return null;
  },
  str('id'),
  str('type'),
  str('summary'),
  textOrNull('label'),
  oneOf('status', CLAIM_STATUSES),
  textOrNull('date'),
  textOrNull('date_start'),
  textOrNull('date_end'),
  text('precision_label'),
  oneOf('precision', [1, 2, 3, 4, 5]),
  numOrNull('magnitude'),
  textOrNull('magnitude_unit'),
  texts('claimants'),
  num('chunk'),
];

/** Why an entry of the compact index does not fit, or null. Exported for tests. */
export function indexProblem(f: unknown): string | null {
  return pointsProblem(f, INDEX_CHECKS);
}

/**
 * The entries of the compact index (src/index-format.ts) as a feature collection, for the same checks as any
 * events file; a file whose layout is not the index's says so and gives none.
 */
function indexEntries(name: string, json: unknown, problems: string[]): unknown {
  // A file that could not be read (load gives an empty collection), or an index of the earlier layout: read as is.
  if ((json as { type?: string })?.type === 'FeatureCollection') return json;
  const problem = indexLayoutProblem(json);
  if (problem) {
    problems.push(`${name} is not the events' compact index (${problem}). No events are shown.`);
    return { type: 'FeatureCollection', features: [] };
  }
  return { type: 'FeatureCollection', features: decodeIndex(json as CompactIndex) };
}

/**
 * An index entry as an event whose claims are still to come: what the map, the list and the timeline
 * read is there; `claims` is empty and `excerpt` '' until the chunk is in (the popup waits for it).
 */
function fromIndex(f: EventFeature): EventFeature {
  // biome-ignore lint/plugin: typed boundary: indexProblem checked the entry; its claims come with lazy.full before a popup reads them
  const p = f.properties as unknown as Record<string, unknown> & { places: EventProperties['places'] };
  // Completed in place (the entry is the decoder's own, read by nothing else): not a copy of each of 100,000.
  p.place = p.places[0].name;
  p.excerpt = '';
  p.claims = [];
  p.additions = [];
  return f;
}

/**
 * The checked ranges, one feature per band (band-groups.ts): a band is drawn, listed and counted once; and
 * the ids merged away, when any (AtlasData `aliases`).
 */
function bands(features: RangeFeature[]): { ranges: RangeCollection; aliases?: ReadonlyMap<string, string> } {
  const { ranges, aliases } = groupBands({ type: 'FeatureCollection', features });
  return aliases.size ? { ranges, aliases } : { ranges };
}
/** The tiles that ranges.geojson names (a file beside it), as an absolute URL for the map's `pmtiles://` source. */
function tilesOf(base: string, ranges: unknown): { tiles?: string } {
  const name = (ranges as Record<string, unknown>)?.[TILES_MEMBER];
  return typeof name === 'string' && /^[\w.-]+$/.test(name)
    ? { tiles: new URL(`${base}data/${name}`, location.href).href }
    : {};
}

/**
 * Loads events and ranges from `<base>data/`, or only a story's (`story`: its id). Never rejects:
 * failures become `problems`.
 */
export async function loadData(base: string, story: string | null = null): Promise<AtlasData> {
  if (story) return loadStory(base, story);
  const problems: string[] = [];
  const load = async (file: string, what: string) => {
    const result = await fetchJson(`${base}data/${file}`, file);
    if ('json' in result) return result.json;
    problems.push(`${result.problem} No ${what} are shown.`);
    return { type: 'FeatureCollection', features: [] };
  };
  // ranges.geojson is small and says whether the events come as a compact index (a large archive).
  const ranges = await load(OUTPUT_FILES.ranges, 'ranges');
  const index = (ranges as Record<string, unknown>)?.[INDEX_MEMBER];
  const named = typeof index === 'string' && /^[\w.-]+$/.test(index);
  // The index downloads while the ranges are checked (a large archive's bands take a while).
  const indexJson = named ? load(index, 'events') : null;
  const banded = bands(validate<RangeFeature>(OUTPUT_FILES.ranges, ranges, rangeProblem, problems));
  if (named && indexJson) {
    const entries = validate<EventFeature>(
      index,
      indexEntries(index, await indexJson, problems),
      indexProblem,
      problems,
    );
    const chunkOf = new Map(
      // biome-ignore lint/plugin: typed boundary: indexProblem checked that every entry has a numeric chunk
      entries.map((f) => [f.properties.id, (f.properties as unknown as { chunk: number }).chunk]),
    );
    const chunks = new ClaimChunks(
      async (file) => {
        const result = await fetchJson(`${base}data/${file}`, file);
        if ('json' in result) return result.json;
        throw new Error(result.problem);
      },
      chunkName,
      (p) =>
        eventProblem({
          type: 'Feature',
          geometry: {
            type: 'MultiPoint',
            coordinates: ((p as EventProperties)?.places ?? []).map((x) => x.lonlat ?? [0, 0]),
          },
          properties: p,
        }) === null,
    );
    return {
      events: { type: 'FeatureCollection', features: entries.map(fromIndex) },
      ...banded,
      story: null,
      problems,
      lazy: { chunkOf, full: (id) => chunks.get(id, chunkOf.get(id) ?? -1) },
      ...tilesOf(base, ranges),
    };
  }
  const events = await load(OUTPUT_FILES.events, 'events');
  return {
    events: {
      type: 'FeatureCollection',
      features: validate<EventFeature>(OUTPUT_FILES.events, events, eventProblem, problems),
    },
    ...banded,
    story: null,
    problems,
  };
}
