/**
 * `npm run suggest -- ARTICLE [--published YYYY-MM-DD] [--title …] [--publisher …] [--url …] [--out FILE [--force]]`:
 * reads an article (a file, or standard input when ARTICLE is - or missing; plain text, Markdown or
 * HTML), and writes a draft document whose every annotation is a suggestion marked review=pending
 * (to --out, else standard output); a file already at --out is kept (exit 1) unless --force.
 * `npm run suggest -- --out-dir DIR [--jobs N] [--force] [--published …] FILE|DIR...`: the batch mode
 * (suggest-batch.ts), every article into DIR/<id>.md in one process; exit 1 when any failed.
 * Exit 2 on wrong usage.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBatch } from './suggest-batch.js';
import { countsOf, definedWeapons, draftContext, readArticle, writeParts } from './suggest-draft.js';
import { suggest } from '../suggest/suggest.js';

export { CATALOGUE, definedWeapons } from './suggest-draft.js';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = [
  'usage: npm run suggest -- ARTICLE|- [--published YYYY-MM-DD] [--title TEXT] [--publisher TEXT] [--url URL] [--out data/documents/ID.md [--force]]',
  '       npm run suggest -- --out-dir DIR [--jobs N] [--force] [--published YYYY-MM-DD] [--title …] [--publisher …] [--url …] FILE|DIR...',
].join('\n');

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
        'out-dir': { type: 'string' },
        jobs: { type: 'string' },
        force: { type: 'boolean' },
        tagger: { type: 'string' },
      },
    });
  } catch (e) {
    process.stderr.write(`suggest: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const usage = (message: string) => {
    process.stderr.write(`suggest: ${message}\n${USAGE}\n`);
    return 2;
  };
  const batch = v['out-dir'] !== undefined;
  if (!batch && positionals.length > 1)
    return usage(`one article at a time (got ${positionals.length}); give --out-dir DIR to draft several`);
  if (!batch && v.jobs !== undefined) return usage('--jobs goes with --out-dir');
  if (!batch && v.force && v.out === undefined)
    return usage('--force goes with --out or --out-dir (a file to overwrite)');
  if (batch && v.out !== undefined) return usage('give --out (one article) or --out-dir (several), not both');
  if (batch && (positionals.length === 0 || positionals.includes('-')))
    return usage(
      '--out-dir drafts files and directories of articles: name at least one (standard input is one article)',
    );
  if (v.jobs !== undefined && !/^[1-9]\d*$/.test(v.jobs))
    return usage(`--jobs "${v.jobs}" is not a positive whole number`);
  if (v.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.published))
    return usage(`--published "${v.published}" is not YYYY-MM-DD`);
  if (v.url !== undefined && !/^https?:\/\//.test(v.url)) return usage(`--url "${v.url}" is not an http(s) link`);
  const overrides = { published: v.published, title: v.title, publisher: v.publisher, url: v.url, tagger: v.tagger };
  if (batch) {
    const r = await runBatch({
      inputs: positionals,
      outDir: v['out-dir'] as string,
      jobs: v.jobs === undefined ? undefined : Number(v.jobs),
      force: v.force ?? false,
      overrides,
    });
    return r.failed > 0 ? 1 : 0;
  }
  const file = positionals[0] && positionals[0] !== '-' ? positionals[0] : null;
  if (file && !existsSync(file)) return usage(`${file} does not exist`);
  if (v.out !== undefined && existsSync(v.out) && !v.force) {
    // A document there may hold a reviewer's work: a new draft over it would lose it without a word.
    process.stderr.write(
      `suggest: ${v.out} exists already; nothing written (a reviewed draft there would be lost): give --force to overwrite it, or another --out\n`,
    );
    return 1;
  }
  const content = file ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const article = readArticle(content, file ?? undefined, overrides);
  const text = article.text;
  const id = v.out
    ? basename(v.out).replace(/\.md$/, '')
    : `draft_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const outDir = v.out ? dirname(resolvePath(v.out)) : join(root, 'data/documents');
  const ctx = draftContext(v.tagger);
  const { suggestions } = suggest(text, {
    docId: id,
    published: article.published,
    index: ctx.index,
    catalogue: ctx.catalogue,
    tagger: ctx.tagger,
    knownWeapons: definedWeapons(outDir),
  });
  const draft = writeParts({ meta: article.meta(id), text, suggestions });
  if (v.out) {
    // The draft goes where it is asked, its folder made if need be (a new data/documents, say).
    mkdirSync(dirname(resolvePath(v.out)), { recursive: true });
    writeFileSync(v.out, draft);
    process.stderr.write(`suggest: ${countsOf(suggestions)} suggested → ${v.out} (all review=pending)\n`);
  } else process.stdout.write(draft);
  return 0;
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main(process.argv.slice(2));
