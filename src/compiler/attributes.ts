/** attributes: which attributes each annotation kind accepts, and checking them once at the entry. */
import type { Annotation, AnnotationKind } from './parse.js';
import type { Diagnostics } from './diagnostics.js';
import { describeCharacter, describeInvisibles, describeStrangers, invisibleOnly } from './lookalikes.js';
import { didYouMean } from './closest-name.js';

export const ALLOWED_ATTRIBUTES: Readonly<Record<AnnotationKind, readonly string[]>> = {
  place: ['id', 'of', 'name', 'kind', 'geonames', 'wikidata', 'at', 'precision'],
  event: [
    'id',
    'of',
    'type',
    'summary',
    'label',
    'date',
    'place',
    'claimant',
    'status',
    'figures',
    'magnitude',
    'unit',
    'note',
    'date-added',
    'place-added',
  ],
  weapon: ['id', 'of', 'name', 'class'],
  range: [
    'id',
    'weapon',
    'origin',
    'origin-area',
    'origin-name',
    'origin-note',
    'claimant',
    'status',
    'note',
    'min',
    'max',
    'added',
    'sentences',
  ],
};

/** Attributes that only an annotation defining an id (`#id`) may take: an `of=` mention inherits them. */
const DEFINITION_ONLY: Readonly<Partial<Record<AnnotationKind, readonly string[]>>> = {
  place: ['name', 'kind', 'geonames', 'wikidata', 'at', 'precision'],
  weapon: ['name', 'class'],
  event: ['type', 'summary'],
};

/** Attributes an empty value would silently unsay, and what to write instead (the others' checks name their own). */
const BLANK_HINTS: Readonly<Record<string, (kind: AnnotationKind) => string>> = {
  place: () => 'name the place(s) of the event by id (place=kyiv, place="kyiv odesa")',
  'date-added': () =>
    "it marks the date as the annotator's, not the text's: write where the date comes from (date-added=\"the ministry's statement of 21 November\")",
  'place-added': () =>
    "it marks the place as the annotator's, not the text's: write where the place comes from (place-added=\"the regional governor's post\")",
  name: (kind) =>
    kind === 'weapon' ? 'write the name to display (name="Hwasong-18")' : 'write the name to look up (name=Ukraine)',
  class: () => 'write the weapon\'s class (class=SRBM, class="cruise missile")',
  note: () => 'write the note',
  'origin-name': () => 'write the name of the origin area (origin-name=Ukraine)',
};

/** Ids are kebab-case words, digits, dots and underscores, so they survive URLs and HTML ids. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** An event's `type`: kebab-case, lowercase words and digits joined by hyphens (`missile-strike`). */
export const TYPE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a value is not an id, naming each character that does not belong (a Cyrillic "і" in "kyіv"); null when it is one. */
export function idProblem(value: string): string | null {
  if (ID_PATTERN.test(value)) return null;
  const strangers = describeStrangers(value, /[A-Za-z0-9._-]/);
  if (strangers.length > 0) return `has ${strangers.join(', ')}; ids use only ASCII letters, digits, ".", "_" and "-"`;
  return value === '' ? 'is empty' : 'must start with a letter or a digit';
}

/** Attributes whose value is a space-separated list of ids of this document or of the corpus. */
const ID_LIST_ATTRIBUTES: Readonly<Partial<Record<AnnotationKind, readonly string[]>>> = {
  event: ['place'],
  range: ['weapon'],
};

/** Where an attribute of an annotation stands in its file (the annotation itself when unknown). */
export function attributeAt(file: string, a: Annotation, key: string) {
  const p = a.attributePositions[key] ?? { line: a.line, column: a.column };
  return { file, line: p.line, column: p.column };
}

/** `claimant=the army`: "army" is read as an attribute of its own; the hint to quote the value, or "". */
function continued(a: Annotation, key: string): string {
  const meant = a.continues?.[key];
  return meant ? `if "${key}" belongs to the value before it, a value with spaces is quoted: ${meant}; ` : '';
}

/** `did you mean kind=city? (an attribute is key=value) ` for an attribute written `kind:city`, else null. */
function colonForEquals(key: string, allowed: readonly string[]): string | null {
  const m = /^([A-Za-z-]+):(.+)$/.exec(key);
  return m && allowed.includes(m[1]) ? `did you mean ${m[1]}=${m[2]}? (an attribute is key=value) ` : null;
}

/** Reports unknown attributes, malformed ids, and an annotation that both defines and joins. */
export function checkAttributes(file: string, a: Annotation, diagnostics: Diagnostics): boolean {
  let ok = true;
  const allowed = ALLOWED_ATTRIBUTES[a.kind];
  for (const key of Object.keys(a.attributes)) {
    if (key === 'class' && a.kind !== 'weapon') {
      diagnostics.error(
        attributeAt(file, a, key),
        `:${a.kind}[${a.label}] has a ".class" shorthand; use key=value attributes (allowed: ${allowed.join(', ')})`,
      );
      ok = false;
    } else if (!allowed.includes(key)) {
      const strangers = describeStrangers(key, /[A-Za-z0-9._:-]/);
      diagnostics.error(
        attributeAt(file, a, key),
        `unknown attribute "${key}" on :${a.kind}[${short(a.label)}]${strangers.length > 0 ? ` (it has ${strangers.join(', ')})` : ''}; ${continued(a, key)}${colonForEquals(key, allowed) ?? didYouMean(key, allowed)}allowed: ${allowed.join(', ')}`,
      );
      ok = false;
    }
  }
  // A bidirectional embedding or override (U+202A–U+202E) in a value reorders how the rest of it is
  // shown: "\u202Ethe army" is drawn as "ymra eht" on the map. The text's own words may have them; a value the
  // annotator types has no use for one. A warning, not an error: the value is published as written, and the
  // map keeps an override inside its own words (tests/e2e/hostile.spec.ts), so it cannot reorder what is
  // around it; the annotator is told where it is and to delete it.
  for (const [key, value] of Object.entries(a.attributes)) {
    const bidi = /[\u202A-\u202E]/.exec(value);
    if (!bidi) continue;
    diagnostics.warning(
      attributeAt(file, a, key),
      `${key}= on :${a.kind}[${short(a.label)}] has ${describeCharacter(bidi[0])} at character ${[...value.slice(0, bidi.index)].length + 1}, which would reverse or reorder how the value reads on the map; delete it`,
    );
  }
  // A value of invisible characters alone (a zero-width space, a word joiner, a soft hyphen, pasted or
  // exported as &#8203;) passed as written: claimant="\u200B" published a claim with no claimant to
  // see, summary= and origin-note= a blank line, date-added= an addition whose source reads as nothing.
  const invisible = new Set<string>();
  for (const [key, value] of Object.entries(a.attributes)) {
    if (key === 'id' || key === 'of' || !allowed.includes(key) || !invisibleOnly(value)) continue;
    invisible.add(key);
    diagnostics.error(
      attributeAt(file, a, key),
      `${key}= on :${a.kind}[${short(a.label)}] holds only invisible characters (${describeInvisibles(value)}): it would publish a value no one can see; write the value, or delete ${key}=`,
    );
    ok = false;
  }
  // An empty value was read as if the attribute were not there: place="" dropped its event without a
  // word, date-added="" published an annotator's date as the text's own.
  for (const [key, hint] of Object.entries(BLANK_HINTS)) {
    const v = a.attributes[key];
    if (v === undefined || v.trim() !== '' || !allowed.includes(key) || invisible.has(key)) continue;
    diagnostics.error(
      attributeAt(file, a, key),
      `${key}= on :${a.kind}[${short(a.label)}] is empty; ${continued(a, key)}${hint(a.kind)}, or delete ${key}=`,
    );
    ok = false;
  }
  // A figure's words are compared between claims ("4 killed" in two accounts is one figure): an invisible
  // character pasted into them ("4 \u00ADkilled") made another word of it without a sign on the map.
  // (A bidi control is the warning above.)
  for (const key of ['figures', 'unit'] as const) {
    const v = a.attributes[key];
    const invisible = v === undefined ? null : /(?![\u202A-\u202E\u2066-\u2069])\p{Cf}/u.exec(v);
    if (!invisible) continue;
    diagnostics.error(
      attributeAt(file, a, key),
      `${key}= on :${a.kind}[${short(a.label)}] has ${describeCharacter(invisible[0])} at character ${[...v!.slice(0, invisible.index)].length + 1}, pasted with the value: the same figure would read as another; delete it`,
    );
    ok = false;
  }
  for (const key of ['id', 'of'] as const) {
    const v = a.attributes[key];
    const problem = v === undefined ? null : idProblem(v);
    if (problem) {
      // "{#kyiv, kind=city}": a comma or a semicolon typed between attributes, as in a list, ends the id.
      const separator = /^([A-Za-z0-9._-]+)([,;])$/.exec(v ?? '');
      diagnostics.error(
        attributeAt(file, a, key),
        `${key === 'id' ? 'id' : 'of='} "${v}" is not a valid id: it ${problem}${separator ? `; attributes are separated by spaces alone, with no "${separator[2]}": write ${key === 'id' ? '#' : 'of='}${separator[1]} and the next attribute after a space` : ''}`,
      );
      ok = false;
    }
  }
  for (const key of ID_LIST_ATTRIBUTES[a.kind] ?? []) {
    for (const v of (a.attributes[key] ?? '').split(/[\s,]+/).filter(Boolean)) {
      const problem = idProblem(v);
      if (problem) {
        diagnostics.error(attributeAt(file, a, key), `${key}= names "${v}", which is not a valid id: it ${problem}`);
        ok = false;
      }
    }
  }
  const origin = a.kind === 'range' ? a.attributes.origin : undefined;
  if (origin !== undefined && !/^[\s\d.,+-]+$/.test(origin)) {
    const problem = idProblem(origin.trim());
    if (problem) {
      diagnostics.error(
        attributeAt(file, a, 'origin'),
        `origin= "${origin}" is neither lon,lat nor a valid place id: it ${problem}`,
      );
      ok = false;
    }
  }
  const type = a.kind === 'event' ? a.attributes.type : undefined;
  if (type !== undefined && !TYPE_PATTERN.test(type)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, controls included
    const strangers = describeStrangers(type, /[\x00-\x7f]/);
    diagnostics.error(
      attributeAt(file, a, 'type'),
      `type="${type}" must be kebab-case: lowercase words and digits joined by "-" (e.g. missile-strike, drone-attack)${strangers.length > 0 ? `; it has ${strangers.join(', ')}` : ''}`,
    );
    ok = false;
  }
  // What only a definition says, on another mention, would be ignored without a word.
  const of = a.attributes.of;
  if (of !== undefined && a.attributes.id === undefined) {
    for (const key of DEFINITION_ONLY[a.kind] ?? []) {
      if (a.attributes[key] === undefined) continue;
      diagnostics.error(
        attributeAt(file, a, key),
        `${key}= on :${a.kind}[${short(a.label)}] with of=${of} would be ignored: another mention takes its ${key} from the definition (#${of}); give it there, or drop it here`,
      );
    }
  }
  if (a.attributes.id !== undefined && a.attributes.of !== undefined) {
    diagnostics.error(
      attributeAt(file, a, 'of'),
      `:${a.kind}[${short(a.label)}] has both #${a.attributes.id} and of=${a.attributes.of}; an annotation either defines an id or refers to one`,
    );
    ok = false;
  }
  return ok;
}

export function short(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
