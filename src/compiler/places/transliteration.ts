/**
 * Transliteration variants of a name, for a mention the gazetteer's own names do not reach.
 *
 * Two readings, both pure:
 * - `articleForms`: an Arabic article inside a name written another way ("Bab al-Mandeb" and "Bab
 *   el-Mandeb", "Sharm al-Sheikh" and "Sharm el-Sheikh", "Deir al-Zor" and "Deir ez-Zor"): each
 *   hyphen-joined article is rewritten as al-, el-, the sun-letter forms (ez-, ash-) or dropped. A
 *   leading article is already dropped by the resolver's written forms.
 * - `countrySkeletonMatch`: a name with the same transliteration skeleton (suggest.ts `skeleton`:
 *   vowels, kh/k, ch/k, doubled letters, a silent h, al- taken out: "Hodeidah" and "Al Hudaydah",
 *   "Mokha" and "Al Mukha") as a place of a given country. Used only inside a country the document
 *   is about (resolve.ts), and only where the country's places are mostly named in a script that
 *   leaves short vowels unwritten (Arabic, Hebrew, Syriac), the source of the vowel variants:
 *   across the world, or in a country written in Latin letters, one skeleton matches too many villages.
 */
import { countryOf, keyAt, levelOf, type GazetteerIndex } from '../gazetteer.js';
import { skeleton } from './suggest.js';

/** Arabic articles as transliterations write them before a hyphen. */
const ARTICLE_IN_NAME = /(?<=[\s-])(?:al|el|ul|ad|ar|as|ash|at|az|an|ed|er|es|esh|et|ez|en)[-\u2010\u2011](?=\p{L})/giu;
/** Sun letters (as Latin transliterations begin them) that an article assimilates to: ez-Zor, ash-Sham. */
const SUN = /^(?:th|sh|dh|[tdrzsn])/i;
/** Variants tried at most per mention. */
const MAX_FORMS = 6;

/** The name with each inner hyphen-joined article written as al-, el-, assimilated, or dropped. */
export function articleForms(text: string): string[] {
  if (!ARTICLE_IN_NAME.test(text)) return [];
  ARTICLE_IN_NAME.lastIndex = 0;
  const rewrite = (as: (next: string) => string) =>
    text.replace(ARTICLE_IN_NAME, (_m, offset: number, whole: string) => as(whole.slice(offset + _m.length)));
  const sun = (vowel: string) => (next: string) => {
    const s = SUN.exec(next)?.[0].toLowerCase();
    return s ? `${vowel}${s}-` : `${vowel}l-`;
  };
  const forms = [rewrite(() => 'al-'), rewrite(() => 'el-'), rewrite(sun('a')), rewrite(sun('e')), rewrite(() => '')];
  return [...new Set(forms)].filter((f) => f !== text).slice(0, MAX_FORMS);
}

/** A name this short is not respelt: too many short names are a letter apart. */
const MIN_SLAVIC = 6;

/**
 * The name as the other romanisations of Russian and Ukrainian write it, for a mention the gazetteer's
 * names do not reach: the letter я ending a name is "ia" or "ya"/"iya" ("Yevpatoria" and "Yevpatoriya",
 * "Kushchevskaia" and "Kushchevskaya"), and й after a vowel is "i" or "y" ("Savasleika" and
 * "Savasleyka"). GeoNames writes one of each; the press writes either.
 */
export function slavicForms(text: string): string[] {
  if (text.length < MIN_SLAVIC || !/^[\p{Script=Latin}\s'’-]+$/u.test(text)) return [];
  const forms = [
    text.replace(/(?<=[^aeiouy\s'’-])ia\b/giu, 'iya'),
    text.replace(/(?<=[aeou])ia\b/giu, 'ya'),
    text.replace(/iya\b/giu, 'ia'),
    text.replace(/(?<=[aeou])ya\b/giu, 'ia'),
    text.replace(/(?<=[aeou])i(?=[bcdfghjklmnpqrstvwxz])/giu, 'y'),
    text.replace(/(?<=[aeou])y(?=[bcdfghjklmnpqrstvwxz])/giu, 'i'),
  ];
  return [...new Set(forms)].filter((f) => f !== text);
}

/** Shortest skeleton matched inside a country ("hd": Hodeidah, Al Hudaydah); one letter means nothing. */
const MIN_SKELETON = 2;
/** Share of a country's named places with a name in such a script for the country to count as written in one. */
const ABJAD_SHARE = 0.5;
const LATIN = /^[a-z][a-z0-9 ]*$/;

/**
 * For the countries whose places are mostly named in a script that leaves short vowels unwritten
 * (Arabic, Hebrew, Syriac), the numbers of the Latin keys that name their places; elsewhere a name's
 * vowels are as written, and two names of one skeleton are two places ("Whitlock" is not White Lake).
 * Found in one pass over the keys on first use (no key decoded), kept for the index's life; each
 * country's skeletons are made from its keys when it is first asked for.
 */
interface Tables {
  keys: Map<number, number[]>;
  skeletons: Map<number, Map<string, number[]>>;
}
const tables = new WeakMap<GazetteerIndex, Tables>();

function tablesOf(g: GazetteerIndex): Tables {
  const known = tables.get(g);
  if (known) return known;
  const named = new Uint32Array(g.countries.length);
  for (let i = 0; i < g.size; i++) named[g.country[i]]++;
  // Keys are sorted by UTF-8 bytes: those that start with a Hebrew, Arabic or Syriac letter
  // (U+0590–U+074F, lead bytes D6 90 to DD) lie together, and so do those that start with a–z.
  const abjad = new Set<number>();
  for (let k = 0; k < g.keyCount; k++) {
    const at = g.keyStart[k];
    const b = g.keys[at];
    if (b < 0xd6 || (b === 0xd6 && g.keys[at + 1] < 0x90)) continue;
    if (b > 0xdd) break;
    for (let p = g.postStart[k]; p < g.postStart[k + 1]; p++) abjad.add(Math.floor(g.postings[p] / 8));
  }
  const share = new Uint32Array(g.countries.length);
  for (const i of abjad) share[g.country[i]]++;
  const keys = new Map<number, number[]>();
  share.forEach((n, c) => {
    if (c > 0 && named[c] > 0 && n / named[c] >= ABJAD_SHARE) keys.set(c, []);
  });
  for (let k = 0; k < g.keyCount; k++) {
    const b = g.keys[g.keyStart[k]];
    if (b < 0x61) continue;
    if (b > 0x7a) break;
    for (let p = g.postStart[k]; p < g.postStart[k + 1]; p++) {
      const list = keys.get(g.country[Math.floor(g.postings[p] / 8)]);
      if (list && list[list.length - 1] !== k) list.push(k);
    }
  }
  const out = { keys, skeletons: new Map() };
  tables.set(g, out);
  return out;
}

/** The places of country number `country` by the skeletons of their Latin names; null outside the abjad countries. */
function skeletonsOf(g: GazetteerIndex, country: number): Map<string, number[]> | null {
  const t = tablesOf(g);
  const keys = t.keys.get(country);
  if (!keys) return null;
  let map = t.skeletons.get(country);
  if (map) return map;
  map = new Map();
  for (const k of keys) {
    const key = keyAt(g, k);
    if (!LATIN.test(key)) continue;
    const s = skeleton(key);
    if (s.length < MIN_SKELETON) continue;
    for (let p = g.postStart[k]; p < g.postStart[k + 1]; p++) {
      const i = Math.floor(g.postings[p] / 8);
      if (g.country[i] !== country) continue;
      const list = map.get(s);
      if (!list) map.set(s, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  }
  t.skeletons.set(country, map);
  return map;
}

/** A region's population is the sum of its places': it ranks as a tenth, so a city comes before its region. */
const weight = (g: GazetteerIndex, i: number) => (levelOf(g, i) === 'city' ? g.population[i] : g.population[i] / 10);

/**
 * The place of country `code` (ISO2) one of whose Latin names has the skeleton of `key` (a
 * normalised name), the most populous if several (a region counting a tenth of its population); -1
 * when none or the skeleton is too short to mean anything.
 */
export function countrySkeletonMatch(g: GazetteerIndex, key: string, code: string): number {
  const country = g.countries.indexOf(code);
  if (country < 0 || !LATIN.test(key)) return -1;
  const s = skeleton(key);
  if (s.length < MIN_SKELETON) return -1;
  const places = skeletonsOf(g, country)?.get(s);
  if (!places) return -1;
  let best = -1;
  for (const i of places) {
    if (countryOf(g, i) !== code || /^PPLX/.test(g.fcodes[g.fcode[i]] ?? '')) continue;
    if (levelOf(g, i) === 'country') continue;
    if (best < 0 || weight(g, i) > weight(g, best)) best = i;
  }
  return best;
}
