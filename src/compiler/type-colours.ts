/** type-colours: checks the events' types against the declared table of type colours (data/types.json). Pure. */
import type { Diagnostic, EventFeature } from '../contract.js';

/** Where the table lives, for messages. */
export const TYPE_TABLE = 'data/types.json';
import { FALLBACK_COLOUR } from '../constants.js';
import { closestName } from './closest-name.js';

export { FALLBACK_COLOUR };

/**
 * One warning per event type that the table does not declare, at the first claim of its first event:
 * the map draws it in the fallback grey until the table gives it a colour (never a colour taken from
 * another type, so published maps keep theirs). `pathOf`: a document id → its file, for the location.
 */
export function undeclaredTypes(
  events: readonly EventFeature[],
  table: Readonly<Record<string, string>>,
  pathOf: ReadonlyMap<string, string>,
  fallback = FALLBACK_COLOUR,
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of events) {
    const { type, claims } = f.properties;
    if (Object.hasOwn(table, type) || seen.has(type)) continue;
    seen.add(type);
    const claim = claims[0];
    const meant = closestName(type, Object.keys(table));
    out.push({
      severity: 'warning',
      file: pathOf.get(claim?.document ?? '') ?? claim?.document ?? TYPE_TABLE,
      line: claim?.line ?? 1,
      column: claim?.column ?? 1,
      message: `event type "${type}" has no colour in ${TYPE_TABLE}${meant ? `; if it is a slip for "${meant}", write type=${meant}` : ''}; it is drawn grey (${fallback}) until you add "${type}": "#RRGGBB" there (see data/README.md, "Type colours")`,
    });
  }
  return out;
}
