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
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: a module helper; the deprecated global escape() is never used
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WEAPON_WORDS = /\b(?:missiles?|rockets?|drones?|weapons?|launchers?|warheads?|systems?|munitions?|interceptors?|ICBMs?|IRBMs?|SRBMs?|SLBMs?)\b/i;
const DESIGNATION = /\b(?:[A-Z]{1,4}|[A-Z][a-z]{2,9})-\d{1,3}[A-Z]?\b/g;

export interface WeaponOptions {
  /** Weapon ids already defined elsewhere in the corpus: mentions join them with `of=`. */
  known?: ReadonlySet<string>;
}

export function suggestWeapons(t: ArticleText, catalogue: readonly CatalogueWeapon[], options: WeaponOptions = {}): WeaponMention[] {
  const found: Array<{ start: number; end: number; id: string; entry: CatalogueWeapon | null }> = [];
  const aliases = catalogue.flatMap((w) => w.aliases.map((a) => ({ a, w }))).sort((x, y) => y.a.length - x.a.length);
  if (aliases.length > 0) {
    // Designations are matched as written; names of two or more words in any case.
    const pattern = new RegExp(aliases.map(({ a }) => `(?<![\\w-])(${escape(a)})(?![\\w-])`).join('|'), 'g');
    for (const m of t.text.matchAll(pattern)) {
      const n = m.slice(1).findIndex((g) => g !== undefined);
      found.push({ start: m.index, end: m.index + m[0].length, id: aliases[n].w.id, entry: aliases[n].w });
    }
  }
  for (const m of t.text.matchAll(DESIGNATION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    const si = sentenceIndexAt(t, start);
    if (si < 0 || !WEAPON_WORDS.test(t.text.slice(...t.sentences[si]))) continue;
    found.push({ start, end, id: slug(m[0]), entry: null });
  }
  found.sort((a, b) => a.start - b.start);
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
      } else reason = 'not in the weapons catalogue: a designation in a sentence about weapons';
    }
    out.push({ start: f.start, end: f.end, id: f.id, suggestion: { kind: 'weapon', start: f.start, end: f.end, attributes, confidence: f.entry ? 0.9 : 0.6, ...(reason ? { reason } : {}) } });
  }
  return out;
}
