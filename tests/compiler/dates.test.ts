import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/compiler/dates.js';

describe('parseDate', () => {
  it('gives the precision of a day, a month and a year', () => {
    expect(parseDate('2024-11-21')).toEqual({ date: '2024-11-21', start: '2024-11-21', end: '2024-11-21', precision: 'day' });
    expect(parseDate('2020-07')).toMatchObject({ start: '2020-07', end: '2020-07', precision: 'month' });
    expect(parseDate('2014')).toMatchObject({ precision: 'year' });
  });

  it('reads an interval and an open interval ("since 2014")', () => {
    expect(parseDate('2024-11-23/2024-11-25')).toEqual({ date: '2024-11-23/2024-11-25', start: '2024-11-23', end: '2024-11-25', precision: 'day' });
    expect(parseDate('2014/..')).toEqual({ date: '2014/..', start: '2014', end: null, precision: 'year' });
    expect(parseDate('2024-11/2024-12-02')).toMatchObject({ precision: 'month' });
  });

  it('rejects dates that do not exist, with what is allowed', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13', '21 November 2024', 'July', '2024-11-25/2024-11-23', '']) {
      const r = parseDate(bad);
      expect(r, bad).toHaveProperty('error');
    }
    expect((parseDate('2024-02-30') as { error: string }).error).toContain('no day 30');
    expect(parseDate('2024-02-29')).toMatchObject({ precision: 'day' });
  });
});
