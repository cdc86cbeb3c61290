/**
 * extract: an article as given (plain text, Markdown or HTML) → the text a draft annotates. Plain text
 * and Markdown are kept byte for byte; an HTML page is reduced to its main text (Mozilla Readability
 * over linkedom's DOM), one paragraph a line, each paragraph's words as published. Pure.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export type InputFormat = 'text' | 'markdown' | 'html';

/** Guesses the format from a file name, else from the content. */
export function detectFormat(content: string, fileName?: string): InputFormat {
  if (fileName && /\.html?$/i.test(fileName)) return 'html';
  if (fileName && /\.(md|markdown)$/i.test(fileName)) return 'markdown';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(content)) return 'html';
  return 'text';
}

export interface Extracted {
  text: string;
  /** The page's own title and byline when HTML says them. */
  title: string | null;
  author: string | null;
  publisher: string | null;
  published: string | null;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre';

/** The main text of an HTML article: Readability's content, one block element a line, spaces collapsed. */
export function extractHtml(html: string): Extracted {
  const { document } = parseHTML(html);
  const meta = (name: string): string | null =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim() || null;
  const published = meta('article:published_time')?.slice(0, 10) ?? null;
  const siteName = meta('og:site_name');
  // biome-ignore lint/plugin: typed boundary: linkedom's document implements the DOM Readability reads, under its own types
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  const byline = article?.byline?.replace(/\s+/g, ' ').trim() || null;
  const bylined = byline ? parseByline(byline) : null;
  const holder = parseHTML(`<html><body>${article?.content ?? document.body?.innerHTML ?? ''}</body></html>`).document;
  const blocks = [...holder.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = (blocks.length > 0 ? blocks : [holder.body])
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  return {
    text: lines.join('\n'),
    title: article?.title?.trim() || meta('og:title') || document.title?.trim() || null,
    author: byline ? (parseByline(byline)?.author ?? byline) : null,
    publisher: article?.siteName?.trim() || siteName,
    // A date in the meta that is no day ("2024-02-30") is none.
    published: published && isDay(published) ? published : (bylined?.date ?? null),
  };
}

/** Whether YYYY-MM-DD names a day that exists. */
function isDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function extract(content: string, format: InputFormat): Extracted {
  if (format === 'html') return extractHtml(content);
  // A byline among the first lines ("By Jane Doe, July 25, 2025"): its name is the author, its date
  // the publication date. The text is kept as given, byline and all.
  const line = content
    .split('\n')
    .slice(0, 4)
    .map((l) => parseByline(l))
    .find((b) => b !== null);
  return { text: content, title: null, author: line?.author ?? null, publisher: null, published: line?.date ?? null };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** A date as bylines give it: "July 25, 2025", "25 July 2025", "2025-07-25", with a time or zone after it. */
const BYLINE_DATE = new RegExp(
  String.raw`^(?:(?:Published|Updated|Posted)\s*:?\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(${MONTH})\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(${MONTH}),?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))(?:\b[^\p{L}]*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|[A-Z]{2,4})?)*\s*$`,
  'u',
);
/** A person's name: capitalised words, initials and particles ("Jane van der Berg", "J. R. Smith"), several joined by "and" or commas. */
const NAME_RUN = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|van|von|de|der|den|da|di|del|la|le|bin|al|el))*`;
const BYLINE = new RegExp(
  String.raw`^[\s*_>#]*By\s+(${NAME_RUN}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?!${MONTH}\s+\d)${NAME_RUN})*)[\s*_]*(?:(?:[,|·•–—-]|\bon\b)\s*(.*?))?[\s*_]*$`,
  'u',
);

/** Parses "July 25, 2025" (and the other forms of BYLINE_DATE) as YYYY-MM-DD, or null. */
function bylineDate(s: string): string | null {
  const m = BYLINE_DATE.exec(s.trim());
  if (!m) return null;
  const monthOf = (w: string) => MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1;
  const [y, mo, d] = m[1]
    ? [Number(m[3]), monthOf(m[1]), Number(m[2])]
    : m[5]
      ? [Number(m[6]), monthOf(m[5]), Number(m[4])]
      : [Number(m[7]), Number(m[8]), Number(m[9])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A byline ("By Jane Doe", "By Jane Doe and Ali Khan, July 25, 2025", "By Jane Doe | 25 July 2025"): the
 * names only, and the date when it gives one; null when the line is no byline.
 */
export function parseByline(line: string): { author: string; date: string | null } | null {
  const m = BYLINE.exec(line.trim());
  if (!m) return null;
  const rest = m[2]?.trim() ?? '';
  const date = rest ? bylineDate(rest) : null;
  // After the names only a date, or a few capitalised words (an agency, a role: "By Jane Doe | Staff
  // Writer"), which stay out of the author: "By Tuesday, troops had …" is a sentence, not a byline.
  if (rest && !BYLINE_DATE.test(rest) && !/^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(rest)) return null;
  if (
    new RegExp(
      String.raw`^(?:${MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Tomorrow|Yesterday)(?:\s|$)`,
      'u',
    ).test(m[1])
  )
    return null;
  // "By A, B and C" names three; "By A, Staff Writer" one, with a role after a comma.
  const names = m[1].trim().replace(/\s+/g, ' ');
  const author = /\s(?:and|&)\s/.test(names) ? names : names.split(/\s*,\s*/)[0];
  return { author, date };
}
