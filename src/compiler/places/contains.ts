/**
 * Point-in-polygon on longitude/latitude polygons that may cross the antimeridian. Natural Earth
 * rings that do (Russia's Chukotka, Fiji) step from +180° to −180° and back; a planar test would
 * read each step as an edge round the world. Rings are made continuous (shifted by 360° past each
 * step) and the point is tried at its own longitude and one turn either side.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, MultiPolygon, Position } from 'geojson';

function unwrap(ring: Position[]): Position[] {
  let shift = 0;
  return ring.map((c, k) => {
    if (k > 0) {
      const d = c[0] - ring[k - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    return [c[0] + shift, c[1]];
  });
}

/** A polygon geometry as one MultiPolygon feature with continuous rings; null for other geometry. */
export function unwrappedArea(geometry: Geometry | null | undefined): Feature<MultiPolygon> | null {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return null;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: polygons.map((poly) => poly.map(unwrap)) },
  };
}

/** Whether [lon, lat] lies in an area made by `unwrappedArea`. */
export function areaContains(area: Feature<MultiPolygon>, p: readonly [number, number]): boolean {
  return [0, 360, -360].some((d) => booleanPointInPolygon([p[0] + d, p[1]], area));
}
