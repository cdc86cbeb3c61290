/**
 * parse: one annotated Markdown document → its metadata, its plain source text and its annotations.
 *
 * Annotations are generic text directives (`:place[Dnipro]{#dnipro}`), tokenized by micromark with
 * micromark-extension-directive, whose events carry exact source positions. The build reads those
 * events directly (no syntax tree is needed). The plain text is made by cutting the directive markup
 * out of the raw source, so it is the source document byte for byte; excerpts are slices of it.
 * Pure: text in, data and diagnostics out.
 */
import {
  COLON_LOOKALIKES,
  describeCharacter,
  describeInvisibles,
  describeStrangers,
  invisibleOnly,
} from './lookalikes.js';
import { didYouMean } from './closest-name.js';
import { parse as micromarkParse, postprocess, preprocess } from 'micromark';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { decodeString } from 'micromark-util-decode-string';
import type { Event, Token } from 'micromark-util-types';
import { CST, Lexer, isScalar, parseDocument, visit } from 'yaml';
import type { Diagnostic } from '../contract.js';
import { oneLine } from './diagnostics.js';
import { sha256Hex } from './sha256.js';
import { FRONT_MATTER_KEYS } from './documents.js';

export const ANNOTATION_KINDS = ['place', 'event', 'weapon', 'range'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/**
 * Which annotations may sit directly inside which: an event's words hold the places, weapons and ranges
 * it names; a weapon's words may hold the range they state ("an :weapon[:range[intermediate-range]{…}
 * ballistic missile]{…}"). A place or a range holds only the source's words. Anything else is an error.
 */
export const ALLOWED_NESTING: Readonly<Record<AnnotationKind, readonly AnnotationKind[]>> = {
  event: ['place', 'weapon', 'range'],
  weapon: ['range'],
  place: [],
  range: [],
};

/** Characters a backslash makes literal in the text: the backslash is dropped, the character kept. */
export const ESCAPABLE = ':[]{}';

export interface Annotation {
  kind: AnnotationKind;
  attributes: Record<string, string>;
  /** The label as plain text (markup of nested annotations removed). */
  label: string;
  /** [start, end) of the label in the plain text. */
  start: number;
  end: number;
  /** 1-based position of the directive in the file. */
  line: number;
  column: number;
  /** Index of the innermost enclosing annotation, or null. */
  parent: number | null;
  /** 1-based positions of each attribute's key, for located errors. */
  attributePositions: Record<string, { line: number; column: number }>;
  /**
   * True when its attributes could not be read whole (an unclosed brace or quote; already an error):
   * an attribute missing from them may be one the error swallowed, so it is not reported again.
   */
  attributesBroken?: boolean;
  /**
   * Attributes written as a bare word right after an unquoted value (`claimant=the army`: "army"), each
   * with the value the annotator most likely meant (`claimant="the army"`), for the error about it.
   */
  continues?: Record<string, string>;
  /**
   * True when it sits where the format does not allow it, or holds one that does (already an error):
   * what follows from that (a place whose words hold an event's, an event with no place) is not
   * reported again.
   */
  misnested?: boolean;
  /**
   * Set by applyReview when unreviewed suggestions are included (the dev server): the annotation is
   * `review=pending`, or rests on one. Its claims and features then carry `pending: true`.
   */
  pending?: true;
}

export interface ParsedDocument {
  path: string;
  /** The front matter as YAML data; null when it is missing or invalid. */
  frontMatter: Record<string, unknown> | null;
  /** 1-based line of each top-level and second-level front-matter key (`places.kapustin-yar`). */
  frontMatterLines: Record<string, number>;
  /**
   * Where each front-matter key's value begins (line, and column in UTF-16 code units from 1), keyed as
   * frontMatterLines is (`published`, `places.kapustin-yar`, `places.kapustin-yar.at`): an error about a
   * bad value points at the value, not at its key. Absent for a key with no value written.
   */
  frontMatterValues?: Record<string, { line: number; column: number }>;
  /** The source text: the body with annotation markup removed, its final line break (if any) kept. */
  text: string;
  annotations: Annotation[];
  diagnostics: Diagnostic[];
}

// Emphasis (`*`, `_`) is never read: the build reads directives and front matter only, and micromark's
// emphasis matcher walks back over every unmatched delimiter for each closing one, so a text of
// unmatched asterisks ("a* b* c* …", "*a_*a_…") took time quadratic in its length (24 KB of "*a_": 20 s).
// Without it an asterisk is text, as it is to the build anyway; annotations are found the same.
const extensions = [directive(), frontmatter(['yaml']), { disable: { null: ['attention'] } }];

/** Tokenizes Markdown with directives and front matter: the parser the build stands on (its floor). */
export function tokenize(source: string): Event[] {
  return postprocess(
    micromarkParse({ extensions })
      .document()
      .write(preprocess()(source, undefined, true)),
  );
}

/** Quotes and list items one line may open inside one another; more is refused unread (see below). */
const MAX_CONTAINER_DEPTH = 100;

/**
 * The first line that opens more than MAX_CONTAINER_DEPTH quotes or list items inside one another
 * ("> > > …", "- - - … text"): micromark's container reader re-walks the open containers for each one it
 * opens, so such a line took time quadratic in its depth (4,000 "- ": 9 s; 16,000: minutes). A line of
 * dashes alone ("- - - -") is a rule, read in no time, and not counted. Linear: one pass over the text.
 */
function deepContainerLine(src: string): { line: number; count: number; sample: string } | null {
  let line = 1;
  for (let start = 0; start < src.length; ) {
    let i = start;
    let count = 0;
    for (;;) {
      while (src[i] === ' ' || src[i] === '\t') i++;
      const c = src[i];
      if (c === '>') i++;
      else if ((c === '-' || c === '*' || c === '+') && (src[i + 1] === ' ' || src[i + 1] === '\t')) i++;
      else {
        let j = i;
        while (j - i < 9 && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
        if (j > i && (src[j] === '.' || src[j] === ')') && (src[j + 1] === ' ' || src[j + 1] === '\t')) i = j + 1;
        else break;
      }
      count++;
    }
    let end = i;
    while (end < src.length && src[end] !== '\n' && src[end] !== '\r') end++;
    if (count > MAX_CONTAINER_DEPTH && /[^-*_ \t]/.test(src.slice(i, end)))
      return { line, count, sample: src.slice(start, start + 12) };
    if (src[end] === '\r' && src[end + 1] === '\n') end++;
    start = end + 1;
    line++;
  }
  return null;
}

interface Found {
  name: string;
  start: Token['start'];
  end: number;
  labelStart: number;
  labelEnd: number;
  hasLabel: boolean;
  hasAttributes: boolean;
  attributes: Record<string, string>;
  attributePositions: Record<string, { line: number; column: number }>;
  parent: number | null;
  attributesBroken?: boolean;
  continues?: Record<string, string>;
}

export interface ParseOptions {
  /**
   * The published text as the annotator keeps it beside the document (`name.txt` for `name.md`), when
   * there is one: with `text_sha256:` in the front matter and a text that does not match it, the error
   * is placed at the first character where the document's text departs from it.
   */
  original?: string | null;
}

/** Parses one annotated document. Never throws on bad input: problems come back as diagnostics. */
export function parseDocumentText(path: string, source: string, options: ParseOptions = {}): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: number, message: string) =>
    diagnostics.push({ severity: 'error', file: path, line, column, message: oneLine(message) });
  const empty: ParsedDocument = {
    path,
    frontMatter: null,
    frontMatterLines: {},
    text: '',
    annotations: [],
    diagnostics,
  };
  // An attribute given twice would keep one value and lose the other without a word.
  const twice = (f: Found, key: string, at: Token['start']) => {
    const first = f.attributePositions[key];
    if (!first) return;
    const what = key === 'id' ? 'the id (#id or id=)' : `attribute "${key}"`;
    error(
      at.line,
      at.column,
      `${what} is given twice on :${f.name}[${shortText(src.slice(f.labelStart, f.labelEnd))}] (first at ${first.line}:${first.column}); an annotation states each attribute once: keep one`,
    );
  };

  if (source.includes('\u0000')) {
    error(1, 1, 'not a text file (it contains NUL bytes); documents are UTF-8 Markdown');
    return empty;
  }
  // A byte-order mark is no part of the text; a file saved twice with one can start with two.
  const src = source.replace(/^\uFEFF+/, '');
  if (src.trim() === '') {
    error(1, 1, 'empty document; expected YAML front matter between --- lines, then the annotated text');
    return empty;
  }

  // Lines that end with a bare carriage return (CR, as classic Mac OS saved them): the front matter
  // would be read as one line of YAML, and its errors would name the wrong thing.
  const bareCr = /^---[ \t]*\r(?!\n)/.exec(src);
  if (bareCr) {
    error(
      1,
      bareCr[0].length,
      'the lines of this document end with a bare carriage return (CR, as classic Mac OS saved text), so its front matter cannot be read line by line; save it with LF (or CRLF) line breaks',
    );
    return empty;
  }

  const deep = deepContainerLine(src);
  if (deep) {
    error(
      deep.line,
      1,
      `this line opens ${deep.count} quotes or list items inside one another ("${deep.sample}…"), past the ${MAX_CONTAINER_DEPTH} a document may nest: Markdown reads such a line in time that grows with the square of its depth (4,000 "- " took 9 s), so the build does not read it; if the source's text has this run of markers, it is no prose to map: cut it down`,
    );
    return empty;
  }
  const events = tokenize(src);
  const yaml = (events[0]?.[1].type as string) === 'yaml' ? events[0][1] : null;
  if (!yaml) {
    const fence = /^(-{3,}|\.{3,})[ \t]*\r?$/m;
    const dots = /^\.\.\.[ \t]*\r?$/m.exec(src);
    if (/^---[ \t]*\r?\n/.test(src)) {
      const at = dots ? locate(src, dots.index) : { line: 1, column: 1 };
      error(
        at.line,
        at.column,
        dots
          ? 'this "..." line ends the front matter in YAML, but a document\'s front matter ends with a line of --- (three dashes); write --- here'
          : 'the front matter opened by the --- line here is never closed; end the YAML with a line of ---, then write the annotated text',
      );
    } else if (/^-{4,}[ \t]*\r?\n/.test(src) || (/^---[ \t]+\S/.test(src) && fence.test(src)))
      error(
        1,
        1,
        `the front matter must open with a line of exactly three dashes (---), not "${oneLine(src.slice(0, src.search(/\r|\n|$/))).slice(0, 20)}"; write --- on a line of its own, and close it likewise`,
      );
    else
      error(
        1,
        1,
        'missing front matter; a document starts with a --- line, YAML (id, title, publisher, …), and a closing --- line',
      );
    return empty;
  }
  // The YAML is everything between the two fence lines (micromark gives it a token per line).
  const fences = events.filter(([kind, t]) => kind === 'enter' && (t.type as string) === 'yamlFence').map(([, t]) => t);
  const yamlText =
    fences.length === 2
      ? src
          .slice(fences[0].end.offset, fences[1].start.offset)
          .replace(/^\r?\n/, '')
          .replace(/\r?\n$/, '')
      : '';
  const yamlLine = fences.length === 2 ? fences[0].start.line + 1 : 2;
  const crInYaml = /\r(?!\n|$)/.exec(yamlText);
  if (crInYaml) {
    const p = locate(yamlText, crInYaml.index);
    error(
      p.line + yamlLine - 1,
      p.column,
      'a bare carriage return (CR) ends this front-matter line, so YAML would not read the line after it as a line of its own; save the document with LF (or CRLF) line breaks',
    );
  }
  const {
    data: frontMatter,
    lines: frontMatterLines,
    values: frontMatterValues,
  } = readFrontMatter(path, yamlText, yamlLine, diagnostics);

  // The body starts after the closing fence and its line ending.
  let bodyStart = yaml.end.offset;
  if (src.startsWith('\r\n', bodyStart)) bodyStart += 2;
  else if (src[bodyStart] === '\n') bodyStart += 1;
  // The body runs to the end of the file, its final line break included: the text is the published
  // text byte for byte, and a line break an editor adds at the end is a change to it (text_sha256 sees it).
  const bodyEnd = Math.max(src.length, bodyStart);
  const early = frontMatterAfterFence(src, bodyStart);
  if (early && fences.length === 2 && yamlText.trim() !== '') {
    // A --- line inside the front matter (a key block pasted in with its fences, a fence typed twice):
    // the keys after it would be published as the first lines of the text and lost from the front matter.
    error(
      fences[1].start.line,
      fences[1].start.column,
      `this --- line closes the front matter, but the ${early.lines === 1 ? 'line' : `${early.lines} lines`} after it (${early.keys.map((k) => `${k}:`).join(', ')}), up to the --- at line ${early.fenceLine}, ${early.lines === 1 ? 'is' : 'are'} front matter: ${early.lines === 1 ? 'it' : 'they'} would be read as the document's text; delete this --- line`,
    );
  }
  if (src.slice(bodyStart).trim() === '') {
    // Front matter alone: valid, but most often a document whose text was not pasted in yet.
    const p = locate(src, Math.min(bodyStart, src.length));
    diagnostics.push({
      severity: 'warning',
      file: path,
      line: p.line,
      column: p.column,
      message:
        'the document has no text after its front matter: nothing of it reaches the map; paste the published text below the closing ---',
    });
  }

  const found: Found[] = [];
  const open: number[] = [];
  let attributeName: string | null = null;
  let attributeAt: Token['start'] | null = null;
  /** The unquoted value just read and the bare words after it (`claimant=the army`), or null. */
  let unquoted: { key: string; words: string[] } | null = null;
  for (const [kind, token] of events) {
    const type = token.type as string;
    if (type === 'directiveLeaf' || type === 'directiveContainer') {
      if (kind === 'enter') {
        const lineEnd = src.indexOf('\n', token.start.offset);
        error(
          token.start.line,
          token.start.column,
          `block directive "${src.slice(token.start.offset, lineEnd === -1 ? token.end.offset : lineEnd)}" is not supported; annotations are inline: ${ANNOTATION_KINDS.map((k) => `:${k}[…]{…}`).join(', ')}`,
        );
      }
      continue;
    }
    if (!type.startsWith('directiveText')) continue;
    const current = found[open[open.length - 1]];
    if (type === 'directiveText') {
      if (kind === 'enter') {
        open.push(found.length);
        found.push({
          name: '',
          start: token.start,
          end: token.end.offset,
          labelStart: -1,
          labelEnd: -1,
          hasLabel: false,
          hasAttributes: false,
          // No prototype: an attribute named "__proto__" or "constructor" is an attribute like any
          // other (reported as unknown), not Object's own, nor lost on assignment.
          attributes: Object.create(null) as Record<string, string>,
          attributePositions: Object.create(null) as Record<string, { line: number; column: number }>,
          parent: open.length > 1 ? open[open.length - 2] : null,
        });
      } else open.pop();
    } else if (kind === 'enter' && current) {
      switch (type) {
        case 'directiveTextName':
          current.name = src.slice(token.start.offset, token.end.offset);
          break;
        case 'directiveTextLabel':
          current.hasLabel = true;
          current.labelStart = token.start.offset + 1;
          current.labelEnd = token.end.offset - 1;
          break;
        case 'directiveTextAttributes':
          current.hasAttributes = true;
          break;
        case 'directiveTextAttributeIdValue':
          unquoted = null;
          twice(current, 'id', token.start);
          setAttribute(current, 'id', src.slice(token.start.offset, token.end.offset), token.start);
          break;
        case 'directiveTextAttributeClassValue': {
          const prior = current.attributes.class;
          setAttribute(
            current,
            'class',
            prior
              ? `${prior} ${src.slice(token.start.offset, token.end.offset)}`
              : src.slice(token.start.offset, token.end.offset),
            token.start,
          );
          break;
        }
        case 'directiveTextAttributeName':
          attributeName = src.slice(token.start.offset, token.end.offset);
          attributeAt = token.start;
          if (unquoted && !/^[ \t]*=/.test(src.slice(token.end.offset, token.end.offset + 8))) {
            unquoted.words.push(attributeName);
            current.continues ??= Object.create(null) as Record<string, string>;
            current.continues[attributeName] =
              `${unquoted.key}="${[current.attributes[unquoted.key], ...unquoted.words].join(' ')}"`;
          } else unquoted = null;
          twice(current, attributeName, token.start);
          setAttribute(current, attributeName, '', token.start);
          break;
        case 'directiveTextAttributeValue':
          // An unquoted value that opens with a typographic quote (claimant=”the army”, an editor's
          // smart quotes): the quotes would be kept as part of the value without a word.
          if (
            attributeName !== null &&
            src[token.start.offset - 1] === '=' &&
            TYPOGRAPHIC_QUOTES.includes(src[token.start.offset])
          ) {
            const q = src[token.start.offset];
            error(
              token.start.line,
              token.start.column,
              `${attributeName}=${shortText(src.slice(token.start.offset, token.end.offset), 30)} opens with the typographic quote ${q} (U+${q.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}), which does not quote a value and would be kept in it; write ${attributeName}="…" with straight quotes`,
            );
          }
          unquoted =
            attributeName !== null && src[token.start.offset - 1] === '=' ? { key: attributeName, words: [] } : null;
          if (attributeName !== null)
            setAttribute(
              current,
              attributeName,
              decodeString(src.slice(token.start.offset, token.end.offset)),
              attributeAt!,
            );
          break;
      }
    }
  }

  const cuts: Array<[number, number]> = [];
  const annotated: Found[] = [];
  const keptIndex = new Map<number, number>();
  /** Offsets already reported, so the scan for stray markup does not report them twice. */
  const reported = new Set<number>();
  /** Markup of annotations already reported as broken: not reported again as stray markup. */
  const quiet: Array<[number, number]> = [];
  // "[]" or "[ ]": no words to annotate (a place with none would be looked up as "").
  // Invisible characters alone (":event[\u200B]", a zero-width space a CMS left) are no words either: the
  // claim was published with an excerpt no one can see.
  const blank = (f: Found) => /^[\s\p{Cf}]*$/u.test(src.slice(f.labelStart, f.labelEnd));
  found.forEach((f, i) => {
    const at = f.start;
    const known = (ANNOTATION_KINDS as readonly string[]).includes(f.name);
    // ":30" in "10:30" or "Note:This" with no [words] and no {attributes} is the source's own text.
    if (!known && !f.hasLabel && !f.hasAttributes) return;
    if (!known && !/^\p{L}/u.test(f.name)) return;
    if (!known && inLink(src, bodyStart, at.offset)) return;
    reported.add(at.offset);
    if (!f.hasLabel) {
      const lineEnd = src.indexOf('\n', at.offset);
      const brace = src.indexOf('}', at.offset);
      quiet.push([at.offset, lineEnd === -1 ? bodyEnd : brace !== -1 && brace < lineEnd ? brace + 1 : lineEnd]);
    } else if (!known || blank(f)) quiet.push([at.offset, f.labelStart], [f.labelEnd, f.end]);
    if (!known) {
      const strangers = describeStrangers(f.name, /[A-Za-z0-9-]/);
      error(
        at.line,
        at.column,
        `unknown annotation kind ":${f.name}"${strangers.length > 0 ? ` (it has ${strangers.join(', ')})` : ''} in "${src.slice(at.offset, Math.min(f.end, at.offset + 60))}"; ${didYouMean(f.name, ANNOTATION_KINDS).replace('"', '":')}allowed kinds: ${ANNOTATION_KINDS.join(', ')} (if the colon is the source's own text, write it as "\\:")`,
      );
    } else if (!f.hasLabel) {
      error(
        at.line,
        at.column,
        src[at.offset + 1 + f.name.length] === '['
          ? `unterminated annotation "${src.slice(at.offset, Math.min(src.length, at.offset + 40))}…": its [text] has no closing "]" (or is broken by a blank line); write :${f.name}[the words of the source]{attributes}`
          : `annotation ":${f.name}" has no [text]; write :${f.name}[the words of the source]{attributes}`,
      );
    } else if (blank(f)) {
      error(
        at.line,
        at.column,
        `annotation ":${f.name}[${src.slice(f.labelStart, f.labelEnd).length > 0 ? ' ' : ''}]" has ${f.labelEnd > f.labelStart ? (invisibleOnly(src.slice(f.labelStart, f.labelEnd)) ? `only invisible characters (${describeInvisibles(src.slice(f.labelStart, f.labelEnd))}) for its` : 'only spaces for its') : 'empty'} text; it must wrap the words of the source it annotates`,
      );
    } else {
      cuts.push([at.offset, f.labelStart], [f.labelEnd, f.end]);
      // ":event[…] {#id …}" or "]" then "{…}" on the next line: the attributes are cut off from the words and
      // reported as left in the text (checkStray); the annotation's missing ones are not reported again.
      if (
        !f.hasAttributes &&
        /^[ \t]*(?:\r?\n|\r)?[ \t]*\{[ \t]*(?:#|\.[A-Za-z_]|[A-Za-z_][\w-]*=)/.test(src.slice(f.end, f.end + 80))
      )
        f.attributesBroken = true;
      if (!f.hasAttributes && src[f.end] === '{') {
        // Attributes micromark could not read: say why, keep what can be read of them (so their #id is
        // still defined and nothing else is blamed on it), and keep the brace out of the text.
        const broken = brokenAttributes(src, f.end, bodyEnd);
        const p = locate(src, f.end);
        reported.add(f.end);
        error(
          p.line,
          p.column,
          `the attributes of :${f.name}[${shortText(src.slice(f.labelStart, f.labelEnd))}] ${broken.problem} in "${shortText(src.slice(f.end, broken.end), 60)}"; write {#id key=value key="a value with spaces"}, or, if the brace is the source's own text, write it as "\\{"`,
        );
        f.attributesBroken = true;
        Object.assign(f.attributes, broken.attributes);
        for (const key of Object.keys(broken.attributes))
          f.attributePositions[key] = { line: p.line, column: p.column };
        cuts.push([f.end, broken.end]);
      }
      // "{…}}": a second closing brace would be kept in the text, unseen, as if the source had it.
      const after = f.hasAttributes ? f.end : -1;
      if (after !== -1 && src[after] === '}' && after < bodyEnd) {
        const p = locate(src, after);
        reported.add(after);
        quiet.push([after, after + 1]);
        error(
          p.line,
          p.column,
          `a second "}" after the attributes of :${f.name}[${shortText(src.slice(f.labelStart, f.labelEnd))}] would be kept in the text; delete it, or, if it is the source's own text, write it as "\\}"`,
        );
      } else if (after !== -1) {
        // "{name=Ky}iv}": an unquoted value ends at the first "}", so the attributes close there; the
        // rest of the value ("iv}") was kept in the text unseen, and "Ky" was looked up (as Kentucky).
        const split = splitUnquotedValue(src, after, bodyEnd);
        if (split) {
          const p = locate(src, after - 1);
          reported.add(split.end - 1);
          error(
            p.line,
            p.column,
            `${split.key === '#' ? 'the id' : 'the value'} ${split.key}${split.value} on :${f.name}[${shortText(src.slice(f.labelStart, f.labelEnd))}] ends at this "}", which closes the attributes, and "${split.rest}" after it would be kept in the text; ${split.key === '#' ? 'an id holds no "}": delete this one' : `a value that holds "}" is quoted: ${split.key}"${split.value}}${split.rest.slice(0, -1)}"`} (or, if the "}" after it is the source's own text, write it as "\\}")`,
          );
        }
      }
      keptIndex.set(i, annotated.length);
      annotated.push(f);
    }
  });
  // Backslashes before one of : [ ] { } work as in Markdown: each pair stands for one backslash, and an
  // odd one left over makes the character literal (`\{` is "{"; `\\{` is "\" then markup; `\\\{` is
  // "\{"). Backslashes before anything else are the text's own.
  // The annotations' cuts, as a mask: a document of many escapes asked a scan of every cut for each.
  const inCut = covered(src.length + 1, cuts, new Set());
  const escaped = new Set<number>();
  for (let i = src.indexOf('\\', bodyStart); i !== -1 && i < bodyEnd; i = src.indexOf('\\', i + 1)) {
    let j = i;
    while (src[j] === '\\' && j < bodyEnd) j++;
    if (!inCut(i) && j < bodyEnd && ESCAPABLE.includes(src[j])) {
      const n = j - i;
      cuts.push([i, i + Math.ceil(n / 2)]);
      if (n % 2 === 1) escaped.add(j);
    }
    i = j - 1;
  }
  cuts.sort((a, b) => a[0] - b[0]);

  // Keep [bodyStart, bodyEnd) minus the cuts; `map` turns a source offset into a text offset.
  const kept: Array<[number, number, number]> = [];
  let text = '';
  let at = bodyStart;
  for (const [a, b] of cuts) {
    if (a > at) {
      kept.push([at, Math.min(a, bodyEnd), text.length]);
      text += src.slice(at, Math.min(a, bodyEnd));
    }
    at = Math.max(at, b);
  }
  if (at < bodyEnd) {
    kept.push([at, bodyEnd, text.length]);
    text += src.slice(at, bodyEnd);
  }
  const map = (offset: number): number => {
    let lo = 0;
    let hi = kept.length - 1;
    let result = text.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b, out] = kept[mid];
      if (offset < a) {
        result = out;
        hi = mid - 1;
      } else if (offset >= b) lo = mid + 1;
      else return out + (offset - a);
    }
    return result;
  };

  // The parent of an annotation is its innermost kept ancestor.
  const keptParent = (f: Found): number | null => {
    for (let p = f.parent; p !== null; p = found[p].parent) if (keptIndex.has(p)) return keptIndex.get(p)!;
    return null;
  };
  const annotations: Annotation[] = annotated.map((f) => {
    const s0 = map(f.labelStart);
    const e0 = map(f.labelEnd);
    return {
      kind: f.name as AnnotationKind,
      attributes: f.attributes,
      label: text.slice(s0, e0),
      start: s0,
      end: e0,
      line: f.start.line,
      column: f.start.column,
      parent: keptParent(f),
      attributePositions: f.attributePositions,
      ...(f.attributesBroken ? { attributesBroken: true } : {}),
      ...(f.continues ? { continues: f.continues } : {}),
    };
  });
  for (const a of annotations) {
    if (a.parent === null) continue;
    const outer = annotations[a.parent];
    if (ALLOWED_NESTING[outer.kind].includes(a.kind)) continue;
    a.misnested = true;
    outer.misnested = true;
    error(
      a.line,
      a.column,
      `:${a.kind}[${shortText(a.label)}] cannot sit inside :${outer.kind}[${shortText(outer.label)}] (line ${outer.line}, column ${outer.column}); ${nestingRule()}`,
    );
  }

  checkStray(src, bodyStart, bodyEnd, covered(src.length + 1, [...cuts, ...quiet], escaped), reported, error);
  const parsed = { path, frontMatter, frontMatterLines, frontMatterValues, text, annotations, diagnostics };
  const textOffset = (offset: number) => {
    // The source offset of a text offset: the inverse of `map`.
    const seg = kept.find(([a, b, out]) => offset >= out && offset < out + (b - a)) ?? kept[kept.length - 1];
    return seg ? seg[0] + Math.min(offset - seg[2], seg[1] - seg[0]) : bodyStart;
  };
  const hashProblem = checkTextHash(parsed, options.original ?? null);
  if (hashProblem) {
    const p =
      hashProblem.textOffset === null
        ? (frontMatterValues.text_sha256 ?? { line: frontMatterLines.text_sha256 ?? 2, column: 1 })
        : locate(src, textOffset(hashProblem.textOffset));
    error(p.line, p.column, hashProblem.message);
  }
  return parsed;
}

/**
 * The body opens with front-matter lines (`published: 2024-11-28`: a known key, then YAML lines) and a
 * --- line after them: the front matter was closed too early. Its keys, how many lines, and the line of
 * that later ---; or null.
 */
function frontMatterAfterFence(
  src: string,
  bodyStart: number,
): { keys: string[]; lines: number; fenceLine: number } | null {
  const head = src.slice(bodyStart, bodyStart + 4000).split(/\r?\n/);
  const key = new RegExp(`^(${FRONT_MATTER_KEYS.join('|')}):(?:[ \t]|$)`);
  const keys: string[] = [];
  for (let i = 0; i < head.length - 1 && i < 40; i++) {
    const line = head[i];
    if (/^---[ \t]*$/.test(line)) {
      if (keys.length === 0) return null;
      return { keys, lines: i, fenceLine: locate(src, bodyStart).line + i };
    }
    const k = key.exec(line);
    if (k) keys.push(k[1]);
    else if (!(keys.length > 0 && /^(?:[ \t]+\S|[ \t]*$)/.test(line))) return null;
  }
  return null;
}

/** The allowed nesting, in words, for messages and the docs. */
export function nestingRule(): string {
  const holds = ANNOTATION_KINDS.filter((k) => ALLOWED_NESTING[k].length > 0).map(
    (k) => `:${k} may hold ${ALLOWED_NESTING[k].map((c) => `:${c}`).join(', ')}`,
  );
  const none = ANNOTATION_KINDS.filter((k) => ALLOWED_NESTING[k].length === 0).map((k) => `:${k}`);
  return `${holds.join('; ')}; ${none.join(' and ')} hold only the source's words`;
}

/** SHA-256 of a text's UTF-8 bytes, in lowercase hex: what `text_sha256:` holds. */
export function textSha256(text: string): string {
  return sha256Hex(text);
}

/**
 * Checks the front matter's `text_sha256:` against the text. The hash only says whether the text
 * differs; with the published text beside the document (`original`), the error is placed at the first
 * character that differs, otherwise at the `text_sha256` line. `textOffset` is null for the latter.
 */
export function checkTextHash(
  parsed: Pick<ParsedDocument, 'frontMatter' | 'text'>,
  original: string | null,
): { textOffset: number | null; message: string } | null {
  const stated = parsed.frontMatter?.text_sha256;
  if (stated === undefined || stated === null) return null;
  if (typeof stated !== 'string' || !/^[0-9a-fA-F]{64}$/.test(stated)) {
    return {
      textOffset: null,
      message: `text_sha256 must be 64 hexadecimal digits (the SHA-256 of the published text), got ${JSON.stringify(stated)}; npm run data -- --stamp FILE writes it`,
    };
  }
  const want = stated.toLowerCase();
  const got = textSha256(parsed.text);
  if (got === want) return null;
  const text = parsed.text;
  // An editor's final line break after text published without one changes no word, offset or excerpt:
  // every editor adds one on save, so it is not a departure from the source.
  if (/\r?\n$/.test(text) && textSha256(text.replace(/\r?\n$/, '')) === want) return null;
  if (original !== null && textSha256(original) === want && original !== text) {
    let i = 0;
    while (i < text.length && i < original.length && text[i] === original[i]) i++;
    const o = locate(original, i);
    const shown = (s: string) => (i < s.length ? JSON.stringify(s.slice(i, i + 20)) : 'its end');
    return {
      textOffset: i,
      message: `the text with annotations removed departs here from the published text (text_sha256 matches the .txt beside it, which has ${shown(original)} at its line ${o.line}, column ${o.column}, where this document has ${shown(text)}); write the source's words exactly`,
    };
  }
  let hint =
    'a word, a quote or a line break was changed, added or removed; compare with the published text, keep it beside the document as a .txt of the same name to find where, or, if the text is right and the hash is stale, run npm run data -- --stamp FILE';
  if (textSha256(`${text}\n`) === want)
    hint = 'the published text ends with a line break that this document lacks; add one';
  else if (text.includes('\r\n') && textSha256(text.replace(/\r\n/g, '\n')) === want)
    hint = 'the document has Windows line breaks (CRLF) where the published text has LF; save it with LF line breaks';
  return {
    textOffset: null,
    message: `the text with annotations removed has SHA-256 ${got}, not the ${want} of text_sha256: ${hint}`,
  };
}

/** A brace after an annotation's words that micromark could not read as attributes: where it ends, what is wrong, what can be read. */
function brokenAttributes(
  src: string,
  from: number,
  to: number,
): { end: number; problem: string; attributes: Record<string, string> } {
  const lineEnd = src.indexOf('\n', from);
  const stop = Math.min(lineEnd === -1 ? to : lineEnd, to);
  let end = -1;
  let problem = '';
  let quote: string | null = null;
  // Where the scan for the closing brace gives up: far past any attribute list written (the longest in
  // the corpus is under 600 characters), so that a line of thousands of broken braces is read in linear time.
  const window = Math.min(stop, from + ATTRIBUTES_WINDOW);
  let readTo = window;
  for (let i = from + 1; i < window; i++) {
    const c = src[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '}') {
      end = i + 1;
      break;
    } else if (c === '{' || c === '[') {
      readTo = i;
      break;
    }
  }
  if (end === -1) {
    end = stop;
    problem = quote ? `have a quote ${quote} that is never closed and no closing "}"` : 'have no closing "}"';
  } else {
    problem = `cannot be read (${attributeProblem(src.slice(from + 1, end - 1))})`;
  }
  const attributes: Record<string, string> = Object.create(null);
  const token = /#[ \t]*([^\s#.{}"'=]+)|([A-Za-z_:][\w.:-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`{}]+))/g;
  const inner = src.slice(from + 1, Math.min(end, readTo));
  for (let m = token.exec(inner); m; m = token.exec(inner)) {
    if (m[1] !== undefined) attributes.id = m[1];
    else attributes[m[2]] = decodeString(m[3] ?? m[4] ?? m[5] ?? '');
  }
  return { end, problem, attributes };
}

/** How far past its "{" an attribute list is looked for (characters). */
const ATTRIBUTES_WINDOW = 4096;

/** The first thing in an attribute list that is not #id, .class, key, key=value or key="value". */
function attributeProblem(inner: string): string {
  const smart = new RegExp(`(?:^|\\s)([A-Za-z_:][\\w.:-]*)=([${TYPOGRAPHIC_QUOTES}])`).exec(inner);
  if (smart)
    return `"${smart[1]}=" is followed by the typographic quote ${smart[2]}, which does not quote a value: write ${smart[1]}="…" with straight quotes`;
  const item =
    /\s*(?:#[^\s#.{}"'=]+|\.[^\s#.{}"'=]+|[A-Za-z_:][\w.:-]*(?:=(?:"[^"]*"|'[^']*'|[^\s"'=<>`{}]+))?)(?=\s|$)/y;
  let i = 0;
  while (i < inner.length) {
    item.lastIndex = i;
    const m = item.exec(inner);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(inner.slice(i))) break;
      const j = i + (inner.slice(i).length - inner.slice(i).trimStart().length);
      const rest = inner.slice(j);
      const eq = /^([A-Za-z_:][\w.:-]*)=/.exec(rest);
      const quoted = eq ? quoteInsideValue(eq[1], rest.slice(eq[0].length)) : null;
      if (quoted) return quoted;
      if (eq) return `"${eq[1]}=" must be followed by a value, got "${shortText(rest.slice(eq[0].length), 20)}"`;
      // "{#}" and "{# kyiv}": a "#" with no id right after it.
      const hash = /^#(?=\s|$)\s*([A-Za-z0-9._-]+)?/.exec(rest);
      if (hash)
        return hash[1]
          ? `a space between "#" and the id: write #${hash[1]}`
          : 'a "#" with no id after it: write #name, or delete the "#"';
      return `unexpected "${shortText(rest, 20)}"`;
    }
    i += m[0].length;
  }
  const space = /[^\S \t\r\n]/.exec(inner);
  if (space)
    return `a ${space[0] === '\u00A0' ? 'no-break space (U+00A0)' : `space U+${space[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`} between attributes; separate them with ordinary spaces`;
  return 'unexpected characters';
}

/**
 * `claimant="the "Azov" unit"`: a quoted value that holds its own quote character ends at it, and what
 * follows cannot be read. Says so, with the value written in the other quotes, or null.
 */
function quoteInsideValue(key: string, value: string): string | null {
  const q = value[0];
  if (q !== '"' && q !== "'") return null;
  const close = value.indexOf(q, 1);
  if (close === -1 || close + 1 >= value.length || /\s/.test(value[close + 1])) return null;
  // The value the annotator meant runs to the last quote before the next attribute or the end.
  const meant = new RegExp(`^${q}(.*?)${q}(?=\\s+[#.]?[A-Za-z_:][\\w.:-]*(?:=|\\s|$)|\\s*$)`).exec(value);
  const other = q === '"' ? "'" : '"';
  const inner = meant?.[1] ?? value.slice(1, close);
  const fix = inner.includes(other)
    ? `write the quotes inside it as typographic ones (“…” or ‘…’)`
    : `write ${key}=${other}${shortText(inner, 40)}${other} (the other kind of quotes around it), or the quotes inside it as typographic ones (“…”)`;
  return `the value of "${key}=" holds the quote ${q} that encloses it, so it ends at "${shortText(value.slice(0, close + 1), 20)}" and "${shortText(value.slice(close + 1), 12)}" cannot be read; ${fix}`;
}

/** Quotes an editor may put for straight ones: they do not quote an attribute value. */
const TYPOGRAPHIC_QUOTES = '“”„‟‘’‚‛«»‹›「」';

/**
 * An unquoted value cut short by a "}" it holds: `{#kyiv name=Ky}iv}` closes at the first "}", and the
 * run after it up to a second "}" on the line ("iv}") is the rest of the value, kept in the text. Null
 * when the attributes end with a quoted value, or the text after them does not run on to a "}".
 */
function splitUnquotedValue(
  src: string,
  after: number,
  bodyEnd: number,
): { key: string; value: string; rest: string; end: number } | null {
  if (src[after - 1] !== '}') return null;
  let start = after - 1;
  while (start > 0 && !/[\s"'=#{}]/.test(src[start - 1])) start--;
  if (start === after - 1) return null;
  const mark = src[start - 1];
  let key: string;
  if (mark === '#') key = '#';
  else if (mark === '=') {
    const m = /([A-Za-z_][\w-]*)=$/.exec(src.slice(Math.max(0, start - 41), start));
    if (!m) return null;
    key = `${m[1]}=`;
  } else return null;
  let j = after;
  while (j < bodyEnd && !/[\s{}]/.test(src[j])) j++;
  if (j === after || src[j] !== '}' || src[j - 1] === '\\') return null;
  return { key, value: src.slice(start, after - 1), rest: src.slice(after, j + 1), end: j + 1 };
}

function shortText(text: string, max = 40): string {
  // Only the head is read: a label or a line of a megabyte, quoted in each of thousands of errors, is not copied whole each time.
  const cut = text.length > 16 * max;
  const t = (cut ? text.slice(0, 16 * max) : text).replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : cut ? `${t}…` : t;
}

/** Front-matter fields that are text whatever their characters look like to YAML: every one but the places. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(FRONT_MATTER_KEYS.filter((k) => k !== 'places'));

function readFrontMatter(path: string, yamlText: string, firstLine: number, diagnostics: Diagnostic[]) {
  // Positions from the text itself: YAML's LineCounter misses the line breaks inside a scalar its
  // parser gave up on, and placed the errors after one past the end of their line.
  const lineCounter = { linePos: lineIndex(yamlText) };
  // Repeated keys are found below with a set per mapping: YAML's own check (uniqueKeys) compares each
  // key with every earlier one, and a front matter of 20,000 keys took seconds.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  // No prototype: a key "__proto__" is a key like any other (reported as unknown, at its line).
  const lines: Record<string, number> = Object.create(null);
  const values: Record<string, { line: number; column: number }> = Object.create(null);
  const push = (offset: number, message: string) => {
    const p = lineCounter.linePos(offset);
    diagnostics.push({
      severity: 'error',
      file: path,
      line: p.line + firstLine - 1,
      column: p.col,
      message: oneLine(message),
    });
  };
  if (doc.errors.length > 0) {
    const opener = unclosedOpener(yamlText);
    // Once the YAML is broken its reader calls each later token "unexpected" (a line moved out of place
    // gave 20 errors); those follow from the first and are not reported again.
    const first = doc.errors[0];
    // An unclosed quote breaks the lines after it too: it is said once, at the quote.
    let openerSaid = false;
    for (const e of doc.errors) {
      if (e !== first && e.code === 'UNEXPECTED_TOKEN') continue;
      const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      // An unclosed quote or bracket is reported where the YAML runs out; point at where it opens.
      if (opener && (e.code === 'MISSING_CHAR' || /end with an? [\]}]|closing/.test(what))) {
        // A quote closed on a later line that is not indented: YAML ends the value at that line.
        const later = yamlText.indexOf(opener.char, opener.offset + 1);
        const split =
          (opener.char === '"' || opener.char === "'") &&
          later !== -1 &&
          /\n\S/.test(yamlText.slice(opener.offset, later));
        if (!openerSaid)
          push(
            opener.offset,
            split
              ? `invalid YAML front matter: this ${opener.char} is not closed on its line, and the line that closes it is not indented; indent the lines a value goes on over (two spaces), or keep it on one line`
              : `invalid YAML front matter: this ${opener.char} is never closed (${what})`,
          );
        openerSaid = true;
      } else if (!(openerSaid && e.pos[0] >= opener!.offset))
        push(e.pos[0], `invalid YAML front matter: ${what}${yamlHint(what)}`);
    }
    return { data: null, lines, values };
  }
  const repeated: Array<{ offset: number; key: string; first: number }> = [];
  // A merge key ("<<: *base", YAML 1.1) is not read by YAML 1.2: "<<" would be one more key, unknown,
  // and the keys it was to bring in would be missing.
  const merges: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (pair.key.value === '<<' && pair.key.type === 'PLAIN') merges.push(pair.key.range?.[0] ?? 0);
        const key = `${typeof pair.key.value} ${String(pair.key.value)}`;
        const first = seen.get(key);
        if (first !== undefined)
          repeated.push({ offset: pair.key.range?.[0] ?? 0, key: String(pair.key.value), first });
        else seen.set(key, pair.key.range?.[0] ?? 0);
      }
    },
  });
  if (repeated.length > 0) {
    for (const r of repeated.sort((a, b) => a.offset - b.offset))
      push(
        r.offset,
        `invalid YAML front matter: Map keys must be unique; the key "${oneLine(r.key).slice(0, 40)}" is given twice (first at line ${lineCounter.linePos(r.first).line + firstLine - 1}): keep one`,
      );
    return { data: null, lines, values };
  }
  if (merges.length > 0) {
    for (const offset of merges)
      push(
        offset,
        `invalid YAML front matter: "<<" is a merge key (YAML 1.1), which the front matter's YAML (1.2) does not read: the keys it names would be missing; write them out here instead of "<<: *name"`,
      );
    return { data: null, lines, values };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // Aliases (*name) that expand a short front matter past what YAML's reader allows (a "billion
    // laughs"): the reader refuses, and the error is said at the first alias, not thrown.
    let alias = 0;
    visit(doc, {
      Alias(_, node) {
        alias = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    push(
      alias,
      `invalid YAML front matter: ${oneLine(e instanceof Error ? e.message : String(e))}; its aliases (*name) repeat too much: write the values out`,
    );
    return { data: null, lines, values };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({
      severity: 'error',
      file: path,
      line: firstLine,
      column: 1,
      message:
        yamlText.trim() === ''
          ? 'the front matter is empty: the --- line before this one closes it at once; a document starts with one --- line, then id:, title: and the other keys, then one closing --- line (is a --- line doubled?)'
          : 'front matter must be a YAML mapping of keys (id, title, publisher, …)',
    });
    return { data: null, lines, values };
  }
  type Keyed = { key: { value?: unknown; range?: number[] }; value?: { value?: unknown; range?: number[] } };
  const contents = doc.contents as {
    items?: Array<Keyed & { value?: { items?: Array<Keyed & { value?: { items?: Keyed[] } }> } }>;
  };
  const lineOf = (range: number[]) => lineCounter.linePos(range[0]).line + firstLine - 1;
  // A value's position, when one is written (an empty `published:` has none to point at).
  const valueAt = (name: string, node: Keyed['value']) => {
    if (!node?.range || node.range[1] <= node.range[0]) return;
    const p = lineCounter.linePos(node.range[0]);
    values[name] = { line: p.line + firstLine - 1, column: p.col };
  };
  for (const item of contents.items ?? []) {
    const key = String(item.key?.value);
    if (item.key?.range) lines[key] = lineOf(item.key.range);
    valueAt(key, item.value);
    // A text field keeps the characters written: YAML reads "id: 0012" as 12 and a hash of
    // digits as a number, which would change the id or misquote the hash.
    const v = item.value;
    if (TEXT_FIELDS.has(key) && typeof v?.value === 'number' && v.range)
      (data as Record<string, unknown>)[key] = yamlText.slice(v.range[0], v.range[1]).trim();
    for (const sub of item.value?.items ?? []) {
      if (!sub.key?.range) continue;
      const subKey = `${key}.${String(sub.key.value)}`;
      lines[subKey] = lineOf(sub.key.range);
      valueAt(subKey, sub.value);
      for (const leaf of sub.value?.items ?? [])
        if (leaf.key?.range) {
          lines[`${subKey}.${String(leaf.key.value)}`] = lineOf(leaf.key.range);
          valueAt(`${subKey}.${String(leaf.key.value)}`, leaf.value);
        }
    }
  }
  return { data: data as Record<string, unknown>, lines, values };
}

/** YAML's reasons, said in a front matter's terms: what to change on the line. */
const YAML_HINTS: ReadonlyArray<[RegExp, string]> = [
  [
    /keys need to be on a single line/,
    'each line is "key: value", and a value that goes on over several lines continues on lines indented under its key; is this line out of place, or a key missing its colon?',
  ],
  [
    /keys need to be followed by map values/,
    'this line has no "key:"; write "key: value", or indent it under the key whose value it continues',
  ],
  [
    /Nested mappings are not allowed in compact mappings/,
    'a value with ": " in it (title: Strike: the aftermath) must be quoted: title: "Strike: the aftermath"',
  ],
  [/Tabs are not allowed as indentation/, 'indent with spaces'],
  [/must start at the same column|indent/i, 'indent the keys of one place (or the items of one list) alike'],
  [/escape/i, 'in "double quotes" a backslash starts an escape: write \\\\ for a backslash, or use single quotes'],
  [/Map keys must be unique/, 'a key is given twice here: keep one'],
];

function yamlHint(what: string): string {
  const hint = YAML_HINTS.find(([re]) => re.test(what));
  return hint ? `; ${hint[1]}` : '';
}

/** The first quote or flow bracket of a YAML text that is never closed, from its tokens. */
export function unclosedOpener(yamlText: string): { offset: number; char: string } | null {
  const flows: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(yamlText)) {
    const type = CST.tokenType(token);
    // The lexer's control tokens (document, scalar and flow-end markers) stand for no source text.
    const length =
      token.length === 1 && token < ' ' && token !== '\n' && token !== '\t' && token !== '\r' ? 0 : token.length;
    if (type === 'double-quoted-scalar' || type === 'single-quoted-scalar') {
      const q = token[0];
      const closed = q === '"' ? /^"(?:[^"\\]|\\[\s\S])*"$/.test(token) : /^'(?:[^']|'')*'$/.test(token);
      if (!closed) return { offset, char: q };
    } else if (type === 'flow-map-start' || type === 'flow-seq-start') flows.push(offset);
    else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flows.length > 0) flows.pop();
    offset += length;
  }
  return flows.length > 0 ? { offset: flows[0], char: yamlText[flows[0]] } : null;
}

function setAttribute(f: Found, key: string, value: string, at: Token['start']) {
  f.attributes[key] = value;
  f.attributePositions[key] = { line: at.line, column: at.column };
}

/**
 * Text that looks like annotation markup but was not read as an annotation: annotation markup left
 * in the text (a lost colon, attributes cut off from their words, an annotation inside code or HTML).
 * Published text essentially never has "]{", "{#", ":word[" or "[event[", so each is an error at its
 * first character that says how to write it if it really is the source's text. `skip(i)` is true for a
 * character that is markup already read, or escaped.
 */
function checkStray(
  src: string,
  from: number,
  to: number,
  skip: (i: number) => boolean,
  reported: Set<number>,
  error: (l: number, c: number, m: string) => void,
) {
  const findings: Array<{ at: number; message: string }> = [];
  const snippet = (a: number, b: number) => oneLine(src.slice(a, Math.min(b, a + 50, to))) + (b - a > 50 ? '…' : '');
  const kinds = ANNOTATION_KINDS.join('|');
  const isKind = (word: string) => (ANNOTATION_KINDS as readonly string[]).includes(word);
  const patterns: Array<[RegExp, (m: RegExpExecArray) => void]> = [
    [
      /\]\{/g,
      (m) => {
        const close = m.index;
        if (skip(close) || skip(close + 1)) return;
        const open = matchingBracket(src, close, from, skip);
        let start = open === -1 ? close : open;
        let word = '';
        if (open !== -1) {
          const w = /[\p{L}\p{N}_-]+$/u.exec(src.slice(Math.max(from, open - 40), open));
          if (w) {
            word = w[0];
            start = open - word.length;
          }
          // ":x[…]{" not read as an annotation is reported as such below; "[event[…]{" (its colon typed as "[") is one mistake.
          if (start > from && src[start - 1] === ':' && !skip(start - 1)) return;
          // "：event[…]{" (a look-alike colon) is reported below, at the colon.
          if (start > from && COLON_LOOKALIKES.includes(src[start - 1]) && isKind(word)) return;
          if (start > from && src[start - 1] === '[' && !skip(start - 1)) start--;
        }
        const braceEnd = src.indexOf('}', close);
        const end = braceEnd === -1 || braceEnd > to ? close + 2 : braceEnd + 1;
        const known = (ANNOTATION_KINDS as readonly string[]).includes(word);
        findings.push({
          at: start,
          message: known
            ? `"${snippet(start, end)}" is an annotation that lost its colon; write :${word}[…]{…}, or, if it is the source's own text, write the brace as "]\\{"`
            : `"${snippet(start, end)}" looks like annotation markup ("]{") left in the text; an annotation is :kind[the words]{attributes} with kind one of ${ANNOTATION_KINDS.join(', ')}; if it is the source's own text, write the brace as "]\\{"`,
        });
      },
    ],
    [
      // "{#id …}", and "{of=kyiv}" or "{note="…"}": attributes cut off from their words by a space or a
      // line break ("]{…} {note=…}", ":place[Kyiv] {of=kyiv}"), which would be kept in the text and lost
      // from the annotation.
      /\{[ \t]*(?:#|\.[A-Za-z_]|[A-Za-z_][\w-]*=)/g,
      (m) => {
        // Right after a "]" it is the same mistake as that "]{", reported once.
        if (skip(m.index) || (src[m.index - 1] === ']' && !skip(m.index - 1))) return;
        const braceEnd = src.indexOf('}', m.index);
        let before = m.index;
        while (before > from && /[ \t\r\n]/.test(src[before - 1])) before--;
        const gap = before < m.index && (src[before - 1] === ']' || src[before - 1] === '}');
        findings.push({
          at: m.index,
          message: `"${snippet(m.index, braceEnd === -1 ? m.index + 20 : braceEnd + 1)}" looks like annotation attributes left in the text${gap ? ` (a ${/[\r\n]/.test(src.slice(before, m.index)) ? 'line break' : 'space'} stands between them and the "${src[before - 1]}" before)` : ''}: attributes follow an annotation's "]" directly, as :place[Kyiv]{#kyiv}, and an annotation has one {…}; if it is the source's own text, write the brace as "\\{"`,
        });
      },
    ],
    [
      /(?<![\\:]):\p{L}[\p{L}\p{N}_-]*\[/gu,
      (m) => {
        if (skip(m.index) || reported.has(m.index)) return;
        if (inLink(src, from, m.index)) {
          // "File:Map[1]" in a link is the link's; a whole ":place[…]{…}" there is an annotation the
          // annotator wrote and the Markdown reader does not see inside a link: it would be lost.
          const whole = new RegExp(`^:(?:${kinds})\\[[^\\]\\n]*\\]\\{`).exec(src.slice(m.index, m.index + 400));
          const brace = whole ? src.indexOf('}', m.index + whole[0].length) : -1;
          if (whole)
            findings.push({
              at: m.index,
              message: `"${snippet(m.index, brace === -1 ? m.index + whole[0].length : brace + 1)}" is an annotation inside a link, where annotations are not read; annotate the link's words, not its address, or, if it is the source's own text, write the colon as "\\:"`,
            });
          return;
        }
        const close = src.indexOf(']', m.index);
        findings.push({
          at: m.index,
          message: `"${snippet(m.index, close === -1 || close - m.index > 40 ? m.index + 40 : close + 1)}" looks like an annotation but was not read as one (is it unterminated, or inside code or HTML?); if the colon is the source's own text, write it as "\\:"`,
        });
      },
    ],
    [
      new RegExp(`[${COLON_LOOKALIKES}](?:${kinds})\\[`, 'g'),
      (m) => {
        if (skip(m.index)) return;
        const close = src.indexOf(']', m.index);
        findings.push({
          at: m.index,
          message: `"${snippet(m.index, close === -1 || close - m.index > 40 ? m.index + 40 : close + 1)}" has ${describeCharacter(src[m.index])} where an annotation's colon goes, so it is not read as one; write an ASCII ":" (:${m[0].slice(1, -1)}[…]{…}), or, if it is the source's own text, write the bracket as "\\["`,
        });
      },
    ],
    [
      new RegExp(`\\[(?:${kinds})\\[`, 'g'),
      (m) => {
        if (skip(m.index) || skip(m.index + m[0].length - 1)) return;
        findings.push({
          at: m.index,
          message: `"${snippet(m.index, m.index + 40)}" looks like an annotation whose colon became "["; write :${m[0].slice(1, -1)}[…]{…}, or, if it is the source's own text, write the brackets as "\\["`,
        });
      },
    ],
  ];
  for (const [pattern, handle] of patterns) {
    pattern.lastIndex = from;
    for (let m = pattern.exec(src); m && m.index < to; m = pattern.exec(src)) handle(m);
  }
  // One error per piece of markup: a lost colon's "[event[" and its "]{" are the same mistake.
  findings.sort((a, b) => a.at - b.at);
  let last = -1;
  for (const f of findings) {
    if (reported.has(f.at) || f.at === last) continue;
    last = f.at;
    const p = locate(src, f.at);
    error(p.line, p.column, f.message);
  }
}

/** "https://example.org/wiki/File:Map[1]": inside a link, a colon and a bracket are the link's. */
function inLink(src: string, from: number, offset: number): boolean {
  return /:\/\/\S*$/.test(src.slice(Math.max(from, offset - 300), offset));
}

/**
 * A test for "is offset i inside one of these spans, or one of these offsets", answered in constant
 * time: the stray-markup scan asks it for every character it walks back over, so a scan over the spans
 * made a document of a few thousand nested annotations take minutes.
 */
function covered(
  length: number,
  spans: ReadonlyArray<readonly [number, number]>,
  offsets: ReadonlySet<number>,
): (i: number) => boolean {
  const depth = new Int32Array(length + 1);
  for (const [a, b] of spans) {
    if (b <= a) continue;
    depth[Math.max(0, Math.min(a, length))]++;
    depth[Math.max(0, Math.min(b, length))]--;
  }
  const mask = new Uint8Array(length + 1);
  for (let i = 0, d = 0; i < length; i++) {
    d += depth[i];
    mask[i] = d > 0 ? 1 : 0;
  }
  for (const i of offsets) if (i >= 0 && i <= length) mask[i] = 1;
  return (i) => i >= 0 && i <= length && mask[i] === 1;
}

/** The "[" that a "]" closes, on the same paragraph, or -1. */
function matchingBracket(src: string, close: number, from: number, skip: (i: number) => boolean): number {
  let depth = 0;
  for (let i = close - 1; i >= from && close - i < 2000; i--) {
    const c = src[i];
    if (c === '\n' && src[i - 1] === '\n') return -1;
    if (skip(i)) continue;
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * A text's positions: the 1-based line and column (`col`, UTF-16 code units) of an offset, lines ending
 * at LF, CRLF or a bare CR as locate() counts them; each look-up is a binary search.
 */
export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  const breaks = /\r\n?|\n/g;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  };
}

/**
 * 1-based line and column of an offset. A line ends at LF, CRLF or a bare CR, as in micromark (whose
 * tokens place most errors), editors and the LSP: every position of one document counts lines alike.
 */
export function locate(src: string, offset: number): { line: number; column: number } {
  // The last text's line index is kept: a document with tens of thousands of errors locates each one
  // by a binary search, not by a scan from its start (which made such a document take minutes).
  if (located?.src !== src) located = { src, at: lineIndex(src) };
  const { line, col } = located.at(offset);
  return { line, column: col };
}
let located: { src: string; at: (offset: number) => { line: number; col: number } } | null = null;

/**
 * `source` with `text_sha256:` in its front matter set to the hash of its text, every other byte
 * unchanged: the value of an existing top-level `text_sha256:` line is replaced, or a line is added
 * before the closing ---. Refused (diagnostics, no source) when the document does not parse cleanly,
 * since then its text is not what the annotator means, or when the published text beside it differs.
 */
export function stampSource(
  path: string,
  source: string,
  original: string | null = null,
): { source: string; hash: string } | { diagnostics: Diagnostic[] } {
  const parsed = parseDocumentText(path, source);
  const hashLine = parsed.frontMatterLines.text_sha256 ?? -1;
  const others = parsed.diagnostics.filter((d) => d.severity === 'error' && d.line !== hashLine);
  if (others.length > 0 || !parsed.frontMatter) return { diagnostics: others.length > 0 ? others : parsed.diagnostics };
  if (original !== null && original !== parsed.text) {
    // Where it departs: check the text against the original's hash, as a build would.
    const trial = parseDocumentText(path, withTextHash(source, textSha256(original)).source, { original });
    const d = trial.diagnostics.find((x) => /departs here/.test(x.message));
    const shift = hashLine === -1 ? 1 : 0;
    return {
      diagnostics: [
        {
          severity: 'error',
          file: path,
          line: d ? d.line - shift : 1,
          column: d ? d.column : 1,
          message: `not stamped: ${d?.message ?? 'the text differs from the published text beside it'}`,
        },
      ],
    };
  }
  return { ...withTextHash(source, textSha256(parsed.text)) };
}

/** `source` with its front matter's text_sha256 line set to `hash` (replaced, or added before the closing ---). */
function withTextHash(source: string, hash: string): { source: string; hash: string } {
  const eol = /\r\n/.test(source) ? '\r\n' : '\n';
  const lines = source.split(/(?<=\n)/);
  const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?\n?$/.test(l));
  const existing = lines.findIndex((l, i) => i > 0 && i < close && /^text_sha256:/.test(l));
  if (existing !== -1) lines[existing] = lines[existing].replace(/^text_sha256:[^\r\n]*/, `text_sha256: ${hash}`);
  else lines.splice(close, 0, `text_sha256: ${hash}${eol}`);
  return { source: lines.join(''), hash };
}
