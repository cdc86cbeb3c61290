/**
 * Designators: the words around a name that say what kind of place it is ("the Kursk region",
 * "Rapides Parish", "eastern Ukraine", "Russian territory"). The words themselves are data
 * (data/gazetteer/designators.yaml); this module only takes a mention apart.
 */
import { normalizeName } from './normalize.js';

/** The level of place a trailing designator names; `any` says nothing about the level. */
export type DesignatorClass = 'region' | 'county' | 'city' | 'any';

export const DESIGNATOR_CLASSES: readonly DesignatorClass[] = ['region', 'county', 'city', 'any'];

/** The table as written in designators.yaml. */
export interface DesignatorTable {
  articles: string[];
  qualifiers: string[];
  trailing: Record<DesignatorClass, string[]>;
  /** Natural Earth admin-1 type → suffix of the English display name ("Oblast" → "Kursk Oblast"). */
  display_suffix: Record<string, string>;
  /** Natural Earth admin-1 types of regions that are cities (Moscow, Kyiv City). */
  city_region_types: string[];
}

/** One reading of a mention: the name to look up and what its designator says. */
export interface MentionVariant {
  key: string;
  /** Level named by a stripped trailing designator, null when none was stripped. */
  designator: DesignatorClass | null;
  /** True when a leading qualifier ("northern") was stripped. */
  qualified: boolean;
}

/** The table with every phrase normalised like an index key, longest phrases first. */
export function compileDesignators(t: DesignatorTable): DesignatorTable {
  const norm = (xs: string[]): string[] =>
    [...new Set(xs.map(normalizeName))].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const trailing = {} as Record<DesignatorClass, string[]>;
  for (const c of DESIGNATOR_CLASSES) trailing[c] = norm(t.trailing?.[c] ?? []);
  return {
    articles: norm(t.articles ?? []),
    qualifiers: norm(t.qualifiers ?? []),
    trailing,
    display_suffix: { ...(t.display_suffix ?? {}) },
    city_region_types: [...(t.city_region_types ?? [])],
  };
}

function stripLeading(key: string, words: readonly string[]): string | null {
  for (const w of words)
    if (key.length > w.length + 1 && key.startsWith(w) && key[w.length] === ' ') return key.slice(w.length + 1);
  return null;
}

function stripArticles(key: string, t: DesignatorTable): string {
  let k = key;
  for (let rest = stripLeading(k, t.articles); rest !== null; rest = stripLeading(k, t.articles)) k = rest;
  return k;
}

function stripTrailing(key: string, t: DesignatorTable): { base: string; designator: DesignatorClass } | null {
  let best: { base: string; designator: DesignatorClass; length: number } | null = null;
  for (const c of DESIGNATOR_CLASSES) {
    for (const w of t.trailing[c]) {
      if (key.length > w.length + 1 && key.endsWith(w) && key[key.length - w.length - 1] === ' ') {
        if (!best || w.length > best.length)
          best = { base: key.slice(0, key.length - w.length - 1), designator: c, length: w.length };
        break;
      }
    }
  }
  return best && { base: stripArticles(best.base, t), designator: best.designator };
}

/**
 * The readings of a normalised mention, most literal first: the whole mention as written and
 * without leading articles, then without its trailing designator, then without a leading qualifier (and designator).
 */
export function mentionVariants(key: string, t: DesignatorTable): MentionVariant[] {
  const out: MentionVariant[] = [];
  const seen = new Set<string>();
  const push = (v: MentionVariant): void => {
    const id = `${v.key}|${v.designator}|${v.qualified}`;
    if (v.key && !seen.has(id)) {
      seen.add(id);
      out.push(v);
    }
  };
  // As written first ("The Hague", "the Gulf" are names with their article), then without articles.
  push({ key, designator: null, qualified: false });
  const whole = stripArticles(key, t);
  push({ key: whole, designator: null, qualified: false });
  const trailing = stripTrailing(whole, t);
  if (trailing) push({ key: trailing.base, designator: trailing.designator, qualified: false });
  const rest = stripLeading(whole, t.qualifiers);
  if (rest !== null) {
    const k = stripArticles(rest, t);
    push({ key: k, designator: null, qualified: true });
    const tr = stripTrailing(k, t);
    if (tr) push({ key: tr.base, designator: tr.designator, qualified: true });
  }
  return out;
}
