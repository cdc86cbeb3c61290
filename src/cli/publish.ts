/**
 * publish: replaces a build's output all at once. The output directory is a symbolic link to a
 * version directory named by a hash of its content; a build writes a new version beside the others,
 * then swaps the link with one rename, while holding the output's lock. A reader that resolves the
 * link once (the dev server per request, `realpath` in a sync job) reads every file from one build;
 * a failed or concurrent build never leaves a half-written or mixed output.
 *
 * Versions are immutable once published. The KEEP_VERSIONS most recently published stay, so a reader
 * that resolved the link just before a swap can finish; older ones are removed.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** A lock older than this (ms) was left by a killed build: the swap it guards takes milliseconds. */
const STALE_LOCK_MS = 30_000;
/** Versions kept in the store, the current one included. */
export const KEEP_VERSIONS = 3;

/** Where an output's versions live unless told otherwise: a hidden directory beside it. */
export function defaultStore(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.builds`);
}

/** Characters of a file's text encoded at a time (hashing, writing): a 185 MB events.geojson is not copied whole. */
export const PIECE = 1 << 22;

/**
 * A text in pieces of at most `size` characters whose UTF-8 bytes, one after another, are the text's:
 * a piece never ends between the two halves of a surrogate pair (so a piece holds at least 2 characters).
 */
export function* pieces(text: string, size = PIECE): Generator<string> {
  size = Math.max(2, size);
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(i, end);
    i = end;
  }
}

/** The version name of a set of files: a hash of their names and contents. */
export function versionOf(files: Record<string, string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    h.update(`${name}\0`);
    const content = files[name];
    if (typeof content === 'string') for (const piece of pieces(content)) h.update(piece);
    else h.update(content);
    h.update('\0');
  }
  return `v-${h.digest('hex').slice(0, 16)}`;
}

/** Writes a file's content, a text piece by piece (see `pieces`). */
function writeContent(path: string, content: string | Uint8Array): void {
  if (typeof content !== 'string' || content.length <= PIECE) {
    writeFileSync(path, content);
    return;
  }
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces(content)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

export interface PublishOptions {
  /** Directory of the version directories; default defaultStore(outDir). */
  store?: string;
}

export function publish(
  outDir: string,
  files: Record<string, string | Uint8Array>,
  options: PublishOptions = {},
): void {
  const store = options.store ?? defaultStore(outDir);
  mkdirSync(dirname(outDir), { recursive: true });
  mkdirSync(store, { recursive: true });
  const version = versionOf(files);
  const staging = mkdtempSync(join(store, 'tmp-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      // A story's file sits in a folder of its own (maps/<id>.json).
      if (name.includes('/')) mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeContent(join(staging, name), content);
    }
    withLock(`${outDir}.lock`, () => {
      const target = join(store, version);
      // The same content published before is still that content: versions are never written to.
      if (existsSync(target)) rmSync(staging, { recursive: true, force: true });
      else renameSync(staging, target);
      const now = new Date();
      utimesSync(target, now, now);
      swapLink(outDir, relative(dirname(outDir), target), store);
      prune(store, version);
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Points `link` at `target` with one rename; a real directory left by an older build is moved into the store first. */
function swapLink(link: string, target: string, store: string): void {
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    stat = null;
  }
  // An output written before versions existed (or copied in by hand): moved aside once, then linked.
  if (stat && !stat.isSymbolicLink()) renameSync(link, mkdtempSync(join(store, 'old-')));
  const temporary = `${link}.link-${process.pid}`;
  rmSync(temporary, { force: true });
  symlinkSync(target, temporary, 'dir');
  renameSync(temporary, link);
}

/** Removes all but the KEEP_VERSIONS most recently published versions (never the current one). */
function prune(store: string, current: string): void {
  const versions = readdirSync(store)
    .filter((n) => n !== current && (n.startsWith('v-') || n.startsWith('old-')))
    .map((n) => ({ n, t: statSync(join(store, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t || (a.n < b.n ? -1 : 1));
  for (const { n } of versions.slice(KEEP_VERSIONS - 1)) rmSync(join(store, n), { recursive: true, force: true });
}

function withLock(lock: string, fn: () => void): void {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      if (Date.now() > deadline) throw new Error(`could not lock ${lock} within ${STALE_LOCK_MS / 1000} s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
