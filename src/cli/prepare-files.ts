/**
 * prepare-files: read, decode, parse and prepare documents — the per-document half of the build,
 * run on the main thread or, for large corpora, in worker threads (prepare-worker.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Decodes a document's bytes as UTF-8, or says precisely why it cannot be read. */
export function decodeDocument(path: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const fail = (message: string, line = 1, column = 1): { diagnostic: Diagnostic } => ({
    diagnostic: { severity: 'error', file: path, line, column, message },
  });
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return fail(
      `document is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB (split it into articles)`,
    );
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return fail('document is UTF-16; save it as UTF-8');
  if (bytes.includes(0)) return fail('not a text file (it contains NUL bytes); documents are UTF-8 Markdown');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const before = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0));
    return fail(
      'not valid UTF-8 (is it Latin-1 or Windows-1252?); save the document as UTF-8',
      before.split('\n').length,
      before.length - before.lastIndexOf('\n'),
    );
  }
}

/**
 * The published text kept beside a document, `name.txt` for `name.md`, when there is one and it is
 * UTF-8: with `text_sha256:` it places a mismatch at its first differing character.
 */
export function readOriginal(documentPath: string): string | null {
  const path = documentPath.replace(/\.md$/i, '.txt');
  if (path === documentPath || !existsSync(path)) return null;
  const decoded = decodeDocument(path, readFileSync(path));
  return 'text' in decoded ? decoded.text : null;
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
    const decoded = decodeDocument(shown, readFileSync(abs));
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
