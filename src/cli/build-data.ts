/**
 * build-data: reads a directory of annotated documents and the area files they name, runs the pure
 * build, and returns the files to publish (or none, when there are errors). Shared by the CLI,
 * the Vite dev plugin and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import { OUTPUT_FILES, type Diagnostic } from '../contract.js';
import { parseDocumentText, type ParsedDocument } from '../build/parse.js';
import { compile, referencedAreas, type AreaFile } from '../build/compile.js';
import { serializeCollection } from '../build/emit.js';
import { loadGazetteer } from '../build/gazetteer.js';
import { resolvePlace } from '../build/resolve.js';
import { readArea } from '../build/areas.js';
import { listDocuments } from './data.js';

/** Documents larger than this are refused: a news article is tens of kB. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export interface BuildOutput {
  diagnostics: Diagnostic[];
  /** File name → content; null when there were errors. */
  files: Record<string, string> | null;
  documents: number;
  events: number;
  ranges: number;
}

let gazetteer: ReturnType<typeof loadGazetteer> | null = null;

/** Decodes a document's bytes as UTF-8, or says precisely why it cannot be read. */
export function decodeDocument(path: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const fail = (message: string, line = 1, column = 1): { diagnostic: Diagnostic } => ({ diagnostic: { severity: 'error', file: path, line, column, message } });
  if (bytes.length > MAX_DOCUMENT_BYTES) return fail(`document is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB (split it into articles)`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return fail('document is UTF-16; save it as UTF-8');
  if (bytes.includes(0)) return fail('not a text file (it contains NUL bytes); documents are UTF-8 Markdown');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Locate the first invalid byte by decoding growing prefixes' valid part.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const before = lenient.slice(0, Math.max(bad, 0));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return fail('not valid UTF-8 (is it Latin-1 or Windows-1252?); save the document as UTF-8', line, column);
  }
}

export function buildData(inDir: string, cwd: string): BuildOutput {
  const paths = listDocuments(inDir);
  const parsed: ParsedDocument[] = [];
  const early: Diagnostic[] = [];
  for (const abs of paths) {
    const shown = relative(cwd, abs) || abs;
    const decoded = decodeDocument(shown, readFileSync(abs));
    if ('diagnostic' in decoded) early.push(decoded.diagnostic);
    else parsed.push(parseDocumentText(shown, decoded.text));
  }
  const areas = new Map<string, AreaFile>();
  for (const key of referencedAreas(parsed)) areas.set(key, readArea(resolvePath(cwd, key)));
  gazetteer ??= loadGazetteer();
  const g = gazetteer;
  const result = compile(parsed, { resolve: (q, ctx) => resolvePlace(g, q, ctx), areas });
  const diagnostics = [...early, ...result.diagnostics];
  if (paths.length === 0) diagnostics.push({ severity: 'error', file: relative(cwd, inDir) || inDir, line: 1, column: 1, message: 'no documents (*.md) in the input directory' });
  const failed = diagnostics.some((d) => d.severity === 'error');
  return {
    diagnostics,
    files: failed ? null : { [OUTPUT_FILES.events]: serializeCollection(result.events), [OUTPUT_FILES.ranges]: serializeCollection(result.ranges) },
    documents: paths.length,
    events: result.events.features.length,
    ranges: result.ranges.features.length,
  };
}

