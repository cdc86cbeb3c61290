/**
 * band-labels: where each band's label goes in the view on screen, so that no label is drawn cut by
 * the view's edge. A band has one label: at the first of the extremes of its edge (source.ts
 * `labelPoints`: south, east, west) where its text fits whole, inside the band (at 1280×800 the
 * KN-11/KN-19 band, small on a world view, was labelled at its south and its east, one label almost on
 * the other). Where a story's frame or a phone's width cuts the band, an extreme lies
 * off the view and MapLibre still draws the part of its label that reaches in ("…50 km"). Each time the
 * map comes to rest, the labels whose text would not fit whole in the view are left out, and a band
 * none of whose labels fits gets one at a point of its edge that is in view, on the side where the text
 * fits. Pure placement (`placeBandLabels`) and the map's wiring (`BandLabels`), in a source of its own
 * so that the bands themselves are not laid out again.
 */
import type { GeoJSONSource, GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { BAND_LABEL_SOURCE } from './ids';
import type { LabelAnchor } from './source';
import { extremeLabels, labelPoints } from './source';

/** The range label layer's text (layers.ts): size in px and maximum width in ems. */
export const LABEL_TEXT = { size: 12, maxWidthEm: 14, lineHeight: 1.2 } as const;
/** px: the room a label keeps from the view's edge (its halo, 1.6 px, and a little air). */
export const EDGE_ROOM = 4;
/** px: at most this far apart, along the edge, the points tried for a label in view. */
const STEP_PX = 24;
/** An average Noto Sans glyph is about 0.55 em wide; a little more, so a label is never found to fit when it does not. */
const EM_PER_CHAR = 0.62;

export type ScreenPoint = readonly [number, number];
export interface Size {
  width: number;
  height: number;
}

/**
 * The size a label's text takes on screen, as MapLibre wraps it (at `text-max-width`, `maxWidthEm`), estimated
 * from its length; 12 px text (the band labels' and the event labels' alike).
 */
export function labelSize(text: string, maxWidthEm: number = LABEL_TEXT.maxWidthEm): Size {
  const { size, lineHeight } = LABEL_TEXT;
  const max = maxWidthEm * size;
  const words = text.split(/\s+/).filter(Boolean);
  const width = (s: string) => s.length * EM_PER_CHAR * size;
  // Greedy wrapping, as MapLibre's (roughly: it balances lines, which never makes them wider).
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && width(`${last} ${w}`) <= max) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return {
    width: Math.max(0, ...lines.map(width)),
    height: Math.max(1, lines.length) * lineHeight * size,
  };
}

/**
 * The box a label takes with its anchor at `p` (MapLibre's `text-anchor`: the side of the text at the point),
 * `offset` px away from it on that side (an event label's radial offset past its marker).
 */
export function labelBox(p: ScreenPoint, anchor: LabelAnchor | 'top', size: Size, offset = 0) {
  const [x, y] = p;
  const { width: w, height: h } = size;
  switch (anchor) {
    case 'bottom':
      return { left: x - w / 2, right: x + w / 2, top: y - offset - h, bottom: y - offset };
    case 'top':
      return { left: x - w / 2, right: x + w / 2, top: y + offset, bottom: y + offset + h };
    case 'left':
      return { left: x + offset, right: x + offset + w, top: y - h / 2, bottom: y + h / 2 };
    case 'right':
      return { left: x - offset - w, right: x - offset, top: y - h / 2, bottom: y + h / 2 };
  }
}

/** A box on screen in px, in the view's own coordinates: what covers the map (a control, the attribution). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Whether a label with its anchor at `p` (`offset` px past it) shows whole in a view of `view` px, `EDGE_ROOM`
 * from its edge, and clear of the boxes drawn over the map (`covers`: its controls and attribution).
 */
export function fits(
  p: ScreenPoint,
  anchor: LabelAnchor | 'top',
  size: Size,
  view: Size,
  offset = 0,
  covers: readonly Box[] = [],
): boolean {
  const b = labelBox(p, anchor, size, offset);
  return (
    b.left >= EDGE_ROOM &&
    b.top >= EDGE_ROOM &&
    b.right <= view.width - EDGE_ROOM &&
    b.bottom <= view.height - EDGE_ROOM &&
    !covers.some((c) => b.left < c.right && b.right > c.left && b.top < c.bottom && b.bottom > c.top)
  );
}

export interface Placed {
  point: number[];
  anchor: LabelAnchor | 'top';
}

/**
 * Where one band's label goes in a view (one label a band): the first of its extremes whose label fits
 * whole; when none does,
 * one point of the edge in view (the one nearest the view's centre, on points at most STEP_PX apart)
 * with the first side, towards the view's centre, on which the label fits; when none fits, no label.
 * `project` gives a lon/lat's point on screen, or null when it is not drawn (the far side of the globe).
 * `covers` are the boxes drawn over the map: a label under one is not whole either (in a 680 px article
 * column "BM-21: up to 40 km, reported" sat under the attribution at the bottom right).
 */
export function placeBandLabel(
  lines: number[][][],
  text: string,
  project: (lonlat: number[]) => ScreenPoint | null,
  view: Size,
  covers: readonly Box[] = [],
): Placed[] {
  const size = labelSize(text);
  const extreme = labelPoints(lines).find(({ point, anchor }) => {
    const p = project(point);
    return p !== null && fits(p, anchor, size, view, 0, covers);
  });
  if (extreme) return [extreme];
  const cx = view.width / 2;
  const cy = view.height / 2;
  let best: { d: number; placed: Placed } | null = null;
  const consider = (lonlat: number[], p: ScreenPoint) => {
    if (p[0] < 0 || p[1] < 0 || p[0] > view.width || p[1] > view.height) return;
    const d = (p[0] - cx) ** 2 + (p[1] - cy) ** 2;
    if (best && d >= best.d) return;
    // The text goes towards the view's centre: to the right of a point in the left half, and so on.
    const sides: Array<LabelAnchor | 'top'> = [
      p[0] < cx ? 'left' : 'right',
      p[1] < cy ? 'top' : 'bottom',
      p[0] < cx ? 'right' : 'left',
      p[1] < cy ? 'bottom' : 'top',
    ];
    const anchor = sides.find((a) => fits(p, a, size, view, 0, covers));
    if (anchor) best = { d, placed: { point: lonlat, anchor } };
  };
  for (const line of lines) {
    let prev: { lonlat: number[]; p: ScreenPoint } | null = null;
    for (const lonlat of line) {
      const p = project(lonlat);
      if (p === null) {
        prev = null;
        continue;
      }
      if (prev) {
        // Points between two of the edge's, so that a short stretch of edge across the view is tried too.
        const n = Math.min(64, Math.floor(Math.hypot(p[0] - prev.p[0], p[1] - prev.p[1]) / STEP_PX));
        for (let i = 1; i <= n; i++) {
          const t = i / (n + 1);
          const ll = [
            prev.lonlat[0] + (lonlat[0] - prev.lonlat[0]) * t,
            prev.lonlat[1] + (lonlat[1] - prev.lonlat[1]) * t,
          ];
          const q = project(ll);
          if (q) consider(ll, q);
        }
      }
      consider(lonlat, p);
      prev = { lonlat, p };
    }
  }
  const found = best as { d: number; placed: Placed } | null;
  return found ? [found.placed] : [];
}

/** The band edges' collection (source.ts `edges`) → its labels' features for a view. */
export function placeBandLabels(
  edges: GeoJSON.FeatureCollection,
  project: (lonlat: number[]) => ScreenPoint | null,
  view: Size,
  covers: readonly Box[] = [],
): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: edges.features.flatMap((f) => {
      const lines = (f.geometry as GeoJSON.MultiLineString).coordinates;
      const text = String(f.properties?.label ?? '');
      return placeBandLabel(lines, text, project, view, covers).map(({ point, anchor }) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: point },
        properties: { ...f.properties, kind: 'label', anchor },
      }));
    }),
  };
}

/** The labels' source, empty until the data is in. */
export function emptyBandLabelSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, buffer: 64 };
}

/** The map's controls (zoom, Globe, the attribution, the inset locator map…) in the canvas's coordinates. */
function mapCovers(map: MapLibreMap): Box[] {
  const canvas = map.getCanvas().getBoundingClientRect();
  const controls = map.getContainer().querySelectorAll('.maplibregl-control-container .maplibregl-ctrl');
  return [...controls]
    .map((c) => c.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({
      left: r.left - canvas.left,
      top: r.top - canvas.top,
      right: r.right - canvas.left,
      bottom: r.bottom - canvas.top,
    }));
}

/**
 * Keeps a map's band labels placed for its view: after new data and each time the map comes to rest.
 * On the globe a point on the far side counts as out of view (MapLibre would hide its label anyway).
 */
export class BandLabels {
  private edges: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  /** The labels last given to the source: the same labels are not sent to the worker again. */
  private shown = '';

  constructor(private readonly map: MapLibreMap) {
    map.on('moveend', () => this.place());
    map.on('resize', () => this.place());
    // Once at rest, again: what covers the map may have changed after the move (the inset locator map
    // shows itself from a zoom on, on the same moveend, after this one). Nothing is sent if nothing moved.
    map.on('idle', () => this.place());
  }

  set(edges: GeoJSON.FeatureCollection): void {
    this.edges = edges;
    this.place();
  }

  private place(): void {
    const source = this.map.getSource(BAND_LABEL_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const canvas = this.map.getCanvas();
    const view = { width: canvas.clientWidth, height: canvas.clientHeight };
    const globe = this.map.getProjection?.()?.type === 'globe';
    const project = (lonlat: number[]): ScreenPoint | null => {
      const p = this.map.project([lonlat[0], lonlat[1]]);
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
      // On the globe a point of the far side projects to the screen point of the near side's point in
      // front of it: going back from the screen does not find it again.
      if (globe) {
        const back = this.map.unproject(p);
        const dLon = (((back.lng - lonlat[0] + 540) % 360) - 180) * Math.cos((lonlat[1] * Math.PI) / 180);
        if (Math.hypot(back.lat - lonlat[1], dLon) > 0.05) return null;
      }
      return [p.x, p.y];
    };
    const labels = view.width
      ? placeBandLabels(this.edges, project, view, mapCovers(this.map))
      : extremeLabels(this.edges);
    // A move that leaves every label where it was (most moves, and every one with no band on) sends
    // nothing: setData would tile the source again and draw the map once more for nothing.
    const key = JSON.stringify(labels);
    if (key === this.shown) return;
    this.shown = key;
    source.setData(labels);
  }
}
