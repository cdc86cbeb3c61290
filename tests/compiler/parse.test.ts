import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/compiler/parse.js';

const root = join(import.meta.dirname, '../..');
const seeds = join(root, 'tests/fixtures/seeds');

const doc = (body: string, front = 'id: t\ntitle: T') => `---\n${front}\n---\n${body}\n`;

describe('parseDocumentText', () => {
  const seedIds = readdirSync(join(root, 'data/documents')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));

  it('has an annotated document for every seed', () => {
    const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
    expect(seedIds.sort()).toEqual(seedFiles.sort());
  });

  for (const id of seedIds) {
    it(`gives back seed ${id} byte for byte when the annotations are removed`, () => {
      const parsed = parseDocumentText(`${id}.md`, readFileSync(join(root, 'data/documents', `${id}.md`), 'utf8'));
      expect(parsed.diagnostics).toEqual([]);
      expect(Buffer.from(parsed.text, 'utf8').equals(readFileSync(join(seeds, `${id}.txt`)))).toBe(true);
      expect(parsed.annotations.length).toBeGreaterThan(10);
    });
  }

  it('reads kind, attributes, label and offsets of nested annotations', () => {
    const p = parseDocumentText('a.md', doc('Russia struck :event[the city of :place[Dnipro]{#dnipro} at dawn.]{#strike type=missile-strike}'));
    expect(p.text).toBe('Russia struck the city of Dnipro at dawn.');
    const [event, place] = p.annotations;
    expect(event).toMatchObject({ kind: 'event', label: 'the city of Dnipro at dawn.', start: 14, end: 41, parent: null, line: 5, column: 15 });
    expect(event.attributes).toEqual({ id: 'strike', type: 'missile-strike' });
    expect(place).toMatchObject({ kind: 'place', label: 'Dnipro', start: 26, end: 32, parent: 0 });
    expect(p.text.slice(place.start, place.end)).toBe('Dnipro');
  });

  it('locates each attribute for error messages', () => {
    const p = parseDocumentText('a.md', doc('See :range[600 km]{weapon=kn-11 status=unverified}'));
    expect(p.annotations[0].attributePositions.status).toEqual({ line: 5, column: 33 });
  });

  it('keeps Markdown-looking text verbatim and unescapes a colon written as \\:', () => {
    const p = parseDocumentText('a.md', doc('*Not emphasis* and ratio\\:Note, a [link](x).'));
    expect(p.text).toBe('*Not emphasis* and ratio:Note, a [link](x).');
  });

  it('drops one final newline but keeps the rest of the text', () => {
    expect(parseDocumentText('a.md', '---\nid: t\n---\nLine one\n\nLine two\n').text).toBe('Line one\n\nLine two');
    expect(parseDocumentText('a.md', '---\nid: t\n---\nNo newline').text).toBe('No newline');
  });

  it('reports an unknown annotation kind with the allowed kinds', () => {
    const p = parseDocumentText('a.md', doc('A :city[Kyiv]{#k} here.'));
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ severity: 'error', line: 5, column: 3 });
    expect(p.diagnostics[0].message).toContain(':city');
    expect(p.diagnostics[0].message).toContain('place, event, weapon, range');
  });

  it('reports an unterminated annotation at its position', () => {
    const p = parseDocumentText('a.md', doc('Intro.\nStrike on :place[Dnipro{#d} was reported.'));
    expect(p.diagnostics.map((d) => [d.line, d.column])).toEqual([[6, 11]]);
    expect(p.diagnostics[0].message).toContain('unterminated annotation ":place[Dnipro{#d}');
  });

  it('reports an annotation with empty words', () => {
    const p = parseDocumentText('a.md', doc('A :place[]{#x} here.'));
    expect(p.diagnostics[0].message).toContain('empty text');
  });

  it('reports invalid YAML front matter at its line', () => {
    const p = parseDocumentText('a.md', '---\nid: t\ntitle: [unclosed\n---\nText');
    expect(p.frontMatter).toBeNull();
    expect(p.diagnostics[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(p.diagnostics[0].message).toContain('invalid YAML front matter');
  });

  it('reports a missing front matter, an empty file and binary content', () => {
    expect(parseDocumentText('a.md', 'Just text').diagnostics[0].message).toContain('missing front matter');
    expect(parseDocumentText('a.md', '').diagnostics[0].message).toContain('empty document');
    expect(parseDocumentText('a.md', 'PNG\u0000\u0001').diagnostics[0].message).toContain('NUL');
  });

  it('gives line numbers of front-matter keys, nested place keys included', () => {
    const p = parseDocumentText('a.md', doc('Text', 'id: t\ntitle: T\nplaces:\n  site-a:\n    name: X'));
    expect(p.frontMatterLines).toMatchObject({ id: 2, title: 3, places: 4, 'places.site-a': 5 });
  });
});
