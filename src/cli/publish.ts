/**
 * publish: replaces a build's output all at once. The output directory is a symbolic link to a
 * version directory named by a hash of its content; a build writes a new version beside the others,
 * then swaps the link with one rename, while holding the output's lock. A reader that resolves the
 * link once (the dev server per request, `realpath` in a sync job) reads every file from one build;
 * a failed or concurrent build never leaves a half-written or mixed output.
 *
 * A build's files are written as they are made (publishOutputs: emit.ts Output, a piece at a time),
 * and hashed as they are written; the version's name is the same as for the files given whole (versionOf).
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
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Output } from '../compiler/emit.js';

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

/**
 * A file's pieces (emit.ts Output) as UTF-8 bytes, a batch of about `size` characters at a time: small
 * pieces (a feature, a CSV row) are joined, a large one is cut (see `pieces`), and a batch never ends
 * between the two halves of a surrogate pair, even one that two pieces split. The bytes, one after
 * another, are the UTF-8 of the pieces' text joined (bytes given as bytes pass through).
 *
 * With `scratch` (at least 3 × size bytes: a UTF-16 unit is at most 3 bytes of UTF-8), each batch is
 * encoded into it and yielded as a view of it, valid until the next one is asked for: no buffer is
 * allocated per batch (buffers live outside the JavaScript heap, and hundreds of MB of them could wait
 * for a collection, which is what this build is about).
 */
export function* encoded(chunks: Iterable<string | Uint8Array>, size = PIECE, scratch?: Buffer): Generator<Uint8Array> {
  let pending: string[] = [];
  let length = 0;
  const encode = (piece: string): Uint8Array =>
    scratch && piece.length * 3 <= scratch.length
      ? scratch.subarray(0, scratch.write(piece, 0, 'utf8'))
      : Buffer.from(piece, 'utf8');
  function* flush(all: boolean): Generator<Uint8Array> {
    if (pending.length === 0) return;
    const text = pending.join('');
    // A high surrogate at the end waits for the piece that may hold its low half.
    const last = text.charCodeAt(text.length - 1);
    const keep = !all && last >= 0xd800 && last <= 0xdbff ? 1 : 0;
    pending = keep ? [text.slice(-1)] : [];
    length = keep;
    for (const piece of pieces(text.slice(0, text.length - keep), size)) yield encode(piece);
  }
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      yield* flush(true);
      yield chunk;
      continue;
    }
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) yield* flush(false);
  }
  yield* flush(true);
}

export interface PublishOptions {
  /** Directory of the version directories; default defaultStore(outDir). */
  store?: string;
}

/** Publishes files given whole: see publishOutputs. */
export function publish(
  outDir: string,
  files: Record<string, string | Uint8Array>,
  options: PublishOptions = {},
): string {
  return publishOutputs(
    outDir,
    Object.entries(files).map(([name, content]) => ({ name, chunks: [content] })),
    options,
  );
}

/**
 * Writes the outputs into a new version and swaps the link to it; returns the version's name. Each
 * output is read once, in name order, and its bytes hashed and written as they come, so no file is ever
 * whole in memory; the version's name is versionOf's (a hash of each name and content, in name order).
 */
export function publishOutputs(outDir: string, outputs: readonly Output[], options: PublishOptions = {}): string {
  const store = options.store ?? defaultStore(outDir);
  mkdirSync(dirname(outDir), { recursive: true });
  mkdirSync(store, { recursive: true });
  const sorted = [...outputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].name === sorted[i - 1].name) throw new Error(`two outputs named ${sorted[i].name}`);
  const h = createHash('sha256');
  const scratch = Buffer.allocUnsafe(3 * PIECE);
  const staging = mkdtempSync(join(store, 'tmp-'));
  try {
    for (const { name, chunks } of sorted) {
      h.update(`${name}\0`);
      // A story's file sits in a folder of its own (maps/<id>.json).
      if (name.includes('/')) mkdirSync(dirname(join(staging, name)), { recursive: true });
      const fd = openSync(join(staging, name), 'w');
      try {
        for (const bytes of encoded(chunks, PIECE, scratch)) {
          h.update(bytes);
          for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
        }
      } finally {
        closeSync(fd);
      }
      h.update('\0');
    }
    const version = `v-${h.digest('hex').slice(0, 16)}`;
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
    return version;
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
