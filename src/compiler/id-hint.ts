/**
 * id-hint: for a reference that names no defined id, the defined id it most likely meant. Ids are
 * case-sensitive (`#Dnipro` and `of=dnipro` are two ids), which annotators rarely expect, so a
 * reference that differs from a definition only by case says which one and why. Pure.
 */
import { describeCharacter } from './lookalikes.js';

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
 * `the mention at 6:22 defines "ky\u00ADiv", with U+00AD SOFT HYPHEN (invisible) pasted in; delete it there` when
 * an annotation's id is `id` but for invisible characters (its definition is an error of its own), else null.
 */
export function invisibleHint(
  id: string,
  annotations: ReadonlyArray<{ line: number; column: number; attributes: Record<string, string> }>,
): string | null {
  const other = annotations.find(
    (a) => a.attributes.id !== undefined && a.attributes.id !== id && a.attributes.id.replace(/\p{Cf}/gu, '') === id,
  );
  if (!other) return null;
  const char = /\p{Cf}/u.exec(other.attributes.id)![0];
  return `the mention at ${other.line}:${other.column} defines "${other.attributes.id}", with ${describeCharacter(char)} pasted in; delete it there`;
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
