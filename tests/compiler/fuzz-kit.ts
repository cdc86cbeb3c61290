/**
 * fuzz-kit: what tests/compiler/fuzz.test.ts mutates and checks with. Mutations of valid documents
 * (lines, characters, markup, attribute and front-matter values, line breaks, BOMs, invisible
 * characters), a generator of documents whose text and annotations are known in advance, and an
 * oracle written apart from the parser: the text a document must give once its markup is removed.
 */
import fc from 'fast-check';

/** Attribute values that are wrong for some key: non-numbers, overflow, impossible dates, out-of-range points. */
export const WEIRD = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0',
  '99999999999999999999',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '2024-11-25/2024-10',
  '..',
  '/',
  '2024-1-1',
  '+5',
  '"unclosed',
  '""',
  "''",
  ' ',
  '\u200B',
  '\u202E',
  '1,2',
  '200,100',
  '-181,0',
  '35,91',
  '0x10',
  '1_000',
  '٣٠٠',
  '３００',
  'null',
  '~',
  '[]',
  '{}',
  'true',
  '"a b',
  'a"b',
  '=',
  '==',
  '#',
  '}',
  ']',
  '[',
  ':x',
  '-1',
  '0.5',
  '1e-400',
  '"2024-11-23/.."',
  '../2024',
  '"200,100"',
  '"NaN,NaN"',
  '"35,48,1"',
  'x'.repeat(300),
  '2024-11-31',
  '"Thursday/Friday"',
];
/** Front-matter values that break YAML or are wrong for a key. */
export const YAML_WEIRD = [
  '[1, 2',
  '{a: 1',
  '*x',
  '&a',
  '!!binary x',
  '|',
  '>',
  '2024-02-30',
  '9999-12-31',
  '1e400',
  '.nan',
  '.inf',
  '"',
  "'",
  '[200, 100]',
  '[NaN, 0]',
  '[35, 48, 3]',
  '[]',
  '{}',
  '~',
  'null',
  'true',
  '0x1F',
  '2024-11-28T10:00:00Z',
  '\t',
  '- a',
  '12345678901234567890',
  'a: b: c',
  '!!js/function x',
  'Q-1',
  '-5',
];
/** Pieces of markup, text and trouble to insert. */
export const FRAGMENTS = [
  ':place[',
  ':event[',
  ':range[',
  ':weapon[',
  ']',
  '[',
  '{',
  '}',
  '#',
  '=',
  '"',
  "'",
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '---\n',
  '\\',
  '\\:',
  '\\[',
  '::',
  ':::x',
  '`',
  '<!--',
  '-->',
  '\u202E',
  '\u200B',
  '\u200D',
  '\u2066',
  '\uFEFF',
  '\u00A0',
  '😀',
  'e\u0301',
  ']{',
  '{#',
  ':x[y]',
  '](http://a/b)',
  '[link](http://x/:place[a]{#a})',
  '\u2028',
  ':place[Kyiv]{#kyiv}',
  ':place[Kyiv]{of=kyiv}',
  ':weapon[W]{#w}',
  ':range[300 km]{weapon=w claimant="c" status=claimed}',
  ':event[x]{#ev type=missile-strike summary="s" date=2024-11-01 place=kyiv claimant="c" status=reported}',
  '{#a of=a}',
  'of=nowhere',
  ' unknown=1',
  ' #dup',
  ' date=2024-02-30',
  ' min=500 max=300',
  ' at="200,100" precision=site',
  ' sentences=1000',
  ' confidence=NaN',
  ' review=pending',
  ' figures="1e309 killed"',
  ' magnitude=Infinity unit=x',
];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delChars' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    s: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4, unit: 'binary' })),
  }),
  fc.record({
    op: fc.constant('atMarkup' as const),
    at: fc.nat(),
    del: fc.boolean(),
    s: fc.constantFrom(...FRAGMENTS),
  }),
  fc.record({ op: fc.constant('value' as const), at: fc.nat(), s: fc.constantFrom(...WEIRD) }),
  fc.record({ op: fc.constant('yamlValue' as const), at: fc.nat(), s: fc.constantFrom(...YAML_WEIRD) }),
  fc.record({
    op: fc.constant('attr' as const),
    at: fc.nat(),
    s: fc.constantFrom(...FRAGMENTS.filter((f) => /^( |of=|\{)/.test(f))),
  }),
  fc.record({ op: fc.constant('dupAnnotation' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('selfOf' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapIds' as const), at: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('lineEnds' as const), at: fc.nat(), s: fc.constantFrom('\r\n', '\r', '\n\n') }),
  fc.record({ op: fc.constant('allCrlf' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('unclose' as const) }),
  fc.record({ op: fc.constant('longLine' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('invisibleInId' as const),
    at: fc.nat(),
    s: fc.constantFrom('\u200B', '\u200D', '\u202E', '\u2066', '\u00AD', '\u0456', '\uFEFF'),
  }),
  // What a hurried annotator does (the second round of fuzzing): attributes cut off from their words,
  // a doubled brace or bracket, a kind in capitals, a look-alike colon, quotes inside a quoted value, a
  // value with spaces left unquoted, a span or a thousands dot where one number goes, a front-matter
  // fence of four dashes or dots, a tab in the YAML, and attributes spread over lines (valid).
  fc.record({ op: fc.constant('detach' as const), at: fc.nat(), s: fc.constantFrom(' ', '\n', '\r\n', '\t') }),
  fc.record({ op: fc.constant('doubleClose' as const), at: fc.nat(), s: fc.constantFrom('}', ']') }),
  fc.record({
    op: fc.constant('kindCase' as const),
    at: fc.nat(),
    s: fc.constantFrom('Place', 'EVENT', 'Range', 'weapons', 'places', 'evnet'),
  }),
  fc.record({
    op: fc.constant('lookalikeColon' as const),
    at: fc.nat(),
    s: fc.constantFrom('\uFF1A', '\uA789', '\u2236', '\u02D0', '\uFE55', ';'),
  }),
  fc.record({ op: fc.constant('quoteInValue' as const), at: fc.nat(), s: fc.constantFrom('"', "'", '“', '”') }),
  fc.record({ op: fc.constant('unquote' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('numberForm' as const),
    at: fc.nat(),
    s: fc.constantFrom('1.500', '3 000', '600–700', '1,5', '99999999999999999', '0', '3 killed, 5', '٣'),
  }),
  fc.record({ op: fc.constant('fence' as const), s: fc.constantFrom('----', '...', '---\n---', '--- ', '—') }),
  fc.record({ op: fc.constant('yamlTab' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('spreadAttributes' as const), at: fc.nat() }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });
const HURRIED = new Set([
  'detach',
  'doubleClose',
  'kindCase',
  'lookalikeColon',
  'quoteInValue',
  'unquote',
  'numberForm',
  'fence',
  'yamlTab',
  'spreadAttributes',
  'value',
  'dupLine',
  'truncate',
]);
/**
 * One slip of the hand that is always a mistake in a valid document (attributes cut off from their
 * words, a doubled "}" or "]", a kind misspelt or in capitals, a look-alike colon, a straight quote
 * inside a quoted value), or that changes nothing (attributes spread over lines).
 */
export const slip = fc.oneof(
  fc.record({ op: fc.constant('detach' as const), at: fc.nat(), s: fc.constantFrom(' ', '\n', '\r\n', '\t') }),
  fc.record({ op: fc.constant('doubleClose' as const), at: fc.nat(), s: fc.constantFrom('}', ']') }),
  fc.record({
    op: fc.constant('kindCase' as const),
    at: fc.nat(),
    s: fc.constantFrom('Place', 'EVENT', 'Range', 'weapons', 'places', 'evnet'),
  }),
  fc.record({
    op: fc.constant('lookalikeColon' as const),
    at: fc.nat(),
    s: fc.constantFrom('\uFF1A', '\uA789', '\u2236', '\u02D0', '\uFE55', ';'),
  }),
  fc.record({ op: fc.constant('quoteInValue' as const), at: fc.nat(), s: fc.constant('"') }),
  fc.record({ op: fc.constant('spreadAttributes' as const), at: fc.nat() }),
);

/** Only the mistakes of a hurried annotator, one to three at a time: each is met more often than among all. */
export const hurried = fc.array(
  mutation.filter((m) => HURRIED.has(m.op)),
  { minLength: 1, maxLength: 2 },
);

/**
 * What a word processor or a CMS does to a valid document's structured values (the fifth round of fuzzing):
 * a dash in a date swapped for a typographic one, an invisible character (soft hyphen, zero-width space,
 * word joiner, no-break space) pasted inside a value that names something (a date, a type, a status, an id,
 * a figure, a kind, a pin), two letters of an attribute's name swapped, a value's straight quotes made curly.
 * Each either changes nothing that is published or is an error on its line: never a silent misstatement.
 */
export const pasted = fc.oneof(
  fc.record({
    op: fc.constant('dashInDate' as const),
    at: fc.nat(),
    s: fc.constantFrom('\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '\uFE63'),
  }),
  fc.record({
    op: fc.constant('invisibleInValue' as const),
    at: fc.nat(),
    b: fc.nat(),
    s: fc.constantFrom('\u00AD', '\u200B', '\u2060', '\u00A0', '\u200C', '\uFEFF'),
  }),
  fc.record({ op: fc.constant('swapKeyLetters' as const), at: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('curlyQuotes' as const), at: fc.nat() }),
);
export type Pasted = typeof pasted extends fc.Arbitrary<infer T> ? T : never;
/** Attributes whose value names or counts something: a character pasted into one must not pass unseen. */
const STRUCTURED =
  /(?<=[{\s])(date|type|status|place|weapon|of|kind|geonames|wikidata|precision|figures|magnitude|min|max|origin|sentences)=("[^"\n]+"|[^\s}"]+)/g;

/** One paste applied to a document's source. */
export function paste(src: string, m: Pasted): string {
  switch (m.op) {
    case 'dashInDate': {
      const x = nth([...src.matchAll(/(?<=[{\s])date=("?)(\d{4}-)/g)], m.at);
      return x ? put(src, x.index + x[0].length - 1, m.s, 1) : src;
    }
    case 'invisibleInValue': {
      const x = nth([...src.matchAll(STRUCTURED)], m.at);
      if (!x) return src;
      const quoted = x[2].startsWith('"') ? 1 : 0;
      const inner = x[2].length - 2 * quoted;
      const start = x.index + x[1].length + 1 + quoted;
      if (m.s === '\u00A0') {
        // A no-break space stands where a space was (a word processor's), not inside a word.
        const spaces = indices(x[2].slice(quoted, quoted + inner), / /g);
        const i = nth(spaces, m.b);
        return i === undefined ? src : put(src, start + i, m.s, 1);
      }
      return put(src, start + (m.b % (inner + 1)), m.s);
    }
    case 'swapKeyLetters': {
      const x = nth([...src.matchAll(/(?<=[{\s])([a-z][a-z-]{2,})=/g)], m.at);
      if (!x) return src;
      const k = m.b % (x[1].length - 1);
      if (x[1][k] === x[1][k + 1]) return src;
      return put(src, x.index + k, `${x[1][k + 1]}${x[1][k]}`, 2);
    }
    case 'curlyQuotes': {
      const x = nth([...src.matchAll(/(?<=[{\s])([a-z-]+)="([^"\n]*)"/g)], m.at);
      return x ? put(src, x.index, `${x[1]}=“${x[2]}”`, x[0].length) : src;
    }
  }
}

const nth = <T>(xs: readonly T[], k: number): T | undefined => (xs.length ? xs[k % xs.length] : undefined);
const indices = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m.index);
const put = (s: string, at: number, insert: string, remove = 0) => s.slice(0, at) + insert + s.slice(at + remove);

/** One mutation applied to a document's source. */
export function mutate(src: string, m: Mutation): string {
  const lines = src.split(/(?<=\n)/);
  const line = (k: number) => k % Math.max(lines.length, 1);
  switch (m.op) {
    case 'delLine':
      lines.splice(line(m.at), 1);
      return lines.join('');
    case 'dupLine':
      lines.splice(line(m.at), 0, lines[line(m.at)] ?? '');
      return lines.join('');
    case 'swapLines': {
      const [i, j] = [line(m.at), line(m.b)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('');
    }
    case 'truncate':
      return src.slice(0, m.at % (src.length + 1));
    case 'delChars':
      return put(src, m.at % (src.length + 1), '', m.n);
    case 'insert':
      return put(src, m.at % (src.length + 1), m.s);
    case 'atMarkup': {
      const i = nth(indices(src, /[[\]{}"=#:]/g), m.at);
      return i === undefined ? src : put(src, i, m.s, m.del ? 1 : 0);
    }
    case 'value': {
      const x = nth([...src.matchAll(/([\w-]+)=("[^"\n]*"|[^\s}"]+)/g)], m.at);
      return x ? put(src, x.index + x[1].length + 1, m.s, x[2].length) : src;
    }
    case 'yamlValue': {
      const end = src.indexOf('\n---', 3);
      const x = nth([...src.slice(0, end === -1 ? src.length : end).matchAll(/^(\s*[\w-]+:)[ \t]*(.*)$/gm)], m.at);
      return x ? put(src, x.index + x[1].length, ` ${m.s}`, x[0].length - x[1].length) : src;
    }
    case 'attr': {
      const i = nth(indices(src, /\]\{/g), m.at);
      return i === undefined ? src : put(src, i + 2, `${m.s.trimStart()} `);
    }
    case 'dupAnnotation': {
      const x = nth([...src.matchAll(/:(?:place|weapon|range)\[[^\]\n]*\]\{[^}\n]*\}/g)], m.at);
      return x ? put(src, x.index + x[0].length, ` ${x[0]}`) : src;
    }
    case 'selfOf': {
      const x = nth([...src.matchAll(/\{#([\w.-]+)/g)], m.at);
      return x ? put(src, x.index + x[0].length, ` of=${x[1]}`) : src;
    }
    case 'swapIds': {
      const ids = [...src.matchAll(/\{#([\w.-]+)/g)].map((x) => x[1]);
      const [a, b] = [nth(ids, m.at), nth(ids, m.b)];
      return a && b ? src.replace(`of=${a}`, `of=${b}`) : src;
    }
    case 'lineEnds': {
      const i = nth(indices(src, /\n/g), m.at);
      return i === undefined ? src : put(src, i, m.s, 1);
    }
    case 'allCrlf':
      return src.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${src}`;
    case 'unclose': {
      const i = src.indexOf('\n---', 3);
      return i === -1 ? src : put(src, i + 1, '', 4);
    }
    case 'longLine': {
      const i = nth(indices(src, /\n/g), m.at) ?? src.length;
      return put(src, i, ` ${'long words and more, '.repeat(5000)}`);
    }
    case 'detach': {
      const i = nth(indices(src, /\]\{/g), m.at);
      return i === undefined ? src : put(src, i + 1, m.s);
    }
    case 'doubleClose': {
      const x = nth([...src.matchAll(/:(?:place|event|weapon|range)\[[^\]\n]*\](\{[^}\n]*\})/g)], m.at);
      if (!x) return src;
      const end = x.index + x[0].length;
      return m.s === '}' ? put(src, end, '}') : put(src, end - x[1].length, ']');
    }
    case 'kindCase': {
      const x = nth([...src.matchAll(/:(place|event|weapon|range)\[/g)], m.at);
      return x ? put(src, x.index + 1, m.s, x[1].length) : src;
    }
    case 'lookalikeColon': {
      const i = nth(indices(src, /:(?:place|event|weapon|range)\[/g), m.at);
      return i === undefined ? src : put(src, i, m.s, 1);
    }
    case 'quoteInValue': {
      const x = nth([...src.matchAll(/[\w-]+="([^"\n]*) ([^"\n]*)"/g)], m.at);
      return x ? put(src, x.index + x[0].length - 1 - x[2].length, `${m.s}x${m.s} `) : src;
    }
    case 'unquote': {
      const x = nth([...src.matchAll(/([\w-]+)="([^"\n]* [^"\n]*)"/g)], m.at);
      return x ? put(src, x.index, `${x[1]}=${x[2]}`, x[0].length) : src;
    }
    case 'numberForm': {
      const x = nth([...src.matchAll(/(?:figures="|:range\[(?:[a-z ]*?))(\d[\d,.]*)/g)], m.at);
      return x ? put(src, x.index + x[0].length - x[1].length, m.s, x[1].length) : src;
    }
    case 'fence': {
      const i = src.indexOf('\n---', 3);
      return src.startsWith('---') && i !== -1 ? put(put(src, i + 1, m.s, 3), 0, m.s, 3) : src;
    }
    case 'yamlTab': {
      const end = src.indexOf('\n---', 3);
      const x = nth([...src.slice(0, end === -1 ? 0 : end).matchAll(/^( +)\S/gm)], m.at);
      return x ? put(src, x.index, '\t', x[1].length) : src;
    }
    case 'spreadAttributes': {
      const x = nth([...src.matchAll(/\]\{[^}\n]* [^}\n]*\}/g)], m.at);
      if (!x) return src;
      const at = x.index + x[0].indexOf(' ', x[0].search(/(?<=[\w"]) [\w#]/));
      const quotes = (src.slice(x.index, at).match(/"/g) ?? []).length;
      return /\s/.test(src[at] ?? '') && quotes % 2 === 0 ? put(src, at, '\n', 1) : src;
    }
    case 'invisibleInId': {
      const x = nth([...src.matchAll(/(?:#|of=|place=|weapon=|origin=)([\w.-]{2,})/g)], m.at);
      return x ? put(src, x.index + x[0].length - 1, m.s) : src;
    }
  }
}

const OPENER = /^:(?:place|event|weapon|range)\[/;

/**
 * Markup that published text essentially never has: attributes ("{#id", "{key="), a brace after
 * attributes ("}}"), an annotation's opening (":place[", also with a look-alike colon or in capitals).
 * A document built with no error has no more of it in its text than the source it was mutated from had
 * (the mutation may add escaped markup: that is counted out by the caller).
 */
export const RESIDUE =
  /\{[ \t]*(?:#|\.[A-Za-z_]|[A-Za-z_][\w-]*=)|\}\}|[:\uFF1A\uA789\u2236\u02D0\uFE55](?:place|event|weapon|range)\[/gi;
export const residue = (text: string) => (text.match(RESIDUE) ?? []).length;

/**
 * The oracle: a document body with its annotation markup removed (`:kind[`, and `]` with its
 * `{attributes}`; a backslash pair before one of : [ ] { } is one backslash, an odd one makes the
 * character literal), and where each annotation opens. Written apart from the parser, from the format
 * guide (data/README.md), so that the two can disagree.
 */
export function stripMarkup(body: string): { text: string; openers: number[] } {
  let text = '';
  const depth: number[] = [];
  const openers: number[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\') {
      let j = i;
      while (body[j] === '\\') j++;
      const n = j - i;
      if (j < body.length && ':[]{}'.includes(body[j])) {
        text += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) text += body[j++];
      } else text += body.slice(i, j);
      i = j;
      continue;
    }
    const m = OPENER.exec(body.slice(i, i + 10));
    if (m) {
      openers.push(i);
      depth.push(0);
      i += m[0].length;
      continue;
    }
    if (depth.length > 0 && c === '[') depth[depth.length - 1]++;
    if (depth.length > 0 && c === ']') {
      if (depth[depth.length - 1] === 0) {
        depth.pop();
        i++;
        if (body[i] === '{') {
          let quote: string | null = null;
          for (i++; i < body.length; i++) {
            if (quote) {
              if (body[i] === quote) quote = null;
            } else if (body[i] === '"' || body[i] === "'") quote = body[i];
            else if (body[i] === '}') break;
          }
          i++;
        }
        continue;
      }
      depth[depth.length - 1]--;
    }
    text += c;
    i++;
  }
  return { text, openers };
}

/** The document's source without its leading BOMs, and where its body (after the front matter) starts. */
export function bodyOf(source: string): { src: string; bodyStart: number } | null {
  const src = source.replace(/^\uFEFF+/, '');
  const m = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(src);
  return m ? { src, bodyStart: m[0].length } : null;
}

/** The lines of a source as an editor shows them: LF, CRLF and a bare CR each end one. */
export const linesOf = (src: string) => src.replace(/^\uFEFF+/, '').split(/\r\n|\r|\n/);

/** 1-based line and column (UTF-16) of an offset, lines ending as linesOf() ends them. */
export function position(src: string, offset: number): { line: number; column: number } {
  const before = linesOf(src.slice(0, offset));
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Text tokens of the source's own words (never markup), each with the text it stands for. */
const WORDS: Array<[string, string]> = [
  ['words', 'words'],
  [' ', ' '],
  ['. ', '. '],
  ['10:30', '10:30'],
  ['Note:This', 'Note:This'],
  ['😀', '😀'],
  ['e\u0301', 'e\u0301'],
  ['\u200B', '\u200B'],
  ['\u202E', '\u202E'],
  ['\u2066x\u2069', '\u2066x\u2069'],
  ['\u00A0', '\u00A0'],
  ['\t', '\t'],
  ['a\nb', 'a\nb'],
  ['a\r\nb', 'a\r\nb'],
  ['a\rb', 'a\rb'],
  ['\\x', '\\x'],
  ['\\[', '['],
  ['\\]', ']'],
  ['\\{', '{'],
  ['\\}', '}'],
  ['\\:place\\[x\\]', ':place[x]'],
  ['\\\\\\{', '\\{'],
  ['*em*', '*em*'],
  ['`code`', '`code`'],
  ['<b>', '<b>'],
  ['&amp;', '&amp;'],
  ['(a) [b]', '(a) [b]'],
  ['“smart”', '“smart”'],
  ['2024-02-30', '2024-02-30'],
  ['NaN', 'NaN'],
  ['x'.repeat(2000), 'x'.repeat(2000)],
  ['ا', 'ا'],
  ['\u2028', '\u2028'],
];
const PLACES = ['Kyiv', 'Odesa', 'Kharkiv', 'Dnipro', 'Lviv'];
const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 });
const segment = fc.oneof(
  fc.record({ k: fc.constant('words' as const), t: words }),
  fc.record({ k: fc.constant('place' as const), p: fc.nat({ max: PLACES.length - 1 }), t: words }),
  fc.record({ k: fc.constant('event' as const), p: fc.nat({ max: PLACES.length - 1 }), a: words, b: words }),
  fc.record({ k: fc.constant('range' as const), km: fc.integer({ min: 1, max: 15000 }), t: words }),
  fc.constant({ k: 'paragraph' as const }),
);
export const generated = fc.record({
  segments: fc.array(segment, { maxLength: 10 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});
type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

/** A generated document, the text it must give, and how many annotations of each kind it holds. */
export function render(d: Generated) {
  const nl = d.crlf ? '\r\n' : '\n';
  let source = `${d.bom ? '\uFEFF' : ''}---${nl}id: gen${nl}title: Generated${nl}published: 2024-11-28${nl}---${nl}Start `;
  let text = 'Start ';
  const counts = { place: 0, event: 0, weapon: 0, range: 0 };
  const add = (markup: string, plain: string) => {
    source += markup;
    text += plain;
  };
  const say = (t: Array<[string, string]>) => add(t.map((x) => x[0]).join(''), t.map((x) => x[1]).join(''));
  d.segments.forEach((s, n) => {
    if (s.k === 'words') say(s.t);
    else if (s.k === 'paragraph') add(`.${nl}${nl}Then `, `.${nl}${nl}Then `);
    else if (s.k === 'place') {
      add(` :place[${PLACES[s.p]}]{#p${n}} `, ` ${PLACES[s.p]} `);
      say(s.t);
      counts.place++;
    } else if (s.k === 'event') {
      add(' :event[', ' ');
      say(s.a);
      add(` in :place[${PLACES[s.p]}]{#p${n}} `, ` in ${PLACES[s.p]} `);
      say(s.b);
      add(`]{#e${n} type=missile-strike summary="s ${n}" date=2024-11-01 claimant="c" status=reported} `, ' ');
      counts.place++;
      counts.event++;
    } else {
      const km = `${s.km.toLocaleString('en-US')} km`;
      add(
        ` the :weapon[W${n}]{#w${n}} flies :range[${km}]{weapon=w${n} claimant="c" status=claimed} `,
        ` the W${n} flies ${km} `,
      );
      say(s.t);
      counts.weapon++;
      counts.range++;
    }
  });
  add(`.${nl}`, `.${nl}`);
  return { source, text, counts };
}
