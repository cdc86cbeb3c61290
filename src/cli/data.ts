/**
 * `npm run data [-- --in DIR --out DIR]`: the I/O shell around the pure build. Reads every `*.md`
 * under the input directory, prints located diagnostics, and replaces the output only when there is
 * no error: the files are written to a temporary directory beside the output, then renamed into
 * place under a lock, so a failed or concurrent build never leaves a half-written or mixed output.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildData } from './build-data.js';
import { formatDiagnostic } from '../build/diagnostics.js';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');

export function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({ args: argv, options: { in: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' } }, strict: true }).values;
  } catch (e) {
    process.stderr.write(`data: ${(e as Error).message}\nusage: npm run data -- [--in DIR] [--out DIR]\n`);
    return 2;
  }
  const inDir = resolvePath(args.in ?? join(root, 'data/documents'));
  const outDir = resolvePath(args.out ?? join(root, 'public/data'));
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) {
    process.stderr.write(`data: input directory ${inDir} does not exist\n`);
    return 2;
  }
  const result = buildData(inDir, process.cwd());
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (errors > 0 || !result.files) {
    process.stderr.write(`data: ${counts}; nothing written, ${relative(process.cwd(), outDir) || '.'} left as it was\n`);
    return 1;
  }
  publish(outDir, result.files);
  if (!args.quiet) {
    process.stdout.write(`data: ${result.events} events and ${result.ranges} ranges from ${result.documents} documents → ${relative(process.cwd(), outDir) || '.'} (${counts})\n`);
  }
  return 0;
}

/** Writes all files beside the output, then renames them into place while holding the output's lock. */
export function publish(outDir: string, files: Record<string, string>): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${relative(parent, outDir)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
    withLock(`${outDir}.lock`, () => {
      mkdirSync(outDir, { recursive: true });
      for (const name of Object.keys(files)) renameSync(join(staging, name), join(outDir, name));
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function withLock(lock: string, fn: () => void): void {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a killed build is stale after 30 s: renames take milliseconds.
      try { if (Date.now() - statSync(lock).mtimeMs > 30_000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone meanwhile */ }
      if (Date.now() > deadline) throw new Error(`could not lock ${lock} within 30 s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Every `*.md` below a directory, sorted, so builds do not depend on directory order. */
export function listDocuments(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(p);
    }
  };
  walk(dir);
  return out;
}


if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
