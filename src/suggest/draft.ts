/**
 * draft: an article's text and its suggestions → a complete document in our format (front matter,
 * then the text with `:kind[words]{attributes review=pending confidence=… reason="…"}`). Removing the
 * annotations gives back the text byte for byte: a colon before a letter is escaped as `\:` (the build
 * drops that backslash), and annotations that would cross another or wrap unsafe words are left out.
 * Pure.
 */
import { stringify } from 'yaml';
import { textSha256 } from '../compiler/parse.js';
import type { Suggestion } from './suggestion.js';
import { labelSafe } from './text.js';

export interface DraftMeta {
  id: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  notes: string | null;
}

/** `key=value`, quoted when it must be; `&` and `"` as character references, which the build decodes. */
function attribute(key: string, value: string): string {
  if (key === 'id') return `#${value}`;
  if (/^[A-Za-z0-9._:/-]+$/.test(value)) return `${key}=${value}`;
  return `${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\\/g, '&#92;').replace(/\n/g, ' ')}"`;
}

function attributes(s: Suggestion): string {
  const parts = Object.entries(s.attributes).map(([k, v]) => attribute(k, v));
  parts.push('review=pending', `confidence=${s.confidence.toFixed(2)}`);
  if (s.reason) parts.push(attribute('reason', s.reason));
  return `{${parts.join(' ')}}`;
}

/**
 * The text written so that the build reads it back as it is (parse.ts): brackets and braces, a colon
 * before a letter or digit (it would start a directive), and any of : [ ] { } after backslashes are
 * escaped with a backslash, the backslashes before them doubled. Other text is left as it is.
 * `beforeMarkup`: markup follows, so a final colon is escaped ("a:" + ":place[" would read "::place")
 * and final backslashes are doubled (they would escape the markup's first character).
 */
export function escapeText(text: string, beforeMarkup = false): string {
  // biome-ignore lint/suspicious/noShadowRestrictedNames: a local helper; the deprecated global escape() is never used
  const escape = (t: string) =>
    t.replace(
      /(\\*)([[\]{}]|:(?=[\p{L}\p{N}_])|(?<=\\):)/gu,
      (_, slashes: string, c: string) => `${slashes}${slashes}\\${c}`,
    );
  if (!beforeMarkup) return escape(text);
  const [tail, slashes, colon] = /(\\*)(:?)$/u.exec(text) as RegExpExecArray;
  return `${escape(text.slice(0, text.length - tail.length))}${slashes}${slashes}${colon ? '\\:' : ''}`;
}

/**
 * The suggestions that can be written together: properly nested (an event may hold places, a weapon a
 * range), none crossing another, none empty or wrapping unsafe words. Earlier and longer ones win.
 */
export function nestable(text: string, suggestions: readonly Suggestion[]): Suggestion[] {
  // After a backslash, an annotation's colon would read as an escaped one.
  const sorted = [...suggestions]
    .filter((s) => s.end > s.start && text[s.start - 1] !== '\\' && labelSafe(text.slice(s.start, s.end)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Suggestion[] = [];
  for (const s of sorted) {
    const crosses = kept.some((k) => (s.start < k.end && s.end > k.end) || (s.start === k.start && s.end === k.end));
    if (!crosses) kept.push(s);
  }
  return kept;
}

/** The body: the text with the suggestions written in. */
export function annotateText(text: string, suggestions: readonly Suggestion[]): string {
  return writeMarks(text, nestable(text, suggestions), attributes);
}

/** A span of text marked as `:kind[…]`, closed by `]` and what `close` writes after it. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

/**
 * The text with nesting marks written in, the text between them escaped. At one offset, closings come
 * before openings, inner closings first.
 */
export function writeMarks<M extends Mark>(text: string, marks: Iterable<M>, close: (mark: M) => string): string {
  const opens = new Map<number, M[]>();
  const closes = new Map<number, M[]>();
  for (const s of marks) {
    (opens.get(s.start) ?? opens.set(s.start, []).get(s.start)!).push(s);
    (closes.get(s.end) ?? closes.set(s.end, []).get(s.end)!).push(s);
  }
  for (const c of closes.values()) c.sort((a, b) => b.start - a.start);
  const cuts = [...new Set([0, text.length, ...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  let out = '';
  for (let n = 0; n < cuts.length; n++) {
    const at = cuts[n];
    for (const s of closes.get(at) ?? []) out += `]${close(s)}`;
    for (const s of opens.get(at) ?? []) out += `:${s.kind}[`;
    if (n + 1 < cuts.length)
      out += escapeText(
        text.slice(at, cuts[n + 1]),
        cuts[n + 1] < text.length || opens.has(cuts[n + 1]) || closes.has(cuts[n + 1]),
      );
  }
  return out;
}

/** The whole draft document. */
export function writeDraft(meta: DraftMeta, text: string, suggestions: readonly Suggestion[]): string {
  const front = stringify(
    {
      id: meta.id,
      title: meta.title,
      publisher: meta.publisher,
      author: meta.author,
      published: meta.published,
      url: meta.url,
      language: 'en',
      notes: meta.notes,
      // The build checks the text against it: an edit that changes a word of the source is an error.
      text_sha256: textSha256(text),
    },
    { lineWidth: 0 },
  );
  // The text as given, to its last byte (a final line break is the text's, and kept).
  return `---\n${front}---\n${annotateText(text, suggestions)}`;
}
