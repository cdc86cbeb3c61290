/**
 * ranges: the ranges a text states ("a range of 600-700 km", "up to 300 km", "about 900 kilometres",
 * "3,000 miles", "300 nautical miles", "intermediate-range ballistic missile"), each given the nearest
 * weapon and, when the sentence says where from ("from Crimea"), its origin. The words are chosen so that
 * the build's own reader (compiler/stated-range.ts) reads them to the same values; a phrase it cannot
 * read is suggested by its longest part it reads to the same values, or not at all. Pure.
 */
import { KM_PER_UNIT, RANGE_CLASSES } from '../constants.js';
import { parseStatedRange } from '../compiler/stated-range.js';
import type { Suggestion } from './suggestion.js';
import type { ArticleText } from './text.js';
import { isBlocked, sentenceIndexAt } from './text.js';

export interface FoundRange {
  start: number;
  end: number;
  min_km: number;
  max_km: number;
  /** 'class' for a range class in words. */
  basis: 'stated' | 'class';
  rangeClass: string | null;
}

// Thousands grouped by commas ("5,500") or by spaces, as the build's reader takes them ("5 500", a no-break
// or a narrow no-break space too).
const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?)`;
const UNIT = Object.keys(KM_PER_UNIT)
  .filter((u) => u !== 'm')
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/ /g, String.raw`\s+`))
  .join('|');
const QUALIFIER = String.raw`(?:(?:a\s+(?:maximum\s+)?range\s+of|ranges?\s+of|up\s+to|as\s+far\s+as|about|around|some|approximately|roughly|nearly|almost|more\s+than|over|at\s+least|less\s+than|under|between|in\s+excess\s+of|no\s+less\s+than|not\s+less\s+than|no\s+more\s+than|at\s+most|a\s+maximum\s+of)\s+)?`;
// Not a speed ("185 km/h", "7,200 km per hour", "4,500 miles an hour": chrono-free, a unit the build reads
// as a distance; the figure is no range).
const PHRASE = new RegExp(
  String.raw`\b${QUALIFIER}${NUM}(?:\s*(?:-|–|—|to|and)\s*${NUM})?(?:\s*|-)(${UNIT})\b(?!\s*(?:\/\s*h|\/\s*hr|p\/?h\b|per\s+(?:hour|second|minute)|an\s+hour|a\s+(?:second|minute)))\.?`,
  'gi',
);
const CLASS_PHRASE = new RegExp(
  String.raw`\b(${Object.values(RANGE_CLASSES)
    .flatMap((c) => c.phrases)
    .map((p) => p.replace(/[-\s]/g, '[-\\s]'))
    .join('|')})(?=[-\s]+(?:ballistic\s+)?missiles?\b)`,
  'gi',
);
// Word forms too ("reaches", "flies", "strikes"): "The ATACMS reaches 300 km" names no weapon class word.
const RANGE_CONTEXT =
  /\b(?:ranges?|reach(?:es|ed|ing)?|fl(?:y|ies|ew|own|ying)|travel(?:s|led|ed|ling|ing)?|strik(?:e|es|ing)|hit(?:s|ting)?|distance|radius|away|missiles?|rockets?|drones?)\b/i;

/** After the figure: it measures where something is, not how far a weapon can fly ("50 nautical miles southwest of Aden", "115 km from the border"). */
const WHERE_AFTER =
  /^\s*(?:(?:or\s+so|in\s+all)\s+)?(?:(?:that|which)\s+)?(?:separat(?:e|es|ed|ing)\b|lie\s+between\b)|^\s*(?:away\s+)?(?:from|off|short\s+of|(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:east|west)?\s+of)\b/i;
/**
 * After the figure: where something is, measured into or past a place or line ("600 km inside Russia", "some
 * 40 km outside the city", "200 km behind the front"): a distance, unless its clause says what can reach that far.
 */
const INSIDE_AFTER = /^\s*(?:deep\s+)?(?:inside|into|behind|beyond|outside|within)\b/i;
/** "within 30 km of the border": where something is, not how far a weapon reaches. */
const WITHIN_AROUND = /\bwithin\s+(?:(?:about|around|some|roughly|nearly|almost)\s+)?$/i;
/**
 * A figure that measures a thing, not a weapon's reach: attributive before what it measures ("the 1,000 km
 * front line", "a 1,200-km border", "a 30-km zone", "a 170 km cable", "500 km long"), or after it ("a front
 * line of more than 1,000 km", "a border stretching 1,200 km").
 */
const LENGTH_AFTER =
  /^\s*(?:-\s*)?(?:long|wide|deep|front(?:\s+line)?|frontline|border|frontier|zone|corridor|cable|pipeline|road|highway|railway|coast(?:line)?|stretch|buffer|perimeter|belt|strip|convoy|queue|journey|trip|drive|march|walk|route|flight\s+path)\b/i;
const LENGTH_BEFORE =
  /\b(?:front(?:\s+line)?|frontline|border|frontier|zone|corridor|cable|pipeline|coast(?:line)?|stretch|buffer|perimeter|belt|strip|route)\s+(?:(?:of|stretching|running|spanning|extending|measuring)\s+)?$/i;
/** "12 miles (20 km) from the coast": the same figure again in brackets, before what follows. */
const CONVERSION_AFTER = /^\s*\([^()]{1,30}\)/;

/** Before the figure, in its clause: how far one flight went ("flew about 1,000 km", "an altitude of more than 6,000 km"). */
const FLIGHT_BEFORE = /\b(?:flew|flown|flying|travell?ed|altitude|apogee|landed|fell|covered|splashed)\b[^.;]{0,40}$/i;
/** Words of capability ("can", "capable", "designed to hit"): these keep a figure a range whatever else the clause says. */
const CAPABILITY = /\b(?:range|ranges|can|could|capable|able|reach|designed|meant|intended|built)\b/i;

const num = (s: string) => Number(s.replace(/,/g, ''));

/** The figure at [start, end) tells how far a weapon can fly, not where something is or how far one flight went. */
function isCapability(text: string, sentenceStart: number, start: number, end: number): boolean {
  const before = text.slice(Math.max(sentenceStart, start - 60), start);
  const phrase = text.slice(start, end);
  if (/^(?:a\s+(?:maximum\s+)?range|ranges?\s+of|up\s+to|as\s+far\s+as)/i.test(phrase)) return true;
  // "12 miles (20 km) from …": each figure of the pair is read with what follows the pair.
  const after = text
    .slice(end, end + 60)
    .replace(/^\s*\)/, '')
    .replace(CONVERSION_AFTER, '');
  if (WHERE_AFTER.test(after)) return false;
  const clause = before.slice(before.lastIndexOf(',') + 1);
  if (LENGTH_AFTER.test(after) || LENGTH_BEFORE.test(before)) return false;
  if ((INSIDE_AFTER.test(after) || WITHIN_AROUND.test(before)) && !CAPABILITY.test(clause)) return false;
  // "Guam, about 3,400 km away": how far a place is, unless its own clause says what can reach that far
  // ("can hit targets 300 km away").
  if (/^\s*away\b/i.test(text.slice(end, end + 10)) && !CAPABILITY.test(before.slice(before.lastIndexOf(',') + 1)))
    return false;
  if (FLIGHT_BEFORE.test(before) && !CAPABILITY.test(before.slice(before.search(FLIGHT_BEFORE)))) return false;
  return true;
}

/** Our own reading of a phrase: [min, max] in km, for checking the build's reading of the words chosen. */
function ownReading(m: RegExpMatchArray): [number, number] {
  const factor = KM_PER_UNIT[m[3].toLowerCase().replace(/\s+/g, ' ')];
  const a = num(m[1]) * factor;
  if (m[2] === undefined) return [0, a];
  return [a, num(m[2]) * factor];
}

export function findRanges(t: ArticleText): FoundRange[] {
  const out: FoundRange[] = [];
  for (const m of t.text.matchAll(PHRASE)) {
    const si = sentenceIndexAt(t, m.index);
    if (si < 0 || !RANGE_CONTEXT.test(t.text.slice(...t.sentences[si]))) continue;
    if (!isCapability(t.text, t.sentences[si][0], m.index, m.index + m[0].length)) continue;
    const [min, max] = ownReading(m);
    // The longest words the build reads to the same values: the whole phrase, then without its qualifier.
    const whole = m[0].replace(/\.$/, '');
    const numberAt = whole.search(/\d/);
    const tries: Array<[number, string]> = [
      [0, whole],
      [numberAt, whole.slice(numberAt)],
    ];
    for (const [offset, words] of tries) {
      const r = parseStatedRange(words);
      if ('error' in r || Math.abs(r.min_km - min) > 1e-6 || Math.abs(r.max_km - max) > 1e-6) continue;
      const start = m.index + offset;
      if (!isBlocked(t, start, start + words.length))
        out.push({ start, end: start + words.length, min_km: min, max_km: max, basis: 'stated', rangeClass: null });
      break;
    }
  }
  for (const m of t.text.matchAll(CLASS_PHRASE)) {
    const r = parseStatedRange(m[0]);
    if ('error' in r || isBlocked(t, m.index, m.index + m[0].length)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      min_km: r.min_km,
      max_km: r.max_km,
      basis: 'class',
      rangeClass: r.rangeClass,
    });
  }
  out.sort((a, b) => a.start - b.start);
  // "up to 190 miles (300 km)", "280 kilometres, or 174 miles,": the same range in other units, not another.
  return out.filter((r, i) => {
    const prev = out[i - 1];
    return !(
      prev &&
      prev.basis === 'stated' &&
      r.basis === 'stated' &&
      /^\s*(?:\(\s*|\[\s*|,\s*or\s+|\s+or\s+)(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+)?$/i.test(
        t.text.slice(prev.end, r.start),
      )
    );
  });
}

/**
 * A designation the range is stated of, before it in its sentence, that no catalogue names ("India tested
 * the Agni-5, which has a range of more than 5,000 km", "the Pantsir-S1 has a reach of about 20 km", "Magura
 * V5 boats have a range of …"): the nearest one before the figure, not an aircraft's ("Su-34 jets").
 */
const RANGE_DESIGNATION =
  /\b(?:[A-Z]{1,4}-\d{1,4}|[A-Z][a-z]{2,9}-[A-Z]?\d{1,3}|[A-Z][a-z]{2,9} [A-Z]\d{1,2})[A-Z]?(?=s?\b)/g;
const AIRCRAFT_AFTER =
  /^s?\s+(?:strategic\s+|fighter\s+|stealth\s+|transport\s+|attack\s+)?(?:bombers?|jets?|fighters?|aircraft|planes?|warplanes?|helicopters?|gunships?|tankers?)\b/i;
export function designationBefore(
  text: string,
  sentenceStart: number,
  rangeStart: number,
): { start: number; end: number; label: string } | null {
  const slice = text.slice(sentenceStart, rangeStart);
  const all = [...slice.matchAll(RANGE_DESIGNATION)].filter(
    (m) =>
      // Groups and diseases, not weapons ("the G-20", "COVID-19").
      !/^(?:G-\d+|COVID-\d+|Covid-\d+)$/.test(m[0]) &&
      !AIRCRAFT_AFTER.test(
        text.slice(sentenceStart + m.index + m[0].length, sentenceStart + m.index + m[0].length + 30),
      ),
  );
  const m = all.at(-1);
  return m ? { start: sentenceStart + m.index, end: sentenceStart + m.index + m[0].length, label: m[0] } : null;
}

/** The range suggestion: weapon = nearest weapon mention, preferring its own sentence. */
export function rangeSuggestion(
  t: ArticleText,
  r: FoundRange,
  weapons: ReadonlyArray<{ start: number; end: number; id: string }>,
  origin: string | null,
  claimant: string,
): Suggestion | null {
  const si = sentenceIndexAt(t, r.start);
  const distance = (w: { start: number; end: number }) => {
    const d = w.end <= r.start ? r.start - w.end : w.start >= r.end ? w.start - r.end : 0;
    return d + (sentenceIndexAt(t, w.start) === si ? 0 : 10_000);
  };
  const nearest = [...weapons].sort((a, b) => distance(a) - distance(b))[0];
  if (!nearest) return null;
  const far = distance(nearest) >= 10_000;
  return {
    kind: 'range',
    start: r.start,
    end: r.end,
    attributes: { weapon: nearest.id, ...(origin ? { origin } : {}), claimant, status: 'unverified' },
    confidence: far ? 0.5 : r.basis === 'class' ? 0.7 : 0.85,
    reason: [
      far ? 'the nearest weapon is in another sentence' : null,
      origin ? null : 'no origin stated',
      'status left for the reviewer',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

/**
 * The words between "from" and a place that say the place is where something was launched from: nothing
 * ("from Crimea"), an article, up to two lower-case words or an "X-held" compound ("from occupied Crimea",
 * "from the annexed peninsula of", "from Russian-held Crimea"), or where in it ("from positions in the
 * Belgorod region", "from near Pyongyang", "from the territory of Belarus", "from waters off Crimea").
 */
export const FROM_BEFORE =
  /\bfrom\s+(?:(?:positions?|launchers?|launch\s+sites?|sites?|bases?|areas?|airfields?|ships?|vessels?|submarines?|aircraft|waters|airspace|territory|the\s+(?:territory|waters|airspace|area|direction|region))\s+(?:in|near|of|off|over|inside|around)\s+|near\s+|inside\s+|within\s+|over\s+|off\s+)?(?:the\s+)?(?:(?:\p{Lu}\p{Ll}+-(?:held|occupied|controlled|annexed)|\p{Ll}[\p{Ll}-]*)\s+){0,2}$/u;
/** A verb of launching just before "from": what the sentence tells is where a weapon left from. */
const LAUNCHED_FROM =
  /\b(?:launched|launching|fired|firing|flown|flew|took\s+off|taking\s+off|lifted\s+off|shot|sent|released|dropped)\b[^.;:]{0,40}?\bfrom\s/iu;
/** "From" after a figure or "away" measures a distance ("300 km from the border"); "from X to Y" is a span. */
const DISTANCE_FROM =
  /(?:\d\s*(?:km|kilometres|kilometers|miles|nautical\s+miles|nm|nmi)|\baway|\bfar)\s+(?:\w+\s+)?from\s/iu;

/**
 * The place a sentence states a weapon was launched from, or null: a place mention of the sentence after
 * "from" (FROM_BEFORE; the place a possessive qualifies, "from Russia's Kursk region"), not in a distance ("30 km from Kursk", unless it is the range's own figure, ending at
 * `rangeEnd`: "up to 500 km from Kursk") nor in a span ("from Tel Aviv to Jerusalem").
 * With none in the range's own sentence, the sentence before it when that one tells a launch ("The missiles
 * were launched from occupied Crimea. They can fly up to 500 km."): the origin is what the text states, or none.
 */
export function statedOrigin(
  text: string,
  sentences: ReadonlyArray<readonly [number, number]>,
  si: number,
  places: ReadonlyArray<{ start: number; end: number; id: string }>,
  rangeEnd = -1,
): string | null {
  const inSentence = (i: number, strict: boolean) => {
    const [s, e] = sentences[i];
    for (const p of places) {
      if (p.start < s || p.end > e) continue;
      const before = text.slice(Math.max(s, p.start - 60), p.start);
      const from = FROM_BEFORE.exec(before);
      if (!from) continue;
      const upToFrom = text.slice(Math.max(s, p.start - 120), p.start - before.length + from.index + 5);
      // "Up to 500 km from Kursk": the range's own figure measured from a place is its origin.
      const ownFigure =
        rangeEnd >= 0 &&
        /^\s*(?:away\s+)?$/.test(
          text.slice(rangeEnd, upToFrom.length ? p.start - before.length + from.index : rangeEnd),
        );
      if (!ownFigure && DISTANCE_FROM.test(upToFrom)) continue;
      if (/^\s+(?:to|and)\s+(?:the\s+)?\p{Lu}/u.test(text.slice(p.end, p.end + 30))) continue;
      if (strict && !LAUNCHED_FROM.test(upToFrom.slice(-60))) continue;
      // "from Russia's Kursk region", "from Crimea's west coast … Sevastopol": the place the possessive qualifies.
      const owned = places.find(
        (q) =>
          q.start > p.end &&
          q.end <= e &&
          /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}(?:the\s+)?$/u.test(text.slice(p.end, q.start)),
      );
      return (owned ?? p).id;
    }
    return null;
  };
  return inSentence(si, false) ?? (si > 0 ? inSentence(si - 1, true) : null);
}
