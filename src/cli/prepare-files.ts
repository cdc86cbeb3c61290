/**
 * prepare-files: read, decode, parse and prepare documents — the per-document half of the build,
 * run on the main thread or, for large corpora, in worker threads (prepare-worker.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from '../contract.js';
import { parseDocumentText, type ParsedDocument } from '../compiler/parse.js';
import { prepareDocument, type PreparedDocument } from '../compiler/compile.js';
import type { Resolver } from '../compiler/document-places.js';
import { applyReview } from '../compiler/review.js';
import { oneLine } from '../compiler/diagnostics.js';

/** Documents larger than this are refused: a news article is tens of kB. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export interface PreparedFiles {
  prepared: PreparedDocument[];
  /** Files that could not be read as text at all. */
  unreadable: Diagnostic[];
}

/**
 * Bytes 0x80–0xFF as Windows-1252 reads them ("" where it leaves one undefined); 0xA0–0xFF are Latin-1's.
 * (Node's TextDecoder reads the label windows-1252 as Latin-1, hence the table.)
 */
const WINDOWS_1252 = [
  ...'€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ',
  ...Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)),
].map((c) => (c === '\0' ? '' : c === '\u00A0' ? 'no-break space' : c));

/** The index of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n === -1) return i;
    // The second byte's range as the decoder checks it: no overlong form (E0 80…, F0 80…), no UTF-16
    // surrogate (ED A0… to ED BF…), nothing past U+10FFFF (F4 90…). Checking only that it continues
    // placed the error of a surrogate or an overlong form at the file's last byte.
    const [lo, hi] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    if (n > 0 && (i + 1 >= bytes.length || bytes[i + 1] < lo || bytes[i + 1] > hi)) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(bytes.length - 1, 0);
}

/** "LE" or "BE" when the bytes read as UTF-16 without a byte-order mark (a NUL beside each ASCII character), else null. */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  return odd >= (n / 2) * 0.9 ? 'LE' : even >= (n / 2) * 0.9 ? 'BE' : null;
}

/** Decodes a document's bytes as UTF-8, or says precisely why it cannot be read. `what`: what the file is, for messages. */
export function decodeDocument(
  path: string,
  bytes: Uint8Array,
  what: 'document' | 'story file' = 'document',
): { text: string } | { diagnostic: Diagnostic } {
  const fail = (message: string, line = 1, column = 1): { diagnostic: Diagnostic } => ({
    diagnostic: { severity: 'error', file: path, line, column, message },
  });
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return fail(
      `document is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB (split it into articles)`,
    );
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  )
    return fail(`${what} is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return fail(`${what} is UTF-16; save it as UTF-8`);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16)
    return fail(
      `${what} is UTF-16 (${utf16 === 'LE' ? 'little' : 'big'}-endian, with no byte-order mark: a NUL byte beside each character); save it as UTF-8`,
    );
  // Where a byte stands, as line and UTF-16 column of the text before it (read leniently).
  const at = (index: number): [number, number] => {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, index)).replace(/^\uFEFF/, '');
    return [before.split('\n').length, before.length - before.lastIndexOf('\n')];
  };
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    return fail(
      `not a text file: it has a NUL byte (U+0000) here, and a ${what} is UTF-8 text; delete it, or save the ${what} again as UTF-8 text`,
      ...at(nul),
    );
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const byte = bytes[bad];
    if (byte === 0xed && bytes[bad + 1] >= 0xa0 && bytes[bad + 1] <= 0xbf)
      return fail(
        `not valid UTF-8: bytes 0xED 0x${bytes[bad + 1].toString(16).toUpperCase()} here encode half of a UTF-16 surrogate pair (CESU-8, as some Java and database tools write an emoji or a rare character), which UTF-8 does not allow; save the ${what} as UTF-8 (re-type the character)`,
        ...at(bad),
      );
    const as1252 = byte >= 0x80 ? WINDOWS_1252[byte - 0x80] : '';
    return fail(
      `not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here${as1252 ? ` is "${as1252}" in Windows-1252 (Latin-1)` : ''}, so the ${what} was saved in another encoding; save it as UTF-8`,
      ...at(bad),
    );
  }
}

/**
 * The published text kept beside a document, `name.txt` for `name.md`, when there is one and it is
 * UTF-8: with `text_sha256:` it places a mismatch at its first differing character. Anything else of that
 * name (a folder `name.txt`, a file that cannot be read) is no published text.
 */
export function readOriginal(documentPath: string): string | null {
  const path = documentPath.replace(/\.md$/i, '.txt');
  if (path === documentPath) return null;
  let bytes: Uint8Array;
  try {
    if (!statSync(path).isFile()) return null;
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const decoded = decodeDocument(path, bytes);
  return 'text' in decoded ? decoded.text : null;
}

/** A document's bytes, or the error that says why it cannot be read (removed since it was listed, no permission). */
function readDocument(abs: string, shown: string): Uint8Array | Diagnostic {
  try {
    return readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied; let the build read it (chmod a+r) or move it out of the documents folder'
        : code === 'ENOENT'
          ? 'it was removed while the build ran; run the build again'
          : `${code ?? (e as Error).message}; check the file, or move it out of the documents folder`;
    return { severity: 'error', file: shown, line: 1, column: 1, message: `cannot read the document: ${why}` };
  }
}

/**
 * Prepares each file. `cache` keeps parsed documents by path and content between builds of a long-lived
 * process (the dev server), so an edit re-parses one document.
 */
export function prepareFiles(
  paths: readonly string[],
  cwd: string,
  resolve: Resolver,
  cache?: Map<string, { text: string; original: string | null; parsed: ParsedDocument }>,
  includePending = false,
): PreparedFiles {
  const prepared: PreparedDocument[] = [];
  const unreadable: Diagnostic[] = [];
  for (const abs of paths) {
    const shown = relative(cwd, abs) || abs;
    const bytes = readDocument(abs, shown);
    if (!(bytes instanceof Uint8Array)) {
      unreadable.push(bytes);
      continue;
    }
    const decoded = decodeDocument(shown, bytes);
    if ('diagnostic' in decoded) {
      unreadable.push(decoded.diagnostic);
      continue;
    }
    const original = readOriginal(abs);
    const cached = cache?.get(shown);
    let parsed = cached && cached.text === decoded.text && cached.original === original ? cached.parsed : null;
    try {
      if (!parsed) {
        parsed = parseDocumentText(shown, decoded.text, { original });
        cache?.set(shown, { text: decoded.text, original, parsed });
      }
      prepared.push(prepareDocument(applyReview(parsed, includePending), resolve));
    } catch (e) {
      // A failure the checks did not foresee is this document's error, located at it, with no stack
      // trace; the other documents are still read and their problems reported.
      unreadable.push({
        severity: 'error',
        file: shown,
        line: 1,
        column: 1,
        message: oneLine(
          `the build failed on this document: ${e instanceof Error ? e.message : String(e)} (a bug in the build, not in the document's format: please report it with this file)`,
        ),
      });
    }
  }
  return { prepared, unreadable };
}

/** What a build thread is handed: all the files, the chunk size and the shared counter of chunks claimed. */
export interface PrepareWork {
  paths: string[];
  cwd: string;
  chunk: number;
  next: Int32Array;
  includePending?: boolean;
}
export interface PreparedChunk {
  index: number;
  files: PreparedFiles;
}

/** Claims the next chunk of files for this thread, or null when every chunk has been claimed. */
export function claimChunk(work: PrepareWork): { index: number; paths: string[] } | null {
  const index = Atomics.add(work.next, 0, 1);
  return index * work.chunk < work.paths.length
    ? { index, paths: work.paths.slice(index * work.chunk, (index + 1) * work.chunk) }
    : null;
}
