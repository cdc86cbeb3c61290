/**
 * parse: one annotated Markdown document → its metadata, its plain source text and its annotations.
 *
 * Annotations are generic text directives (`:place[Dnipro]{#dnipro}`), tokenized by micromark with
 * micromark-extension-directive, whose events carry exact source positions. The build reads those
 * events directly (no syntax tree is needed). The plain text is made by cutting the directive markup
 * out of the raw source, so it is the source document byte for byte; excerpts are slices of it.
 * Pure: text in, data and diagnostics out.
 */
import { parse as micromarkParse, postprocess, preprocess } from 'micromark';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { decodeString } from 'micromark-util-decode-string';
import type { Event, Token } from 'micromark-util-types';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../contract.js';

export const ANNOTATION_KINDS = ['place', 'event', 'weapon', 'range'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

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
}

export interface ParsedDocument {
  path: string;
  /** The front matter as YAML data; null when it is missing or invalid. */
  frontMatter: Record<string, unknown> | null;
  /** 1-based line of each top-level and second-level front-matter key (`places.kapustin-yar`). */
  frontMatterLines: Record<string, number>;
  /** The source text: the body with annotation markup removed. */
  text: string;
  annotations: Annotation[];
  diagnostics: Diagnostic[];
}

const extensions = [directive(), frontmatter(['yaml'])];

/** Tokenizes Markdown with directives and front matter: the parser the build stands on (its floor). */
export function tokenize(source: string): Event[] {
  return postprocess(micromarkParse({ extensions }).document().write(preprocess()(source, undefined, true)));
}

interface Found {
  name: string;
  start: Token['start'];
  end: number;
  labelStart: number;
  labelEnd: number;
  hasLabel: boolean;
  attributes: Record<string, string>;
  attributePositions: Record<string, { line: number; column: number }>;
  parent: number | null;
}

/** Parses one annotated document. Never throws on bad input: problems come back as diagnostics. */
export function parseDocumentText(path: string, source: string): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: number, message: string) =>
    diagnostics.push({ severity: 'error', file: path, line, column, message });
  const empty: ParsedDocument = { path, frontMatter: null, frontMatterLines: {}, text: '', annotations: [], diagnostics };

  if (source.includes('\u0000')) {
    error(1, 1, 'not a text file (it contains NUL bytes); documents are UTF-8 Markdown');
    return empty;
  }
  const src = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (src.trim() === '') {
    error(1, 1, 'empty document; expected YAML front matter between --- lines, then the annotated text');
    return empty;
  }

  const events = tokenize(src);
  const yaml = (events[0]?.[1].type as string) === 'yaml' ? events[0][1] : null;
  if (!yaml) {
    error(1, 1, 'missing front matter; a document starts with a --- line, YAML (id, title, publisher, …), and a closing --- line');
    return empty;
  }
  // The YAML is everything between the two fence lines (micromark gives it a token per line).
  const fences = events.filter(([kind, t]) => kind === 'enter' && (t.type as string) === 'yamlFence').map(([, t]) => t);
  const yamlText = fences.length === 2 ? src.slice(fences[0].end.offset, fences[1].start.offset).replace(/^\r?\n/, '').replace(/\r?\n$/, '') : '';
  const { data: frontMatter, lines: frontMatterLines } = readFrontMatter(path, yamlText, diagnostics);

  // The body starts after the closing fence and its line ending.
  let bodyStart = yaml.end.offset;
  if (src.startsWith('\r\n', bodyStart)) bodyStart += 2;
  else if (src[bodyStart] === '\n') bodyStart += 1;
  // An editor's final newline is not part of the source text.
  let bodyEnd = src.length;
  if (src.endsWith('\r\n')) bodyEnd -= 2;
  else if (src.endsWith('\n')) bodyEnd -= 1;
  bodyEnd = Math.max(bodyEnd, bodyStart);

  const found: Found[] = [];
  const directiveStarts: number[] = [];
  const open: number[] = [];
  let attributeName: string | null = null;
  let attributeAt: Token['start'] | null = null;
  for (const [kind, token] of events) {
    const type = token.type as string;
    if (type === 'directiveLeaf' || type === 'directiveContainer') {
      if (kind === 'enter') {
        directiveStarts.push(token.start.offset);
        const lineEnd = src.indexOf('\n', token.start.offset);
        error(token.start.line, token.start.column, `block directive "${src.slice(token.start.offset, lineEnd === -1 ? token.end.offset : lineEnd)}" is not supported; annotations are inline: ${ANNOTATION_KINDS.map((k) => `:${k}[…]{…}`).join(', ')}`);
      }
      continue;
    }
    if (!type.startsWith('directiveText')) continue;
    const current = found[open[open.length - 1]];
    if (type === 'directiveText') {
      if (kind === 'enter') {
        directiveStarts.push(token.start.offset);
        open.push(found.length);
        found.push({ name: '', start: token.start, end: token.end.offset, labelStart: -1, labelEnd: -1, hasLabel: false, attributes: {}, attributePositions: {}, parent: open.length > 1 ? open[open.length - 2] : null });
      } else open.pop();
    } else if (kind === 'enter' && current) {
      switch (type) {
        case 'directiveTextName': current.name = src.slice(token.start.offset, token.end.offset); break;
        case 'directiveTextLabel': current.hasLabel = true; current.labelStart = token.start.offset + 1; current.labelEnd = token.end.offset - 1; break;
        case 'directiveTextAttributeIdValue': setAttribute(current, 'id', src.slice(token.start.offset, token.end.offset), token.start); break;
        case 'directiveTextAttributeClassValue': {
          const prior = current.attributes.class;
          setAttribute(current, 'class', prior ? `${prior} ${src.slice(token.start.offset, token.end.offset)}` : src.slice(token.start.offset, token.end.offset), token.start);
          break;
        }
        case 'directiveTextAttributeName':
          attributeName = src.slice(token.start.offset, token.end.offset);
          attributeAt = token.start;
          setAttribute(current, attributeName, '', token.start);
          break;
        case 'directiveTextAttributeValue':
          if (attributeName !== null) setAttribute(current, attributeName, decodeString(src.slice(token.start.offset, token.end.offset)), attributeAt!);
          break;
      }
    }
  }

  const cuts: Array<[number, number]> = [];
  const annotated: Found[] = [];
  const keptIndex = new Map<number, number>();
  found.forEach((f, i) => {
    const at = f.start;
    if (!(ANNOTATION_KINDS as readonly string[]).includes(f.name)) {
      error(at.line, at.column, `unknown annotation kind ":${f.name}" in "${src.slice(at.offset, Math.min(f.end, at.offset + 60))}"; allowed kinds: ${ANNOTATION_KINDS.join(', ')} (write a literal colon before a letter as "\\:")`);
    } else if (!f.hasLabel) {
      error(at.line, at.column, src[at.offset + 1 + f.name.length] === '['
        ? `unterminated annotation "${src.slice(at.offset, Math.min(src.length, at.offset + 40))}…": its [text] has no closing "]" (or is broken by a blank line); write :${f.name}[the words of the source]{attributes}`
        : `annotation ":${f.name}" has no [text]; write :${f.name}[the words of the source]{attributes}`);
    } else if (f.labelEnd <= f.labelStart) {
      error(at.line, at.column, `annotation ":${f.name}[]" has empty text; it must wrap the words of the source it annotates`);
    } else {
      cuts.push([at.offset, f.labelStart], [f.labelEnd, f.end]);
      keptIndex.set(i, annotated.length);
      annotated.push(f);
    }
  });
  // A literal colon escaped as "\:" loses its backslash, like any Markdown escape of that colon.
  for (let i = src.indexOf('\\:', bodyStart); i !== -1 && i < bodyEnd; i = src.indexOf('\\:', i + 2)) {
    if (!cuts.some(([a, b]) => i >= a && i < b)) cuts.push([i, i + 1]);
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
      if (offset < a) { result = out; hi = mid - 1; } else if (offset >= b) lo = mid + 1;
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
    };
  });

  checkStray(src, bodyStart, bodyEnd, directiveStarts, error);
  return { path, frontMatter, frontMatterLines, text, annotations, diagnostics };
}

function readFrontMatter(path: string, yamlText: string, diagnostics: Diagnostic[]) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lines: Record<string, number> = {};
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const p = lineCounter.linePos(e.pos[0]);
      diagnostics.push({ severity: 'error', file: path, line: p.line + 1, column: p.col, message: `invalid YAML front matter: ${e.message.split('\n')[0]}` });
    }
    return { data: null, lines };
  }
  const data = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ severity: 'error', file: path, line: 2, column: 1, message: 'front matter must be a YAML mapping of keys (id, title, publisher, …)' });
    return { data: null, lines };
  }
  const contents = doc.contents as { items?: Array<{ key: { value?: unknown; range?: number[] }; value?: { items?: Array<{ key: { value?: unknown; range?: number[] } }> } }> };
  for (const item of contents.items ?? []) {
    const key = String(item.key?.value);
    if (item.key?.range) lines[key] = lineCounter.linePos(item.key.range[0]).line + 1;
    for (const sub of item.value?.items ?? []) {
      if (sub.key?.range) lines[`${key}.${String(sub.key.value)}`] = lineCounter.linePos(sub.key.range[0]).line + 1;
    }
  }
  return { data: data as Record<string, unknown>, lines };
}

function setAttribute(f: Found, key: string, value: string, at: Token['start']) {
  f.attributes[key] = value;
  f.attributePositions[key] = { line: at.line, column: at.column };
}

/** Annotation-like text that the Markdown parser did not read as an annotation (e.g. inside code). */
function checkStray(src: string, from: number, to: number, parsedStarts: number[], error: (l: number, c: number, m: string) => void) {
  const seen = new Set(parsedStarts);
  const pattern = new RegExp(`(?<![\\\\\\w]):(?:${ANNOTATION_KINDS.join('|')})\\[`, 'g');
  pattern.lastIndex = from;
  for (let m = pattern.exec(src); m && m.index < to; m = pattern.exec(src)) {
    if (!seen.has(m.index)) {
      const p = locate(src, m.index);
      error(p.line, p.column, `"${src.slice(m.index, m.index + 40)}…" looks like an annotation but was not read as one (is it unterminated, or inside code or HTML?)`);
    }
  }
}

/** 1-based line and column of an offset. */
export function locate(src: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = src.indexOf('\n'); i !== -1 && i < offset; i = src.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: offset - lastBreak };
}
