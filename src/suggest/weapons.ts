/**
 * weapons: mentions of catalogued weapons (any name, alias or designation) and of uncatalogued
 * designations in a sentence about weapons ("KN-11", "Hwasong-19"). The first mention of a weapon
 * defines it (`#id`, `class`), later ones join it (`of=`); a weapon the corpus already defines is
 * joined from the first mention. Pure.
 */
import type { CatalogueWeapon } from './catalogue.js';
import type { Suggestion } from './suggestion.js';
import { slug } from './suggestion.js';
import type { ArticleText } from './text.js';
import { isBlocked, sentenceIndexAt } from './text.js';

export interface WeaponMention {
  start: number;
  end: number;
  id: string;
  suggestion: Suggestion;
  /** A kind of weapon named by its target ("anti-personnel mines"), not a designation or a catalogued name. */
  generic: boolean;
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: a module helper; the deprecated global escape() is never used
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WEAPON_WORDS =
  /\b(?:missiles?|rockets?|drones?|bombs?|weapons?|launchers?|warheads?|systems?|munitions?|interceptors?|ICBMs?|IRBMs?|SRBMs?|SLBMs?|launch|launched|test-fired|fired|intercept|intercepts|intercepted|interception|shot\s+down)\b/i;
/** A kind of weapon named by its target, not by a designation ("anti-personnel mines", "anti-ship ballistic missile"). */
const GENERIC =
  /\banti-?(?:personnel|tank|ship|air|aircraft|armou?r)\s+(?:ballistic\s+|cruise\s+|guided\s+)?(?:missiles?|mines|landmines|mine|rockets?)\b/gi;
const AIRCRAFT_AFTER =
  /^s?\s+(?:strategic\s+|fighter\s+|stealth\s+|transport\s+|attack\s+)?(?:bombers?|jets?|fighters?|aircraft|planes?|warplanes?|helicopters?|gunships?|tankers?|interceptor\s+jets?)\b/i;
/** "Kh-101", "Hwasong-19", "FAB-1500" (four digits after capitals only: "Sword-2024A" names drills). */
const DESIGNATION = /\b(?:[A-Z]{1,4}-\d{1,4}|[A-Z][a-z]{2,9}-\d{1,3})[A-Z]?(?=s?\b)/g;
/**
 * A weapon the text names as it introduces it: "a new drone they call Jaffa", "a missile called
 * Oreshnik", "a rocket dubbed Fadi", "the system known as Dome". The name is one or two capitalised words.
 */
const NAMED_AS =
  /\b(?:drones?|missiles?|rockets?|weapons?|warheads?|interceptors?|torpedo(?:es)?|munitions?)(?:\s+[a-z]+){0,2}?\s+(?:calls?|called|named|dubbed|known\s+as)\s+(?:the\s+)?["“‘]?(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)?)/gu;

/**
 * A system named before what kind of defence or missile system it is: "the Arrow air defence system",
 * "a THAAD missile defence battery", "Bastion coastal missile systems". The name is one capitalised word
 * or an acronym; a people's adjective ("Israeli air defence systems", "the Houthi missile system") is not
 * a name.
 */
const SYSTEM =
  /\b(\p{Lu}[\p{Ll}]+|\p{Lu}{3,6})\s+(?:air|missile|coastal|anti-aircraft|anti-missile)[\s-](?:defen[cs]e\s+)?(?:missile\s+)?(?:systems?|batter(?:y|ies)|interceptors?|launchers?)\b/gu;
const PEOPLE = /(?:ian|ean|ese|ish|ic|i|an)$/;
/**
 * A weapon the text names by a proper name right before its kind: "the Ababeel missile", "Type 12 missiles",
 * "the Dark Eagle hypersonic weapon", "its Burevestnik cruise missile". One or two capitalised words (or
 * "Type 12"), up to two words of kind ("hypersonic", "cruise", "anti-ship"), then the weapon noun, which is not
 * itself the modifier of another noun ("a Sunday missile strike", "Hamas rocket fire").
 */
const NAME_KIND =
  /\b((?:\p{Lu}\p{Ll}{2,}(?:[ \u00a0]\p{Lu}\p{Ll}{2,})?)|Type[ \u00a0]\d{1,3}[A-Z]?)[ \u00a0]+((?:(?:hypersonic|ballistic|cruise|anti-ship|anti-aircraft|guided|glide|attack|kamikaze|loitering|surface-to-air|surface-to-surface|air-to-surface|air-launched|ship-launched|supersonic|subsonic|nuclear-capable|short-range|medium-range|long-range|intermediate-range|intercontinental|sea|naval|underwater)[ \u00a0]+){0,2}(?:missiles?|rockets?|drones?|glide[ \u00a0]+bombs?|torpedo(?:es)?|interceptors?|weapons?))\b(?![ \u00a0]+(?:strikes?|attacks?|launch(?:es|ers?)?|tests?|programm?e?s?|fragments|debris|factor(?:y|ies)|plants?|bases?|sites?|units?|defen[cs]es?|alerts?|sirens|warnings?|production|makers?|industry|forces|troops|crews|operators|barrages?|salvos?|waves?|campaigns?|threats?|fire|shield|systems?|batter(?:y|ies)|brigades?)\b)/gu;
/** Days and months, capitalised but no names of weapons ("a Monday drone", "the May missiles"). */
const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** A word used as a group, a party or a people elsewhere in the text ("Hamas said", "Hezbollah's", "Houthis fired"): no weapon's name. */
const actsElsewhere = (text: string, word: string) =>
  new RegExp(
    String.raw`\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:['’]s\b|s?\s+(?:(?:has|have|had)\s+)?(?:said|says|claimed|claims|fired|launched|attacked|struck|fighters|militants|group|movement|forces|leaders?|officials?|spokesman|spokesperson)\b)`,
    'u',
  ).test(text);
/** Acronyms of states, alliances and armed forces, which own systems rather than name them ("NATO air defence systems"). */
const OWNERS = /^(?:NATO|USA|UAE|USSR|ASEAN|OSCE|IDF|IRGC|RSF|SAF|PLA|KPA|AFU|HTS|ISIS|JNIM|SDF|PKK|YPG)$/;

/** A dash of any kind, or a space, that may join a designation's letters and digits ("Kh-101", "Kh 101", "Kh‑101"). */
const JOIN = String.raw`[-‐‑–\s]?`;
/**
 * How a catalogued alias is matched in a text: as written, but with the joint between letters and digits
 * in any of its written forms ("Kh-101", "Kh 101", "Kh101", "Fateh 110", "S400"), and in the plural
 * ("two Neptunes", "seven Kh-101s", "Iskander-Ms"; not after a final s: "ATACMS"). A possessive
 * ("Kalibr's") ends at the apostrophe.
 */
export function aliasPattern(alias: string): string {
  const body = escape(alias).replace(/(?<=\p{L})[- ](?=\d)|(?<=\d)[- ](?=\p{L})/gu, JOIN);
  return `${body}${/[sS]$/.test(alias) ? '' : 's?'}`;
}
/** After a weapon's name: the end of the word, or a suffix that makes it a kind ("Shahed-type drones", "Kalibr-class"). */
const ALIAS_END = String.raw`(?=$|[^\w-]|-(?:type|style|like|class|series|family|made)\b)`;

/**
 * Whether an ambiguous alias at [start, end) names a weapon: its sentence is about weapons, and the word
 * is not part of a longer name ("Emad Hajjaj", "al-Quds", "Quds Force", "the Lancet medical journal").
 */
function standsForWeapon(t: ArticleText, start: number, end: number): boolean {
  const si = sentenceIndexAt(t, start);
  if (si < 0 || !WEAPON_WORDS.test(t.text.slice(...t.sentences[si]))) return false;
  if (/\b(?:al|el|Al|El)[-‐\s]$/.test(t.text.slice(Math.max(0, start - 4), start))) return false;
  return !/^\s+(?:\p{Lu}|Force\b|journal\b|medical\b)/u.test(t.text.slice(end, end + 12));
}

export interface WeaponOptions {
  /** Weapon ids already defined elsewhere in the corpus: mentions join them with `of=`. */
  known?: ReadonlySet<string>;
  /** The document's id: a weapon named only by its kind gets an id unique to the document. */
  docId?: string;
}

export function suggestWeapons(
  t: ArticleText,
  catalogue: readonly CatalogueWeapon[],
  options: WeaponOptions = {},
): WeaponMention[] {
  const found: Array<{
    start: number;
    end: number;
    id: string;
    entry: CatalogueWeapon | null;
    generic?: string;
    system?: string;
  }> = [];
  const aliases = catalogue.flatMap((w) => w.aliases.map((a) => ({ a, w }))).sort((x, y) => y.a.length - x.a.length);
  if (aliases.length > 0) {
    const pattern = new RegExp(aliases.map(({ a }) => `(?<![\\w-])(${aliasPattern(a)})${ALIAS_END}`).join('|'), 'gu');
    for (const m of t.text.matchAll(pattern)) {
      const n = m.slice(1).findIndex((g) => g !== undefined);
      const { a, w } = aliases[n];
      if (w.ambiguous.includes(a) && !standsForWeapon(t, m.index, m.index + m[0].length)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, id: w.id, entry: w });
    }
  }
  // A catalogued name's stem, where only one entry has it and the catalogue lists it under no one alias
  // ("the Fattah" for Fattah-1): after an article or a count, before no capitalised word ("Abdel Fattah
  // al-Burhan", "Fattah El-Sisi", "the Fattah family" are people), in a sentence about weapons.
  const stems = new Map<string, CatalogueWeapon | null>();
  for (const w of catalogue) {
    const stem = /^(\p{Lu}\p{Ll}{3,})-\d{1,3}[A-Z]?$/u.exec(w.name)?.[1];
    if (stem) stems.set(stem, stems.has(stem) ? null : w);
  }
  for (const w of catalogue) for (const a of w.aliases) if (stems.has(a)) stems.delete(a);
  for (const [stem, w] of stems) {
    if (!w) continue;
    const re = new RegExp(
      String.raw`(?<=\b(?:the|a|an|its|their|new|\d+)\s)${escape(stem)}s?(?![\w-])(?!\s+(?:\p{Lu}|al-|el-|bin\b|ibn\b|(?:family|families|clan|tribe|household|brothers|sisters|home|house|residence)\b))`,
      'gu',
    );
    for (const m of t.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const si = sentenceIndexAt(t, start);
      if (found.some((f) => start < f.end && end > f.start)) continue;
      if (si < 0 || !WEAPON_WORDS.test(t.text.slice(...t.sentences[si]))) continue;
      found.push({ start, end, id: w.id, entry: w });
    }
  }
  const designations = [...t.text.matchAll(DESIGNATION)].map((m) => {
    const si = sentenceIndexAt(t, m.index);
    return { m, weaponry: si >= 0 && WEAPON_WORDS.test(t.text.slice(...t.sentences[si])) };
  });
  // A designation the text has named in a sentence about weapons is that weapon wherever it is named
  // again ("The Fath-360 can strike targets about 120 km away").
  const named = new Set(designations.filter((d) => d.weaponry).map((d) => d.m[0]));
  for (const { m, weaponry } of designations) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    if (!weaponry && !named.has(m[0])) continue;
    // "B-52 bombers", "Su-34 jets": an aircraft, which carries weapons but is none.
    if (AIRCRAFT_AFTER.test(t.text.slice(end, end + 30))) continue;
    found.push({ start, end, id: slug(m[0]), entry: null });
  }
  for (const m of t.text.matchAll(SYSTEM)) {
    const start = m.index;
    const end = start + m[1].length;
    if (PEOPLE.test(m[1]) || OWNERS.test(m[1]) || found.some((f) => start < f.end && end > f.start)) continue;
    // The first word of a sentence is capitalised whatever it is ("Coastal missile systems were moved").
    const si = sentenceIndexAt(t, start);
    if (si < 0 || (t.sentences[si][0] === start && !/^\p{Lu}+$/u.test(m[1]))) continue;
    const system = m[0]
      .slice(m[1].length)
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/batteries$/, 'battery')
      .replace(/s$/, '');
    found.push({ start, end, id: slug(m[1]), entry: null, system });
  }
  for (const m of t.text.matchAll(NAME_KIND)) {
    const start = m.index;
    const end = start + m[1].length;
    const first = m[1].split(/[ \u00a0]/)[0];
    if (
      // A people's adjective, of one word or two ("Danish", "North Korean", "Western").
      m[1].split(/[ \u00a0]/).some((w) => PEOPLE.test(w) || /(?:ern|ch)$/.test(w)) ||
      OWNERS.test(m[1]) ||
      CALENDAR.test(first) ||
      found.some((f) => start < f.end && end > f.start)
    )
      continue;
    // The first word of a sentence is capitalised whatever it is ("Cruise missiles hit the port").
    const si = sentenceIndexAt(t, start);
    if (si < 0 || /^[\s"“‘(]*$/.test(t.text.slice(t.sentences[si][0], start))) continue;
    if (actsElsewhere(t.text, m[1])) continue;
    // "RM-70 Vampire rockets": a designation and the name after it are one weapon's words.
    const before = found.find((f) => !f.generic && /^[ \u00a0]$/.test(t.text.slice(f.end, start)));
    if (before) {
      before.end = end;
      continue;
    }
    const kind = m[2]
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/(?:torpedoes|(?<=\w)s)$/, (x) => (x === 'torpedoes' ? 'torpedo' : ''));
    found.push({ start, end, id: slug(m[1]), entry: null, system: kind });
    named.add(m[1]);
  }
  // A name given before its kind is that weapon wherever the text names it again ("the Ababeel missile … the Ababeel has").
  for (const name of named) {
    if (!/^(?:\p{Lu}\p{Ll}{2,}(?:[ \u00a0]\p{Lu}\p{Ll}{2,})?|Type[ \u00a0]\d{1,3}[A-Z]?)$/u.test(name)) continue;
    const again = new RegExp(String.raw`(?<![\w-])${escape(name)}s?(?![\w-])(?![ \u00a0]+\p{Lu})`, 'gu');
    for (const m of t.text.matchAll(again)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ start, end, id: slug(name), entry: null });
    }
  }
  for (const m of t.text.matchAll(NAMED_AS)) {
    const start = m.index + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    found.push({ start, end, id: slug(m[1]), entry: null });
  }
  for (const m of t.text.matchAll(GENERIC)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    // "Kh-22 anti-ship missiles": the kind right after a named weapon says what that weapon is, not another one.
    if (found.some((f) => !f.generic && /^\s+$/.test(t.text.slice(f.end, start)))) continue;
    // "anti-personnel mines" and "anti-personnel mine" are one kind of weapon in one document.
    const kind = slug(m[0].replace(/landmines?/i, 'mine').replace(/(mine|missile|rocket)s\b/i, '$1'));
    found.push({
      start,
      end,
      id: options.docId ? `${kind}-${slug(options.docId)}` : kind,
      entry: null,
      generic: m[0]
        .toLowerCase()
        .replace(
          /^anti-?(\w+)\s+(?:(ballistic|cruise|guided)\s+)?(\w+?)s?$/,
          (_, t, b, n) => `anti-${t} ${b ? `${b} ` : ''}${n.replace(/^landmine$/, 'mine')}`,
        ),
    });
  }
  found.sort((a, b) => a.start - b.start);
  // "3M-14 Kalibr", "9K720 Iskander-M": a designation and a name of one catalogued weapon side by side are one mention.
  for (let i = found.length - 1; i > 0; i--) {
    const [a, b] = [found[i - 1], found[i]];
    if (a.entry && a.entry === b.entry && /^[ \u00a0]$/.test(t.text.slice(a.end, b.start))) {
      a.end = b.end;
      found.splice(i, 1);
    }
  }
  const defined = new Set(options.known ?? []);
  const out: WeaponMention[] = [];
  for (const f of found) {
    if (isBlocked(t, f.start, f.end)) continue;
    const attributes: Record<string, string> = {};
    let reason: string | undefined;
    if (defined.has(f.id)) attributes.of = f.id;
    else {
      defined.add(f.id);
      attributes.id = f.id;
      if (f.entry) {
        if (t.text.slice(f.start, f.end) !== f.entry.name) attributes.name = f.entry.name;
        attributes.class = f.entry.class;
        reason = catalogueReason(f.entry);
      } else if (f.generic) {
        attributes.class = f.generic;
        reason = 'a kind of weapon, not a designation: name it if the text says which';
      } else if (f.system) {
        attributes.class = f.system;
        reason = `not in the weapons catalogue: named before "${f.system}"`;
      } else reason = 'not in the weapons catalogue: a designation in a sentence about weapons';
    }
    out.push({
      start: f.start,
      end: f.end,
      id: f.id,
      generic: !!f.generic,
      suggestion: {
        kind: 'weapon',
        start: f.start,
        end: f.end,
        attributes,
        confidence: f.entry ? 0.9 : 0.6,
        ...(reason ? { reason } : {}),
      },
    });
  }
  return out;
}

/**
 * The mentions less the kinds of weapon named where nothing happens: a kind ("anti-personnel mines")
 * names no particular weapon, so it is worth marking only as what an event used or a range is stated
 * for, not in analysis, background or a headline ("The use of anti-personnel mines raises concerns").
 * A designation or catalogued name is kept wherever it stands. `keep(start)` says whether the mention
 * at `start` stands in such a sentence. The first kept mention of a kind defines it (`#id`, `class`).
 */
export function withoutIdleKinds(
  mentions: readonly WeaponMention[],
  keep: (start: number) => boolean,
): WeaponMention[] {
  const kept = mentions.filter((m) => !m.generic || keep(m.start));
  const definition = new Map<string, Suggestion>();
  for (const m of mentions) if (m.generic && m.suggestion.attributes.id) definition.set(m.id, m.suggestion);
  const defined = new Set<string>();
  return kept.map((m) => {
    if (!m.generic || !definition.has(m.id)) return m;
    if (defined.has(m.id)) {
      if (m.suggestion.attributes.of) return m;
      const { reason: _, ...rest } = m.suggestion;
      return { ...m, suggestion: { ...rest, attributes: { of: m.id } } };
    }
    defined.add(m.id);
    if (m.suggestion.attributes.id) return m;
    const def = definition.get(m.id) as Suggestion;
    return {
      ...m,
      suggestion: { ...m.suggestion, attributes: { ...def.attributes }, ...(def.reason ? { reason: def.reason } : {}) },
    };
  });
}

/** What the reviewer should know of a catalogue entry's figures: whether anyone has checked them against their source. */
export function catalogueReason(e: CatalogueWeapon): string | undefined {
  if (!e.range) return 'catalogue: no sourced range figure for this weapon';
  if (e.range.verified) return undefined;
  const km = e.range.min !== null ? `${e.range.min}–${e.range.max} km` : `${e.range.max} km`;
  return `catalogue: class ${e.class} and range ${km} unverified (not yet checked against ${e.range.source})`;
}
