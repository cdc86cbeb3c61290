/**
 * The one key under which names are indexed and looked up: "Dnipropetrovs'k", "DNIPROPETROVSK" and
 * "Dnipropetrovsk" meet; "U.S." and "US" meet; "St. Louis" and "St Louis" meet. Scripts are kept
 * (Cyrillic "Дніпро" stays Cyrillic), only their marks and case are folded.
 */

/** Characters dropped outright: dots of abbreviations, apostrophes and primes of transliterations. */
const DROPPED = /[.\u0027\u2018\u2019\u02bc\u02b9\u02bb\u2032\u00b4`]/g;
/** Characters that separate words: hyphens, dashes, commas, slashes, brackets. */
const SEPARATORS = /[-\u2010-\u2015_,;:/()\u00a0\s]+/g;
/** Combining marks left by NFKD (accents, the breve of й, the diaeresis of ї). */
const MARKS = /\p{M}/gu;

export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(DROPPED, '').replace(SEPARATORS, ' ').trim();
}

/** A possessive ending written on a place name ("Russia's", "Kyiv’s"), which names the same place. */
const POSSESSIVE = /['\u2019]s$/i;

export function stripPossessive(text: string): string {
  return text.replace(POSSESSIVE, '');
}

/** An abbreviation's key without spaces: "W. Va." and "W.Va." meet as "wva". */
export function compactKey(key: string): string {
  return key.replace(/ /g, '');
}

/** Plurals of a demonym key ("russian" → "russians"); none for forms that take no -s (Chinese, Swiss, Dutch). */
export function pluralKeys(key: string): string[] {
  if (/(s|sh|ch|x|z|ese)$/.test(key)) return [];
  return [`${key}s`];
}
