/**
 * Periods of dates: an event's date as an interval, whether it overlaps a period, and the same rule as a
 * MapLibre filter. Dates are calendar dates, so all arithmetic is in UTC. The timeline widget
 * (src/app/timeline.ts) draws these intervals; the map and the list filter by them.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { EventProperties, RangeProperties } from '../contract';
import type { Period } from './url-state';

export const DAY_MS = 86_400_000;
/** ms: the end of an open interval ("since 2014") on the map filter; JSON has no Infinity. */
export const OPEN_END = 8.64e15;

/** An event's time as a half-open interval [start, end) in ms (UTC); end null when open ("since …"). */
export interface Interval {
  start: number;
  end: number | null;
  precision: 'day' | 'month' | 'year';
}

/** bounds() of each date string seen: an archive's 100,000 events fall on a few thousand dates. */
const boundsOf = new Map<string, readonly [number, number, Interval['precision']] | null>();
/** Dates kept in boundsOf at most (it starts again past this). */
const BOUNDS_KEPT = 50_000;

/** [start, end) of one ISO date of 1–3 parts: a day, a month or a year. */
function bounds(iso: string): readonly [number, number, Interval['precision']] | null {
  let b = boundsOf.get(iso);
  if (b === undefined) {
    if (boundsOf.size >= BOUNDS_KEPT) boundsOf.clear();
    b = parseBounds(iso);
    boundsOf.set(iso, b);
  }
  return b;
}

function parseBounds(iso: string): [number, number, Interval['precision']] | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : null, m[3] ? Number(m[3]) : null];
  if (d != null && mo != null) return [Date.UTC(y, mo, d), Date.UTC(y, mo, d + 1), 'day'];
  if (mo != null) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1), 'month'];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1), 'year'];
}

/** The interval an event's date covers, from `date_start`/`date_end` (or `date`); null when undated. */
export function eventInterval(p: Pick<EventProperties, 'date' | 'date_start' | 'date_end'>): Interval | null {
  const [rawStart, rawEnd] = (p.date ?? '').split('/');
  const start = bounds(p.date_start ?? rawStart ?? '');
  if (!start) return null;
  // ISO 8601 writes an open end as '..' (or leaves it empty): "since 2014".
  if (rawEnd === '..' || rawEnd === '') return { start: start[0], end: null, precision: start[2] };
  const end = bounds(p.date_end ?? rawEnd ?? '') ?? start;
  return { start: start[0], end: Math.max(end[1], start[1]), precision: start[2] };
}

/**
 * A range's time: a range has no date of its own, so it is the span of the dates of the documents that
 * state it (from the earliest to the end of the latest); null when none of them is dated.
 */
export function rangeInterval(p: Pick<RangeProperties, 'claims' | 'document_date'>): Interval | null {
  const dates = (p.claims?.length ? p.claims.map((c) => c.document_date) : [p.document_date])
    .map((d) => (d ? bounds(d) : null))
    .filter((b): b is NonNullable<typeof b> => b !== null);
  if (!dates.length) return null;
  return {
    start: Math.min(...dates.map((d) => d[0])),
    end: Math.max(...dates.map((d) => d[1])),
    precision: dates[0][2],
  };
}

/** Whether a range belongs in the period: the dates of its documents overlap it. Ranges from undated documents never do. */
export function rangeInPeriod(
  p: Pick<RangeProperties, 'claims' | 'document_date'>,
  period: Period | null | undefined,
): boolean {
  if (!period) return true;
  const i = rangeInterval(p);
  if (!i) return false;
  const [from, to] = periodBounds(period);
  return i.start < to && (i.end ?? OPEN_END) > from;
}

/** Properties `t0`, `t1` (ms) of a range's map features, as timeProperties for events. */
export function rangeTimeProperties(p: Pick<RangeProperties, 'claims' | 'document_date'>): {
  t0?: number;
  t1?: number;
} {
  const i = rangeInterval(p);
  return i ? { t0: i.start, t1: i.end ?? OPEN_END } : {};
}

/** [from, to) of a period in ms: both of its days included. */
export function periodBounds(period: Period): [number, number] {
  return [Date.parse(`${period.from}T00:00:00Z`), Date.parse(`${period.to}T00:00:00Z`) + DAY_MS];
}

/** Whether an event belongs in the period: its interval overlaps it. Undated events never do. */
export function inPeriod(
  p: Pick<EventProperties, 'date' | 'date_start' | 'date_end'>,
  period: Period | null | undefined,
): boolean {
  if (!period) return true;
  const i = eventInterval(p);
  if (!i) return false;
  const [from, to] = periodBounds(period);
  return i.start < to && (i.end ?? OPEN_END) > from;
}

/** Properties `t0`, `t1` (ms) that the map filter reads; absent for undated events. */
export function timeProperties(p: Pick<EventProperties, 'date' | 'date_start' | 'date_end'>): {
  t0?: number;
  t1?: number;
} {
  const i = eventInterval(p);
  return i ? { t0: i.start, t1: i.end ?? OPEN_END } : {};
}

/** The same rule as inPeriod, as a MapLibre filter over `t0`/`t1`. */
export function periodFilter(period: Period | null | undefined): ExpressionSpecification {
  if (!period) return ['literal', true];
  const [from, to] = periodBounds(period);
  return ['all', ['has', 't0'], ['<', ['get', 't0'], to], ['>', ['get', 't1'], from]];
}

/** ms → `YYYY-MM-DD` (UTC). */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
