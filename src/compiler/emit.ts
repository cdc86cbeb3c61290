/**
 * emit: feature collections → the bytes of the published files. Deterministic: features sorted by
 * id, properties in contract order, one feature per line (small diffs, easy to read).
 *
 * Each file is made in pieces (a collection's header, then a feature a line; a CSV's rows) so that the
 * shell can hash and write a file as it is made, without holding every published file in memory at once
 * (src/cli/publish.ts publishOutputs): at 100,000 events events.geojson alone is 185 MB. The pieces of a
 * file, one after another, are exactly the text the whole-string functions (serializeCollection, toCsv,
 * pageIndex) return.
 */
import type { FeatureCollection, Geometry } from 'geojson';

/**
 * A published file as it is made: its name, and its content in pieces whose concatenation is the file.
 * Text is UTF-8 encoded as one text (a piece may end between the halves of a surrogate pair; the shell
 * joins them before encoding). `chunks` is lazy and can be iterated again: nothing is made until read.
 */
export interface Output {
  name: string;
  chunks: Iterable<string | Uint8Array>;
}

/** An output of text only. */
export interface TextOutput extends Output {
  chunks: Iterable<string>;
}

/** Iterable that runs `make` afresh each time it is iterated (a generator function's result runs once). */
export const lazy = <T>(make: () => Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: make });

/** An output of one piece, already made. */
export const whole = (name: string, content: string | Uint8Array): Output => ({ name, chunks: [content] });

/** A file's pieces as one text (for tests and the in-memory build). */
export function joinPieces(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}

/** Pieces of `chunks`, the first changed by `edit` (a collection's header: its foreign members). */
export function* editFirst(chunks: Iterable<string>, edit: (first: string) => string): Generator<string> {
  let first = true;
  for (const c of chunks) {
    yield first ? edit(c) : c;
    first = false;
  }
}

/** The collection's pieces: its header, then one per feature (with the separator before it), then its end. */
export function* collectionPieces(fc: FeatureCollection<Geometry | null>): Generator<string> {
  // Many range claims share one drawn band (the same weapon restated by article after article): each
  // geometry object is stringified once and spliced in. `"geometry":null` first occurs as the feature's
  // own key, since a feature's keys come in the order type, id, geometry, properties.
  const drawn = new Map<Geometry, string>();
  yield '{"type":"FeatureCollection",';
  yield '"features":[\n';
  for (const [i, f] of fc.features.entries()) {
    const separator = i === 0 ? '' : ',\n';
    if (!f.geometry) {
      yield separator + JSON.stringify(f);
      continue;
    }
    let geometry = drawn.get(f.geometry);
    if (geometry === undefined) drawn.set(f.geometry, (geometry = JSON.stringify(f.geometry)));
    yield separator +
      JSON.stringify({ ...f, geometry: null }).replace('"geometry":null', () => `"geometry":${geometry}`);
  }
  yield '\n]}\n';
}

export function serializeCollection(fc: FeatureCollection<Geometry | null>): string {
  return joinPieces(collectionPieces(fc));
}
