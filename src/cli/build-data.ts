/**
 * build-data: reads a directory of annotated documents and the area files they name, runs the pure
 * build, and returns the files to publish (none when there are errors): whole (`build()`), or made a piece
 * at a time as they are read (`stream()`, which `npm run data` and the dev server publish file by file with
 * publish.ts publishOutputs, so that no published file is ever whole in memory). Shared by the CLI, the
 * Vite plugin and the benchmark.
 *
 * The per-document half of the build (parse, check, resolve places) runs on this thread or, when asked
 * (`workers`), also on worker threads sharing chunks of files; the half that spans documents (claims,
 * bands, output) runs here. A builder keeps what does not change between runs (its place resolver, parsed
 * documents by content, drawn ranges), so the dev server rebuilds after an edit by re-parsing one document.
 */
import { relative, resolve as resolvePath } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { OUTPUT_FILES, TILES_FILE, type Diagnostic } from '../contract.js';
import type { ParsedDocument } from '../compiler/parse.js';
import { assemble, referencedAreas, type AreaFile } from '../compiler/compile.js';
import { collectionPieces, editFirst, lazy, whole, type Output } from '../compiler/emit.js';
import { placeResolver } from './place-resolver.js';
import { readAreaWithin } from './areas.js';
import { findDocuments } from './documents.js';
import { claimChunk, prepareFiles, type PrepareWork, type PreparedChunk, type PreparedFiles } from './prepare-files.js';
import type { Resolver } from '../compiler/document-places.js';
import { eventsSchema, rangesSchema } from '../schema.js';
import { EVENT_COLUMNS, RANGE_COLUMNS, csvPieces, tableSchema } from '../compiler/csv.js';
import { buildStories } from './stories.js';
import { undeclaredTypes } from '../compiler/type-colours.js';
// biome-ignore lint/correctness/useImportExtensions: a JSON module keeps its own extension
import TYPE_COLOURS from '../../data/types.json' with { type: 'json' };
import { pageIndexOutputs, withIndexMember } from '../compiler/page-index.js';
import { LARGE_ARCHIVE, TILES_FROM } from '../constants.js';
import { withTilesMember } from '../compiler/event-tiles.js';
import { tilesArchive } from './tiles-archive.js';
import { runTsWorker } from './ts-worker.js';

/**
 * The build runs on one thread unless told otherwise (`workers`). The worker pool that started from 5,000
 * documents did not pay: on the generated archive of 10,000 documents and 100,000 events (npm run bench:data,
 * 2 cores shared with other jobs), one thread built in 151 s and 119 s in two runs, the pool (2 threads) in
 * 217 s and 144 s (its worker's start-up, its own gazetteer and heap, copying every prepared document back);
 * both peaked at 2.3–2.9 GB. 1,000 documents took 2.5–2.7 s on one thread and 3.0–3.4 s with a worker.
 * With the output streamed (stream()), in one run of the same benchmark (load average ~7.8 on 2 cores): one
 * thread 66.5 s, 58.0 CPU s, 1,069 MB peak; the pool 81.0 s, 62.0 CPU s, 1,090 MB. The pool still does not pay.
 */

export interface BuildOutput {
  diagnostics: Diagnostic[];
  /** File name → content; null when there were errors. */
  files: Record<string, string> | null;
  /** Binary files to publish with them (events.pmtiles past TILES_FROM events); empty when none. */
  binary: Record<string, Uint8Array>;
  documents: number;
  events: number;
  ranges: number;
}

/** A build whose files are made as they are read (emit.ts Output), for publish.ts publishOutputs. */
export interface StreamOutput {
  diagnostics: Diagnostic[];
  /** The files to publish (text and binary), each made when read; null when there were errors. */
  outputs: Output[] | null;
  documents: number;
  events: number;
  ranges: number;
}

export interface DataBuilder {
  /** Builds from the input directory as it is now, every file whole in memory. */
  build(): Promise<BuildOutput>;
  /**
   * Builds from the input directory as it is now; the files are made only as they are read, a piece at
   * a time (a feature, a CSV row, a chunk of the page's index), so that publishing them never holds
   * every file in memory at once. The same bytes as build()'s files.
   */
  stream(): Promise<StreamOutput>;
}

export interface BuilderOptions {
  /** Paths in diagnostics are relative to this; default the working directory. */
  cwd?: string;
  /** Threads for the per-document half, this one included; default 1 (see above: the pool did not pay). */
  workers?: number;
  /** Documents per unit of work the threads claim; default CHUNK. */
  chunk?: number;
  /** Directory of area files (`origin-area=`); default `areas` beside the input directory. Area files must lie under it or the input directory. */
  areas?: string;
  /**
   * Keep each parsed document (by path and content) for the next build, so the dev server re-parses only
   * what changed; default true. A one-shot build (`npm run data`) passes false: it then holds no parsed
   * document once the events are drawn, while the output is serialized.
   */
  reuse?: boolean;
  /** Publish suggestions still marked review=pending (the dev server); default false. */
  includePending?: boolean;
  /** Directory of story files (`<id>.yaml`); default `maps` beside the input directory. None there: no stories. */
  maps?: string;
  /**
   * Whether to write the events as vector tiles (contract.ts TILES_FILE) too: default from TILES_FROM events on.
   * Only a large archive (LARGE_ARCHIVE events) gets them: the page reads its index beside the tiles.
   */
  tiles?: boolean;
}

/** Where area files live unless told otherwise: `areas/` beside the documents (data/areas beside data/documents). */
export const defaultAreas = (inDir: string): string => resolvePath(inDir, '../areas');
/** Where story files live unless told otherwise: `maps/` beside the documents (data/maps beside data/documents). */
export const defaultMaps = (inDir: string): string => resolvePath(inDir, '../maps');

/** How many drawn ranges a builder keeps between its builds. */
const MAX_MEMO_ENTRIES = 50_000;

export function createDataBuilder(inDir: string, options: BuilderOptions = {}): DataBuilder {
  const cwd = options.cwd ?? process.cwd();
  const areaRoots = [resolvePath(cwd, inDir), resolvePath(cwd, options.areas ?? defaultAreas(inDir))];
  // Loaded when first needed: a build of few documents on a warm cache takes ~0.1 s to load it.
  let resolve: Resolver | null = null;
  const parsedCache = new Map<string, { text: string; original: string | null; parsed: ParsedDocument }>();
  // Drawn ranges, kept between this builder's builds: geometry is pure in its key (origin digest, radii).
  const drawn = new Map<string, Polygon | MultiPolygon>();

  const resolver = (): Resolver => (resolve ??= placeResolver());
  const prepareHere = (paths: string[]): PreparedFiles =>
    prepareFiles(
      paths,
      cwd,
      resolver(),
      options.reuse === false ? undefined : parsedCache,
      options.includePending ?? false,
    );

  const compileDocuments = async (paths: string[]) => {
    const workers = options.workers ?? 1;
    const { prepared, unreadable } =
      workers > 1
        ? await prepareInParallel(
            paths,
            cwd,
            workers,
            options.chunk ?? CHUNK,
            (chunk) => prepareFiles(chunk, cwd, resolver(), undefined, options.includePending ?? false),
            options.includePending ?? false,
          )
        : prepareHere(paths);
    if (workers <= 1) {
      const seen = new Set(paths.map((p) => relative(cwd, p) || p));
      for (const key of parsedCache.keys()) if (!seen.has(key)) parsedCache.delete(key);
    }
    const areas = new Map<string, AreaFile>();
    for (const key of referencedAreas(prepared.map((d) => d.parsed)))
      areas.set(key, readAreaWithin(resolvePath(cwd, key), areaRoots));
    if (drawn.size > MAX_MEMO_ENTRIES) drawn.clear();
    const result = assemble(prepared, { areas, geometryCache: drawn, today: new Date().toISOString().slice(0, 10) });
    const stories = buildStories(
      resolvePath(cwd, options.maps ?? defaultMaps(inDir)),
      cwd,
      areaRoots,
      result.events.features,
      result.ranges.features,
    );
    const pathOf = new Map(prepared.map((d) => [String(d.parsed.frontMatter?.id ?? ''), d.parsed.path]));
    const colours = undeclaredTypes(result.events.features, TYPE_COLOURS, pathOf);
    return { result, stories, colours, unreadable };
  };

  const stream = async (): Promise<StreamOutput> => {
    const { paths, problems } = findDocuments(inDir);
    // The documents' half (parse, resolve, join claims, draw) in a function of its own, so that every
    // parsed document it held can be collected before the output is made (at 100,000 events, the parsed
    // documents and the output would otherwise be in memory together).
    const { result, stories, colours, unreadable } = await compileDocuments(paths);
    const listing: Diagnostic[] = problems.map((p) => ({
      severity: p.severity ?? 'error',
      file: relative(cwd, p.path) || p.path,
      line: 1,
      column: 1,
      message: p.message,
    }));
    const diagnostics = [...listing, ...unreadable, ...result.diagnostics, ...colours, ...stories.diagnostics];
    if (paths.length === 0)
      diagnostics.push({
        severity: 'error',
        file: relative(cwd, inDir) || inDir,
        line: 1,
        column: 1,
        message: 'no documents (*.md) in the input directory',
      });
    const failed = diagnostics.some((d) => d.severity === 'error');
    const large = result.events.features.length >= LARGE_ARCHIVE;
    const tiled = !failed && large && (options.tiles ?? result.events.features.length >= TILES_FROM);
    // A large archive: ranges.geojson names the page's index, and past TILES_FROM its tiles (foreign members; downloads are unchanged).
    const rangesHeader = (header: string) =>
      large ? (tiled ? withTilesMember(withIndexMember(header)) : withIndexMember(header)) : header;
    const outputs: Output[] = [
      { name: OUTPUT_FILES.events, chunks: lazy(() => collectionPieces(result.events)) },
      { name: OUTPUT_FILES.ranges, chunks: lazy(() => editFirst(collectionPieces(result.ranges), rangesHeader)) },
      { name: OUTPUT_FILES.eventsCsv, chunks: lazy(() => csvPieces(result.events.features, EVENT_COLUMNS)) },
      { name: OUTPUT_FILES.rangesCsv, chunks: lazy(() => csvPieces(result.ranges.features, RANGE_COLUMNS)) },
      whole(OUTPUT_FILES.eventsSchema, json(eventsSchema)),
      whole(OUTPUT_FILES.rangesSchema, json(rangesSchema)),
      whole(OUTPUT_FILES.eventsCsvSchema, json(tableSchema(EVENT_COLUMNS, ['event_id', 'claim', 'place_number']))),
      whole(OUTPUT_FILES.rangesCsvSchema, json(tableSchema(RANGE_COLUMNS, ['range_id', 'claim']))),
      ...Object.entries(stories.files).map(([name, content]) => whole(name, content)),
      // A large archive: also a compact index for the page, and the claims in chunks (page-index.ts).
      ...(large ? pageIndexOutputs(result.events) : []),
      // Past TILES_FROM events, the events as vector tiles, made when read like the rest.
      ...(tiled
        ? [
            {
              name: TILES_FILE,
              chunks: lazy(function* () {
                yield tilesArchive(result.events);
              }),
            },
          ]
        : []),
    ];
    return {
      diagnostics,
      outputs: failed ? null : outputs,
      documents: paths.length,
      events: result.events.features.length,
      ranges: result.ranges.features.length,
    };
  };

  return {
    stream,
    async build() {
      const { outputs, ...rest } = await stream();
      return { ...rest, ...(outputs ? collect(outputs) : { files: null, binary: {} }) };
    },
  };
}

/** The outputs made whole: text files by name, and binary ones (made of bytes) apart. */
export function collect(outputs: readonly Output[]): Pick<BuildOutput, 'files' | 'binary'> {
  const files: Record<string, string> = {};
  const binary: Record<string, Uint8Array> = {};
  for (const { name, chunks } of outputs) {
    const parts = [...chunks];
    if (parts.every((p) => typeof p === 'string')) files[name] = parts.join('');
    else binary[name] = bytesOf(parts);
  }
  return { files, binary };
}

/** Pieces as one array of bytes of its own (a single piece of bytes as it is; never a view of a shared pool). */
function bytesOf(parts: Array<string | Uint8Array>): Uint8Array {
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
  const bytes = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    all.set(b, at);
    at += b.length;
  }
  return all;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Documents per unit of work handed out between threads. */
export const CHUNK = 100;

/**
 * Prepares the files on this thread and `count - 1` workers together: each thread claims the next chunk
 * of files from a shared counter until none are left, so a worker that starts late (it loads its own
 * modules and gazetteer) or runs slow takes fewer. Workers post each chunk when done and this thread
 * yields between its own chunks to take them in, so copying results back overlaps the work instead of
 * following it. Chunks are gathered back in file order.
 */
async function prepareInParallel(
  paths: string[],
  cwd: string,
  count: number,
  chunk: number,
  prepareHere: (paths: string[]) => PreparedFiles,
  includePending = false,
): Promise<PreparedFiles> {
  const work: PrepareWork = { paths, cwd, chunk, next: new Int32Array(new SharedArrayBuffer(4)), includePending };
  const done: PreparedChunk[] = [];
  const workers = Array.from({ length: count - 1 }, () => startWorker(work, (c) => done.push(c)));
  for (let c = claimChunk(work); c; c = claimChunk(work)) {
    done.push({ index: c.index, files: prepareHere(c.paths) });
    await new Promise(setImmediate);
  }
  await Promise.all(workers);
  done.sort((a, b) => a.index - b.index);
  return { prepared: done.flatMap((c) => c.files.prepared), unreadable: done.flatMap((c) => c.files.unreadable) };
}

/** Starts a worker thread on the shared work, handing each chunk it prepares to `onChunk`; resolves when it has no more. */
export function startWorker(work: PrepareWork, onChunk: (chunk: PreparedChunk) => void): Promise<void> {
  return runTsWorker<PreparedChunk>(new URL('./prepare-worker.ts', import.meta.url), work, onChunk);
}
