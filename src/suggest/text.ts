/**
 * text: the spans of an article a draft may annotate, and its sentences. Markdown code (fenced,
 * indented, inline), HTML tags and link targets are not prose: a directive there would not be read
 * (or would change the text), so nothing is suggested inside them. Pure.
 */
import { sentenceSpans } from '../compiler/sentences.js';

export interface ArticleText {
  text: string;
  /** [start, end) of each sentence; line breaks always end one. */
  sentences: Array<[number, number]>;
  /** [start, end) spans where nothing may be annotated, sorted. */
  blocked: Array<[number, number]>;
}

const BLANK = /^[ \t\r]*$/;

/** What ends the HTML block a line opens: its closing text, or a blank line. */
function htmlBlockEnd(line: string): RegExp {
  const raw = /^\s*<(script|pre|style|textarea)\b/i.exec(line);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  if (/^\s*<!--/.test(line)) return /-->/;
  if (/^\s*<\?/.test(line)) return /\?>/;
  if (/^\s*<!\[CDATA\[/.test(line)) return /\]\]>/;
  if (/^\s*<![A-Za-z]/.test(line)) return />/;
  return BLANK;
}

export function articleText(text: string): ArticleText {
  const blocked: Array<[number, number]> = [];
  let fence: string | null = null;
  // An HTML block runs from a line that opens with "<" to its end marker: a blank line, or for
  // <script>, <pre>, <style>, <textarea>, comments and the like, their closing text (CommonMark 4.6).
  let html: RegExp | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (html !== null) {
      if (html.source === BLANK.source && BLANK.test(line)) html = null;
      else {
        blocked.push([offset, end]);
        if (html.test(line)) html = null;
      }
    } else if (fence !== null) {
      blocked.push([offset, end]);
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    } else if (fenceMark) {
      fence = fenceMark;
      blocked.push([offset, end]);
    } else if (/^[ \t]*(?:(?:[*+-]|\d{1,9}[.)]|>)[ \t])*(?: {4}|\t)/.test(line)) {
      // Indented code, also inside a list item or quote ("*     code").
      blocked.push([offset, end]);
    } else if (/^\s*</.test(line)) {
      blocked.push([offset, end]);
      const closer = htmlBlockEnd(line);
      if (!closer.test(line) || closer.source === BLANK.source) html = closer;
    }
    offset = end + 1;
  }
  for (const m of text.matchAll(/<[^>\n]*>|\]\([^)\n]*\)|https?:\/\/\S+/g))
    blocked.push([m.index, m.index + m[0].length]);
  // Inline code: a run of backticks to the next run of the same length; it may cross a line break
  // ("`a\r\nb`" is one code span in Markdown), not a blank line.
  for (const m of text.matchAll(/(`+)([\s\S]*?)(?<!`)\1(?!`)/g)) {
    if (!/\n[ \t]*\r?\n/.test(m[2])) blocked.push([m.index, m.index + m[0].length]);
  }
  blocked.sort((a, b) => a[0] - b[0]);
  return { text, sentences: sentenceSpans(text), blocked };
}

/** Whether [start, end) touches a blocked span. */
export function isBlocked(t: ArticleText, start: number, end: number): boolean {
  for (const [a, b] of t.blocked) {
    if (a >= end) break;
    if (b > start) return true;
  }
  return false;
}

/** Index of the sentence containing offset, or -1. */
export function sentenceIndexAt(t: ArticleText, offset: number): number {
  let lo = 0;
  let hi = t.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = t.sentences[mid];
    if (offset < a) hi = mid - 1;
    else if (offset >= b) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether a label may be written as `[…]`: brackets balanced, no backslash (Markdown escapes would shift the text). */
export function labelSafe(label: string): boolean {
  let depth = 0;
  for (const ch of label) {
    if (ch === '[') depth++;
    else if (ch === ']' && --depth < 0) return false;
    else if (ch === '\\' || ch === '`' || ch === '<') return false;
  }
  return depth === 0 && !label.includes('\n');
}
