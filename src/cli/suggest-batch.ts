/**
 * The batch mode of `npm run suggest`: `--out-dir DIR FILE|DIR...` drafts every article given (files, and
 * the .txt, .md, .markdown, .htm and .html files under the directories given) into DIR/<id>.md, the id
 * being the file's name less its extension, in one process: the place index, the catalogue and the tagger
 * are loaded once per thread, and `--jobs N` threads share the articles (worker_threads). Each draft is
 * the one `npm run suggest -- FILE --out DIR/<id>.md` would write, run on the articles one after the
 * other in the order given: a weapon a draft earlier in the batch defines is referred to (`of=`) by the
 * later ones, as the single-file mode does for the documents already in its folder. A file that cannot
 * be drafted (unreadable, not UTF-8, no text, its draft there already without --force) gets one line
 * naming it, and the others are still drafted.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import {
  type DraftContext,
  type DraftParts,
  type Overrides,
  definedWeapons,
  draftContext,
  draftParts,
  referringTo,
  weaponsDefinedBy,
  writeParts,
} from './suggest-draft.js';
import { runTsWorker } from './ts-worker.js';

/** The files a directory given is searched for. */
export const ARTICLE_FILES = /\.(txt|md|markdown|html?)$/i;

export interface BatchOptions {
  inputs: string[];
  outDir: string;
  /** Threads; default min(2, cores). */
  jobs?: number;
  force?: boolean;
  overrides: Overrides;
  /** Where the error lines and the summary go (default: standard error). */
  log?: (line: string) => void;
}

export interface BatchResult {
  articles: number;
  drafted: number;
  failed: number;
  jobs: number;
  /** Seconds, wall, from the start to the end of the batch. */
  wallS: number;
  /** Seconds until every thread had its index and tagger loaded. */
  startupS: number;
  /** Articles drafted after every thread was ready, and the seconds that took (the steady throughput). */
  steady: { articles: number; seconds: number; cpuS: number };
  /** CPU seconds this process has used (every thread, its start included). */
  cpuS: number;
}

export const defaultJobs = () => Math.min(2, availableParallelism());

export interface BatchItem {
  file: string;
  id: string;
}

export type ItemResult = { i: number; parts: DraftParts } | { i: number; error: string };

/** Every article under the inputs, in order (a directory's files sorted by path); errors for the inputs that are not there. */
export function collectArticles(inputs: readonly string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (ARTICLE_FILES.test(e.name)) files.push(p);
    }
  };
  for (const input of inputs) {
    if (!existsSync(input)) errors.push(`${input}: does not exist`);
    else if (statSync(input).isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, errors };
}

/** Reads an article as UTF-8 text; a file that is not says where its first bad byte is. */
export function readText(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = bytes.toString('utf8');
    const at = loose.indexOf('\uFFFD');
    const before = loose.slice(0, at);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new Error(`${line}:${column}: not UTF-8 text`);
  }
}

/** Drafts one article of a batch, knowing the weapons its folder defined before the batch. */
export function draftItem(
  item: BatchItem,
  i: number,
  o: Overrides,
  ctx: DraftContext,
  known: ReadonlySet<string>,
): ItemResult {
  try {
    const content = readText(item.file);
    const parts = draftParts(content, item.file, item.id, o, ctx, known);
    if (!parts.text.trim()) return { i, error: 'no article text (an empty file, or no main text in the HTML)' };
    return { i, parts };
  } catch (e) {
    return { i, error: (e as Error).message };
  }
}

/** The work the worker threads share: the articles, the next one to claim, what the folder defined. */
export interface BatchWork {
  items: BatchItem[];
  next: Int32Array;
  overrides: Overrides;
  known: string[];
}

export async function runBatch(o: BatchOptions): Promise<BatchResult> {
  const t0 = performance.now();
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const { files, errors } = collectArticles(o.inputs);
  const fail = (where: string, message: string) =>
    log(`suggest: ${where}${/^\d/.test(message) ? ':' : ': '}${message}`);
  for (const e of errors) log(`suggest: ${e}`);
  let failed = errors.length;
  const items: BatchItem[] = [];
  const byId = new Map<string, string>();
  const out = (id: string) => join(o.outDir, `${id}.md`);
  for (const file of files) {
    const id = basename(file).replace(/\.[^.]+$/, '');
    const other = byId.get(id);
    if (other !== undefined) {
      fail(file, `its draft would be ${out(id)}, as ${other}'s is: rename one`);
      failed++;
    } else if (!o.force && existsSync(out(id))) {
      byId.set(id, file);
      fail(file, `${out(id)} exists already (give --force to overwrite it)`);
      failed++;
    } else {
      byId.set(id, file);
      items.push({ file, id });
    }
  }
  const known = definedWeapons(o.outDir);
  const jobs = Math.max(1, Math.min(o.jobs ?? defaultJobs(), items.length));
  if (items.length > 0) mkdirSync(o.outDir, { recursive: true });

  // Drafts are written in the order given, each as drafted after the ones before it: `added` holds the
  // weapons the batch's drafts written so far define.
  const added = new Set<string>();
  const waiting = new Map<number, ItemResult>();
  let written = 0;
  let drafted = 0;
  let readyAt = items.length > 0 ? Number.NaN : t0;
  let afterReady = 0;
  const cpuNow = () => ((u) => (u.user + u.system) / 1e6)(process.cpuUsage());
  let cpuAtReady = 0;
  const take = (r: ItemResult) => {
    if (!Number.isNaN(readyAt)) afterReady++;
    waiting.set(r.i, r);
    for (let next = waiting.get(written); next; next = waiting.get(written)) {
      waiting.delete(written);
      written++;
      const item = items[next.i];
      if ('error' in next) {
        fail(item.file, next.error);
        failed++;
        continue;
      }
      const parts = { ...next.parts, suggestions: referringTo(next.parts.suggestions, added) };
      const draft = writeParts(parts);
      try {
        writeFileSync(out(item.id), draft, { flag: o.force ? 'w' : 'wx' });
      } catch (e) {
        fail(item.file, (e as Error).message);
        failed++;
        continue;
      }
      drafted++;
      // As the build would read them from the draft (the single-file mode reads its folder's), without parsing it again.
      for (const id of weaponsDefinedBy(parts)) if (!known.has(id)) added.add(id);
    }
  };

  if (jobs === 1 && items.length > 0) {
    const ctx = draftContext(o.overrides.tagger);
    readyAt = performance.now();
    cpuAtReady = cpuNow();
    items.forEach((item, i) => take(draftItem(item, i, o.overrides, ctx, known)));
  } else if (items.length > 0) {
    const work: BatchWork = {
      items,
      next: new Int32Array(new SharedArrayBuffer(4)),
      overrides: o.overrides,
      known: [...known],
    };
    let ready = 0;
    await Promise.all(
      Array.from({ length: jobs }, () =>
        startWorker(
          work,
          () => {
            if (++ready === jobs) {
              readyAt = performance.now();
              cpuAtReady = cpuNow();
            }
          },
          take,
        ),
      ),
    );
  }
  const end = performance.now();
  const result: BatchResult = {
    articles: files.length + errors.length,
    drafted,
    failed,
    jobs,
    wallS: (end - t0) / 1000,
    startupS: ((Number.isNaN(readyAt) ? end : readyAt) - t0) / 1000,
    steady: {
      articles: afterReady,
      seconds: Number.isNaN(readyAt) ? 0 : (end - readyAt) / 1000,
      cpuS: Number.isNaN(readyAt) ? 0 : cpuNow() - cpuAtReady,
    },
    cpuS: cpuNow(),
  };
  log(
    `suggest: ${result.articles} articles: ${drafted} drafted into ${o.outDir}, ${failed} failed, in ${result.wallS.toFixed(1)} s on ${jobs} thread${jobs === 1 ? '' : 's'} (all review=pending; start-up ${result.startupS.toFixed(1)} s, then ${afterReady} articles in ${result.steady.seconds.toFixed(1)} s, ${result.steady.cpuS.toFixed(1)} s CPU; CPU ${result.cpuS.toFixed(1)} s)`,
  );
  return result;
}

/**
 * A drafting thread's young generation (MB): drafting a 1,000-word article allocates some 25 MB that dies young
 * (the tagger's terms above all); at V8's default of 48 MB the thread stops for a collection about once
 * an article, at 96 MB half as often (tens of MB more memory a thread).
 */
export const WORKER_YOUNG_MB = 96;

/** A worker thread on the shared articles: `onReady` once its index is loaded, `onResult` for each article. */
function startWorker(work: BatchWork, onReady: () => void, onResult: (r: ItemResult) => void): Promise<void> {
  return runTsWorker<ItemResult | 'ready'>(
    new URL('./suggest-worker.ts', import.meta.url),
    work,
    (m) => (m === 'ready' ? onReady() : onResult(m)),
    { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  );
}
