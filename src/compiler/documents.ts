/** documents: front matter → DocumentMeta, checked field by field. Pure. */
import { PLACE_KINDS, type DocumentMeta } from '../contract.js';
import { parseDate } from './dates.js';
import type { Diagnostics } from './diagnostics.js';
import { idProblem } from './attributes.js';
import { parseLonLat } from './document-places.js';
import { didYouMean } from './closest-name.js';
import { describeInvisibles, describeStrangers, invisibleOnly } from './lookalikes.js';

export const FRONT_MATTER_KEYS = [
  'id',
  'title',
  'publisher',
  'author',
  'published',
  'url',
  'language',
  'notes',
  'places',
  'text_sha256',
] as const;

/** What a front-matter place may say. */
export const FRONT_PLACE_KEYS = ['name', 'kind', 'at', 'precision', 'geonames', 'wikidata', 'note'] as const;

/** A front-matter place: one the annotator adds, which the text does not name. */
export interface FrontPlace {
  id: string;
  name: string | null;
  kind: string | null;
  at: [number, number] | null;
  /** How precise the point `at` is, as written (1–5 or a word); null when not given. */
  precision: string | number | null;
  geonames: number | null;
  wikidata: string | null;
  note: string;
  line: number;
  /** Where its values are written (front-matter line and column), for errors about one of them. */
  values?: Partial<Record<(typeof FRONT_PLACE_KEYS)[number], { line: number; column: number }>>;
}

export function readMeta(
  file: string,
  front: Record<string, unknown>,
  lines: Record<string, number>,
  diagnostics: Diagnostics,
  values: Record<string, { line: number; column: number }> = {},
): { meta: DocumentMeta | null; places: FrontPlace[] } {
  const at = (key: string) => ({
    file,
    line: lines[key] ?? lines[key.split('.').slice(0, 2).join('.')] ?? 2,
    column: 1,
  });
  let ok = true;
  /** An error about a key: at the key's line (its place's, for a place's key not written). */
  const fail = (key: string, message: string) => {
    diagnostics.error(at(key), message);
    ok = false;
  };
  /** An error about what a key holds: at the value, where it is written; else as `fail`. */
  const failValue = (key: string, message: string) => {
    diagnostics.error(values[key] ? { file, ...values[key] } : at(key), message);
    ok = false;
  };
  for (const key of Object.keys(front)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key))
      fail(
        key,
        `unknown front-matter key "${key}"${strangersIn(key)}; ${didYouMean(key, FRONT_MATTER_KEYS)}allowed: ${FRONT_MATTER_KEYS.join(', ')}`,
      );
  }
  const text = (key: string, required: boolean): string | null => {
    const v = front[key];
    // A blank required value (title: " ") is as missing as an empty one: it was published as the title.
    if (v === undefined || v === null || v === '' || (required && typeof v === 'string' && v.trim() === '')) {
      if (required)
        failValue(key, `front matter needs "${key}"${v === undefined || v === null ? '' : ' (it is blank)'}`);
      return null;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      failValue(key, `front-matter "${key}" must be text, got ${JSON.stringify(v)}`);
      return null;
    }
    // A value of invisible characters alone (title: "\u200B", a CMS's &#8203;) was published as a blank.
    if (typeof v === 'string' && invisibleOnly(v)) {
      failValue(
        key,
        `front-matter "${key}" holds only invisible characters (${describeInvisibles(v)}): it would publish a value no one can see; write the value${required ? '' : `, or delete ${key}:`}`,
      );
      return null;
    }
    return String(v);
  };
  const id = text('id', true);
  const idIssue = id === null ? null : idProblem(id);
  if (idIssue) failValue('id', `document id "${id}" is not a valid id: it ${idIssue}`);
  const title = text('title', true);
  const published =
    front.published instanceof Date ? front.published.toISOString().slice(0, 10) : text('published', false);
  if (published !== null) {
    const d = parseDate(published);
    if ('error' in d || d.end !== d.start)
      failValue('published', `front-matter "published": ${'error' in d ? d.error : `"${published}" must be one date`}`);
  }
  const url = text('url', false);
  if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url))
    failValue('url', `front-matter "url" must be an http or https link, got "${url}"`);
  const language = text('language', false) ?? 'en';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language))
    failValue('language', `front-matter "language" must be a BCP 47 tag such as "en" or "uk", got "${language}"`);

  const places: FrontPlace[] = [];
  const raw = front.places;
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== 'object' || Array.isArray(raw))
      failValue('places', 'front-matter "places" must map ids to places (name or at, and note)');
    else {
      for (const [pid, value] of Object.entries(raw as Record<string, unknown>)) {
        const key = `places.${pid}`;
        if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
          failValue(
            key,
            `place "${pid}" must be a mapping of ${FRONT_PLACE_KEYS.join(', ')}, got ${JSON.stringify(value)}`,
          );
          continue;
        }
        const v = (value ?? {}) as Record<string, unknown>;
        const pidIssue = idProblem(pid);
        if (pidIssue) fail(key, `place id "${pid}" is not a valid id: it ${pidIssue}`);
        // A key the build does not read (a misspelt "nmae:") would be lost without a word.
        for (const k of Object.keys(v))
          if (!(FRONT_PLACE_KEYS as readonly string[]).includes(k))
            fail(
              lines[`${key}.${k}`] !== undefined ? `${key}.${k}` : key,
              `place "${pid}": unknown key "${k}"${strangersIn(k)}; ${didYouMean(k, FRONT_PLACE_KEYS)}allowed: ${FRONT_PLACE_KEYS.join(', ')}`,
            );
        if (v.name !== undefined && v.name !== null && typeof v.name !== 'string')
          failValue(`${key}.name`, `place "${pid}": "name" must be text, got ${JSON.stringify(v.name)}`);
        if (v.geonames !== undefined && !(Number.isInteger(v.geonames) && (v.geonames as number) > 0))
          failValue(
            `${key}.geonames`,
            `place "${pid}": "geonames" must be a GeoNames id (a positive whole number, e.g. geonames: 709930), got ${JSON.stringify(v.geonames)}`,
          );
        if (v.wikidata !== undefined && v.geonames !== undefined)
          failValue(`${key}.wikidata`, `place "${pid}" has two pins, geonames and wikidata; give one`);
        if (v.wikidata !== undefined && !(typeof v.wikidata === 'string' && /^Q\d+$/.test(v.wikidata)))
          failValue(
            `${key}.wikidata`,
            `place "${pid}": "wikidata" must be a Wikidata QID (e.g. wikidata: Q1013), got ${JSON.stringify(v.wikidata)}`,
          );
        const atValue = v.at;
        let point: [number, number] | null = null;
        if (atValue !== undefined) {
          if (
            Array.isArray(atValue) &&
            atValue.length === 2 &&
            atValue.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
            Math.abs(atValue[0]) <= 180 &&
            Math.abs(atValue[1]) <= 90
          )
            point = [atValue[0], atValue[1]];
          // The form of the inline at= ("lon,lat", as `at: "42.12,14.0"`) is read too: a reporter who copied a
          // place's at= into the front matter was refused.
          else if (typeof atValue === 'string' && parseLonLat(atValue)) point = parseLonLat(atValue);
          else
            failValue(
              `${key}.at`,
              `place "${pid}": "at" must be [lon, lat] in degrees (lon from -180 to 180, lat from -90 to 90), got ${yamlShown(atValue)}`,
            );
        }
        if (point && (v.geonames !== undefined || v.wikidata !== undefined)) {
          const pin = v.geonames !== undefined ? 'geonames' : 'wikidata';
          failValue(
            `${key}.${pin}`,
            `place "${pid}" has both at: and ${pin}: — at: gives the point itself, so the pin would be ignored; give one: the pin alone for a place the gazetteer has, or at: with precision: for a point it has not`,
          );
        }
        if (v.kind !== undefined && !(PLACE_KINDS as readonly unknown[]).includes(v.kind))
          failValue(
            `${key}.kind`,
            `place "${pid}": unknown kind ${JSON.stringify(v.kind)}; allowed: ${PLACE_KINDS.join(', ')}`,
          );
        const name = typeof v.name === 'string' ? v.name : null;
        // An "at" that cannot be read is reported above, not again as missing.
        if (!name && atValue === undefined && v.geonames === undefined && v.wikidata === undefined)
          fail(key, `place "${pid}" needs a name, at: [lon, lat], geonames or wikidata`);
        if (typeof v.note === 'string' && invisibleOnly(v.note))
          failValue(
            `${key}.note`,
            `place "${pid}": "note" holds only invisible characters (${describeInvisibles(v.note)}): write where the annotator has the place from`,
          );
        else if (typeof v.note !== 'string' || v.note.trim() === '')
          failValue(
            `${key}.note`,
            `place "${pid}" needs a note: where the annotator has it from (the text does not name it)`,
          );
        places.push({
          id: pid,
          name,
          kind: typeof v.kind === 'string' ? v.kind : null,
          at: point,
          precision: typeof v.precision === 'string' || typeof v.precision === 'number' ? v.precision : null,
          geonames: typeof v.geonames === 'number' ? v.geonames : null,
          wikidata: typeof v.wikidata === 'string' ? v.wikidata : null,
          note: typeof v.note === 'string' ? v.note.trim() : '',
          line: lines[key] ?? 2,
          values: Object.fromEntries(
            FRONT_PLACE_KEYS.filter((k) => values[`${key}.${k}`]).map((k) => [k, values[`${key}.${k}`]]),
          ),
        });
      }
    }
  }
  if (!ok || id === null || title === null) return { meta: null, places: [] };
  return {
    meta: {
      id,
      title,
      publisher: text('publisher', false),
      author: text('author', false),
      published,
      url,
      language,
      notes: text('notes', false),
    },
    places,
  };
}

/** A front-matter value as written in YAML, for messages: JSON would show .nan and .inf as null. */
function yamlShown(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    typeof v === 'number' && !Number.isFinite(v) ? `__${Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf'}__` : v,
  ).replace(/"__(-?\.(?:nan|inf))__"/g, '$1');
}

/** ` (it has U+FEFF ZERO WIDTH NO-BREAK SPACE (invisible) at character 1)` for a key with a character no key has, or "". */
function strangersIn(key: string): string {
  const strangers = describeStrangers(key, /[A-Za-z0-9_]/);
  return strangers.length > 0 ? ` (it has ${strangers.join(', ')})` : '';
}
