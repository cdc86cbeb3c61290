/** areas: an area file (a border, a front line) → the geometry a range is drawn from, checked. */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import type { AreaFile, AreaGeometry } from './compile.js';

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
  return { geometry: g as unknown as AreaGeometry, digest: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

export function readArea(path: string): AreaFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { error: `file not found (${path}); the path is relative to the document` };
  }
  return parseArea(text);
}

/**
 * Reads an area file only when its real path (symbolic links resolved) lies inside one of `roots`
 * (the input tree: the documents directory and the areas directory). Anything else is refused
 * unread, and the message names the path only, never the file's content.
 */
export function readAreaWithin(path: string, roots: readonly string[]): AreaFile {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { error: `file not found (${path}); the path is relative to the document` };
  }
  const inside = roots.some((root) => {
    let r: string;
    try {
      r = realpathSync(root);
    } catch {
      return false;
    }
    const rel = relative(r, real);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  if (!inside) {
    const shown = roots.map((r) => relative(process.cwd(), r) || '.').join(' and ');
    return { error: `refused: it lies outside the input tree (symbolic links followed); an area file must lie under ${shown} (the documents and the areas directory, --areas)` };
  }
  if (!statSync(real).isFile()) return { error: 'not a file; name a .geojson file' };
  return readArea(real);
}
