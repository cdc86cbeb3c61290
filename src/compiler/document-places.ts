/**
 * document-places: every place mention and front-matter place of one document → a resolved place, with the
 * document's own places as context for ambiguous names. Pure, given a resolver.
 */
import type { PlaceKind, PrecisionLevel, ResolvedPlace } from '../contract.js';
import { PLACE_KINDS } from '../contract.js';
import type { PlaceQuery, Resolution, ResolveContext } from './resolve.js';
import type { Annotation } from './parse.js';
import { roundDegrees } from '../earth.js';
import type { FrontPlace } from './documents.js';
import type { Diagnostics, Location } from './diagnostics.js';
import { attributeAt, short } from './attributes.js';
import { idHint, invisibleHint, otherKindHint } from './id-hint.js';
import { describeCharacter, describeStrangers } from './lookalikes.js';
import { didYouMean } from './closest-name.js';
import { renderedWords } from './words.js';

/**
 * Resolves all the place mentions of one document together, each the others' context (resolve.ts's
 * resolveDocument, bound to a gazetteer): the same path the geocoding benchmark scores.
 */
export type Resolver = (queries: readonly PlaceQuery[], ctx?: ResolveContext) => Resolution[];

export interface DocumentPlace {
  place: ResolvedPlace;
  /** The annotator's source note when the text does not name this place. */
  addedNote: string | null;
}

export interface DocumentPlaces {
  /** Place id (`#id` of a mention, or a front-matter key) → place. */
  byId: Map<string, DocumentPlace>;
  /** Annotation index → place, for every resolved mention (references included). */
  byAnnotation: Map<number, DocumentPlace>;
  /**
   * Place ids the document defines but that could not be resolved (the lookup failed, or the
   * definition has errors of its own), with where each is defined: a reference to one is a follow-on
   * of that error, not a reference to nothing.
   */
  failed: Map<string, Location>;
}

/** The places of a document none of whose places could be read. */
export const noPlaces = (): DocumentPlaces => ({ byId: new Map(), byAnnotation: new Map(), failed: new Map() });

/**
 * The message for `attribute=id` naming a place id that is not among the document's resolved places:
 * when the id is defined but could not be resolved, says so and points at the definition (its own
 * error says why); null when the id is not defined at all (the caller says how to define it).
 */
/**
 * An invisible character in the name looked up (a zero-width space, a soft hyphen or a bidi control pasted
 * in with the text) that no place's name has: named, with the fix. The words of a mention are the text's
 * and stay as they are; the name to look up is given with name=.
 */
function invisibleInName(q: { query?: PlaceQuery | null; frontId: string | null }): string {
  const query = q.query;
  if (!query) return '';
  const looked = query.name ?? query.text;
  const found = describeStrangers(looked, /[^\p{Cf}]/u);
  if (!found.length) return '';
  const clean = looked.replace(/\p{Cf}/gu, '');
  const fix =
    q.frontId !== null
      ? `delete ${found.length === 1 ? 'it' : 'them'} from its name: (name: ${clean})`
      : query.name !== undefined
        ? `delete ${found.length === 1 ? 'it' : 'them'} from name= (name="${clean}")`
        : `the text keeps its words as they are: give the name to look up with name="${clean}"`;
  return `; it has ${found.join(', ')}, which no place's name has (pasted in with the text?): ${fix}`;
}

export function unresolvedPlaceMessage(places: DocumentPlaces, attribute: string, id: string): string | null {
  const at = places.failed.get(id);
  return at
    ? `${attribute}=${id}: place "${id}" is defined but could not be resolved (see ${at.line}:${at.column})`
    : null;
}

const round = roundDegrees;

/** Parses `at="lon,lat"`. */
export function parseLonLat(value: string): [number, number] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m) return null;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}

/**
 * What is wrong with a point that parseLonLat refused, when it can tell: `; are longitude and latitude
 * swapped? write "48.46,35.04"`, `; separate longitude and latitude with a comma`, or "".
 */
export function lonLatHint(value: string, key: string): string {
  const two = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!two)
    return /^\s*-?\d+,\d+\s*[;\s]\s*-?\d+,\d+\s*$/.test(value)
      ? '; the decimal point is "." and a comma separates longitude from latitude'
      : pastedPointHint(value, key);
  const [lon, lat] = [Number(two[1]), Number(two[2])];
  if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90)
    return `; are longitude and latitude swapped? longitude comes first: ${key}="${two[2]},${two[1]}"`;
  if (!/,/.test(value) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)
    return `; separate longitude and latitude with a comma: ${key}="${two[1]},${two[2]}"`;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return `; ${Math.abs(lon) > 180 ? `longitude ${two[1]} is past ±180` : `latitude ${two[2]} is past ±90`}`;
  return '';
}

/**
 * A point pasted from a map or an encyclopaedia: a minus sign or a dash for "-" ("−30.5"), a "+", degree
 * signs and hemisphere letters ("50.45°N 30.52°E", in either order). The point it means, written as
 * `key="lon,lat"`, or "" when it is none of these.
 */
function pastedPointHint(value: string, key: string): string {
  const dash = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/.exec(value);
  const cleaned = value.replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-').replace(/\+(?=\d)/g, '');
  const part = String.raw`(-?\d+(?:\.\d+)?)\s*°?\s*([NSEWnsew])?`;
  const m = new RegExp(String.raw`^\s*${part}\s*[,;\s]\s*${part}\s*$`).exec(cleaned);
  if (!m) return '';
  const signed = (n: string, h: string | undefined) => (h && /[SWsw]/.test(h) ? `-${n.replace(/^-/, '')}` : n);
  const [a, b] = [signed(m[1], m[2]), signed(m[3], m[4])];
  // Hemisphere letters say which number is which: "50.45°N 30.52°E" is latitude first.
  const latFirst = m[2] !== undefined && /[NSns]/.test(m[2]);
  const [lon, lat] = latFirst ? [b, a] : [a, b];
  if (Math.abs(Number(lon)) > 180 || Math.abs(Number(lat)) > 90) return '';
  const why = [
    ...(dash
      ? [
          `it has U+${dash[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} (${dash[0] === '\u2212' ? 'a minus sign' : 'a dash'}) for "-"`,
        ]
      : []),
    ...(/°|[NSEWnsew]/.test(cleaned) ? ['degrees are written as plain decimal numbers, west and south negative'] : []),
    ...(/\+\d/.test(value) ? ['a "+" is not written'] : []),
  ];
  return why.length ? `; ${why.join('; ')}: ${key}="${lon},${lat}"` : '';
}

/** Words an annotator may give for `precision=`, beside the levels 1–5 (see PrecisionLevel). */
export const PRECISION_WORDS: Readonly<Record<string, PrecisionLevel>> = {
  site: 1,
  exact: 1,
  city: 2,
  town: 2,
  region: 3,
  country: 4,
  continent: 5,
  area: 5,
};

/** `precision=` as written (1–5 or a word of PRECISION_WORDS) → the level, or null. */
export function parsePrecision(value: string | number): PrecisionLevel | null {
  const v = String(value).trim().toLowerCase();
  if (/^[1-5]$/.test(v)) return Number(v) as PrecisionLevel;
  return PRECISION_WORDS[v] ?? null;
}

const PRECISION_HINT = `precision= is 1–5 or a word: ${Object.entries(PRECISION_WORDS)
  .map(([w, n]) => `${w} (${n})`)
  .join(', ')}`;

/** A point the annotator gives, as precise as the annotator says it is (`precision=`). */
export function coordinatesPlace(name: string, lonlat: [number, number], precision: PrecisionLevel): ResolvedPlace {
  return {
    name,
    kind: 'coordinates',
    precision,
    lonlat: [round(lonlat[0]), round(lonlat[1])],
    country: null,
    geonames: null,
    wikidata: null,
    admin1: null,
  };
}

interface Query {
  at: Location;
  query: PlaceQuery | null;
  point: [number, number] | null;
  precision: PrecisionLevel;
  name: string;
  note: string | null;
  annotation: number | null;
  frontId: string | null;
}

export function resolveDocumentPlaces(
  file: string,
  annotations: readonly Annotation[],
  /** Indices of the annotations whose attributes passed their checks. */
  valid: ReadonlySet<number>,
  frontPlaces: readonly FrontPlace[],
  resolve: Resolver,
  diagnostics: Diagnostics,
  /** Front-matter places that could not be read (their errors are reported): where each is written. */
  unreadable: ReadonlyMap<string, Location> = new Map(),
): DocumentPlaces {
  const byId = new Map<string, DocumentPlace>();
  const byAnnotation = new Map<number, DocumentPlace>();
  const failed = new Map<string, Location>();
  const queries: Query[] = [];
  const definedAt = new Map<string, Location>();

  for (const fp of frontPlaces) {
    const at = { file, line: fp.line, column: 3 };
    definedAt.set(fp.id, at);
    // An error about one of its values points at that value (precision: 9, name: Zzyzx).
    const valueAt = (key: keyof NonNullable<FrontPlace['values']>) => {
      const v = fp.values?.[key];
      return v ? { file, ...v } : at;
    };
    let precision: PrecisionLevel = 1;
    if (fp.at) {
      // The kind the annotator gives the point says how precise it is, unless precision: says so.
      const level = fp.precision !== null ? parsePrecision(fp.precision) : fp.kind ? parsePrecision(fp.kind) : null;
      if (level === null) {
        diagnostics.error(
          fp.precision === null ? at : valueAt('precision'),
          `place "${fp.id}": a point (at:) needs precision: (or kind:): how precise it is, e.g. precision: site; ${PRECISION_HINT}${fp.precision === null ? '' : `, got ${JSON.stringify(fp.precision)}`}`,
        );
        continue;
      }
      precision = level;
    } else if (fp.precision !== null) {
      diagnostics.error(
        valueAt('precision'),
        `place "${fp.id}": precision: is for a point given with at:; a named place has the precision of its kind`,
      );
      continue;
    }
    queries.push({
      at: fp.at ? at : valueAt(fp.geonames !== null ? 'geonames' : fp.wikidata ? 'wikidata' : 'name'),
      query: fp.at
        ? null
        : {
            text: fp.name ?? fp.id,
            ...(fp.kind ? { kind: fp.kind as PlaceKind } : {}),
            ...(fp.geonames !== null ? { geonames: fp.geonames } : {}),
            ...(fp.wikidata ? { wikidata: fp.wikidata } : {}),
          },
      point: fp.at,
      precision,
      name: fp.name ?? fp.id,
      note: fp.note,
      annotation: null,
      frontId: fp.id,
    });
  }

  annotations.forEach((a, index) => {
    if (a.kind !== 'place' || a.attributes.of !== undefined) return;
    const at = { file, line: a.line, column: a.column };
    const id = a.attributes.id;
    // Defined, with errors of its own (reported where the attributes were checked).
    if (!valid.has(index)) {
      if (id !== undefined && !definedAt.has(id) && !failed.has(id)) failed.set(id, at);
      return;
    }
    const fail = () => {
      if (id !== undefined) failed.set(id, at);
    };
    if (id !== undefined) {
      const first = definedAt.get(id);
      if (first) {
        diagnostics.error(
          attributeAt(file, a, 'id'),
          `duplicate place id "${id}"; first defined at ${first.file}:${first.line}:${first.column} (use of=${id} for another mention)`,
        );
        return;
      }
      definedAt.set(id, at);
    }
    const kind = a.attributes.kind;
    if (kind !== undefined && !(PLACE_KINDS as readonly string[]).includes(kind)) {
      diagnostics.error(
        attributeAt(file, a, 'kind'),
        `unknown place kind "${kind}"; ${didYouMean(kind, PLACE_KINDS)}allowed: ${PLACE_KINDS.join(', ')}`,
      );
      return fail();
    }
    let point: [number, number] | null = null;
    if (a.attributes.at !== undefined) {
      point = parseLonLat(a.attributes.at);
      if (!point) {
        diagnostics.error(
          attributeAt(file, a, 'at'),
          `at="${a.attributes.at}" is not "lon,lat" in degrees (e.g. at="35.04,48.46")${lonLatHint(a.attributes.at, 'at')}`,
        );
        return fail();
      }
    }
    let precision: PrecisionLevel = 1;
    if (point) {
      const level =
        a.attributes.precision !== undefined
          ? parsePrecision(a.attributes.precision)
          : kind !== undefined
            ? parsePrecision(kind)
            : null;
      if (level === null) {
        diagnostics.error(
          attributeAt(file, a, a.attributes.precision === undefined ? 'at' : 'precision'),
          `${a.attributes.precision === undefined ? 'a point given with at= needs precision= (or kind=): how precise it is, e.g. precision=site' : `precision="${a.attributes.precision}" is not a precision`}; ${PRECISION_HINT}`,
        );
        return;
      }
      precision = level;
    } else if (a.attributes.precision !== undefined) {
      diagnostics.error(
        attributeAt(file, a, 'precision'),
        `precision= is for a point given with at="lon,lat"; a named place has the precision of its kind`,
      );
      return;
    }
    let geonames: number | undefined;
    if (a.attributes.geonames !== undefined) {
      geonames = Number(a.attributes.geonames);
      // (Past 2^53 the number read is not the one written: 99999999999999999999 was quoted as 1e20.)
      if (!Number.isSafeInteger(geonames) || geonames <= 0) {
        diagnostics.error(
          attributeAt(file, a, 'geonames'),
          `geonames="${a.attributes.geonames}" is not a GeoNames id (a positive whole number, e.g. geonames=709930)${strangers(a.attributes.geonames, /[0-9]/)}`,
        );
        return fail();
      }
    }
    const wikidata = a.attributes.wikidata;
    if (wikidata !== undefined && geonames !== undefined) {
      // The resolver reads the GeoNames pin first: a second pin would be ignored without a word.
      diagnostics.error(
        attributeAt(file, a, 'wikidata'),
        `:place[${a.label.slice(0, 40)}] has two pins, geonames=${a.attributes.geonames} and wikidata=${wikidata}; give one`,
      );
      return fail();
    }
    if (point && (geonames !== undefined || wikidata !== undefined)) {
      // at= places the point itself, so the pin was dropped without a word (the output had no geonames).
      const pin = geonames !== undefined ? 'geonames' : 'wikidata';
      diagnostics.error(
        attributeAt(file, a, pin),
        `:place[${a.label.slice(0, 40)}] has both at="${a.attributes.at}" and ${pin}=${a.attributes[pin]}: at= gives the point itself, so the ${pin === 'geonames' ? 'GeoNames' : 'Wikidata'} pin would be ignored; give one: the pin alone for a place the gazetteer has, or at= with precision= for a point it has not`,
      );
      return fail();
    }
    if (wikidata !== undefined && !/^Q\d+$/.test(wikidata)) {
      diagnostics.error(
        attributeAt(file, a, 'wikidata'),
        `wikidata="${wikidata}" is not a Wikidata QID (e.g. wikidata=Q1013)${strangers(wikidata, /[Q0-9]/)}`,
      );
      return fail();
    }
    queries.push({
      at,
      query: point
        ? null
        : {
            text: renderedWords(a.label),
            ...(a.attributes.name ? { name: a.attributes.name } : {}),
            ...(kind ? { kind: kind as PlaceKind } : {}),
            ...(geonames ? { geonames } : {}),
            ...(wikidata ? { wikidata } : {}),
          },
      point,
      precision,
      name: a.attributes.name ?? renderedWords(a.label),
      note: null,
      annotation: index,
      frontId: null,
    });
  });

  // Points the annotator gave are context for the names around them.
  const points = queries.filter((q) => q.point).map((q) => q.point!);
  const named = queries.filter((q) => q.query);
  const results = resolve(
    named.map((q) => q.query!),
    points.length ? { points } : undefined,
  );
  const resolution = new Map(named.map((q, i) => [q, results[i]]));

  queries.forEach((q) => {
    let place: ResolvedPlace;
    if (q.point) place = coordinatesPlace(q.name, q.point, q.precision);
    else {
      const r = resolution.get(q)!;
      if (!r.ok) {
        // Suggestions come plain ("Kursk") or already quoted with what they are (places/suggest.ts).
        const hint = r.suggestions.length
          ? `; did you mean ${r.suggestions.map((s) => (s.startsWith('"') ? s : `"${s}"`)).join(', ')}?`
          : '';
        // A pin the gazetteer does not hold is pointed at where it is written (geonames=…), not at the mention.
        const pin = q.query?.geonames !== undefined ? 'geonames' : q.query?.wikidata !== undefined ? 'wikidata' : null;
        const where = q.annotation !== null && pin ? attributeAt(file, annotations[q.annotation], pin) : q.at;
        // Shown in the message as <U+200B>: a bidi control printed raw would reorder the line it is in.
        const invisible = r.reason === 'unknown' ? invisibleInName(q) : '';
        if (q.annotation === null || !annotations[q.annotation].misnested)
          diagnostics.error(
            where,
            `${invisible ? r.message.replace(/\p{Cf}/gu, (c) => `<${describeCharacter(c).split(' ')[0]}>`) : r.message}${r.reason === 'unknown' ? `${invisible}${hint}` : ''}${r.reason === 'unknown' ? ' (or pin it with geonames=, wikidata= or at="lon,lat")' : ''}`,
          );
        const failedId = q.frontId ?? (q.annotation !== null ? annotations[q.annotation].attributes.id : undefined);
        if (failedId !== undefined) failed.set(failedId, q.at);
        return;
      }
      if (r.ambiguous) {
        const others = r.candidates
          .filter((c) => c !== r.place)
          .slice(0, 4)
          .map(describe)
          .join('; ');
        diagnostics.warning(
          q.at,
          `ambiguous place "${short(q.query!.name ?? q.query!.text)}": chose ${describe(r.place)}; other candidates: ${others}. Pin it with geonames= or wikidata= to be sure`,
        );
      }
      place = r.place;
    }
    const dp: DocumentPlace = { place, addedNote: q.note };
    const id = q.frontId ?? (q.annotation !== null ? annotations[q.annotation].attributes.id : undefined);
    if (id !== undefined) byId.set(id, dp);
    if (q.annotation !== null) byAnnotation.set(q.annotation, dp);
  });

  annotations.forEach((a, index) => {
    if (a.kind !== 'place' || a.attributes.of === undefined || !valid.has(index)) return;
    const target = byId.get(a.attributes.of);
    if (target) byAnnotation.set(index, target);
    else if (!definedAt.has(a.attributes.of) && unreadable.has(a.attributes.of)) {
      // Defined in the front matter with errors: say so and point at it, not "names no place".
      const at = unreadable.get(a.attributes.of)!;
      diagnostics.error(
        attributeAt(file, a, 'of'),
        `of=${a.attributes.of}: place "${a.attributes.of}" is defined in the front matter but could not be read (see ${at.line}:${at.column})`,
      );
    } else if (!definedAt.has(a.attributes.of) && !failed.has(a.attributes.of)) {
      diagnostics.error(
        attributeAt(file, a, 'of'),
        `of=${a.attributes.of} names no place of this document; ${idHint(a.attributes.of, [...byId.keys(), ...definedAt.keys()]) ?? invisibleHint(a.attributes.of, annotations) ?? otherKindHint(a.attributes.of, 'place', annotations) ?? `define it first with :place[…]{#${a.attributes.of}} or under places: in the front matter`}`,
      );
    }
  });
  return { byId, byAnnotation, failed };
}

export function describe(p: ResolvedPlace): string {
  const ids = [p.geonames ? `geonames=${p.geonames}` : null, p.wikidata ? `wikidata=${p.wikidata}` : null]
    .filter(Boolean)
    .join(' ');
  return `${p.name}${p.country ? `, ${p.country}` : ''} (${p.kind}${ids ? `, ${ids}` : ''})`;
}

/** What a point given by the annotator is precise to, by precision level. */
const POINT_PRECISION: Readonly<Record<PrecisionLevel, string>> = {
  1: 'the site',
  2: 'a town or city',
  3: 'a region',
  4: 'a country',
  5: 'a continent or wider area',
};

/**
 * "city: Kharkiv", "approximate location: Kursk Oblast (region)"; a point the annotator gave says so
 * and how precise the annotator says it is: "point given by the annotator, precise to a region: …".
 */
export function precisionLabel(p: ResolvedPlace): string {
  if (p.kind === 'coordinates')
    return `point given by the annotator, precise to ${POINT_PRECISION[p.precision]}: ${p.name}`;
  switch (p.precision) {
    case 1:
      return `exact location: ${p.name}`;
    case 2:
      return `city: ${p.name}`;
    case 3:
      return `approximate location: ${p.name} (region)`;
    case 4:
      return `approximate location: ${p.name} (country)`;
    default:
      return `approximate location: ${p.name} (${p.kind === 'continent' ? 'continent' : 'wide area'})`;
  }
}

/** The characters of a pin that do not belong in it, by name (an invisible one most of all), for its message. */
function strangers(value: string, allowed: RegExp): string {
  const found = describeStrangers(value, allowed);
  return found.length > 0 ? `; it has ${found.join(', ')}` : '';
}
