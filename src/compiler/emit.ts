/**
 * emit: feature collections → the bytes of the published files. Deterministic: features sorted by
 * id, properties in contract order, one feature per line (small diffs, easy to read).
 */
import type { FeatureCollection, Geometry } from 'geojson';

export function serializeCollection(fc: FeatureCollection<Geometry | null>): string {
  // Many range claims share one drawn band (the same weapon restated by article after article): each
  // geometry object is stringified once and spliced in. `"geometry":null` first occurs as the feature's
  // own key, since a feature's keys come in the order type, id, geometry, properties.
  const drawn = new Map<Geometry, string>();
  const lines = fc.features.map((f) => {
    if (!f.geometry) return JSON.stringify(f);
    let geometry = drawn.get(f.geometry);
    if (geometry === undefined) drawn.set(f.geometry, (geometry = JSON.stringify(f.geometry)));
    return JSON.stringify({ ...f, geometry: null }).replace('"geometry":null', () => `"geometry":${geometry}`);
  });
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
