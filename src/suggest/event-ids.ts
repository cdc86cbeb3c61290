/**
 * event-ids: readable ids for a draft's events. The engine numbers events as it finds them
 * (`<doc>-event-3`); a reporter writing a story's `select:` or a step has to name them, and a number
 * says nothing. Each becomes `<doc>-<place>-<type>` ("odesa-izmail-izmail-drone-attack"), the first
 * place the event is drawn at and its type, numbered only when two would share it; every reference to
 * it (`of=`) follows. The document's slug stays in front: events with one id in two documents are one
 * event to the build, so an id must not meet another document's by chance. Pure.
 */
import { slug, type Suggestion, uniqueId } from './suggestion.js';

/** The numbered id the engine gives an event before it is named: `<doc>-event-<n>`. */
export const numberedEventId = (docId: string, n: number): string => `${slug(docId)}-event-${n}`;

/**
 * The suggestions with each numbered event id replaced by a readable one, and every attribute that
 * names it (`of=`) rewritten to match. Ids already taken in the draft (places, weapons, ranges) are
 * never reused.
 */
export function nameEvents(docId: string, suggestions: readonly Suggestion[]): Suggestion[] {
  const numbered = new RegExp(`^${slug(docId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-event-\\d+$`);
  const taken = new Set(
    suggestions.map((s) => s.attributes.id).filter((id): id is string => !!id && !numbered.test(id)),
  );
  const renamed = new Map<string, string>();
  for (const s of suggestions) {
    const id = s.attributes.id;
    if (s.kind !== 'event' || !id || !numbered.test(id)) continue;
    const place = (s.attributes.place ?? '').split(/\s+/)[0] || 'event';
    const type = s.attributes.type ? slug(s.attributes.type) : 'event';
    renamed.set(id, uniqueId(`${slug(docId)}-${place}-${type}`, taken));
  }
  if (renamed.size === 0) return [...suggestions];
  // A reason or a note names an event in its words ("joined to doc-event-2, the event suggested before
  // it"): it names the id the draft writes.
  const inWords = new RegExp(`(?<![\\d\\p{L}-])${numbered.source.slice(1, -1)}(?![\\d\\p{L}-])`, 'gu');
  const rename = (t: string) => t.replace(inWords, (w) => renamed.get(w) ?? w);
  return suggestions.map((s) => {
    const reason = s.reason === undefined ? undefined : rename(s.reason);
    let changed = reason !== s.reason;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.attributes)) {
      const next =
        k === 'note'
          ? rename(v)
          : v
              .split(' ')
              .map((w) => renamed.get(w) ?? w)
              .join(' ');
      if (next !== v) changed = true;
      attributes[k] = next;
    }
    return changed ? { ...s, attributes, ...(reason === undefined ? {} : { reason }) } : s;
  });
}
