import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sentenceAround, sentenceAt, sentenceSpans } from '../../src/compiler/sentences.js';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;

describe('sentenceSpans', () => {
  it('does not end a sentence after an abbreviation such as U.S.', () => {
    const text = 'The U.S. Department of Defense confirmed it. Mr. Smith left.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'The U.S. Department of Defense confirmed it.',
      'Mr. Smith left.',
    ]);
  });

  it('does not end a sentence after a clock time followed by its time zone, but does before a new sentence', () => {
    const text =
      'The ferry sank at about 3:40 a.m. EST (0840 GMT) on Monday, officials said. It left port at 11 p.m. Rescuers arrived at dawn.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'The ferry sank at about 3:40 a.m. EST (0840 GMT) on Monday, officials said.',
      'It left port at 11 p.m.',
      'Rescuers arrived at dawn.',
    ]);
    const utc = 'The launch came at 6:15 a.m. UTC from the coast. Nothing else flew.';
    expect(sentenceSpans(utc)).toHaveLength(2);
  });

  it('ends a sentence at a line break', () => {
    const text = 'A headline without a stop\nThe body starts here.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'A headline without a stop',
      'The body starts here.',
    ]);
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

describe('sentenceAt', () => {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'));

  it('gives the span sentenceAround gives over the whole text, for any span of a seed', () => {
    expect(seeds.length).toBe(3);
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(80),
        fc.nat(5),
        (k, where, length, before) => {
          const text = seeds[k];
          const start = Math.floor(where * text.length);
          const end = Math.min(text.length, start + length);
          expect(sentenceAt(text, start, end, before)).toEqual(sentenceAround(sentenceSpans(text), start, end, before));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('walks back over blank lines and a leading line break', () => {
    const text = '\nOne.\n\nTwo. Three 600 km.';
    const at = text.indexOf('600');
    expect(text.slice(...sentenceAt(text, at, at + 6, 2))).toBe('One.\n\nTwo. Three 600 km.');
    expect(sentenceAt(text, at, at + 6, 5)).toEqual(sentenceAround(sentenceSpans(text), at, at + 6, 5));
  });
});
