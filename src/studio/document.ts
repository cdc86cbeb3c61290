/**
 * document: reading a document's source into the studio's model and writing it back (the server calls
 * it; pure, like the parser, so it runs in the page as well). A document opened and saved with no edit is written as it was read;
 * otherwise the text is written with the draft writer's escaping, so it reads back byte for byte.
 */
import { parseDocumentText } from '../compiler/parse.js';
import { escapeText } from '../suggest/draft.js';
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
  const opens = new Map<number, ModelAnnotation[]>();
  const closes = new Map<number, ModelAnnotation[]>();
  for (const s of ordered(annotations)) {
    (opens.get(s.start) ?? opens.set(s.start, []).get(s.start)!).push(s);
    (closes.get(s.end) ?? closes.set(s.end, []).get(s.end)!).push(s);
  }
  for (const c of closes.values()) c.sort((a, b) => b.start - a.start);
  const cuts = [...new Set([0, text.length, ...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  let out = '';
  for (let n = 0; n < cuts.length; n++) {
    const at = cuts[n];
    for (const s of closes.get(at) ?? []) {
      const attrs = Object.entries(s.attributes).map(([k, v]) => attribute(k, v));
      out += `]${attrs.length ? `{${attrs.join(' ')}}` : ''}`;
    }
    for (const s of opens.get(at) ?? []) out += `:${s.kind}[`;
    if (n + 1 < cuts.length)
      out += escapeText(
        text.slice(at, cuts[n + 1]),
        cuts[n + 1] < text.length || opens.has(cuts[n + 1]) || closes.has(cuts[n + 1]),
      );
  }
  return out;
}

/** The file to save. */
export function serialize(doc: DocModel): string {
  if (!doc.edited) return doc.original;
  return doc.head + writeBody(doc.text, doc.annotations);
}
