/**
 * Geocoding benchmark: resolves every place mention of a corpus with the build's own resolver and
 * scores the predicted points against the gold points.
 *
 *   npx tsx bench/geocode.ts FILE.jsonl [FILE.jsonl …] [--out predictions.jsonl] [--unknown error|focus] [--no-cv] [--audit-overrides] [--country-rules]
 *   npm run bench:geocode -- lgl.jsonl trnews.jsonl
 *
 * Corpora are run one after the other (never in parallel: the machine is shared).
 * FILE is a path, or a file name under ../shared/bench/geocoding/ (LGL, TR-News; see its README
 * for the row format and the metrics). The resolver sees only each row's `mention`, its
 * `text_context` and the other mentions of the same `doc_id`; `gold_*` and `extra` are read by the
 * scoring below and nowhere else. `--unknown` says what the resolver does with a name the gazetteer
 * lacks (resolve.ts `DocumentOptions`): `focus` (the default here, as for any unannotated text) places
 * it at the document's focus; `error` (the build's) leaves it unresolved, which the scores count as wrong.
 *
 * Prints, per corpus: load time, mentions/s of a cold single pass, acc@161, AUC, mean and median
 * km and coverage, overall and by kind of place (the gold feature code). Then cross-validation:
 * each corpus's documents fall into FOLDS folds by a hash of their id; for each fold, the context
 * weights (resolve.ts `Weights`) are chosen from GRID by acc@161 on the corpus's other folds and
 * scored on the held-out fold; and across corpora, fit on all of one and scored on all of another.
 * The table gives, per fit, the chosen weights, their training acc@161, their held-out acc@161 and
 * the defaults' held-out acc@161; then the spread over folds (min/mean/max) and the setting chosen
 * most often. `--country-rules` scores the candidate rules for country points (bench/country-rules.ts)
 * the same way, by fold and across corpora. The last line is one JSON object for scripts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/cli/gazetteer-cache.js';
import type { Gazetteer } from '../src/compiler/gazetteer.js';
import { distanceKm } from '../src/compiler/places/distance.js';
import { mentionQueries, type Mention } from '../src/compiler/places/mention-queries.js';
import {
  documentResolver,
  WEIGHTS,
  type DocumentOptions,
  type PlaceQuery,
  type Resolution,
  type Weights,
} from '../src/compiler/resolve.js';
import { parse as parseYaml } from 'yaml';
import { COUNTRY_RULES, countryRulePoints, type CountryRule } from './country-rules.js';

/** acc@161: a prediction within 161 km (100 miles) of the gold point counts as right. */
const ACC_KM = 161;
/** Error assigned to an unresolved mention, and the AUC normaliser: half the Earth's circumference (km). */
const MAX_ERROR_KM = 20039;

const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'bench', 'geocoding');

/** What only the scoring reads (the resolver reads Mention fields: places/mention-queries.ts). */
interface Gold {
  gold_lat: number;
  gold_lon: number;
  extra?: { fcode?: string | null; genre?: string };
}

type Row = Mention & Gold;

/** Kind of place of the gold answer, from its GeoNames feature code (scoring only). */
function goldKind(r: Gold): string {
  const f = r.extra?.fcode ?? '';
  if (/^PCL/.test(f)) return 'country';
  if (f === 'ADM1') return 'admin1';
  if (/^ADM[2-5D]/.test(f)) return 'admin2+';
  if (/^PPL/.test(f)) return 'city';
  if (f === 'CONT' || f === 'RGN' || f === 'AREA') return 'continent/area';
  return 'other';
}

interface Scores {
  n: number;
  acc161: number;
  auc: number;
  mean_km: number;
  median_km: number;
  coverage: number;
}

/** AUC of sorted ln(1 + error km), trapezoid rule with unit spacing, normalised to [0, 1] (lower is better). */
function auc(errors: number[]): number {
  const v = errors.map((e) => Math.log(1 + e)).sort((a, b) => a - b);
  if (v.length < 2) return v.length ? v[0] / Math.log(MAX_ERROR_KM) : 0;
  let area = 0;
  for (let i = 1; i < v.length; i++) area += (v[i - 1] + v[i]) / 2;
  return area / ((v.length - 1) * Math.log(MAX_ERROR_KM));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

function scoresOf(errors: Array<number | null>): Scores {
  const resolved = errors.filter((e): e is number => e !== null);
  const all = errors.map((e) => e ?? MAX_ERROR_KM);
  return {
    n: errors.length,
    acc161: errors.length ? resolved.filter((e) => e <= ACC_KM).length / errors.length : 0,
    auc: auc(all),
    mean_km: resolved.length ? resolved.reduce((s, e) => s + e, 0) / resolved.length : 0,
    median_km: median(resolved),
    coverage: errors.length ? resolved.length / errors.length : 0,
  };
}

function line(label: string, s: Scores): string {
  return (
    `${label.padEnd(16)} n=${String(s.n).padStart(5)}  acc@161=${s.acc161.toFixed(3)}  AUC=${s.auc.toFixed(3)}  ` +
    `mean_km=${s.mean_km.toFixed(0).padStart(5)}  median_km=${s.median_km.toFixed(0).padStart(4)}  coverage=${s.coverage.toFixed(3)}`
  );
}

/** Folds of documents for cross-validation. */
const FOLDS = 5;

/** Weights tried by cross-validation: every combination of these values, the rest as WEIGHTS. */
const GRID: { [K in keyof Weights]?: number[] } = {
  countryShare: [4, 6, 8],
  countryNamed: [0, 1.5, 3],
  region: [3, 5, 7],
  near: [6, 9, 12],
  siblings: [0, 1, 4],
};

function gridWeights(): Weights[] {
  let out: Weights[] = [{ ...WEIGHTS }];
  for (const [k, values] of Object.entries(GRID) as Array<[keyof Weights, number[]]>) {
    out = out.flatMap((w) => values.map((v) => ({ ...w, [k]: v })));
  }
  return out;
}

/** Fold of a document: FNV-1a hash of its id, so folds do not depend on row order. */
function foldOf(docId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < docId.length; i++) h = Math.imul(h ^ docId.charCodeAt(i), 0x01000193) >>> 0;
  return h % FOLDS;
}

interface Corpus {
  name: string;
  rows: Row[];
  /** Row indices by document, in order of first appearance. */
  docs: Map<string, number[]>;
  queries: PlaceQuery[];
  fold: number[];
}

function readCorpus(file: string): Corpus {
  const path = existsSync(file) ? resolve(file) : join(CORPUS_DIR, basename(file));
  if (!existsSync(path)) {
    console.error(`bench/geocode: no corpus at ${file} nor ${path}; the corpora live in ../shared/bench/geocoding/`);
    process.exit(2);
  }
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Row;
      } catch {
        console.error(`${path}:${i + 1}: not JSON`);
        process.exit(2);
      }
    });
  const docs = new Map<string, number[]>();
  rows.forEach((r, i) => {
    let list = docs.get(r.doc_id);
    if (!list) docs.set(r.doc_id, (list = []));
    list.push(i);
  });
  // The resolver gets Mention fields only (places/mention-queries.ts).
  const queries = mentionQueries(rows);
  return { name: basename(path), rows, docs, queries, fold: rows.map((r) => foldOf(r.doc_id)) };
}

type DocumentResolver = ReturnType<typeof documentResolver>;

/** What the resolver does with a name the gazetteer lacks (`--unknown error|focus`; resolve.ts `DocumentOptions`). */
let OPTIONS: DocumentOptions = { unknown: 'focus' };

/**
 * Resolves a corpus document by document with one resolver (as the build does); wall and CPU ms.
 * A fresh resolver unless one is given (cross-validation shares one, so each name is read once and
 * only the document passes run again per weight setting).
 */
function resolveCorpus(
  g: Gazetteer,
  c: Corpus,
  w: Weights,
  resolver: DocumentResolver = documentResolver(g, w, OPTIONS),
): { results: Resolution[]; ms: number; cpuMs: number } {
  const results: Resolution[] = new Array(c.rows.length);
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  for (const idx of c.docs.values()) {
    const res = resolver(
      idx.map((i) => c.queries[i]),
      undefined,
      w,
    );
    idx.forEach((i, k) => (results[i] = res[k]));
  }
  const cpu = process.cpuUsage(cpu0);
  return { results, ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Scoring: the only place gold fields are read. Error in km per row, null when unresolved. */
function errorsOf(c: Corpus, results: Resolution[]): Array<number | null> {
  return c.rows.map((r, i) => {
    const res = results[i];
    return res.ok ? distanceKm(res.place.lonlat, [r.gold_lon, r.gold_lat]) : null;
  });
}

function weightsLabel(w: Weights): string {
  return Object.keys(GRID)
    .map((k) => `${k}=${w[k as keyof Weights]}`)
    .join(' ');
}

function spread(values: number[]): { min: number; mean: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: Math.min(...values), mean, max: Math.max(...values) };
}

/** A fit: the corpora and folds it learns on, and those it is scored on ([corpus, fold] cells). */
interface Split {
  label: string;
  train: Array<[number, number]>;
  test: Array<[number, number]>;
  /** Corpus the held-out figure belongs to (for the spread). */
  corpus: number;
}

/**
 * Cross-validation of the context weights. Within each corpus: 5 folds by document; for each, the
 * grid setting with the most rows right (acc@161) on the other 4 folds, scored on the held-out one.
 * Across corpora: fit on all of one corpus, score on all of the other. Each (setting, corpus, fold)
 * is resolved once, with one resolver whose memo of read names is shared by every setting.
 */
function crossValidate(g: Gazetteer, corpora: Corpus[]): Record<string, unknown> {
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  const grid = gridWeights();
  const t = performance.now();
  const resolver = documentResolver(g, WEIGHTS, OPTIONS);
  const n = corpora.map((c) => Array.from({ length: FOLDS }, (_, f) => c.fold.filter((x) => x === f).length));
  // hits[setting][corpus][fold]: rows within ACC_KM.
  const hits = grid.map((w) =>
    corpora.map((c) => {
      const perFold = new Array<number>(FOLDS).fill(0);
      errorsOf(c, resolveCorpus(g, c, w, resolver).results).forEach((e, i) => {
        if (e !== null && e <= ACC_KM) perFold[c.fold[i]]++;
      });
      return perFold;
    }),
  );
  const defaultAt = grid.findIndex((w) =>
    (Object.keys(WEIGHTS) as Array<keyof Weights>).every((k) => w[k] === WEIGHTS[k]),
  );
  const acc = (wi: number, cells: Array<[number, number]>): number => {
    let h = 0;
    let m = 0;
    for (const [ci, f] of cells) [h, m] = [h + hits[wi][ci][f], m + n[ci][f]];
    return m ? h / m : 0;
  };
  // The setting with the best training acc@161; a tie keeps the defaults, else the first in grid order.
  const fit = (cells: Array<[number, number]>): number => {
    let best = defaultAt;
    grid.forEach((_, wi) => {
      if (acc(wi, cells) > acc(best, cells) + 1e-12) best = wi;
    });
    return best;
  };
  const splits: Split[] = [];
  corpora.forEach((c, ci) => {
    for (let f = 0; f < FOLDS; f++) {
      const train: Array<[number, number]> = [];
      for (let k = 0; k < FOLDS; k++) if (k !== f) train.push([ci, k]);
      splits.push({ label: `${c.name} fold ${f}`, train, test: [[ci, f]], corpus: ci });
    }
  });
  const whole = (ci: number): Array<[number, number]> => Array.from({ length: FOLDS }, (_, f) => [ci, f]);
  corpora.forEach((a, ai) =>
    corpora.forEach((b, bi) => {
      if (ai !== bi) splits.push({ label: `${a.name} → ${b.name}`, train: whole(ai), test: whole(bi), corpus: -1 });
    }),
  );
  console.log(
    `\ncross-validation: ${FOLDS} folds by document per corpus, and across corpora; ${grid.length} weight settings ` +
      `(${Object.entries(GRID)
        .map(([k, v]) => `${k} ${v.join('/')}`)
        .join(', ')}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  console.log(
    `${'fit → held out'.padEnd(30)} ${'chosen weights'.padEnd(52)} ${'train'.padStart(6)} ${'held'.padStart(6)} ${'default'.padStart(7)}`,
  );
  const chosenCount = new Map<number, number>();
  const rows = splits.map((sp) => {
    const wi = fit(sp.train);
    chosenCount.set(wi, (chosenCount.get(wi) ?? 0) + 1);
    const row = {
      split: sp.label,
      weights: weightsLabel(grid[wi]),
      train: acc(wi, sp.train),
      held_out: acc(wi, sp.test),
      default_held_out: acc(defaultAt, sp.test),
    };
    console.log(
      `${row.split.padEnd(30)} ${row.weights.padEnd(52)} ${row.train.toFixed(3).padStart(6)} ${row.held_out.toFixed(3).padStart(6)} ${row.default_held_out.toFixed(3).padStart(7)}`,
    );
    return { ...row, corpus: sp.corpus };
  });
  const out: Record<string, unknown> = {};
  corpora.forEach((c, ci) => {
    const mine = rows.filter((r) => r.corpus === ci);
    const s = spread(mine.map((r) => r.held_out));
    const d = spread(mine.map((r) => r.default_held_out));
    console.log(
      `${c.name}: held-out acc@161 by fold min/mean/max ${s.min.toFixed(3)}/${s.mean.toFixed(3)}/${s.max.toFixed(3)}; ` +
        `default weights ${d.min.toFixed(3)}/${d.mean.toFixed(3)}/${d.max.toFixed(3)}`,
    );
    out[c.name] = {
      folds: mine.map((r) => round(r.held_out)),
      min: round(s.min),
      mean: round(s.mean),
      max: round(s.max),
      default_folds: mine.map((r) => round(r.default_held_out)),
      default_mean: round(d.mean),
    };
  });
  const [mostAt, mostCount] = [...chosenCount].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const gain = rows.reduce((a, r) => a + r.held_out - r.default_held_out, 0) / rows.length;
  console.log(
    `chosen most often: ${weightsLabel(grid[mostAt])} (${mostCount} of ${rows.length} fits)${mostAt === defaultAt ? ', the defaults' : ''}; ` +
      `mean held-out gain of the chosen settings over the defaults ${(gain * 100).toFixed(2)} points`,
  );
  out.cross = rows
    .filter((r) => r.corpus < 0)
    .map((r) => ({
      split: r.split,
      weights: r.weights,
      held_out: round(r.held_out),
      default: round(r.default_held_out),
    }));
  out.chosen_most = {
    weights: weightsLabel(grid[mostAt]),
    fits: mostCount,
    of: rows.length,
    defaults: mostAt === defaultAt,
  };
  out.mean_gain_over_defaults = round(gain);
  return out;
}

/**
 * Audit of the country points overrides.yaml sets by hand: each against the point world-countries
 * gives the country (what the gazetteer has without the override), on the rows of each corpus
 * resolved to that country. A country's point is no context for other mentions (context points are
 * cities' and counties'), so these rows are exactly the ones an override can change: one run
 * measures every override with and without.
 */
function auditCountryPoints(corpora: Corpus[], results: Resolution[][]): Array<Record<string, unknown>> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const overrides = (
    parseYaml(readFileSync(join(root, 'data/gazetteer/overrides.yaml'), 'utf8')) as Array<{
      country?: string;
      set?: { lonlat?: [number, number] };
    }>
  ).filter((o) => o.country && o.set?.lonlat);
  const packagePoint = new Map(
    (
      createRequire(import.meta.url)('world-countries/countries.json') as Array<{
        cca2: string;
        latlng: [number, number];
      }>
    ).map((c) => [c.cca2, [c.latlng[1], c.latlng[0]] as [number, number]]),
  );
  console.log(
    '\ncountry points set in overrides.yaml: rows resolved to the country within 161 km, with / without the override',
  );
  console.log(`${'country'.padEnd(8)} ${'km moved'.padStart(8)}  ${corpora.map((c) => c.name.padEnd(26)).join(' ')}`);
  return overrides.map((o) => {
    const code = o.country!;
    const [over, own] = [o.set!.lonlat!, packagePoint.get(code)!];
    const cells: Record<string, unknown> = {};
    const text = corpora.map((c, ci) => {
      let [n, withHits, withoutHits] = [0, 0, 0];
      c.rows.forEach((r, i) => {
        const res = results[ci][i];
        if (!res.ok || res.place.kind !== 'country' || res.place.country !== code) return;
        n++;
        if (distanceKm(over, [r.gold_lon, r.gold_lat]) <= ACC_KM) withHits++;
        if (distanceKm(own, [r.gold_lon, r.gold_lat]) <= ACC_KM) withoutHits++;
      });
      cells[c.name] = { n, with: withHits, without: withoutHits };
      return `n=${String(n).padStart(3)} ${String(withHits).padStart(3)} / ${String(withoutHits).padStart(3)} (${withHits - withoutHits >= 0 ? '+' : ''}${withHits - withoutHits})`.padEnd(
        26,
      );
    });
    const km = distanceKm(over, own);
    console.log(`${code.padEnd(8)} ${km.toFixed(0).padStart(8)}  ${text.join(' ')}`);
    return { country: code, km_moved: Math.round(km), ...cells };
  });
}

/**
 * Country-point rules (bench/country-rules.ts) scored on the rows each corpus resolves to a country
 * (a country's point is no context for other mentions, so these are the rows a rule changes), by
 * fold and across corpora: for each fit, the rule with the most rows within 161 km on the training
 * cells (ties keep the current rule f), scored on the held-out cells.
 */
function crossValidateCountryRules(g: Gazetteer, corpora: Corpus[], results: Resolution[][]): Record<string, unknown> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const fixed = new Set(
    (
      parseYaml(readFileSync(join(root, 'data/gazetteer/overrides.yaml'), 'utf8')) as Array<{
        country?: string;
        set?: { lonlat?: [number, number] };
      }>
    )
      .filter((o) => o.country && o.set?.lonlat)
      .map((o) => o.country!),
  );
  const current = new Map<string, [number, number]>();
  results.forEach((rs) =>
    rs.forEach((r) => {
      if (r.ok && r.place.kind === 'country' && r.place.country) current.set(r.place.country, r.place.lonlat);
    }),
  );
  const points = countryRulePoints(g, current, fixed);
  const rules = Object.keys(COUNTRY_RULES) as CountryRule[];
  // hits[rule][corpus][fold] on country rows; also the whole corpus's acc@161 under each rule.
  const base = corpora.map((c, ci) => {
    const perFold = new Array<number>(FOLDS).fill(0);
    errorsOf(c, results[ci]).forEach((e, i) => {
      const r = results[ci][i];
      if (e !== null && e <= ACC_KM && !(r.ok && r.place.kind === 'country' && r.place.country)) perFold[c.fold[i]]++;
    });
    return perFold;
  });
  const hits = rules.map((rule) =>
    corpora.map((c, ci) => {
      const perFold = [...base[ci]];
      c.rows.forEach((row, i) => {
        const r = results[ci][i];
        if (!(r.ok && r.place.kind === 'country' && r.place.country)) return;
        const p = points[rule].get(r.place.country)!;
        if (distanceKm(p, [row.gold_lon, row.gold_lat]) <= ACC_KM) perFold[c.fold[i]]++;
      });
      return perFold;
    }),
  );
  const n = corpora.map((c) => Array.from({ length: FOLDS }, (_, f) => c.fold.filter((x) => x === f).length));
  const acc = (ri: number, cells: Array<[number, number]>): number => {
    let [h, m] = [0, 0];
    for (const [ci, f] of cells) [h, m] = [h + hits[ri][ci][f], m + n[ci][f]];
    return m ? h / m : 0;
  };
  const whole = (ci: number): Array<[number, number]> => Array.from({ length: FOLDS }, (_, f) => [ci, f]);
  console.log('\ncountry-point rules: acc@161 of the whole corpus under each rule (only country rows change)');
  const table: Record<string, unknown> = {};
  rules.forEach((rule, ri) => {
    const cells = corpora.map((c, ci) => `${c.name} ${acc(ri, whole(ci)).toFixed(4)}`);
    console.log(`  ${rule}  ${cells.join('  ')}  ${COUNTRY_RULES[rule]}`);
    table[rule] = Object.fromEntries(corpora.map((c, ci) => [c.name, Math.round(acc(ri, whole(ci)) * 1e4) / 1e4]));
  });
  const fit = (cells: Array<[number, number]>): number => {
    let best = 0;
    rules.forEach((_, ri) => {
      if (acc(ri, cells) > acc(best, cells) + 1e-12) best = ri;
    });
    return best;
  };
  const fits: Array<{ split: string; rule: CountryRule; held_out: number; current: number }> = [];
  corpora.forEach((c, ci) => {
    for (let f = 0; f < FOLDS; f++) {
      const train = whole(ci).filter(([, k]) => k !== f);
      const ri = fit(train);
      fits.push({
        split: `${c.name} fold ${f}`,
        rule: rules[ri],
        held_out: acc(ri, [[ci, f]]),
        current: acc(0, [[ci, f]]),
      });
    }
    corpora.forEach((b, bi) => {
      if (bi === ci) return;
      const ri = fit(whole(ci));
      fits.push({
        split: `${c.name} → ${b.name}`,
        rule: rules[ri],
        held_out: acc(ri, whole(bi)),
        current: acc(0, whole(bi)),
      });
    });
  });
  for (const r of fits)
    console.log(
      `  ${r.split.padEnd(30)} rule ${r.rule}  held ${r.held_out.toFixed(3)}  current ${r.current.toFixed(3)}`,
    );
  const gain = fits.reduce((a, r) => a + r.held_out - r.current, 0) / fits.length;
  console.log(`  mean held-out gain of the chosen rules over the current rule ${(gain * 100).toFixed(2)} points`);
  return { table, fits, mean_gain: Math.round(gain * 1e4) / 1e4 };
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const unknownAt = args.indexOf('--unknown');
  const unknown = unknownAt >= 0 ? args[unknownAt + 1] : 'focus';
  if (unknown !== 'error' && unknown !== 'focus') {
    console.error(`bench/geocode: --unknown takes error or focus, got ${JSON.stringify(unknown)}`);
    process.exit(2);
  }
  OPTIONS = { unknown };
  const cv = !args.includes('--no-cv');
  const audit = args.includes('--audit-overrides');
  const rulesCv = args.includes('--country-rules');
  const files = args.filter(
    (a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1) && (unknownAt < 0 || i !== unknownAt + 1),
  );
  if (files.length === 0) {
    console.error(
      'usage: npx tsx bench/geocode.ts FILE.jsonl [FILE.jsonl …] [--out predictions.jsonl] [--unknown error|focus] [--no-cv] [--audit-overrides] [--country-rules]',
    );
    process.exit(2);
  }
  const corpora = files.map(readCorpus);

  const t0 = performance.now();
  const loadCpu0 = process.cpuUsage();
  const g = loadGazetteer();
  const loadMs = performance.now() - t0;
  const loadCpu = process.cpuUsage(loadCpu0);
  // CPU time as well: on a shared machine the wall time also counts other processes' turns and disk waits.
  console.log(
    `gazetteer load ${loadMs.toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU`,
  );

  const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;
  const summary: Record<string, unknown> = { load_ms: Math.round(loadMs) };
  const outLines: string[] = [];
  const allResults: Resolution[][] = [];
  for (const c of corpora) {
    const { results, ms, cpuMs } = resolveCorpus(g, c, WEIGHTS);
    allResults.push(results);
    const errors = errorsOf(c, results);
    const overall = scoresOf(errors);
    const kinds = new Map<string, Array<number | null>>();
    c.rows.forEach((r, i) => {
      const k = goldKind(r);
      let list = kinds.get(k);
      if (!list) kinds.set(k, (list = []));
      list.push(errors[i]);
    });
    const perSecond = c.rows.length / (ms / 1000);
    console.log(`\n${c.name}: ${c.rows.length} mentions in ${c.docs.size} documents`);
    // CPU time as well: on a shared machine wall time also counts other processes' turns.
    console.log(
      `cold single pass ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU ` +
        `(${perSecond.toFixed(0)} mentions/s wall, ${(c.rows.length / (cpuMs / 1000)).toFixed(0)} per CPU second)`,
    );
    console.log(line('overall', overall));
    for (const [k, e] of [...kinds].sort((a, b) => b[1].length - a[1].length)) console.log(line(`  ${k}`, scoresOf(e)));
    // Own sets that say each row's genre (tests/fixtures/geocode/genres.jsonl): scores per genre too.
    const genres = new Map<string, Array<number | null>>();
    c.rows.forEach((r, i) => {
      const k = r.extra?.genre;
      if (!k) return;
      let list = genres.get(k);
      if (!list) genres.set(k, (list = []));
      list.push(errors[i]);
    });
    for (const [k, e] of genres) console.log(line(`  genre ${k}`, scoresOf(e)));
    summary[c.name] = {
      n: overall.n,
      acc161: round(overall.acc161, 4),
      auc: round(overall.auc, 4),
      mean_km: round(overall.mean_km, 1),
      median_km: round(overall.median_km, 1),
      coverage: round(overall.coverage, 4),
      mentions_per_s: Math.round(perSecond),
    };
    if (out) {
      c.rows.forEach((r, i) => {
        const res = results[i];
        outLines.push(
          JSON.stringify({
            corpus: c.name,
            doc_id: r.doc_id,
            mention: r.mention,
            start: r.start,
            end: r.end,
            ...(res.ok
              ? { ok: true, ambiguous: res.ambiguous, ...(res.focus ? { focus: true } : {}), place: res.place }
              : { ok: false, reason: res.reason }),
          }),
        );
      });
    }
  }
  if (out) writeFileSync(out, `${outLines.join('\n')}\n`);

  if (audit) summary.country_overrides = auditCountryPoints(corpora, allResults);
  if (rulesCv) summary.country_rules = crossValidateCountryRules(g, corpora, allResults);
  if (cv) summary.cv = crossValidate(g, corpora);
  console.log(JSON.stringify(summary));
}

main();
