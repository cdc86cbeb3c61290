/**
 * `npm run bench:suggest [-- --tagger wink]`: how close `npm run suggest` comes to hand annotations.
 * Each annotated document (the seeds in data/documents, the development set in
 * tests/fixtures/articles) is stripped to its plain text, drafted, and the draft scored against the
 * hand annotations, as the build reads both:
 *   places   a suggested mention with the same words (a leading "the" aside) resolving within 161 km;
 *   dates    an event's date: a suggested event over a hand-dated event's words with the same value
 *            ("stated" counts only dates the text gives, i.e. without date-added);
 *   ranges   the same words' span overlapping, and the same min and max (km);
 *   weapons  overlapping words; events: overlapping sentences.
 * Split: development = seeds + odd-numbered dev-NN articles; held out = even-numbered dev-NN articles
 * (fixed by name, not by results); new = the ho-NN articles, written and annotated after the engine's
 * rules were last tuned and scored apart (a second, fresher held-out set); fresh = the nw-NN articles, written
 * after the session-6 rule changes and scored apart again; blind = the gx-NN articles (varied topics: Sudan, the
 * Red Sea, Korea, the Sahel, Lebanon, a flood), written and annotated before the engine was run on them,
 * committed before any rule change of that session and never used to choose one; sealed = the sx-NN articles
 * (h-quality session: Russia's air bases, Iran and Israel, the South China Sea, Poltava, Goma, Poland), written,
 * annotated and committed before the engine was run on them, scored once before and once after that
 * session's rule changes, and never looked at for misses (`--misses … --split sealed` is refused); late = the
 * lt-NN articles (h-dates session: a quake, munitions shipments, a Baltic cable, a court order, Ladakh, Armenia,
 * Kherson, a mutiny), written, annotated and committed before the engine was run on them, a check fold: its
 * misses may be counted by class, never used to choose a rule; check = the dt-NN articles (h-dates session,
 * second round: Derna, Kharkiv, missiles for Germany, Hualien, Aktau, Agni-5, the Sergei Kotov, the Essequibo),
 * written, annotated and committed before the engine was run on them, scored once before and once after that
 * session's date and range rule changes: a check fold like late (its misses may be counted by class, never used
 * to choose a rule); ev = the ev-NN articles (h-events session: a
 * missile strike, a drone attack, two arms transfers, war games, a missile test, a naval drone attack, a drone
 * downing), written, annotated and committed before the engine was run on them, scored once before that
 * session's rule changes, a check fold like late. Prints a table, then one JSON line. Speed: per article, the gazetteer index
 * cached; 10,000 articles extrapolated from the measured mean on 2 threads: once as drafted in the first
 * pass (the JIT still compiling), once at steady state (best of three rounds, CPU time and wall).
 * Then a real batch, measured (`--batch N`, default 300; 0 skips it; `--batch-only` runs only it): N
 * 1,000-word articles through `npm run suggest -- --out-dir` with 1 and with 2 threads (benchBatch).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { loadGazetteer } from '../src/cli/gazetteer-cache.js';
import { parseDocumentText, type Annotation, type ParsedDocument } from '../src/compiler/parse.js';
import { applyReview } from '../src/compiler/review.js';
import { parseDate } from '../src/compiler/dates.js';
import { prepareDocument } from '../src/compiler/compile.js';
import { documentResolver } from '../src/compiler/resolve.js';
import { parseStatedRange } from '../src/compiler/stated-range.js';
import { distanceKm } from '../src/compiler/places/distance.js';
import { parseCatalogue } from '../src/suggest/catalogue.js';
import { writeDraft } from '../src/suggest/draft.js';
import { placeIndex } from '../src/suggest/place-index.js';
import { suggest } from '../src/suggest/suggest.js';
import { compromiseTagger, winkTagger } from '../src/suggest/tagger.js';

const { values: args } = parseArgs({
  options: {
    tagger: { type: 'string' },
    misses: { type: 'string' },
    split: { type: 'string' },
    batch: { type: 'string' },
    'batch-only': { type: 'boolean' },
    quick: { type: 'boolean' },
  },
});
if (args.misses && args.split === 'sealed') {
  console.error('bench:suggest: the sealed fold (sx-NN) is scored, never listed for misses');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const KINDS = ['places', 'dates', 'dates-stated', 'ranges', 'weapons', 'events'] as const;
type Kind = (typeof KINDS)[number];
type Counts = Record<Kind, { tp: number; fp: number; fn: number }>;
const zero = (): Counts => Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Counts;

const g = loadGazetteer();
const resolve = documentResolver(g);
const index = placeIndex(g);
const catalogue = parseCatalogue(readFileSync(join(root, 'data/weapons.yaml'), 'utf8'));
const tagger = args.tagger === 'wink' ? winkTagger : compromiseTagger;

const files = [
  ...readdirSync(join(root, 'data/documents'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ path: join(root, 'data/documents', f), split: 'dev' as const })),
  ...readdirSync(join(root, 'tests/fixtures/articles'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({
      path: join(root, 'tests/fixtures/articles', f),
      split: f.startsWith('dt-')
        ? ('check' as const)
        : f.startsWith('ev-')
          ? ('ev' as const)
          : f.startsWith('lt-')
            ? ('late' as const)
            : f.startsWith('sx-')
              ? ('sealed' as const)
              : f.startsWith('gx-')
                ? ('blind' as const)
                : f.startsWith('nw-')
                  ? ('fresh' as const)
                  : f.startsWith('ho-')
                    ? ('new' as const)
                    : Number(/(\d+)/.exec(f)?.[1] ?? 0) % 2 === 1
                      ? ('dev' as const)
                      : ('held-out' as const),
    })),
];

/**
 * A real batch, measured: N articles of 1,000 words (windows of the set's texts run together, each
 * starting elsewhere) drafted by `npm run suggest -- --out-dir` in a process of its own, with 1 and with
 * 2 threads: wall (the process's, from its start), its CPU time (every thread), articles a second, and
 * 10,000 articles projected from the measured throughput: the start-up, then 10,000 at the rate the
 * batch drafted once every thread was ready (and, plainer, the whole run scaled up).
 */
function benchBatch(n: number) {
  const tokens = files
    .map((f) => parseDocumentText(f.path, readFileSync(f.path, 'utf8')).text)
    .join('\n\n')
    .split(/(\s+)/);
  const wordAt = tokens.flatMap((t, i) => (t.trim() ? [i] : []));
  const dir = mkdtempSync(join(tmpdir(), 'bench-suggest-batch-'));
  mkdirSync(join(dir, 'in'));
  for (let k = 0; k < n; k++) {
    const first = (k * 1_997) % wordAt.length;
    const parts: string[] = [];
    for (let w = 0; w < 1000; w++) {
      const i = wordAt[(first + w) % wordAt.length];
      parts.push(tokens[i], w < 999 ? (tokens[i + 1] ?? ' ') : '\n');
    }
    writeFileSync(join(dir, 'in', `article-${String(k).padStart(5, '0')}.txt`), parts.join('').replace(/^\s+/, ''));
  }
  const rows = [1, 2].map((jobs) => {
    const out = join(dir, `out-${jobs}`);
    const load = loadavg()[0];
    const w0 = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'src/cli/suggest.ts'),
        '--out-dir',
        out,
        '--jobs',
        String(jobs),
        '--published',
        '2024-11-22',
        join(dir, 'in'),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const wallS = (performance.now() - w0) / 1000;
    const m =
      /(\d+) drafted .* 0 failed, .*start-up ([\d.]+) s, then (\d+) articles in ([\d.]+) s, ([\d.]+) s CPU; CPU ([\d.]+) s/.exec(
        run.stderr,
      );
    if (run.status !== 0 || !m || Number(m[1]) !== n || readdirSync(out).length !== n)
      throw new Error(`bench: the batch with ${jobs} jobs failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    const startupS = Number(m[2]);
    const cpuS = Number(m[6]);
    // A thread so slow to start that the others drafted everything first leaves no steady part: the whole run then.
    const steadyPart = Number(m[3]) > 0;
    const steadyRate = steadyPart ? Number(m[3]) / Number(m[4]) : n / wallS;
    const steadyCpuPerArticle = steadyPart ? Number(m[5]) / Number(m[3]) : cpuS / n;
    return {
      jobs,
      articles: n,
      wallS: +wallS.toFixed(1),
      cpuS,
      steadyCpuMsPerArticle: +(steadyCpuPerArticle * 1000).toFixed(1),
      startupS,
      articlesPerS: +(n / wallS).toFixed(1),
      steadyArticlesPerS: +steadyRate.toFixed(1),
      tenThousandS: Math.round((steadyPart ? wallS - Number(m[4]) : 0) + 10_000 / steadyRate),
      tenThousandScaledS: Math.round((wallS * 10_000) / n),
      // The cores to itself: the CPU time the run took less its drafting, plus 10,000 articles' CPU at the steady rate, over the threads.
      tenThousandCpuS: Math.round(((steadyPart ? cpuS - Number(m[5]) : 0) + 10_000 * steadyCpuPerArticle) / jobs),
      loadAverage: +load.toFixed(1),
    };
  });
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `batch: ${n} articles of 1,000 words through npm run suggest -- --out-dir, in a process of its own (${availableParallelism()} cores; load average before each run shown: other processes share the cores)`,
  );
  console.log(
    `${'jobs'.padEnd(6)}${'wall s'.padStart(8)}${'CPU s'.padStart(8)}${'start-up s'.padStart(12)}${'art/s'.padStart(8)}${'steady art/s'.padStart(14)}${'10,000 ≈ s'.padStart(12)}${'(scaled) s'.padStart(12)}${'CPU ms/art'.padStart(12)}${'10,000 CPU/jobs s'.padStart(19)}${'load'.padStart(7)}`,
  );
  for (const r of rows)
    console.log(
      `${String(r.jobs).padEnd(6)}${r.wallS.toFixed(1).padStart(8)}${r.cpuS.toFixed(1).padStart(8)}${r.startupS.toFixed(1).padStart(12)}${r.articlesPerS.toFixed(1).padStart(8)}${r.steadyArticlesPerS.toFixed(1).padStart(14)}${String(r.tenThousandS).padStart(12)}${String(r.tenThousandScaledS).padStart(12)}${r.steadyCpuMsPerArticle.toFixed(1).padStart(12)}${String(r.tenThousandCpuS).padStart(19)}${r.loadAverage.toFixed(1).padStart(7)}`,
    );
  console.log(
    '10,000 ≈: wall, the run less its drafting time plus 10,000 articles at the steady rate (target ≤ 300 s on 2 cores); scaled: the whole run × 10,000 / N; CPU/jobs: the same from CPU time over the threads (the wall time with the cores to itself)',
  );
  return rows;
}
const batchN = Number(args.batch ?? 300);
if (!Number.isInteger(batchN) || batchN < 0)
  throw new Error(`bench: --batch "${args.batch}" is not a count of articles`);
if (args['batch-only']) {
  console.log(JSON.stringify({ batch: benchBatch(batchN) }));
  process.exit(0);
}

const overlaps = (a: Annotation, b: Annotation) => a.start < b.end && a.end > b.start;
const words = (a: Annotation) => a.label.replace(/^the\s+/i, '');
/**
 * An event's date as the build reads it: relative words in `date=` ("Friday", data/README.md) counted from
 * the document's `published:`, so that "Friday" and the day it names compare equal.
 */
const dateOf = (doc: ParsedDocument, a: Annotation): string | undefined => {
  const def = a.attributes.of
    ? doc.annotations.find((x) => x.kind === 'event' && x.attributes.id === a.attributes.of)
    : undefined;
  const raw = a.attributes.date ?? def?.attributes.date;
  if (!raw) return undefined;
  const published = doc.frontMatter?.published;
  const parsed = parseDate(raw, typeof published === 'string' ? published : null);
  return 'error' in parsed ? raw : parsed.date;
};

/** Adds one document's counts of a kind: `match` pairs a gold with a suggested annotation. */
let current = { split: '', kind: '' };
function score(
  c: Counts[Kind],
  gold: Annotation[],
  got: Annotation[],
  match: (g: Annotation, s: Annotation) => boolean,
  gotOf?: (g: Annotation) => string,
) {
  const used = new Set<number>();
  const show =
    (args.misses ?? '').split(',').includes(current.kind) &&
    (args.split === 'all' ? current.split !== 'sealed' : current.split === (args.split ?? 'dev'));
  for (const x of gold) {
    const i = got.findIndex((s, n) => !used.has(n) && match(x, s));
    if (i >= 0) {
      used.add(i);
      c.tp++;
    } else {
      c.fn++;
      if (show)
        console.log(
          `  missed: ${x.label.slice(0, 100)} ${JSON.stringify(x.attributes).slice(0, 120)}${gotOf ? ` got: ${gotOf(x)}` : ''}`,
        );
    }
  }
  c.fp += got.length - used.size;
  if (show)
    got.forEach((s, n) => {
      if (!used.has(n)) console.log(`  extra: ${s.label.slice(0, 100)} ${JSON.stringify(s.attributes).slice(0, 160)}`);
    });
}

const counts = {
  dev: zero(),
  'held-out': zero(),
  new: zero(),
  fresh: zero(),
  late: zero(),
  check: zero(),
  ev: zero(),
  blind: zero(),
  sealed: zero(),
};
const times: Array<{ ms: number; words: number }> = [];
/** What each article was drafted from, to draft it again at steady state. */
const drafted: Array<{ text: string; docId: string; published: string | null }> = [];
for (const f of files) {
  const source = readFileSync(f.path, 'utf8');
  const gold = parseDocumentText(f.path, source);
  const text = gold.text;
  const fm = gold.frontMatter ?? {};
  const published =
    typeof fm.published === 'string'
      ? fm.published
      : fm.published instanceof Date
        ? fm.published.toISOString().slice(0, 10)
        : null;
  drafted.push({ text, docId: `bench-${String(fm.id)}`, published });
  const t0 = performance.now();
  const { suggestions } = suggest(text, { docId: `bench-${String(fm.id)}`, published, index, catalogue, tagger });
  times.push({ ms: performance.now() - t0, words: text.split(/\s+/).filter(Boolean).length });
  const draft = applyReview(
    parseDocumentText(
      'draft.md',
      writeDraft(
        { id: 'draft', title: 'draft', publisher: null, author: null, published, url: null, notes: null },
        text,
        suggestions,
      ),
    ),
    true,
  );
  const goldPrep = prepareDocument(gold, resolve);
  const gotPrep = prepareDocument(draft, resolve);
  const c = counts[f.split];
  const of = (d: ParsedDocument, k: string) => d.annotations.filter((a) => a.kind === k);
  const point = (prep: typeof goldPrep, d: ParsedDocument, a: Annotation) =>
    prep.places.byAnnotation.get(d.annotations.indexOf(a))?.place.lonlat;
  current = { split: f.split, kind: 'places' };
  score(c.places, of(gold, 'place'), of(draft, 'place'), (x, s) => {
    if (
      x.start + (x.label.length - words(x).length) !== s.start + (s.label.length - words(s).length) ||
      words(x) !== words(s)
    )
      return false;
    const p = point(goldPrep, gold, x);
    const q = point(gotPrep, draft, s);
    return !!p && !!q && distanceKm(p, q) <= 161;
  });
  const goldDated = of(gold, 'event').filter((a) => dateOf(gold, a));
  // A joining claim (`of=`) has its event's date, in the draft as in the hand annotations.
  const gotDated = of(draft, 'event').filter((a) => dateOf(draft, a) && goldDated.some((x) => overlaps(x, a)));
  current = { split: f.split, kind: 'dates' };
  score(
    c.dates,
    goldDated,
    gotDated,
    (x, s) => overlaps(x, s) && dateOf(gold, x) === dateOf(draft, s),
    (x) =>
      `${dateOf(gold, x)} vs ${
        gotDated
          .filter((s) => overlaps(x, s))
          .map((s) => dateOf(draft, s))
          .join(', ') || 'none'
      }`,
  );
  const stated = goldDated.filter(
    (a) =>
      !a.attributes['date-added'] &&
      !(a.attributes.of && gold.annotations.find((d) => d.attributes.id === a.attributes.of)?.attributes['date-added']),
  );
  current = { split: f.split, kind: 'dates-stated' };
  score(
    c['dates-stated'],
    stated,
    gotDated.filter((a) => stated.some((x) => overlaps(x, a))),
    (x, s) => overlaps(x, s) && dateOf(gold, x) === dateOf(draft, s),
  );
  const km = (a: Annotation) => {
    const r = parseStatedRange(a.label);
    return 'error' in r ? null : r;
  };
  current = { split: f.split, kind: 'ranges' };
  // A hand range the format could not hold (the annotator's workaround, `added=`) is not scored, and neither is a suggestion over it.
  const unscored = of(gold, 'range').filter((a) => a.attributes.added || !km(a));
  score(
    c.ranges,
    of(gold, 'range').filter((a) => !a.attributes.added && km(a)),
    of(draft, 'range').filter((s) => !unscored.some((x) => overlaps(x, s))),
    (x, s) => {
      const r = km(x);
      const q = km(s);
      return (
        overlaps(x, s) && !!r && !!q && Math.abs(r.min_km - q.min_km) < 1e-6 && Math.abs(r.max_km - q.max_km) < 1e-6
      );
    },
  );
  current = { split: f.split, kind: 'weapons' };
  score(c.weapons, of(gold, 'weapon'), of(draft, 'weapon'), overlaps);
  current = { split: f.split, kind: 'events' };
  score(c.events, of(gold, 'event'), of(draft, 'event'), overlaps);
}

const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    precision: +p.toFixed(3),
    recall: +r.toFixed(3),
    f1: +(p + r === 0 ? 0 : (2 * p * r) / (p + r)).toFixed(3),
    tp,
    fp,
    fn,
  };
};
const nOf = (s: string) => files.filter((f) => f.split === s).length;
console.log(
  `tagger: ${args.tagger === 'wink' ? 'wink-nlp' : 'compromise'}; ${nOf('dev')} development documents, ${nOf('held-out')} held out, ${nOf('new')} new held out (ho-), ${nOf('fresh')} fresh held out (nw-), ${nOf('late')} late held out (lt-), ${nOf('check')} check (dt-), ${nOf('ev')} ev check fold (ev-), ${nOf('blind')} blind held out (gx-), ${nOf('sealed')} sealed (sx-)`,
);
console.log(
  `${'kind'.padEnd(14)}${'dev P'.padStart(7)}${'R'.padStart(6)}${'F1'.padStart(6)}${'held P'.padStart(8)}${'R'.padStart(6)}${'F1'.padStart(6)}${'new P'.padStart(8)}${'R'.padStart(6)}${'F1'.padStart(6)}${'fresh P'.padStart(9)}${'R'.padStart(6)}${'F1'.padStart(6)}${'late P'.padStart(8)}${'R'.padStart(6)}${'F1'.padStart(6)}${'check P'.padStart(9)}${'R'.padStart(6)}${'F1'.padStart(6)}${'ev P'.padStart(8)}${'R'.padStart(6)}${'F1'.padStart(6)}${'blind P'.padStart(9)}${'R'.padStart(6)}${'F1'.padStart(6)}${'seal P'.padStart(8)}${'R'.padStart(6)}${'F1'.padStart(6)}`,
);
const result: Record<string, unknown> = {};
for (const k of KINDS) {
  const d = prf(counts.dev[k]);
  const h = prf(counts['held-out'][k]);
  const n = prf(counts.new[k]);
  const fr = prf(counts.fresh[k]);
  const lt = prf(counts.late[k]);
  const ck = prf(counts.check[k]);
  const ev = prf(counts.ev[k]);
  const bl = prf(counts.blind[k]);
  const se = prf(counts.sealed[k]);
  result[k] = { dev: d, heldOut: h, new: n, fresh: fr, late: lt, check: ck, ev, blind: bl, sealed: se };
  const cols = (x: typeof d, w: number) =>
    `${x.precision.toFixed(2).padStart(w)}${x.recall.toFixed(2).padStart(6)}${x.f1.toFixed(2).padStart(6)}`;
  console.log(
    `${k.padEnd(14)}${cols(d, 7)}${cols(h, 8)}${cols(n, 8)}${cols(fr, 9)}${cols(lt, 8)}${cols(ck, 9)}${cols(ev, 8)}${cols(bl, 9)}${cols(se, 8)}`,
  );
}
// `--quick`: the scores only, no speed runs.
if (args.quick) {
  console.log(JSON.stringify({ tagger: args.tagger ?? 'compromise', ...result }));
  process.exit(0);
}
// Speed: the first article pays for loading the tagger's lexicon; the rest are steady state.
const steady = times.slice(1);
const totalMs = steady.reduce((a, b) => a + b.ms, 0);
const totalWords = steady.reduce((a, b) => a + b.words, 0);
const msPer1000Words = (totalMs / totalWords) * 1000;
const meanMs = totalMs / steady.length;
const threads = Math.min(2, availableParallelism());
const tenThousandS = (meanMs * 10_000) / threads / 1000;
console.log(
  `speed: ${msPer1000Words.toFixed(0)} ms per 1,000 words (mean article ${meanMs.toFixed(0)} ms, ${Math.round(totalWords / steady.length)} words; first article ${times[0].ms.toFixed(0)} ms); 10,000 such articles ≈ ${tenThousandS.toFixed(0)} s on ${threads} threads (extrapolated)`,
);
// One article of 1,000 words (the set's texts run together), timed as drafted: the index cached, the tagger warm.
const thousand = (() => {
  const parts: string[] = [];
  let n = 0;
  for (const f of files) {
    if (n >= 1000) break;
    const text = parseDocumentText(f.path, readFileSync(f.path, 'utf8')).text;
    parts.push(text);
    n += text.split(/\s+/).filter(Boolean).length;
  }
  const words = parts.join('\n\n').split(/(\s+)/);
  let kept = 0;
  let end = 0;
  while (end < words.length && kept < 1000) {
    if (words[end].trim()) kept++;
    end++;
  }
  return words.slice(0, end).join('');
})();
const t1 = performance.now();
suggest(thousand, { docId: 'bench-1000', published: '2024-11-22', index, catalogue, tagger });
const thousandMs = performance.now() - t1;
console.log(
  `speed: one 1,000-word article ${thousandMs.toFixed(0)} ms (target ≤ 1,000 ms); 10,000 articles of ${Math.round(totalWords / steady.length)} words ≈ ${tenThousandS.toFixed(0)} s, of 1,000 words ≈ ${((thousandMs * 10_000) / threads / 1000).toFixed(0)} s on ${threads} threads (target ≤ 300 s)`,
);
// The figures above time each article once, in the process's first pass: much of it is the JIT
// compiling the code (a batch of 10,000 pays that once), and the clock runs while other processes
// share the cores. Steady state: every article drafted again, three times, timed in wall and in this
// process's CPU time; the fastest round is taken (the one least disturbed by other processes).
const rounds = Array.from({ length: 3 }, () => {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (const d of drafted) suggest(d.text, { docId: d.docId, published: d.published, index, catalogue, tagger });
  const c = process.cpuUsage(c0);
  const c1 = process.cpuUsage();
  const w1 = performance.now();
  suggest(thousand, { docId: 'bench-1000', published: '2024-11-22', index, catalogue, tagger });
  const cT = process.cpuUsage(c1);
  return {
    wall: (w1 - w0) / drafted.length,
    cpu: (c.user + c.system) / 1000 / drafted.length,
    thousandWall: performance.now() - w1,
    thousandCpu: (cT.user + cT.system) / 1000,
  };
});
const best = (k: keyof (typeof rounds)[number]) => Math.min(...rounds.map((r) => r[k]));
const steadyThousandS = (best('thousandCpu') * 10_000) / threads / 1000;
console.log(
  `speed, steady state (best of ${rounds.length} rounds): mean article ${best('cpu').toFixed(1)} ms CPU, ${best('wall').toFixed(1)} ms wall; one 1,000-word article ${best('thousandCpu').toFixed(1)} ms CPU, ${best('thousandWall').toFixed(1)} ms wall; 10,000 articles of 1,000 words ≈ ${steadyThousandS.toFixed(0)} s CPU on ${threads} threads (extrapolated, CPU time divided by threads: not measured in parallel)`,
);
const batch = batchN > 0 ? benchBatch(batchN) : [];
console.log(
  JSON.stringify({
    tagger: args.tagger ?? 'compromise',
    ...result,
    speed: {
      oneThousandWordArticleMs: Math.round(thousandMs),
      msPer1000Words: Math.round(msPer1000Words),
      meanArticleMs: Math.round(meanMs),
      tenThousandArticlesS: Math.round(tenThousandS),
      steadyArticleCpuMs: +best('cpu').toFixed(1),
      steadyOneThousandWordArticleCpuMs: +best('thousandCpu').toFixed(1),
      steadyOneThousandWordArticleWallMs: +best('thousandWall').toFixed(1),
      steadyTenThousandThousandWordArticlesS: Math.round(steadyThousandS),
      batch,
    },
  }),
);
