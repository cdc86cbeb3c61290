/**
 * publish: replaces the output files all together. They are written to a staging directory beside
 * the output, then renamed into place while holding the output's lock, so a failed or concurrent
 * build never leaves a half-written or mixed output.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A lock older than this (ms) was left by a killed build: the renames it guards take milliseconds. */
const STALE_LOCK_MS = 30_000;

export function publish(outDir: string, files: Record<string, string>): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(outDir)}.tmp-`));
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
