/**
 * places: the place mentions of an article, resolved as the build resolves them (the document's other
 * mentions as context), with `#id` on the first mention of each place and `of=` on the others. Pure,
 * given a PlaceIndex.
 *
 * A candidate is a run of capitalised words ("North Korea", "Zaporizhzhia Oblast", "U.S."), with "of",
 * "of the", "and" inside it ("Gulf of Aden"), a leading "the" and a trailing designator ("the Kursk
 * region", "Russian territory"). A run that is not a place as a whole is split only at those
 * connectors, so "Lloyd J. Austin III" never yields "Austin". It is kept when the gazetteer resolves
 * it and it reads as a place here:
 *   - a sentence's first word must be a proper noun there (the tagger: "Mobile networks", "Nice
 *     work", "Reading the report" are not), and a person's name is not a place ("Victoria said");
 *   - month and weekday names ("March") are never places;
 *   - a demonym is a place only with a designator ("Ukrainian territory"), not as an adjective;
 *   - a town needs the text to treat it as a place: a preposition before it ("in", "near", "from"),
 *     a designator, or a population of POPULATION.plain or more; none under POPULATION.min;
 *   - on a headline-style line (most words capitalised) each word stands alone, and only countries,
 *     regions and cities of POPULATION.headline or more are taken.
 */
import type { ResolvedPlace } from '../contract.js';
import type { PlaceQuery, Resolution } from '../compiler/resolve.js';
import type { Resolver } from '../compiler/document-places.js';
import type { NameType } from '../compiler/places/record.js';
import type { Suggestion } from './suggestion.js';
import { slug, uniqueId } from './suggestion.js';
import type { ArticleText } from './text.js';
import { isBlocked } from './text.js';
import { containerPair, divisionCue } from '../compiler/places/division.js';
import type { Tagger } from './tagger.js';
import { tagsAt } from './tagger.js';

/** The gazetteer as the recogniser needs it. */
export interface PlaceIndex {
  resolve: Resolver;
  /** Inhabitants of a resolved populated place (0 when unknown or not a populated place). */
  population(place: ResolvedPlace): number;
  /** How the gazetteer knows a name ("russian" → demonym); empty when it does not. */
  nameTypes(text: string): NameType[];
}

/** Population thresholds (inhabitants). */
export const POPULATION = { min: 1_000, plain: 50_000, headline: 100_000 };

/** Confidence of a suggestion by what was found. */
const CONFIDENCE = { sure: 0.9, ambiguous: 0.6, town: 0.7, headline: 0.7, landmark: 0.5 };
/**
 * A facility or landmark named after a place ("the Preah Vihear temple", "the Zaporizhzhia nuclear power
 * plant", "Mosul dam"): the gazetteer resolves the place's name, the area around it, which may lie tens
 * of km from the landmark itself.
 */
const LANDMARK =
  /^[ \u00a0](?:(?:nuclear|power|hydroelectric|hydro|international|military|air|naval|navy|army|oil|gas|thermal|coal|chemical|ancient|old|main|central|border|river|railway|rail|road|sea|commercial|cargo|container|grain|fuel|steel|water)[ \u00a0]){0,3}(temples?|pagodas?|shrines?|mosques?|church(?:es)?|cathedrals?|monaster(?:y|ies)|airports?|airfields?|air\s?bases?|bases?|dams?|(?:power\s)?plants?|power\s+stations?|refinery|refineries|bridges?|ports?|harbou?rs?|terminals?|stadiums?|hospitals?|prisons?|mines?|checkpoints?|crossings?)\b/iu;

const WORD = String.raw`(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\d]*(?:[-\u2010\u2011][\p{L}\p{M}\d]+)*)`;
const RUN = new RegExp(String.raw`${WORD}(?:[ \u00a0](?:(?:of|of the|and)[ \u00a0])?${WORD})*`, 'gu');
const CONNECTOR = /[ \u00a0](?:of the|of|and)[ \u00a0]/g;
const DESIGNATOR =
  /^[ \u00a0](region|regions|oblast|province|governorate|district|territory|territories|soil|airspace|border|border region|area|waters|coast|coastline|shore|shores|peninsula|krai|republic|city|cities|town|towns|village|villages|port|ports|capital|mainland|frontier|enclave)\b/u;
/** "Iran-backed", "Barbados-flagged", "U.S.-made": a compound whose first part names a place. */
const COMPOUND_SUFFIX =
  'backed|flagged|based|made|led|born|owned|bound|registered|held|occupied|controlled|allied|funded|supplied|provided|brokered|run|built|designed|produced|sponsored|aligned';
const PLACE_COMPOUND = new RegExp(String.raw`(${WORD}(?:[ \u00a0]${WORD})?)-(?:${COMPOUND_SUFFIX})\b`, 'gu');
/**
 * A run that opens with such a compound ("Russian-held Crimea", "Kremlin-controlled Donetsk", "Israeli-occupied
 * Golan Heights"): the words after it are a name of their own, read apart from the compound.
 */
const COMPOUND_OPENING = new RegExp(
  String.raw`^\p{Lu}[\p{L}\p{M}\d.]*(?:[-\u2010\u2011][\p{L}\p{M}\d]+)*-(?:${COMPOUND_SUFFIX})[ \u00a0]`,
  'u',
);
/**
 * Designators that are part of the place's name as written ("the Kursk region", "Zaporizhzhia Oblast")
 * and so part of the mention; the others ("Russian territory", "Yemeni coast", "the Haifa area") only
 * say the word before them names a place, and the mention is that word.
 */
const NAME_DESIGNATORS = new Set([
  'region',
  'regions',
  'oblast',
  'province',
  'governorate',
  'district',
  'peninsula',
  'krai',
  'republic',
]);
/** Words that are never a place on their own: compass words and generic designators ("Western officials", "The region"). */
const NEVER_ALONE = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'region',
  'province',
  'district',
  'area',
  'state',
  'city',
  'republic',
  'territory',
  'coast',
]);
/** Buildings that stand for the institution in them, an organisation, not a place ("the Pentagon said"). */
const INSTITUTIONS = new Set([
  'pentagon',
  'kremlin',
  'white house',
  'downing street',
  'élysée',
  'elysee',
  'elysée palace',
  'élysée palace',
  'whitehall',
  'capitol hill',
  'zhongnanhai',
  'blue house',
]);
const CITY_OF = /\b(?:city|town|village|port|settlement|capital|region|province) of[ \u00a0]$/iu;
const PLACE_PREPOSITION =
  /\b(?:in|near|at|from|to|into|outside|around|toward|towards|across|over|on|of|via|between|and|targeting|struck|hit|hitting|attacked)[ \u00a0](?:the[ \u00a0])?$/iu;
const LOCATIVE = /\b(?:in|near|at|from|into|outside|around|across|via)[ \u00a0](?:the[ \u00a0])?$/iu;
const TIME_WORDS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
const PROPER: ReadonlySet<string> = new Set(['ProperNoun']);
const NO_TAGS: ReadonlySet<string> = new Set();
/** Tags that say a sentence's first word is not a name. */
const NOT_A_NAME = [
  'Adjective',
  'Verb',
  'Gerund',
  'Adverb',
  'Determiner',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Modal',
  'Auxiliary',
];

interface Candidate {
  start: number;
  end: number;
  words: string;
  /** Its sentence's first word. */
  initial: boolean;
  headline: boolean;
  designator: boolean;
  preposition: boolean;
  /** A preposition of place right before it ("in", "near", "from"), not a verb of striking. */
  locative: boolean;
  single: boolean;
  /** A kind hint the words themselves do not carry: an item of a list of regions ("the Bryansk, Kursk and Oryol regions"). */
  kind?: 'region';
  /** The first part of a compound ("Iran" of "Iran-backed"): the tagger reads the compound, not the name. */
  compound?: boolean;
}

/** Plural designators after a list of names ("the Bryansk, Kursk and Oryol regions") and before one ("the regions of Bryansk and Kursk"). */
const PLURAL_DESIGNATOR = '(?:regions|provinces|oblasts|governorates|districts)';
const LIST = String.raw`${WORD}(?:,[ \u00a0]${WORD})*,?[ \u00a0](?:and|or)[ \u00a0]${WORD}`;
const LIST_BEFORE = new RegExp(String.raw`(${LIST})[ \u00a0]${PLURAL_DESIGNATOR}\b`, 'gu');
const LIST_AFTER = new RegExp(String.raw`\b${PLURAL_DESIGNATOR}[ \u00a0]of[ \u00a0](${LIST})`, 'gu');

/**
 * The items of a list of names that a plural designator makes regions: each is a region of its own
 * ("the Bryansk, Kursk and Oryol regions" names three), not the city of the same name. [start, end)
 * in the sentence.
 */
export function regionListItems(sentence: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of [LIST_BEFORE, LIST_AFTER]) {
    for (const m of sentence.matchAll(re)) {
      const listAt = m.index + m[0].indexOf(m[1]);
      for (const w of m[1].matchAll(new RegExp(WORD, 'gu')))
        out.push([listAt + w.index, listAt + w.index + w[0].length]);
    }
  }
  return out;
}

/**
 * A line where most words of three or more letters are capitalised is a headline. The line's first
 * word and month and weekday names are capitalised in any sentence, so they do not count towards the
 * share ("The governor spoke in Albany on Tuesday." is prose).
 */
export function isHeadline(line: string): boolean {
  const words = (line.match(/\p{L}{3,}/gu) ?? []).filter((w) => !TIME_WORDS.has(w.toLowerCase()));
  if (words.length < 3) return false;
  // A name of several words ("New York") counts once: in prose it is one capitalised unit among lower-case words.
  const units = line
    .replace(/^[^\p{L}]*\p{L}+/u, '')
    .replace(/\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’.-]*)+/gu, 'Name')
    .match(/\p{L}{3,}/gu);
  const rest = (units ?? []).filter((w) => !TIME_WORDS.has(w.toLowerCase()));
  if (rest.length === 0) return true;
  // A line that ends as a sentence does is prose unless (nearly) every word is capitalised.
  const share = /[.!?]["”’')]*\s*$/u.test(line) ? 0.9 : 0.6;
  return rest.filter((w) => /^\p{Lu}/u.test(w)).length / rest.length >= share;
}

/** The candidates of one sentence. */
function sentenceCandidates(t: ArticleText, s: number, e: number, headline: boolean): Candidate[] {
  const sentence = t.text.slice(s, e);
  const out: Candidate[] = [];
  const push = (a: number, b: number, kind?: 'region', compound?: boolean) => {
    let start = s + a;
    let end = s + b;
    let words = t.text.slice(start, end);
    const article = /^(?:The|An|A)[ \u00a0]/.exec(words);
    if (article && words.length > article[0].length) {
      start += article[0].length;
      words = words.slice(article[0].length);
    }
    const after = DESIGNATOR.exec(t.text.slice(end, Math.min(e, end + 20)));
    let designator = false;
    if (after) designator = true;
    // A list item's designator is the list's ("the Kursk and Oryol regions"), not part of its name.
    const named = !kind && !!after && NAME_DESIGNATORS.has(after[1].toLowerCase());
    if (named) end += after[0].length;
    if (named && /(?:^|[ \u00a0])the[ \u00a0]$/i.test(t.text.slice(Math.max(s, start - 4), start))) start -= 4;
    words = t.text.slice(start, end);
    const before = t.text.slice(Math.max(s, start - 30), start);
    const single = !/[ \u00a0]/.test(t.text.slice(start, end).replace(/^the[ \u00a0]/i, ''));
    out.push({
      start,
      end,
      words,
      initial: start - s <= 1 || /^[“"‘'(]+$/.test(sentence.slice(0, start - s)),
      headline,
      designator,
      preposition: PLACE_PREPOSITION.test(before) || CITY_OF.test(before),
      locative: LOCATIVE.test(before) || CITY_OF.test(before),
      single,
      ...(kind ? { kind, designator: true } : {}),
      ...(compound ? { compound } : {}),
    });
  };
  if (headline) {
    for (const m of sentence.matchAll(new RegExp(WORD, 'gu'))) push(m.index, m.index + m[0].length);
    return out;
  }
  // List items first: they take their words before any other reading of them.
  for (const [a, b] of regionListItems(sentence)) push(a, b, 'region');
  for (const m of sentence.matchAll(PLACE_COMPOUND)) {
    push(m.index, m.index + m[1].length, undefined, true);
    // "Ukrainian-held territory", "Russian-occupied areas": the designator after the compound is the demonym's.
    if (DESIGNATOR.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 20)))
      out[out.length - 1].designator = true;
  }
  for (const m of sentence.matchAll(RUN)) {
    const parts: Array<[number, number]> = [[m.index, m.index + m[0].length]];
    // The run and, when it has connectors, its parts; whichever resolves is chosen later (whole first).
    let from = 0;
    for (const c of m[0].matchAll(CONNECTOR)) {
      parts.push([m.index + from, m.index + c.index]);
      from = c.index + c[0].length;
    }
    if (parts.length > 1) parts.push([m.index + from, m.index + m[0].length]);
    const opening = COMPOUND_OPENING.exec(m[0]);
    if (opening) parts.push([m.index + opening[0].length, m.index + m[0].length]);
    for (const [a, b] of parts) push(a, b);
  }
  return out;
}

/**
 * The article with every sentence but those listed blanked to spaces (line breaks kept), so offsets are
 * the article's. The space before each sentence becomes a line break: the tagger then ends a sentence
 * where this module does ("… a 'red line.' In response" is two), as it did when each was tagged alone.
 */
function maskedText(t: ArticleText, keep: ReadonlySet<number>): string {
  // Built by pieces (each gap, and each sentence as it is or blanked), the character before each
  // sentence then turned into a line break where it is blank.
  const text = t.text;
  const blank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';
  const out: string[] = [];
  let at = 0;
  t.sentences.forEach(([s, e], si) => {
    if (s > at) {
      out.push(text.slice(at, s - 1), blank(text[s - 1]) ? '\n' : text[s - 1]);
      at = s;
    } else if (s > 0 && out.length > 0) {
      // The sentence before ends right here: its last character, as written or blanked, is the one before.
      const last = out[out.length - 1];
      if (blank(last.at(-1))) out[out.length - 1] = `${last.slice(0, -1)}\n`;
    }
    if (e <= at) return;
    const own = text.slice(Math.max(s, at), e);
    out.push(keep.has(si) ? own : own.replace(/[^\n]/g, ' '));
    at = e;
  });
  out.push(text.slice(at));
  return out.join('');
}

/** Lexical reasons a candidate is not a place that its words alone give, whatever the tagger says. */
function rejectedByWords(c: Candidate): string | null {
  const core = c.words.replace(/^the[ \u00a0]/i, '').toLowerCase();
  if (!c.designator && TIME_WORDS.has(core)) return 'month or weekday';
  if (NEVER_ALONE.has(core)) return 'a compass word or a generic designator alone';
  if (INSTITUTIONS.has(core)) return 'a building that stands for an institution';
  return null;
}

/** Lexical reasons a candidate is not a place, before the gazetteer is asked. */
function lexicallyRejected(c: Candidate, tags: ReadonlySet<string>): string | null {
  const byWords = rejectedByWords(c);
  if (byWords) return byWords;
  if (c.single && !c.designator && c.initial && !tags.has('ProperNoun')) return 'sentence-initial common word';
  if (c.single && !c.designator && c.initial && NOT_A_NAME.some((n) => tags.has(n)))
    return 'sentence-initial common word';
  if (c.single && !c.designator && tags.has('Person') && !tags.has('Place') && !c.preposition) return "a person's name";
  if (c.single && !c.designator && !c.initial && !c.preposition && tags.has('Adjective') && !tags.has('ProperNoun'))
    return 'an adjective';
  return null;
}

export interface PlaceMention {
  start: number;
  end: number;
  place: ResolvedPlace;
  /** The id of the place this mention names (its own `#id` or its `of=`). */
  id: string;
  suggestion: Suggestion;
}

export interface PlaceOptions {
  tagger: Tagger;
}

/** The place mentions of an article, in text order, each with its suggestion. */
export function suggestPlaces(t: ArticleText, index: PlaceIndex, options: PlaceOptions): PlaceMention[] {
  const found: Candidate[] = [];
  const lineStarts = new Map<number, boolean>();
  const headlineAt = (offset: number): boolean => {
    const ls = t.text.lastIndexOf('\n', offset - 1) + 1;
    let h = lineStarts.get(ls);
    if (h === undefined) {
      const le = t.text.indexOf('\n', offset);
      h = isHeadline(t.text.slice(ls, le === -1 ? t.text.length : le));
      lineStarts.set(ls, h);
    }
    return h;
  };
  // The tagger is the costly step: it is asked only where a rule reads its tags (a single word with no
  // designator, first in its sentence or with no preposition of place) and only for a name the gazetteer
  // knows (another would not resolve: as a sentence's first word it is taken for a common word). The
  // sentences with such a word are tagged together, in one pass over the article with the other
  // sentences blanked (offsets kept): one pass costs much less than one per sentence.
  const pending: Array<{ c: Candidate; at: number | null }> = [];
  const toTag = new Set<number>();
  t.sentences.forEach(([s, e], si) => {
    const headline = headlineAt(s);
    for (const c of sentenceCandidates(t, s, e, headline)) {
      if (isBlocked(t, c.start, c.end)) continue;
      // A word its letters reject ("March", "North", "Kremlin") is rejected before its tags are read.
      const needsTags =
        !c.compound && c.single && !c.designator && (c.initial || !c.preposition) && !rejectedByWords(c);
      const known = needsTags && index.nameTypes(c.words.replace(/^the[ \u00a0]/i, '')).length > 0;
      if (known) toTag.add(si);
      pending.push({ c, at: known ? c.start + (c.words.startsWith('the ') ? 4 : 0) : null });
    }
  });
  const tagged = toTag.size > 0 ? options.tagger(maskedText(t, toTag)) : [];
  for (const { c, at } of pending) {
    const wordTags = c.compound ? PROPER : at !== null ? tagsAt(tagged, at) : NO_TAGS;
    if (lexicallyRejected(c, wordTags)) continue;
    found.push(c);
  }
  // First pass: every candidate together; keep those that resolve and read as places. Second pass:
  // the kept ones alone, as the build will see them, so the context is theirs.
  const query = (c: Candidate): PlaceQuery => ({ text: c.words, ...(c.kind ? { kind: c.kind } : {}) });
  const first = index.resolve(found.map(query));
  const taken: Candidate[] = [];
  const covered: Array<[number, number]> = [];
  found.forEach((c, n) => {
    const r = first[n];
    if (!r.ok || !acceptable(c, r, index)) return;
    if (covered.some(([a, b]) => c.start < b && c.end > a)) return;
    covered.push([c.start, c.end]);
    taken.push(c);
  });
  taken.sort((a, b) => a.start - b.start);
  // A mention that names the container of the one before it ("Albany, New York") or with a state's organ
  // ("the Texas border") reads as a division: the resolver is told, so the state, not its homonym city, is chosen.
  const between = (a: Candidate | undefined, b: Candidate) => (a ? t.text.slice(a.end, b.start) : null);
  const division = taken.map((c, n) => {
    const prev = between(taken[n - 1], c);
    const pair =
      prev !== null &&
      containerPair(
        prev,
        n + 1 < taken.length ? between(c, taken[n + 1]) : null,
        n >= 2 ? between(taken[n - 2], taken[n - 1] as Candidate) : null,
      );
    return pair || divisionCue(t.text.slice(Math.max(0, c.start - 30), c.start), t.text.slice(c.end, c.end + 30));
  });
  const queries: PlaceQuery[] = taken.map((c, n) => (division[n] ? { ...query(c), division: true } : query(c)));
  const second = index.resolve(queries);
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const mentions: PlaceMention[] = [];
  taken.forEach((c, n) => {
    const r = second[n];
    if (!r.ok || !acceptable(c, r, index)) return;
    const key = identity(r.place);
    const existing = ids.get(key);
    let confidence = c.headline ? CONFIDENCE.headline : CONFIDENCE.sure;
    const reasons: string[] = [];
    if (r.spelling) {
      confidence = Math.min(confidence, CONFIDENCE.ambiguous);
      reasons.push(
        `another spelling of ${r.place.name}${r.place.country ? `, ${r.place.country}` : ''}: check it is meant`,
      );
    } else if (r.ambiguous) {
      confidence = Math.min(confidence, CONFIDENCE.ambiguous);
      reasons.push(
        `ambiguous: also ${r.candidates
          .filter((p) => identity(p) !== key)
          .slice(0, 3)
          .map((p) => `${p.name}${p.country ? `, ${p.country}` : ''} (${p.kind})`)
          .join('; ')}`,
      );
    }
    if (r.place.kind === 'city' && index.population(r.place) < POPULATION.plain) {
      confidence = Math.min(confidence, CONFIDENCE.town);
      reasons.push('a small place: check the text means it');
    }
    // "the Preah Vihear temple" resolved as the province: the suggestion says the place is the area, not the landmark.
    const landmark = LANDMARK.exec(t.text.slice(c.end, c.end + 40));
    const kind = r.place.kind;
    if (
      landmark &&
      // A country or a continent before one names whose it is ("Russian bases", "Thai temples"), not where.
      (kind === 'region' || kind === 'area' || kind === 'city') &&
      !(kind === 'city' && /^ports?$|^harbou?rs?$/i.test(landmark[1]))
    ) {
      confidence = Math.min(confidence, CONFIDENCE.landmark);
      const area = kind === 'region' ? 'province or region' : kind;
      const thing = landmark[1].toLowerCase().replace(/\s+/g, ' ');
      const plural = /(?:s|ies|es)$/.test(thing) && !/(?:ss|us)$/.test(thing);
      reasons.push(`the ${area}, not the ${thing} ${plural ? 'themselves' : 'itself'}: pin it`);
    }
    const attributes: Record<string, string> = {};
    let id: string;
    if (existing) {
      id = existing;
      attributes.of = id;
    } else {
      id = uniqueId(slug(r.place.name), used);
      ids.set(key, id);
      attributes.id = id;
      // The kind hint is written, so the build reads the words as the list made them.
      if (c.kind) attributes.kind = c.kind;
      // Pinned when ambiguous, or read as a division: the build does not read the words around a
      // mention, so the pin keeps the state the draft chose.
      const pin = r.ambiguous || (division[n] && r.place.kind !== 'city');
      if (pin && r.place.geonames) attributes.geonames = String(r.place.geonames);
      else if (pin && r.place.wikidata) attributes.wikidata = r.place.wikidata;
    }
    const suggestion: Suggestion = {
      kind: 'place',
      start: c.start,
      end: c.end,
      attributes,
      confidence,
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
    };
    mentions.push({ start: c.start, end: c.end, place: r.place, id, suggestion });
  });
  return mentions;
}

function identity(p: ResolvedPlace): string {
  return p.geonames ? `g${p.geonames}` : p.wikidata ? `w${p.wikidata}` : `${p.name}@${p.lonlat.join(',')}`;
}

/** Whether a resolved candidate reads as a place in its context. */
function acceptable(c: Candidate, r: Extract<Resolution, { ok: true }>, index: PlaceIndex): boolean {
  const p = r.place;
  // A name read only as another spelling needs the text to put something in it ("near Hodeidah", "the
  // port of Hodeidah"): names of movements and agencies ("strikes on Houthi targets", "the headquarters of
  // the Mossad", "in Houthi-held Yemen") share skeletons too.
  if (r.spelling && (!c.locative || c.compound)) return false;
  const core = c.words.replace(/^the[ \u00a0]/i, '');
  const types = index.nameTypes(core);
  // A demonym is an adjective without a designator, also when the word is some other place's name too
  // ("Indian", "Spanish") and resolved, as the demonym, to the country.
  if (!c.designator && types.includes('demonym') && (types.every((ty) => ty === 'demonym') || p.kind === 'country'))
    return false;
  // A word the gazetteer knows only as another name of a town ("Hamas" for Hamm) is a place only where the text puts something in it.
  if (
    c.single &&
    !c.designator &&
    !c.locative &&
    p.kind === 'city' &&
    types.length > 0 &&
    types.every((ty) => ty === 'alternate')
  )
    return false;
  // An all-capitals word is a place only as an abbreviation the gazetteer knows ("UK", "EU"), not "NATO" = Nato, PH.
  if (/^\p{Lu}{2,6}$/u.test(core) && !types.includes('abbreviation') && !(p.kind === 'country' || p.kind === 'region'))
    return false;
  if (p.kind !== 'city') return !c.headline || p.kind !== 'coordinates';
  const pop = index.population(p);
  if (c.headline) return pop >= POPULATION.headline;
  if (pop < POPULATION.min && !c.designator) return false;
  if (pop < POPULATION.plain && !c.designator && !c.preposition) return false;
  return true;
}
