import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText, stampSource, textSha256 } from '../../src/compiler/parse.js';
import { growth } from './work-count.js';

const root = join(import.meta.dirname, '../..');
const seeds = join(root, 'tests/fixtures/seeds');

const doc = (body: string, front = 'id: t\ntitle: T') => `---\n${front}\n---\n${body}`;

describe('parseDocumentText', () => {
  const seedIds = readdirSync(join(root, 'data/documents'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''));

  it('has an annotated document for every seed', () => {
    const seedFiles = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.replace(/\.txt$/, ''));
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
    const p = parseDocumentText(
      'a.md',
      doc('Russia struck :event[the city of :place[Dnipro]{#dnipro} at dawn.]{#strike type=missile-strike}'),
    );
    expect(p.text).toBe('Russia struck the city of Dnipro at dawn.');
    const [event, place] = p.annotations;
    expect(event).toMatchObject({
      kind: 'event',
      label: 'the city of Dnipro at dawn.',
      start: 14,
      end: 41,
      parent: null,
      line: 5,
      column: 15,
    });
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

  it("keeps the file's final line break: the text is the body byte for byte", () => {
    expect(parseDocumentText('a.md', '---\nid: t\n---\nLine one\n\nLine two\n').text).toBe('Line one\n\nLine two\n');
    expect(parseDocumentText('a.md', '---\nid: t\n---\nWindows\r\n').text).toBe('Windows\r\n');
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

describe('broken markup is an error, never verbatim text', () => {
  const errors = (body: string) =>
    parseDocumentText('a.md', doc(body)).diagnostics.filter((d) => d.severity === 'error');
  const cases: Array<{ name: string; body: string; at: [number, number]; says: string; literal: string }> = [
    {
      name: 'an unclosed attribute brace',
      body: 'The city of :place[Dnipro]{#dnipro kind=city was hit.',
      at: [5, 27],
      says: 'no closing "}"',
      literal: '"\\{"',
    },
    {
      name: 'a doubled "=" in the attributes',
      body: 'Ties with :place[China]{of==china} grew.',
      at: [5, 24],
      says: '"of=" must be followed by a value',
      literal: '"\\{"',
    },
    {
      name: 'a lost colon',
      body: 'Officials in place[Russia]{of=russia} said so.',
      at: [5, 14],
      says: 'lost its colon; write :place[…]{…}',
      literal: '"]\\{"',
    },
    {
      name: 'a colon typed as "["',
      body: 'Then [event[Russia struck :place[Kyiv]{#k} at dawn]{#e type=missile-strike} and left.',
      at: [5, 6],
      says: 'lost its colon; write :event[…]{…}',
      literal: '"]\\{"',
    },
    {
      name: 'attributes cut off from their words',
      body: 'The city of :place[Kyiv] {#kyiv} was hit.',
      at: [5, 26],
      says: 'annotation attributes left in the text',
      literal: '"\\{"',
    },
    {
      name: 'words and attributes of no annotation',
      body: 'Then [the city]{#c} burned.',
      at: [5, 6],
      says: 'annotation markup ("]{")',
      literal: '"]\\{"',
    },
    {
      name: 'an unterminated unknown directive',
      body: 'Read :note[this and more.',
      at: [5, 6],
      says: 'not read as one',
      literal: '"\\:"',
    },
    {
      name: 'an annotation inside code',
      body: 'Intro.\n\n    code :place[Kyiv]{#k}\n\nAfter.',
      at: [7, 10],
      says: 'not read as one',
      literal: '"\\:"',
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name} at its first character, saying how to write it literally`, () => {
      const found = errors(c.body);
      expect(found.map((d) => [d.line, d.column])).toEqual([c.at]);
      expect(found[0].message).toContain(c.says);
      expect(found[0].message).toContain(c.literal);
    });
  }

  it('keeps what it can read of broken attributes, so their id is still defined', () => {
    const p = parseDocumentText('a.md', doc('The city of :place[Dnipro]{#dnipro kind=city was hit.'));
    expect(p.annotations[0].attributes).toEqual({ id: 'dnipro', kind: 'city' });
    expect(p.text).not.toContain('{');
  });

  it('reads real prose as text: [sic], times, ratios, a colon before a word, links', () => {
    const prose =
      'He said [sic] it was 10:30[ and then 10:30. The score was 3:2. Note:This matters. See https://example.org/wiki/File:Map[1].png or [1] and {braces} and a [link](x).';
    const p = parseDocumentText('a.md', doc(prose));
    expect(p.diagnostics).toEqual([]);
    expect(p.text).toBe(prose);
  });

  it('drops the backslash of an escaped : [ ] { }, and a doubled backslash stands for one', () => {
    const p = parseDocumentText('a.md', doc('Literal \\:place[x]\\{#y} and [a]\\{b} and a\\\\:b and C:\\\\Users.'));
    expect(p.diagnostics).toEqual([]);
    expect(p.text).toBe('Literal :place[x]{#y} and [a]{b} and a\\:b and C:\\\\Users.');
    expect(p.annotations).toEqual([]);
  });

  it('reads backslashes before : [ ] { } as Markdown does: pairs stand for one, an odd one makes the character literal', () => {
    const p = parseDocumentText(
      'a.md',
      doc(String.raw`a\\\{b\\\} c\\\\\[d and :place[Kyiv\\]{#k} and e\\:place[Lviv]{#l}.`),
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.text).toBe(String.raw`a\{b\} c\\[d and Kyiv\ and e\Lviv.`);
    expect(p.annotations.map((a) => a.label)).toEqual(['Kyiv\\', 'Lviv']);
  });
});

describe('nesting', () => {
  it('allows places, weapons and ranges in an event and a range in a weapon', () => {
    const p = parseDocumentText(
      'a.md',
      doc(
        ':event[In :place[Kyiv]{#k} a :weapon[:range[short-range]{weapon=w} missile]{#w} and :range[300 km]{weapon=w} fell.]{#e}',
      ),
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.annotations.map((a) => [a.kind, a.parent])).toEqual([
      ['event', null],
      ['place', 0],
      ['weapon', 0],
      ['range', 2],
      ['range', 0],
    ]);
  });

  for (const [outer, inner] of [
    ['place', 'event'],
    ['place', 'place'],
    ['range', 'place'],
    ['event', 'event'],
    ['weapon', 'place'],
  ] as const) {
    it(`reports a :${inner} inside a :${outer} at the inner annotation`, () => {
      const p = parseDocumentText('a.md', doc(`Text :${outer}[the :${inner}[words]{#b} here]{#a}.`));
      expect(p.diagnostics.map((d) => [d.line, d.column])).toEqual([[5, 12 + outer.length]]);
      expect(p.diagnostics[0].message).toContain(`:${inner}[words] cannot sit inside :${outer}[the words here]`);
      expect(p.diagnostics[0].message).toContain(':event may hold :place, :weapon, :range');
    });
  }
});

describe('front matter errors', () => {
  const at = (front: string) =>
    parseDocumentText('a.md', `---\n${front}\n---\nText.`).diagnostics.map((d) => [d.line, d.column, d.message]);

  it('points an unclosed quote or bracket at where it opens, not at the end of the front matter', () => {
    for (const opener of ['"', "'", '[', '{']) {
      const found = at(`id: t\ntitle: ${opener}unclosed\nauthor: x\nlanguage: en`);
      expect(found).toHaveLength(1);
      expect(found[0].slice(0, 2)).toEqual([3, 8]);
      expect(found[0][2]).toContain(`this ${opener} is never closed`);
    }
  });

  it('points a repeated key at its own line', () => {
    expect(at('id: t\ntitle: T\nid: u').map((d) => d.slice(0, 2))).toEqual([[4, 1]]);
  });

  it('says a front matter with no closing --- line is unclosed, not missing', () => {
    const [d] = parseDocumentText('a.md', '---\nid: t\ntitle: T\nThe text.\n').diagnostics;
    expect(d.message).toContain('never closed');
    expect(d.message).not.toContain('missing');
  });
});

describe('text_sha256', () => {
  const body = 'The city of :place[Kyiv]{#kyiv} was hit.\nSecond line.\n';
  const published = 'The city of Kyiv was hit.\nSecond line.\n';
  const hash = createHash('sha256').update(published, 'utf8').digest('hex');
  const withHash = (h: string, b = body) => `---\nid: t\ntitle: T\ntext_sha256: ${h}\n---\n${b}`;

  it('is the SHA-256 of the text with annotations removed, final newline included', () => {
    expect(textSha256(parseDocumentText('a.md', withHash(hash)).text)).toBe(hash);
    expect(parseDocumentText('a.md', withHash(hash)).diagnostics).toEqual([]);
  });

  it('reports a changed text at the text_sha256 line with the hash it computed', () => {
    const p = parseDocumentText('a.md', withHash(hash, body.replace('hit', 'struck')));
    expect(p.diagnostics.map((d) => [d.line, d.column])).toEqual([[4, 14]]);
    expect(p.diagnostics[0].message).toContain(
      `has SHA-256 ${textSha256(published.replace('hit', 'struck'))}, not the ${hash}`,
    );
  });

  it("accepts an editor's final newline after a text published without one, and nothing more", () => {
    const unterminated = createHash('sha256').update(published.slice(0, -1), 'utf8').digest('hex');
    expect(parseDocumentText('a.md', withHash(unterminated)).diagnostics).toEqual([]);
    expect(parseDocumentText('a.md', withHash(unterminated, `${body}\n`)).diagnostics).toHaveLength(1);
    expect(parseDocumentText('a.md', withHash(hash, body.replace('hit', 'hit '))).diagnostics).toHaveLength(1);
  });

  it('says when the published text ends with a line break this document lacks', () => {
    const p = parseDocumentText('a.md', withHash(hash, body.slice(0, -1)));
    expect(p.diagnostics[0].message).toContain('the published text ends with a line break that this document lacks');
  });

  it('with the published text beside it, reports the first differing character in the document', () => {
    const p = parseDocumentText('a.md', withHash(hash, body.replace('Second', 'Secnd')), { original: published });
    expect(p.diagnostics.map((d) => [d.line, d.column])).toEqual([[7, 4]]);
    expect(p.diagnostics[0].message).toContain('its line 2, column 4');
  });

  it('must be 64 hexadecimal digits', () => {
    expect(parseDocumentText('a.md', withHash('abc')).diagnostics[0].message).toContain(
      'must be 64 hexadecimal digits',
    );
  });
});

describe('stampSource', () => {
  it('adds text_sha256 before the closing fence and changes nothing else', () => {
    const source = '---\nid: t\ntitle: T   # a comment\n---\nThe city of :place[Kyiv]{#kyiv} was hit.';
    const stamped = stampSource('a.md', source);
    expect('source' in stamped && stamped.source).toBe(
      `---\nid: t\ntitle: T   # a comment\ntext_sha256: ${textSha256('The city of Kyiv was hit.')}\n---\nThe city of :place[Kyiv]{#kyiv} was hit.`,
    );
  });

  it('replaces a stale hash in place, CRLF line breaks kept', () => {
    const source = `---\r\nid: t\r\ntext_sha256: ${'0'.repeat(64)}\r\ntitle: T\r\n---\r\nText.\r\n`;
    const stamped = stampSource('a.md', source);
    expect('source' in stamped && stamped.source).toBe(source.replace('0'.repeat(64), textSha256('Text.\r\n')));
  });

  it('refuses a document with broken markup or a text that departs from the .txt beside it', () => {
    expect('diagnostics' in stampSource('a.md', '---\nid: t\ntitle: T\n---\nSee place[Kyiv]{#k}.')).toBe(true);
    const refused = stampSource('a.md', '---\nid: t\ntitle: T\n---\nSee Kyiv now.', 'See Kyiv today.');
    expect('diagnostics' in refused && refused.diagnostics.map((d) => [d.line, d.column])).toEqual([[5, 10]]);
  });
});

describe('malformed documents', () => {
  it('reads thousands of nested annotations in linear time, with located errors', async () => {
    // Each ']' walked back over a list of every markup span: about a minute for 3,000 nested annotations.
    // The work is counted (work-count.ts), not timed: a busy machine cannot change the count. Linear, four
    // times the nesting is about four times the count (4.4 measured); the old walk overflowed the counter.
    const nested = (n: number) => doc(`${':event['.repeat(n)}x${']{#e}'.repeat(n)}\n`);
    const { ratio } = await growth('nested', 300);
    expect(ratio).toBeLessThan(5);
    const parsed = parseDocumentText('deep.md', nested(3000));
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsed.diagnostics[0]).toMatchObject({ severity: 'error', file: 'deep.md', line: 5, column: 1 });
    expect(parsed.diagnostics[0].message).toMatch(/unterminated annotation ":event\[/);
  });
});

describe('hostile documents of one pattern repeated: read in work linear in their length', () => {
  // Each parsed at two lengths, the second four times the first, and its work counted (work-count.ts),
  // not timed: linear, about four times the count; quadratic, sixteen. Before, each was quadratic: every
  // error was located by a scan of the text from its start (back in, that is 7.2 for the errors one a
  // line); every broken "{" on a long line read the tokens of the rest of the line (6.0).
  it.each([
    ['tens of thousands of stray "]{" on one line', 'stray-one-line', 'x]{y ', 3000, 6000],
    ['thousands of stray "]{", one a line', 'stray-lines', 'x]{y\n', 1500, 1500],
    ['thousands of unclosed attribute lists on one line', 'unclosed', ':place[X]{#x kind=city ', 500, 1000],
  ] as const)('%s', async (_, scenario, piece, n, errors) => {
    const { ratio } = await growth(scenario, n);
    expect(ratio).toBeLessThan(5);
    const parsed = parseDocumentText('hostile.md', doc(`${piece.repeat(errors)}\n`));
    expect(parsed.diagnostics.length).toBeGreaterThanOrEqual(errors);
    const oneLine = !piece.includes('\n');
    for (const [k, d] of parsed.diagnostics.slice(0, 3).entries())
      expect(d).toMatchObject({ file: 'hostile.md', line: oneLine ? 5 : 5 + k });
    if (!oneLine) expect(parsed.diagnostics.at(-1)).toMatchObject({ line: 4 + errors });
  });
});

describe('a document with front matter only', () => {
  it('is a warning where the text would begin, with or without a final line break', () => {
    for (const source of [
      '---\nid: t\ntitle: T\n---\n',
      '---\nid: t\ntitle: T\n---',
      '---\nid: t\ntitle: T\n---\n\n  \n',
    ]) {
      const { diagnostics } = parseDocumentText('fm.md', source);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ severity: 'warning', file: 'fm.md' });
      // Where the text would begin: the next line, or right after a closing --- that ends the file.
      expect([diagnostics[0].line, diagnostics[0].column]).toEqual(source.endsWith('---') ? [4, 4] : [5, 1]);
      expect(diagnostics[0].message).toMatch(/^the document has no text after its front matter/);
    }
  });
});

describe('an annotation inside a link', () => {
  it("is an error at its colon when it sits in the link's address, where it would be lost", () => {
    for (const [body, column] of [
      ['See [here](https://x.org/:place[Lviv]{#lviv}).', 26],
      ['See <https://x.org/:place[Lviv]{#lviv}>.', 20],
    ] as const) {
      const parsed = parseDocumentText('l.md', doc(`${body}\n`));
      expect(parsed.diagnostics).toEqual([
        {
          severity: 'error',
          file: 'l.md',
          line: 5,
          column,
          message: expect.stringMatching(
            /^":place\[Lviv\]\{#lviv\}" is an annotation inside a link, where annotations are not read/,
          ),
        },
      ]);
    }
  });

  it("stays the link's text when it is not a whole annotation (File:Map[1]), and is read in the link's words", () => {
    expect(parseDocumentText('l.md', doc('See https://x.org/wiki/File:Map[1] now.\n')).diagnostics).toEqual([]);
    const words = parseDocumentText('l.md', doc('See [:place[Lviv]{#lviv}](https://x.org).\n'));
    expect(words.diagnostics).toEqual([]);
    expect(words.annotations.map((a) => a.label)).toEqual(['Lviv']);
  });
});
