/**
 * What the page of a large archive (constants.ts LARGE_ARCHIVE events and more) may read instead of the
 * published events.geojson (which stays, whole, for downloads): a compact index of the events holding
 * only what the map, the list, the legend and the timeline draw, in columns (src/index-format.ts) — and the
 * heavy part, each event's full properties with every claim and excerpt, in chunks of CHUNK_SIZE events,
 * fetched when a popup needs them.
 * Pure: feature collection in, file name → content out (or outputs made when read, emit.ts).
 */
import { joinPieces, lazy, type TextOutput } from './emit.js';
import { INDEX_MEMBER, PAGE_INDEX, chunkName, type EventCollection, type EventProperties } from '../contract.js';
import { INDEX_KEYS, encodeIndex, type IndexEntry, type IndexProperties } from '../index-format.js';

export { INDEX_KEYS, INDEX_MEMBER, PAGE_INDEX, chunkName, type IndexProperties };
export const CHUNK_SIZE = 1000;

/** An event's entry in the index (its row form, index-format.ts): what the page draws, and the chunk that holds the rest. */
export function indexEntry(f: EventCollection['features'][number], chunk: number): IndexEntry {
  const p = f.properties;
  const props = Object.fromEntries(INDEX_KEYS.map((k) => [k, p[k] ?? null])) as Record<string, unknown>;
  props.places = p.places.map(({ name, precision, precision_label, admin1, country }) => ({
    name,
    precision,
    precision_label,
    admin1,
    country,
  }));
  props.claimants = [...new Set((p.claims ?? []).map((c) => c.claimant))];
  props.chunk = chunk;
  return { type: 'Feature', geometry: f.geometry, properties: props as IndexProperties };
}

/**
 * The index and the chunks as outputs made when read (emit.ts Output): the index a column a piece, each
 * chunk (CHUNK_SIZE events) one piece. The same text as JSON.stringify of the whole index and of each chunk.
 */
export function pageIndexOutputs(events: EventCollection, chunkSize = CHUNK_SIZE): TextOutput[] {
  const features = events.features;
  const count = Math.ceil(features.length / chunkSize);
  const index: TextOutput = {
    name: PAGE_INDEX,
    chunks: lazy(function* () {
      // Each entry made as it is read (twice), not all held at once.
      const entries = lazy(function* () {
        for (const [i, f] of features.entries()) yield indexEntry(f, Math.floor(i / chunkSize));
      });
      const { events: columns, ...head } = encodeIndex(entries, chunkSize);
      yield `${JSON.stringify(head).slice(0, -1)},"events":{`;
      for (const [i, [k, v]] of Object.entries(columns).entries())
        yield `${i === 0 ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(v)}`;
      yield '}}';
    }),
  };
  const chunks = Array.from(
    { length: count },
    (_, n): TextOutput => ({
      name: chunkName(n),
      chunks: lazy(function* () {
        // An object keyed by id, built as before (the same key order, a repeated id kept once), a chunk at a time.
        const chunk: Record<string, EventProperties> = {};
        for (const f of features.slice(n * chunkSize, (n + 1) * chunkSize)) chunk[f.properties.id] = f.properties;
        yield JSON.stringify(chunk);
      }),
    }),
  );
  return [index, ...chunks];
}

/** The index and chunks as whole texts: file name → content. */
export function pageIndex(events: EventCollection, chunkSize = CHUNK_SIZE): Record<string, string> {
  return Object.fromEntries(pageIndexOutputs(events, chunkSize).map((o) => [o.name, joinPieces(o.chunks)]));
}

/** ranges.geojson, serialized, with the member that points the page at the index. */
export function withIndexMember(rangesJson: string): string {
  return rangesJson.replace(
    '{"type":"FeatureCollection",',
    `{"type":"FeatureCollection","${INDEX_MEMBER}":"${PAGE_INDEX}",`,
  );
}
