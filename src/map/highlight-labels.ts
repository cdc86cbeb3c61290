/**
 * highlight-labels: where a story's highlighted area is labelled, so that its label shows whole in the
 * view. Drawn on the area's polygon, MapLibre labelled each tile's part of it: at phone width the
 * Dnipro story showed "NE" and "KRAINE", two cut copies of "UKRAINE". Each time the map comes to rest,
 * the label goes at one point of the area that is in view, near the middle of its part in view, with
 * room round it for the whole text (the layer may still move it off a marker: highlights.ts).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

export const HIGHLIGHT_LABEL_SOURCE = 'atlas-highlight-labels';

/** The highlight label's text (highlights.ts): size, letter spacing (em), radial offset (em). */
const TEXT = { size: 13, spacing: 0.08, offset: 1.2 } as const;
/** Samples across the view, per row and column. */
const GRID = 16;

type Ring = number[][];

/** Whether `p` lies inside a polygon (outer ring, then holes), by ray casting on lon/lat. */
export function insidePolygon(p: readonly number[], rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

const polygonsOf = (g: GeoJSON.Geometry): Ring[][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/**
 * The label's point for an area in a view: the sample of a grid over the view that lies in the area
 * and leaves room for the label all round (its width and height, plus the layer's offset, so that it
 * fits on whichever side of the point the layer puts it), nearest the middle of the samples in the area; null when none does.
 */
export function highlightLabelPoint(
  geometry: GeoJSON.Geometry,
  text: string,
  unproject: (x: number, y: number) => number[] | null,
  view: { width: number; height: number },
): number[] | null {
  const polygons = polygonsOf(geometry);
  if (!polygons.length) return null;
  const w = text.length * (0.78 + TEXT.spacing) * TEXT.size;
  const h = 1.2 * TEXT.size;
  // Room for the text on any side of the point (the layer's variable anchors), past its offset.
  const room = { x: w + TEXT.offset * TEXT.size, y: h + TEXT.offset * TEXT.size };
  const inside: Array<{ x: number; y: number; lonlat: number[] }> = [];
  for (let i = 0; i < GRID; i++)
    for (let j = 0; j < GRID; j++) {
      const x = ((i + 0.5) / GRID) * view.width;
      const y = ((j + 0.5) / GRID) * view.height;
      const lonlat = unproject(x, y);
      if (lonlat && polygons.some((rings) => insidePolygon(lonlat, rings))) inside.push({ x, y, lonlat });
    }
  if (!inside.length) return null;
  const cx = inside.reduce((s, p) => s + p.x, 0) / inside.length;
  const cy = inside.reduce((s, p) => s + p.y, 0) / inside.length;
  const fits = inside.filter(
    (p) => p.x - room.x >= 0 && p.x + room.x <= view.width && p.y - room.y >= 0 && p.y + room.y <= view.height,
  );
  if (!fits.length) return null;
  return fits.reduce((best, p) =>
    (p.x - cx) ** 2 + (p.y - cy) ** 2 < (best.x - cx) ** 2 + (best.y - cy) ** 2 ? p : best,
  ).lonlat;
}

/** Keeps the highlights' labels placed for the view (see above). */
export function placeHighlightLabels(map: MapLibreMap, highlights: GeoJSON.FeatureCollection): void {
  const labelled = highlights.features.filter((f) => f.geometry && f.properties?.label);
  const place = () => {
    const source = map.getSource(HIGHLIGHT_LABEL_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const canvas = map.getCanvas();
    const view = { width: canvas.clientWidth, height: canvas.clientHeight };
    const unproject = (x: number, y: number) => {
      const ll = map.unproject([x, y]);
      return Number.isFinite(ll.lng) && Number.isFinite(ll.lat) ? [ll.lng, ll.lat] : null;
    };
    source.setData({
      type: 'FeatureCollection',
      features: labelled.flatMap((f) => {
        const at = highlightLabelPoint(f.geometry, String(f.properties?.label), unproject, view);
        return at
          ? [
              {
                type: 'Feature' as const,
                geometry: { type: 'Point' as const, coordinates: at },
                properties: f.properties,
              },
            ]
          : [];
      }),
    });
  };
  map.addSource(HIGHLIGHT_LABEL_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.on('moveend', place);
  map.on('resize', place);
  place();
}
