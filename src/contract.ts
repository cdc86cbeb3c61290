/**
 * The data contract, declared once: what an annotated document holds, and what the build publishes
 * as GeoJSON for the app. The build (`src/compiler/`) writes these shapes; the app (`src/app/`) reads
 * them; `src/schema.ts` derives the published JSON Schema from the same field lists.
 *
 * Units: distances in kilometres, coordinates `[longitude, latitude]` in degrees (WGS84),
 * dates ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), text offsets in UTF-16 code units.
 */
import type { Feature, FeatureCollection, MultiPoint, MultiPolygon, Polygon } from 'geojson';

/** How a claim is held: attributed report, a party's claim, contested, or not confirmed elsewhere. */
export const CLAIM_STATUSES = ['reported', 'claimed', 'disputed', 'unverified'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What a resolved place is. `coordinates` means the annotator gave the point itself. */
export const PLACE_KINDS = ['coordinates', 'site', 'city', 'region', 'country', 'continent', 'area'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * Location precision, in the spirit of ACLED's geo_precision and UCDP's where_prec:
 * 1 exact point or site, 2 town or city, 3 first-level region (oblast, state),
 * 4 country, 5 continent or wider area.
 */
export type PrecisionLevel = 1 | 2 | 3 | 4 | 5;

/** Granularity of a date as the source states it. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Why a range band has the extent it has. */
export const RANGE_BASES = ['stated', 'class', 'added'] as const;
export type RangeBasis = (typeof RANGE_BASES)[number];

/**
 * The qualifiers a text may put before a range figure, as the build normalises them ("a maximum range
 * of" → "a maximum of", "in excess of" → "more than"), and what each says of the figure: the most the
 * weapon reaches, the least, or an approximation. Every one is drawn with the figure as the band's outer
 * edge; the qualifier stays in the label, so "at least 900 km" is never shown as "up to 900 km".
 */
export const RANGE_QUALIFIER_BOUND = {
  'up to': 'maximum',
  'as far as': 'maximum',
  'at most': 'maximum',
  'a maximum of': 'maximum',
  'less than': 'maximum',
  under: 'maximum',
  'at least': 'minimum',
  'more than': 'minimum',
  over: 'minimum',
  about: 'approximate',
  around: 'approximate',
  approximately: 'approximate',
  roughly: 'approximate',
  some: 'approximate',
  nearly: 'approximate',
  almost: 'approximate',
} as const satisfies Record<string, 'maximum' | 'minimum' | 'approximate'>;
export type RangeQualifier = keyof typeof RANGE_QUALIFIER_BOUND;
export const RANGE_QUALIFIERS = Object.keys(RANGE_QUALIFIER_BOUND) as RangeQualifier[];

/**
 * Where an event's date comes from: `stated` the text gives it in full; `relative` the text's words
 * ("Thursday", "yesterday", "November 23") counted from the document's `published` date; `added` the
 * annotator gives it (`date-added`).
 */
export const DATE_BASES = ['stated', 'relative', 'added'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

/** Front matter of one annotated document (`data/documents/*.md`). */
export interface DocumentMeta {
  /** Stable id, unique across the corpus; used as `document` in every feature. */
  id: string;
  title: string;
  /** Outlet that published it; null when the source does not say. */
  publisher: string | null;
  author: string | null;
  /** Publication date (ISO 8601); null when unknown. */
  published: string | null;
  /** Link to the original; http(s) only. */
  url: string | null;
  /** BCP 47 language tag of the text, e.g. `en`. */
  language: string;
  notes: string | null;
}

/** A place as resolved by the gazetteer (or given by the annotator). */
export interface ResolvedPlace {
  /** Display name, e.g. "Kursk Oblast". */
  name: string;
  kind: PlaceKind;
  precision: PrecisionLevel;
  /** [lon, lat] in degrees, 6 decimals. */
  lonlat: [number, number];
  /** ISO 3166-1 alpha-2 country code where known. */
  country: string | null;
  geonames: number | null;
  /** Wikidata QID, e.g. "Q1013". */
  wikidata: string | null;
  /**
   * Natural Earth admin-1 code (ISO 3166-2, e.g. "RU-KRS"): a region's own (the app draws its outline),
   * or the region a city lies in; null for other places.
   */
  admin1: string | null;
}

/** One number a claim states, with what it counts: `{value: 3, unit: "killed"}`, `{value: 188, unit: "drones"}`. */
export interface Figure {
  /** A positive number, as the text gives it. */
  value: number;
  /** What it counts, as the annotator wrote it (`killed`, `drones`). */
  unit: string;
}

/** Something the annotator added that the text does not say, with where it comes from. */
export interface Addition {
  /** Which field was added: `date`, `place`, `origin`, `range`, … */
  field: string;
  /** The annotator's source note for it. */
  note: string;
}

/** One document's statement about an event or a range: the sentence and who stands behind it. */
export interface Claim {
  /** Verbatim text of the annotated sentence(s), annotation markup removed. */
  excerpt: string;
  /** [start, end) offsets within `excerpt` of the place and weapon mentions it contains. */
  highlights: Array<[number, number]>;
  document: string;
  document_title: string;
  publisher: string | null;
  document_date: string | null;
  url: string | null;
  /** Who says so, e.g. "the U.S. Department of Defense". */
  claimant: string;
  status: ClaimStatus;
  /** Annotator's note on this claim. */
  note: string | null;
  additions: Addition[];
  /** Values this claim states (may conflict with other claims of the same event or range). */
  date: string | null;
  /** The place(s) this claim states, names joined with "; " (an event's places, a range's origin). */
  place: string | null;
  /**
   * Figures this claim states (events only): each belongs to the claim that states it; claims that
   * state different figures are kept side by side, never merged or averaged.
   */
  figures?: Figure[];
  min_km?: number;
  max_km?: number;
  /** Range claims: how this claim gives its values, its words for them, and its qualifier (a band may merge claims of several bases). */
  basis?: RangeBasis;
  stated_text?: string;
  qualifier?: RangeQualifier | null;
  /** 1-based line and column of the annotation in its document. */
  line: number;
  column: number;
  /**
   * Only in a build that includes unreviewed suggestions (the dev server, `--include-pending`): the
   * claim is a suggestion still marked `review=pending`, or rests on one. A published build has none.
   */
  pending?: true;
}

/**
 * What events and ranges carry of their claims: the first claim's fields, flat (so map expressions and
 * simple readers can use them; its `additions` are what the annotator added that the text does not
 * give), and every claim. `status` alone is the feature's: `disputed` when any claim is disputed
 * (featureStatus), else the first claim's.
 */
export interface ClaimedProperties
  extends Pick<
    Claim,
    | 'excerpt'
    | 'document'
    | 'document_title'
    | 'publisher'
    | 'document_date'
    | 'url'
    | 'claimant'
    | 'status'
    | 'additions'
  > {
  /** Every claim, the first one included, in document order. */
  claims: Claim[];
  /** Number of distinct documents among the claims. */
  sources: number;
  /** Only with `--include-pending`: some claim is an unreviewed suggestion (see Claim.pending). */
  pending?: true;
}

/** One place of an event, with its own kind, precision and ids. */
export interface EventPlace extends ResolvedPlace {
  /** "city: Kyiv", "approximate location: Kursk Oblast (region)", … */
  precision_label: string;
}

/**
 * Properties of one feature of `events.geojson`. The geometry is a MultiPoint with one position
 * per place of the event, in the order of `places` (an event in one place has one position).
 */
export interface EventProperties extends ClaimedProperties {
  id: string;
  /** Kind of event, e.g. `missile-strike`, `drone-attack`, `arms-transfer`, `policy`. */
  type: string;
  /** One line on what happened, written by the annotator. */
  summary: string;
  /**
   * The annotator's short marker label (`label=`, at most 40 characters), drawn beside every marker of
   * the event instead of the place name; null: the map labels each marker with its place's name.
   */
  label: string | null;
  /** ISO 8601 date, or `start/end` interval; null when no date is known. */
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  date_precision: DatePrecision | null;
  /** Where `date` comes from; null when there is no date. */
  date_basis: DateBasis | null;
  /** The text's own words for a relative date ("Thursday", "November 23"); null otherwise. */
  date_text: string | null;
  /** The date a relative date is counted from (the document's `published`); null otherwise. */
  date_reference: string | null;
  /** Every place of the event, as the defining claim names them, in its order; at least one. */
  places: EventPlace[];
  /**
   * The first place's fields, flat, for simple readers and map expressions; `places` has them all.
   * `place` is the first place's display name.
   */
  place: string;
  place_kind: PlaceKind;
  /** 1 (exact) … 5 (continent); see PrecisionLevel. */
  precision: PrecisionLevel;
  /** "city: Kyiv", "approximate location: Kursk Oblast (region)", … */
  precision_label: string;
  country: string | null;
  geonames: number | null;
  wikidata: string | null;
  admin1: string | null;
  /**
   * The figure the marker is sized by (each claim's own figures are in `claims[].figures`): the
   * largest figure, over all claims, in the sizing unit
   * (`magnitude_unit`), the unit that figures of the most events of the build state (ties: the first
   * in alphabetical order). Null when the event states no figure in that unit.
   */
  magnitude: number | null;
  magnitude_unit: string | null;
  /**
   * True when claims state different dates, or places that cannot both be true (a place inside
   * another, such as a city and its region or country, is consistent).
   */
  conflict: boolean;
}

/**
 * Properties of one feature of `ranges.geojson`: a geodesic band or disk, or, when no origin is given
 * (the text states a range but not where from, and the annotator added none), a claim of its weapon's
 * range with `geometry: null`, listed but not drawn.
 */
export interface RangeProperties extends ClaimedProperties {
  id: string;
  /** Weapon display name(s), e.g. "KN-11/KN-19". */
  weapon: string;
  /** Weapon ids, as annotated. */
  weapons: string[];
  /** Weapon class where known, e.g. SRBM, IRBM. */
  weapon_class: string | null;
  /** Inner radius in km; 0 for a disk. */
  min_km: number;
  /** Outer radius in km. */
  max_km: number;
  /** The range as written in the source ("600-700 km", "intermediate-range"). */
  stated_text: string;
  /** The text's qualifier of its figure ("about", "at least"; see RANGE_QUALIFIER_BOUND); null for a bare figure, a span or a class. */
  qualifier: RangeQualifier | null;
  /** False when derived from a class or added by the annotator. */
  stated: boolean;
  basis: RangeBasis;
  /** [lon, lat] of a point origin; null for an area origin or none. */
  origin: [number, number] | null;
  /** Display name of the origin place or area; null when no origin is given (the feature is not drawn). */
  origin_place: string | null;
  /** The annotator's note when the origin is not stated by the text. */
  origin_note: string | null;
  /** Human label for the map: "KN-11/KN-19: 600–700 km, unverified claim". */
  label: string;
  /**
   * Ids of other range features for the same weapon whose stated or added values differ (whatever their
   * origins). A range derived from a class is another basis, not a conflict.
   */
  conflicts_with: string[];
}

export type EventFeature = Feature<MultiPoint, EventProperties>;
/** geometry null: a stated range with no origin, not drawn. */
export type RangeFeature = Feature<Polygon | MultiPolygon | null, RangeProperties>;
export type EventCollection = FeatureCollection<MultiPoint, EventProperties>;
export type RangeCollection = FeatureCollection<Polygon | MultiPolygon | null, RangeProperties>;

/** A build diagnostic, located in its source file. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path of the file, as given to the build. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** A period of days, both ends included (`YYYY-MM-DD/YYYY-MM-DD`), as the app's `t=`. */
export interface StoryPeriod {
  from: string;
  to: string;
}

/** A story's fixed view: `bounds`, or `center` and `zoom`. */
export interface StoryView {
  /** [[west, south], [east, north]] in degrees. */
  bounds?: [[number, number], [number, number]];
  /** [lon, lat] in degrees, with `zoom`. */
  center?: [number, number];
  zoom?: number;
}

/**
 * One step of a story's guided tour (`steps:` in its file): a card with its title and text, and the
 * features it brings forward (the others stay on the map, faded), framed by its own view or by them.
 */
export interface StoryStep {
  /** A short heading. */
  title: string;
  /** The reporter's words: plain text, shown as written (never read as HTML). */
  text: string | null;
  /** Ids of the story's events and ranges the step focuses on, in the story's order; never empty. */
  features: string[];
  /** The step's own period, which narrowed `features` (null: none); the map's period does not change. */
  period: StoryPeriod | null;
  /** A fixed view for the step; null: the map frames its features. */
  view: StoryView | null;
}

/** What the build publishes for a story (`maps/<id>.json`): its words and view, and only its features. */
export interface StoryOutput {
  id: string;
  title: string;
  description: string | null;
  notes: string | null;
  byline: string | null;
  credit: string | null;
  period: StoryPeriod | null;
  view: StoryView | null;
  /** null: the app's default (or the URL's `proj=`). */
  projection: 'flat' | 'globe' | null;
  /** Whether the inset locator map may appear (zoomed in past country level); false: the story switches it off. */
  inset: boolean;
  /** The latest date of the documents it draws on (what an export shows as its date); null when none is dated. */
  date: string | null;
  highlights: GeoJSON.FeatureCollection<GeoJSON.Geometry, { label: string | null }>;
  /** The guided steps (`steps:`), in order; empty: the story is one view. Step 0 of the page is the whole story. */
  steps: StoryStep[];
  events: { type: 'FeatureCollection'; features: EventFeature[] };
  ranges: { type: 'FeatureCollection'; features: RangeFeature[] };
}

/** One line of the stories' index (`maps.json`), for the home page. */
export interface StoryIndexEntry {
  id: string;
  title: string;
  description: string | null;
  events: number;
  ranges: number;
}

/** File names of the published data, relative to the output directory. */
export const OUTPUT_FILES = {
  events: 'events.geojson',
  ranges: 'ranges.geojson',
  /** Events: one row per claim and place; ranges: one row per claim. Columns in the Table Schema beside each. */
  eventsCsv: 'events.csv',
  rangesCsv: 'ranges.csv',
  eventsSchema: 'events.schema.json',
  rangesSchema: 'ranges.schema.json',
  eventsCsvSchema: 'events.csv.schema.json',
  rangesCsvSchema: 'ranges.csv.schema.json',
  /** The stories (`data/maps/<id>.yaml`): id, title, description and counts of each, for the home page. */
  stories: 'maps.json',
} as const;

/** A story's id: its file name without `.yaml`; lowercase letters, digits and `-`, as in a URL (`?map=<id>`). */
export const STORY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A story's own file (its words, view and only its features), so that its embed downloads nothing else. */
export const storyFile = (id: string): string => `maps/${id}.json`;

/**
 * A large archive's page files (src/compiler/page-index.ts writes them, src/map/data.ts reads them):
 * the compact index of the events, the chunks of their full properties, and the member of
 * ranges.geojson (a GeoJSON foreign member) that points the page at the index.
 */
export const PAGE_INDEX = 'events.index.json';
export const chunkName = (n: number): string => `events.claims-${String(n).padStart(4, '0')}.json`;
export const INDEX_MEMBER = 'events_index';
/**
 * An archive past constants.ts TILES_FROM events: its events also as vector tiles in one PMTiles archive
 * (src/cli/tiles-archive.ts writes it, src/map/tiles.ts reads it), named by this member of ranges.geojson.
 */
export const TILES_FILE = 'events.pmtiles';
export const TILES_MEMBER = 'events_tiles';
/** The tiles' one layer of features (a MapLibre layer's `source-layer`). */
export const TILES_LAYER = 'events';
/**
 * A tile cluster's tally (src/compiler/event-tiles.ts): the number of its places whose event has a status
 * (`n:<status>`), or a status and a type (`n:<status>:<type>`), absent when none; the page subtracts the
 * hidden ones from `point_count` (src/map/cluster-count.ts). Statuses hold no `:`, so the two never clash.
 */
export const clusterTallyKey = (status: string, type?: string): string =>
  type === undefined ? `n:${status}` : `n:${status}:${type}`;

/**
 * A feature's status, the one its marker, band, legend and filters show: `disputed` when any of its claims is
 * disputed (another source contradicts it: the feature is contested, whichever claim came first), otherwise
 * its first claim's. Each claim keeps its own status in `claims[]`.
 */
export function featureStatus(claims: readonly Pick<Claim, 'status'>[]): ClaimStatus {
  return claims.some((c) => c.status === 'disputed') ? 'disputed' : claims[0].status;
}

/**
 * The fields a feature repeats from its first claim, flat for map expressions, and its claims: the rule that ties a
 * feature's flat fields to its claims, used by the compiler and by the page when it merges bands. `status` is the
 * feature's (featureStatus: disputed when any claim is), not the first claim's alone.
 */
export function headline(claims: Claim[]): ClaimedProperties {
  const main = claims[0];
  return {
    excerpt: main.excerpt,
    document: main.document,
    document_title: main.document_title,
    publisher: main.publisher,
    document_date: main.document_date,
    url: main.url,
    claimant: main.claimant,
    status: featureStatus(claims),
    claims,
    sources: new Set(claims.map((c) => c.document)).size,
    additions: main.additions,
    ...(claims.some((c) => c.pending) ? { pending: true as const } : {}),
  };
}
