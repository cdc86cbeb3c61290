/**
 * model: the studio's document model. A document is its front matter (kept verbatim), its plain text
 * (never edited) and its annotations as spans of that text with their attributes in written order.
 * Every edit (accept, reject, change attributes, create) changes only the annotation list; the text is
 * written back with the draft writer's escaping, so removing the annotations gives the text byte for
 * byte (document.ts reads and writes it). Pure; runs in the browser.
 */
import { REVIEW_ATTRIBUTES } from '../compiler/review.js';
import { sentenceSpans } from '../compiler/sentences.js';
import type { AnnotationKind } from '../compiler/parse.js';

export interface ModelAnnotation {
  kind: AnnotationKind;
  /** [start, end) of its words in the text. */
  start: number;
  end: number;
  /** Attributes in written order; `id` is written `#id`. */
  attributes: Record<string, string>;
}

export interface DocModel {
  /** The front matter with its `---` lines, verbatim ('' when there is none). */
  head: string;
  text: string;
  annotations: ModelAnnotation[];
  /** The source as read; written back as it is while `edited` is false. */
  original: string;
  edited: boolean;
}

/** Annotations in writing order: by start, the longer (outer) first. */
export function ordered(annotations: readonly ModelAnnotation[]): ModelAnnotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || b.end - a.end);
}

export const isPending = (a: ModelAnnotation): boolean => a.attributes.review === 'pending';

const edit = (doc: DocModel, annotations: ModelAnnotation[]): DocModel => ({ ...doc, annotations, edited: true });

/** Accepting a suggestion: its review notes (review, confidence, reason) go; the annotation stays. */
export function accept(doc: DocModel, i: number): DocModel {
  const attributes = { ...doc.annotations[i].attributes };
  for (const k of REVIEW_ATTRIBUTES) delete attributes[k];
  return edit(
    doc,
    doc.annotations.map((a, j) => (j === i ? { ...a, attributes } : a)),
  );
}

/** Rejecting: the annotation goes, its words stay (and any annotation inside it). */
export function reject(doc: DocModel, i: number): DocModel {
  return edit(
    doc,
    doc.annotations.filter((_, j) => j !== i),
  );
}

/** New attributes for an annotation; empty values are dropped. */
export function setAttributes(doc: DocModel, i: number, attributes: Record<string, string>): DocModel {
  const clean = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
  return edit(
    doc,
    doc.annotations.map((a, j) => (j === i ? { ...a, attributes: clean } : a)),
  );
}

/** Why an annotation over [start, end) cannot be added, or null. It must nest with every other and wrap words. */
export function cannotAdd(doc: DocModel, start: number, end: number): string | null {
  if (end <= start || doc.text.slice(start, end).trim() === '') return 'select some words first';
  if (/[\n]/.test(doc.text.slice(start, end)) && /\n\s*\n/.test(doc.text.slice(start, end)))
    return 'an annotation cannot span paragraphs';
  for (const a of doc.annotations) {
    if (a.start === start && a.end === end) return 'these words are annotated already';
    const crosses =
      (start < a.start && end > a.start && end < a.end) || (start > a.start && start < a.end && end > a.end);
    if (crosses) return `the selection crosses the ${a.kind} “${doc.text.slice(a.start, a.end)}”`;
  }
  return null;
}

/** The whole sentence(s) around [start, end): events are annotated on their sentence. */
export function snapToSentences(text: string, start: number, end: number): [number, number] {
  const spans = sentenceSpans(text);
  const inside = spans.filter(([s, e]) => s < Math.max(end, start + 1) && e > start);
  if (inside.length === 0) return [start, end];
  return [inside[0][0], inside[inside.length - 1][1]];
}

/** Adds an annotation (events snapped to whole sentences); throws when it cannot be added. Returns the new document and its index. */
export function create(
  doc: DocModel,
  kind: AnnotationKind,
  start: number,
  end: number,
  attributes: Record<string, string>,
): { doc: DocModel; index: number } {
  // Spaces at the selection's edges are not words.
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  if (kind === 'event') [start, end] = snapToSentences(doc.text, start, end);
  const why = cannotAdd(doc, start, end);
  if (why) throw new Error(why);
  // An event whose sentence names several places must say where it happened (the build refuses to guess):
  // start from every place the sentence names, for the reviewer to narrow in the form.
  if (kind === 'event' && attributes.place === undefined) {
    const places = placesWithin(doc, start, end);
    if (places.length > 1) attributes = { ...attributes, place: places.join(' ') };
  }
  const annotation: ModelAnnotation = { kind, start, end, attributes };
  const annotations = [...doc.annotations, annotation];
  return { doc: edit(doc, annotations), index: annotations.length - 1 };
}

/** The ids of the places annotated within [start, end) (a mention's own id, or the place it repeats), each once, in text order. */
export function placesWithin(doc: DocModel, start: number, end: number): string[] {
  const ids = doc.annotations
    .filter((a) => a.kind === 'place' && a.start >= start && a.end <= end)
    .sort((x, y) => x.start - y.start)
    .map((a) => a.attributes.id ?? a.attributes.of)
    .filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

/** A fresh id for a kind from words: "the Kursk region" → "kursk-region", unique among the document's ids. */
export function freshId(doc: DocModel, words: string): string {
  const base =
    words
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x';
  const taken = new Set(doc.annotations.map((a) => a.attributes.id).filter(Boolean));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Indices of the pending annotations in text order. */
export function pendingOrder(doc: DocModel): number[] {
  return doc.annotations
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => isPending(a))
    .sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end)
    .map(({ i }) => i);
}

/** The pending annotation after (step 1) or before (step -1) annotation `from` in text order, wrapping; null when none is pending. */
export function nextPending(doc: DocModel, from: number | null, step: 1 | -1): number | null {
  const order = pendingOrder(doc);
  if (order.length === 0) return null;
  const cur = from === null ? null : doc.annotations[from];
  if (!cur) return step === 1 ? order[0] : order[order.length - 1];
  const key = (a: ModelAnnotation) => a.start * 1e7 + (1e7 - (a.end - a.start));
  const k = key(cur);
  if (step === 1) return order.find((i) => key(doc.annotations[i]) > k) ?? order[0];
  return [...order].reverse().find((i) => key(doc.annotations[i]) < k) ?? order[order.length - 1];
}
