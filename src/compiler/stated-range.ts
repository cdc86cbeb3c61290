/**
 * stated-range: a range as written in a source → kilometres, with the text's own qualifier. Pure.
 *
 * Forms: a figure ("900 km", "5,500 kilometres", "3,000 miles", "300 nautical miles", "500-km"), a qualified figure
 * ("up to 300 km", "at least 900 km", "more than 2,000 km", "about 900 km", "nearly 1,000 km"), a span
 * ("600-700 km", "600 to 700 km", "between 3,000 and 5,500 km", "from 600 to 700 km", "600 km to 700 km"),
 * or a range class ("intermediate-range"). Every qualifier draws the figure as the band's outer edge
 * (a disk); what the edge means (a maximum, a minimum, an approximation) is the qualifier's
 * `RANGE_QUALIFIER_BOUND` and stays in the label.
 */
import { KM_PER_UNIT, RANGE_CLASSES } from '../constants.js';
import { RANGE_QUALIFIER_BOUND, type RangeQualifier } from '../contract.js';

export interface StatedRange {
  min_km: number;
  max_km: number;
  /** 'stated' when the text gives numbers; 'class' when it names a range class. */
  basis: 'stated' | 'class';
  /** The class when basis is 'class' (e.g. IRBM). */
  rangeClass: string | null;
  /** The text's qualifier of a figure ("about", "at least"), normalised; null for a bare figure, a span or a class. */
  qualifier: RangeQualifier | null;
}

export const RANGE_FORMS =
  'a number with a unit ("300 km", "up to 300 km", "at least 900 km", "about 900 km", "600-700 km", "between 3,000 and 5,500 km", "5,500 kilometres", "3,000 miles", "300 nautical miles", "500-km") or a range class (' +
  Object.values(RANGE_CLASSES)
    .map((c) => `"${c.phrases[0]}"`)
    .join(', ') +
  ')';

/** Written variants that mean the same qualifier; matched whole-word, case-insensitive. */
const QUALIFIER_VARIANTS: Readonly<Record<string, RangeQualifier>> = {
  'a maximum range of': 'a maximum of',
  'a maximum of': 'a maximum of',
  'a max of': 'a maximum of',
  'in excess of': 'more than',
  'no less than': 'at least',
  'not less than': 'at least',
  'no more than': 'at most',
};

import { TOO_MANY_DIGITS, tooManyDigits } from './numbers.js';
// Thousands grouped by commas ("5,500") or by spaces, as SI and French write them ("5 500", with a no-break
// or a thin space too: every space is one space by the time the pattern reads it).
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?)`;
const UNITS = Object.keys(KM_PER_UNIT)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/ /g, String.raw`\s+`))
  .join('|');
const words = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, String.raw`\s+`))
    .join('|');
const QUALIFIER = words([...Object.keys(RANGE_QUALIFIER_BOUND), ...Object.keys(QUALIFIER_VARIANTS)]);
/** Lead-ins that add nothing to the figure: "a range of 300 km" is "300 km". */
const LEAD_IN = String.raw`(?:(?:a\s+)?range\s+of\s+)?`;
/** A unit after its figure, spaced or hyphenated as a compound modifier ("a 500-km range", "a 300-mile missile"). */
const UNIT = String.raw`(?:\s*|\s*[-\u2011]\s*)(${UNITS})`;
const SPAN_WORD = String.raw`\s*(?:-to-|-|–|—|to)\s*`;
const PATTERN = new RegExp(
  '^' +
    LEAD_IN +
    '(?:(' +
    QUALIFIER +
    String.raw`)\s+)?` +
    String.raw`(?:(?:between\s+)` +
    NUMBER +
    '(?:' +
    UNIT +
    String.raw`)?\s+and\s+` +
    NUMBER +
    String.raw`|(from\s+)?` +
    NUMBER +
    '(?:(?:' +
    UNIT +
    ')?' +
    SPAN_WORD +
    NUMBER +
    ')?)' +
    UNIT +
    String.raw`\.?$`,
  'i',
);

const toNumber = (s: string) => Number(s.replace(/[, ]/g, ''));
const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

export function parseStatedRange(text: string): StatedRange | { error: string } {
  // Invisible characters pasted with the text (a soft hyphen, a zero-width space) are no part of the figure.
  const t = text
    .replace(/\p{Cf}/gu, '')
    .trim()
    .replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  for (const [rangeClass, band] of Object.entries(RANGE_CLASSES)) {
    if (band.phrases.some((p) => lower === p || lower === `${p} ballistic missile`)) {
      return { min_km: band.min_km, max_km: band.max_km, basis: 'class', rangeClass, qualifier: null };
    }
  }
  const m = PATTERN.exec(t);
  if (!m) {
    const unit = /\d\s*([a-z]+)\.?$/i.exec(t)?.[1];
    if (unit && !(unit.toLowerCase() in KM_PER_UNIT)) {
      const figure = /(\d[\d,. ]*)\s*[a-z]+\.?$/i.exec(t)?.[1].trim() ?? '';
      return {
        error: `unknown unit "${unit}" in "${text}"; allowed units: km, kilometres, m, miles, nautical miles (nmi, nm); if the text writes it so, give the figure in km with max= and added="…" (e.g. max=${figure.replace(/[, ]/g, '') || 300} added="the text writes ${figure} ${unit}")`,
      };
    }
    // "1,5 km": a comma before one or two digits is a decimal comma in much of Europe, or a slip.
    const comma = /(?:^|\D)(\d+),(\d{1,2})(?!\d)/.exec(t);
    if (comma) {
      return {
        error: `"${text}" is ambiguous: "${comma[1]},${comma[2]}" is ${comma[1]}.${comma[2]} if its comma is a decimal point, and no number otherwise; give the figure in km with min=/max= and added="…" (e.g. max=${comma[1]}.${comma[2]} added="the text writes ${comma[1]},${comma[2]}, a decimal comma")`,
      };
    }
    if (!/\d/.test(t)) return { error: `"${text}" states no number; expected ${RANGE_FORMS}` };
    return { error: `"${text}" is not a range; expected ${RANGE_FORMS}` };
  }
  const [, written, betweenA, unitA, betweenB, from, fromA, unitSpan, fromB, unit] = m;
  if (from && fromB === undefined)
    return { error: `"${text}" says from where but not to where; write "from 600 to 700 km", or the figure alone` };
  // A unit after the first figure of a span must be the span's unit: "600 km to 700 miles" is not one range.
  const firstUnit = unitA ?? unitSpan;
  if (
    firstUnit &&
    normalise(firstUnit) !== normalise(unit) &&
    KM_PER_UNIT[normalise(firstUnit)] !== KM_PER_UNIT[normalise(unit)]
  ) {
    return { error: `"${text}" gives its two figures in different units; write both in one unit` };
  }
  const factor = KM_PER_UNIT[normalise(unit)];
  const first = betweenA ?? fromA;
  const second = betweenB ?? fromB;
  const qualifier =
    written === undefined ? null : (QUALIFIER_VARIANTS[normalise(written)] ?? (normalise(written) as RangeQualifier));
  // "1.500 km": a dot before three digits is a thousands separator in much of Europe; read as 1.5 km the
  // map would draw a band a thousand times too small. The words are the source's: the figure is the annotator's.
  const dotted = [first, second].find((n) => n !== undefined && /^[1-9]\d{0,2}\.\d{3}$/.test(n));
  if (dotted !== undefined) {
    const [int, frac] = dotted.split('.');
    return {
      error: `"${text}" is ambiguous: "${dotted}" is ${int}${frac} if its dot separates thousands, ${Number(dotted)} if it is a decimal point; give the figure in km with min=/max= and added="…" (e.g. max=${Math.round(Number(int + frac) * factor)} added="the text writes ${dotted}, a dot for thousands")`,
    };
  }
  const inexact = [first, second].find((n) => n !== undefined && tooManyDigits(n));
  if (inexact !== undefined) return { error: `range "${text}": ${inexact} ${TOO_MANY_DIGITS}` };
  const a = toNumber(first) * factor;
  const b = second === undefined ? undefined : toNumber(second) * factor;
  if (b === undefined) {
    if (!(a > 0)) return { error: `range "${text}" must be greater than zero` };
    return { min_km: 0, max_km: a, basis: 'stated', rangeClass: null, qualifier };
  }
  if (qualifier !== null && RANGE_QUALIFIER_BOUND[qualifier] !== 'approximate') {
    return {
      error: `"${text}" qualifies a span with "${written}"; a span already gives its bounds (write "${first} to ${second} ${unit}")`,
    };
  }
  if (!(b > a)) return { error: `range "${text}" must go from a smaller to a larger number` };
  return { min_km: a, max_km: b, basis: 'stated', rangeClass: null, qualifier };
}
