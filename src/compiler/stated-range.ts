/**
 * stated-range: a range as written in a source ("600-700 km", "up to 300 km", "5,500 kilometres",
 * "3,000 miles", "300 nautical miles", "intermediate-range") → kilometres. Pure.
 */
import { KM_PER_UNIT, RANGE_CLASSES } from '../constants.js';

export interface StatedRange {
  min_km: number;
  max_km: number;
  /** 'stated' when the text gives numbers; 'class' when it names a range class. */
  basis: 'stated' | 'class';
  /** The class when basis is 'class' (e.g. IRBM). */
  rangeClass: string | null;
}

export const RANGE_FORMS =
  'a number with a unit ("300 km", "up to 300 km", "600-700 km", "600 to 700 km", "5,500 kilometres", "3,000 miles", "300 nautical miles") or a range class (' +
  Object.values(RANGE_CLASSES).map((c) => `"${c.phrases[0]}"`).join(', ') + ')';

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const UNITS = Object.keys(KM_PER_UNIT).sort((a, b) => b.length - a.length).map((u) => u.replace(/ /g, String.raw`\s+`)).join('|');
const PATTERN = new RegExp(
  String.raw`^(?:(?:up\s+to|as\s+far\s+as|a\s+range\s+of|a\s+maximum\s+(?:range\s+)?of|about|around|some|approximately|roughly|nearly|almost)\s+)?` +
    NUMBER + String.raw`(?:\s*(?:-|–|—|to)\s*` + NUMBER + String.raw`)?\s*(` + UNITS + String.raw`)\.?$`,
  'i',
);

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

export function parseStatedRange(text: string): StatedRange | { error: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  for (const [rangeClass, band] of Object.entries(RANGE_CLASSES)) {
    if (band.phrases.some((p) => lower === p || lower === `${p} ballistic missile`)) {
      return { min_km: band.min_km, max_km: band.max_km, basis: 'class', rangeClass };
    }
  }
  const m = PATTERN.exec(t);
  if (!m) {
    const unit = /\d\s*([a-z]+)\.?$/i.exec(t)?.[1];
    if (unit && !(unit.toLowerCase() in KM_PER_UNIT)) {
      return { error: `unknown unit "${unit}" in "${text}"; allowed units: km, kilometres, m, miles, nautical miles (nmi)` };
    }
    if (!/\d/.test(t)) return { error: `"${text}" states no number; expected ${RANGE_FORMS}` };
    return { error: `"${text}" is not a range; expected ${RANGE_FORMS}` };
  }
  const factor = KM_PER_UNIT[m[3].toLowerCase().replace(/\s+/g, ' ')];
  const a = toNumber(m[1]) * factor;
  const b = m[2] === undefined ? undefined : toNumber(m[2]) * factor;
  if (b === undefined) {
    if (!(a > 0)) return { error: `range "${text}" must be greater than zero` };
    return { min_km: 0, max_km: a, basis: 'stated', rangeClass: null };
  }
  if (!(b > a)) return { error: `range "${text}" must go from a smaller to a larger number` };
  return { min_km: a, max_km: b, basis: 'stated', rangeClass: null };
}
