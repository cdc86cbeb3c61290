/**
 * review: what a document's unreviewed suggestions (`review=pending`, written by `npm run suggest`)
 * may reach. The suggester's notes (`review`, `confidence`, `reason`) are accepted on every annotation
 * and taken off before the attribute checks. When pending suggestions are included (the dev server),
 * each pending annotation, and each that rests on one, is kept with `pending: true`, which its claims and
 * features carry to the map. Otherwise a pending annotation is left out, and so is every annotation that rests on one (an event at a pending
 * place, a range of a pending weapon, another mention of a pending place): nothing unreviewed reaches a
 * reader. One warning per document gives the count and the first one's location. Pure.
 */
import type { Diagnostic } from '../contract.js';
import type { Annotation, ParsedDocument } from './parse.js';

/** Attributes the suggester writes besides the annotation's own. */
export const REVIEW_ATTRIBUTES = ['review', 'confidence', 'reason'] as const;

export function applyReview(p: ParsedDocument, includePending: boolean): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  const pending = new Set<number>();
  const stripped: Annotation[] = p.annotations.map((a, i) => {
    if (!REVIEW_ATTRIBUTES.some((k) => k in a.attributes)) return a;
    const attributes = { ...a.attributes };
    const attributePositions = { ...a.attributePositions };
    const review = attributes.review;
    if (review !== undefined) {
      if (review === 'pending') pending.add(i);
      else {
        const at = a.attributePositions.review ?? { line: a.line, column: a.column };
        diagnostics.push({
          severity: 'error',
          file: p.path,
          line: at.line,
          column: at.column,
          message: `review="${review}" on :${a.kind}[${a.label.slice(0, 40)}]; the only value is review=pending (delete it to accept the suggestion)`,
        });
      }
    }
    const confidence = attributes.confidence;
    if (confidence !== undefined && !(/^\s*(?:0|1|0?\.\d+|[01]\.0*)\s*$/.test(confidence) && Number(confidence) <= 1)) {
      const at = a.attributePositions.confidence ?? { line: a.line, column: a.column };
      diagnostics.push({
        severity: 'error',
        file: p.path,
        line: at.line,
        column: at.column,
        message: `confidence="${confidence}" on :${a.kind}[${a.label.slice(0, 40)}] must be a number from 0 to 1 (e.g. confidence=0.8)`,
      });
    }
    for (const k of REVIEW_ATTRIBUTES) {
      delete attributes[k];
      delete attributePositions[k];
    }
    return { ...a, attributes, attributePositions };
  });
  if (pending.size > 0) {
    const first = p.annotations[Math.min(...pending)];
    diagnostics.push({
      severity: 'warning',
      file: p.path,
      line: first.line,
      column: first.column,
      message: `${pending.size} suggestion${pending.size === 1 ? '' : 's'} still review=pending (the first here); ${includePending ? 'shown, marked pending (--include-pending)' : 'not published until reviewed (delete review=pending to accept one; npm run data -- --include-pending shows them)'}`,
    });
  }
  if (pending.size === 0) return { ...p, annotations: stripped, diagnostics: [...p.diagnostics, ...diagnostics] };

  // The pending ones and, until nothing changes, whatever names an id only they define: left out, or
  // (included) marked pending, so the dev map can show them apart.
  const dropped = new Set(pending);
  for (let changed = true; changed; ) {
    changed = false;
    const gone = new Set<string>();
    stripped.forEach((a, i) => {
      if (dropped.has(i) && a.attributes.id) gone.add(`${a.kind}:${a.attributes.id}`);
    });
    stripped.forEach((a, i) => {
      if (dropped.has(i)) return;
      const refs: string[] = [];
      if (a.attributes.of) refs.push(`${a.kind}:${a.attributes.of}`);
      if (a.kind === 'event')
        for (const id of (a.attributes.place ?? '').split(/\s+/).filter(Boolean)) refs.push(`place:${id}`);
      if (a.kind === 'range') {
        for (const id of (a.attributes.weapon ?? '').split(/\s+/).filter(Boolean)) refs.push(`weapon:${id}`);
        if (a.attributes.origin) refs.push(`place:${a.attributes.origin}`);
      }
      if (refs.some((r) => gone.has(r))) {
        dropped.add(i);
        changed = true;
      }
    });
  }
  if (includePending) {
    return {
      ...p,
      annotations: stripped.map((a, i) => (dropped.has(i) ? { ...a, pending: true as const } : a)),
      diagnostics: [...p.diagnostics, ...diagnostics],
    };
  }
  const newIndex = new Map<number, number>();
  stripped.forEach((_, i) => {
    if (!dropped.has(i)) newIndex.set(i, newIndex.size);
  });
  const parentOf = (i: number | null): number | null => {
    for (let q = i; q !== null; q = stripped[q].parent) if (newIndex.has(q)) return newIndex.get(q)!;
    return null;
  };
  const annotations = stripped.filter((_, i) => !dropped.has(i)).map((a) => ({ ...a, parent: parentOf(a.parent) }));
  return { ...p, annotations, diagnostics: [...p.diagnostics, ...diagnostics] };
}

/** The document's annotations that are pending (for marking features on the dev map). */
export function isPending(a: Annotation): boolean {
  return a.attributes.review === 'pending';
}
