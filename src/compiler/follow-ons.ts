/**
 * follow-ons: what lets one run report every problem, each one true. A document or annotation with
 * errors is not dropped before the later checks run (they would then report its other problems only
 * once the first were fixed), and a reference to something defined with errors says so and points at
 * it, rather than claiming it is not defined. Pure.
 */
import type { DocumentMeta } from '../contract.js';
import type { Location } from './diagnostics.js';
import { Diagnostics } from './diagnostics.js';
import { readMeta, type FrontPlace } from './documents.js';
import { parseDate } from './dates.js';
import type { Annotation, AnnotationKind, ParsedDocument } from './parse.js';

/**
 * The metadata a document is compiled under when its front matter has errors (already reported):
 * enough to check its annotations; such a build fails, so nothing of it is published.
 */
export function standInMeta(path: string, frontMatter: Record<string, unknown> | null = null): DocumentMeta {
  // A valid published: date still dates the text's relative words ("on Thursday") when another
  // field has an error: otherwise each would be reported as lacking a publication date.
  const given = frontMatter?.published;
  const date = typeof given === 'string' || typeof given === 'number' ? parseDate(String(given)) : null;
  return {
    id: `(${path})`,
    title: path,
    publisher: null,
    author: null,
    published: date && !('error' in date) && date.start === date.end ? String(given) : null,
    url: null,
    language: 'en',
    notes: null,
  };
}

/**
 * The front-matter places of a document, even when other front-matter fields have errors (readMeta
 * then gives none), and the ids of those that cannot be read at all, with their lines.
 */
export function frontPlacesOf(
  p: ParsedDocument,
  read: { places: FrontPlace[] } | null,
): { places: FrontPlace[]; unreadable: Array<[string, Location]> } {
  if (read) return { places: read.places, unreadable: [] };
  const raw = p.frontMatter?.places;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { places: [], unreadable: [] };
  // The places alone, checked as readMeta checks them; their errors were reported by the full check.
  const alone = readMeta(
    p.path,
    { id: 'places-alone', title: 'places alone', places: raw },
    p.frontMatterLines,
    new Diagnostics(),
    p.frontMatterValues,
  );
  if (alone.meta) return { places: alone.places, unreadable: [] };
  const unreadable = Object.keys(raw).map((id): [string, Location] => [
    id,
    { file: p.path, line: p.frontMatterLines[`places.${id}`] ?? 2, column: 3 },
  ]);
  return { places: [], unreadable };
}

/**
 * Ids defined by annotations of a kind whose attributes failed their checks, with where each is
 * defined (the first, when several): none of them is in the build, but each is defined.
 */
export function unusableDefinitions(
  docs: ReadonlyArray<{ parsed: ParsedDocument; valid: ReadonlySet<number> }>,
  kind: AnnotationKind,
): Map<string, Location> {
  const found = new Map<string, Location>();
  for (const { parsed, valid } of docs) {
    parsed.annotations.forEach((a: Annotation, i) => {
      const id = a.attributes.id;
      if (a.kind === kind && id !== undefined && !valid.has(i) && !found.has(id))
        found.set(id, { file: parsed.path, line: a.line, column: a.column });
    });
  }
  return found;
}

/** The message for `attribute=id` naming an id defined with errors; null when it is not defined at all. */
export function unusableMessage(
  unusable: ReadonlyMap<string, Location>,
  attribute: string,
  what: string,
  id: string,
): string | null {
  const at = unusable.get(id);
  return at
    ? `${attribute}=${id}: ${what} "${id}" is defined but has errors (see ${at.file}:${at.line}:${at.column})`
    : null;
}
