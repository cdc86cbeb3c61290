/**
 * dates: an annotated date → ISO 8601 with its precision.
 * Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an interval `start/end` of those, and an open interval
 * `start/..` ("since 2014"). Pure.
 */
import type { DatePrecision } from '../contract.js';

export interface ParsedDate {
  /** As published: the date, or `start/end`. */
  date: string;
  start: string;
  /** null for an open interval; equals `start` for a single date. */
  end: string | null;
  /** Precision of the coarser end. */
  precision: DatePrecision;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

export const DATE_FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD, START/END or START/.. (since)';

/** Returns the parsed date, or an error message saying what is allowed. */
export function parseDate(value: string): ParsedDate | { error: string } {
  const text = value.trim();
  const parts = text.split('/');
  if (parts.length > 2) return { error: `"${value}" is not a date; expected ${DATE_FORMS}` };
  const start = parseSingle(parts[0]);
  if ('error' in start) return { error: `"${value}" is not a date: ${start.error}; expected ${DATE_FORMS}` };
  if (parts.length === 1) return { date: text, start: text, end: text, precision: start.precision };
  if (parts[1] === '..') return { date: text, start: parts[0], end: null, precision: start.precision };
  const end = parseSingle(parts[1]);
  if ('error' in end) return { error: `"${value}" is not a date interval: ${end.error}; expected ${DATE_FORMS}` };
  if (parts[1] < parts[0]) return { error: `date interval "${value}" ends before it starts` };
  const precision = RANK[start.precision] >= RANK[end.precision] ? start.precision : end.precision;
  return { date: text, start: parts[0], end: parts[1], precision };
}

function parseSingle(text: string): { precision: DatePrecision } | { error: string } {
  const m = DATE.exec(text);
  if (!m) return { error: `"${text}" is not of the form YYYY, YYYY-MM or YYYY-MM-DD` };
  const [, y, mo, d] = m;
  if (mo === undefined) return { precision: 'year' };
  const month = Number(mo);
  if (month < 1 || month > 12) return { error: `month ${mo} does not exist` };
  if (d === undefined) return { precision: 'month' };
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > days) return { error: `${y}-${mo} has no day ${d}` };
  return { precision: 'day' };
}
