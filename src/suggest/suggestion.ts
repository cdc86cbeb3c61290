/** suggestion: one proposed annotation, before it is written into a draft. */
import type { AnnotationKind } from '../compiler/parse.js';

export interface Suggestion {
  kind: AnnotationKind;
  /** [start, end) of its words in the article text. */
  start: number;
  end: number;
  /** Attributes of the annotation, `id` for `#id`; review, confidence and reason are added when written. */
  attributes: Record<string, string>;
  /** 0–1: how sure the suggester is (two decimals when written). */
  confidence: number;
  /** Why it may be wrong, when it may: the alternatives weighed, a missing date, … */
  reason?: string;
}

/** A kebab-case id from words: "the Kursk region" → "kursk-region". */
export function slug(words: string): string {
  const s = words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/** An id not yet in `taken` (adds it): "kyiv", "kyiv-2", … */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
