/**
 * `npm run bench:data`: the data build on the generated archive of bench/scale/generate.ts (documents of
 * ≈ 9 KB, ten events each defined or restated, ranges from a pool of weapons from point and area origins,
 * places the gazetteer knows) for each --docs size (default 1,000 and 10,000 documents, ten events each:
 * 10,000 and 100,000 events), against the floor: the Markdown/directive tokenizer alone (micromark with the
 * directive and front-matter extensions) on the same documents, in the same run, in wall and CPU seconds.
 *
 * Each build runs in a child process of its own (read, parse, resolve, draw, serialize, publish), so its
 * CPU time and peak memory (resident set, worker threads included: the child's process.resourceUsage(),
 * as /usr/bin/time reports them) are its own. It runs in each of --modes:
 * - `memory`, the baseline: every published file made whole in memory (builder.build()), then published;
 * - `stream`, as `npm run data` builds: each file hashed and written as it is made (builder.stream(),
 *   publish.ts publishOutputs);
 * - `pool`, at the largest size only: `stream` with a worker pool of one thread per core, to show whether a pool pays.
 * Every mode must publish the same version (the hash of every file's name and bytes); the run fails otherwise.
 * Prints a table (with each mode's ratios to the baseline of the same size, measured in the same run), then
 * one JSON line (figures of the largest size).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArchive } from './scale/generate.js';

const MODES = ['memory', 'stream', 'pool'] as const;
type Mode = (typeof MODES)[number];

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000,10000' },
    'events-per-doc': { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '1' },
    modes: { type: 'string', default: MODES.join(',') },
    /** Internal: build DIR/documents into DIR/out in this process and print its figures as JSON. */
    child: { type: 'string' },
    mode: { type: 'string', default: 'stream' },
    workers: { type: 'string', default: '1' },
  },
});

if (values.child) {
  const dir = values.child;
  const { createDataBuilder } = await import('../src/cli/build-data.js');
  const { publish, publishOutputs } = await import('../src/cli/publish.js');
  const t0 = performance.now();
  const builder = createDataBuilder(join(dir, 'documents'), {
    cwd: dir,
    workers: Number(values.workers),
    reuse: false,
  });
  const outDir = join(dir, 'out');
  let out;
  if (values.mode === 'memory') {
    const whole = await builder.build();
    if (whole.files) publish(outDir, { ...whole.files, ...whole.binary });
    out = { ...whole, published: whole.files !== null };
  } else {
    const streamed = await builder.stream();
    if (streamed.outputs) publishOutputs(outDir, streamed.outputs);
    out = { ...streamed, published: streamed.outputs !== null };
  }
  const seconds = (performance.now() - t0) / 1000;
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, 5)) console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
  const sizes = out.published ? readdirSync(outDir).map((f) => [f, statSync(join(outDir, f)).size] as const) : [];
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      seconds,
      cpu_seconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      peak_mb: usage.maxRSS / 1024,
      events: out.events,
      errors: errors.length,
      bytes: sizes.reduce((s, [, n]) => s + n, 0),
      events_geojson_bytes: sizes.find(([f]) => f === 'events.geojson')?.[1] ?? 0,
      version: out.published ? basename(readlinkSync(outDir)) : null,
    }),
  );
  process.exit(0);
}

const { tokenize } = await import('../src/compiler/parse.js');
const sizes = values.docs!.split(',').map(Number);
const perDoc = Number(values['events-per-doc']);
const runs = Number(values.runs);
const cores = availableParallelism();
const modes = values.modes!.split(',') as Mode[];
for (const m of modes) if (!MODES.includes(m)) throw new Error(`--modes: ${m} is not one of ${MODES.join(', ')}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Row {
  docs: number;
  events: number;
  mode: Mode;
  threads: number;
  seconds: number;
  cpuSeconds: number;
  floor: number;
  cpuFloor: number;
  peakMb: number;
  bytesPerEvent: number;
  geojsonPerEvent: number;
  errors: number;
  version: string | null;
}
const rows: Row[] = [];
const load0 = loadavg()[0];

function build(
  dir: string,
  mode: Mode,
  workers: number,
): Omit<Row, 'docs' | 'floor' | 'cpuFloor' | 'threads' | 'mode'> {
  const results = Array.from({ length: runs }, () => {
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    rmSync(join(dir, '.out.builds'), { recursive: true, force: true });
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        '--child',
        dir,
        '--mode',
        mode === 'memory' ? 'memory' : 'stream',
        '--workers',
        String(workers),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`build of ${dir} (${mode}) failed (exit ${child.status})`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  });
  const r = results.find((x) => x.seconds === median(results.map((y) => y.seconds)))!;
  return {
    events: r.events,
    seconds: r.seconds,
    cpuSeconds: median(results.map((x) => x.cpu_seconds)),
    peakMb: Math.max(...results.map((x) => x.peak_mb)),
    bytesPerEvent: r.bytes / r.events,
    geojsonPerEvent: r.events_geojson_bytes / r.events,
    errors: r.errors,
    version: r.version,
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
    // Floor: the parser alone over the same texts (best of 3), in wall and CPU seconds (this process's
    // CPU, its GC threads included: on a machine shared with other jobs, CPU time is what holds still).
    const floors: number[] = [];
    const cpuFloors: number[] = [];
    for (let n = 0; n < 3; n++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (const t of texts) tokenize(t);
      const c = process.cpuUsage(c0);
      floors.push((performance.now() - t0) / 1000);
      cpuFloors.push((c.user + c.system) / 1e6);
    }
    const floor = Math.min(...floors);
    const cpuFloor = Math.min(...cpuFloors);
    for (const mode of modes) {
      // The pool only at the largest size, and only with more than one core.
      if (mode === 'pool' && (k !== sizes.length - 1 || cores < 2)) continue;
      const threads = mode === 'pool' ? cores : 1;
      rows.push({ docs, floor, cpuFloor, mode, threads, ...build(dir, mode, threads) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load1 = loadavg()[0];
/** The baseline a row is compared with: the first mode measured at its size (`memory` unless left out). */
const baseline = (r: Row) => rows.find((b) => b.docs === r.docs)!;
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const columns: Array<[string, (r: Row) => string]> = [
  ['docs', (r) => String(r.docs)],
  ['events', (r) => String(r.events)],
  ['mode', (r) => r.mode],
  ['threads', (r) => String(r.threads)],
  ['wall s', (r) => r.seconds.toFixed(2)],
  ['CPU s', (r) => r.cpuSeconds.toFixed(2)],
  ['parser floor s', (r) => r.floor.toFixed(2)],
  ['wall/floor', (r) => (r.seconds / r.floor).toFixed(2)],
  ['floor CPU s', (r) => r.cpuFloor.toFixed(2)],
  ['CPU/floor CPU', (r) => (r.cpuSeconds / r.cpuFloor).toFixed(2)],
  ['peak RSS MB', (r) => String(Math.round(r.peakMb))],
  ['wall ×', (r) => ratio(r.seconds, baseline(r).seconds).toFixed(2)],
  ['CPU ×', (r) => ratio(r.cpuSeconds, baseline(r).cpuSeconds).toFixed(2)],
  ['peak ×', (r) => ratio(r.peakMb, baseline(r).peakMb).toFixed(2)],
  ['B/event (all files)', (r) => String(Math.round(r.bytesPerEvent))],
  ['B/event (events.geojson)', (r) => String(Math.round(r.geojsonPerEvent))],
  ['same output', (r) => (r.version === baseline(r).version ? 'yes' : 'NO')],
  ['errors', (r) => String(r.errors)],
];
const widths = columns.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
console.log(columns.map(([h], i) => h.padStart(widths[i])).join('  '));
for (const r of rows) console.log(columns.map(([, f], i) => f(r).padStart(widths[i])).join('  '));
console.log(
  `(${cores} cores; load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after; ${runs} run${runs === 1 ? '' : 's'} each, median; ratios (×) against the ${baseline(rows[0]).mode} mode of the same size, same run)`,
);
const largest = rows.filter((r) => r.docs === sizes.at(-1));
const base = largest[0];
const figures = (r: Row) => ({
  threads: r.threads,
  seconds: Number(r.seconds.toFixed(3)),
  cpu_seconds: Number(r.cpuSeconds.toFixed(3)),
  ratio: Number((r.seconds / r.floor).toFixed(3)),
  cpu_ratio: Number((r.cpuSeconds / r.cpuFloor).toFixed(3)),
  peak_mb: Math.round(r.peakMb),
  vs_baseline: {
    seconds: Number(ratio(r.seconds, base.seconds).toFixed(3)),
    cpu_seconds: Number(ratio(r.cpuSeconds, base.cpuSeconds).toFixed(3)),
    peak_mb: Number(ratio(r.peakMb, base.peakMb).toFixed(3)),
  },
  same_output: r.version === base.version,
});
console.log(
  JSON.stringify({
    docs: base.docs,
    events: base.events,
    floor_seconds: Number(base.floor.toFixed(3)),
    floor_cpu_seconds: Number(base.cpuFloor.toFixed(3)),
    baseline: base.mode,
    modes: Object.fromEntries(largest.map((r) => [r.mode, figures(r)])),
    bytes_per_event: Math.round(base.bytesPerEvent),
    events_geojson_bytes_per_event: Math.round(base.geojsonPerEvent),
    cores,
    load: Number(load0.toFixed(2)),
  }),
);
if (rows.some((r) => r.version !== baseline(r).version)) {
  console.error('bench:data: the modes published different output');
  process.exitCode = 1;
}
