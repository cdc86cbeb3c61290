/**
 * claimants: who a sentence says is the source of what it reports, from attribution phrases:
 * "according to X", "X said/confirmed/reported/claimed/announced", "…, X said." Falls back to
 * "the article (unattributed)". Pure.
 */
export const UNATTRIBUTED = 'the article (unattributed)';

const VERBS = 'said|says|confirmed|confirms|reported|reports|claimed|claims|announced|announces|stated|states|told|warned|warns|added|alleged|noted|wrote|estimated|estimates';
const NAME = String.raw`(?:the\s+)?(?:[\p{Lu}][\p{L}\p{M}.'’-]*|of|the|and|for|on|'s|’s|\s)+?`;
const ACCORDING = /\baccording to\s+((?:the\s+|a\s+)?[^,.;]{2,80}?)(?=[,.;]|\s+(?:on|in|which|who)\b|$)/iu;
const BEFORE_VERB = new RegExp(String.raw`((?:the\s+|The\s+)?(?:[\p{Lu}][\p{L}\p{M}.'’-]*[\s\u00a0]+)*(?:[\p{Lu}][\p{L}\p{M}.'’-]*|officials|ministry|military|army|forces|intelligence|spokesperson|spokesman|spokeswoman|governor|authorities|president))[\s\u00a0]+(?:${VERBS})\b`, 'u');
const AFTER_VERB = new RegExp(String.raw`,\s*(?:${VERBS})\s+(${NAME})[.,]`, 'u');

/** The claimant of one sentence. */
export function claimantOf(sentence: string): { claimant: string; found: boolean } {
  const tidy = (s: string) => s.trim().replace(/^The\s/, 'the ').replace(/\s+/g, ' ');
  const a = ACCORDING.exec(sentence);
  if (a) return { claimant: tidy(a[1]), found: true };
  const b = BEFORE_VERB.exec(sentence);
  if (b && !/^(?:It|He|She|They|We|I|This|That)$/.test(b[1].trim())) return { claimant: tidy(b[1]), found: true };
  const c = AFTER_VERB.exec(sentence);
  if (c?.[1].trim()) return { claimant: tidy(c[1]), found: true };
  return { claimant: UNATTRIBUTED, found: false };
}
