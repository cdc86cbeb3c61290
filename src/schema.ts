/**
 * The JSON Schema of the published features' properties. Each `properties` map is typed as
 * `Record<keyof …Properties, …>`, so the compiler rejects a field that the contract (contract.ts)
 * has and the schema lacks, or the reverse. The build publishes these next to the data.
 */
import type { Addition, Claim, EventPlace, EventProperties, Figure, RangeProperties } from './contract.js';
import { CLAIM_STATUSES, DATE_BASES, DATE_PRECISIONS, PLACE_KINDS, RANGE_BASES, RANGE_QUALIFIERS } from './contract.js';

type Schema = Record<string, unknown>;

const text: Schema = { type: 'string', minLength: 1 };
const nullableText: Schema = { type: ['string', 'null'] };
const isoDate = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const isoDateOrInterval = '^\\d{4}(-\\d{2}(-\\d{2})?)?(/(\\d{4}(-\\d{2}(-\\d{2})?)?|\\.\\.))?$';
const httpUrl: Schema = { type: ['string', 'null'], pattern: '^https?://' };
const lonLat: Schema = {
  type: 'array',
  prefixItems: [
    { type: 'number', minimum: -180, maximum: 180 },
    { type: 'number', minimum: -90, maximum: 90 },
  ],
  minItems: 2,
  maxItems: 2,
};
const km: Schema = { type: 'number', minimum: 0 };

const additionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field', 'note'],
  properties: { field: text, note: text } satisfies Record<keyof Addition, Schema>,
};

const figureSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'unit'],
  properties: {
    value: { type: 'number', exclusiveMinimum: 0, description: 'The number the text states.' },
    unit: { ...text, description: 'What it counts, as the annotator wrote it (killed, drones).' },
  } satisfies Record<keyof Figure, Schema>,
};

const claimProperties = {
  excerpt: { ...text, description: 'Verbatim sentence(s) of the source, annotation markup removed.' },
  highlights: {
    type: 'array',
    items: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 },
    description: '[start, end) UTF-16 offsets of place and weapon mentions in the excerpt.',
  },
  document: text,
  document_title: text,
  publisher: nullableText,
  document_date: { type: ['string', 'null'], pattern: isoDate },
  url: httpUrl,
  claimant: { ...text, description: 'Who says so.' },
  status: { enum: [...CLAIM_STATUSES] },
  note: nullableText,
  additions: {
    type: 'array',
    items: additionSchema,
    description: 'What the annotator added that the text does not say, with its source note.',
  },
  date: { type: ['string', 'null'], pattern: isoDateOrInterval },
  place: {
    ...nullableText,
    description: 'The place(s) this claim states, names joined with "; " (a range: its origin).',
  },
  figures: {
    type: 'array',
    items: figureSchema,
    description: 'Figures this claim states (events only); claims that state different figures are kept side by side.',
  },
  min_km: km,
  max_km: km,
  basis: {
    enum: [...RANGE_BASES],
    description:
      'Range claims: stated (figures in the text), class (a range class in the text) or added (by the annotator).',
  },
  stated_text: { ...text, description: 'Range claims: the range as this claim writes it.' },
  qualifier: { enum: [...RANGE_QUALIFIERS, null], description: "Range claims: the text's qualifier of its figure." },
  line: { type: 'integer', minimum: 1 },
  column: { type: 'integer', minimum: 1 },
  pending: {
    const: true,
    description:
      'Only in a build that includes unreviewed suggestions (the dev server, --include-pending): the claim is a suggestion still marked review=pending, or rests on one. Never in a published build.',
  },
} satisfies Record<keyof Claim, Schema>;

export const claimSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  // Range values are present on range claims only; figures on event claims only.
  required: Object.keys(claimProperties).filter(
    (k) => !['min_km', 'max_km', 'basis', 'stated_text', 'qualifier', 'figures', 'pending'].includes(k),
  ),
  properties: claimProperties,
};

/** Fields every claim-bearing feature repeats from its first claim. */
const firstClaim = {
  excerpt: claimProperties.excerpt,
  document: text,
  document_title: text,
  publisher: nullableText,
  document_date: claimProperties.document_date,
  url: httpUrl,
  claimant: text,
  status: {
    ...claimProperties.status,
    description:
      "The feature's status, the one the map shows: disputed when any claim is disputed (the feature is contested), otherwise the first claim's. Each claim keeps its own in claims[].",
  },
  claims: { type: 'array', items: claimSchema, minItems: 1 },
  sources: { type: 'integer', minimum: 1, description: 'Number of distinct documents among the claims.' },
  additions: claimProperties.additions,
  pending: {
    const: true,
    description:
      'Only with --include-pending (the dev server): some claim is an unreviewed suggestion. Never in a published build.',
  },
};

const placeFields = {
  name: text,
  kind: { enum: [...PLACE_KINDS] },
  precision: {
    enum: [1, 2, 3, 4, 5],
    description: '1 exact point or site, 2 city, 3 region, 4 country, 5 continent or wider.',
  },
  precision_label: text,
  lonlat: { ...lonLat, description: 'The position of this place in the MultiPoint geometry.' },
  country: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
  geonames: { type: ['integer', 'null'], minimum: 1 },
  wikidata: { type: ['string', 'null'], pattern: '^Q\\d+$' },
  admin1: { ...nullableText, description: "ISO 3166-2 code: a region's own, or the region a city lies in." },
} satisfies Record<keyof EventPlace, Schema>;

const eventPlaceSchema = {
  type: 'object',
  additionalProperties: false,
  required: Object.keys(placeFields),
  properties: placeFields,
};

const eventProperties = {
  id: text,
  type: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
  summary: text,
  label: {
    type: ['string', 'null'],
    minLength: 1,
    maxLength: 40,
    description:
      "The annotator's short marker label (label=), drawn beside the event's markers instead of the place name; null: the place name.",
  },
  date: { type: ['string', 'null'], pattern: isoDateOrInterval },
  date_start: { type: ['string', 'null'], pattern: isoDate },
  date_end: { type: ['string', 'null'], pattern: isoDate },
  date_precision: { enum: [...DATE_PRECISIONS, null] },
  date_basis: {
    enum: [...DATE_BASES, null],
    description:
      "stated: the text gives the date; relative: the text's words (date_text) counted from date_reference, the document's published date; added: the annotator's (see additions).",
  },
  date_text: {
    type: ['string', 'null'],
    description: 'The text\'s own words for a relative date ("Thursday", "November 23").',
  },
  date_reference: {
    type: ['string', 'null'],
    pattern: isoDate,
    description: 'The date a relative date is counted from.',
  },
  places: {
    type: 'array',
    items: eventPlaceSchema,
    minItems: 1,
    description: "Every place of the event, in the order of the geometry's positions.",
  },
  place: { ...text, description: "The first place's name; every place is in places." },
  place_kind: placeFields.kind,
  precision: placeFields.precision,
  precision_label: text,
  country: placeFields.country,
  geonames: placeFields.geonames,
  wikidata: placeFields.wikidata,
  admin1: placeFields.admin1,
  magnitude: {
    type: ['number', 'null'],
    exclusiveMinimum: 0,
    description:
      'What the marker is sized by: the largest figure, over all claims, in the unit the build sizes by (magnitude_unit).',
  },
  magnitude_unit: {
    ...nullableText,
    description:
      'The unit that figures of the most events state (ties: alphabetical first); null when the event states no figure in it.',
  },
  conflict: { type: 'boolean', description: 'Claims state different dates, or places that cannot both be true.' },
  ...firstClaim,
} satisfies Record<keyof EventProperties, Schema>;

const rangeProperties = {
  id: text,
  weapon: text,
  weapons: { type: 'array', items: text, minItems: 1 },
  weapon_class: nullableText,
  min_km: { ...km, description: 'Inner radius in km; 0 for a disk.' },
  max_km: { type: 'number', exclusiveMinimum: 0, description: 'Outer radius in km.' },
  stated_text: text,
  qualifier: {
    enum: [...RANGE_QUALIFIERS, null],
    description:
      'The text\'s qualifier of its figure ("about", "at least"), drawn as the outer edge; null for a bare figure, a span or a class.',
  },
  stated: { type: 'boolean' },
  basis: { enum: [...RANGE_BASES] },
  origin: { oneOf: [lonLat, { type: 'null' }] },
  origin_place: {
    type: ['string', 'null'],
    minLength: 1,
    description: 'Null when no origin is given: the feature has geometry null and is listed, not drawn.',
  },
  origin_note: nullableText,
  label: text,
  conflicts_with: { type: 'array', items: text },
  ...firstClaim,
} satisfies Record<keyof RangeProperties, Schema>;

const geometryOf = (types: string[]): Schema => ({
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { enum: types } },
});

const featureCollection = (title: string, geometryTypes: string[], properties: Schema, nullable = false): Schema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title,
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { const: 'FeatureCollection' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'geometry', 'properties'],
        properties: {
          type: { const: 'Feature' },
          id: text,
          geometry: nullable ? { oneOf: [{ type: 'null' }, geometryOf(geometryTypes)] } : geometryOf(geometryTypes),
          properties: {
            type: 'object',
            additionalProperties: false,
            required: Object.keys(properties.properties as Schema).filter((k) => k !== 'pending'),
            ...properties,
          },
        },
      },
    },
  },
});

export const eventsSchema = featureCollection('Source Atlas events', ['MultiPoint'], { properties: eventProperties });
/** A range with no origin has geometry null (RFC 7946 §3.2: an unlocated feature). */
export const rangesSchema = featureCollection(
  'Source Atlas ranges',
  ['Polygon', 'MultiPolygon'],
  { properties: rangeProperties },
  true,
);
