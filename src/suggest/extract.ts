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
  const holder = parseHTML(`<html><body>${article?.content ?? document.body?.innerHTML ?? ''}</body></html>`).document;
  const blocks = [...holder.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = (blocks.length > 0 ? blocks : [holder.body])
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  return {
    text: lines.join('\n'),
    title: article?.title?.trim() || meta('og:title'),
    author: article?.byline?.trim() || null,
    publisher: article?.siteName?.trim() || siteName,
    published: published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null,
  };
}

export function extract(content: string, format: InputFormat): Extracted {
  if (format === 'html') return extractHtml(content);
  return { text: content, title: null, author: null, publisher: null, published: null };
}
