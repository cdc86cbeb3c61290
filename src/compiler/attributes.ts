/** attributes: which attributes each annotation kind accepts, and checking them once at the entry. */
import type { Annotation, AnnotationKind } from './parse.js';
import type { Diagnostics } from './diagnostics.js';

export const ALLOWED_ATTRIBUTES: Readonly<Record<AnnotationKind, readonly string[]>> = {
  place: ['id', 'of', 'name', 'kind', 'geonames', 'wikidata', 'at', 'precision'],
  event: ['id', 'of', 'type', 'summary', 'date', 'place', 'claimant', 'status', 'figures', 'magnitude', 'unit', 'note', 'date-added', 'place-added'],
  weapon: ['id', 'of', 'name', 'class'],
  range: ['id', 'weapon', 'origin', 'origin-area', 'origin-name', 'origin-note', 'claimant', 'status', 'note', 'min', 'max', 'added', 'sentences'],
};

/** Ids are kebab-case words, digits, dots and underscores, so they survive URLs and HTML ids. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Where an attribute of an annotation stands in its file (the annotation itself when unknown). */
export function attributeAt(file: string, a: Annotation, key: string) {
  const p = a.attributePositions[key] ?? { line: a.line, column: a.column };
  return { file, line: p.line, column: p.column };
}

/** Reports unknown attributes, malformed ids, and an annotation that both defines and joins. */
export function checkAttributes(file: string, a: Annotation, diagnostics: Diagnostics): boolean {
  let ok = true;
  const allowed = ALLOWED_ATTRIBUTES[a.kind];
  for (const key of Object.keys(a.attributes)) {
    if (key === 'class' && a.kind !== 'weapon') {
      diagnostics.error(attributeAt(file, a, key), `:${a.kind}[${a.label}] has a ".class" shorthand; use key=value attributes (allowed: ${allowed.join(', ')})`);
      ok = false;
    } else if (!allowed.includes(key)) {
      diagnostics.error(attributeAt(file, a, key), `unknown attribute "${key}" on :${a.kind}[${short(a.label)}]; allowed: ${allowed.join(', ')}`);
      ok = false;
    }
  }
  for (const key of ['id', 'of'] as const) {
    const v = a.attributes[key];
    if (v !== undefined && !ID_PATTERN.test(v)) {
      diagnostics.error(attributeAt(file, a, key), `${key === 'id' ? 'id' : 'of='} "${v}" is not a valid id; use letters, digits, ".", "_" and "-"`);
      ok = false;
    }
  }
  if (a.attributes.id !== undefined && a.attributes.of !== undefined) {
    diagnostics.error(attributeAt(file, a, 'of'), `:${a.kind}[${short(a.label)}] has both #${a.attributes.id} and of=${a.attributes.of}; an annotation either defines an id or refers to one`);
    ok = false;
  }
  return ok;
}

export function short(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
