/**
 * build-data: reads a directory of annotated documents and the area files they name, runs the pure
 * build, and returns the files to publish (none when there are errors). A builder keeps what does
 * not change between runs (the gazetteer, parsed documents by content, drawn ranges), so the dev
 * server rebuilds after an edit by re-parsing one document. Shared by the CLI, the Vite plugin and
 * the benchmark.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { OUTPUT_FILES, type Diagnostic } from '../contract.js';
import { parseDocumentText, type ParsedDocument } from '../build/parse.js';
import { compile, referencedAreas, type AreaFile } from '../build/compile.js';
import { serializeCollection } from '../build/emit.js';
import { loadGazetteer } from '../build/gazetteer.js';
import { resolvePlace } from '../build/resolve.js';
import { readArea } from '../build/areas.js';
import { listDocuments } from './documents.js';
import { eventsSchema, rangesSchema, SCHEMA_FILES } from '../schema.js';

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

/** Decodes a document's bytes as UTF-8, or says precisely why it cannot be read. */
export function decodeDocument(path: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const fail = (message: string, line = 1, column = 1): { diagnostic: Diagnostic } => ({ diagnostic: { severity: 'error', file: path, line, column, message } });
  if (bytes.length > MAX_DOCUMENT_BYTES) return fail(`document is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB (split it into articles)`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return fail('document is UTF-16; save it as UTF-8');
  if (bytes.includes(0)) return fail('not a text file (it contains NUL bytes); documents are UTF-8 Markdown');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const before = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0));
    return fail('not valid UTF-8 (is it Latin-1 or Windows-1252?); save the document as UTF-8', before.split('\n').length, before.length - before.lastIndexOf('\n'));
  }
}

/** Drawn ranges, shared by every builder of the process: geometry is pure in its key (origin digest, radii). */
const sharedGeometry = new Map<string, Polygon | MultiPolygon>();
const MAX_MEMO_ENTRIES = 50_000;

export interface DataBuilder {
  /** Builds from the input directory as it is now. */
  build(): BuildOutput;
}

export function createDataBuilder(inDir: string, cwd: string = process.cwd()): DataBuilder {
  const gazetteer = loadGazetteer();
  const resolve = (q: Parameters<typeof resolvePlace>[1], ctx?: Parameters<typeof resolvePlace>[2]) => resolvePlace(gazetteer, q, ctx);
  const parsedCache = new Map<string, { text: string; parsed: ParsedDocument }>();
  if (sharedGeometry.size > MAX_MEMO_ENTRIES) sharedGeometry.clear();
  return {
    build() {
      const paths = listDocuments(inDir);
      const parsed: ParsedDocument[] = [];
      const early: Diagnostic[] = [];
      const seen = new Set<string>();
      for (const abs of paths) {
        const shown = relative(cwd, abs) || abs;
        seen.add(shown);
        const decoded = decodeDocument(shown, readFileSync(abs));
        if ('diagnostic' in decoded) {
          early.push(decoded.diagnostic);
          continue;
        }
        const cached = parsedCache.get(shown);
        if (cached && cached.text === decoded.text) parsed.push(cached.parsed);
        else {
          const p = parseDocumentText(shown, decoded.text);
          parsedCache.set(shown, { text: decoded.text, parsed: p });
          parsed.push(p);
        }
      }
      for (const key of parsedCache.keys()) if (!seen.has(key)) parsedCache.delete(key);
      const areas = new Map<string, AreaFile>();
      for (const key of referencedAreas(parsed)) areas.set(key, readArea(resolvePath(cwd, key)));
      const result = compile(parsed, { resolve, areas, geometryCache: sharedGeometry });
      const diagnostics = [...early, ...result.diagnostics];
      if (paths.length === 0) diagnostics.push({ severity: 'error', file: relative(cwd, inDir) || inDir, line: 1, column: 1, message: 'no documents (*.md) in the input directory' });
      const failed = diagnostics.some((d) => d.severity === 'error');
      return {
        diagnostics,
        files: failed ? null : {
          [OUTPUT_FILES.events]: serializeCollection(result.events),
          [OUTPUT_FILES.ranges]: serializeCollection(result.ranges),
          [SCHEMA_FILES.events]: `${JSON.stringify(eventsSchema, null, 2)}\n`,
          [SCHEMA_FILES.ranges]: `${JSON.stringify(rangesSchema, null, 2)}\n`,
        },
        documents: paths.length,
        events: result.events.features.length,
        ranges: result.ranges.features.length,
      };
    },
  };
}
