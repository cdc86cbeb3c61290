/**
 * Geocoding benchmark: resolves every place mention of a corpus with the build's own resolver and
 * scores the predicted points against the gold points.
 *
 *   npx tsx bench/geocode.ts FILE.jsonl [--out predictions.jsonl]
 *   npm run bench:geocode -- lgl.jsonl
 *
 * FILE is a path, or a file name under ../shared/bench/geocoding/ (LGL, TR-News; see its README
 * for the row format and the metrics). The resolver sees only each row's `mention`, its
 * `text_context` and the other mentions of the same `doc_id`; `gold_*` and `extra` are read by the
 * scoring below and nowhere else.
 *
 * Prints acc@161, AUC, mean km and coverage, overall and by kind of place (the gold feature code),
 * load time and speed; the last line is one JSON object for scripts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/cli/gazetteer-cache.js';
import { distanceKm } from '../src/compiler/places/distance.js';
import { documentResolver, type PlaceQuery, type Resolution } from '../src/compiler/resolve.js';

/** acc@161: a prediction within 161 km (100 miles) of the gold point counts as right. */
const ACC_KM = 161;
/** Error assigned to an unresolved mention, and the AUC normaliser: half the Earth's circumference (km). */
const MAX_ERROR_KM = 20039;

const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'bench', 'geocoding');

/** What the resolver may read of a row. */
interface Mention {
  doc_id: string;
  mention: string;
  start: number;
  end: number;
  text_context: string;
  context_offset: number;
}

/** What only the scoring reads. */
interface Gold {
  gold_lat: number;
  gold_lon: number;
  extra?: { fcode?: string | null };
}

type Row = Mention & Gold;

/**
 * A place the text names right after the mention as containing it: "Paris, Texas", "Paducah, Ky.",
 * "Kharkiv, Ukraine". Up to three capitalised words after a comma.
 */
function containingPlace(m: Mention): string | undefined {
  const after = m.text_context.slice(m.end - m.context_offset);
  const match = /^,\s+((?:[A-Z][\p{L}.'’-]*)(?:\s+[A-Z][\p{L}.'’-]*){0,2})/u.exec(after);
  return match?.[1].replace(/[,;]$/, '');
}

/**
 * A designator the text puts after the mention, possibly after a list of names: "Platte County"
 * annotated as "Platte", "Butler, Clark and Warren counties", "Washington state", "the Kursk region".
 * Returned in the singular, to make the lookup name.
 */
function designatorAfter(m: Mention): string | undefined {
  const after = m.text_context.slice(m.end - m.context_offset);
  const name = "[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*)?";
  const list = `(?:,\\s+${name})*,?\\s+(?:and|or|&)\\s+${name}`;
  const match = new RegExp(`^(?:${list})?\\s+(County|county|counties|Parish|parish|parishes|state|province|provinces|region|regions|oblast)\\b`, 'u').exec(after);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  return { counties: 'county', parishes: 'parish', provinces: 'province', regions: 'region' }[word] ?? word;
}

function queryOf(m: Mention): PlaceQuery {
  const q: PlaceQuery = { text: m.mention };
  const designator = designatorAfter(m);
  if (designator && !m.mention.toLowerCase().endsWith(designator)) q.name = `${m.mention} ${designator}`;
  const within = containingPlace(m);
  if (within) q.within = within;
  return q;
}

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

function scoresOf(errors: Array<number | null>): Scores {
  const resolved = errors.filter((e): e is number => e !== null);
  const all = errors.map((e) => e ?? MAX_ERROR_KM);
  return {
    n: errors.length,
    acc161: errors.length ? resolved.filter((e) => e <= ACC_KM).length / errors.length : 0,
    auc: auc(all),
    mean_km: resolved.length ? resolved.reduce((s, e) => s + e, 0) / resolved.length : 0,
    coverage: errors.length ? resolved.length / errors.length : 0,
  };
}

function line(label: string, s: Scores): string {
  return `${label.padEnd(16)} n=${String(s.n).padStart(5)}  acc@161=${s.acc161.toFixed(3)}  AUC=${s.auc.toFixed(3)}  mean_km=${s.mean_km.toFixed(0).padStart(5)}  coverage=${s.coverage.toFixed(3)}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (!file) {
    console.error('usage: npx tsx bench/geocode.ts FILE.jsonl [--out predictions.jsonl]');
    process.exit(2);
  }
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

  const t0 = performance.now();
  const g = loadGazetteer();
  const loadMs = performance.now() - t0;

  // Documents in order of first appearance; the resolver gets Mention fields only.
  const docs = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = docs.get(r.doc_id) ?? [];
    list.push(i);
    docs.set(r.doc_id, list);
  });
  const results: Resolution[] = new Array(rows.length);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  // As the build does: one resolver for the corpus, reading each distinct name once.
  const resolveDocument = documentResolver(g);
  for (const idx of docs.values()) {
    const mentions: Mention[] = idx.map((i) => {
      const { doc_id, mention, start, end, text_context, context_offset } = rows[i];
      return { doc_id, mention, start, end, text_context, context_offset };
    });
    const res = resolveDocument(mentions.map(queryOf));
    idx.forEach((i, k) => (results[i] = res[k]));
  }
  const resolveMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  // CPU time as well: on a shared machine wall time also counts other processes' turns.
  const resolveCpuMs = (cpu.user + cpu.system) / 1000;

  // Scoring: the only place gold fields are read.
  const errors = rows.map((r, i) => {
    const res = results[i];
    return res.ok ? distanceKm(res.place.lonlat, [r.gold_lon, r.gold_lat]) : null;
  });
  const overall = scoresOf(errors);
  const kinds = new Map<string, Array<number | null>>();
  rows.forEach((r, i) => {
    const k = goldKind(r);
    kinds.set(k, [...(kinds.get(k) ?? []), errors[i]]);
  });

  if (out) {
    const lines = rows.map((r, i) => {
      const res = results[i];
      return JSON.stringify({
        doc_id: r.doc_id,
        mention: r.mention,
        start: r.start,
        end: r.end,
        ...(res.ok ? { ok: true, ambiguous: res.ambiguous, place: res.place } : { ok: false, reason: res.reason }),
      });
    });
    writeFileSync(out, `${lines.join('\n')}\n`);
  }

  const perSecond = rows.length / (resolveMs / 1000);
  console.log(`${basename(path)}: ${rows.length} mentions in ${docs.size} documents`);
  console.log(
    `gazetteer load ${loadMs.toFixed(0)} ms; resolve ${resolveMs.toFixed(0)} ms wall, ${resolveCpuMs.toFixed(0)} ms CPU ` +
      `(${perSecond.toFixed(0)} mentions/s wall, ${(rows.length / (resolveCpuMs / 1000)).toFixed(0)} per CPU second)`,
  );
  console.log(line('overall', overall));
  for (const [k, e] of [...kinds].sort((a, b) => b[1].length - a[1].length)) console.log(line(`  ${k}`, scoresOf(e)));
  const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;
  console.log(
    JSON.stringify({
      n: overall.n,
      acc161: round(overall.acc161, 4),
      auc: round(overall.auc, 4),
      mean_km: round(overall.mean_km, 1),
      coverage: round(overall.coverage, 4),
      mentions_per_s: Math.round(perSecond),
    }),
  );
}

main();
