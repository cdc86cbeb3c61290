/**
 * document: reading a document's source into the studio's model and writing it back (the server calls
 * it; pure, like the parser, so it runs in the page as well). A document opened and saved with no edit is written as it was read;
 * otherwise the text is written with the draft writer's escaping, so it reads back byte for byte.
 */
import { parseDocumentText } from '../compiler/parse.js';
import { writeMarks } from '../suggest/draft.js';
import { ordered, type DocModel, type ModelAnnotation } from './model.js';

const FRONT = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

export function openDocument(path: string, source: string): DocModel {
  const parsed = parseDocumentText(path, source);
  const head = FRONT.exec(source)?.[0] ?? '';
  return {
    head,
    text: parsed.text,
    annotations: parsed.annotations.map((a) => ({
      kind: a.kind,
      start: a.start,
      end: a.end,
      attributes: { ...a.attributes },
    })),
    original: source,
    edited: false,
  };
}

/** `key=value`, quoted when it must be, as the draft writer does. */
function attribute(key: string, value: string): string {
  if (key === 'id') return `#${value}`;
  if (/^[A-Za-z0-9._:/-]+$/.test(value)) return `${key}=${value}`;
  return `${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\\/g, '&#92;').replace(/\n/g, ' ')}"`;
}

/** The body: the text with the annotations written in (they must nest; see canAdd). */
export function writeBody(text: string, annotations: readonly ModelAnnotation[]): string {
  return writeMarks(text, ordered(annotations), (s) => {
    const attrs = Object.entries(s.attributes).map(([k, v]) => attribute(k, v));
    return attrs.length ? `{${attrs.join(' ')}}` : '';
  });
}

/** The file to save. */
export function serialize(doc: DocModel): string {
  if (!doc.edited) return doc.original;
  return doc.head + writeBody(doc.text, doc.annotations);
}
