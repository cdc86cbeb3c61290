/**
 * The drafting steps `npm run suggest` takes for one article, shared by the single-file mode, the batch
 * mode's main thread and its worker threads, so that a draft is the same byte for byte whichever made it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocumentText } from '../compiler/parse.js';
import { parseCatalogue, type CatalogueWeapon } from '../suggest/catalogue.js';
import { nestable, writeDraft, type DraftMeta } from '../suggest/draft.js';
import { detectFormat, extract } from '../suggest/extract.js';
import { placeIndex } from '../suggest/place-index.js';
import type { PlaceIndex } from '../suggest/places.js';
import { suggest } from '../suggest/suggest.js';
import type { Suggestion } from '../suggest/suggestion.js';
import { compromiseTagger, winkTagger, type Tagger } from '../suggest/tagger.js';
import { loadGazetteer } from './gazetteer-cache.js';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
export const CATALOGUE = join(root, 'data/weapons.yaml');

/** What the command line says of every article (each given overrides what the article says). */
export interface Overrides {
  published?: string;
  title?: string;
  publisher?: string;
  url?: string;
  tagger?: string;
}

/** What drafting needs loaded once: the place index, the weapons catalogue, the tagger. */
export interface DraftContext {
  index: PlaceIndex;
  catalogue: readonly CatalogueWeapon[];
  tagger: Tagger;
}

export function draftContext(tagger?: string): DraftContext {
  return {
    index: placeIndex(loadGazetteer()),
    catalogue: parseCatalogue(readFileSync(CATALOGUE, 'utf8')),
    tagger: tagger === 'wink' ? winkTagger : compromiseTagger,
  };
}

/** An article's text as the draft annotates it, with its metadata (HTML meta, else the overrides). */
export function readArticle(content: string, fileName: string | undefined, o: Overrides) {
  const extracted = extract(content.replace(/^\uFEFF/, ''), detectFormat(content, fileName));
  const text = extracted.text;
  return {
    text,
    published: o.published ?? extracted.published,
    meta: (id: string): DraftMeta => ({
      id,
      title: o.title ?? extracted.title ?? firstLineTitle(text) ?? fileTitle(fileName),
      publisher: o.publisher ?? extracted.publisher,
      author: extracted.author,
      published: o.published ?? extracted.published,
      url: o.url ?? null,
      notes:
        'Draft made by npm run suggest: every annotation is a suggestion marked review=pending; review each, then delete review=pending to accept it.',
    }),
  };
}

/**
 * The title a draft takes from its text: the first line with words, trimmed and cut at 120 characters
 * (whole code points, an emoji never halved); null when the text has none (empty, blank lines only).
 * The build requires a title that is not blank.
 */
export function firstLineTitle(text: string): string | null {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  return line === undefined ? null : Array.from(line.trim()).slice(0, 120).join('').trim();
}

/** The title of an article with no words to take one from: its file name, else a placeholder. */
function fileTitle(fileName: string | undefined): string {
  const name = fileName
    ? basename(fileName)
        .replace(/\.[^.]*$/, '')
        .trim()
    : '';
  return name || 'Untitled draft';
}

/** The parts of a draft: written by `writeDraft(meta, text, suggestions)`. */
export interface DraftParts {
  meta: DraftMeta;
  text: string;
  suggestions: Suggestion[];
}

/** Drafts one article's content; `knownWeapons`: the weapon ids the documents beside it define already. */
export function draftParts(
  content: string,
  fileName: string | undefined,
  id: string,
  o: Overrides,
  ctx: DraftContext,
  knownWeapons: ReadonlySet<string>,
): DraftParts {
  const article = readArticle(content, fileName, o);
  const { suggestions } = suggest(article.text, {
    docId: id,
    published: article.published,
    index: ctx.index,
    catalogue: ctx.catalogue,
    tagger: ctx.tagger,
    knownWeapons,
  });
  return { meta: article.meta(id), text: article.text, suggestions };
}

/**
 * The suggestions as `suggest` makes them when the weapons `alsoKnown` are defined already: a mention
 * that would define one of them (`#id`, its class and reason) refers to it instead (`of=`), as every
 * later mention of a weapon does. So an article drafted before the documents ahead of it in a batch were
 * can be written as if drafted after them.
 */
export function referringTo(suggestions: readonly Suggestion[], alsoKnown: ReadonlySet<string>): Suggestion[] {
  return suggestions.map((s) => {
    if (s.kind !== 'weapon' || !s.attributes.id || !alsoKnown.has(s.attributes.id)) return s;
    const { reason: _, ...rest } = s;
    return { ...rest, attributes: { of: s.attributes.id } };
  });
}

/** Weapon ids the documents of a directory define (`:weapon[…]{#id}`). */
export function definedWeapons(dir: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return ids;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.md')) continue;
    for (const id of weaponsDefinedIn(f, readFileSync(join(dir, f), 'utf8'))) ids.add(id);
  }
  return ids;
}

/** The weapon ids a draft defines: its weapon suggestions with an `#id` that `writeDraft` writes (it leaves out those that cannot nest). */
export function weaponsDefinedBy(p: DraftParts): string[] {
  return nestable(p.text, p.suggestions)
    .filter((s) => s.kind === 'weapon' && s.attributes.id)
    .map((s) => s.attributes.id);
}

/** The weapon ids a document defines (`:weapon[…]{#id}`), as the build reads it. */
export function weaponsDefinedIn(file: string, source: string): string[] {
  return parseDocumentText(file, source)
    .annotations.filter((a) => a.kind === 'weapon' && a.attributes.id)
    .map((a) => a.attributes.id);
}

export function writeParts(p: DraftParts): string {
  return writeDraft(p.meta, p.text, p.suggestions);
}

/** "3 places, 1 events, …": what a draft suggests. */
export function countsOf(suggestions: readonly Suggestion[]): string {
  return ['place', 'event', 'weapon', 'range']
    .map((k) => `${suggestions.filter((s) => s.kind === k).length} ${k}s`)
    .join(', ');
}
