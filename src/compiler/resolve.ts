/**
 * The place resolver: a mention as written ("the Kursk region", "Dnepr", "U.S.", "Russian") to one
 * place of the gazetteer, with the alternatives it weighed. Pure: same gazetteer, query and context,
 * same answer.
 *
 * Every candidate gets a score in natural-log units of a notional population (a score higher by
 * ln 10 ≈ 2.3 counts as ten times as likely). The score adds
 *   - a prior by level: ln(population) for populated places (with a bonus for capitals), the damped
 *     summed population of their places for regions and US counties, a notional population for
 *     countries and continents (PRIOR, REGION_POPULATION, FCODE_BONUS);
 *   - how the name matched: official name, GeoNames alternate name, translation, abbreviation,
 *     demonym (NAME);
 *   - what the mention's designator and the annotator's kind say, and whether a region is named
 *     after its own city ("Kursk" is the city) (MATCH);
 *   - context: the share of the document's places in the candidate's country, the share that are
 *     divisions of its kind (countries; regions of the same country), regions the document names or
 *     its places lie in, closeness to its other places, and a place the text names as containing
 *     this one ("Paris, Texas") (CONTEXT, Weights).
 * A mention that names nothing is read, as a last resort, as a lower-case hashtag's words
 * ("#newzealand"), as a group of islands or mountains ("the Falklands"), without an adjective's
 * ending ("Dagestani") or as the place its feature is named after ("Boston Harbor", flagged
 * ambiguous); a document resolver given `unknown: 'focus'` places what is still unknown at the
 * document's focus (DocumentOptions).
 * The highest score wins. `resolveDocument` gets the context from the document's other mentions,
 * re-resolving each in turn until the readings settle (DOCUMENT). A resolution is `ambiguous` when
 * a candidate lying more than AMBIGUOUS_KM from the winner scores within AMBIGUITY_MARGIN of it (a
 * tenth as likely or more). The weights were set on the LGL and TR-News development corpora
 * (bench/geocode.ts), as whole-number or round values, not per name.
 */
import { distance } from 'fastest-levenshtein';
import type { PlaceKind, ResolvedPlace } from '../contract.js';
import {
  countryOf,
  findGeonames,
  findWikidata,
  indexOf,
  keyAt,
  levelOf,
  lonlatOf,
  nameAt,
  nameTypeOf,
  placeAt,
  postingsOf,
  regionOf,
  type Gazetteer,
  type GazetteerIndex,
} from './gazetteer.js';
import { mentionVariants, type DesignatorClass, type MentionVariant } from './places/designators.js';
import { approxDistanceKm, distanceKm } from './places/distance.js';
import { compactKey, normalizeName, stripPossessive } from './places/normalize.js';
import { articleForms, countrySkeletonMatch, slavicForms } from './places/transliteration.js';
import type { Level, NameType } from './places/record.js';

export interface PlaceQuery {
  /** The mention as written: "the Kursk region", "Dnepr", "Дніпро", "U.S.", "Russian". */
  text: string;
  /** Annotator's lookup name, overriding text. */
  name?: string;
  /** Annotator's hint: 'city' | 'region' | 'country' | 'continent' | … */
  kind?: PlaceKind;
  /** Pin by GeoNames id. */
  geonames?: number;
  /** Pin by Wikidata QID. */
  wikidata?: string;
  /**
   * A place the text names as containing this one: "Texas" in "Paris, Texas", "Ky." in "Paducah, Ky.";
   * or a chain of them, smallest first: "Henry County, Tennessee" ("Paris is a town in Henry County, Tennessee").
   */
  within?: string;
  /**
   * The text reads this place as a political division, not a town: it names it as the container of
   * another place ("Bronx, New York", "Gatineau, Quebec"), or with an organ of a state or province
   * ("New York Gov.", "the Quebec legislature", "upstate New York"). A city, site or feature of the
   * name yields (MATCH.division), and a region does not yield to its own homonym city.
   */
  division?: boolean;
  /**
   * The text reads this name as a river ("crossed the Rappahannock", "the mouth of White River";
   * places/river-cue.ts): "X River" is tried first ("the Mississippi" is the river, not the state);
   * when the gazetteer has no stream of the name, a town or region of it is only the place the river
   * was named after, a last-resort guess (the document's focus wins when it lies far from it).
   */
  river?: boolean;
  /**
   * `within` is what a sentence states the place is in ("Perth is a city in central Scotland";
   * places/stated-container.ts), not a name after a comma, which may be a list: candidates outside it
   * are dropped when one lies inside.
   */
  stated?: boolean;
  /**
   * The text writes "the" right before the mention, which the annotation leaves out ("the [Gulf]", "the
   * [Hague]", "the [Lake District]"): names the gazetteer has with their article ("the Gulf" is the
   * Persian Gulf; bare "Gulf" a province of Papua New Guinea) are read as well.
   */
  article?: boolean;
}

export interface ResolveContext {
  /** ISO2 codes of countries already resolved in the same document, most frequent first. */
  countries?: string[];
  /** Points ([lon, lat], degrees) already resolved in the document. */
  points?: Array<[number, number]>;
  /** Natural Earth ISO 3166-2 codes of admin-1 regions the document names or its places lie in. */
  regions?: string[];
}

export type Resolution =
  | {
      ok: true;
      place: ResolvedPlace;
      candidates: ResolvedPlace[];
      ambiguous: boolean;
      /**
       * Set when the mention names nothing in the gazetteer and `unknown: 'focus'` placed it at the
       * document's focus (the place given is the focus, not the mention's own): always ambiguous.
       */
      focus?: true;
      /**
       * Set when the mention names nothing in the gazetteer and `unknown: 'focus'` or 'spelling' read it
       * as another transliteration of a place ("Hodeidah" → Al Ḩudaydah): always ambiguous.
       */
      spelling?: true;
    }
  | { ok: false; reason: 'unknown' | 'unresolved-id'; message: string; suggestions: string[] };

/**
 * Notional ln(population) of places that are not populated places. Regions and US counties add
 * REGION_POPULATION to ln of their summed GeoNames population, with the value here as a floor.
 */
const PRIOR: Readonly<Record<Exclude<Level, 'city'>, number>> = {
  county: Math.log(20_000),
  region: Math.log(500_000),
  territory: Math.log(1_000_000),
  // A dependency is a country to news ("New Caledonia", "Greenland"): above a region's floor, so its
  // own name outranks another place's alternate or historical name (British Columbia's "New Caledonia").
  dependency: Math.log(5_000_000),
  country: Math.log(50_000_000),
  area: Math.log(20_000_000),
  continent: Math.log(500_000_000),
  // Type priors of features.yaml: a river, island or sea is what its name means over a town of
  // fewer inhabitants ("Pacific" is the ocean, "Thames" the river), a site over a village.
  feature: Math.log(2_000_000),
  site: Math.log(100_000),
};

/**
 * How much a region's or US county's summed population raises its prior above the PRIOR floor:
 * prior = floor + scale × max(0, ln(population) − floor). Under 1, because same-named counties
 * should be told apart by the document more than by size.
 */
const REGION_POPULATION = { regionScale: 0.5, countyScale: 0.3 };

/** Inhabitants assumed for a populated place whose population GeoNames gives as 0. */
const MIN_POPULATION = 200;

/** GeoNames feature codes of populated places that rank above or below their population (ln units). */
const FCODE_BONUS: Readonly<Record<string, number>> = {
  PPLC: 1.0, // capital of a country
  PPLA: 0.7, // seat of a first-order division
  PPLA2: 0.3,
  PPLX: -1.5, // section of a populated place
  PPLH: -3, // historical
  PPLQ: -3, // abandoned
  PPLW: -3, // destroyed
  PPLCH: -2, // historical capital
};

/** How the name matched (ln units). */
const NAME: Readonly<Record<NameType, number>> = {
  primary: 0,
  official: -0.3,
  abbreviation: 0,
  demonym: -0.5,
  alternate: -1.5,
  translation: -3,
  bare: -4,
};

/** What the mention's words and the annotator's hint say (ln units). */
const MATCH = {
  /** The candidate is of the level a trailing designator names ("Kursk region" → a region). */
  designator: 2,
  /** … or of another level ("Kursk region" → the city). */
  designatorMismatch: -4,
  /** The reading drops the mention's trailing designator: a name that includes it ("Kyiv Oblast") reads closer. */
  stripped: -2,
  /** A leading qualifier was dropped ("northern Syria"). */
  qualified: -0.5,
  /** A region named bare yields to its own city of the same name ("Kursk" is the city). */
  homonymRegion: -4,
  /** The candidate is of the annotator's kind. */
  kind: 2,
  kindMismatch: -6,
  /** Another place's alternate name or translation, when a feature or site has it as its own name. */
  featureOwnName: -8,
  /**
   * Another place's alternate name or translation, when the mention is written as an abbreviation with
   * its dot and a place has it as its own name or abbreviation ("Pa." is Pennsylvania, not Chongqing,
   * whose alternate names include "Pa").
   */
  dottedAbbreviation: -3,
  /**
   * A city, site or feature, when the text reads the name as a division (PlaceQuery.division):
   * "Bronx, New York" is the state, "Gatineau, Quebec" the province. Chosen by cross-validation
   * (bench/geocode.ts folds; see data/gazetteer/README.md).
   */
  division: -3,
};

/**
 * The weights of document context that bench/geocode.ts chooses by cross-validation (fit on some
 * folds of documents, scored on the others): `resolveDocument` uses these, `documentResolver` may
 * be given others.
 */
export interface Weights {
  /** Times the share (0–1) of the document's places in the candidate's country. */
  countryShare: number;
  /**
   * Times the belief (0–1) that the document names the candidate's country itself ("Canada"):
   * containment, which a larger homonym elsewhere does not share, whatever the share.
   */
  countryNamed: number;
  /** Times the belief (0–1) that the document names, or has places in, the candidate's region. */
  region: number;
  /**
   * Times max over the document's other places of belief × exp(−d / nearKm), d in km. Region and
   * nearness are one piece of evidence (locality): the larger of the two counts.
   */
  near: number;
  nearKm: number;
  /**
   * Times the share (0–1) of the document's places that are of the candidate's kind of division:
   * countries for a country, first-level regions of the same country for a region. A document that
   * lists states ("Florida", "Georgia", "Kentucky") means the state by "Delaware", not a town of
   * that name near its cities; one that lists countries means the country by "Russia".
   */
  siblings: number;
}

export const WEIGHTS: Readonly<Weights> = {
  countryShare: 6,
  countryNamed: 0,
  region: 5,
  near: 9,
  nearKm: 200,
  siblings: 1,
};

/** Document context that is not cross-validated (ln units; km). */
const CONTEXT = {
  /** Bonus for the n-th most frequent country of a ResolveContext list: countryRank / (n + 1). */
  countryRank: 3,
  /** The candidate lies in the place the text names as containing it ("Paris, Texas"). */
  within: 6,
  withinMismatch: -3,
  /** Containment by a city or county qualifier is judged by distance (km). */
  withinKm: 60,
};

/** A region named like one of its cities yields to it when the city holds this share of its population. */
const HOMONYM_SHARE = 0.3;

/** A runner-up this close in score (ln 10: a tenth as likely) and this far away (km) makes a name ambiguous. */
const AMBIGUITY_MARGIN = Math.log(10);
const AMBIGUOUS_KM = 50;

/** Document context: passes over a document's mentions, and what each passes on to the others. */
const DOCUMENT = {
  /** At most; passes stop early once no mention changes its pick or belief (to 0.01). */
  passes: 8,
  /** Leading candidates of a mention that count as context for the others. */
  candidates: 5,
  /** Candidates believed less than this (softmax of scores) do not count. */
  minBelief: 0.05,
  /** Context points kept per mention, surest first. */
  maxPoints: 150,
  /** Distinct other names a mention takes as context, nearest in the text first. */
  window: 40,
  /** Softmax temperature (ln units): above 1, runners-up keep more belief, so co-located readings can still win. */
  temperature: 2,
};

/** Alternatives listed with a resolution, best first. */
const MAX_CANDIDATES = 5;
/** Names suggested for an unknown one. */
const MAX_SUGGESTIONS = 5;

/**
 * Context in the form the scorer uses: a bonus (ln units) by country, and regions and points each
 * with a weight in [0, 1], how sure the document is of them.
 */
export interface Evidence {
  countryWeight: Map<string, number>;
  /** Share (0–1) of the document's places that are countries (key ''), or regions of a country (key ISO2). */
  siblings: Map<string, number>;
  regions: Map<string, number>;
  /** [lon, lat, weight] */
  points: Array<[number, number, number]>;
}

const NO_EVIDENCE: Evidence = { countryWeight: new Map(), siblings: new Map(), regions: new Map(), points: [] };

interface Scored {
  i: number;
  score: number;
}

/** Internal result: the candidates' scores as well, for document context. */
type Outcome = { resolution: Resolution; scored: Scored[] };

const KIND_LEVELS: Readonly<Record<PlaceKind, readonly Level[]>> = {
  coordinates: [],
  site: ['site'],
  city: ['city'],
  region: ['region', 'county', 'territory', 'feature'],
  country: ['country', 'dependency'],
  continent: ['continent'],
  area: ['area', 'continent', 'territory', 'feature'],
};

const DESIGNATOR_LEVELS: Readonly<Record<DesignatorClass, readonly Level[]>> = {
  region: ['region', 'territory'],
  county: ['county'],
  city: ['city'],
  any: [],
};

function prior(g: GazetteerIndex, i: number, level: Level): number {
  if (level === 'city')
    return Math.log(Math.max(g.population[i], MIN_POPULATION)) + (FCODE_BONUS[g.fcodes[g.fcode[i]]] ?? 0);
  if (level === 'region' || level === 'county') {
    const floor = PRIOR[level];
    const above = g.population[i] > 0 ? Math.max(0, Math.log(g.population[i]) - floor) : 0;
    return floor + above * (level === 'region' ? REGION_POPULATION.regionScale : REGION_POPULATION.countyScale);
  }
  return PRIOR[level];
}

/**
 * How much farther than a town a large feature in no one country (a sea, gulf, range, desert) may lie
 * from the document's places and still count as near them: its point is the middle of something
 * hundreds of km across.
 */
const FEATURE_NEAR_SCALE = 5;

function contextScore(g: GazetteerIndex, i: number, level: Level, ev: Evidence, w: Weights): number {
  let s = 0;
  const c = countryOf(g, i);
  if (c) s += ev.countryWeight.get(c) ?? 0;
  if (w.siblings && (level === 'country' || (level === 'region' && c)))
    s += w.siblings * (ev.siblings.get(level === 'country' ? '' : c!) ?? 0);
  // Lying in a region of the document and lying near its places are one piece of evidence
  // (locality), not two: the larger counts.
  let local = 0;
  const r = regionOf(g, i);
  if (r && level !== 'country') local = w.region * (ev.regions.get(r) ?? 0);
  if (ev.points.length && (level === 'city' || level === 'county')) {
    const p = lonlatOf(g, i);
    for (const q of ev.points) {
      // Points more than ~10 degrees of latitude away add nothing worth computing (exp(−5.5)).
      if (Math.abs(q[1] - p[1]) > 10) continue;
      // A point can add at most w.near × its belief (at distance 0): skip it when that cannot beat the best so far.
      if (w.near * q[2] <= local) continue;
      const near = w.near * q[2] * Math.exp(-approxDistanceKm(p, [q[0], q[1]]) / w.nearKm);
      if (near > local) local = near;
    }
  } else if (ev.points.length && (level === 'feature' || level === 'area') && !c) {
    // A sea, gulf, lake or range that lies in no one country (two of one name: "the Gulf" of a story on
    // Houston or on Qatar) is near the document's places on the scale of its own size.
    const p = lonlatOf(g, i);
    const km = w.nearKm * FEATURE_NEAR_SCALE;
    for (const q of ev.points) {
      const near = w.near * q[2] * Math.exp(-approxDistanceKm(p, [q[0], q[1]]) / km);
      if (near > local) local = near;
    }
  }
  return s + local;
}

/** Display suffixes of regions named in English with their type ("Kursk Oblast"), per index. */
const suffixSets = new WeakMap<GazetteerIndex, string[]>();

function hasTypeSuffix(g: GazetteerIndex, r: number): boolean {
  let suffixes = suffixSets.get(g);
  if (!suffixes)
    suffixSets.set(g, (suffixes = [...new Set(Object.values(g.designators.display_suffix))].map((x) => ` ${x}`)));
  const name = nameAt(g, r);
  return suffixes.some((x) => name.endsWith(x));
}

/**
 * Whether a mention of region r's bare name means its city c instead. A region English names with
 * its type ("Kursk Oblast", "Dnipropetrovsk Oblast") yields to any city of its name inside it; other
 * regions ("Quebec", "New York") only to a city called so by its own name that holds a good part of
 * the region's population.
 */
function isHomonymCity(g: GazetteerIndex, c: { i: number; own: boolean }, r: number): boolean {
  if (regionOf(g, c.i) !== regionOf(g, r)) return false;
  if (hasTypeSuffix(g, r)) return true;
  return c.own && g.population[c.i] >= HOMONYM_SHARE * g.population[r];
}

/** Whether place i lies in place w (a qualifier such as "Texas" in "Paris, Texas"); null when w cannot contain. */
function liesIn(g: GazetteerIndex, i: number, w: number): boolean | null {
  const lw = levelOf(g, w);
  if (lw === 'region') return regionOf(g, i) === regionOf(g, w);
  if (lw === 'country' || lw === 'dependency' || lw === 'territory') return countryOf(g, i) === countryOf(g, w);
  if (lw === 'city' || lw === 'county') return distanceKm(lonlatOf(g, i), lonlatOf(g, w)) <= CONTEXT.withinKm;
  return null;
}

/** A candidate with the part of its score that does not depend on document context. */
interface Candidate {
  i: number;
  base: number;
}

/** Candidates of every reading of the mention, each with its best context-free score. */
/** A mention written as an abbreviation with its dots: "Pa.", "Calif.", "N.S.W.", "U.P.". */
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,6}\.|(?:\p{L}{1,2}\.\s?){2,4})$/u;

function candidatesOf(
  g: GazetteerIndex,
  text: string,
  kind: PlaceKind | undefined,
  within: number,
  division = false,
): Candidate[] {
  const variants: MentionVariant[] = [];
  for (const t of new Set([text, stripPossessive(text)])) {
    const key = normalizeName(t);
    variants.push(...mentionVariants(key, g.designators));
    // "W. Va." is indexed as "wva".
    if (t.includes('.')) variants.push({ key: compactKey(key), designator: null, qualified: false });
  }
  const best = new Map<number, number>();
  // Written as an abbreviation: a short word and its dot ("Pa.", "Calif.") or initials ("N.S.W.", "U.P.").
  const dotted = DOTTED_ABBREVIATION.test(text.trim());
  // Readings without a leading qualifier first; "northern Syria" is read as Syria only when
  // "northern syria" itself names nothing ("North Korea", "Western Australia" do).
  const anyUnqualified = variants.some((v) => !v.qualified && postingsOf(g, v.key).length > 0);
  // What the mention's own trailing designator says holds for every reading: "Kyiv Oblast" read
  // whole is a region as much as "Kyiv" + "oblast" is.
  const designator = variants.find((v) => v.designator)?.designator ?? null;
  for (const v of variants) {
    if (v.qualified && anyUnqualified) continue;
    // "Western University", "Central Station", "North Hospital": a qualifier before a facility's or
    // feature's own word names that facility, not the part of a place called "University".
    if (v.qualified && NAMED_AFTER_TRAILING.test(` ${v.key}`)) continue;
    const postings = postingsOf(g, v.key);
    // A feature or site this reading names by its own name: another place's alternate name or
    // translation ("White House", Casablanca's) yields to it (features.yaml gives a feature a bare
    // name only where the feature is what the name mostly means).
    const ownFeature = postings.some((p) => {
      const l = levelOf(g, Math.floor(p / 8));
      const t = nameTypeOf(p);
      return (l === 'site' || l === 'feature' || l === 'area') && (t === 'primary' || t === 'official');
    });
    // An abbreviation written with its dot ("Pa.", "N.S.W."): other places' alternate names yield to a
    // place that has it as its own name or abbreviation.
    const dottedAbbreviation =
      dotted &&
      postings.some((p) => {
        const t = nameTypeOf(p);
        return t === 'abbreviation' || t === 'official' || t === 'primary';
      });
    // Cities this reading names: a region of the same name may yield to its city.
    const cities: Array<{ i: number; own: boolean }> = [];
    for (const p of postings) {
      const i = Math.floor(p / 8);
      const t = nameTypeOf(p);
      if (levelOf(g, i) === 'city') cities.push({ i, own: t === 'primary' || t === 'official' });
    }
    for (const p of postings) {
      const i = Math.floor(p / 8);
      const level = levelOf(g, i);
      let s = prior(g, i, level) + NAME[nameTypeOf(p)];
      // A division's official name that a sea or other feature has as its own ("Persian Gulf", one of
      // Bushehr province's Natural Earth names) is an alternate name as much.
      if (
        ownFeature &&
        (nameTypeOf(p) === 'alternate' ||
          nameTypeOf(p) === 'translation' ||
          (nameTypeOf(p) === 'official' && (level === 'region' || level === 'county')))
      )
        s += MATCH.featureOwnName;
      if (dottedAbbreviation && (nameTypeOf(p) === 'alternate' || nameTypeOf(p) === 'translation'))
        s += MATCH.dottedAbbreviation;
      if (v.qualified) s += MATCH.qualified;
      if (v.designator) s += MATCH.stripped;
      if (designator && designator !== 'any') {
        // A region that is a city (Moscow, Kyiv City) answers to "city", not to "region".
        const as = level === 'region' && g.fcodes[g.fcode[i]] === 'ADM1C' ? 'city' : level;
        s += DESIGNATOR_LEVELS[designator].includes(as) ? MATCH.designator : MATCH.designatorMismatch;
      } else if (!division && level === 'region' && cities.some((c) => isHomonymCity(g, c, i))) {
        s += MATCH.homonymRegion;
      }
      if (division && (level === 'city' || level === 'site' || level === 'feature')) s += MATCH.division;
      if (kind) s += KIND_LEVELS[kind]?.includes(level) ? MATCH.kind : MATCH.kindMismatch;
      if (within >= 0 && within !== i) {
        const inside = liesIn(g, i, within);
        if (inside !== null) s += inside ? CONTEXT.within : CONTEXT.withinMismatch;
      }
      const prev = best.get(i);
      if (prev === undefined || s > prev) best.set(i, s);
    }
  }
  return [...best].map(([i, base]) => ({ i, base }));
}

/** Candidates scored in a context, best first (ties: larger population, then index order). */
function rank(g: GazetteerIndex, candidates: readonly Candidate[], ev: Evidence, w: Weights = WEIGHTS): Scored[] {
  return candidates
    .map((c) => ({ i: c.i, score: c.base + contextScore(g, c.i, levelOf(g, c.i), ev, w) }))
    .sort((a, b) => b.score - a.score || g.population[b.i] - g.population[a.i] || a.i - b.i);
}

/** Suggestion keys by first character, built on the first unknown name (most builds never need it). */
const suggestBuckets = new WeakMap<GazetteerIndex, Map<string, string[]>>();

function bucketsOf(g: GazetteerIndex): Map<string, string[]> {
  let b = suggestBuckets.get(g);
  if (!b) {
    b = new Map();
    for (let n = 0; n < g.suggest.length; n++) {
      const k = keyAt(g, g.suggest[n]);
      let list = b.get(k[0]);
      if (!list) b.set(k[0], (list = []));
      list.push(k);
    }
    suggestBuckets.set(g, b);
  }
  return b;
}

/** The closest known names to an unknown one (edit distance), for the build's error message. */
function suggest(g: GazetteerIndex, key: string): string[] {
  if (!key) return [];
  const maxDistance = Math.max(2, Math.floor(key.length / 3));
  const found: Array<{ d: number; key: string }> = [];
  for (const k of bucketsOf(g).get(key[0]) ?? []) {
    if (Math.abs(k.length - key.length) > maxDistance) continue;
    const d = distance(k, key);
    if (d <= maxDistance) found.push({ d, key: k });
  }
  found.sort((a, b) => a.d - b.d || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: string[] = [];
  for (const { key: k } of found) {
    // The name as a place displays it, preferring a place whose display name is the key itself.
    let bestI = -1;
    let bestRank = -Infinity;
    for (const v of postingsOf(g, k)) {
      const i = Math.floor(v / 8);
      const rank = prior(g, i, levelOf(g, i)) + (normalizeName(nameAt(g, i)) === k ? 100 : 0);
      if (rank > bestRank) [bestI, bestRank] = [i, rank];
    }
    const name = bestI >= 0 ? nameAt(g, bestI) : k;
    if (!out.includes(name)) out.push(name);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

function pinned(g: GazetteerIndex, q: PlaceQuery): Outcome | null {
  if (q.geonames !== undefined && q.geonames !== null) {
    const i = Number.isInteger(q.geonames) && q.geonames > 0 ? findGeonames(g, q.geonames) : -1;
    if (i < 0) {
      return {
        scored: [],
        resolution: {
          ok: false,
          reason: 'unresolved-id',
          message: `GeoNames id ${JSON.stringify(q.geonames)} (for "${q.text}") is not in the gazetteer: check the id on geonames.org, or give a Wikidata QID or a name instead`,
          suggestions: [],
        },
      };
    }
    return found(g, i);
  }
  if (q.wikidata !== undefined && q.wikidata !== null) {
    const i = typeof q.wikidata === 'string' && /^Q\d+$/.test(q.wikidata) ? findWikidata(g, q.wikidata) : -1;
    if (i < 0) {
      return {
        scored: [],
        resolution: {
          ok: false,
          reason: 'unresolved-id',
          message: `Wikidata QID ${JSON.stringify(q.wikidata)} (for "${q.text}") is not in the gazetteer (it holds QIDs of countries, regions, continents and territories, not of cities): pin a city by its GeoNames id`,
          suggestions: [],
        },
      };
    }
    return found(g, i);
  }
  return null;
}

function found(g: GazetteerIndex, i: number): Outcome {
  const place = placeAt(g, i);
  return { scored: [{ i, score: 0 }], resolution: { ok: true, place, candidates: [place], ambiguous: false } };
}

function checkQuery(q: PlaceQuery): void {
  if (!q || typeof q !== 'object')
    throw new TypeError(`resolvePlace: query must be an object, got ${JSON.stringify(q)}`);
  if (typeof q.text !== 'string')
    throw new TypeError(`resolvePlace: query.text must be a string, got ${JSON.stringify(q.text)}`);
  if (q.name !== undefined && typeof q.name !== 'string')
    throw new TypeError(`resolvePlace: query.name must be a string, got ${JSON.stringify(q.name)}`);
  if (q.kind !== undefined && !(q.kind in KIND_LEVELS))
    throw new TypeError(`resolvePlace: query.kind must be a PlaceKind, got ${JSON.stringify(q.kind)}`);
  if (q.division !== undefined && typeof q.division !== 'boolean')
    throw new TypeError(`resolvePlace: query.division must be a boolean, got ${JSON.stringify(q.division)}`);
  if (q.stated !== undefined && typeof q.stated !== 'boolean')
    throw new TypeError(`resolvePlace: query.stated must be a boolean, got ${JSON.stringify(q.stated)}`);
  if (q.river !== undefined && typeof q.river !== 'boolean')
    throw new TypeError(`resolvePlace: query.river must be a boolean, got ${JSON.stringify(q.river)}`);
  if (q.article !== undefined && typeof q.article !== 'boolean')
    throw new TypeError(`resolvePlace: query.article must be a boolean, got ${JSON.stringify(q.article)}`);
}

/** A query read once: pinned outright, or its candidates with their context-free scores. */
type Prepared =
  | { pin: Outcome }
  | {
      pin: null;
      text: string;
      candidates: Candidate[];
      /**
       * A last-resort reading: 'ending' without an adjective's or plural's ending ("Dagestani"),
       * 'namedAfter' as the place the mention's feature is named after ("Boston Harbor" → Boston;
       * always ambiguous). Neither counts as context for the document's other mentions.
       */
      guess?: 'ending' | 'namedAfter';
      /** With 'namedAfter': the feature is a facility of a town (FACILITY_OF_TOWN), so it lies at a town it names. */
      facility?: true;
    };

/** A leading Arabic article as transliterations write it ("al-Raqqa", "Ar Raqqah", "el-Arish"). */
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an)[-\s\u2010\u2011]+(?=\p{L})/iu;

/**
 * The forms a mention may be written in besides its own, tried in turn when it names nothing:
 * a hashtag's words ("#SouthAfrica" → "South Africa"), CamelCase split ("NewYork" → "New York"),
 * a name without a transliterated Arabic article ("al-Raqqa" → "Raqqa"), and an article inside
 * the name written as other transliterations write it ("Bab al-Mandeb" → "Bab el-Mandeb"), and a Russian or
 * Ukrainian name in another romanisation ("Yevpatoria" → "Yevpatoriya").
 */
function writtenForms(text: string): string[] {
  const bare = text.replace(/^#+/, '').trim();
  const forms = [bare];
  const split = bare.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  if (split !== bare) forms.push(split);
  for (const f of [...forms]) {
    const stripped = f.replace(ARABIC_ARTICLE, '');
    if (stripped !== f && stripped.length > 2) forms.push(stripped);
  }
  // An article inside the name written another way ("Bab al-Mandeb" → "Bab el-Mandeb").
  for (const f of [...forms]) for (const v of articleForms(f)) if (!forms.includes(v)) forms.push(v);
  // Another romanisation of a Russian or Ukrainian name ("Yevpatoria" → "Yevpatoriya").
  for (const f of [...forms]) for (const v of slavicForms(f)) if (!forms.includes(v)) forms.push(v);
  return forms;
}

/**
 * A hashtag written in lower case ("#newyork", "#riodejaneiro"): the split into the fewest words
 * (up to four, each of two letters or more, left to right) that names a place. Null for anything else.
 */
function hashtagWords(text: string, names: (form: string) => boolean): string | null {
  const m = /^#+(\p{Ll}{4,24})$/u.exec(text.trim());
  if (!m) return null;
  const w = m[1];
  const splits = (rest: string, parts: number): string[][] => {
    if (parts === 1) return rest.length >= 2 ? [[rest]] : [];
    const out: string[][] = [];
    for (let k = 2; k <= rest.length - 2; k++)
      for (const tail of splits(rest.slice(k), parts - 1)) out.push([rest.slice(0, k), ...tail]);
    return out;
  };
  for (let parts = 2; parts <= 4; parts++)
    for (const s of splits(w, parts)) {
      const form = s.join(' ');
      if (names(form)) return form;
    }
  return null;
}

/**
 * A group of islands or mountains named in the plural ("the Falklands", "the Aleutians", "the
 * Canaries", "the Catskills") as the group's full name ("Falkland Islands", "Catskill Mountains"),
 * tried before an adjective's ending is dropped: "Falklands" is not the village of Falkland.
 */
function groupForms(forms: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of forms) {
    if (!/\p{Ll}s$/u.test(f)) continue;
    const stems = [f.slice(0, -1)];
    if (f.endsWith('ies')) stems.push(`${f.slice(0, -3)}y`);
    for (const stem of stems) for (const group of ['Islands', 'Mountains']) out.push(`${stem} ${group}`);
  }
  return out;
}

/**
 * Adjectives and plurals of names that no table lists: "Dagestani" → Dagestan, "North Ossetian" →
 * North Ossetia, "Gazans" → Gaza, "Czechs" → Czech, "Londoner" → London, "Ohioans" → Ohio; in the order
 * of DEMONYM_ENDINGS, tried only when no written form names anything.
 */
function endingForms(forms: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of forms) {
    for (const ending of DEMONYM_ENDINGS) {
      const base = f.replace(ending, '');
      if (base !== f && base.length >= 4 && !out.includes(base) && !forms.includes(base)) out.push(base);
    }
  }
  return out;
}

/** Endings of adjectives and plurals formed on a place name, dropped in this order. */
const DEMONYM_ENDINGS = ['ns', 'is', 'ites', 'ers', 'er', 'n', 'i', 'ans', 'an', 's'].map(
  (e) => new RegExp(`(?<=\\p{L})${e}$`, 'u'),
);

/**
 * Words that make a feature, facility or district of a place's name ("Boston Harbor", "Port of
 * Los Angeles", "Santa Clara Valley", "Lake Cumberland"). A mention that names nothing in the
 * gazetteer is read, as a last resort, as the place it is named after, and flagged ambiguous: it
 * lies near that place far more often than not, and an unresolved mention has no point at all.
 */
const NAMED_AFTER_LEADING =
  /^(?:the\s+)?(?:port|bay|gulf|isle|university|city|county|district|province|state)\s+of\s+|^(?:the\s+)?(?:lake|mount|mt\.?|river|fort|camp)\s+/iu;
const NAMED_AFTER_TRAILING =
  /\s+(?:river|creek|lake|reservoir|bay|harbou?r|port|valley|falls|(?:national\s+|state\s+|memorial\s+)?park|square|(?:international\s+|regional\s+|municipal\s+)?airport|air\s+(?:force\s+)?base|university|college|hospital|dam|islands?|mountains?|hills?|beach|station|(?:art\s+)?gallery|museum|cathedral|church|stadium|arena|zoo|township|twp\.?|co\.?|metro(?:politan)?\s+area|area|court[-\s]?house|c\.\s?h\.?)$/iu;

/**
 * Facilities built in the town they are named after ("Port of Rotterdam", "Ankara University",
 * "Lyon airport"; "Culpeper Court-House", "Spotsylvania C. H.", as 19th-century reports name a county
 * seat by its court house): unlike a river, lake, park or mountain, which may lie far from its namesake, such
 * a facility lies at it. The first word of NAMED_AFTER_LEADING or the last of NAMED_AFTER_TRAILING.
 */
const FACILITY_OF_TOWN =
  /^(?:the\s+)?(?:port|university)\s+of\s+|\s+(?:harbou?r|port|(?:international\s+|regional\s+|municipal\s+)?airport|university|college|hospital|station|cathedral|stadium|court[-\s]?house|c\.\s?h\.?)$/iu;

/** A form of a name without its feature's words, and whether the feature is a facility of a town. */
interface NamedAfterForm {
  form: string;
  facility: boolean;
}

function namedAfterForms(text: string): NamedAfterForm[] {
  const out: NamedAfterForm[] = [];
  let t = text.trim();
  for (let k = 0; k < 2; k++) {
    const next = t.replace(NAMED_AFTER_LEADING, '').replace(NAMED_AFTER_TRAILING, '').trim();
    // "University Hospital", "Park Station": what is left is another feature's word, not a place's name.
    if (next === t || next.length < 3 || NAMED_AFTER_TRAILING.test(` ${next}`)) break;
    const facility = k === 0 && FACILITY_OF_TOWN.test(t);
    out.push({ form: (t = next), facility });
    // "Montreal-Pierre Elliott Trudeau International Airport": the city before the person's name.
    const head = /^([^-\u2010-\u2015]{3,})[-\u2010-\u2015]/u.exec(next)?.[1].trim();
    if (head && head.length >= 3) out.push({ form: head, facility });
  }
  return out;
}

/** A stream's own word at the end of its name ("White River", "Antietam Creek", "Bull Run"). */
const STREAM_WORD = /\s(?:river|creek|run|branch|fork|bayou|brook)$/iu;
/** Levels a river may be in the index (features.yaml streams are features; a few are areas). */
const STREAM_LEVELS: readonly Level[] = ['feature', 'area'];

/** Parts of a containing place written as a chain, read innermost last ("Warren County, Ohio, United States"). */
const MAX_CONTAINER_PARTS = 4;

/**
 * The place a containing place's text names, read as a division ("Bronx, New York" → the state); -1
 * when it names nothing. A chain of places from the smallest to the largest ("Henry County,
 * Tennessee", "Warren County, Ohio, United States") is read from its end: each part within the one
 * after it, so "Henry County" is Tennessee's and not Georgia's. A part that names nothing is skipped.
 */
function containerOf(g: GazetteerIndex, text: string): number {
  const parts = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, MAX_CONTAINER_PARTS);
  let outer = -1;
  for (let k = parts.length - 1; k >= 0; k--) {
    const w = rank(g, candidatesOf(g, parts[k], undefined, outer, true), NO_EVIDENCE);
    // A part that lies outside the larger place after it is not read there ("Lanark County, Ontario"
    // with no Lanark County in Ontario): the larger place stays the container.
    if (w.length && (outer < 0 || liesIn(g, w[0].i, outer) !== false)) outer = w[0].i;
  }
  return outer;
}

/**
 * Whether a mention with a trailing designator of a region ("Valdés Peninsula", "Ituri province") names
 * nothing whole and, without the designator, only towns or sites: a town named like the feature or the
 * division the gazetteer lacks. County words are left out: a county is often named after its seat ("Puge
 * county", whose seat the gazetteer knows as Puge), and a region's county ("the Georgia county") is no town.
 */
function designatorOnlyTowns(g: GazetteerIndex, text: string, candidates: readonly Candidate[]): boolean {
  const key = normalizeName(stripPossessive(text));
  const designator = mentionVariants(key, g.designators).find((v) => v.designator)?.designator;
  if (designator !== 'region' || postingsOf(g, key).length > 0) return false;
  return candidates.every((c) => {
    const level = levelOf(g, c.i);
    return level === 'city' || level === 'site';
  });
}

function prepare(g: GazetteerIndex, q: PlaceQuery): Prepared {
  checkQuery(q);
  const pin = pinned(g, q);
  if (pin) return { pin };
  const div = q.division === true;
  let text = (q.name ?? q.text).trim();
  const forms = writtenForms(text);
  // The first written form that names something, with its candidates (reused below when no
  // containing place changes them: a cold read looks each name up once).
  let named: Candidate[] | null = null;
  text = forms[0];
  for (const f of forms) {
    const c = candidatesOf(g, f, q.kind, -1, div);
    if (c.length > 0) {
      [text, named] = [f, c];
      break;
    }
  }
  let withinText = q.within?.trim();
  // "Paris, Texas" written as one mention: the part after the comma is the containing place.
  const comma = text.indexOf(',');
  if (comma > 0 && !withinText && named === null) {
    withinText = text.slice(comma + 1).trim();
    text = text.slice(0, comma).trim();
  }
  const within = withinText ? containerOf(g, withinText) : -1;
  let candidates = within < 0 && named !== null ? named : candidatesOf(g, text, q.kind, within, div);
  // "the [Gulf]": the mention with its article (a superset of the readings without it, each scored at its best).
  if (q.article === true && !/^the\s/iu.test(text)) {
    const withArticle = candidatesOf(g, `the ${text}`, q.kind, within, div);
    if (withArticle.length > 0) candidates = withArticle;
  }
  // A container the sentence states ("Perth is a city in central Scotland") rules out the places outside
  // it, whatever else the text names ("… it gave its name to the capital of Western Australia").
  if (q.stated === true && within >= 0) {
    const country = countryOf(g, within);
    const inside = candidates.filter(
      (c) => c.i !== within && liesIn(g, c.i, within) === true && (country === null || countryOf(g, c.i) === country),
    );
    if (inside.length) candidates = inside;
  }
  if (q.river === true) {
    const stream = STREAM_WORD.test(text) ? text : `${text} River`;
    const own = (stream === text ? candidates : candidatesOf(g, stream, q.kind, within)).filter((c) =>
      STREAM_LEVELS.includes(levelOf(g, c.i)),
    );
    if (own.length) return { pin: null, text: stream, candidates: own };
    // A water body or other feature by its own name ("crossed the English Channel", "up the Atlantic") is
    // what it says; only a town's or region's reading is a guess.
    const features = candidates.filter((c) => STREAM_LEVELS.includes(levelOf(g, c.i)));
    if (features.length) return { pin: null, text, candidates: features };
    if (candidates.length) return { pin: null, text, candidates, guess: 'namedAfter' };
  }
  // "Valdés Peninsula", "Ituri province": the name with its designator names nothing, and without it only
  // towns (Valdés in Spain): such a town is a guess, as a feature read as the place it is named after is,
  // so the document's focus takes it when it lies far away.
  if (candidates.length > 0 && designatorOnlyTowns(g, text, candidates))
    return { pin: null, text, candidates, guess: 'namedAfter' };
  if (candidates.length === 0) {
    const words = hashtagWords(q.name ?? q.text, (f) => candidatesOf(g, f, q.kind, within, div).length > 0);
    if (words) return { pin: null, text: words, candidates: candidatesOf(g, words, q.kind, within, div) };
    for (const f of groupForms(forms)) {
      const c = candidatesOf(g, f, q.kind, within, div);
      if (c.length) return { pin: null, text: f, candidates: c, guess: 'ending' };
    }
    for (const f of endingForms(forms)) {
      const c = candidatesOf(g, f, q.kind, within, div);
      if (c.length) return { pin: null, text: f, candidates: c, guess: 'ending' };
    }
    for (const { form, facility } of namedAfterForms(text)) {
      // The feature's own kind ("river") says nothing of the place it is named after.
      const c = candidatesOf(g, form, undefined, within);
      if (c.length) return { pin: null, text, candidates: c, guess: 'namedAfter', ...(facility ? { facility } : {}) };
    }
  }
  return { pin: null, text, candidates };
}

function resolveWith(g: GazetteerIndex, prepared: Prepared, ev: Evidence): Outcome {
  const scored = scoreWith(g, prepared, ev, WEIGHTS);
  return { scored, resolution: resolutionOf(g, prepared, scored) };
}

/** A prepared query's candidates scored in a context, best first. */
function scoreWith(g: GazetteerIndex, prepared: Prepared, ev: Evidence, w: Weights): Scored[] {
  return prepared.pin ? prepared.pin.scored : rank(g, prepared.candidates, ev, w);
}

/** What a query resolves to, given its scored candidates. */
function resolutionOf(g: GazetteerIndex, prepared: Prepared, scored: Scored[]): Resolution {
  if (prepared.pin) return prepared.pin.resolution;
  const { text } = prepared;
  if (scored.length === 0) {
    const key = normalizeName(text);
    const target = mentionVariants(key, g.designators).at(-1)?.key ?? key;
    // Suggestions cost an edit-distance scan: computed when first read (a build reads them only
    // to report an error), then kept.
    let suggestions: string[] | null = null;
    const resolution = {
      ok: false as const,
      reason: 'unknown' as const,
      message: `unknown place "${text}": no name, alternate name or abbreviation in the gazetteer matches it`,
      get suggestions(): string[] {
        return (suggestions ??= suggest(g, target));
      },
    };
    return resolution;
  }
  const top = scored[0];
  const topPoint = lonlatOf(g, top.i);
  const ambiguous =
    prepared.guess === 'namedAfter' ||
    scored.some(
      (c, n) =>
        n > 0 && c.score >= top.score - AMBIGUITY_MARGIN && distanceKm(topPoint, lonlatOf(g, c.i)) > AMBIGUOUS_KM,
    );
  const place = placeAt(g, top.i);
  return { ok: true, place, candidates: scored.slice(0, MAX_CANDIDATES).map((c) => placeAt(g, c.i)), ambiguous };
}

function evidenceOf(ctx: ResolveContext | undefined): Evidence {
  if (!ctx) return NO_EVIDENCE;
  const countryWeight = new Map<string, number>();
  (ctx.countries ?? []).forEach((c, n) => {
    if (!countryWeight.has(c)) countryWeight.set(c, CONTEXT.countryRank / (n + 1));
  });
  return {
    countryWeight,
    siblings: new Map(),
    regions: new Map((ctx.regions ?? []).map((r) => [r, 1])),
    points: (ctx.points ?? []).map(([lon, lat]) => [lon, lat, 1] as [number, number, number]),
  };
}

/** Resolves one place mention; see the module comment for how candidates are ranked. */
export function resolvePlace(g: Gazetteer, q: PlaceQuery, ctx?: ResolveContext): Resolution {
  const x = indexOf(g);
  return resolveWith(x, prepare(x, q), evidenceOf(ctx)).resolution;
}

/**
 * Every place a mention alone may mean, best first (the first is what `resolvePlace` picks), with
 * its score (ln units) and its number in the gazetteer: what `npm run place` lists.
 */
export function rankCandidates(
  g: Gazetteer,
  q: PlaceQuery,
  max = 20,
): Array<{ index: number; score: number; place: ResolvedPlace }> {
  const x = indexOf(g);
  return resolveWith(x, prepare(x, q), NO_EVIDENCE)
    .scored.slice(0, max)
    .map((c) => ({ index: c.i, score: c.score, place: placeAt(x, c.i) }));
}

/** How sure a resolution is of each of its leading candidates: softmax of their scores, small ones dropped. */
function beliefs(scored: Scored[]): Array<{ i: number; p: number }> {
  if (scored.length === 0) return [];
  const top = scored.slice(0, DOCUMENT.candidates);
  const w = top.map((c) => Math.exp((c.score - top[0].score) / DOCUMENT.temperature));
  const sum = w.reduce((a, b) => a + b, 0);
  return top.map((c, n) => ({ i: c.i, p: w[n] / sum })).filter((b) => b.p >= DOCUMENT.minBelief);
}

/**
 * The evidence a document's other mentions give about one of them: the share of their places by
 * country, their regions, their points, each weighted by how sure the last pass was of it. (Exported
 * for its test, which checks it against the plain reading by name.)
 */
export function documentEvidence(
  g: GazetteerIndex,
  base: Evidence,
  others: Array<{ belief: Array<{ i: number; p: number }>; count: number }>,
  w: Weights,
): Evidence {
  // It runs for every mention in every pass: sums and maxima go by the index's country and region
  // numbers into scratch arrays, not by name into maps, each the same sum in the same order.
  const s = scratchOf(g);
  const nc = g.countries.length;
  let mentions = 0;
  const points = new Map<number, number>();
  for (const { belief: bs, count } of others) {
    if (bs.length === 0) continue;
    // Countries count by mention: a name mentioned thrice weighs thrice.
    mentions += count;
    for (const { i, p } of bs) {
      const level = levelOf(g, i);
      const ck = g.country[i];
      const c = g.countries[ck] ? ck : -1;
      if (c >= 0) {
        if (s.countryMass[c] === 0 && s.countryNamed[c] === 0) s.countries.push(c);
        s.countryMass[c] += p * count;
      }
      if (c >= 0 && level === 'country') s.countryNamed[c] = Math.max(s.countryNamed[c], p);
      const sib = level === 'country' ? nc : level === 'region' && c >= 0 ? c : -1;
      if (sib >= 0) {
        if (s.siblingMass[sib] === 0) s.siblings.push(sib);
        s.siblingMass[sib] += p * count;
      }
      const rk = g.region[i];
      if (g.regions[rk] && (level === 'city' || level === 'county' || level === 'region')) {
        if (s.regionMax[rk] === 0) s.regions.push(rk);
        s.regionMax[rk] = Math.max(s.regionMax[rk], p);
      }
      if (level === 'city' || level === 'county') points.set(i, Math.max(points.get(i) ?? 0, p));
    }
  }
  const regions = new Map(base.regions);
  for (const rk of s.regions) {
    const r = g.regions[rk];
    regions.set(r, Math.max(regions.get(r) ?? 0, s.regionMax[rk]));
    s.regionMax[rk] = 0;
  }
  s.regions.length = 0;
  const countryWeight = new Map(base.countryWeight);
  for (const ck of s.countries) {
    const c = g.countries[ck];
    if (s.countryMass[ck] !== 0)
      countryWeight.set(c, (countryWeight.get(c) ?? 0) + (w.countryShare * s.countryMass[ck]) / mentions);
  }
  for (const ck of s.countries) {
    const c = g.countries[ck];
    if (s.countryNamed[ck] !== 0)
      countryWeight.set(c, (countryWeight.get(c) ?? 0) + w.countryNamed * s.countryNamed[ck]);
    s.countryMass[ck] = 0;
    s.countryNamed[ck] = 0;
  }
  s.countries.length = 0;
  const pts = [...base.points];
  // The surest points only: nearness is a max over points, so the rest rarely matter, and a very
  // long document would otherwise cost (mentions × candidates × points).
  // (Fewer need no sorting: the order of the points does not change the max.)
  const surest =
    points.size > DOCUMENT.maxPoints
      ? [...points].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, DOCUMENT.maxPoints)
      : points;
  for (const [i, p] of surest) {
    const [lon, lat] = lonlatOf(g, i);
    pts.push([lon, lat, p]);
  }
  const siblings = new Map<string, number>();
  for (const k of s.siblings) {
    if (mentions > 0) siblings.set(k === nc ? '' : g.countries[k], s.siblingMass[k] / mentions);
    s.siblingMass[k] = 0;
  }
  s.siblings.length = 0;
  return { countryWeight, siblings, regions, points: pts };
}

/** documentEvidence's scratch arrays, per index: zero but for the entries listed, which it clears after use. */
interface EvidenceScratch {
  countryMass: Float64Array;
  countryNamed: Float64Array;
  /** By country number, and at `countries.length` the share of countries. */
  siblingMass: Float64Array;
  regionMax: Float64Array;
  countries: number[];
  siblings: number[];
  regions: number[];
}
const scratch = new WeakMap<GazetteerIndex, EvidenceScratch>();
function scratchOf(g: GazetteerIndex): EvidenceScratch {
  let s = scratch.get(g);
  if (!s) {
    s = {
      countryMass: new Float64Array(g.countries.length),
      countryNamed: new Float64Array(g.countries.length),
      siblingMass: new Float64Array(g.countries.length + 1),
      regionMax: new Float64Array(g.regions.length),
      countries: [],
      siblings: [],
      regions: [],
    };
    scratch.set(g, s);
  }
  return s;
}

/** The name a mention is about, without articles, designators and qualifiers. */
function coreKey(g: GazetteerIndex, text: string): string {
  const variants = mentionVariants(normalizeName(stripPossessive(text)), g.designators);
  return variants.filter((v) => !v.qualified).at(-1)?.key ?? '';
}

/**
 * Queries read before, by signature, for resolveDocument to share across the documents of a build:
 * reading a name (its variants, postings and context-free scores) does not depend on the document,
 * and a corpus names the same places again and again. Belongs to one gazetteer.
 */
type QueryMemo = Map<string, { prepared: Prepared; core: string }>;
const MAX_MEMO_QUERIES = 100_000;

/**
 * A resolver of documents with its own memo of queries: one per build (or per build thread). A call
 * may give other weights than the resolver's: reading a name does not depend on them, so a
 * benchmark trying many settings reads each name once (bench/geocode.ts).
 */
export function documentResolver(
  g: Gazetteer,
  weights: Readonly<Weights> = WEIGHTS,
  options: Readonly<DocumentOptions> = {},
): (queries: readonly PlaceQuery[], ctx?: ResolveContext, w?: Readonly<Weights>) => Resolution[] {
  const memo: QueryMemo = new Map();
  return (queries, ctx, w = weights) => resolveAll(g, queries, ctx, memo, w, options);
}

/**
 * What a document resolver does with a mention that names nothing in the gazetteer (no name, no
 * ending; with 'focus', also a place its feature is named after that lies far from the focus):
 *   - 'error' (the default, and the build's): it stays unresolved; the build reports it with suggestions,
 *     and the author pins it.
 *   - 'focus': it is placed at the document's focus, flagged ambiguous and `focus`: the local place
 *     (city or county; else region; else country) the document's other mentions name most often,
 *     surest first. An unknown name in a news story is mostly a neighbourhood, village, facility or
 *     landmark of the place the story is about ("Zamalek" in a story on Cairo, "Thomas Memorial
 *     Hospital" in one on South Charleston); a point there is nearer than none. For reading text
 *     nobody annotated (the geocoding benchmark), never for an annotated build.
 *   - 'spelling': only the first step of 'focus': a name that is another transliteration of a place in
 *     the focus's country, or in another country the document names, is read as that place, flagged
 *     `spelling`; anything else stays unknown. For suggestions, which a reviewer checks and which
 *     propose no place they cannot name.
 */
export interface DocumentOptions {
  unknown?: 'error' | 'focus' | 'spelling';
}

/**
 * With `unknown: 'focus'`, a feature read as the place it is named after ("Lake Vermont" → Vermont,
 * "Penn Park" → Pennsylvania) that lies farther than this (km) from the document's focus is placed
 * at the focus instead: the story is about the focus, the name-giver is a guess. Chosen by
 * cross-validation (bench/geocode.ts folds): 100 and 300 km and always-the-focus scored alike on
 * every held-out fold, 1,000 km lower; the nearest of them keeps a guess that agrees with the story.
 */
const FOCUS_GUESS_KM = 100;

/**
 * With `unknown: 'focus'`, in a local story (at least two leading readings of towns or counties, all
 * within STRAY.localKm of the focus), a town of fewer than STRAY.population inhabitants read over STRAY.km
 * from the focus, in no country or region the document names, is a homonym of a place the gazetteer lacks ("Grasmere" in a Lake District story read
 * as Grasmere, New South Wales): it is placed at the focus. So is, in any story, a name read without
 * its capitalised leading qualifier ("East Midlands" as Midlands, Zimbabwe; "Northern Rivers" as Rivers
 * State) as a region or town in a country no other mention reads into, over STRAY.km from the focus.
 */
/**
 * With `unknown: 'focus'`, a river read by its own name (fcode STM) is placed at the document's town or
 * county nearest its point, when one lies within this (km): the story is about that stretch ("the Danube
 * at Vienna"), and a river's one point is a middle or a mouth hundreds of km away. LGL and TR-News hold no
 * row it changes (800 and 2,000 km alike); the own check sets gain 7 rows, lose none (data/gazetteer/README.md).
 */
const RIVER_KM = 1000;

const STRAY = { localKm: 300, km: 1000, population: 10_000 };

/** A leading qualifier of a region's name ("East Midlands", "Northern Rivers", "Upper Austria"). */
const QUALIFIER =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|inner|outer)(?:[-\s]+(?:east|west|eastern|western))?\s+/iu;

/** Levels a document's focus may be, in order of preference: the most local the document names. */
const FOCUS_LEVELS: readonly (readonly Level[])[] = [['city', 'county'], ['region'], ['country', 'dependency']];

/**
 * The document's focus: among its mentions' leading readings (not last-resort guesses), of the most
 * local level any has (FOCUS_LEVELS), the place with the largest belief × mentions; ties go to the
 * earlier mention. -1 when it names no such place.
 */
function focusOf(
  g: GazetteerIndex,
  belief: ReadonlyArray<ReadonlyArray<{ i: number; p: number }>>,
  count: readonly number[],
  skip: readonly boolean[],
): number {
  for (const levels of FOCUS_LEVELS) {
    const mass = new Map<number, number>();
    belief.forEach((bs, n) => {
      if (skip[n] || bs.length === 0) return;
      const top = bs[0];
      if (levels.includes(levelOf(g, top.i))) mass.set(top.i, (mass.get(top.i) ?? 0) + top.p * count[n]);
    });
    let best = -1;
    let bestMass = 0;
    for (const [i, m] of mass) if (m > bestMass) [best, bestMass] = [i, m];
    if (best >= 0) return best;
  }
  return -1;
}

/** Queries that resolve alike within one document: same words, hint, pins and qualifier. */
function signature(q: PlaceQuery): string {
  return JSON.stringify([
    q.text,
    q.name ?? null,
    q.kind ?? null,
    q.geonames ?? null,
    q.wikidata ?? null,
    q.within ?? null,
    q.division ?? null,
    q.river ?? null,
    q.stated ?? null,
    q.article ?? null,
  ]);
}

/**
 * Resolves all place mentions of one document, using each other as context: first each alone,
 * then again (up to DOCUMENT.passes − 1 times, until no pick changes), each time with the countries, regions and points the other
 * mentions had in the pass before, weighted by how sure that pass was of them (so "Walker County"
 * and "Huntsville" settle on the pair that lies together). Mentions of the same name do not count
 * as context for each other; repeated mentions are resolved once.
 */
export function resolveDocument(g: Gazetteer, queries: readonly PlaceQuery[], ctx?: ResolveContext): Resolution[] {
  return resolveAll(g, queries, ctx);
}

function resolveAll(
  g: Gazetteer,
  queries: readonly PlaceQuery[],
  ctx?: ResolveContext,
  memo?: QueryMemo,
  w: Readonly<Weights> = WEIGHTS,
  options: Readonly<DocumentOptions> = {},
): Resolution[] {
  const x = indexOf(g);
  const read = (q: PlaceQuery, sig: string): { prepared: Prepared; core: string } => {
    let r = memo?.get(sig);
    if (r === undefined) {
      // A mention is no context for another of the same core name ("Henry", "Henry County").
      r = { prepared: prepare(x, q), core: coreKey(x, q.name ?? q.text) };
      if (memo) {
        if (memo.size >= MAX_MEMO_QUERIES) memo.clear();
        memo.set(sig, r);
      }
    }
    return r;
  };
  const base = evidenceOf(ctx);
  const sigs = queries.map(signature);
  // Distinct queries, the unit of work; each mention points at one.
  // One pass over the mentions (not one per distinct query: a long document would cost quadratic time).
  const firstAt = new Map<string, number>();
  const countOf = new Map<string, number>();
  sigs.forEach((sig, k) => {
    if (!firstAt.has(sig)) firstAt.set(sig, k);
    countOf.set(sig, (countOf.get(sig) ?? 0) + 1);
  });
  const unique = [...firstAt.keys()];
  const uq = unique.map((sig) => queries[firstAt.get(sig)!]);
  const reads = uq.map((q, n) => read(q, unique[n]));
  const prepared = reads.map((r) => r.prepared);
  const ukey = reads.map((r) => r.core);
  // One sense per discourse: a name the document places once ("Paris, Texas", "Lebanon is a city in
  // Warren County, Ohio") is that place where the document repeats it bare ("Paris police said").
  // Only when every placed mention of the name reads the same place.
  const placed = new Map<string, number>();
  const sameName = (q: PlaceQuery): string => `${normalizeName(q.name ?? q.text)}|${q.kind ?? ''}`;
  uq.forEach((q, n) => {
    const p = prepared[n];
    if (q.within === undefined || p.pin !== null || p.candidates.length === 0) return;
    // A division only: "Henderson, Boulder City" may be a list as much as a container.
    const c = containerOf(x, q.within);
    if (c < 0 || levelOf(x, c) === 'city' || levelOf(x, c) === 'site' || levelOf(x, c) === 'feature') return;
    const key = sameName(q);
    const top = rank(x, p.candidates, base, w)[0].i;
    const m = placed.get(key);
    if (m === undefined) placed.set(key, n);
    else if (m >= 0) {
      const pm = prepared[m];
      if (pm.pin !== null || rank(x, pm.candidates, base, w)[0].i !== top) placed.set(key, -1);
    }
  });
  if (placed.size > 0)
    uq.forEach((q, n) => {
      if (q.within !== undefined || q.geonames !== undefined || q.wikidata !== undefined || prepared[n].pin !== null)
        return;
      const m = placed.get(sameName(q));
      if (m !== undefined && m >= 0) prepared[n] = prepared[m];
    });
  // Last-resort readings are no context for the others (a wrong guess would pull them away).
  const guessed = prepared.map((p) => p.pin === null && p.guess !== undefined);
  const count = unique.map((sig) => countOf.get(sig)!);
  // The other names a mention takes as context: all, in a document of up to DOCUMENT.window
  // distinct names; in a longer one the window nearest in the text (by first mention), so a long
  // document costs linear, not quadratic, time.
  // Walking outwards from n (the earlier first at equal distance) gives them nearest first.
  const neighbours = uq.map((_, n) => {
    const out: number[] = [];
    for (let d = 1; out.length < DOCUMENT.window && (n - d >= 0 || n + d < uq.length); d++) {
      for (const m of [n - d, n + d]) {
        if (m >= 0 && m < uq.length && ukey[m] !== ukey[n] && out.length < DOCUMENT.window) out.push(m);
      }
    }
    return out;
  });
  // Passes score candidates; the resolution (places, candidates) is made once, from the last scores.
  const scored = prepared.map((p) => scoreWith(x, p, base, w));
  const belief = scored.map(beliefs);
  const settled = (): string => belief.map((bs) => bs.map((b) => `${b.i}:${b.p.toFixed(2)}`).join(' ')).join(',');
  let last = settled();
  for (let pass = 1; pass < DOCUMENT.passes; pass++) {
    // Each mention in turn, against the others' latest beliefs (Gauss-Seidel): updating all at
    // once from the pass before can swing two mentions between two readings forever.
    uq.forEach((q, n) => {
      if (q.geonames !== undefined || q.wikidata !== undefined) return;
      const others: Array<{ belief: Array<{ i: number; p: number }>; count: number }> = [];
      for (const m of neighbours[n]) if (!guessed[m]) others.push({ belief: belief[m], count: count[m] });
      scored[n] = scoreWith(x, prepared[n], documentEvidence(x, base, others, w), w);
      belief[n] = beliefs(scored[n]);
    });
    // Settled: no mention changed its pick, nor how sure it is (to 0.01), in this pass.
    const now = settled();
    if (now === last) break;
    last = now;
  }
  const out = unique.map((_, n) => resolutionOf(x, prepared[n], scored[n]));
  if (options.unknown === 'focus' || options.unknown === 'spelling') {
    const f = focusOf(x, belief, count, guessed);
    const place = f >= 0 ? placeAt(x, f) : null;
    // Another transliteration of a place in the focus's country ("Hodeidah" → Al Ḩudaydah in a story on
    // Yemen): same skeleton, that country only. Suggestions, which a reviewer checks, also try the other
    // countries the document names, in the order of its mentions ("… Yemen's Houthi rebels … off Hodeidah"
    // in a story led by a US command's account).
    const countries = [
      ...new Set([
        ...(f >= 0 ? [countryOf(x, f)] : []),
        ...(options.unknown === 'spelling'
          ? out.flatMap((r) => (r.ok && r.place.country ? [r.place.country] : []))
          : []),
      ]),
    ].filter((c): c is string => !!c);
    // A local story: its leading readings of towns and counties all lie near the focus (STRAY).
    const fp = f >= 0 ? lonlatOf(x, f) : null;
    // Leading readings of towns and counties, and whether each lies near the focus.
    const near: Array<[number, boolean]> = [];
    if (fp !== null)
      belief.forEach((bs, n) => {
        if (guessed[n] || bs.length === 0) return;
        const l = levelOf(x, bs[0].i);
        if (l === 'city' || l === 'county') near.push([n, distanceKm(lonlatOf(x, bs[0].i), fp) <= STRAY.localKm]);
      });
    // Countries and regions the document names outright ("born in Flumeri in southern Italy"): a town
    // in one of them is not a stray.
    const named = new Set<string>();
    belief.forEach((bs, n) => {
      if (guessed[n] || bs.length === 0) return;
      const l = levelOf(x, bs[0].i);
      if (l === 'country' || l === 'dependency') named.add(countryOf(x, bs[0].i) ?? '');
      if (l === 'region') named.add(regionOf(x, bs[0].i) ?? '');
    });
    named.delete('');
    // The story is local but for mention n.
    const localBut = (n: number): boolean => {
      const others = near.filter(([m]) => m !== n);
      return others.length >= 2 && others.every(([, ok]) => ok);
    };
    const stray = (n: number, p: ResolvedPlace): boolean => {
      if (fp === null || distanceKm(p.lonlat, fp) <= STRAY.km) return false;
      const top = belief[n][0]?.i;
      if (top === undefined) return false;
      if (
        levelOf(x, top) === 'city' &&
        x.population[top] < STRAY.population &&
        localBut(n) &&
        !named.has(countryOf(x, top) ?? '') &&
        !named.has(regionOf(x, top) ?? '')
      )
        return true;
      // A capitalised qualifier makes a proper name ("East Midlands"); "eastern Ukraine" and "Upper Egypt"
      // are parts of a country, read as the country, and a country is never a stray.
      const q = QUALIFIER.exec(uq[n].name ?? uq[n].text)?.[0].trim();
      const l = levelOf(x, top);
      const c = countryOf(x, top);
      return (
        q !== undefined &&
        /^\p{Lu}/u.test(q) &&
        (l === 'region' || l === 'county' || l === 'city') &&
        !normalizeName(p.name).includes(normalizeName(q)) &&
        c !== countryOf(x, f) &&
        !belief.some((bs, m) => m !== n && !guessed[m] && bs.length > 0 && countryOf(x, bs[0].i) === c)
      );
    };
    out.forEach((r, n) => {
      const p = prepared[n];
      if (!r.ok && r.reason === 'unknown' && p.pin === null) {
        const key = normalizeName(p.text);
        const variant = mentionVariants(key, x.designators).at(-1)?.key ?? key;
        for (const c of countries) {
          const i = countrySkeletonMatch(x, variant, c);
          if (i < 0) continue;
          const match = placeAt(x, i);
          out[n] = { ok: true, place: match, candidates: [match], ambiguous: true, spelling: true };
          return;
        }
      }
      if (options.unknown !== 'focus' || !place) return;
      // A river is a line the gazetteer gives one point: the stretch the story is about is where its towns are.
      if (r.ok && p.pin === null && p.guess === undefined && belief[n].length > 0) {
        const top = belief[n][0].i;
        if (x.fcodes[x.fcode[top]] === 'STM') {
          const at = lonlatOf(x, top);
          let best: [number, number] | null = null;
          let bestKm = Number.POSITIVE_INFINITY;
          belief.forEach((bs, m) => {
            if (m === n || guessed[m] || bs.length === 0) return;
            const l = levelOf(x, bs[0].i);
            if (l !== 'city' && l !== 'county') return;
            const d = distanceKm(lonlatOf(x, bs[0].i), at);
            if (d < bestKm) [best, bestKm] = [lonlatOf(x, bs[0].i), d];
          });
          if (best !== null && bestKm <= RIVER_KM) {
            out[n] = { ...r, place: { ...r.place, lonlat: best }, ambiguous: true };
            return;
          }
        }
      }
      const take = r.ok
        ? p.pin === null &&
          ((p.guess === 'namedAfter' &&
            !(p.facility && r.place.kind === 'city') &&
            distanceKm(r.place.lonlat, place.lonlat) > FOCUS_GUESS_KM) ||
            (p.guess === undefined && stray(n, r.place)))
        : r.reason === 'unknown';
      if (take) out[n] = { ok: true, place, candidates: [place], ambiguous: true, focus: true };
    });
  }
  const resolutions = new Map(unique.map((sig, n) => [sig, out[n]]));
  return sigs.map((sig) => resolutions.get(sig)!);
}

/** A one-line description for messages: "Paris, US-TX (pop 24,171)", "Kursk Oblast, RU (region)". */
export function describePlace(g: Gazetteer, p: ResolvedPlace): string {
  const x = indexOf(g);
  const i = p.geonames ? findGeonames(x, p.geonames) : p.wikidata ? findWikidata(x, p.wikidata) : -1;
  const where = (i >= 0 && levelOf(x, i) === 'city' ? regionOf(x, i) : null) ?? p.country;
  // Population only for populated places: a region's is a sum over its places, not a census figure.
  const pop =
    i >= 0 && p.kind === 'city' && x.population[i] > 0 ? `pop ${x.population[i].toLocaleString('en-US')}` : p.kind;
  return `${p.name}${where ? `, ${where}` : ''} (${pop})`;
}
