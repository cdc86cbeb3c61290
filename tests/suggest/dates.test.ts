import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/suggest/dates.js';

const values = (s: string, published: string | null = '2024-11-22') => findDates(s, 0, s.length, published).map((d) => d.value);

describe('dates', () => {
  it('reads absolute dates at their precision', () => {
    expect(values('The strike on 21 November 2024 hit Dnipro.')).toEqual(['2024-11-21']);
    expect(values('It has fought since 2014.')).toEqual(['2014/..']);
    expect(values('In 2023 it deployed.')).toEqual(['2023']);
  });
  it('reads two days of one month as an interval', () => {
    expect(values('On November 23 and 25, forces struck.')).toEqual(['2024-11-23/2024-11-25']);
  });
  it('normalises relative dates against the publication date, never after it', () => {
    expect(values('Russia attacked on Thursday.')).toEqual(['2024-11-21']);
    expect(values('Russia attacked on Friday.')).toEqual(['2024-11-22']);
    expect(values('Last week the army moved.')).toEqual(['2024-11-11/2024-11-17']);
    expect(values('In March, it tested a missile.')).toEqual(['2024-03']);
  });
  it('drops a date whose year it cannot know', () => {
    expect(values('On Thursday it struck.', null)).toEqual([]);
    expect(values('On 21 November 2024 it struck.', null)).toEqual(['2024-11-21']);
  });
});
