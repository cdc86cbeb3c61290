/**
 * emit: feature collections → the bytes of the published files. Deterministic: features sorted by
 * id, properties in contract order, one feature per line (small diffs, easy to read).
 */
import type { FeatureCollection } from 'geojson';

export function serializeCollection(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
