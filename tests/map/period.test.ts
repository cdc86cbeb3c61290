import { describe, expect, it } from 'vitest';
import type { RangeProperties } from '../../src/contract';
import {
  OPEN_END,
  eventInterval,
  inPeriod,
  isoDay,
  periodFilter,
  rangeInPeriod,
  rangeInterval,
  rangeTimeProperties,
  timeProperties,
} from '../../src/map/period';

const ev = (date: string | null, date_start: string | null = null, date_end: string | null = null) => ({
  date,
  date_start,
  date_end,
});
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('eventInterval', () => {
  it('covers a day, a month or a year as the date is written', () => {
    expect(eventInterval(ev('2024-03-01', '2024-03-01', '2024-03-01'))).toEqual({
      start: day('2024-03-01'),
      end: day('2024-03-02'),
      precision: 'day',
    });
    expect(eventInterval(ev('2024-02', '2024-02', '2024-02'))).toEqual({
      start: day('2024-02-01'),
      end: day('2024-03-01'),
      precision: 'month',
    });
    expect(eventInterval(ev('2014'))).toEqual({ start: day('2014-01-01'), end: day('2015-01-01'), precision: 'year' });
  });

  it('spans a stated interval to the end of its last day', () => {
    expect(eventInterval(ev('2024-11-23/2024-11-25', '2024-11-23', '2024-11-25'))).toEqual({
      start: day('2024-11-23'),
      end: day('2024-11-26'),
      precision: 'day',
    });
  });

  it('leaves the end open for "since 2014"', () => {
    expect(eventInterval(ev('2014/..', '2014', null))).toEqual({
      start: day('2014-01-01'),
      end: null,
      precision: 'year',
    });
  });

  it('is null for an undated event', () => {
    expect(eventInterval(ev(null))).toBeNull();
    expect(eventInterval(ev('sometime'))).toBeNull();
  });
});

describe('inPeriod and periodFilter', () => {
  const feb = { from: '2024-02-01', to: '2024-02-29' };

  it('keeps events whose interval overlaps the period, both ends of the period included', () => {
    expect(inPeriod(ev('2024-02-29'), feb)).toBe(true);
    expect(inPeriod(ev('2024-03-01'), feb)).toBe(false);
    expect(inPeriod(ev('2024-01-31'), feb)).toBe(false);
    expect(inPeriod(ev('2024'), feb)).toBe(true);
    expect(inPeriod(ev('2014/..', '2014'), feb)).toBe(true);
    expect(inPeriod(ev('2024-01-20/2024-02-02', '2024-01-20', '2024-02-02'), feb)).toBe(true);
  });

  it('hides undated events while a period is chosen, and shows everything without one', () => {
    expect(inPeriod(ev(null), feb)).toBe(false);
    expect(inPeriod(ev(null), null)).toBe(true);
  });

  it('gives the map the same rule over t0/t1', () => {
    expect(timeProperties(ev('2014/..', '2014'))).toEqual({ t0: day('2014-01-01'), t1: OPEN_END });
    expect(timeProperties(ev(null))).toEqual({});
    expect(periodFilter(null)).toEqual(['literal', true]);
    expect(periodFilter(feb)).toEqual([
      'all',
      ['has', 't0'],
      ['<', ['get', 't0'], day('2024-03-01')],
      ['>', ['get', 't1'], day('2024-02-01')],
    ]);
  });

  it('writes days as ISO', () => {
    expect(isoDay(day('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('rangeInterval and rangeInPeriod', () => {
  const claim = (document_date: string | null) => ({ document_date }) as RangeProperties['claims'][number];
  const range = (...dates: Array<string | null>) => ({ claims: dates.map(claim), document_date: dates[0] ?? null });

  it('spans the dates of the documents that state the range, from the earliest to the end of the latest', () => {
    expect(rangeInterval(range('2024-11-21', null, '2024-11'))).toEqual({
      start: Date.UTC(2024, 10, 1),
      end: Date.UTC(2024, 11, 1),
      precision: 'day',
    });
    expect(rangeInterval(range(null))).toBeNull();
  });

  it('shows a range in a period its documents are dated in, never one from undated documents, and all without a period', () => {
    const period = { from: '2024-11-20', to: '2024-11-22' };
    expect(rangeInPeriod(range('2024-11-21'), period)).toBe(true);
    expect(rangeInPeriod(range('2024-11-23'), period)).toBe(false);
    expect(rangeInPeriod(range(null), period)).toBe(false);
    expect(rangeInPeriod(range(null), null)).toBe(true);
    const t = rangeTimeProperties(range('2024-11-21'));
    expect(t).toEqual({ t0: Date.UTC(2024, 10, 21), t1: Date.UTC(2024, 10, 22) });
  });
});
