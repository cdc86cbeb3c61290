/**
 * sentences: the sentence(s) of a text around an offset, for excerpts that the annotation does not
 * delimit itself (a range's "600-700 km" is excerpted as its whole sentence). Uses the platform's
 * Unicode sentence segmentation, without breaking after common abbreviations ("U.S."). Pure.
 */
import { NON_TERMINAL_ABBREVIATIONS } from '../constants.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATION = new RegExp(`(?:^|[\\s(“"'])(?:${NON_TERMINAL_ABBREVIATIONS.map((a) => a.replace(/\./g, '\\.')).join('|')})\\s*$`, 'i');

/** [start, end) of each sentence, trailing spaces excluded, line breaks always ending one. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let pendingStart: number | null = null;
  for (const { index, segment } of segmenter.segment(text)) {
    const start: number = pendingStart ?? index;
    const endsLine = /\n\s*$/.test(segment);
    if (!endsLine && ABBREVIATION.test(segment)) {
      pendingStart = start;
      continue;
    }
    pendingStart = null;
    const trimmed = segment.replace(/\s+$/, '');
    if (trimmed.length > 0) spans.push([start, index + trimmed.length]);
  }
  if (pendingStart !== null && pendingStart < text.length) spans.push([pendingStart, text.replace(/\s+$/, '').length]);
  return spans;
}

/** The span of the sentence containing [start, end), extended by `before` preceding sentences. */
export function sentenceAround(spans: Array<[number, number]>, start: number, end: number, before = 0): [number, number] {
  const first = spans.findIndex(([, e]) => e > start);
  if (first === -1) return [start, end];
  let last = first;
  while (last + 1 < spans.length && spans[last][1] < end) last++;
  const from = Math.max(0, first - before);
  return [Math.min(spans[from][0], start), Math.max(spans[last][1], end)];
}
