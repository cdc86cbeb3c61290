/**
 * sentences: the sentence(s) of a text around an offset, for excerpts that the annotation does not
 * delimit itself (a range's "600-700 km" is excerpted as its whole sentence). Uses the platform's
 * Unicode sentence segmentation, without breaking after common abbreviations ("U.S."). Pure.
 */
import { NON_TERMINAL_ABBREVIATIONS } from '../constants.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATION = new RegExp(
  `(?:^|[\\s(“"'])(?:${NON_TERMINAL_ABBREVIATIONS.map((a) => a.replace(/\./g, '\\.')).join('|')})\\s*$`,
  'i',
);
/** "1:28 a.m." ends a sentence only when no time zone follows it: "at 1:28 a.m. EDT (0528 GMT) on Tuesday". */
const CLOCK_END = /\b[ap]\.m\.\s*$/i;
const TIME_ZONE_NEXT = /^(?:[ECMPA][SD]T|[A-Z]{1,2}ST|GMT|UTC|CES?T|EES?T|MSK|local time)\b/;

/** [start, end) of each sentence, trailing spaces excluded, line breaks always ending one. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let pendingStart: number | null = null;
  for (const { index, segment } of segmenter.segment(text)) {
    const start: number = pendingStart ?? index;
    const endsLine = /\n\s*$/.test(segment);
    const joinsNext =
      ABBREVIATION.test(segment) ||
      (CLOCK_END.test(segment) && TIME_ZONE_NEXT.test(text.slice(index + segment.length)));
    if (!endsLine && joinsNext) {
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
export function sentenceAround(
  spans: Array<[number, number]>,
  start: number,
  end: number,
  before = 0,
): [number, number] {
  const first = spans.findIndex(([, e]) => e > start);
  if (first === -1) return [start, end];
  let last = first;
  while (last + 1 < spans.length && spans[last][1] < end) last++;
  const from = Math.max(0, first - before);
  return [Math.min(spans[from][0], start), Math.max(spans[last][1], end)];
}

/**
 * sentenceAround over the text itself, segmenting only the lines it needs: a line break always ends a
 * sentence, so the lines around [start, end) (and, for `before`, as many lines back as it takes) give
 * the same span as the whole text does, at the cost of a paragraph rather than a document.
 */
export function sentenceAt(text: string, start: number, end: number, before = 0): [number, number] {
  const lineEnd = text.indexOf('\n', end);
  const to = lineEnd === -1 ? text.length : lineEnd;
  let from = text.lastIndexOf('\n', start - 1) + 1;
  for (;;) {
    const spans = sentenceSpans(text.slice(from, to)).map(([a, b]): [number, number] => [a + from, b + from]);
    const first = spans.findIndex(([, e]) => e > start);
    // A span ending in the blank after its line's last sentence reaches into the next one: rare, so the whole text.
    if (first === -1 || spans[spans.length - 1][1] < end)
      return sentenceAround(sentenceSpans(text), start, end, before);
    if (first >= before || from === 0) return sentenceAround(spans, start, end, before);
    from = from < 2 ? 0 : text.lastIndexOf('\n', from - 2) + 1;
  }
}
