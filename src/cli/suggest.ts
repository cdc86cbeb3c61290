/**
 * `npm run suggest -- ARTICLE [--published YYYY-MM-DD] [--title …] [--publisher …] [--url …] [--out FILE]`:
 * reads an article (a file, or standard input when ARTICLE is - or missing; plain text, Markdown or
 * HTML), and writes a draft document whose every annotation is a suggestion marked review=pending
 * (to --out, else standard output). Exit 2 on wrong usage.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadGazetteer } from './gazetteer-cache.js';
import { parseDocumentText } from '../compiler/parse.js';
import { parseCatalogue } from '../suggest/catalogue.js';
import { writeDraft } from '../suggest/draft.js';
import { detectFormat, extract } from '../suggest/extract.js';
import { placeIndex } from '../suggest/place-index.js';
import { suggest } from '../suggest/suggest.js';
import { compromiseTagger, winkTagger } from '../suggest/tagger.js';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
export const CATALOGUE = join(root, 'data/weapons.yaml');
const USAGE =
  'usage: npm run suggest -- ARTICLE|- [--published YYYY-MM-DD] [--title TEXT] [--publisher TEXT] [--url URL] [--out data/documents/ID.md]';

/** Weapon ids the documents of a directory define (`:weapon[…]{#id}`). */
export function definedWeapons(dir: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.md')) continue;
    for (const a of parseDocumentText(f, readFileSync(join(dir, f), 'utf8')).annotations)
      if (a.kind === 'weapon' && a.attributes.id) ids.add(a.attributes.id);
  }
  return ids;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        published: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        url: { type: 'string' },
        out: { type: 'string' },
        tagger: { type: 'string' },
      },
    });
  } catch (e) {
    process.stderr.write(`suggest: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) {
    process.stderr.write(`suggest: one article at a time (got ${positionals.length})\n${USAGE}\n`);
    return 2;
  }
  if (v.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.published)) {
    process.stderr.write(`suggest: --published "${v.published}" is not YYYY-MM-DD\n${USAGE}\n`);
    return 2;
  }
  if (v.url !== undefined && !/^https?:\/\//.test(v.url)) {
    process.stderr.write(`suggest: --url "${v.url}" is not an http(s) link\n${USAGE}\n`);
    return 2;
  }
  const file = positionals[0] && positionals[0] !== '-' ? positionals[0] : null;
  if (file && !existsSync(file)) {
    process.stderr.write(`suggest: ${file} does not exist\n${USAGE}\n`);
    return 2;
  }
  const content = file ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const extracted = extract(content.replace(/^\uFEFF/, ''), detectFormat(content, file ?? undefined));
  const text = extracted.text;
  const published = v.published ?? extracted.published;
  const id = v.out
    ? basename(v.out).replace(/\.md$/, '')
    : `draft_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const outDir = v.out ? dirname(resolvePath(v.out)) : join(root, 'data/documents');
  const { suggestions } = suggest(text, {
    docId: id,
    published,
    index: placeIndex(loadGazetteer()),
    catalogue: parseCatalogue(readFileSync(CATALOGUE, 'utf8')),
    tagger: v.tagger === 'wink' ? winkTagger : compromiseTagger,
    knownWeapons: definedWeapons(outDir),
  });
  const draft = writeDraft(
    {
      id,
      title: v.title ?? extracted.title ?? text.split('\n')[0].slice(0, 120),
      publisher: v.publisher ?? extracted.publisher,
      author: extracted.author,
      published,
      url: v.url ?? null,
      notes:
        'Draft made by npm run suggest: every annotation is a suggestion marked review=pending; review each, then delete review=pending to accept it.',
    },
    text,
    suggestions,
  );
  if (v.out) {
    // The draft goes where it is asked, its folder made if need be (a new data/documents, say).
    mkdirSync(dirname(resolvePath(v.out)), { recursive: true });
    writeFileSync(v.out, draft);
    const counts = ['place', 'event', 'weapon', 'range']
      .map((k) => `${suggestions.filter((s) => s.kind === k).length} ${k}s`)
      .join(', ');
    process.stderr.write(`suggest: ${counts} suggested → ${v.out} (all review=pending)\n`);
  } else process.stdout.write(draft);
  return 0;
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main(process.argv.slice(2));
