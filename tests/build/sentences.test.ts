import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceSpans } from '../../src/build/sentences.js';

describe('sentenceSpans', () => {
  it('does not end a sentence after an abbreviation such as U.S.', () => {
    const text = 'The U.S. Department of Defense confirmed it. Mr. Smith left.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['The U.S. Department of Defense confirmed it.', 'Mr. Smith left.']);
  });

  it('ends a sentence at a line break', () => {
    const text = 'A headline without a stop\nThe body starts here.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['A headline without a stop', 'The body starts here.']);
  });
});

describe('sentenceAround', () => {
  const text = 'First one. They have a range of 600 km today. Third.';
  const spans = sentenceSpans(text);
  const at = text.indexOf('600 km');
  it('gives the sentence containing a span', () => {
    const [a, b] = sentenceAround(spans, at, at + 6);
    expect(text.slice(a, b)).toBe('They have a range of 600 km today.');
  });
  it('takes preceding sentences when asked', () => {
    const [a, b] = sentenceAround(spans, at, at + 6, 1);
    expect(text.slice(a, b)).toBe('First one. They have a range of 600 km today.');
  });
});
