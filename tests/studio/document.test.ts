/** The studio's document model: edits on the annotated text and writing it back. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { writeDraft } from '../../src/suggest/draft.js';
import { openDocument, serialize } from '../../src/studio/document.js';
import { accept, create, isPending, nextPending, reject, setAttributes } from '../../src/studio/model.js';
import { suggestFor } from '../suggest/setup.js';

const ARTICLE = readFileSync(new URL('../fixtures/seeds/004_6d3f3a4742a89974.txt', import.meta.url), 'utf8');
const meta = {
  id: 'studio-test',
  title: 'T',
  publisher: 'P',
  author: null,
  published: '2024-11-22',
  url: null,
  notes: null,
};
const draft = () => writeDraft(meta, ARTICLE, suggestFor(ARTICLE, '2024-11-22', 'studio-test').suggestions);
const textOf = (source: string) => parseDocumentText('x.md', source).text;

describe('studio document', () => {
  it('writes an unedited document as it was read, byte for byte (every seed)', () => {
    const dir = new URL('../../data/documents/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const source = readFileSync(new URL(f, dir), 'utf8');
      expect(serialize(openDocument(f, source))).toBe(source);
    }
  });

  it('rewrites an edited seed so that it parses to the same text and annotations', () => {
    const dir = new URL('../../data/documents/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const source = readFileSync(new URL(f, dir), 'utf8');
      const doc = { ...openDocument(f, source), edited: true };
      const again = parseDocumentText(f, serialize(doc));
      const before = parseDocumentText(f, source);
      expect(again.text).toBe(before.text);
      expect(again.annotations.map((a) => [a.kind, a.start, a.end, a.attributes])).toEqual(
        before.annotations.map((a) => [a.kind, a.start, a.end, a.attributes]),
      );
    }
  });

  it('accepting removes review=pending and the suggester notes, and nothing else', () => {
    const doc = openDocument('d.md', draft());
    const i = doc.annotations.findIndex(isPending);
    expect(i).toBeGreaterThanOrEqual(0);
    const after = accept(doc, i);
    const written = parseDocumentText('d.md', serialize(after));
    const a = written.annotations.find(
      (x) =>
        x.start === doc.annotations[i].start && x.end === doc.annotations[i].end && x.kind === doc.annotations[i].kind,
    )!;
    expect(a.attributes.review).toBeUndefined();
    expect(a.attributes.confidence).toBeUndefined();
    const { review: _r, confidence: _c, reason: _n, ...own } = doc.annotations[i].attributes;
    expect(a.attributes).toEqual(own);
    expect(written.text).toBe(ARTICLE);
  });

  it('rejecting every suggestion gives back the article byte for byte', () => {
    let doc = openDocument('d.md', draft());
    expect(doc.annotations.length).toBeGreaterThan(3);
    while (doc.annotations.length) doc = reject(doc, 0);
    const source = serialize(doc);
    expect(source.slice(doc.head.length)).toBe(ARTICLE);
    expect(textOf(source)).toBe(ARTICLE);
  });

  it('editing attributes writes them, quoted where needed, and drops empty ones', () => {
    const doc = openDocument('d.md', draft());
    const i = doc.annotations.findIndex((a) => a.kind === 'event');
    const after = setAttributes(doc, i, {
      ...doc.annotations[i].attributes,
      summary: 'A "quoted" summary & more',
      claimant: '',
    });
    const a = parseDocumentText('d.md', serialize(after)).annotations.find(
      (x) => x.kind === 'event' && x.start === doc.annotations[i].start,
    )!;
    expect(a.attributes.summary).toBe('A "quoted" summary & more');
    expect('claimant' in a.attributes).toBe(false);
  });

  it('creates an event on whole sentences and refuses a selection that crosses an annotation', () => {
    let doc = openDocument('d.md', draft());
    while (doc.annotations.length) doc = reject(doc, 0);
    const word = ARTICLE.indexOf('highlighted');
    const { doc: withEvent, index } = create(doc, 'event', word, word + 3, { id: 'e1', type: 'strike' });
    const e = withEvent.annotations[index];
    expect(e.start).toBeLessThanOrEqual(word);
    expect(e.end).toBeGreaterThan(word + 3);
    // Whole words at both ends, and a sentence's end: punctuation or the end of a line.
    expect(e.start === 0 || /\s/.test(ARTICLE[e.start - 1])).toBe(true);
    expect(/[.!?"”’)]$/.test(ARTICLE.slice(e.start, e.end)) || /^\s*(\n|$)/.test(ARTICLE.slice(e.end))).toBe(true);
    const parsed = parseDocumentText('d.md', serialize(withEvent));
    expect(parsed.text).toBe(ARTICLE);
    expect(parsed.annotations.map((a) => [a.kind, a.start, a.end])).toEqual([['event', e.start, e.end]]);
    // A place inside it nests; a span from inside to outside it crosses.
    const { doc: nested } = create(withEvent, 'place', e.start, e.start + 4, { id: 'p' });
    expect(parseDocumentText('d.md', serialize(nested)).annotations.map((a) => a.kind)).toEqual(['event', 'place']);
    expect(() => create(withEvent, 'place', e.end - 2, e.end + 5, {})).toThrow(/crosses/);
  });

  it('starts an event in a sentence that names several places from all of them, so that it builds', () => {
    let doc = openDocument('d.md', draft());
    // Keep the places, drop the suggested events.
    for (
      let i = doc.annotations.findIndex((a) => a.kind === 'event');
      i >= 0;
      i = doc.annotations.findIndex((a) => a.kind === 'event')
    )
      doc = reject(doc, i);
    const sentence = ARTICLE.indexOf('Recent events in Ukraine');
    const { doc: withEvent, index } = create(doc, 'event', sentence, sentence + 10, { id: 'e1', type: 'strike' });
    const e = withEvent.annotations[index];
    const inside = withEvent.annotations.filter((a) => a.kind === 'place' && a.start >= e.start && a.end <= e.end);
    const named = [...new Set(inside.map((a) => a.attributes.id ?? a.attributes.of))];
    expect(named.length).toBeGreaterThan(1);
    expect(e.attributes.place?.split(' ')).toEqual(named);
    // One place, or a place the annotator gave: left as it is.
    const given = create(doc, 'event', sentence, sentence + 10, { id: 'e2', type: 'strike', place: named[0] });
    expect(given.doc.annotations[given.index].attributes.place).toBe(named[0]);
  });

  it('steps through pending suggestions in text order, wrapping', () => {
    const doc = openDocument('d.md', draft());
    const first = nextPending(doc, null, 1)!;
    const second = nextPending(doc, first, 1)!;
    expect(doc.annotations[second].start).toBeGreaterThanOrEqual(doc.annotations[first].start);
    expect(nextPending(doc, second, -1)).toBe(first);
    expect(nextPending(doc, first, -1)).toBe(nextPending(doc, null, -1));
  });
});
