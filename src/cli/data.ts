/**
 * `npm run data [-- --in DIR --out DIR]`: the I/O shell around the pure build. Prints located
 * diagnostics and replaces the output only when there is no error; exit code 1 on errors, 2 on
 * wrong usage. `npm run data -- --stamp FILE` writes the hash of FILE's text into its front matter.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createDataBuilder, type BuildOutput, type StreamOutput } from './build-data.js';
import { defaultStore, publish, publishOutputs } from './publish.js';
import { formatDiagnostic, oneLine, reportLines } from '../compiler/diagnostics.js';
import { stampSource } from '../compiler/parse.js';
import { decodeDocument, readOriginal } from './prepare-files.js';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_IN = join(root, 'data/documents');
export const DEFAULT_OUT = join(root, 'public/data');
/**
 * The versions behind public/data live outside public/, so that `vite build` copies only the current
 * one (through the link) into dist/; other outputs keep theirs beside them.
 */
export const DEFAULT_STORE = join(root, '.cache/data-builds');

export const storeFor = (outDir: string): string =>
  resolvePath(outDir) === DEFAULT_OUT ? DEFAULT_STORE : defaultStore(outDir);

/**
 * Prints a build's diagnostics and publishes its files when it has no error; returns the exit code. A
 * streamed build (builder.stream(), as `npm run data` runs) is written file by file as it is made.
 */
export function report(
  result: BuildOutput | StreamOutput,
  outDir: string,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): number {
  for (const line of reportLines(result.diagnostics)) log(line);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const shown = relative(process.cwd(), outDir) || '.';
  const outputs = 'outputs' in result ? result.outputs : null;
  if ('outputs' in result ? !outputs : !result.files) {
    log(`data: ${counts}; nothing written, ${shown} left as it was`);
    return 1;
  }
  if (outputs) publishOutputs(outDir, outputs, { store: storeFor(outDir) });
  else if ('files' in result && result.files)
    publish(outDir, { ...result.files, ...result.binary }, { store: storeFor(outDir) });
  log(
    `data: ${result.events} events and ${result.ranges} ranges from ${result.documents} documents → ${shown} (${counts})`,
  );
  return 0;
}

const USAGE =
  'usage: npm run data -- [--in DIR] [--out DIR] [--areas DIR] [--include-pending] [--tiles | --no-tiles]\n       npm run data -- --stamp FILE [--stamp FILE …]';

/**
 * Sets `text_sha256:` in each file's front matter to the hash of its text (annotations removed),
 * changing nothing else in the file. A file with errors in its markup or front matter, or whose text
 * differs from the published text kept beside it (`name.txt`), is left as it is.
 */
export function stamp(
  files: readonly string[],
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): number {
  let failed = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    if (!existsSync(file) || !statSync(file).isFile()) {
      log(`${shown}:1:1: error: no such document to stamp`);
      failed++;
      continue;
    }
    const decoded = decodeDocument(shown, readFileSync(file));
    if ('diagnostic' in decoded) {
      log(formatDiagnostic(decoded.diagnostic));
      failed++;
      continue;
    }
    const result = stampSource(shown, decoded.text, readOriginal(file));
    if ('diagnostics' in result) {
      for (const line of reportLines(result.diagnostics)) log(line);
      log(`data: ${shown} not stamped`);
      failed++;
      continue;
    }
    if (result.source !== decoded.text) writeFileSync(file, result.source);
    log(`data: ${shown} text_sha256: ${result.hash}`);
  }
  return failed > 0 ? 1 : 0;
}

/** `--tiles` writes vector tiles for any large archive, `--no-tiles` for none; neither: from TILES_FROM events on. */
const tilesOption = (args: { tiles?: boolean; 'no-tiles'?: boolean }): { tiles?: boolean } =>
  args['no-tiles'] ? { tiles: false } : args.tiles ? { tiles: true } : {};

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        stamp: { type: 'string', multiple: true },
        areas: { type: 'string' },
        'include-pending': { type: 'boolean' },
        tiles: { type: 'boolean' },
        'no-tiles': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`data: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.stamp) {
    if (args.in || args.out) {
      process.stderr.write(`data: --stamp does not build; give it without --in and --out\n${USAGE}\n`);
      return 2;
    }
    return stamp(args.stamp.map((f) => resolvePath(f)));
  }
  const inDir = resolvePath(args.in ?? DEFAULT_IN);
  const outDir = resolvePath(args.out ?? DEFAULT_OUT);
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) {
    process.stderr.write(`data: input directory ${inDir} does not exist\n${USAGE}\n`);
    return 2;
  }
  return report(
    await createDataBuilder(inDir, {
      ...(args.areas ? { areas: resolvePath(args.areas) } : {}),
      includePending: args['include-pending'] ?? false,
      reuse: false,
      ...tilesOption(args),
    }).stream(),
    outDir,
  );
}

/**
 * `main`, with a failure no check foresaw reported as one line and exit code 1, never a stack trace;
 * the previous output is left as it was (nothing is published before the build succeeds).
 */
export async function run(argv: string[], log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
  try {
    return await main(argv);
  } catch (e) {
    log(
      `data: error: the build failed: ${oneLine(e instanceof Error ? e.message : String(e))}; nothing written (unless it names --in or --out, a bug in the build: please report it with the documents)`,
    );
    return 1;
  }
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await run(process.argv.slice(2));
