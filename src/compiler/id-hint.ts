/**
 * id-hint: for a reference that names no defined id, the defined id it most likely meant. Ids are
 * case-sensitive (`#Dnipro` and `of=dnipro` are two ids), which annotators rarely expect, so a
 * reference that differs from a definition only by case says which one and why. Pure.
 */

/** `did you mean "Dnipro"? (ids are case-sensitive)` when one defined id differs from `id` only by case, else null. */
export function idHint(id: string, defined: Iterable<string>): string | null {
  const lower = id.toLowerCase();
  for (const candidate of defined) {
    if (candidate !== id && candidate.toLowerCase() === lower)
      return `did you mean "${candidate}"? (ids are case-sensitive)`;
  }
  return null;
}
