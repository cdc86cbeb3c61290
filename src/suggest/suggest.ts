/**
 * suggest: an article's text → the annotations a draft proposes (places, weapons, stated ranges,
 * events with their dates and claimants), each a Suggestion the draft marks `review=pending`. Pure,
 * given the place index, the weapons catalogue and a tagger.
 */
import { RANGE_CLASSES } from '../constants.js';
import type { CatalogueWeapon } from './catalogue.js';
import { type Claimant, claimantAfter, claimantOf, UNATTRIBUTED } from './claimants.js';
import { findDates, type FoundDate } from './dates.js';
import { nameEvents, numberedEventId } from './event-ids.js';
import { nestable } from './draft.js';
import {
  ANAPHORA,
  claimSuggestion,
  BLAME,
  blameSuggestion,
  DENIAL,
  DENIES_BACK,
  denialSuggestion,
  eventSuggestion,
  followUpSuggestion,
  isLaunchOrigin,
  isUntypedAccount,
  joinedAccount,
  launchSuggestion,
  partSuggestion,
  withinOthers,
} from './events.js';
import { isHeadline, suggestPlaces, type PlaceIndex, type PlaceMention } from './places.js';
import { designationBefore, findRanges, rangeSuggestion, statedOrigin } from './ranges.js';
import { slug, type Suggestion } from './suggestion.js';
import type { Tagger } from './tagger.js';
import { articleText, sentenceIndexAt } from './text.js';
import { suggestWeapons, withoutIdleKinds, type WeaponMention } from './weapons.js';

export interface SuggestOptions {
  /** The document's id: event ids and generic weapon ids are made from it, so they are unique in a corpus. */
  docId: string;
  /** YYYY-MM-DD, for relative dates; null when unknown. */
  published: string | null;
  index: PlaceIndex;
  catalogue: readonly CatalogueWeapon[];
  tagger: Tagger;
  /** Weapon ids the corpus defines already. */
  knownWeapons?: ReadonlySet<string>;
}

export interface Suggested {
  suggestions: Suggestion[];
  /** Dates found, by sentence index (for the bench). */
  dates: Map<number, FoundDate[]>;
}

/** A day or a run of days: "2024-11-21", "2024-11-19/2024-11-21". */
/** Words that can name what a clause tells ("the Tutor was hit" → tutor, hit), lower case, without "'s". */
const FUNCTION_WORDS = new Set(
  'the a an and or but of in on at to by for from with as was were is are be been being had has have it its their they them this that these those which who whom whose there then than after before over into onto up out off not no'.split(
    ' ',
  ),
);
function contentWords(s: string): string[] {
  return (s.toLowerCase().match(/\p{L}[\p{L}\d-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w));
}
const DAYS = /^\d{4}-\d\d-\d\d(?:\/\d{4}-\d\d-\d\d)?$/;
/** A crude stem, for counting the words two sentences share ("missiles" and "missile"). */
const stem = (w: string) => w.replace(/(?:es|s)$/, '');

/** A run of days: "2024-11-19/2024-11-21". */
const RUN = /^\d{4}-\d\d-\d\d\/\d{4}-\d\d-\d\d$/;
/** Whether a value is one day inside a run of days. */
const withinRun = (value: string, run: string) =>
  /^\d{4}-\d\d-\d\d$/.test(value) && value >= run.slice(0, 10) && value <= run.slice(11);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && a.end > b.start;

export function suggest(text: string, o: SuggestOptions): Suggested {
  const t = articleText(text);
  // Who each sentence is attributed to, read in order: "It accused …" is whoever the sentence before was.
  const claimants: Array<Readonly<Claimant>> = [];
  for (const [s, e] of t.sentences) claimants.push(claimantAfter(text.slice(s, e), claimants.at(-1) ?? null));
  const weapons: WeaponMention[] = suggestWeapons(t, o.catalogue, { known: o.knownWeapons, docId: o.docId });
  const places: PlaceMention[] = suggestPlaces(t, o.index, { tagger: o.tagger }).filter(
    (p) => !weapons.some((w) => overlaps(p, w)),
  );
  const suggestions: Suggestion[] = [...places.map((p) => p.suggestion), ...weapons.map((w) => w.suggestion)];
  const weaponSpans = weapons.map((w) => ({ start: w.start, end: w.end, id: w.id }));

  // A weapon's class, from the catalogue or from the class words that named it.
  const classOf = new Map(o.catalogue.map((w) => [w.id, w.class]));
  // The class ranges proposed so far, by weapon: the same class said again of one weapon is not a new claim.
  const classRanges = new Set<string>();
  for (const r of findRanges(t)) {
    if (places.some((p) => overlaps(p, r))) continue;
    const si = sentenceIndexAt(t, r.start);
    const [s, e] = t.sentences[si];
    // A range class describes a weapon of that class: not a catalogued weapon of another class ("an
    // intermediate-range missile based on the RS-26", an ICBM), which it names only as a relative.
    const fits = (w: { id: string }) => {
      const c = classOf.get(w.id);
      return r.basis !== 'class' || c === undefined || !(c in RANGE_CLASSES) || c === r.rangeClass;
    };
    let candidates = weaponSpans.filter(fits);
    // A figure stated of a designation no catalogue names and no other rule took ("the Agni-5, which has a
    // range of more than 5,000 km"): that designation is the weapon (ranges.ts, designationBefore).
    const designation =
      r.basis === 'stated' && !candidates.some((w) => sentenceIndexAt(t, w.start) === si)
        ? designationBefore(text, s, r.start)
        : null;
    if (designation && !places.some((p) => overlaps(p, designation))) {
      const id = slug(designation.label);
      const w = { start: designation.start, end: designation.end, id };
      if (!weaponSpans.some((x) => x.id === id))
        suggestions.push({
          kind: 'weapon',
          start: w.start,
          end: w.end,
          attributes: o.knownWeapons?.has(id) ? { of: id } : { id },
          confidence: 0.5,
          reason: 'not in the weapons catalogue: the designation a stated range is of',
        });
      weaponSpans.push(w);
      candidates = [w];
    }
    let referred = false;
    if (r.basis === 'class' && !candidates.some((w) => sentenceIndexAt(t, w.start) === si)) {
      // With none of its class in the sentence, the class words speak of the weapon of that class the
      // text named before ("the weapon was an intermediate-range missile"), when there is one.
      const earlier = candidates.filter((w) => w.end <= r.start && classOf.get(w.id) === r.rangeClass).at(-1);
      if (earlier) {
        candidates = [earlier];
        referred = true;
      }
    }
    if (r.basis === 'class' && !referred && !candidates.some((w) => sentenceIndexAt(t, w.start) === si)) {
      // "an intermediate-range ballistic missile": the class phrase names an uncatalogued weapon, which wraps the range.
      const m = /^[-\s]+(?:ballistic\s+)?missiles?/i.exec(text.slice(r.end, e));
      if (m) {
        const id = `${slug(text.slice(r.start, r.end + m[0].length))}-${slug(o.docId)}`;
        const w = { start: r.start, end: r.end + m[0].length, id };
        weaponSpans.push(w);
        candidates = [w];
        if (r.rangeClass) classOf.set(id, r.rangeClass);
        suggestions.push({
          kind: 'weapon',
          start: w.start,
          end: w.end,
          attributes: { id, class: r.rangeClass ?? 'missile' },
          confidence: 0.6,
          reason: 'a weapon named only by its range class',
        });
      }
    }
    const stated = statedOrigin(text, t.sentences, si, places, r.end);
    // The origin is what the text states ("from Crimea"), or none: the build keeps an origin-less range as an undrawn claim of its weapon.
    // "Short-range" (0 to 1,000 km, a mortar's range as well as an Iskander's) says little more than
    // that the weapon is not a long-range one: it names a weapon but is not proposed as its range.
    if (r.basis === 'class' && r.rangeClass === 'SRBM') continue;
    const sug = rangeSuggestion(t, r, candidates, stated, claimants[si].claimant);
    if (!sug) continue;
    if (r.basis === 'class') {
      const key = `${sug.attributes.weapon} ${r.rangeClass}`;
      if (classRanges.has(key)) continue;
      classRanges.add(key);
    }
    suggestions.push(sug);
  }

  const dates = new Map<number, FoundDate[]>();
  let n = 0;
  // A sentence that reports an event but gives no date most often tells more of the one told last
  // with a day (claims, tolls, accounts; at first the one the article led with): it takes that date,
  // said so in its reason.
  let carried: FoundDate | null = null;
  let lastEvent: string | null = null;
  // The date of the event told last: a sentence that dates nothing else tells more of it.
  let lastDate: string | null = null;
  // The day (or run of days) of the event told last with one: "a day earlier", "a week later" count
  // from it (a month or a year told since cannot be counted from).
  let lastDay: string | null = null;
  // The event told last, when only the day it was said dates it.
  let saidOnly: Suggestion | null = null;
  // The run of days the event told last took, as the text gave its extent (not a calendar period such
  // as "last week"): a sentence dated to a day inside it tells part of that event.
  let lastRun: string | null = null;
  // Whether that run is the night before a report ("overnight"), not days the text gives.
  let lastRunNight = false;
  // The day the article's last report was said ("officials said on Wednesday"): "overnight" in a later
  // sentence the same sources tell ("…, the officials said") is the night before it.
  let lastSaid: string | null = null;
  // "A day after the Tutor was hit, …": the day the text gave what the clause names, in the nearest earlier
  // sentence that shares the most of its words and dates something on a day ("… where it was hit on 12 June").
  const referredDay = (clause: string, si: number): string | null => {
    const words = new Set(contentWords(clause));
    let best: { score: number; value: string } | null = null;
    for (let j = si - 1; j >= 0 && words.size > 0; j--) {
      const [a, b] = t.sentences[j];
      const shared = new Set(contentWords(text.slice(a, b)).filter((w) => words.has(w))).size;
      const own = (dates.get(j) ?? []).find((d) => !d.reporting && !d.background && /^\d{4}-\d\d-\d\d$/.test(d.value));
      if (shared > 0 && own && shared > (best?.score ?? 0)) best = { score: shared, value: own.value };
    }
    return best?.value ?? null;
  };
  // What "a day after", "later that day" count from: the day (or run of days) of what the text told last,
  // an event's or a sentence's own, also where no event is proposed ("Early on Wednesday, rescuers …" at a
  // place the gazetteer lacks). A month or a year told since is passed over (a week earlier than "began in
  // March" is not counted from it); in the count's own sentence it is the anchor (findDates).
  let lastTold: string | null = null;
  const TOLD = DAYS;
  const sentence = ([s, e]: [number, number], si: number): FoundDate[] => {
    const found = findDates(text, s, e, o.published, lastTold ?? lastDay, lastSaid, (clause) =>
      referredDay(clause, si),
    );
    lastSaid = found.find((d) => (d.reporting || d.statement) && /^\d{4}-\d\d-\d\d$/.test(d.value))?.value ?? lastSaid;
    dates.set(si, found);
    const sentenceText = text.slice(s, e);
    // A possessive claimant ("Russia's Defence Ministry said …") says who tells it, not where it
    // happened: its country stays a place mention but is not the event's place.
    const claimant = claimantOf(sentenceText);
    const named = places.filter(
      (p) =>
        p.start >= s &&
        p.end <= e &&
        !(
          claimant.found &&
          (isClaimantPossessive(text, p, claimant.claimant) ||
            (p.place.kind === 'country' && qualifiesClaimant(sentenceText, p.start - s, p.end - s, claimant.claimant)))
        ),
    );
    // A place that says whose, not where ("a Palau-flagged ship", "Iran-backed rebels", "Yemen's Houthi
    // rebels") is not the event's place when the sentence names another.
    const where = named.filter((p) => !namesWhose(text, p) && !describesNext(text, p, named));
    const inside = where.length > 0 ? where : named;
    // A headline (a line of capitalised words with no full stop, or the article's first line on its own
    // with no full stop: headlines in sentence case) names what the article reports; its sentences report it.
    if (!/[.!?]["”’)]?\s*$/.test(sentenceText) && (isHeadline(sentenceText) || (si === 0 && aloneOnLine(text, s, e))))
      return found;
    // "Tehran denied sending any missiles to Russia": another account of the event whose act it denies,
    // the one told before that shares the most of its words (else the one told last).
    // "Britain later blamed Russia for that attack" likewise: who did the event told before, by whom it is blamed.
    const blames = !!lastEvent && BLAME.test(sentenceText);
    if (lastEvent && (DENIAL.test(sentenceText) || blames)) {
      const words = new Set(contentWords(sentenceText).map(stem));
      let of = lastEvent;
      let best = 0;
      for (const ev of suggestions) {
        if (ev.kind !== 'event' || !ev.attributes.id) continue;
        const shared = new Set(
          contentWords(text.slice(ev.start, ev.end))
            .map(stem)
            .filter((w) => words.has(w)),
        ).size;
        if (shared > best || (shared === best && shared > 0)) {
          best = shared;
          of = ev.attributes.id;
        }
      }
      // "denied it", "denied the report": what was told just before.
      if (DENIES_BACK.test(sentenceText)) of = lastEvent;
      const account = { start: s, end: e, text: sentenceText, claimant: claimants[si] };
      // A blame refers back ("for it", "that attack"): to the event told last, not to the likeliest by its words.
      const denial = DENIAL.test(sentenceText) ? denialSuggestion(account, of) : blameSuggestion(account, lastEvent);
      if (denial) {
        suggestions.push(denial);
        return found;
      }
    }
    // After an event dated only by when it was said, an account may date it to that day or before.
    const said = saidOnly?.attributes.id === lastEvent ? (saidOnly?.attributes.date ?? null) : null;
    const newer = said ? found.filter((d) => !(DAYS.test(d.value) && d.value.slice(0, 10) <= said)) : found;
    const own = found.filter((d) => !d.reporting && !d.background);
    if (
      lastEvent &&
      lastRun &&
      own.length > 0 &&
      own.every((d) => !d.anchored && withinRun(d.value, lastRun!)) &&
      !(lastRunNight && apartFrom(inside, suggestions, lastEvent))
    ) {
      const places = withinOthers(inside, text).map((p) => p.id);
      // One day of the run keeps its day; the whole run is the event's.
      const day = own.length === 1 ? own[0].value : null;
      suggestions.push(
        partSuggestion(
          { start: s, end: e, text: sentenceText, claimant: claimants[si] },
          lastEvent,
          places,
          lastRun,
          day,
        ),
      );
      return found;
    }
    // "The missiles were launched from occupied Crimea": where the event told before was launched from.
    const launched = inside.filter((p) => isLaunchOrigin(text.slice(Math.max(s, p.start - 60), p.start)));
    if (
      lastEvent &&
      launched.length > 0 &&
      launched.length === inside.length &&
      own.every((d) => d.value === lastDate)
    ) {
      const claim = launchSuggestion(
        { start: s, end: e, text: sentenceText, claimant: claimants[si] },
        lastEvent,
        launched.map((p) => p.id),
      );
      if (claim) {
        suggestions.push(claim);
        return found;
      }
    }
    // A named source's account of what had happened at the places of an event told before joins it.
    const told = inside.length
      ? suggestions.findLast(
          (x) =>
            x.kind === 'event' &&
            !!x.attributes.id &&
            inside.every((p) => (x.attributes.place ?? '').split(' ').includes(p.id)),
        )?.attributes.id
      : undefined;
    // "The ministry said Ukraine had fired …", after "… according to Russia's Defence Ministry": a source
    // named again by its head noun tells more of the event it was named for, the one told last.
    const lastClaimant = suggestions.findLast((x) => x.kind === 'event' && x.attributes.id === lastEvent)?.attributes
      .claimant;
    const sameSource = !!lastEvent && namesAgain(claimants[si], lastClaimant);
    const again = !!told && !!lastEvent && isReportedAgain(sentenceText, newer);
    const toll = !!lastEvent && !again && isTollUpdate(sentenceText, newer);
    if (inside.length === 0 || again || toll || (lastEvent && isAnotherAccount(sentenceText, newer, lastDate))) {
      // Whether it is another account is read from its own words (a pronoun's "They said …" joins nothing).
      // Why it joins, for the reviewer: it names no place, its only places say who tells it ("Ukraine's
      // security service said …"), or it refers back to the event told before ("the attack").
      const why = toll
        ? 'a toll counted up to a later day tells more of the event before'
        : inside.length > 0
          ? `it refers back to what was told before ("${ANAPHORA.exec(sentenceText)?.[0] ?? ''}"), attributed, with no date of its own`
          : places.some((p) => p.start >= s && p.end <= e)
            ? 'its only place names who tells it, not where it happened'
            : 'no place in the sentence';
      const claim = lastEvent
        ? claimSuggestion(
            {
              start: s,
              end: e,
              text: sentenceText,
              // A toll with no verb of saying ("By Sunday the ministry put the toll at …") is the article's.
              ...(toll && !claimantOf(sentenceText).found ? { claimant: { claimant: UNATTRIBUTED, found: true } } : {}),
              // The source named again ("the ministry") is written by its fuller name, as the event gave it.
              ...(again && sameSource && lastClaimant ? { claimant: { claimant: lastClaimant, found: true } } : {}),
            },
            again && told && !sameSource ? told : lastEvent,
            why,
          )
        : null;
      // A claim that dates what it tells ("A day earlier the group said it had used …") keeps its own date;
      // one that dates it to several days ("landed on December 30, and several more were launched … on
      // January 2") dates it from the first to the last.
      const ownAll = found.filter((d) => !d.reporting && !d.background);
      const days = ownAll
        .filter((d) => /^\d{4}-\d\d-\d\d$/.test(d.value))
        .map((d) => d.value)
        .sort();
      const own =
        ownAll.length > 1 && days.length === ownAll.length && days[0] !== days.at(-1)
          ? { ...ownAll[0], value: `${days[0]}/${days.at(-1)}`, reason: 'the days the account gives, first to last' }
          : ownAll[0];
      // "North Korea said on Friday it had tested …", then "the missile was launched on Thursday": the
      // event dated only by when it was said takes the day the next account gives of it.
      if (claim && own && saidOnly && saidOnly.attributes.id === lastEvent && DAYS.test(own.value)) {
        if (own.value.slice(0, 10) <= (saidOnly.attributes.date ?? '')) {
          saidOnly.attributes.date = own.value;
          saidOnly.reason = `${saidOnly.reason ?? ''}; date from the account that follows${own.reason ? `, ${own.reason}` : ''}`;
          lastDate = lastDay = own.value;
          carried = own;
        }
        saidOnly = null;
      }
      if (claim && own && !own.reached && own.value !== lastDate && !isNightOf(own, lastDate)) {
        claim.attributes.date = own.value;
        claim.reason = `${claim.reason}; its own date${own.reason ? `, ${own.reason}` : ''}`;
      }
      if (claim && again && sameSource)
        claim.reason = `a named source's account, its source named again by its head noun (${claimants[si].claimant}) after ${lastEvent}, the event told before it, gave it in full: joined to it as another account; status left for the reviewer`;
      else if (claim && again)
        claim.reason = `a named source's account of what had happened at the places of ${claim.attributes.of}: joined to it as another account; status left for the reviewer`;
      // No attribution and no place, straight after the event told last: more of it, in the article's voice.
      const prev = suggestions.findLast((x) => x.kind === 'event');
      const followUp =
        !claim &&
        inside.length === 0 &&
        !places.some((p) => p.start >= s && p.end <= e) &&
        lastEvent &&
        prev &&
        (prev.attributes.id ?? prev.attributes.of) === lastEvent &&
        sentenceIndexAt(t, prev.start) === si - 1
          ? followUpSuggestion({ start: s, end: e, text: sentenceText }, lastEvent)
          : null;
      if (claim) suggestions.push(claim);
      else if (followUp) suggestions.push(followUp);
      if (claim || followUp || inside.length === 0) return found;
    }
    // "In parts of the Kyiv region, sirens failed to sound, local officials said", after an attack in Ukraine:
    // a named source's account, at places inside the country of the event told last, with no word of the
    // type table and no date of its own, tells more of that event.
    const last = lastEvent ? suggestions.findLast((x) => x.attributes.id === lastEvent) : undefined;
    const lastCountries = new Set(
      (last?.attributes.place ?? '')
        .split(' ')
        .map((id) => places.find((p) => p.id === id)?.place.country)
        .filter(Boolean),
    );
    if (
      last &&
      claimants[si]?.found &&
      inside.every((p) => !!p.place.country && lastCountries.has(p.place.country)) &&
      !found.some((d) => !d.reporting && !d.background) &&
      isUntypedAccount(sentenceText)
    ) {
      suggestions.push(
        joinedAccount(
          { start: s, end: e, text: sentenceText },
          { of: last.attributes.id!, claimant: claimants[si]!.claimant },
          `a named source's account at places inside the country of ${last.attributes.id}, the event told before it, with no date of its own: joined to it as another account; status left for the reviewer`,
        ),
      );
      return found;
    }
    const ev = eventSuggestion(
      {
        start: s,
        end: e,
        sentence: text.slice(s, e),
        places: withinOthers(inside, text).map((p) => ({
          id: p.id,
          before: text.slice(Math.max(s, p.start - 60), p.start),
        })),
        dates: nearest(
          eventDates(
            inClause(found, withinOthers(inside, text), text),
            // A sentence that refers back to what was told ("downing the plane", "the attack") goes on with
            // the event told last with a day, even one recalled from before the news; else with the news.
            lastDay && lastDay !== carried?.value && ANAPHORA.test(sentenceText)
              ? {
                  start: s,
                  end: s,
                  value: lastDay,
                  reason: 'the day of the event told just before, which it refers back to',
                }
              : carried,
          ),
          withinOthers(inside, text),
          text,
        ),
        dated: found.some((d) => !d.reporting && !d.background),
        weapons: weapons
          .filter((w) => !w.generic && w.start >= s && w.end <= e)
          .map((w) => ({ start: w.start - s, end: w.end - s })),
        claimant: claimants[si],
      },
      numberedEventId(o.docId, n + 1),
    );
    if (ev) {
      n++;
      // Later undated sentences go on with the event told last, when it was dated to the day; a month
      // or a year ("the first since … in November") is background, and the story goes on as before.
      const own = found.find((d) => !d.background && !d.reporting);
      saidOnly = !own && !carried && found.some((d) => d.reporting && !d.background) ? ev : null;
      // The date the event took (the one nearest its place), not merely the sentence's first.
      if (!carried) {
        const dates = eventDates(found, null);
        carried = dates.find((d) => d.value === ev.attributes.date) ?? dates[0] ?? null;
      }
      // A day recalled from before the news the article leads with ("Lai had said in his inauguration
      // speech on Monday …") is background: later undated sentences go on with the news, not with it.
      // Nor is the day a count was reached ("By Wednesday, 1,300 had been evacuated"): the news goes on.
      else if (own && !own.reached && DAYS.test(own.value) && own.value.slice(0, 10) >= carried.value.slice(0, 10))
        carried = own;
      lastEvent = ev.attributes.id;
      const date = ev.attributes.date;
      lastRun = date && RUN.test(date) && found.some((d) => d.value === date && !d.period) ? date : null;
      lastRunNight = !!lastRun && found.some((d) => d.value === date && d.night);
      lastDate = ev.attributes.date ?? lastDate;
      if (ev.attributes.date && DAYS.test(ev.attributes.date)) lastDay = ev.attributes.date;
      suggestions.push(ev);
    }
    return found;
  };
  t.sentences.forEach(([s, e], si) => {
    const count = suggestions.length;
    const found = sentence([s, e], si);
    const made = suggestions
      .slice(count)
      .find((x) => x.kind === 'event' && !!x.attributes.date && TOLD.test(x.attributes.date));
    const own = found.find(
      (d) => d.value !== '' && !d.reporting && !d.background && !d.period && !d.reached && TOLD.test(d.value),
    );
    const date = made?.attributes.date ?? own?.value;
    if (date) lastTold = date;
  });
  // A kind of weapon is kept where the draft proposes an event or a range: elsewhere it names nothing that happened.
  const busy = new Set(
    suggestions.filter((x) => x.kind === 'event' || x.kind === 'range').map((x) => sentenceIndexAt(t, x.start)),
  );
  const kept = new Map(
    withoutIdleKinds(weapons, (start) => busy.has(sentenceIndexAt(t, start))).map((w) => [w.start, w.suggestion]),
  );
  const weaponSuggestions = new Set(weapons.map((w) => w.suggestion));
  const final = suggestions.flatMap((x) => {
    if (!weaponSuggestions.has(x)) return [x];
    const k = kept.get(x.start);
    return k ? [k] : [];
  });
  // What later sentences carried from an event dated by the month it was said is of that month too.
  let monthOf: { day: string; month: string } | null = null;
  for (const x of final) {
    if (x.kind !== 'event' || x.attributes.of) continue;
    const before = x.attributes.date;
    if (monthOf && before === monthOf.day && x.reason?.includes(CARRIED)) {
      x.attributes.date = monthOf.month;
      x.reason = `${x.reason}; the month of the event it goes on with, dated by the month it was said`;
      continue;
    }
    monthSaid(text, x);
    if (before && x.attributes.date !== before) monthOf = { day: before, month: x.attributes.date as string };
    else if (before) monthOf = null;
  }
  return { suggestions: consistent(text, nameEvents(o.docId, final)), dates };
}

/**
 * Whether a place mention is the possessor in the sentence's claimant ("Ukraine's air force", "the
 * Kremlin's spokesman" aside): the mention is followed by 's and the claimant found reads "<place>'s …".
 */
export function isClaimantPossessive(text: string, p: { start: number; end: number }, claimant: string): boolean {
  const after = /^['’]s\b/.exec(text.slice(p.end, p.end + 2));
  if (!after) return false;
  const words = text.slice(p.start, p.end).toLowerCase();
  const c = claimant.toLowerCase().replace(/’/g, "'");
  return c.startsWith(`${words}'s `) || c.startsWith(`the ${words}'s `);
}

/**
 * Whether a place mention only says whose the claimant is, at the claimant's start before its head ("A
 * U.S. official confirmed …", "Yemeni coastguard officers said …"): the source's country (the caller
 * asks only of countries) is not where what it tells happened. Not a place the claimant is of or in ("the mayor of Odesa"), which may be. `start`,
 * `end`: the mention in the sentence.
 */
export function qualifiesClaimant(sentence: string, start: number, end: number, claimant: string): boolean {
  const words = claimant.trim().split(/\s+/);
  if (words.length < 2) return false;
  const at = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'iu').exec(sentence);
  if (!at || start < at.index || end >= at.index + at[0].length) return false;
  return /^(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+)?$/iu.test(sentence.slice(at.index, start));
}

/** A compound that says whose or from where a thing is, not where it is ("Palau-flagged", "Iran-backed"). */
const WHOSE_COMPOUND =
  /^[-‐‑](?:flagged|registered|owned|operated|based|made|built|backed|funded|supplied|designed)\b/i;
/** A possessive before the forces or authorities of a place ("Yemen's Houthi rebels", "Russia's army"). */
const WHOSE_ACTOR =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,2}(?:rebels|forces|troops|army|military|navy|militia|militias|militants|fighters|government|authorities|regime|coast\s+guard|air\s+force)\b/iu;

/**
 * Whether a place mention says whose something is rather than where it happened: a compound of
 * registry, ownership or backing ("a Palau-flagged cargo ship", "Iran-backed Houthis"), or a possessive
 * before an armed force or government ("Yemen's Houthi rebels"). Not "Russian-held territory", which is where.
 */
export function namesWhose(text: string, p: { start: number; end: number }): boolean {
  const after = text.slice(p.end, p.end + 60);
  return WHOSE_COMPOUND.test(after) || WHOSE_ACTOR.test(after);
}

/** What lies between a place that describes the next one and it: " port of ", " Sea city of the ". */
const DESCRIBES =
  /^\s+(?:[\p{L}-]+\s+)?(?:port|city|town|village|harbou?r|island|enclave|region|province|district)\s+of\s+(?:the\s+)?$/iu;

/**
 * Whether a place mention only describes the place named after it ("the Danube port of Izmail", "the Black
 * Sea city of Odesa", "the Baltic island of Gotland"): the event is at the second, not at both.
 */
export function describesNext(
  text: string,
  p: { start: number; end: number },
  others: readonly { start: number; end: number }[],
): boolean {
  return others.some((q) => q.start > p.end && q.start - p.end <= 40 && DESCRIBES.test(text.slice(p.end, q.start)));
}

/**
 * Whether a sentence is another account of the event told before it: it attributes what it says
 * ("the ministry said"), refers back to it with a definite noun phrase ("the missile was launched
 * from …"), and dates nothing that happened on another day.
 */
export function isAnotherAccount(
  sentence: string,
  found: readonly FoundDate[],
  lastDate: string | null,
  claimant: Readonly<Claimant> = claimantOf(sentence),
): boolean {
  if (!claimant.found || !ANAPHORA.test(sentence)) return false;
  // "Britain said on Tuesday it would impose sanctions over the missiles": the saying is an event of its own.
  if (found.some((d) => d.statement && !d.background)) return false;
  return found.every((d) => d.reporting || d.background || d.value === lastDate || isNightOf(d, lastDate));
}

/**
 * Whether a sentence's places are all apart from the places of the event `id` (none is one of them).
 * "Drones hit Odesa overnight", then "On Tuesday a missile struck a school in Kharkiv": a day inside an
 * overnight run (the night before the report) at other places is another event, not a part of the night's.
 */
function apartFrom(inside: readonly { id: string }[], suggestions: readonly Suggestion[], id: string): boolean {
  const ev = suggestions.find((x) => x.kind === 'event' && x.attributes.id === id);
  const at = new Set((ev?.attributes.place ?? '').split(' ').filter(Boolean));
  return inside.length > 0 && at.size > 0 && inside.every((p) => !at.has(p.id));
}

/** The words of a toll: how many were killed, died, hurt or are missing. */
const TOLL = /\b(?:(?:death\s+)?toll|dead|deaths|killed|died|injured|wounded|hurt|missing|casualties)\b/i;

/**
 * "By Sunday evening the ministry put the toll at more than 2,100 dead": a toll counted up to a day (a
 * `reached` date, the only date the sentence gives of what happened) is another account of the event
 * told before, not a new event on that day; the day is the count's, not the event's.
 */
export function isTollUpdate(sentence: string, found: readonly FoundDate[]): boolean {
  const own = found.filter((d) => !d.reporting && !d.background);
  return own.length > 0 && own.every((d) => d.reached) && TOLL.test(sentence);
}

/**
 * "… said the ship went down during stormy weather overnight", after "sank on Saturday" in an article of
 * Sunday: an "overnight" the account gives (the night before the day of the report) that holds the day of
 * the event told before says nothing against it, so it does not make the account a new event.
 */
function isNightOf(d: FoundDate, lastDate: string | null): boolean {
  return (
    !!lastDate && /^\d{4}-\d\d-\d\d$/.test(lastDate) && !!d.night && RUN.test(d.value) && withinRun(lastDate, d.value)
  );
}

/** A verb of saying and a pluperfect clause after it: "said the group had fired", "claimed that it had hit". */
const SAID_HAD =
  /\b(?:said|says|claimed|claims|confirmed|confirms|stated|announced|told\s+[^,.;]{1,30}?)\s+(?:that\s+)?(?:[\p{L}'’-]+\s+){1,4}?had\s+(?:(?:already|also)\s+)?[a-z]+(?:ed|en|wn|ne|nt|ght|ung)\b/iu;

/**
 * A named source's account of what had happened at the places of the event told just before it ("The
 * group's spokesman said its forces had fired missiles at the tanker in the Gulf of Aden", after the
 * strike there): another account of that event, not a new one. The caller checks the places.
 */
export function isReportedAgain(
  sentence: string,
  found: readonly FoundDate[],
  claimant: Readonly<Claimant> = claimantOf(sentence),
): boolean {
  if (!claimant.found) return false;
  // The source is the sentence's subject, its verb of saying the main one.
  const name = claimant.claimant
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  const opens = new RegExp(`^\\s*${name}\\s+(?:(?:has|have)\\s+)?(?:also\\s+|later\\s+)?`, 'iu').exec(sentence);
  if (!opens || SAID_HAD.exec(sentence)?.index !== opens[0].length) return false;
  // One that dates what it tells is dated by its own words, and may tell another event on that day.
  return found.every((d) => d.reporting || d.background);
}

/**
 * The dates an event sentence gives its event, best first: the dates of what happened before the date
 * something was said ("said on Friday it had tested"); with none, the date carried from the event
 * told last with a day (at first the article's lead event); with none either, when it was said.
 */
/**
 * What was said had gone on before it was said: a present perfect ("Russia has received shipments of …",
 * "the army has deployed …") or a pluperfect passive or progressive ("troops had been sent", "had been
 * supplying"), not a verb of saying. data/README.md, rule 2: the month it was said holds it better than the day.
 */
const GONE_ON =
  /\b(?:(?:has|have)\s+(?:(?:already|now|also|since|repeatedly|recently)\s+)?(?:been\s+)?|had\s+(?:(?:already|also)\s+)?been\s+)(?!(?:said|told|denied|called|announced|warned|claimed|stated|confirmed|reported|urged|asked)\b)[a-z]+(?:ed|en|wn|ne|nt|ght|ung|ing)\b/i;

const SAID_ONLY = 'the date it was said, not necessarily when it happened';
const CARRIED = 'carried from an earlier sentence; the text gives no date of the event here';

/**
 * An event dated only by the day it was said, which no later account dated otherwise, whose words say
 * it had gone on before then (`GONE_ON`, before the date): the month it was said ("2024-09-10" → "2024-09").
 */
function monthSaid(text: string, ev: Suggestion): void {
  const date = ev.attributes.date;
  if (
    !date ||
    !/^\d{4}-\d\d-\d\d$/.test(date) ||
    !ev.reason?.includes(SAID_ONLY) ||
    ev.reason.includes('from the account that follows')
  )
    return;
  if (!GONE_ON.test(text.slice(ev.start, ev.end).split(/\b(?:said|says|told|announced)\b/)[0])) return;
  ev.attributes.date = date.slice(0, 7);
  ev.reason = `${ev.reason}; the month it was said: what was said had gone on before then`;
}

function eventDates(all: FoundDate[], carried: FoundDate | null): FoundDate[] {
  // A saying that is itself the event ("said on Sunday it would send …") dates it, before any date the
  // words recall.
  const statement = all.filter((d) => d.statement);
  if (statement.length > 0) return statement;
  const found = all.filter((d) => !d.background);
  const happened = found.filter((d) => !d.reporting);
  if (happened.length > 0) return happened;
  if (carried) return [{ ...carried, reason: CARRIED }];
  return found.map((d) => ({
    ...d,
    reason: `${d.reason ? `${d.reason}; ` : ''}${SAID_ONLY}`,
  }));
}

/**
 * A date made background by a clause about something else (", which Ukraine has used … in Crimea since
 * last year") is the event's own when the place the event is drawn at lies in that clause and the main
 * clause dates nothing: the clause tells what happened there.
 */
function inClause(found: FoundDate[], places: PlaceMention[], text: string): FoundDate[] {
  const p = drawnAt(places, text);
  // Only when the main clause dates nothing itself ("Qatar, which hosted talks in Doha in March, sent
  // aid to Gaza on Monday": Monday).
  if (!p || found.some((d) => !d.background && !d.reporting)) return found;
  return found.map((d) =>
    d.clause && p.start >= d.clause[0] && p.end <= d.clause[1]
      ? {
          ...d,
          background: false,
          clause: undefined,
          reason: `${d.reason ? `${d.reason}; ` : ''}told of the place in its clause`,
        }
      : d,
  );
}

/** The place an event is drawn at first: the one the sentence puts it "in", "at", "near" …, else the first. */
function drawnAt(places: PlaceMention[], text: string): PlaceMention | undefined {
  return (
    places.find((x) =>
      /\b(?:in|at|on|near|over|into|against)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, x.start - 12), x.start)),
    ) ?? places[0]
  );
}

/**
 * The dates of an event, the one told nearest the place it is drawn at first ("seized the north in 2012
 * and again took up arms last year, when the army recaptured Kidal": last year). Ties keep text order.
 */
function nearest(dates: FoundDate[], places: PlaceMention[], text: string): FoundDate[] {
  if (dates.length < 2) return dates;
  const p =
    places.find((x) =>
      /\b(?:in|at|on|near|over|into|against)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, x.start - 12), x.start)),
    ) ?? places[0];
  if (!p) return dates;
  const dist = (d: FoundDate) => (d.end <= p.start ? p.start - d.end : d.start - p.end);
  return [...dates].sort((a, b) => dist(a) - dist(b));
}

/** The suggestions that can be written, and only those whose references are written too. */
function consistent(text: string, suggestions: Suggestion[]): Suggestion[] {
  let kept = nestable(text, suggestions);
  for (;;) {
    const ids = new Set(kept.filter((s) => s.attributes.id).map((s) => `${s.kind}:${s.attributes.id}`));
    // A weapon the corpus defines is named here by a mention that joins it.
    for (const s of kept) if (s.kind === 'weapon' && s.attributes.of) ids.add(`weapon:${s.attributes.of}`);
    const ok = (s: Suggestion) => {
      if (s.attributes.of && !ids.has(`${s.kind}:${s.attributes.of}`) && s.kind === 'place') return false;
      if (s.kind === 'event' && s.attributes.place?.split(' ').some((p) => !ids.has(`place:${p}`))) return false;
      if (
        s.kind === 'range' &&
        (!ids.has(`weapon:${s.attributes.weapon}`) || (s.attributes.origin && !ids.has(`place:${s.attributes.origin}`)))
      )
        return false;
      return true;
    };
    const next = kept.filter(ok);
    if (next.length === kept.length) return next;
    kept = next;
  }
}

/** Whether text[s, e) is a line of its own with more text after it: only blanks between it and the line breaks (or the text's start) around it. */
export function aloneOnLine(text: string, s: number, e: number): boolean {
  const before = text.slice(Math.max(0, s - 200), s);
  const after = text.slice(e, e + 200);
  const starts = /\n[ \t]*$/.test(before) || (s === before.length && /^[ \t]*$/.test(before));
  return starts && /^[ \t]*\r?\n/.test(after);
}

/**
 * Whether a source is named again by its head noun ("the ministry", "the army") after the fuller name an
 * event gave it ("Russia's Defence Ministry", "the Ukrainian army"): the same source, so the same account.
 */
export function namesAgain(claimant: Readonly<Claimant> | undefined, earlier: string | undefined): boolean {
  const head = claimant?.found ? /^the\s+([\p{Ll}-]+)$/iu.exec(claimant.claimant.trim())?.[1] : undefined;
  if (!head || !earlier || /^the\s+article\b/i.test(earlier)) return false;
  const words = earlier.toLowerCase().split(/[^\p{L}-]+/u);
  return words.at(-1) === head.toLowerCase() && words.length > 1;
}
