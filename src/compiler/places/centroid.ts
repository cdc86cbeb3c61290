/**
 * A representative point of a polygon feature, for places whose source gives geometry but no
 * point: the area centroid of its largest polygon (so an island group or an exclave does not pull
 * the point into the sea). Planar in degrees, which is adequate for a label point.
 */
import type { Geometry, Position } from 'geojson';

function ringArea(ring: Position[]): { area: number; x: number; y: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return { area: a / 2, x, y };
}

/** [lon, lat] of the largest polygon's centroid; null for geometry without area. */
export function labelPoint(geometry: Geometry | null | undefined): [number, number] | null {
  if (!geometry) return null;
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: { area: number; point: [number, number] } | null = null;
  for (const poly of polygons) {
    if (!poly[0] || poly[0].length < 3) continue;
    const { area, x, y } = ringArea(poly[0]);
    if (area === 0) continue;
    const point: [number, number] = [x / (6 * area), y / (6 * area)];
    if (!best || Math.abs(area) > best.area) best = { area: Math.abs(area), point };
  }
  return best?.point ?? null;
}
