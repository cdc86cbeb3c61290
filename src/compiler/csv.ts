/**
 * csv: the published features as CSV, for spreadsheets and newsroom tools: ranges one row per claim,
 * events one row per claim and place (an event in three places has three rows per claim, each with
 * its place's own coordinates, kind and ids, so that every row maps as a point). The
 * columns are declared once, below; the CSV and its Frictionless Table Schema are both made from
 * that declaration. RFC 4180 quoting; UTF-8 with CRLF line ends.
 *
 * Spreadsheet safety: a text cell that starts with = + - @ or a tab would run as a formula in Excel
 * and similar programs (OWASP "CSV injection"), so such a cell is written with a leading apostrophe.
 * The GeoJSON keeps every excerpt verbatim; the apostrophe exists only in the CSV.
 */
import type { Claim, EventFeature, EventPlace, EventProperties, RangeFeature, RangeProperties } from '../contract.js';
import { joinPieces } from './emit.js';

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
interface Column<F> {
  name: string;
  type: FieldType;
  description: string;
  value: (feature: F, claim: Claim, index: number, place: number) => string | number | boolean | null | undefined;
}

const additions = (c: Claim) => c.additions.map((a) => `${a.field}: ${a.note}`).join('; ');
const figures = (c: Claim) => (c.figures ?? []).map((f) => `${f.value} ${f.unit}`).join('; ');

/** Columns every claim row has, after the feature's own. */
function claimColumns<F>(): Array<Column<F>> {
  return [
    {
      name: 'claim',
      type: 'integer',
      description: '1 for the first claim of the feature, 2 for the next, …',
      value: (_f, _c, i) => i + 1,
    },
    { name: 'claimant', type: 'string', description: 'Who says so.', value: (_f, c) => c.claimant },
    {
      name: 'status',
      type: 'string',
      description: 'reported, claimed, disputed or unverified.',
      value: (_f, c) => c.status,
    },
    { name: 'excerpt', type: 'string', description: 'The source sentence(s), verbatim.', value: (_f, c) => c.excerpt },
    { name: 'note', type: 'string', description: "The annotator's note on this claim.", value: (_f, c) => c.note },
    {
      name: 'annotator_additions',
      type: 'string',
      description: 'What the annotator added that the text does not say, as "field: source note", separated by "; ".',
      value: (_f, c) => additions(c),
    },
    { name: 'document', type: 'string', description: 'Id of the source document.', value: (_f, c) => c.document },
    { name: 'document_title', type: 'string', description: 'Its title.', value: (_f, c) => c.document_title },
    { name: 'publisher', type: 'string', description: 'Its publisher, when known.', value: (_f, c) => c.publisher },
    {
      name: 'document_date',
      type: 'date',
      description: 'Its publication date, when known.',
      value: (_f, c) => c.document_date,
    },
    { name: 'url', type: 'string', description: 'Link to the original, when known.', value: (_f, c) => c.url },
    {
      name: 'line',
      type: 'integer',
      description: 'Line of the annotation in the annotated document.',
      value: (_f, c) => c.line,
    },
  ];
}

type P<F> = F extends EventFeature ? EventProperties : RangeProperties;
const prop =
  <F extends EventFeature | RangeFeature, K extends keyof P<F>>(key: K) =>
  (f: F) =>
    (f.properties as P<F>)[key] as string | number | boolean | null;

const placeOf = (f: EventFeature, n: number): EventPlace => f.properties.places[n];
const at =
  <K extends keyof EventPlace>(key: K) =>
  (f: EventFeature, _c: Claim, _i: number, n: number) =>
    placeOf(f, n)[key] as string | number | null;

export const EVENT_COLUMNS: Array<Column<EventFeature>> = [
  {
    name: 'event_id',
    type: 'string',
    description: 'Id of the event; one row per claim about it and place of it.',
    value: prop('id'),
  },
  {
    name: 'type',
    type: 'string',
    description: 'Kind of event (missile-strike, drone-attack, …).',
    value: prop('type'),
  },
  {
    name: 'summary',
    type: 'string',
    description: "One line on what happened, in the annotator's words.",
    value: prop('summary'),
  },
  {
    name: 'label',
    type: 'string',
    description: "The annotator's short marker label (label=); empty: the map shows the place name.",
    value: prop('label'),
  },
  {
    name: 'date',
    type: 'string',
    description: 'ISO 8601 date or START/END interval of the event (first dated claim).',
    value: prop('date'),
  },
  { name: 'date_precision', type: 'string', description: 'day, month or year.', value: prop('date_precision') },
  {
    name: 'date_basis',
    type: 'string',
    description:
      "stated (the text gives it), relative (the text's words counted from date_reference) or added (by the annotator).",
    value: prop('date_basis'),
  },
  {
    name: 'date_text',
    type: 'string',
    description: "The text's own words for a relative date (Thursday, November 23).",
    value: prop('date_text'),
  },
  {
    name: 'date_reference',
    type: 'date',
    description: 'The date a relative date is counted from (the publication date).',
    value: prop('date_reference'),
  },
  { name: 'claim_date', type: 'string', description: 'The date this claim states.', value: (_f, c) => c.date },
  {
    name: 'place_number',
    type: 'integer',
    description:
      "1 for the first place of the event, 2 for the next, …; the place columns that follow are this place's.",
    value: (_f, _c, _i, n) => n + 1,
  },
  {
    name: 'places',
    type: 'integer',
    description: 'How many places the event has.',
    value: (f) => f.properties.places.length,
  },
  { name: 'place', type: 'string', description: 'This place of the event.', value: at('name') },
  {
    name: 'claim_place',
    type: 'string',
    description: 'The place(s) this claim states, separated by "; ".',
    value: (_f, c) => c.place,
  },
  {
    name: 'place_kind',
    type: 'string',
    description: 'coordinates, site, city, region, country, continent or area.',
    value: at('kind'),
  },
  {
    name: 'precision',
    type: 'integer',
    description: 'Location precision: 1 exact, 2 city, 3 region, 4 country, 5 continent.',
    value: at('precision'),
  },
  {
    name: 'precision_label',
    type: 'string',
    description: 'Location precision in words ("city: Kyiv", "point given by the annotator, precise to a region: …").',
    value: at('precision_label'),
  },
  {
    name: 'longitude',
    type: 'number',
    description: 'WGS84 degrees.',
    value: (f, _c, _i, n) => placeOf(f, n).lonlat[0],
  },
  { name: 'latitude', type: 'number', description: 'WGS84 degrees.', value: (f, _c, _i, n) => placeOf(f, n).lonlat[1] },
  { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 code of the place.', value: at('country') },
  {
    name: 'admin1',
    type: 'string',
    description: "ISO 3166-2 code: a region's own, or the region a city lies in.",
    value: at('admin1'),
  },
  { name: 'geonames', type: 'integer', description: 'GeoNames id of the place.', value: at('geonames') },
  { name: 'wikidata', type: 'string', description: 'Wikidata QID of the place.', value: at('wikidata') },
  {
    name: 'claim_figures',
    type: 'string',
    description:
      'The figures this claim states, as "number unit", separated by "; " (e.g. "3 killed; 64 injured"); each claim\'s own, never merged.',
    value: (_f, c) => figures(c),
  },
  {
    name: 'magnitude',
    type: 'number',
    description: 'What the marker is sized by: the largest figure, over all claims of the event, in magnitude_unit.',
    value: prop('magnitude'),
  },
  {
    name: 'magnitude_unit',
    type: 'string',
    description:
      'The unit the map sizes markers by (the unit figures of the most events state); empty when the event states no figure in it.',
    value: prop('magnitude_unit'),
  },
  {
    name: 'sources',
    type: 'integer',
    description: 'Distinct documents among the claims of the event.',
    value: prop('sources'),
  },
  {
    name: 'conflict',
    type: 'boolean',
    description: 'true when claims state different dates, or places that cannot both be true.',
    value: prop('conflict'),
  },
  ...claimColumns<EventFeature>(),
];

export const RANGE_COLUMNS: Array<Column<RangeFeature>> = [
  {
    name: 'range_id',
    type: 'string',
    description: 'Id of the range band; one row per claim of it.',
    value: prop('id'),
  },
  { name: 'weapon', type: 'string', description: 'Weapon name(s).', value: prop('weapon') },
  {
    name: 'weapon_ids',
    type: 'string',
    description: 'Weapon ids, separated by spaces.',
    value: (f) => f.properties.weapons.join(' '),
  },
  {
    name: 'weapon_class',
    type: 'string',
    description: 'Class of the weapon, where known (SRBM, IRBM, …).',
    value: prop('weapon_class'),
  },
  { name: 'min_km', type: 'number', description: 'Inner radius in km (0 for a disk).', value: prop('min_km') },
  { name: 'max_km', type: 'number', description: 'Outer radius in km.', value: prop('max_km') },
  {
    name: 'stated_text',
    type: 'string',
    description: "The range as written in the source (of the band's leading claim).",
    value: prop('stated_text'),
  },
  {
    name: 'qualifier',
    type: 'string',
    description:
      "The text's qualifier of its figure (about, at least, up to, …); empty for a bare figure, a span or a class.",
    value: prop('qualifier'),
  },
  {
    name: 'basis',
    type: 'string',
    description: 'stated (numbers in the text), class (from a range class) or added (by the annotator).',
    value: prop('basis'),
  },
  {
    name: 'claim_stated_text',
    type: 'string',
    description: 'The range as this claim writes it.',
    value: (_f, c) => c.stated_text,
  },
  {
    name: 'claim_basis',
    type: 'string',
    description: "This claim's basis: stated, class or added.",
    value: (_f, c) => c.basis,
  },
  {
    name: 'drawn',
    type: 'boolean',
    description: 'false when no origin is given: the range is stated but not drawn.',
    value: (f) => f.geometry !== null,
  },
  {
    name: 'origin_longitude',
    type: 'number',
    description: 'Point origin, WGS84 degrees; empty for an area origin.',
    value: (f) => f.properties.origin?.[0] ?? null,
  },
  {
    name: 'origin_latitude',
    type: 'number',
    description: 'Point origin, WGS84 degrees; empty for an area origin.',
    value: (f) => f.properties.origin?.[1] ?? null,
  },
  {
    name: 'origin_place',
    type: 'string',
    description: 'Name of the origin place or area; empty when no origin is given.',
    value: prop('origin_place'),
  },
  {
    name: 'origin_note',
    type: 'string',
    description: "The annotator's source for an origin the text does not state.",
    value: prop('origin_note'),
  },
  {
    name: 'sources',
    type: 'integer',
    description: 'Distinct documents among the claims of the band.',
    value: prop('sources'),
  },
  {
    name: 'conflicts_with',
    type: 'string',
    description: 'Ids of bands of the same weapon with other values, separated by spaces.',
    value: (f) => f.properties.conflicts_with.join(' '),
  },
  ...claimColumns<RangeFeature>(),
];

const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | boolean | null | undefined, type: FieldType): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if ((type === 'string' || type === 'date') && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows: one per claim, and for events one per claim and place; as pieces (the header, then each row with
 * its line end), so that the shell writes the file as it is made (emit.ts Output).
 */
export function* csvPieces<F extends EventFeature | RangeFeature>(
  features: readonly F[],
  columns: ReadonlyArray<Column<F>>,
): Generator<string> {
  yield `${columns.map((c) => c.name).join(',')}\r\n`;
  for (const f of features) {
    const places = 'places' in f.properties ? f.properties.places.length : 1;
    for (const [i, claim] of f.properties.claims.entries())
      for (let n = 0; n < places; n++)
        yield `${columns.map((c) => cell(c.value(f, claim, i, n), c.type)).join(',')}\r\n`;
  }
}

/** The CSV as one text: csvPieces joined. */
export function toCsv<F extends EventFeature | RangeFeature>(
  features: readonly F[],
  columns: ReadonlyArray<Column<F>>,
): string {
  return joinPieces(csvPieces(features, columns));
}

/** Frictionless Table Schema of a CSV, from its column declarations. */
export function tableSchema<F>(columns: ReadonlyArray<Column<F>>, primaryKey: string[]): Record<string, unknown> {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    fields: columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
    primaryKey,
    missingValues: [''],
  };
}
