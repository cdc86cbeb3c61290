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
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
  if (v.published !== undefined && !isCalendarDate(v.published))
    return usage(`--published "${v.published}" is no day of the calendar`);
  for (const key of ['title', 'publisher'] as const)
    if (v[key] !== undefined && v[key].trim() === '')
      return usage(`--${key} is blank: give the words, or leave it out`);
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
  if (file && statSync(file).isDirectory())
    return usage(`${file} is a directory: give one article file, or --out-dir DIR to draft every article in it`);
  if (v.out !== undefined && existsSync(v.out) && statSync(v.out).isDirectory())
    return usage(`--out ${v.out} is a directory: give the file to write, such as ${join(v.out, 'ID.md')}`);
  const blocker = v.out === undefined ? null : fileOnPath(dirname(resolvePath(v.out)));
  if (blocker) return usage(`--out ${v.out} cannot be written: ${blocker} is a file, not a directory`);
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

/** Whether YYYY-MM-DD names a day that exists (not 2024-02-30). */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The first existing path on the way to `dir` that is a file (so no directory can be made there), or null. */
function fileOnPath(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d)) return statSync(d).isDirectory() ? null : d;
    if (dirname(d) === d) return null;
  }
}

/**
 * `main`, with a failure no check foresaw (an unreadable file, a full disk) reported as one line and
 * exit code 1, never a stack trace.
 */
export async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    process.stderr.write(`suggest: error: ${message}; no draft written\n`);
    return 1;
  }
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await run(process.argv.slice(2));
