/**
 * Counts the work of one scenario at size n and at 4n in this fresh process (see work-count.ts):
 * coverage starts before the compiler is imported, so every function of it (and of micromark) is
 * compiled with block counters. Prints `{"small": …, "large": …}` as its last line.
 * Usage: node --import tsx tests/compiler/work-runner.ts <scenario> <n>
 */
import { Session } from 'node:inspector/promises';

const doc = (body: string) => `---\nid: t\ntitle: T\n---\n${body}`;
const PLACES = ['Kyiv', 'Lviv', 'Odesa', 'Kharkiv', 'Dnipro'];

/** Each scenario: the run to count at a size (its setup, such as parsing what compile reads, not counted). */
const SCENARIOS = {
  /** n annotations, each inside the one before. */
  nested: async () => {
    const { parseDocumentText } = await import('../../src/compiler/parse.js');
    return (n: number) => {
      const source = doc(`${':event['.repeat(n)}x${']{#e}'.repeat(n)}\n`);
      return () => parseDocumentText('time.md', source);
    };
  },
  /** n stray "]{" on one line. */
  'stray-one-line': async () => repeated('x]{y '),
  /** n stray "]{", one a line. */
  'stray-lines': async () => repeated('x]{y\n'),
  /** n unclosed attribute lists on one line. */
  unclosed: async () => repeated(':place[X]{#x kind=city '),
  /** n of "*a_", unmatched emphasis delimiters. */
  stars: async () => repeated('*a_'),
  /** A document of n events, compiled (the parse not counted). */
  events: async () => {
    const { parseDocumentText } = await import('../../src/compiler/parse.js');
    const { compile } = await import('../../src/compiler/compile.js');
    const { loadGazetteer } = await import('../../src/cli/gazetteer-cache.js');
    const { resolveDocument } = await import('../../src/compiler/resolve.js');
    const g = loadGazetteer();
    return (n: number) => {
      const parsed = parseDocumentText(
        'many.md',
        `---\nid: m-many\ntitle: Many events\npublished: 2024-11-28\n---\n${Array.from(
          { length: n },
          (_, i) =>
            `:event[A missile hit :place[${PLACES[i % 5]}]{#p${i}} at dawn.]{#m-many-${i} type=missile-strike summary="s" date=2024-11-01 claimant="the mayor" status=reported}\n`,
        ).join('')}`,
      );
      return () => {
        const out = compile([parsed], { resolve: (qs, ctx) => resolveDocument(g, qs, ctx), areas: new Map() });
        if (out.events.features.length !== n) throw new Error(`${out.events.features.length} events, not ${n}`);
      };
    };
  },
} satisfies Record<string, () => Promise<(n: number) => () => void>>;

export type Scenario = keyof typeof SCENARIOS;

async function repeated(piece: string) {
  const { parseDocumentText } = await import('../../src/compiler/parse.js');
  return (n: number) => {
    const source = doc(`${piece.repeat(n)}\n`);
    return () => parseDocumentText('time.md', source);
  };
}

async function main(name: string, n: number): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  const prepare = await SCENARIOS[name as Scenario]();
  const work = async (size: number): Promise<number> => {
    const run = prepare(size);
    // Taking resets the counts: what ran before is not this run's.
    await session.post('Profiler.takePreciseCoverage');
    run();
    const { result } = await session.post('Profiler.takePreciseCoverage');
    let total = 0;
    for (const script of result)
      for (const f of script.functions)
        for (const r of f.ranges) {
          // A count past 2^31 comes back negative (V8 keeps 32 bits): more work than any check expects.
          if (r.count < 0) return Number.POSITIVE_INFINITY;
          total += r.count;
        }
    return total;
  };
  // The warm-up: one-time work (lazy compilation, caches) is in neither count.
  await work(n);
  const small = await work(n);
  const large = await work(4 * n);
  // As strings: JSON has no Infinity.
  console.log(JSON.stringify({ small: String(small), large: String(large) }));
}

if (process.argv[2]) await main(process.argv[2], Number(process.argv[3]));
