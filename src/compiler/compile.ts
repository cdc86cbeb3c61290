/**
 * compile: parsed documents → the events and ranges feature collections, with every problem found
 * in one pass as located diagnostics. Pure, given a place resolver and the area files it was handed.
 *
 * Ids of events, weapons and ranges are global, so a document can add a claim to an event that
 * another document defines (`of=id`); place ids belong to their document.
 */
import { pointName } from './point-name.js';
import { posix } from 'node:path';
import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Polygon } from 'geojson';
import type {
  Addition,
  Claim,
  DateBasis,
  Diagnostic,
  DocumentMeta,
  EventCollection,
  EventFeature,
  EventPlace,
  EventProperties,
  Figure,
  RangeBasis,
  RangeCollection,
  RangeFeature,
  RangeProperties,
  RangeQualifier,
} from '../contract.js';
import { featureStatus } from '../contract.js';
import { SUSPICIOUS_RANGE_KM } from '../constants.js';
import type { Annotation, ParsedDocument } from './parse.js';
import { Diagnostics, type Location, sortDiagnostics } from './diagnostics.js';
import { attributeAt, checkAttributes, short } from './attributes.js';
import { readMeta } from './documents.js';
import {
  type DocumentPlace,
  type DocumentPlaces,
  lonLatHint,
  parseLonLat,
  precisionLabel,
  type Resolver,
  resolveDocumentPlaces,
  unresolvedPlaceMessage,
} from './document-places.js';
import { frontPlacesOf, standInMeta, unusableDefinitions, unusableMessage } from './follow-ons.js';
import { parseDate, type ParsedDate } from './dates.js';
import { TOO_MANY_DIGITS, tooManyDigits } from './numbers.js';
import { parseStatedRange } from './stated-range.js';
import { renderedWords } from './words.js';
import { sentenceAt } from './sentences.js';
import { headline, highlightsWithin, makeClaim, readStanding } from './claims.js';
import { rangeGeometry, type RangeOrigin } from './ranges.js';
import { placesConflict } from './containment.js';
import { idHint, invisibleHint, otherKindHint } from './id-hint.js';
import { M_PER_KM, RANGE_LIMITS, roundDegrees } from '../earth.js';

export type AreaGeometry = Polygon | MultiPolygon | LineString | MultiLineString | MultiPoint;
/** An area file as the shell read it: its geometry and a digest of its content, or why it could not be used. */
/** `warning`: usable, but suspect (a ring that crosses itself), said at each use. */
export type AreaFile = { geometry: AreaGeometry; digest: string; warning?: string } | { error: string };

export interface CompileOptions {
  resolve: Resolver;
  /** Area files named by `origin-area=`, keyed by areaKey(). */
  areas: ReadonlyMap<string, AreaFile>;
  /**
   * Memo of drawn ranges across builds (dev server, benchmark), keyed by origin and radii. Geometry
   * is pure, so a hit returns the same polygon a fresh computation would.
   */
  geometryCache?: Map<string, Polygon | MultiPolygon>;
  /**
   * Today's date (YYYY-MM-DD), given by the shell so the compiler stays pure: a `published:` after it
   * is warned about (a typo in the year, most often). Without it that check is not made.
   */
  today?: string;
}

export interface CompileResult {
  events: EventCollection;
  ranges: RangeCollection;
  diagnostics: ReturnType<typeof sortDiagnostics>;
}

interface Doc {
  parsed: ParsedDocument;
  meta: DocumentMeta;
  places: DocumentPlaces;
  /** Indices of annotations whose attributes passed the checks. */
  valid: Set<number>;
  order: number;
}

interface Weapon {
  name: string;
  weaponClass: string | null;
  at: Location;
}

interface EventDraft {
  at: Location;
  type: string;
  summary: string;
  label: string | null;
  claims: Array<{
    claim: Claim;
    date: ParsedDate | null;
    dateBasis: DateBasis | 'invalid' | null;
    places: DocumentPlace[] | null;
    order: [number, number];
  }>;
}

interface RangeDraft {
  id: string | null;
  weapons: string[];
  min: number;
  max: number;
  basis: RangeBasis;
  statedText: string;
  qualifier: RangeQualifier | null;
  /** null: the text gives no origin and the annotator added none; the claim is listed, not drawn. */
  origin: RangeOrigin | null;
  originKey: string;
  originPlace: string | null;
  originNote: string | null;
  claim: Claim;
  order: [number, number];
  at: Location;
}

const round = roundDegrees;

/** An `origin-area=` path is relative to its document, like a Markdown link; this is the key it is read under. */
export function areaKey(documentPath: string, written: string): string {
  return posix.normalize(posix.join(posix.dirname(documentPath.replace(/\\/g, '/')), written));
}

/** Paths of the area files the documents name, for the shell to read before compiling. */
export function referencedAreas(parsed: readonly ParsedDocument[]): string[] {
  const paths = new Set<string>();
  for (const d of parsed)
    for (const a of d.annotations)
      if (a.kind === 'range' && a.attributes['origin-area']) paths.add(areaKey(d.path, a.attributes['origin-area']));
  return [...paths].sort();
}

/**
 * One document checked on its own: front matter, attributes, places resolved. The part of the build
 * that needs no other document, so it can run in parallel; plain data, so it can cross threads.
 */
export interface PreparedDocument {
  parsed: ParsedDocument;
  meta: DocumentMeta | null;
  places: DocumentPlaces;
  /** Indices of annotations whose attributes passed the checks. */
  valid: Set<number>;
  /** The parser's diagnostics and this step's. */
  diagnostics: Diagnostic[];
}

export function prepareDocument(p: ParsedDocument, resolve: Resolver): PreparedDocument {
  const diagnostics = new Diagnostics();
  // One by one: spreading a document's hundred thousand errors into push() overflows the call stack.
  for (const d of p.diagnostics) diagnostics.list.push(d);
  // Each check runs whatever failed before it, so one run reports every problem: a document whose
  // front matter has errors still has its annotations checked and its places resolved.
  const read = p.frontMatter
    ? readMeta(p.path, p.frontMatter, p.frontMatterLines, diagnostics, p.frontMatterValues)
    : null;
  const front = frontPlacesOf(p, read?.meta ? read : null);
  const valid = new Set<number>();
  p.annotations.forEach((a, i) => {
    if (checkAttributes(p.path, a, diagnostics)) valid.add(i);
  });
  const places = resolveDocumentPlaces(
    p.path,
    p.annotations,
    valid,
    front.places,
    resolve,
    diagnostics,
    new Map(front.unreadable),
  );
  for (const [id, at] of front.unreadable)
    if (!places.byId.has(id) && !places.failed.has(id)) places.failed.set(id, at);
  return { parsed: p, meta: read?.meta ?? null, places, valid, diagnostics: diagnostics.list };
}

/** Everything that spans documents: ids, claims joined to events, range bands, the output. */
export function assemble(
  prepared: readonly PreparedDocument[],
  options: Omit<CompileOptions, 'resolve'>,
): CompileResult {
  const diagnostics = new Diagnostics();
  const sorted = [...prepared].sort((a, b) =>
    a.parsed.path < b.parsed.path ? -1 : a.parsed.path > b.parsed.path ? 1 : 0,
  );
  const docs: Doc[] = [];
  const documentIds = new Map<string, Location>();
  sorted.forEach((d, order) => {
    for (const x of d.diagnostics) diagnostics.list.push(x);
    // A document whose front matter has errors (reported) is still compiled, for the errors of its annotations.
    if (!d.meta) {
      docs.push({
        parsed: d.parsed,
        meta: standInMeta(d.parsed.path, d.parsed.frontMatter),
        places: d.places,
        valid: d.valid,
        order,
      });
      return;
    }
    const values = d.parsed.frontMatterValues ?? {};
    const at = { file: d.parsed.path, ...(values.id ?? { line: d.parsed.frontMatterLines.id ?? 2, column: 1 }) };
    const first = documentIds.get(d.meta.id);
    if (first) {
      diagnostics.error(
        at,
        `duplicate document id "${d.meta.id}"; also used by ${first.file}:${first.line}:${first.column}`,
      );
      return;
    }
    documentIds.set(d.meta.id, at);
    if (options.today && d.meta.published && d.meta.published > options.today)
      diagnostics.warning(
        { file: d.parsed.path, ...(values.published ?? { line: d.parsed.frontMatterLines.published ?? 2, column: 1 }) },
        `published: ${d.meta.published} is after today (${options.today}); is the year right? Relative dates ("Thursday") count from it`,
      );
    docs.push({ parsed: d.parsed, meta: d.meta, places: d.places, valid: d.valid, order });
  });
  const weapons = collectWeapons(docs, diagnostics);
  const events = collectEvents(docs, diagnostics);
  const ranges = collectRanges(docs, weapons, options, diagnostics);
  return { events, ranges, diagnostics: sortDiagnostics(diagnostics.list) };
}

export function compile(parsed: readonly ParsedDocument[], options: CompileOptions): CompileResult {
  return assemble(
    parsed.map((p) => prepareDocument(p, options.resolve)),
    options,
  );
}

/** Annotations of a document that passed their checks, with their indices. */
function each(doc: Doc, kind: Annotation['kind']): Array<[Annotation, number]> {
  return doc.parsed.annotations.flatMap((a, i) =>
    a.kind === kind && doc.valid.has(i) ? [[a, i] as [Annotation, number]] : [],
  );
}

const locationOf = (doc: Doc, a: Annotation): Location => ({ file: doc.parsed.path, line: a.line, column: a.column });

function collectWeapons(docs: readonly Doc[], diagnostics: Diagnostics): Map<string, Weapon> {
  const weapons = new Map<string, Weapon>();
  for (const doc of docs) {
    for (const [a] of each(doc, 'weapon')) {
      const id = a.attributes.id;
      if (id === undefined) continue;
      const first = weapons.get(id);
      if (first) {
        diagnostics.error(
          attributeAt(doc.parsed.path, a, 'id'),
          `duplicate weapon id "${id}"; first defined at ${first.at.file}:${first.at.line}:${first.at.column} (use of=${id} for another mention)`,
        );
        continue;
      }
      weapons.set(id, {
        name: a.attributes.name?.trim() || renderedWords(a.label),
        weaponClass: a.attributes.class?.trim() || null,
        at: locationOf(doc, a),
      });
    }
  }
  for (const doc of docs) {
    for (const [a] of each(doc, 'weapon')) {
      if (a.attributes.id === undefined && a.attributes.of === undefined) {
        if (!a.attributesBroken)
          diagnostics.error(
            locationOf(doc, a),
            `:weapon[${short(a.label)}] needs #id to define a weapon or of=id to mention one defined elsewhere`,
          );
      } else if (a.attributes.of !== undefined && !weapons.has(a.attributes.of)) {
        diagnostics.error(
          attributeAt(doc.parsed.path, a, 'of'),
          unusableMessage(unusableDefinitions(docs, 'weapon'), 'of', 'weapon', a.attributes.of) ??
            `of=${a.attributes.of} names no weapon; ${idHint(a.attributes.of, weapons.keys()) ?? invisibleHint(a.attributes.of, doc.parsed.annotations) ?? otherKindHint(a.attributes.of, 'weapon', doc.parsed.annotations) ?? `define it with :weapon[…]{#${a.attributes.of}} in any document`}`,
        );
      }
    }
  }
  return weapons;
}

/**
 * The places an event annotation names: `place=` ids, or else the place mentioned in its words.
 * A defining annotation must name one; a joining claim may leave it to the event.
 */
function eventPlaces(
  doc: Doc,
  a: Annotation,
  index: number,
  defines: boolean,
  diagnostics: Diagnostics,
): DocumentPlace[] | null {
  const file = doc.parsed.path;
  if (a.attributes.place !== undefined) {
    const ids = a.attributes.place.split(/\s+/).filter(Boolean);
    // The same id twice would draw the place twice and state it twice ("Kyiv; Kyiv").
    const again = repeatedId(ids);
    if (again) {
      diagnostics.error(
        attributeAt(file, a, 'place'),
        `place=${JSON.stringify(a.attributes.place)} names "${again}" twice; name each place of the event once`,
      );
      return null;
    }
    const found: DocumentPlace[] = [];
    for (const id of ids) {
      const p = doc.places.byId.get(id);
      if (p) found.push(p);
      else
        diagnostics.error(
          attributeAt(file, a, 'place'),
          unresolvedPlaceMessage(doc.places, 'place', id) ??
            `place=${id} names no place of this document; ${idHint(id, doc.places.byId.keys()) ?? invisibleHint(id, doc.parsed.annotations) ?? otherKindHint(id, 'place', doc.parsed.annotations) ?? `define it with :place[…]{#${id}} or under places: in the front matter`}`,
        );
    }
    return found.length === ids.length && ids.length > 0 ? found : null;
  }
  // A claim joining an event states a place only explicitly: its words may mention other places.
  if (!defines) return null;
  const inner = new Map<string, DocumentPlace>();
  let unusable = 0;
  // The annotations inside it follow it, in the order they open, up to the first that is not inside
  // (a scan of every annotation for each event made a document of 10,000 events quadratic).
  const all = doc.parsed.annotations;
  for (let j = index + 1; j < all.length && isWithin(all, j, index); j++) {
    if (all[j].kind !== 'place') continue;
    const p = doc.places.byAnnotation.get(j);
    if (p) inner.set(`${p.place.name}|${p.place.lonlat.join(',')}`, p);
    else unusable++;
  }
  if (inner.size === 1) return [...inner.values()];
  if (inner.size > 1) {
    diagnostics.error(
      locationOf(doc, a),
      `:event[${short(a.label)}] mentions ${inner.size} places (${[...inner.values()].map((p) => p.place.name).join(', ')}); say which with place=id, or place="id1 id2" for an event in several places`,
    );
  } else if (defines && unusable === 0 && !a.misnested) {
    // (A place in its words that has an error of its own is not reported again as no place.)
    diagnostics.error(
      locationOf(doc, a),
      `event "${a.attributes.id}" has no place: add place=id, or annotate the place in its words with :place[…]`,
    );
  }
  return null;
}

function isWithin(annotations: readonly Annotation[], j: number, ancestor: number): boolean {
  for (let p = annotations[j].parent; p !== null; p = annotations[p].parent) if (p === ancestor) return true;
  return false;
}

/** A marker label is short: it sits beside a 7 px dot among others (characters). */
export const MAX_EVENT_LABEL = 40;

/** An event's `label=`: the annotator's short marker label (null: the map shows the place name). */
function markerLabel(file: string, a: Annotation, diagnostics: Diagnostics): string | null {
  const raw = a.attributes.label;
  if (raw === undefined) return null;
  const label = raw.replace(/\s+/g, ' ').trim();
  if (label === '')
    diagnostics.error(
      attributeAt(file, a, 'label'),
      'label= is empty; give the marker a short label ("Kursk airbase") or drop label= to show the place name',
    );
  else if ([...label].length > MAX_EVENT_LABEL)
    diagnostics.error(
      attributeAt(file, a, 'label'),
      `label= is ${[...label].length} characters; a marker label is at most ${MAX_EVENT_LABEL} (the summary says the rest)`,
    );
  else return label;
  return null;
}

function collectEvents(docs: readonly Doc[], diagnostics: Diagnostics): EventCollection {
  const drafts = new Map<string, EventDraft>();
  /** Event ids by their lowercase form: an id that differs from another only by case is most often a slip. */
  const byCase = new Map<string, string>();
  const unusableEvents = unusableDefinitions(docs, 'event');
  // Definitions first, so a claim may join an event defined in a later document.
  for (const doc of docs) {
    for (const [a] of each(doc, 'event')) {
      const id = a.attributes.id;
      if (id === undefined) continue;
      const at = locationOf(doc, a);
      const first = drafts.get(id);
      if (first) {
        diagnostics.error(
          attributeAt(doc.parsed.path, a, 'id'),
          `duplicate event id "${id}"; first defined at ${first.at.file}:${first.at.line}:${first.at.column} (use of=${id} to add a claim to it)`,
        );
        continue;
      }
      const casedId = byCase.get(id.toLowerCase());
      const cased = casedId === undefined ? undefined : drafts.get(casedId);
      if (casedId !== undefined && cased)
        diagnostics.warning(
          attributeAt(doc.parsed.path, a, 'id'),
          `event id "${id}" differs only by case from "${casedId}", defined at ${cased.at.file}:${cased.at.line}:${cased.at.column}: the map shows two events; if this sentence tells the same one, write of=${casedId} to add a claim to it, else give it an id that differs in more than case`,
        );
      else byCase.set(id.toLowerCase(), id);
      const missing = ['type', 'summary'].filter((k) => !a.attributes[k]?.trim());
      if (missing.length && !a.attributesBroken)
        diagnostics.error(
          // At the first of them written blank (summary=""), else at the event.
          missing.some((k) => a.attributes[k] !== undefined)
            ? attributeAt(doc.parsed.path, a, missing.find((k) => a.attributes[k] !== undefined)!)
            : at,
          `event "${id}" needs ${missing.map((k) => `${k}="…"${a.attributes[k] === undefined ? '' : ' (it is empty)'}`).join(' and ')} (type is kebab-case, e.g. missile-strike; summary is one line)`,
        );
      drafts.set(id, {
        at,
        type: a.attributes.type?.trim() ?? '',
        summary: a.attributes.summary?.trim() ?? '',
        label: markerLabel(doc.parsed.path, a, diagnostics),
        claims: [],
      });
    }
  }
  for (const doc of docs) {
    for (const [a, index] of each(doc, 'event')) {
      const file = doc.parsed.path;
      const defines = a.attributes.id !== undefined;
      const id = a.attributes.id ?? a.attributes.of;
      if (id === undefined) {
        if (!a.attributesBroken)
          diagnostics.error(
            locationOf(doc, a),
            `:event[${short(a.label)}] needs #id to define an event or of=id to add a claim to one`,
          );
        continue;
      }
      const draft = drafts.get(id);
      if (!draft) {
        diagnostics.error(
          attributeAt(file, a, 'of'),
          unusableMessage(unusableEvents, 'of', 'event', id) ??
            `of=${id} names no event; ${idHint(id, drafts.keys()) ?? invisibleHint(id, doc.parsed.annotations) ?? otherKindHint(id, 'event', doc.parsed.annotations) ?? `define it with :event[…]{#${id} …} in any document`}`,
        );
        continue;
      }
      if (defines && draft.at.file !== file) continue; // a duplicate, reported above
      if (!defines && a.attributes.label !== undefined)
        diagnostics.error(
          attributeAt(file, a, 'label'),
          `label= names the event's markers: give it once, on the event's definition (#${id}), not on an of= claim`,
        );
      const standing = readStanding(file, a, diagnostics);
      let date: ParsedDate | null = null;
      if (a.attributes.date !== undefined) {
        const d = parseDate(a.attributes.date, doc.meta.published);
        const given = doc.parsed.frontMatter?.published;
        if ('error' in d && doc.meta.published === null && given !== undefined && given !== null)
          // The front matter has a published: that is not a date (reported at its line): say so, not that it has none.
          diagnostics.error(
            attributeAt(file, a, 'date'),
            `date=${JSON.stringify(a.attributes.date)} cannot be read: ${d.error.includes('counts from the publication date') ? `it counts from the publication date, and published: ${JSON.stringify(String(given))} (line ${doc.parsed.frontMatterLines.published ?? 2}) is not a date; fix published:` : d.error}`,
          );
        else if (
          'error' in d &&
          doc.parsed.frontMatter === null &&
          d.error.includes('counts from the publication date')
        ) {
          // The front matter could not be read (its errors are reported at its lines): its published:
          // may well be there, so say that, not that the document has none.
          const broken = doc.parsed.diagnostics.find((x) => x.severity === 'error' && /front matter/.test(x.message));
          diagnostics.error(
            attributeAt(file, a, 'date'),
            `date=${JSON.stringify(a.attributes.date)} cannot be read: it counts from the publication date, and the front matter could not be read${broken ? ` (see ${broken.line}:${broken.column})` : ''}, so neither could its published:; fix the front matter`,
          );
        } else if ('error' in d) diagnostics.error(attributeAt(file, a, 'date'), d.error);
        else {
          date = d;
          // A document reports what happened before it was published; a date after that is most often a
          // typo, unless the text announces something planned (then note= says so, and silences this).
          const published = doc.meta.published;
          // "0024-11-21" for 2024-11-21: a year this far back is most often a digit lost.
          if (Number(d.start.slice(0, 4)) < 1000)
            diagnostics.warning(
              attributeAt(file, a, 'date'),
              `date=${d.date} is in the year ${Number(d.start.slice(0, 4))}; is the year mistyped (20${d.start.slice(2, 4)}?)`,
            );
          // "1024-11-21" for 2024-11-21: a first digit slipped. A year before 1900 whose "20" reading is
          // no later than the year the document was published; a background fact that old says so in note=.
          const year = Number(d.start.slice(0, 4));
          const reading = 2000 + (year % 100);
          const latest = published ? Number(published.slice(0, 4)) : 0;
          if (year >= 1000 && year < 1900 && reading <= latest && a.attributes.note === undefined)
            diagnostics.warning(
              attributeAt(file, a, 'date'),
              `date=${d.date} is in the year ${year}; is the year mistyped (${reading}?) If the text dates something that long ago, say so in note=`,
            );
          if (published && d.start > published && a.attributes.note === undefined)
            diagnostics.warning(
              attributeAt(file, a, 'date'),
              `date=${d.date} begins after the document was published (${published}); check the date, or, if the text announces something planned, say so in note=`,
            );
        }
      }
      const places = eventPlaces(doc, a, index, defines, diagnostics);
      const figures = readFigures(file, a, diagnostics);
      if (!standing || !figures || (defines && !places)) continue;
      const additions: Addition[] = [];
      if (a.attributes['date-added']) additions.push({ field: 'date', note: a.attributes['date-added'].trim() });
      if (a.attributes['place-added']) additions.push({ field: 'place', note: a.attributes['place-added'].trim() });
      for (const p of places ?? []) if (p.addedNote) additions.push({ field: 'place', note: p.addedNote });
      const claim = makeClaim(
        doc.meta,
        doc.parsed.text,
        [a.start, a.end],
        highlightsWithin(doc.parsed.annotations, a.start, a.end, a),
        standing,
        a,
        { date: date?.date ?? null, place: places ? places.map((p) => p.place.name).join('; ') : null, figures },
        additions,
      );
      // A date written but not understood was reported above: 'invalid', so the event does not also warn of no date.
      const dateBasis: DateBasis | 'invalid' | null = !date
        ? a.attributes.date !== undefined
          ? 'invalid'
          : null
        : a.attributes['date-added']
          ? 'added'
          : date.relative
            ? 'relative'
            : 'stated';
      draft.claims.push({ claim, date, dateBasis, places, order: [defines ? -1 : doc.order, a.line * 1e6 + a.column] });
    }
  }

  const features: EventFeature[] = [];
  for (const [id, draft] of [...drafts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const claims = draft.claims.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]);
    const main = claims[0];
    if (!main || main.order[0] !== -1 || !main.places?.length || !draft.type || !draft.summary) continue;
    const datedClaim = claims.find((c) => c.date);
    const dated = datedClaim?.date ?? null;
    if (!dated && !claims.some((c) => c.dateBasis === 'invalid'))
      diagnostics.warning(
        draft.at,
        `event "${id}" has no date; it is drawn but cannot be placed in time (add date=…, with date-added="source" when the text does not give it)`,
      );
    const places: EventPlace[] = main.places.map(({ place }) => ({
      ...place,
      lonlat: [round(place.lonlat[0]), round(place.lonlat[1])],
      precision_label: precisionLabel(place),
    }));
    const [first] = places;
    const dates = new Set(claims.map((c) => c.date?.date).filter(Boolean));
    const properties: EventProperties = {
      id,
      type: draft.type,
      summary: draft.summary,
      label: draft.label,
      date: dated?.date ?? null,
      date_start: dated?.start ?? null,
      date_end: dated?.end ?? null,
      date_precision: dated?.precision ?? null,
      date_basis: (datedClaim?.dateBasis as DateBasis | undefined) ?? null,
      date_text: dated?.relative ?? null,
      date_reference: dated?.reference ?? null,
      places,
      place: first.name,
      place_kind: first.kind,
      precision: first.precision,
      precision_label: first.precision_label,
      country: first.country,
      geonames: first.geonames,
      wikidata: first.wikidata,
      admin1: first.admin1,
      magnitude: null,
      magnitude_unit: null,
      ...headline(claims.map((c) => c.claim)),
      conflict:
        dates.size > 1 || placesConflict(claims.flatMap((c) => (c.places ? [c.places.map((p) => p.place)] : []))),
    };
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'MultiPoint', coordinates: places.map((p) => p.lonlat) },
      properties,
    });
  }
  sizeByFigures(features);
  return { type: 'FeatureCollection', features };
}

/** The first id a list names twice, if any. */
function repeatedId(ids: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/** A unit as compared across claims and events: "Drones" and "drones" are one unit. */
const unitKey = (unit: string) => unit.trim().toLowerCase();

/**
 * Sets each event's `magnitude` and `magnitude_unit`, what its marker is sized by: the largest figure,
 * over all its claims, in the sizing unit, which is the unit that figures of the most events state
 * (ties: the first in alphabetical order). One unit for the whole build, so that marker sizes compare
 * like with like; an event with no figure in that unit gets null.
 */
function sizeByFigures(features: EventFeature[]): void {
  const events = new Map<string, number>();
  for (const f of features) {
    for (const u of new Set(f.properties.claims.flatMap((c) => (c.figures ?? []).map((x) => unitKey(x.unit)))))
      events.set(u, (events.get(u) ?? 0) + 1);
  }
  const [unit] = [...events.entries()].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).map(([u]) => u);
  if (unit === undefined) return;
  for (const f of features) {
    const inUnit = f.properties.claims.flatMap((c) => (c.figures ?? []).filter((x) => unitKey(x.unit) === unit));
    if (!inUnit.length) continue;
    const largest = inUnit.reduce((a, b) => (b.value > a.value ? b : a));
    f.properties.magnitude = largest.value;
    f.properties.magnitude_unit = largest.unit;
  }
}

/** A figure as written: "3,000", "1.5"; a positive number. */
const FIGURE = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s+(\S.*?)\s*$/;

/**
 * Why a figure that FIGURE matched would be read as another number than the one written, or null:
 * "3 000 killed" (a space between thousands: read as 3 of "000 killed"), "3.000 killed" (a dot
 * between thousands: read as 3), "3 killed, 5 injured" (two figures in one: read as 3 of "killed, 5
 * injured").
 */
function figureMisread(m: RegExpExecArray): string | null {
  const [, whole, decimals, unit] = m;
  if (/^\d{3}(?!\d)/.test(unit))
    return `has a space inside its number, which would be read as ${whole} of "${unit}"; write the number without spaces (${whole}${unit.slice(0, 3)} or ${whole},${unit.slice(0, 3)})`;
  if (decimals && /^\.\d{3}$/.test(decimals) && /^[1-9]\d{0,2}$/.test(whole))
    return `would be read as ${Number(whole + decimals)}: if the dot separates thousands, write ${whole}${decimals.slice(1)} or ${whole},${decimals.slice(1)}; if the text means ${Number(whole + decimals)}, write ${Number(whole + decimals)}`;
  const second = /(?:,|;|\band\b|&|\+)\s*(\d[\d,.]*\s+\S.*)$/i.exec(unit);
  if (second)
    return `states two figures in one, which would be read as ${whole}${decimals ?? ''} of "${unit}"; separate figures with ";": figures="${`${whole}${decimals ?? ''} ${unit.slice(0, second.index)}`.replace(/[\s,]+$/, '')}; ${second[1]}"`;
  return null;
}

/**
 * The figures an event annotation states: `figures="3 killed; 64 injured"` (a number and what it counts,
 * separated by ";"), and `magnitude=188 unit=drones`, the one-figure form. Null after an error.
 */
function readFigures(file: string, a: Annotation, diagnostics: Diagnostics): Figure[] | null {
  const figures: Figure[] = [];
  let ok = true;
  const { magnitude, unit } = a.attributes;
  if (magnitude !== undefined || unit !== undefined) {
    const value = Number((magnitude ?? '').replace(/,/g, ''));
    if (magnitude === undefined) {
      diagnostics.error(
        attributeAt(file, a, 'unit'),
        `unit="${unit}" needs magnitude=, the number it counts (e.g. magnitude=188 unit=drones), or use figures="188 ${unit}"`,
      );
      ok = false;
    } else if (/^\s*[\d,]+(\.\d+)?\s*$/.test(magnitude) && tooManyDigits(magnitude)) {
      diagnostics.error(attributeAt(file, a, 'magnitude'), `magnitude="${magnitude}" ${TOO_MANY_DIGITS}`);
      ok = false;
    } else if (/^\s*[1-9]\d{0,2}\.\d{3}\s*$/.test(magnitude)) {
      const [whole, part] = magnitude.trim().split('.');
      diagnostics.error(
        attributeAt(file, a, 'magnitude'),
        `magnitude=${magnitude.trim()} would be read as ${Number(magnitude)}: if the dot separates thousands, write magnitude=${whole}${part}; if the text means ${Number(magnitude)}, write magnitude=${Number(magnitude)}`,
      );
      ok = false;
    } else if (!/^\s*[\d,]+(\.\d+)?\s*$/.test(magnitude) || !Number.isFinite(value) || value <= 0) {
      diagnostics.error(
        attributeAt(file, a, 'magnitude'),
        `magnitude="${magnitude}" must be a positive number (e.g. magnitude=188 unit=drones)`,
      );
      ok = false;
    } else if (!unit?.trim()) {
      diagnostics.error(
        attributeAt(file, a, unit === undefined ? 'magnitude' : 'unit'),
        `magnitude=${magnitude} needs unit=${unit === undefined ? '' : ' (it is empty)'}: what it counts (e.g. magnitude=188 unit=drones)`,
      );
      ok = false;
    } else figures.push({ value, unit: unit.trim().replace(/\s+/g, ' ') });
  }
  if (a.attributes.figures !== undefined) {
    const parts = a.attributes.figures.split(';');
    const stated = new Set<string>();
    for (const [n, part] of parts.entries()) {
      const m = FIGURE.exec(part);
      if (!m && /^\s*[-\u2212]\s*\d/.test(part)) {
        diagnostics.error(attributeAt(file, a, 'figures'), `figures: "${part.trim()}" must be a positive number`);
        ok = false;
        continue;
      }
      if (m && tooManyDigits(m[1] + (m[2] ?? ''))) {
        diagnostics.error(attributeAt(file, a, 'figures'), `figures: "${part.trim()}" ${TOO_MANY_DIGITS}`);
        ok = false;
        continue;
      }
      if (!m) {
        diagnostics.error(
          attributeAt(file, a, 'figures'),
          part.trim() === ''
            ? `figures="${a.attributes.figures}" has an empty figure (a ";" with no figure ${n > 0 ? 'after' : 'before'} it); delete the extra ";"`
            : `figures: "${part.trim()}" is not a number and what it counts; write figures="3 killed; 64 injured" (figures separated by ";")`,
        );
        ok = false;
        continue;
      }
      const misread = figureMisread(m);
      if (misread) {
        diagnostics.error(attributeAt(file, a, 'figures'), `figures: "${part.trim()}" ${misread}`);
        ok = false;
        continue;
      }
      const value = Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
      if (!(value > 0)) {
        diagnostics.error(attributeAt(file, a, 'figures'), `figures: "${part.trim()}" must be a positive number`);
        ok = false;
        continue;
      }
      // The same figure twice would be published twice, as if the text said it twice ("3 killed; 3 killed").
      const key = `${value} ${unitKey(m[3])}`;
      if (stated.has(key)) {
        diagnostics.error(
          attributeAt(file, a, 'figures'),
          `figures="${a.attributes.figures}" states "${part.trim()}" twice; state each figure once`,
        );
        ok = false;
        continue;
      }
      stated.add(key);
      // A no-break space between a unit's words is a space: "killed\u00A0in action" is "killed in action".
      figures.push({ value, unit: m[3].replace(/\s+/g, ' ') });
    }
  }
  // Both forms on one claim: magnitude= unit= is the one-figure form of figures=, so the two are one
  // attribute given twice; kept together they would list a figure stated once twice ("188 drones"
  // in both), or leave a reader to guess which the annotator meant. Said at the later of the two.
  if (ok && magnitude !== undefined && a.attributes.figures !== undefined) {
    const [single, ...listed] = figures;
    const pos = (k: string) => a.attributePositions[k] ?? { line: a.line, column: a.column };
    const later = ['magnitude', 'figures'].sort(
      (x, y) => pos(y).line - pos(x).line || pos(y).column - pos(x).column,
    )[0];
    const same = listed.some((f) => f.value === single.value && unitKey(f.unit) === unitKey(single.unit));
    const merged = [
      single,
      ...listed.filter((f) => !(f.value === single.value && unitKey(f.unit) === unitKey(single.unit))),
    ]
      .map((f) => `${f.value} ${f.unit}`)
      .join('; ');
    diagnostics.error(
      attributeAt(file, a, later),
      `magnitude=${magnitude} unit=${JSON.stringify(single.unit)} and figures=${JSON.stringify(a.attributes.figures)} are both given${same ? `, and both state ${single.value} ${single.unit}` : ''}: magnitude= with unit= is the one-figure form of figures=, and a claim states its figures once; write figures=${JSON.stringify(merged)} and delete magnitude= and unit=`,
    );
    ok = false;
  }
  return ok ? figures : null;
}

function collectRanges(
  docs: readonly Doc[],
  weapons: ReadonlyMap<string, Weapon>,
  options: Omit<CompileOptions, 'resolve'>,
  diagnostics: Diagnostics,
): RangeCollection {
  const { areas, geometryCache } = options;
  const drafts: RangeDraft[] = [];
  const unusableWeapons = unusableDefinitions(docs, 'weapon');
  for (const doc of docs) {
    const file = doc.parsed.path;
    for (const [a] of each(doc, 'range')) {
      const at = locationOf(doc, a);
      const standing = readStanding(file, a, diagnostics);
      const weaponIds = (a.attributes.weapon ?? '').split(/\s+/).filter(Boolean);
      if (weaponIds.length === 0 && !a.attributesBroken)
        diagnostics.error(
          attributeAt(file, a, 'weapon'),
          `:range[${short(a.label)}] needs weapon="id …"${a.attributes.weapon === undefined ? '' : ' (it is empty)'}: the weapon(s) this range belongs to`,
        );
      const again = repeatedId(weaponIds);
      if (again)
        diagnostics.error(
          attributeAt(file, a, 'weapon'),
          `weapon=${JSON.stringify(a.attributes.weapon)} names "${again}" twice; name each weapon of the range once`,
        );
      const unknown = weaponIds.filter((w) => !weapons.has(w));
      for (const w of unknown)
        diagnostics.error(
          attributeAt(file, a, 'weapon'),
          unusableMessage(unusableWeapons, 'weapon', 'weapon', w) ??
            `weapon=${w} names no weapon; ${idHint(w, weapons.keys()) ?? invisibleHint(w, doc.parsed.annotations) ?? otherKindHint(w, 'weapon', doc.parsed.annotations) ?? `define it with :weapon[…]{#${w}} in any document`}`,
        );

      const values = rangeValues(file, a, diagnostics);
      const origin = rangeOrigin(doc, a, areas, diagnostics);
      let sentences = 1;
      if (a.attributes.sentences !== undefined) {
        sentences = Number(a.attributes.sentences);
        if (!Number.isInteger(sentences) || sentences < 1 || sentences > 5) {
          diagnostics.error(
            attributeAt(file, a, 'sentences'),
            `sentences="${a.attributes.sentences}" must be a whole number from 1 to 5`,
          );
          continue;
        }
      }
      if (!standing || !values || !origin || weaponIds.length === 0 || unknown.length || again) continue;
      if (values.max > SUSPICIOUS_RANGE_KM)
        diagnostics.warning(
          at,
          `range of ${values.max.toLocaleString('en')} km is more than half the Earth's circumference (≈ 20,004 km): it covers the whole globe`,
        );
      const span = sentenceAt(doc.parsed.text, a.start, a.end, sentences - 1);
      const additions: Addition[] = [];
      if (values.basis === 'added') additions.push({ field: 'range', note: values.addedNote! });
      if (origin.note) additions.push({ field: 'origin', note: origin.note });
      const claim = makeClaim(
        doc.meta,
        doc.parsed.text,
        span,
        highlightsWithin(doc.parsed.annotations, span[0], span[1]),
        standing,
        a,
        {
          date: null,
          place: origin.name,
          min_km: values.min,
          max_km: values.max,
          range: { basis: values.basis, stated_text: values.text, qualifier: values.qualifier },
        },
        additions,
      );
      drafts.push({
        id: a.attributes.id ?? null,
        weapons: weaponIds,
        min: values.min,
        max: values.max,
        basis: values.basis,
        statedText: values.text,
        qualifier: values.qualifier,
        origin: origin.origin,
        originKey: origin.key,
        originPlace: origin.name,
        originNote: origin.note,
        claim,
        order: [doc.order, a.line * 1e6 + a.column],
        at,
      });
    }
  }

  // Claims of the same weapons, values and origin are one band, whatever their basis or qualifier; other
  // values or origins are other bands. Claims with no origin are one feature per weapons and values, not drawn.
  const groups = new Map<string, RangeDraft[]>();
  for (const d of drafts.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1])) {
    const key = [[...d.weapons].sort().join(' '), d.min, d.max, d.originKey].join('|');
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const ids = new Map<string, RangeDraft>();
  const built: Array<{ id: string; group: RangeDraft[] }> = [];
  for (const group of groups.values()) {
    const main = group[0];
    const unplaced = main.origin === null ? '-no-origin' : '';
    let id =
      group.find((d) => d.id)?.id ??
      slug(`${main.weapons.join('-')}-${Math.round(main.min)}-${Math.round(main.max)}km${unplaced}`);
    if (ids.has(id) && !group.some((d) => d.id === id)) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    } else if (ids.has(id)) {
      const first = ids.get(id)!.at;
      diagnostics.error(
        main.at,
        `duplicate range id "${id}" for different values; first used at ${first.file}:${first.line}:${first.column}`,
      );
      continue;
    }
    ids.set(id, main);
    built.push({ id, group });
  }

  const features: RangeFeature[] = [];
  /** Bands one of whose claims states or adds its values, rather than deriving them from a class. */
  const givesValues = new Set<RangeFeature>();
  for (const { id, group } of built) {
    const main = group[0];
    // The band is described by its strongest claim: the text's figures, then a class, then the annotator's figure.
    const lead = [...group].sort((x, y) => BASIS_RANK[x.basis] - BASIS_RANK[y.basis])[0];
    let geometry: Polygon | MultiPolygon | null = null;
    if (main.origin !== null && main.max < RANGE_LIMITS.minKm) {
      // (It was "cannot draw the range 0–0 km: rangeGeometry: maxKm must be …" for "40 m": a misstated value.)
      diagnostics.error(
        main.at,
        `:range[${short(main.statedText)}] reaches ${Number((main.max * M_PER_KM).toPrecision(6)).toLocaleString('en')} m, less than the ${RANGE_LIMITS.minKm * M_PER_KM} m the map can draw around its origin (a smaller circle is lost in the rounding of coordinates); leave out origin= to list the claim without a band`,
      );
      continue;
    }
    if (main.origin !== null) {
      const memoKey = `${main.originKey}|${main.min}|${main.max}`;
      try {
        geometry = geometryCache?.get(memoKey) ?? drawRange(main.origin, main.min, main.max);
        geometryCache?.set(memoKey, geometry);
      } catch (e) {
        diagnostics.error(
          main.at,
          `cannot draw the range ${fmt(main.min)}–${fmt(main.max)} km: ${(e as Error).message}`,
        );
        continue;
      }
    }
    const named = main.weapons.map((w) => weapons.get(w)!);
    const weaponName = named.map((w) => w.name).join('/');
    const classes = [...new Set(named.map((w) => w.weaponClass).filter(Boolean))];
    const claims = group.map((d) => d.claim);
    const properties: RangeProperties = {
      id,
      weapon: weaponName,
      weapons: main.weapons,
      weapon_class: classes.length ? classes.join('/') : null,
      min_km: round(main.min),
      max_km: round(main.max),
      stated_text: lead.statedText,
      qualifier: lead.qualifier,
      stated: lead.basis === 'stated',
      basis: lead.basis,
      origin: main.origin?.kind === 'point' ? [round(main.origin.lonlat[0]), round(main.origin.lonlat[1])] : null,
      origin_place: main.originPlace,
      origin_note: main.originNote,
      // The status is the band's, as the flat `status` (and the band's colour) is: disputed when any claim is.
      label: rangeLabel(weaponName, main.min, main.max, lead.basis, featureStatus(claims), lead.qualifier),
      ...headline(claims),
      conflicts_with: [],
    };
    const feature: RangeFeature = { type: 'Feature', id, geometry, properties };
    features.push(feature);
    if (group.some((d) => d.basis !== 'class')) givesValues.add(feature);
  }
  // Bands of a shared weapon whose stated or added values differ conflict, wherever they are drawn from
  // (or when not drawn); a class is another basis, not a conflict. Indexed by weapon: a corpus has many bands.
  const byWeapon = new Map<string, RangeFeature[]>();
  for (const f of features)
    if (givesValues.has(f)) for (const w of f.properties.weapons) byWeapon.set(w, [...(byWeapon.get(w) ?? []), f]);
  for (const f of features) {
    const others = new Set<string>();
    if (!givesValues.has(f)) continue;
    for (const w of f.properties.weapons) {
      for (const g of byWeapon.get(w)!) {
        if (g !== f && (g.properties.min_km !== f.properties.min_km || g.properties.max_km !== f.properties.max_km))
          others.add(g.properties.id);
      }
    }
    f.properties.conflicts_with = [...others].sort();
  }
  features.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  return { type: 'FeatureCollection', features };
}

const BASIS_RANK: Record<RangeBasis, number> = { stated: 0, class: 1, added: 2 };

/** "600–700" written in one of min= or max=: the band it means, as the two attributes. */
function spanHint(value: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*(?:km)?\s*$/.exec(value);
  return m ? `; a band from ${m[1]} to ${m[2]} km is min=${m[1]} max=${m[2]}` : '';
}

function rangeValues(
  file: string,
  a: Annotation,
  diagnostics: Diagnostics,
): {
  min: number;
  max: number;
  basis: RangeBasis;
  text: string;
  qualifier: RangeQualifier | null;
  addedNote: string | null;
} | null {
  const at = { file, line: a.line, column: a.column };
  const { min, max, added } = a.attributes;
  if (min !== undefined || max !== undefined || added !== undefined) {
    // Digits only: Number() would also read "0x1F4" as 500 and "1e300" as a number past any range.
    const decimal = (v: string | undefined) =>
      v !== undefined && /^\s*\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
    const hi = decimal(max);
    const lo = min === undefined ? 0 : decimal(min);
    let ok = true;
    if (!added?.trim()) {
      diagnostics.error(
        attributeAt(file, a, 'added'),
        `an annotator-added range needs added="…"${added === undefined ? '' : ' (it is empty)'}: where the figure comes from (the text does not state it)`,
      );
      ok = false;
    }
    if (max === undefined || !Number.isFinite(hi) || hi <= 0) {
      diagnostics.error(
        attributeAt(file, a, 'max'),
        max === undefined
          ? `an annotator-added range needs max=, its outer edge in km (e.g. max=300)`
          : `max="${max}" must be a positive number of km, in digits (e.g. max=300)${spanHint(max)}`,
      );
      ok = false;
    }
    if (!Number.isFinite(lo) || lo < 0 || (ok && lo >= hi)) {
      diagnostics.error(
        attributeAt(file, a, 'min'),
        ok && Number.isFinite(lo) && lo >= hi
          ? `min=${min} is not below max=${max}: a band runs from min= out to a larger max= (swap them if they were written the wrong way round)`
          : `min="${min}" must be a number of km, in digits, from 0 up to below max${spanHint(min ?? '')}`,
      );
      ok = false;
    }
    // Words that state a figure of their own ("300 km") are the text's claim: an added max= other than it
    // would publish the annotator's figure in its place, and the text's would be lost without a word.
    const stated = parseStatedRange(renderedWords(a.label));
    if (ok && !('error' in stated) && stated.basis === 'stated' && (stated.min_km !== lo || stated.max_km !== hi)) {
      diagnostics.error(
        attributeAt(file, a, max !== undefined ? 'max' : 'min'),
        `:range[${short(a.label)}] states ${stated.min_km > 0 ? `${fmt(stated.min_km)}–` : ''}${fmt(stated.max_km)} km itself, and ${min !== undefined ? `min=${min} ` : ''}max=${max} would publish the annotator's figure in its place; drop min=/max=/added= to publish the text's figure, or put the added figure on words that state none`,
      );
      ok = false;
    }
    return ok
      ? {
          min: lo,
          max: hi,
          basis: 'added',
          text: `${lo > 0 ? `${fmt(lo)}–` : 'up to '}${fmt(hi)} km (annotator's figure)`,
          qualifier: null,
          addedNote: added!.trim(),
        }
      : null;
  }
  const r = parseStatedRange(renderedWords(a.label));
  if ('error' in r) {
    diagnostics.error(at, r.error);
    return null;
  }
  return {
    min: r.min_km,
    max: r.max_km,
    basis: r.basis,
    text: renderedWords(a.label),
    qualifier: r.qualifier,
    addedNote: null,
  };
}

function rangeOrigin(
  doc: Doc,
  a: Annotation,
  areas: ReadonlyMap<string, AreaFile>,
  diagnostics: Diagnostics,
): { origin: RangeOrigin | null; key: string; name: string | null; note: string | null } | null {
  const file = doc.parsed.path;
  const note = a.attributes['origin-note']?.trim() || null;
  const area = a.attributes['origin-area'];
  const needNote = (what: string) => {
    const blank = a.attributes['origin-note'] !== undefined;
    diagnostics.error(
      attributeAt(file, a, blank ? 'origin-note' : what),
      `an origin the text does not state needs origin-note="…"${blank ? ' (it is empty)' : ''}: where the annotator has it from`,
    );
    return null;
  };
  if (area !== undefined) {
    const loaded = areas.get(areaKey(file, area));
    if (!loaded || 'error' in loaded) {
      diagnostics.error(
        attributeAt(file, a, 'origin-area'),
        `origin-area=${area}: ${loaded && 'error' in loaded ? loaded.error : 'file not found'}`,
      );
      return null;
    }
    if (!note) return needNote('origin-area');
    if (loaded.warning)
      diagnostics.warning(attributeAt(file, a, 'origin-area'), `origin-area=${area}: ${loaded.warning}`);
    return {
      origin: { kind: 'area', geometry: loaded.geometry },
      key: `area:${loaded.digest}`,
      name: a.attributes['origin-name']?.trim() || area,
      note,
    };
  }
  const origin = a.attributes.origin;
  if (origin === undefined) {
    // The text states the range but not where from: a claim of the weapon's range, listed and not drawn.
    for (const k of ['origin-note', 'origin-name']) {
      if (a.attributes[k] !== undefined) {
        diagnostics.error(
          attributeAt(file, a, k),
          `${k}= describes an origin, but :range[${short(a.label)}] has none; add origin=place-id, origin="lon,lat" or origin-area=file.geojson, or drop ${k}=`,
        );
        return null;
      }
    }
    return { origin: null, key: 'none', name: null, note: null };
  }
  const point = parseLonLat(origin);
  if (point) {
    if (!note) return needNote('origin');
    return {
      origin: { kind: 'point', lonlat: point },
      key: `point:${point.join(',')}`,
      name: a.attributes['origin-name']?.trim() || pointName(point),
      note,
    };
  }
  const place = doc.places.byId.get(origin);
  if (!place) {
    diagnostics.error(
      attributeAt(file, a, 'origin'),
      unresolvedPlaceMessage(doc.places, 'origin', origin) ??
        `origin=${origin} is neither a place id of this document nor "lon,lat"${lonLatHint(origin, 'origin')}`,
    );
    return null;
  }
  if (a.attributes['origin-name'] !== undefined) {
    // The place's own name labels the band: another name here would be dropped without a word.
    diagnostics.error(
      attributeAt(file, a, 'origin-name'),
      `origin-name= names an area or a point; origin=${origin} is a place, labelled "${place.place.name}" by its own mention: drop origin-name=, or give the name there with name=`,
    );
    return null;
  }
  return {
    origin: { kind: 'point', lonlat: place.place.lonlat },
    key: `point:${place.place.lonlat.join(',')}`,
    name: place.place.name,
    note: note ?? place.addedNote,
  };
}

/**
 * Past RANGE_LIMITS.maxKm the points out of range form a cap of under 100 km around the antipode:
 * a disk that large is drawn as the whole globe (edges split as rangeGeometry splits them).
 */
function drawRange(origin: RangeOrigin, min: number, max: number): Polygon | MultiPolygon {
  if (max <= RANGE_LIMITS.maxKm) return rangeGeometry(origin, min, max);
  if (min > 0)
    throw new Error(
      `a band whose outer radius exceeds ${RANGE_LIMITS.maxKm.toLocaleString('en')} km is not drawn; state it as a disk (min 0)`,
    );
  const south = [-180, -90, 0, 90, 180].map((lon) => [lon, -90]);
  const north = [180, 90, 0, -90, -180].map((lon) => [lon, 90]);
  return { type: 'Polygon', coordinates: [[...south, [180, 0], ...north, [-180, 0], [-180, -90]]] };
}

/** "KN-11/KN-19: 600–700 km, unverified claim", "Test-1: about 900 km, claimed": the text's qualifier is kept. */
export function rangeLabel(
  weapon: string,
  min: number,
  max: number,
  basis: RangeBasis,
  status: Claim['status'],
  qualifier: RangeQualifier | null = null,
): string {
  const figures = min > 0 ? `${fmt(min)}–${fmt(max)} km` : `${fmt(max)} km`;
  // A bare figure is the text's own ("900 km"); a class or an annotator's figure up to its maximum is a disk.
  const extent = qualifier ? `${qualifier} ${figures}` : min > 0 || basis === 'stated' ? figures : `up to ${figures}`;
  const why = basis === 'class' ? ' (by class)' : basis === 'added' ? " (annotator's figure)" : '';
  const standing = {
    reported: 'reported',
    claimed: 'claimed',
    disputed: 'disputed claim',
    unverified: 'unverified claim',
  }[status];
  return `${weapon}: ${extent}${why}, ${standing}`;
}

const fmt = (km: number) => (Math.round(km * 10) / 10).toLocaleString('en');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
