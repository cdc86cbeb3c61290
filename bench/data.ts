/**
 * `npm run bench:data`: the data build on the generated archive of bench/scale/generate.ts (documents of
 * ≈ 9 KB, ten events each defined or restated, ranges from a pool of weapons from point and area origins,
 * places the gazetteer knows) for each --docs size (default 1,000 and 10,000 documents, ten events each:
 * 10,000 and 100,000 events), against the floor: the Markdown/directive tokenizer alone (micromark with the
 * directive and front-matter extensions) on the same documents, in the same run.
 *
 * Each build runs in a child process of its own (read, parse, resolve, draw, serialize, publish), so its
 * peak memory (resident set, worker threads included) is its own: at the largest size it runs both on one
 * thread (the default) and with a worker pool of one thread per core (`workers`), to show whether a pool pays.
 * Prints a table, then one JSON line (figures of the largest size; `pool` for the pool's run).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArchive } from './scale/generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000,10000' },
    'events-per-doc': { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '1' },
    /** Internal: build DIR/documents into DIR/out in this process and print its figures as JSON. */
    child: { type: 'string' },
    workers: { type: 'string', default: '1' },
  },
});

if (values.child) {
  const dir = values.child;
  const { createDataBuilder } = await import('../src/cli/build-data.js');
  const { publish } = await import('../src/cli/publish.js');
  const t0 = performance.now();
  const out = await createDataBuilder(join(dir, 'documents'), {
    cwd: dir,
    workers: Number(values.workers),
    reuse: false,
  }).build();
  if (out.files) publish(join(dir, 'out'), { ...out.files, ...out.binary });
  const seconds = (performance.now() - t0) / 1000;
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, 5)) console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
  const outDir = join(dir, 'out');
  const sizes = out.files ? readdirSync(outDir).map((f) => [f, statSync(join(outDir, f)).size] as const) : [];
  console.log(
    JSON.stringify({
      seconds,
      peak_mb: process.resourceUsage().maxRSS / 1024,
      events: out.events,
      errors: errors.length,
      bytes: sizes.reduce((s, [, n]) => s + n, 0),
      events_geojson_bytes: sizes.find(([f]) => f === 'events.geojson')?.[1] ?? 0,
    }),
  );
  process.exit(0);
}

const { tokenize } = await import('../src/compiler/parse.js');
const sizes = values.docs!.split(',').map(Number);
const perDoc = Number(values['events-per-doc']);
const runs = Number(values.runs);
const cores = availableParallelism();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Row {
  docs: number;
  events: number;
  threads: number;
  seconds: number;
  floor: number;
  peakMb: number;
  bytesPerEvent: number;
  geojsonPerEvent: number;
  errors: number;
}
const rows: Row[] = [];
const load0 = loadavg()[0];

function build(dir: string, workers: number): Omit<Row, 'docs' | 'floor' | 'threads'> {
  const results = Array.from({ length: runs }, () => {
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    rmSync(join(dir, '.out.builds'), { recursive: true, force: true });
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', dir, '--workers', String(workers)],
      { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`build of ${dir} failed (exit ${child.status})`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  });
  const r = results.find((x) => x.seconds === median(results.map((y) => y.seconds)))!;
  return {
    events: r.events,
    seconds: r.seconds,
    peakMb: Math.max(...results.map((x) => x.peak_mb)),
    bytesPerEvent: r.bytes / r.events,
    geojsonPerEvent: r.events_geojson_bytes / r.events,
    errors: r.errors,
  };
}

for (const [k, docs] of sizes.entries()) {
  const dir = mkdtempSync(join(tmpdir(), `source-atlas-bench-${docs}-`));
  try {
    const texts: string[] = [];
    for (const [path, text] of generateArchive({ docs, events: docs * perDoc, seed: Number(values.seed) })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      if (path.endsWith('.md')) texts.push(text);
    }
    // Floor: the parser alone over the same texts (best of 3).
    const floors: number[] = [];
    for (let n = 0; n < 3; n++) {
      const t0 = performance.now();
      for (const t of texts) tokenize(t);
      floors.push((performance.now() - t0) / 1000);
    }
    const floor = Math.min(...floors);
    // The largest size also with the worker pool, to see whether it pays.
    const threads = k === sizes.length - 1 && cores > 1 ? [1, cores] : [1];
    for (const t of threads) rows.push({ docs, floor, threads: t, ...build(dir, t) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load1 = loadavg()[0];
console.log(
  `docs    events   threads  build s  parser floor s  ratio  peak RSS MB  B/event (all files)  B/event (events.geojson)  errors`,
);
for (const r of rows) {
  console.log(
    `${String(r.docs).padEnd(7)} ${String(r.events).padStart(7)}  ${String(r.threads).padStart(7)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.floor.toFixed(2).padStart(14)}  ${(r.seconds / r.floor).toFixed(2).padStart(5)}  ${Math.round(r.peakMb).toString().padStart(11)}  ${Math.round(r.bytesPerEvent).toString().padStart(19)}  ${Math.round(r.geojsonPerEvent).toString().padStart(24)}  ${r.errors}`,
  );
}
console.log(
  `(${cores} cores; load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after; ${runs} run${runs === 1 ? '' : 's'} each, median)`,
);
const largest = rows.filter((r) => r.docs === sizes.at(-1));
const one = largest.find((r) => r.threads === 1)!;
const pool = largest.find((r) => r.threads > 1);
const figures = (r: Row) => ({
  seconds: Number(r.seconds.toFixed(3)),
  ratio: Number((r.seconds / r.floor).toFixed(3)),
  peak_mb: Math.round(r.peakMb),
});
console.log(
  JSON.stringify({
    docs: one.docs,
    events: one.events,
    ...figures(one),
    floor_seconds: Number(one.floor.toFixed(3)),
    bytes_per_event: Math.round(one.bytesPerEvent),
    events_geojson_bytes_per_event: Math.round(one.geojsonPerEvent),
    pool: pool ? { threads: pool.threads, ...figures(pool) } : null,
    cores,
    load: Number(load0.toFixed(2)),
  }),
);
