/**
 * build-data: reads a directory of annotated documents and the area files they name, runs the pure
 * build, and returns the files to publish (none when there are errors). Shared by the CLI, the Vite
 * plugin and the benchmark.
 *
 * The per-document half of the build (parse, check, resolve places) runs in worker threads for large
 * corpora, one per core; the half that spans documents (claims, bands, output) runs here. A builder
 * keeps what does not change between runs (the gazetteer, parsed documents by content, drawn ranges),
 * so the dev server rebuilds after an edit by re-parsing one document.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MultiPolygon, Polygon } from 'geojson';
import { OUTPUT_FILES, type Diagnostic } from '../contract.js';
import type { ParsedDocument } from '../build/parse.js';
import { assemble, referencedAreas, type AreaFile } from '../build/compile.js';
import { serializeCollection } from '../build/emit.js';
import { loadGazetteer } from '../build/gazetteer.js';
import { resolveDocument } from '../build/resolve.js';
import { readArea } from '../build/areas.js';
import { listDocuments } from './documents.js';
import { prepareFiles, type PreparedFiles } from './prepare-files.js';
import { eventsSchema, rangesSchema } from '../schema.js';
import { EVENT_COLUMNS, RANGE_COLUMNS, tableSchema, toCsv } from '../build/csv.js';

/**
 * Below this many documents, workers (their start-up, a gazetteer in each, copying results back)
 * cost more than they save: measured on 2 busy cores, 1,000 documents took 4.0–5.2 s on one thread
 * and 7.7–9.0 s with two workers.
 */
export const PARALLEL_THRESHOLD = 5000;

export interface BuildOutput {
  diagnostics: Diagnostic[];
  /** File name → content; null when there were errors. */
  files: Record<string, string> | null;
  documents: number;
  events: number;
  ranges: number;
}

export interface DataBuilder {
  /** Builds from the input directory as it is now. */
  build(): Promise<BuildOutput>;
}

export interface BuilderOptions {
  /** Paths in diagnostics are relative to this; default the working directory. */
  cwd?: string;
  /** Worker threads for the per-document half; default one per core above PARALLEL_THRESHOLD documents, else 0. */
  workers?: number;
}

/** Drawn ranges, shared by every builder of the process: geometry is pure in its key (origin digest, radii). */
const sharedGeometry = new Map<string, Polygon | MultiPolygon>();
const MAX_MEMO_ENTRIES = 50_000;

export function createDataBuilder(inDir: string, options: BuilderOptions = {}): DataBuilder {
  const cwd = options.cwd ?? process.cwd();
  let gazetteer: ReturnType<typeof loadGazetteer> | null = null;
  const parsedCache = new Map<string, { text: string; parsed: ParsedDocument }>();

  const prepareHere = (paths: string[]): PreparedFiles => {
    gazetteer ??= loadGazetteer();
    const g = gazetteer;
    return prepareFiles(paths, cwd, (qs, ctx) => resolveDocument(g, qs, ctx), parsedCache);
  };

  return {
    async build() {
      const paths = listDocuments(inDir);
      const workers = options.workers ?? (paths.length >= PARALLEL_THRESHOLD ? availableParallelism() : 0);
      const { prepared, unreadable } = workers > 1 ? await prepareInWorkers(paths, cwd, workers) : prepareHere(paths);
      if (workers <= 1) {
        const seen = new Set(paths.map((p) => relative(cwd, p) || p));
        for (const key of parsedCache.keys()) if (!seen.has(key)) parsedCache.delete(key);
      }
      const areas = new Map<string, AreaFile>();
      for (const key of referencedAreas(prepared.map((d) => d.parsed))) areas.set(key, readArea(resolvePath(cwd, key)));
      if (sharedGeometry.size > MAX_MEMO_ENTRIES) sharedGeometry.clear();
      const result = assemble(prepared, { areas, geometryCache: sharedGeometry });
      const diagnostics = [...unreadable, ...result.diagnostics];
      if (paths.length === 0) diagnostics.push({ severity: 'error', file: relative(cwd, inDir) || inDir, line: 1, column: 1, message: 'no documents (*.md) in the input directory' });
      const failed = diagnostics.some((d) => d.severity === 'error');
      return {
        diagnostics,
        files: failed ? null : {
          [OUTPUT_FILES.events]: serializeCollection(result.events),
          [OUTPUT_FILES.ranges]: serializeCollection(result.ranges),
          [OUTPUT_FILES.eventsCsv]: toCsv(result.events.features, EVENT_COLUMNS),
          [OUTPUT_FILES.rangesCsv]: toCsv(result.ranges.features, RANGE_COLUMNS),
          [OUTPUT_FILES.eventsSchema]: json(eventsSchema),
          [OUTPUT_FILES.rangesSchema]: json(rangesSchema),
          [OUTPUT_FILES.eventsCsvSchema]: json(tableSchema(EVENT_COLUMNS, ['event_id', 'claim'])),
          [OUTPUT_FILES.rangesCsvSchema]: json(tableSchema(RANGE_COLUMNS, ['range_id', 'claim'])),
        },
        documents: paths.length,
        events: result.events.features.length,
        ranges: result.ranges.features.length,
      };
    },
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Splits the files into contiguous slices, one per worker, and gathers the results in order. */
async function prepareInWorkers(paths: string[], cwd: string, count: number): Promise<PreparedFiles> {
  const size = Math.ceil(paths.length / count);
  const slices = Array.from({ length: count }, (_, i) => paths.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  // Source files are TypeScript: the worker loads them through tsx's API, as the main thread does.
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./prepare-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const results = await Promise.all(slices.map((slice) => new Promise<PreparedFiles>((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { paths: slice, cwd } });
    worker.once('message', (m: PreparedFiles) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0 && code !== 1) reject(new Error(`build worker exited with code ${code}`)); });
  })));
  return { prepared: results.flatMap((r) => r.prepared), unreadable: results.flatMap((r) => r.unreadable) };
}
