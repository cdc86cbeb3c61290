/**
 * `npm run data [-- --in DIR --out DIR]`: the I/O shell around the pure build. Prints located
 * diagnostics and replaces the output only when there is no error; exit code 1 on errors, 2 on
 * wrong usage.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createDataBuilder, type BuildOutput } from './build-data.js';
import { publish } from './publish.js';
import { formatDiagnostic } from '../compiler/diagnostics.js';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_IN = join(root, 'data/documents');
export const DEFAULT_OUT = join(root, 'public/data');

/** Prints a build's diagnostics and publishes its files when it has no error; returns the exit code. */
export function report(result: BuildOutput, outDir: string, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  for (const d of result.diagnostics) log(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const shown = relative(process.cwd(), outDir) || '.';
  if (!result.files) {
    log(`data: ${counts}; nothing written, ${shown} left as it was`);
    return 1;
  }
  publish(outDir, result.files);
  log(`data: ${result.events} events and ${result.ranges} ranges from ${result.documents} documents → ${shown} (${counts})`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { in: { type: 'string' }, out: { type: 'string' }, 'include-pending': { type: 'boolean' } }, strict: true }).values;
  } catch (e) {
    process.stderr.write(`data: ${(e as Error).message}\nusage: npm run data -- [--in DIR] [--out DIR] [--include-pending]\n`);
    return 2;
  }
  const inDir = resolvePath(args.in ?? DEFAULT_IN);
  const outDir = resolvePath(args.out ?? DEFAULT_OUT);
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) {
    process.stderr.write(`data: input directory ${inDir} does not exist\nusage: npm run data -- [--in DIR] [--out DIR]\n`);
    return 2;
  }
  return report(await createDataBuilder(inDir, { includePending: args['include-pending'] ?? false }).build(), outDir);
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
