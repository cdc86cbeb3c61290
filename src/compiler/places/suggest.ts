/**
 * suggest: the places an unknown name may mean, for the build's error message. A name matches a
 * place when it is a few edits from any of the place's names (official, GeoNames alternate names,
 * translations: "Hodeidah" is one letter from "Hodeida", an alternate name of Al Ḩudaydah), or when
 * it has the same transliteration skeleton as one of them ("Kharkow" and "Kharkov" differ only in
 * letters that transliterations swap). Closer matches come first, then larger places. Pure, given a
 * gazetteer: a scan of the sorted keys that can match, a few tens of milliseconds per unknown name.
 */
import { distance } from 'fastest-levenshtein';
import type { PlaceKind } from '../../contract.js';
import {
  countryOf,
  indexOf,
  keyAt,
  levelOf,
  nameAt,
  nameTypeOf,
  type Gazetteer,
  type GazetteerIndex,
} from '../gazetteer.js';
import { mentionVariants } from './designators.js';
import { normalizeName, stripPossessive } from './normalize.js';
import { LEVEL_KIND } from './record.js';
import type { Resolver } from '../document-places.js';

export interface Suggestion {
  /** The place's display name. */
  name: string;
  kind: PlaceKind;
  country: string | null;
  population: number;
  geonames: number | null;
  /** The name of the place that matched, as an index key ("hodeida"); null when it was the display name. */
  matched: string | null;
  /** The place's number in the gazetteer (for `placeAt`). */
  index: number;
}

/** Suggestions offered at most. */
export const MAX_SUGGESTIONS = 5;
/** Populated places smaller than this (inhabitants) are not offered: too many hamlets share a spelling. */
const MIN_POPULATION = 5000;
/** Skeletons shorter than this match too much to mean anything. */
const MIN_SKELETON = 3;
/** Cost of a name with the same skeleton: more than one edit, so that a one-letter slip ranks first. */
const SKELETON_COST = 1.5;
const LATIN = /^[a-z][a-z0-9 ]*$/;

/** Leading articles that transliterations keep or drop ("Al Hudaydah", "Hudaydah"), as key words. */
const ARTICLES = ['al', 'el', 'ad', 'ar', 'as', 'an', 'at', 'az', 'ash'];
const ARTICLE = new RegExp(`^(?:${ARTICLES.join('|')}) `);

/**
 * A name with the differences transliterations make taken out: a leading article ("al-"), h after
 * a consonant and a silent h (kh/k, Hodeidah/Hodeida), w/v, j/y/i, c/k/q, ph/f, doubled letters,
 * and the vowels after the first letter (Kharkiv/Kharkov, Mykolaiv/Mykolayiv).
 */
export function skeleton(key: string): string {
  const s = key.replace(ARTICLE, '');
  let out = '';
  for (let n = 0; n < s.length; n++) {
    let c = s[n];
    const next = s[n + 1];
    if (c === ' ') continue;
    if (c === 'p' && next === 'h') {
      c = 'f';
      n++;
    } else if (next === 'h' && 'bcdgkstz'.includes(c)) n++;
    if (c === 'w') c = 'v';
    else if (c === 'c' || c === 'q') c = 'k';
    else if (c === 'j' || c === 'y') c = 'i';
    if (out.length > 0 && 'aeiouih'.includes(c)) continue;
    if (c === out[out.length - 1]) continue;
    out += c;
  }
  return out;
}

/** Key prefixes whose skeleton starts with `first`. */
function prefixesOf(first: string): string[] {
  const letters = { k: ['k', 'c', 'q'], i: ['i', 'j', 'y'], v: ['v', 'w'], f: ['f', 'ph'] }[first] ?? [first];
  return [...letters, ...ARTICLES.flatMap((a) => letters.map((l) => `${a} ${l}`))];
}

/** Key numbers [from, to) of the keys that start with `prefix` (keys are sorted). */
function keysStartingWith(g: GazetteerIndex, prefix: string): [number, number] {
  const lowerBound = (target: string) => {
    let lo = 0;
    let hi = g.keyCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyAt(g, mid) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lowerBound(prefix), lowerBound(`${prefix}\uffff`)];
}

/** The places a key names that are worth offering: not hamlets, not by a demonym. */
function placesOf(g: GazetteerIndex, k: number): number[] {
  const out: number[] = [];
  for (let p = g.postStart[k]; p < g.postStart[k + 1]; p++) {
    const v = g.postings[p];
    const i = Math.floor(v / 8);
    const type = nameTypeOf(v);
    if (type === 'demonym' || type === 'bare') continue;
    if (levelOf(g, i) === 'city' && g.population[i] < MIN_POPULATION) continue;
    out.push(i);
  }
  return out;
}

/**
 * Inhabitants a place ranks by among equally close matches: a region's or country's population is
 * the sum of its places, so it counts a tenth, and the city of a name comes before its region.
 */
const weight = (g: GazetteerIndex, i: number) => (levelOf(g, i) === 'city' ? g.population[i] : g.population[i] / 10);

/** The places an unknown name may mean, closest first. */
export function suggestPlaces(gazetteer: Gazetteer, text: string, max = MAX_SUGGESTIONS): Suggestion[] {
  const g = indexOf(gazetteer);
  const whole = normalizeName(stripPossessive(text));
  // The name without articles and designators ("the Kharkow region" → "kharkow").
  const key = mentionVariants(whole, g.designators).at(-1)?.key ?? whole;
  if (!key) return [];
  // Cost of each place: edits from the closest of its names; a name with the same skeleton costs
  // one edit when it is also within reach by edits, two when only the skeleton matches.
  const maxEdits = Math.max(2, Math.floor(key.length / 3));
  const cost = new Map<number, { cost: number; edits: number; key: string }>();
  const offer = (k: number, c: number, edits: number) => {
    for (const i of placesOf(g, k)) {
      const prev = cost.get(i);
      if (!prev || c < prev.cost || (c === prev.cost && edits < prev.edits))
        cost.set(i, { cost: c, edits, key: keyAt(g, k) });
    }
  };
  const [from, to] = keysStartingWith(g, key[0]);
  for (let k = from; k < to; k++) {
    if (Math.abs(g.keyStart[k + 1] - 1 - g.keyStart[k] - key.length) > maxEdits) continue;
    const d = distance(keyAt(g, k), key);
    if (d <= maxEdits) offer(k, d, d);
  }
  const sk = skeleton(key);
  if (sk.length >= MIN_SKELETON) {
    for (const prefix of prefixesOf(sk[0])) {
      const [a, b] = keysStartingWith(g, prefix);
      for (let k = a; k < b; k++) {
        // A skeleton is never longer than its name, and vowels rarely make up more than two thirds of one.
        const length = g.keyStart[k + 1] - 1 - g.keyStart[k];
        if (length < sk.length || length > 3 * sk.length + 4) continue;
        const other = keyAt(g, k);
        if (!LATIN.test(other) || skeleton(other) !== sk) continue;
        const d = distance(other, key);
        offer(k, d <= maxEdits ? Math.min(d, SKELETON_COST) : 2, d);
      }
    }
  }
  const ranked = [...cost].sort(([a, x], [b, y]) => x.cost - y.cost || weight(g, b) - weight(g, a) || a - b);
  const best = ranked[0]?.[1].cost ?? 0;
  return ranked
    .filter(([, c]) => c.cost <= best + 1)
    .slice(0, max)
    .map(([i, { key: matched }]) => {
      const name = nameAt(g, i);
      return {
        name,
        kind: LEVEL_KIND[levelOf(g, i)],
        country: countryOf(g, i),
        population: g.population[i],
        geonames: g.geonames[i] || null,
        matched: normalizeName(name) === matched ? null : matched,
        index: i,
      };
    });
}

/** `"Al Ḩudaydah" (city, YE, as "hodeida", geonames=79415)`: what to write instead, and how to pin it. */
export function formatSuggestion(s: Suggestion): string {
  const facts = [
    s.kind,
    s.country,
    s.matched ? `as "${s.matched}"` : null,
    s.geonames ? `geonames=${s.geonames}` : null,
  ].filter(Boolean);
  return `"${s.name}" (${facts.join(', ')})`;
}

/**
 * A document resolver whose unknown names are answered with suggestPlaces' suggestions, formatted,
 * instead of the resolver's own; computed only when the message is made.
 */
export function withSuggestions(gazetteer: Gazetteer, resolve: Resolver): Resolver {
  return (queries, ctx) =>
    resolve(queries, ctx).map((r, n) => {
      if (r.ok || r.reason !== 'unknown') return r;
      const q = queries[n];
      let made: string[] | null = null;
      return {
        ok: false,
        reason: r.reason,
        message: r.message,
        get suggestions() {
          return (made ??= suggestPlaces(gazetteer, q.name ?? q.text).map(formatSuggestion));
        },
      };
    });
}
