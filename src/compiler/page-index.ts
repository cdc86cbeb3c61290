/**
 * What the page of a large archive (constants.ts LARGE_ARCHIVE events and more) may read instead of the
 * published events.geojson (which stays, whole, for downloads): a compact index of the events holding
 * only what the map, the list, the legend and the timeline draw — and the heavy part, each event's full
 * properties with every claim and excerpt, in chunks of CHUNK_SIZE events, fetched when a popup needs them.
 * Pure: feature collection in, file name → content out.
 */
import { INDEX_MEMBER, PAGE_INDEX, chunkName, type EventCollection, type EventProperties } from '../contract.js';

export { INDEX_MEMBER, PAGE_INDEX, chunkName };
export const CHUNK_SIZE = 1000;

/** The properties the index keeps of each event (and `chunk`: where the rest is). */
export const INDEX_KEYS = [
  'id',
  'type',
  'summary',
  'label',
  'status',
  'date',
  'date_start',
  'date_end',
  'date_precision',
  'precision',
  'precision_label',
  'magnitude',
  'magnitude_unit',
  'sources',
  'conflict',
] as const;

export type IndexProperties = Pick<EventProperties, (typeof INDEX_KEYS)[number]> & {
  places: Array<
    Pick<EventProperties['places'][number], 'name' | 'precision' | 'precision_label' | 'admin1' | 'country'>
  >;
  /** Claimants, for the list's search. */
  claimants: string[];
  chunk: number;
};

export function pageIndex(events: EventCollection, chunkSize = CHUNK_SIZE): Record<string, string> {
  const chunks: Array<Record<string, EventProperties>> = [];
  const features = events.features.map((f, i) => {
    const n = Math.floor(i / chunkSize);
    (chunks[n] ??= {})[f.properties.id] = f.properties;
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
    props.chunk = n;
    return { type: 'Feature', geometry: f.geometry, properties: props };
  });
  const files: Record<string, string> = {
    [PAGE_INDEX]: JSON.stringify({ type: 'FeatureCollection', chunks: chunks.length, features }),
  };
  chunks.forEach((c, n) => (files[chunkName(n)] = JSON.stringify(c)));
  return files;
}

/** ranges.geojson, serialized, with the member that points the page at the index. */
export function withIndexMember(rangesJson: string): string {
  return rangesJson.replace(
    '{"type":"FeatureCollection",',
    `{"type":"FeatureCollection","${INDEX_MEMBER}":"${PAGE_INDEX}",`,
  );
}
