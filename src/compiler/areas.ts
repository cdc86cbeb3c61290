/**
 * areas: an area file's text (a border, a front line) → the geometry a range is drawn from, checked.
 * Pure: reading the file, and keeping it inside the input tree, is src/cli/areas.ts.
 */
import { check } from '@placemarkio/check-geojson';
import type { AreaFile, AreaGeometry } from './compile.js';
import { sha256Hex } from './sha256.js';

const AREA_TYPES = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'MultiPoint'];

/** Parses area GeoJSON text: a geometry, a Feature, or a FeatureCollection of one feature. Pure. */
export function parseArea(text: string): AreaFile {
  let value: unknown;
  try {
    value = check(text);
  } catch (e) {
    const issues = (e as { issues?: Array<{ message: string }> }).issues;
    return { error: `not valid GeoJSON: ${issues?.[0]?.message ?? (e as Error).message}` };
  }
  let g = value as { type: string; geometry?: unknown; features?: Array<{ geometry: unknown }> };
  if (g.type === 'FeatureCollection') {
    if (g.features?.length !== 1) return { error: `a FeatureCollection area must hold exactly one feature, found ${g.features?.length ?? 0}` };
    g = g.features[0] as typeof g;
  }
  if (g.type === 'Feature') g = g.geometry as typeof g;
  if (!g || !AREA_TYPES.includes(g.type)) return { error: `the area must be a ${AREA_TYPES.join(', ')}, found ${g?.type ?? 'no geometry'}` };
  // biome-ignore lint/plugin: typed boundary: parsed JSON whose type was checked against AREA_TYPES above
  return { geometry: g as unknown as AreaGeometry, digest: sha256Hex(text).slice(0, 16) };
}
