/**
 * How much JavaScript a call runs, counted rather than timed: V8's block coverage (the inspector's
 * precise coverage with call counts) counts every execution of every function body, branch and loop
 * body, in our code and in the packages it calls (micromark). The count depends only on the input, never
 * on how busy the machine is, so "linear in n" is checked as the count at 4n against the count at n:
 * about 4 times when linear, about 16 when quadratic (the checks allow 5: linear code measured 4.0 to
 * 4.4, and the old quadratic code 6.0 to past 2^31 at the sizes used). A loop that walks the text or a
 * list again for each item shows up; work inside one call of a native builtin (a regex, `indexOf`)
 * counts once.
 *
 * Each count runs in a fresh Node process (work-runner.ts): block counters are only compiled into
 * functions compiled after coverage starts, and in a test worker the compiler has long been compiled
 * (and optimized) by the files before, which made the counts meaningless (ratios under 1).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Scenario } from './work-runner.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

/** Block executions of a scenario (work-runner.ts) at size n and at 4n, after a warm-up at n. */
export async function growth(scenario: Scenario, n: number): Promise<{ small: number; large: number; ratio: number }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/compiler/work-runner.ts'), scenario, String(n)],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  const counts = JSON.parse(stdout.trim().split('\n').at(-1)!) as { small: string; large: string };
  const small = Number(counts.small);
  const large = Number(counts.large);
  if (!(small > 0) || Number.isNaN(large)) throw new Error(`no counts from ${scenario}: ${stdout}`);
  return { small, large, ratio: large / small };
}
