/**
 * parse: one annotated Markdown document → its metadata, its plain source text and its annotations.
 *
 * Annotations are generic text directives (`:place[Dnipro]{#dnipro}`), parsed by remark-directive
 * with source positions. The plain text is made by cutting the directive markup out of the raw
 * source, so it is the source document byte for byte; excerpts are slices of it, never rebuilt.
 * Pure: text in, data and diagnostics out.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import { LineCounter, parseDocument } from 'yaml';
import type { Node, Parent } from 'unist';
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

interface Position { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } }
interface DirectiveNode extends Parent { type: 'textDirective' | 'leafDirective' | 'containerDirective'; name: string; attributes?: Record<string, string | null | undefined> | null; position?: Position }

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

/** Parses Markdown with directives into mdast (the floor the benchmark compares against). */
export function parseMarkdown(source: string): Parent {
  return processor.parse(source) as Parent;
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
  if (source.includes('\uFFFD')) {
    const at = locate(source, source.indexOf('\uFFFD'));
    error(at.line, at.column, 'invalid UTF-8 (a byte sequence decoded as U+FFFD); save the document as UTF-8');
    return empty;
  }
  const src = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (src.trim() === '') {
    error(1, 1, 'empty document; expected YAML front matter between --- lines, then the annotated text');
    return empty;
  }

  const tree = parseMarkdown(src);
  const first = tree.children[0] as (Node & { value?: string; position?: Position }) | undefined;
  if (!first || first.type !== 'yaml' || !first.position) {
    error(1, 1, 'missing front matter; a document starts with a --- line, YAML (id, title, publisher, …), and a closing --- line');
    return empty;
  }

  const { data: frontMatter, lines: frontMatterLines } = readFrontMatter(path, first.value ?? '', diagnostics);

  // The body starts after the closing fence and its line ending.
  let bodyStart = first.position.end.offset ?? 0;
  if (src.startsWith('\r\n', bodyStart)) bodyStart += 2;
  else if (src[bodyStart] === '\n') bodyStart += 1;
  // An editor's final newline is not part of the source text.
  let bodyEnd = src.length;
  if (src.endsWith('\r\n')) bodyEnd -= 2;
  else if (src.endsWith('\n')) bodyEnd -= 1;
  bodyEnd = Math.max(bodyEnd, bodyStart);

  const cuts: Array<[number, number]> = [];
  const found: Array<{ node: DirectiveNode; labelStart: number; labelEnd: number; parent: number | null }> = [];
  const directiveStarts: number[] = [];
  const walk = (node: Node, parent: number | null) => {
    let here = parent;
    if (isDirective(node)) {
      const pos = node.position!;
      const start = pos.start.offset!;
      directiveStarts.push(start);
      const end = pos.end.offset!;
      if (node.type !== 'textDirective') {
        error(pos.start.line, pos.start.column, `block directive "${src.slice(start, src.indexOf('\n', start) === -1 ? end : src.indexOf('\n', start))}" is not supported; annotations are inline: :${ANNOTATION_KINDS.join('[…]{…}, :')}[…]{…}`);
      } else if (!(ANNOTATION_KINDS as readonly string[]).includes(node.name)) {
        error(pos.start.line, pos.start.column, `unknown annotation kind ":${node.name}" in "${src.slice(start, Math.min(end, start + 60))}"; allowed kinds: ${ANNOTATION_KINDS.join(', ')} (write a literal colon before a letter as "\\:")`);
      } else {
        const labelStart = start + 1 + node.name.length + 1;
        if (end < labelStart) {
          error(pos.start.line, pos.start.column, src[labelStart - 1] === '['
            ? `unterminated annotation "${src.slice(start, Math.min(src.length, start + 40))}…": its [text] has no closing "]" (or is broken by a blank line); write :${node.name}[the words of the source]{attributes}`
            : `annotation ":${node.name}" has no [text]; write :${node.name}[the words of the source]{attributes}`);
        } else {
          const last = node.children.at(-1) as (Node & { position?: Position }) | undefined;
          const labelEnd = last?.position?.end.offset ?? labelStart;
          if (labelEnd === labelStart) {
            error(pos.start.line, pos.start.column, `annotation ":${node.name}[]" has empty text; it must wrap the words of the source it annotates`);
          } else {
            cuts.push([start, labelStart], [labelEnd, end]);
            here = found.length;
            found.push({ node, labelStart, labelEnd, parent });
          }
        }
      }
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child, here);
  };
  for (const child of tree.children.slice(1)) walk(child, null);

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

  const annotations: Annotation[] = found.map(({ node, labelStart, labelEnd, parent }) => {
    const pos = node.position!;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attributes ?? {})) attributes[k] = v ?? '';
    const s = map(labelStart);
    const e = map(labelEnd);
    return {
      kind: node.name as AnnotationKind,
      attributes,
      label: text.slice(s, e),
      start: s,
      end: e,
      line: pos.start.line,
      column: pos.start.column,
      parent,
      attributePositions: attributePositions(src, labelEnd, pos.end.offset!, attributes),
    };
  });

  checkStray(src, bodyStart, bodyEnd, directiveStarts, error);
  return { path, frontMatter, frontMatterLines, text, annotations, diagnostics };
}

function isDirective(node: Node): node is DirectiveNode {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
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

/** Finds where each attribute key stands in `{…}` after the label, for located errors. */
function attributePositions(src: string, labelEnd: number, end: number, attributes: Record<string, string>) {
  const out: Record<string, { line: number; column: number }> = {};
  const braces = src.slice(labelEnd, end);
  for (const key of Object.keys(attributes)) {
    const pattern = key === 'id' ? /#/ : new RegExp(`(^|[\\s{])${key.replace(/[-.]/g, '\\$&')}=`);
    const m = pattern.exec(braces);
    if (m) out[key] = locate(src, labelEnd + m.index + (m[1]?.length ?? 0));
  }
  return out;
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
