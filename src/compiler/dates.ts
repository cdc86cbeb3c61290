/**
 * dates: an annotated date → ISO 8601 with its precision. Pure.
 *
 * Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an interval `START/END` of those, an open interval
 * `START/..` ("since 2014"), and the text's own relative words, counted from the document's
 * `published` date (the reference):
 *
 * | words | date |
 * |---|---|
 * | `today`, `yesterday`, `the day before yesterday`, `3 days ago` | that day |
 * | `Thursday`, `on Thursday` | the latest Thursday on or before the reference |
 * | `last Thursday` | the latest Thursday before the reference |
 * | `November 23`, `23 November`, `Nov. 23` | the latest November 23 on or before the reference |
 * | `November`, `in November` | the latest November that began on or before the reference (a month) |
 * | `this week`, `last week` | Monday to the reference; Monday to Sunday of the week before (ISO weeks) |
 * | `this month`, `last month`, `this year`, `last year` | the calendar month or year |
 *
 * Either end of an interval may be relative: `November 23/November 25`.
 * An interval compares dates, not strings: it is valid unless its end is over before its start begins
 * (`2024-11-25/2024-11` is valid: the month of November 2024 ends after the 25th).
 */
import type { DatePrecision } from '../contract.js';
import { describeStrangers } from './lookalikes.js';

export interface ParsedDate {
  /** As published: the date, or `start/end`. */
  date: string;
  start: string;
  /** null for an open interval; equals `start` for a single date. */
  end: string | null;
  /** Precision of the coarser end. */
  precision: DatePrecision;
  /** The relative words as written (`Thursday`) when an end is relative; null when the date is given in full. */
  relative: string | null;
  /** The reference a relative date is counted from (the document's published date); null otherwise. */
  reference: string | null;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

export const DATE_FORMS =
  "YYYY, YYYY-MM, YYYY-MM-DD, START/END, START/.. (since), or the text's relative words counted from published: (Thursday, yesterday, last week, November 23, …)";

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH_DAY = new RegExp(String.raw`^(?:on\s+)?(?:(?:the\s+)?${DAY}\s+(?:of\s+)?${MONTH}|${MONTH}\s+${DAY})$`, 'i');
const MONTH_ONLY = new RegExp(String.raw`^(?:in\s+)?${MONTH}$`, 'i');
const WEEKDAY = new RegExp(String.raw`^(?:on\s+)?(last\s+)?(${WEEKDAYS.join('|')})$`, 'i');
const DAYS_AGO = /^(\d{1,3}|one|two|three|four|five|six|seven) days? ago$/i;
const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/**
 * "22/11/2024", "11/22/2024", "22.11.2024", "2024/11/22": a day, month and year in another order or with
 * other separators; what to write instead (both readings when the order is not clear), or null.
 */
function numericDate(text: string): string | null {
  const pad = (n: string) => n.padStart(2, '0');
  const valid = (y: string, m: string, d: string) => {
    const day = Number(d);
    const month = Number(m);
    return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  };
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (ymd) {
    const [, y, m, d] = ymd;
    return valid(y, m, d) ? `write it with hyphens, ${y}-${pad(m)}-${pad(d)}` : `write it as YYYY-MM-DD`;
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!dmy) return null;
  const [, a, b, y] = dmy;
  const readings = [
    ...(valid(y, b, a) ? [`${y}-${pad(b)}-${pad(a)} (day first)`] : []),
    ...(valid(y, a, b) && a !== b ? [`${y}-${pad(a)}-${pad(b)} (month first)`] : []),
  ];
  if (readings.length === 0) return 'write a date as YYYY-MM-DD (year, month, day)';
  return `write a date as YYYY-MM-DD (year, month, day): ${readings.join(' or ')}${readings.length > 1 ? ', as the text means it' : ''}`;
}

/** Dashes pasted from a word processor in place of the hyphen-minus "-". */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Characters a date may hold: letters and digits, spaces, and "-", "/", ".", ",". */
const DATE_CHARACTER = /[0-9A-Za-z ./,-]/;
const WRITTEN_DAY_MONTH_YEAR = new RegExp(String.raw`^${DAY}\s+(?:of\s+)?${MONTH},?\s+(\d{4})$`, 'i');
const WRITTEN_MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\s+${DAY},?\s+(\d{4})$`, 'i');
const WRITTEN_MONTH_YEAR = new RegExp(String.raw`^${MONTH},?\s+(\d{4})$`, 'i');

/**
 * A date the annotator wrote in another form that says a date plainly, and the form to write instead:
 * a dash or an invisible character pasted into it ("2024‑11‑01" with U+2011), a month or day without its
 * leading zero ("2024-1-5"), or the date in words ("1 November 2024", "November 1, 2024", "Nov 2024"). Null
 * when it is none of these.
 */
function otherDateForm(text: string): string | null {
  const pad = (n: string | number) => String(n).padStart(2, '0');
  // "2024-11-01–2024-11-03", "2024-11-01 - 2024-11-03": two dates joined by a dash, as a text writes a run of days.
  const joined =
    /^(\d{4}(?:-\d{2}){0,2})\s*(?:[\u2010-\u2015\u2212]|\s-\s|-(?=\d{4}\b))\s*(\d{4}(?:-\d{2}){0,2})$/.exec(text);
  if (joined) return `an interval is written with "/" between its ends: ${joined[1]}/${joined[2]}`;
  // "2024-11-28T10:00:00Z", "2024-11-28 10:00 +02:00" (a timestamp from a CMS or a YAML editor): the
  // colon is ASCII; the form is the trouble. A date is a day: the time and its zone are not kept.
  const stamp =
    /^(\d{4}-\d{2}-\d{2})(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/.exec(
      text,
    );
  if (stamp)
    return `it has a time of day, and a date is the day alone: write ${stamp[1]} (the day where the text counts it; the time is not kept)`;
  const strangers = describeStrangers(text, DATE_CHARACTER);
  if (strangers.length > 0) {
    const cleaned = text.replace(DASHES, '-').replace(/[\p{Cf}]/gu, '');
    return `it has ${strangers.join(', ')}; type it again with ASCII characters${cleaned !== text && DATE.test(cleaned) ? `: ${cleaned}` : ''}`;
  }
  const unpadded = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (unpadded && !DATE.test(text)) {
    const [, y, m, d] = unpadded;
    return `write the month${d !== undefined ? ' and the day' : ''} with two digits: ${y}-${pad(m)}${d !== undefined ? `-${pad(d)}` : ''}`;
  }
  const dmy = WRITTEN_DAY_MONTH_YEAR.exec(text);
  const mdy = WRITTEN_MONTH_DAY_YEAR.exec(text);
  const my = WRITTEN_MONTH_YEAR.exec(text);
  if (dmy || mdy || my) {
    const [month, day, year] = dmy
      ? [dmy[2], dmy[1], dmy[3]]
      : mdy
        ? [mdy[1], mdy[2], mdy[3]]
        : [my![1], undefined, my![2]];
    return `write it as ${day !== undefined ? 'YYYY-MM-DD' : 'YYYY-MM'}: ${year}-${pad(monthIndex(month) + 1)}${day !== undefined ? `-${pad(day)}` : ''}`;
  }
  return null;
}

/** Returns the parsed date, or an error message saying what is allowed. `published`: the document's publication date, for relative words. */
export function parseDate(value: string, published: string | null = null): ParsedDate | { error: string } {
  const text = value.trim().replace(/\s+/g, ' ');
  const numeric = numericDate(text) ?? otherDateForm(text);
  if (numeric) return { error: `"${value}" is not a date: ${numeric}` };
  const parts = text.split('/');
  if (parts.length > 2) return { error: `"${value}" is not a date; expected ${DATE_FORMS}` };
  const start = readEnd(parts[0], published);
  if ('error' in start) return { error: `"${value}" is not a date: ${start.error}; expected ${DATE_FORMS}` };
  const relative = start.relative ? text : null;
  const reference = start.relative ? published : null;
  if (parts.length === 1)
    return {
      date: start.end ? `${start.iso}/${start.end}` : start.iso,
      start: start.iso,
      end: start.end ?? start.iso,
      precision: start.precision,
      relative,
      reference,
    };
  if (parts[1] === '..')
    return { date: `${start.iso}/..`, start: start.iso, end: null, precision: start.precision, relative, reference };
  const end = readEnd(parts[1], published);
  if ('error' in end) return { error: `"${value}" is not a date interval: ${end.error}; expected ${DATE_FORMS}` };
  const endIso = end.end ?? end.iso;
  if (lastDay(endIso) < firstDay(start.iso))
    return {
      error: `date interval "${value}" ends before it starts${start.relative || end.relative ? ` (${start.iso}/${endIso}, counted from published: ${published})` : ''}; write the earlier date first${start.relative || end.relative ? '' : `: ${parts[1]}/${parts[0]}`}`,
    };
  const precision = RANK[start.precision] >= RANK[end.precision] ? start.precision : end.precision;
  const isRelative = start.relative || end.relative;
  return {
    date: `${start.iso}/${endIso}`,
    start: start.iso,
    end: endIso,
    precision,
    relative: isRelative ? text : null,
    reference: isRelative ? published : null,
  };
}

/** One end of a date: ISO, or relative words resolved against `published`. A relative week gives its own end. */
function readEnd(
  text: string,
  published: string | null,
): { iso: string; end?: string; precision: DatePrecision; relative: boolean } | { error: string } {
  const t = text.trim();
  if (/^\d/.test(t) && !DAYS_AGO.test(t) && !MONTH_DAY.test(t)) {
    const single = parseSingle(t);
    return 'error' in single ? single : { iso: t, precision: single.precision, relative: false };
  }
  const resolve = relativeRule(t.toLowerCase());
  if (!resolve)
    return { error: `"${t}" is neither of the form YYYY, YYYY-MM or YYYY-MM-DD nor relative words the build knows` };
  if (published === null) {
    return {
      error: `"${t}" counts from the publication date, but the front matter has no published: date; add published: YYYY-MM-DD, or write the date itself with date-added="…"`,
    };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published))
    return { error: `"${t}" counts from the publication date, which must be a day (published: ${published})` };
  const r = resolve(toDay(published));
  if ('error' in r) return r;
  return { ...r, relative: true };
}

type Rule = (ref: Date) => { iso: string; end?: string; precision: DatePrecision } | { error: string };

function relativeRule(t: string): Rule | null {
  const day = (d: Date) => ({ iso: iso(d), precision: 'day' as const });
  if (t === 'today') return (ref) => day(ref);
  if (t === 'yesterday') return (ref) => day(addDays(ref, -1));
  if (t === 'the day before yesterday') return (ref) => day(addDays(ref, -2));
  let m = DAYS_AGO.exec(t);
  if (m) {
    const n = SMALL[m[1]] ?? Number(m[1]);
    return (ref) => day(addDays(ref, -n));
  }
  m = WEEKDAY.exec(t);
  if (m) {
    const [strictly, wanted] = [m[1] !== undefined, WEEKDAYS.indexOf(m[2])];
    return (ref) => {
      const back = (ref.getUTCDay() - wanted + 7) % 7;
      return day(addDays(ref, -(back === 0 && strictly ? 7 : back)));
    };
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const [dayText, monthText] = m[1] !== undefined ? [m[1], m[2]] : [m[4], m[3]];
    const month = monthIndex(monthText);
    const dom = Number(dayText);
    if (dom < 1 || dom > 31 || (dom > 29 && month === 1) || (dom === 31 && [3, 5, 8, 10].includes(month)))
      return () => ({ error: `${MONTHS[month]} has no day ${dom}` });
    return (ref) => {
      // The latest such day on or before the reference; February 29 only in a leap year.
      for (let year = ref.getUTCFullYear(); year > ref.getUTCFullYear() - 9; year--) {
        const d = new Date(Date.UTC(year, month, dom));
        if (d.getUTCMonth() === month && d <= ref) return day(d);
      }
      return { error: `no ${MONTHS[month]} ${dom} before published` };
    };
  }
  m = MONTH_ONLY.exec(t);
  if (m) {
    const month = monthIndex(m[1]);
    return (ref) => ({
      iso: `${ref.getUTCFullYear() - (month > ref.getUTCMonth() ? 1 : 0)}-${pad(month + 1)}`,
      precision: 'month',
    });
  }
  if (t === 'this week' || t === 'last week') {
    return (ref) => {
      const monday = addDays(ref, -((ref.getUTCDay() + 6) % 7));
      return t === 'this week'
        ? { iso: iso(monday), end: iso(ref), precision: 'day' }
        : { iso: iso(addDays(monday, -7)), end: iso(addDays(monday, -1)), precision: 'day' };
    };
  }
  if (t === 'this month' || t === 'last month') {
    return (ref) => {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - (t === 'last month' ? 1 : 0), 1));
      return { iso: iso(d).slice(0, 7), precision: 'month' };
    };
  }
  if (t === 'this year' || t === 'last year')
    return (ref) => ({ iso: String(ref.getUTCFullYear() - (t === 'last year' ? 1 : 0)), precision: 'year' });
  return null;
}

function monthIndex(text: string): number {
  const t = text.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(t.slice(0, 3)));
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

/** First and last day of an ISO date of any precision, as YYYY-MM-DD (compared as strings: same width). */
function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7)
    return `${date}-${pad(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate())}`;
  return date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const toDay = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
