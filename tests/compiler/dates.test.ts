import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/compiler/dates.js';

describe('parseDate', () => {
  it('gives the precision of a day, a month and a year', () => {
    expect(parseDate('2024-11-21')).toEqual({
      date: '2024-11-21',
      start: '2024-11-21',
      end: '2024-11-21',
      precision: 'day',
      relative: null,
      reference: null,
    });
    expect(parseDate('2020-07')).toMatchObject({ start: '2020-07', end: '2020-07', precision: 'month' });
    expect(parseDate('2014')).toMatchObject({ precision: 'year' });
  });

  it('reads an interval and an open interval ("since 2014")', () => {
    expect(parseDate('2024-11-23/2024-11-25')).toMatchObject({
      date: '2024-11-23/2024-11-25',
      start: '2024-11-23',
      end: '2024-11-25',
      precision: 'day',
    });
    expect(parseDate('2014/..')).toMatchObject({ date: '2014/..', start: '2014', end: null, precision: 'year' });
    expect(parseDate('2024-11/2024-12-02')).toMatchObject({ precision: 'month' });
  });

  it('rejects dates that do not exist, with what is allowed', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13',
      '21 November 2024',
      'July',
      '2024-11-25/2024-11-23',
      '',
    ]) {
      const r = parseDate(bad);
      expect(r, bad).toHaveProperty('error');
    }
    expect((parseDate('2024-02-30') as { error: string }).error).toContain('no day 30');
    expect(parseDate('2024-02-29')).toMatchObject({ precision: 'day' });
  });

  it('compares the ends of an interval as dates, not strings', () => {
    expect(parseDate('2024-11-25/2024-11')).toMatchObject({ start: '2024-11-25', end: '2024-11', precision: 'month' });
    expect(parseDate('2024-11-25/2024')).toMatchObject({ precision: 'year' });
    expect(parseDate('2024-11/2024-11-05')).toMatchObject({ start: '2024-11', end: '2024-11-05' });
    expect(parseDate('2024-11/2024-10-31')).toMatchObject({ error: expect.stringContaining('ends before it starts') });
    expect(parseDate('2024-12-01/2024-11')).toMatchObject({ error: expect.stringContaining('ends before it starts') });
  });
});

describe("parseDate: the text's relative words, counted from published", () => {
  // 2024-11-28 is a Thursday.
  const published = '2024-11-28';
  const on = (words: string, ref = published) => parseDate(words, ref);

  it('reads days counted back from the publication date', () => {
    expect(on('today')).toMatchObject({ date: '2024-11-28', precision: 'day' });
    expect(on('yesterday')).toEqual({
      date: '2024-11-27',
      start: '2024-11-27',
      end: '2024-11-27',
      precision: 'day',
      relative: 'yesterday',
      reference: '2024-11-28',
    });
    expect(on('the day before yesterday')).toMatchObject({ date: '2024-11-26' });
    expect(on('three days ago')).toMatchObject({ date: '2024-11-25' });
  });

  it('takes a weekday as the latest one on or before published; "last" as the latest before it', () => {
    expect(on('Thursday')).toMatchObject({ date: '2024-11-28' });
    expect(on('on Thursday')).toMatchObject({ date: '2024-11-28' });
    expect(on('last Thursday')).toMatchObject({ date: '2024-11-21' });
    expect(on('Friday')).toMatchObject({ date: '2024-11-22' });
    expect(on('on Monday')).toMatchObject({ date: '2024-11-25' });
  });

  it('takes a month and day with no year as the latest one on or before published', () => {
    expect(on('November 23')).toMatchObject({ date: '2024-11-23', precision: 'day', relative: 'November 23' });
    expect(on('23 November')).toMatchObject({ date: '2024-11-23' });
    expect(on('Nov. 28')).toMatchObject({ date: '2024-11-28' });
    expect(on('December 30')).toMatchObject({ date: '2023-12-30' });
    expect(on('February 29')).toMatchObject({ date: '2024-02-29' });
    expect(on('February 29', '2025-03-01')).toMatchObject({ date: '2024-02-29' });
    expect(on('November 31')).toMatchObject({ error: expect.stringContaining('no day 31') });
  });

  it('reads weeks, months and years as intervals of the calendar', () => {
    expect(on('last week')).toMatchObject({
      date: '2024-11-18/2024-11-24',
      start: '2024-11-18',
      end: '2024-11-24',
      precision: 'day',
    });
    expect(on('this week')).toMatchObject({ date: '2024-11-25/2024-11-28' });
    expect(on('last month')).toMatchObject({ date: '2024-10', precision: 'month' });
    expect(on('last month', '2025-01-10')).toMatchObject({ date: '2024-12' });
    expect(on('in December')).toMatchObject({ date: '2023-12', precision: 'month' });
    expect(on('last year')).toMatchObject({ date: '2023', precision: 'year' });
  });

  it('resolves either end of an interval, across a new year', () => {
    expect(on('November 23/November 25')).toMatchObject({
      date: '2024-11-23/2024-11-25',
      relative: 'November 23/November 25',
      reference: published,
    });
    expect(on('December 30/January 2', '2025-01-05')).toMatchObject({ date: '2024-12-30/2025-01-02' });
    expect(on('November 23/..')).toMatchObject({ date: '2024-11-23/..', end: null });
  });

  it('says to add published: when the document has none, and rejects words it does not know', () => {
    expect(parseDate('Thursday')).toMatchObject({
      error: expect.stringContaining('add published: YYYY-MM-DD, or write the date itself with date-added'),
    });
    expect(on('the other day')).toMatchObject({ error: expect.stringContaining('relative words the build knows') });
    expect(on('Thursday', '2024-11')).toMatchObject({ error: expect.stringContaining('must be a day') });
  });
});
