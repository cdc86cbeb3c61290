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

/**
 * `"e1" is the id of :event[A missile hit Kyiv.] (6:1), not of a place` when a reference for one kind
 * names an id that this document defines for another (place=e1, of=e1 on a :place), else null.
 */
export function otherKindHint(
  id: string,
  kind: string,
  annotations: ReadonlyArray<{
    kind: string;
    label: string;
    line: number;
    column: number;
    attributes: Record<string, string>;
  }>,
): string | null {
  const other = annotations.find((a) => a.kind !== kind && a.attributes.id === id);
  if (!other) return null;
  const words = other.label.replace(/\s+/g, ' ');
  return `"${id}" is the id of :${other.kind}[${words.length > 30 ? `${words.slice(0, 29)}…` : words}] (${other.line}:${other.column}), not of a ${kind}: name a ${kind}'s id here`;
}
