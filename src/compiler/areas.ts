/**
 * areas: an area file's text (a border, a front line) → the geometry a range is drawn from, checked.
 * Pure: reading the file, and keeping it inside the input tree, is src/cli/areas.ts.
 */
import { check } from '@placemarkio/check-geojson';
import polygonClipping, { type Geom } from 'polygon-clipping';
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
    if (g.features?.length !== 1)
      return { error: `a FeatureCollection area must hold exactly one feature, found ${g.features?.length ?? 0}` };
    g = g.features[0] as typeof g;
  }
  if (g.type === 'Feature') g = g.geometry as typeof g;
  if (!g || !AREA_TYPES.includes(g.type))
    return { error: `the area must be a ${AREA_TYPES.join(', ')}, found ${g?.type ?? 'no geometry'}` };
  // biome-ignore lint/plugin: typed boundary: parsed JSON whose type was checked against AREA_TYPES above
  return { geometry: g as unknown as AreaGeometry, digest: sha256Hex(text).slice(0, 16) };
}

/** An admin-1 region of the basemap (public/basemap/admin1.geojson): its ISO 3166-2 code, its country, its polygon. */
export type Region = GeoJSON.Feature<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  { code: string; name: string; country: string }
>;

/**
 * The outline of a gazetteer region (ISO 3166-2 `region`) or a country (ISO 3166-1 `country`, the
 * union of its regions), from the basemap's admin-1 regions; an error names the code when none has it.
 */
export function gazetteerOutline(
  regions: readonly Region[],
  by: { region: string } | { country: string },
): { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon } | { error: string } {
  const parts =
    'region' in by
      ? regions.filter((r) => r.properties.code === by.region)
      : regions.filter((r) => r.properties.country === by.country);
  if (!parts.length) {
    return {
      error:
        'region' in by
          ? `no region has the ISO 3166-2 code ${by.region} (an event's admin1 gives its region's code)`
          : `no country has the ISO 3166-1 code ${by.country} (an event's country gives its code)`,
    };
  }
  if (parts.length === 1) return { geometry: parts[0].geometry };
  const polygons = parts.map(
    (r) => (r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates) as Geom,
  );
  const union = polygonClipping.union(polygons[0], ...polygons.slice(1));
  return {
    geometry:
      union.length === 1 ? { type: 'Polygon', coordinates: union[0] } : { type: 'MultiPolygon', coordinates: union },
  };
}
