/** Dates and numbers as the reader sees them; ISO strings in, short English text out. */
import type { ClaimStatus } from '../contract';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-11-21" → "21 Nov 2024", "2024-11" → "Nov 2024", "a/b" → "a – b"; anything else verbatim. */
export function formatDate(date: string | null): string {
  if (!date) return 'date unknown';
  if (date.includes('/')) {
    // ISO 8601 open intervals use '..' for an unknown end.
    const [start, end] = date.split('/');
    if (end === '..' || end === '') return `since ${formatDate(start)}`;
    if (start === '..' || start === '') return `until ${formatDate(end)}`;
    return `${formatDate(start)} – ${formatDate(end)}`;
  }
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** 5500 → "5,500". */
export function formatKm(km: number): string {
  return `${km.toLocaleString('en-GB')} km`;
}

/**
 * A range as the reader sees it, in the text's words: "600–700 km", "about 900 km", "900 km" for a bare
 * figure; "up to 1,000 km" for a disk that a class or the annotator gives (no qualifier of the text).
 */
export function formatRange(min: number, max: number, how: { qualifier?: string | null; basis?: string } = {}): string {
  const figures = min > 0 ? `${min.toLocaleString('en-GB')}–${formatKm(max)}` : formatKm(max);
  if (how.qualifier) return `${how.qualifier} ${figures}`;
  return min > 0 || how.basis === 'stated' ? figures : `up to ${figures}`;
}

/** formatRange of a range feature's properties. */
export function formatExtent(p: { min_km: number; max_km: number; qualifier?: string | null; basis?: string }): string {
  return formatRange(p.min_km, p.max_km, p);
}

/** Every place of an event, by name: "Kyiv; Kirovohrad Oblast; Poltava Oblast". */
export function placeNames(p: { places?: ReadonlyArray<{ name: string }>; place: string }): string {
  return p.places?.length ? p.places.map((x) => x.name).join('; ') : p.place;
}

/** A claim's figures in words: "3 killed, 64 injured". */
export function formatFigures(figures: ReadonlyArray<{ value: number; unit: string }>): string {
  return figures.map((f) => `${f.value.toLocaleString('en-GB')} ${f.unit}`).join(', ');
}

/** "1 event", "2 events", "1,200 events": a count and its noun (English plural in -s). */
export const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** A claim status in words after what it is said of, as band labels say it ("…, unverified claim"). */
const STANDING: Record<ClaimStatus, string> = {
  reported: 'reported',
  claimed: 'claimed',
  disputed: 'disputed claim',
  unverified: 'unverified claim',
};

/**
 * How an event stands, in words, for its accessible name (a list row, a choice, the embed's key): its
 * status as its marker's fill marks it, and "sources disagree on the date or place" where its claims
 * conflict. "" for a status the data does not give. A map shows what documents claim, never as fact,
 * and a screen reader's name says so as the marking does.
 */
export function eventStanding(p: { status?: ClaimStatus | null; conflict?: boolean | null }): string {
  const words = [p.status ? STANDING[p.status] : '', p.conflict ? 'sources disagree on the date or place' : ''];
  return words.filter(Boolean).join('; ');
}

/**
 * An event's row in the chooser of overlapping features: "Military activity: Thai F-16 strikes, Cambodia,
 * 24 Jul 2025, claimed". The annotator's `label`, when the event has one, is the name its marker carries
 * on the map; without it two events of one type at one place ("Military activity, Cambodia, …") could not
 * be told apart from the labels the reader has just seen.
 */
export function eventChoice(
  typeName: string,
  p: {
    label?: string | null;
    places?: ReadonlyArray<{ name: string }>;
    place: string;
    date: string | null;
    status?: ClaimStatus | null;
    conflict?: boolean | null;
  },
): string {
  const label = p.label?.trim();
  const what = label ? `${typeName}: ${label}` : typeName;
  return [what, placeNames(p), formatDate(p.date), eventStanding(p)].filter(Boolean).join(', ');
}
