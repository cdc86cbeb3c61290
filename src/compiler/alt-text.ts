/**
 * altText: the published data → one sentence that says what the map shows, for the `alt` of the
 * static preview image and its `og:image:alt`. Written from the data, never a generic phrase:
 *
 *   Map: 7 events in Ukraine, Russia and North Korea, 2014–27 November 2024; a 600–700 km range
 *   band from Ukraine (KN-11/KN-19, unverified claim) and a 3,000–5,500 km range band from
 *   Kapustin Yar (IRBM based on the RS-26 Rubezh, reported).
 *
 * Pure: the same collections give the same text (country names from the runtime's `Intl`, English).
 */
import type { ClaimStatus, EventCollection, RangeCollection } from '../contract.js';

export interface AltTextOptions {
  /** Countries named before "and N other countries". */
  maxCountries?: number;
  /** Range bands described before "and N more range bands". */
  maxRanges?: number;
}

const DEFAULTS: Required<AltTextOptions> = { maxCountries: 4, maxRanges: 3 };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** How a claim status reads after the weapon name: claims stay claims in the text alternative too. */
const STATUS_WORDS: Record<ClaimStatus, string> = {
  reported: 'reported',
  claimed: 'claimed',
  disputed: 'disputed',
  unverified: 'unverified claim',
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A date as the data gives it: year, and month and day where stated. */
export interface DatePart {
  year: string;
  month?: number;
  day?: number;
}

function parseIso(date: string | null | undefined): DatePart | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date ?? '');
  if (!m) return null;
  return { year: m[1], month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

/**
 * Sort key: a date's first day, then its precision, so "2024-11-27" comes after "2024-11" (the span
 * names the latest date a source gives, not the end of a month it names loosely).
 */
const key = (d: DatePart) =>
  `${d.year}-${String(d.month ?? 1).padStart(2, '0')}-${String(d.day ?? 1).padStart(2, '0')}:${d.day != null ? 2 : d.month != null ? 1 : 0}`;

function formatPart(d: DatePart): string {
  if (d.month == null) return d.year;
  const month = `${MONTHS[d.month - 1]} ${d.year}`;
  return d.day == null ? month : `${d.day} ${month}`;
}

/** "2014–27 November 2024", "21–27 November 2024", "3 October – 27 November 2024", "November 2024". */
export function dateSpan(start: DatePart, end: DatePart): string {
  const a = formatPart(start);
  const b = formatPart(end);
  if (a === b) return a;
  if (start.day != null && end.day != null && start.year === end.year && start.month === end.month)
    return `${start.day}–${b}`;
  if (start.day != null && end.day != null && start.year === end.year)
    return `${start.day} ${MONTHS[(start.month as number) - 1]} – ${b}`;
  // An en dash between single words, spaced between phrases.
  return a.includes(' ') ? `${a} – ${b}` : `${a}–${b}`;
}

function eventsPart(events: EventCollection, maxCountries: number): string | null {
  const features = events.features;
  if (!features.length) return null;
  // Countries by number of events, ties in order of first appearance.
  const counts = new Map<string, number>();
  for (const f of features)
    if (f.properties.country) counts.set(f.properties.country, (counts.get(f.properties.country) ?? 0) + 1);
  const order = [...counts.keys()];
  const countries = order
    .sort((x, y) => (counts.get(y) as number) - (counts.get(x) as number) || order.indexOf(x) - order.indexOf(y))
    .map(countryName);
  const named =
    countries.length > maxCountries
      ? [
          ...countries.slice(0, maxCountries),
          plural(countries.length - maxCountries, 'other country', 'other countries'),
        ]
      : countries;

  let first: DatePart | null = null;
  let last: DatePart | null = null;
  for (const f of features) {
    const start = parseIso(f.properties.date_start);
    const end = parseIso(f.properties.date_end) ?? start;
    if (start && (!first || key(start) < key(first))) first = start;
    if (end && (!last || key(end) > key(last))) last = end;
  }
  let text = plural(features.length, 'event');
  if (named.length) text += ` in ${joinAnd(named)}`;
  if (first && last) text += `, ${dateSpan(first, last)}`;
  return text;
}

function rangesPart(ranges: RangeCollection, maxRanges: number): string | null {
  // A range with no origin is not drawn, so not in the picture.
  const features = ranges.features
    .filter((f) => f.geometry !== null)
    .sort((a, b) => a.properties.max_km - b.properties.max_km || a.properties.id.localeCompare(b.properties.id));
  if (!features.length) return null;
  const km = (n: number) => n.toLocaleString('en-GB');
  const described = features.slice(0, maxRanges).map(({ properties: p }) => {
    const upTo = p.qualifier ? `${p.qualifier} ` : p.basis === 'stated' ? '' : 'up to ';
    const extent =
      p.min_km > 0 ? `a ${km(p.min_km)}–${km(p.max_km)} km range band` : `a range of ${upTo}${km(p.max_km)} km`;
    return `${extent} from ${p.origin_place} (${p.weapon}, ${STATUS_WORDS[p.status] ?? p.status})`;
  });
  if (features.length > maxRanges) described.push(plural(features.length - maxRanges, 'more range band'));
  return joinAnd(described);
}

/** The alt text of a picture of the map showing these events and ranges. */
export function altText(events: EventCollection, ranges: RangeCollection, options: AltTextOptions = {}): string {
  const { maxCountries, maxRanges } = { ...DEFAULTS, ...options };
  const parts = [eventsPart(events, maxCountries), rangesPart(ranges, maxRanges)].filter((p): p is string => p != null);
  return parts.length ? `Map: ${parts.join('; ')}.` : 'Map: no events or ranges yet.';
}
