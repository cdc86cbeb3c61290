import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/compiler/diagnostics.js';
import { readMeta } from '../../src/compiler/documents.js';
import { parseDocumentText } from '../../src/compiler/parse.js';

/** The front matter of `front` read as the build reads it: its metadata, places and diagnostics. */
function read(front: string) {
  const parsed = parseDocumentText('d.md', `---\n${front}\n---\nText.\n`);
  const diagnostics = new Diagnostics();
  const result = parsed.frontMatter
    ? readMeta('d.md', parsed.frontMatter, parsed.frontMatterLines, diagnostics, parsed.frontMatterValues)
    : { meta: null, places: [] };
  return { ...result, diagnostics: [...parsed.diagnostics, ...diagnostics.list] };
}

describe('readMeta: an error about a value points at the value', () => {
  it('gives the line and column where each bad value begins, not its key at column 1', () => {
    const r = read(
      [
        'id: "bad id"', // 2
        'title: T',
        'published: 2024-02-30', // 4
        'url:   ftp://x', // 5
        'language: English', // 6
        'places:',
        '  zz: 5', // 8
        '  yy:',
        '    at: [200, 95]', // 10
        '    kind: hamlet', // 11
        '    note: n',
        '  xx:',
        '    geonames: -4', // 14
        '    note: ""', // 15
      ].join('\n'),
    );
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message.slice(0, 40)])).toEqual([
      [2, 5, 'document id "bad id" is not a valid id: '],
      [4, 12, 'front-matter "published": "2024-02-30" i'],
      [5, 8, 'front-matter "url" must be an http or ht'],
      [6, 11, 'front-matter "language" must be a BCP 47'],
      [8, 7, 'place "zz" must be a mapping of name, ki'],
      [10, 9, 'place "yy": "at" must be [lon, lat] in d'],
      [11, 11, 'place "yy": unknown kind "hamlet"; allow'],
      [14, 15, 'place "xx": "geonames" must be a GeoName'],
      [15, 11, 'place "xx" needs a note: where the annot'],
    ]);
  });

  it('keeps an error about a key, or a value not written, at the key', () => {
    const r = read('id: d\ntitle:\ntags: x\nplaces:\n  zz:\n    name: Kyiv');
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message.slice(0, 30)])).toEqual([
      [4, 1, 'unknown front-matter key "tags'],
      [3, 1, 'front matter needs "title"'],
      [6, 1, 'place "zz" needs a note: where'],
    ]);
  });

  it("counts a value's column in UTF-16 code units after a BOM and CRLF line breaks", () => {
    const parsed = parseDocumentText('d.md', '\uFEFF---\r\nid: d\r\ntitle: T\r\nurl: 😀\r\n---\r\nText.\r\n');
    const diagnostics = new Diagnostics();
    readMeta('d.md', parsed.frontMatter ?? {}, parsed.frontMatterLines, diagnostics, parsed.frontMatterValues);
    expect(diagnostics.list.map((d) => [d.line, d.column])).toEqual([[4, 6]]);
  });
});

describe('front matter: repeated keys', () => {
  it('are errors at each repeat, at any depth, and a key 1 and a key "1" are two keys', () => {
    const r = read('id: d\ntitle: T\nplaces:\n  zz:\n    name: Kyiv\n    note: n\n    name: Kiev\nid: e\n1: a\n"1": b');
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        8,
        5,
        'invalid YAML front matter: Map keys must be unique; the key "name" is given twice (first at line 6): keep one',
      ],
      [
        9,
        1,
        'invalid YAML front matter: Map keys must be unique; the key "id" is given twice (first at line 2): keep one',
      ],
    ]);
  });
});

describe('readMeta: front-matter places', () => {
  it('reports a misspelt key of a place at its own line instead of dropping it', () => {
    const r = read('id: d\ntitle: T\nplaces:\n  zz:\n    name: Kyiv\n    nmae: x\n    note: n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: 'd.md', line: 7, column: 1 });
    expect(r.diagnostics[0].message).toMatch(/place "zz": unknown key "nmae"; allowed: name, kind, at/);
  });

  it('reports a geonames or wikidata pin that is not one, and a name that is not text', () => {
    const r = read(
      'id: d\ntitle: T\nplaces:\n  zz:\n    name: 5\n    geonames: "abc"\n    note: n\n  yy:\n    wikidata: 1013\n    note: n',
    );
    expect(r.diagnostics.map((d) => [d.line, d.message.split(':')[1]?.trim()])).toEqual([
      [6, '"name" must be text, got 5'],
      [7, '"geonames" must be a GeoNames id (a positive whole number, e.g. geonames'],
      [10, '"wikidata" must be a Wikidata QID (e.g. wikidata'],
    ]);
  });

  it('reports a place that is not a mapping, and an unreadable at: once, at its line', () => {
    const r = read('id: d\ntitle: T\nplaces:\n  zz: 5\n  yy:\n    at: [200, 95]\n    precision: 1\n    note: n');
    expect(r.diagnostics.map((d) => [d.line, d.column])).toEqual([
      [5, 7],
      [7, 9],
    ]);
    expect(r.diagnostics[0].message).toMatch(/place "zz" must be a mapping of name, kind, at/);
    expect(r.diagnostics[1].message).toMatch(
      /place "yy": "at" must be \[lon, lat\] in degrees \(lon from -180 to 180, lat from -90 to 90\), got \[200,95\]/,
    );
  });
});

describe('readMeta: a front-matter point', () => {
  it('reads at: as [lon, lat] or as the inline "lon,lat", and refuses a string that is neither', () => {
    const at = (value: string) => {
      const r = read(`id: d\ntitle: T\nplaces:\n  p:\n    at: ${value}\n    precision: city\n    note: n`);
      return { at: r.places[0]?.at ?? null, errors: r.diagnostics.map((d) => d.message.slice(0, 30)) };
    };
    expect(at('[42.12, 14.0]')).toEqual({ at: [42.12, 14], errors: [] });
    expect(at('"42.12,14.0"')).toEqual({ at: [42.12, 14], errors: [] });
    expect(at('"14.0 N, 42.12 E"').errors).toEqual(['place "p": "at" must be [lon, ']);
  });
});

describe('readMeta: text fields keep what was written', () => {
  it('keeps the leading zeros of an id YAML reads as a number', () => {
    const r = read('id: 0012\ntitle: 1e3');
    expect(r.diagnostics).toEqual([]);
    expect(r.meta).toMatchObject({ id: '0012', title: '1e3' });
  });

  it('quotes a text_sha256 of digits as written, not as the number YAML reads', () => {
    const r = read(`id: d\ntitle: T\ntext_sha256: ${'0'.repeat(64)}`);
    const hash = r.diagnostics.find((d) => d.message.includes('text_sha256'));
    expect(hash).toMatchObject({ severity: 'error', line: 4, column: 14 });
    // Before: 'got 0'. A hash of 64 hex digits is read, and the mismatch reported with the computed hash.
    expect(hash?.message).toMatch(/has SHA-256 [0-9a-f]{64}, not the 0{64} of text_sha256/);
  });
});
