/**
 * closest-name: for a misspelt name (an attribute, a status, a kind, a front-matter key, an event type),
 * the known name it most likely meant, so that an error names the fix: `claimaint` → "claimant",
 * `Reported` → "reported", `missle-strike` → "missile-strike". Pure.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The one known name closest to `name` by edit distance, compared without case, when it is close
 * enough to be a slip (at most 1 edit for names of up to 4 characters, 2 up to 8, else 3) and no other
 * known name is as close; else null.
 */
export function closestName(name: string, known: Iterable<string>): string | null {
  const key = name.toLowerCase();
  if (key.length < 2) return null;
  const limit = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const candidate of known) {
    if (candidate === name) return null;
    const d = distance(key, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && candidate !== best) tied = true;
  }
  return best !== null && bestDistance <= limit && !tied ? best : null;
}

/** `did you mean "claimant"? ` (to stand before a message's list of what is allowed), or "". */
export function didYouMean(name: string, known: Iterable<string>): string {
  const meant = closestName(name, known);
  return meant === null ? '' : `did you mean "${meant}"? `;
}

/**
 * Up to three of `known` closest to `id` (an event, range or document id, an event type), to list
 * after "did you mean": one that contains it or that it contains first, then by edit distance.
 */
export function closestIds(id: string, known: Iterable<string>): string[] {
  const score = (k: string) => (k.includes(id) || id.includes(k) ? -1 : distance(id, k));
  return [...known]
    .map((k) => ({ k, d: score(k) }))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 3)
    .map((x) => x.k);
}
