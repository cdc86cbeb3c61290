/**
 * The inset locator map: a small overview in the map's lower left corner, with the main view's extent
 * drawn on it, shown once the view is zoomed in past country level (INSET_MIN_ZOOM); zoomed out, the
 * map is its own locator. It is a second MapLibre map on the offline basemap's 1:110m land and borders
 * (no labels, no fonts, nothing from another host), not interactive, made the first time it shows, so
 * a page that stays zoomed out never pays for it. A story with `inset: false` does without it.
 */
import {
  Map as MapLibreMap,
  type GeoJSONSource,
  type IControl,
  type LngLatBounds,
  type LayerSpecification,
  type PaddingOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import { BASEMAP_FILES, BASEMAP_LAYER, basemapLayers, basemapUrl } from '../basemap/style';
import type { Theme } from '../basemap/palette';
import { repaint } from '../basemap/theme';
import { CONTRAST } from './scales';

/**
 * Zoom from which the inset shows. At zoom 5 a 1,000 px wide view spans about 22° of longitude, some
 * 1,600 km at 50° N: the width of Ukraine, France or Texas. Closer in, the view holds less than a
 * country and the reader may not know where it lies; farther out, coasts and borders place it.
 */
export const INSET_MIN_ZOOM = 5;
/** Zoom levels the inset stands back from the main view: 4 is 16 times wider, so the extent is a box, not the whole inset. */
export const INSET_ZOOM_OUT = 4;

export const INSET_SOURCE = 'inset-extent';
export const INSET_LAYER = { fill: 'inset-extent-fill', line: 'inset-extent-line' } as const;
const LAND = BASEMAP_LAYER.land110;
const BORDERS = BASEMAP_LAYER.borders110;

/** The main view's extent as a polygon ([west, south] … [east, north], longitudes as the map gives them). */
export function extentPolygon(
  bounds: Pick<LngLatBounds, 'getWest' | 'getSouth' | 'getEast' | 'getNorth'>,
): GeoJSON.Feature<GeoJSON.Polygon> {
  const [w, s, e, n] = [
    bounds.getWest(),
    Math.max(-85, bounds.getSouth()),
    bounds.getEast(),
    Math.min(85, bounds.getNorth()),
  ];
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

/** px kept between the inset and the data a fit frames: a marker's radius and a little air. */
export const INSET_GAP = 12;

/** A box in the map's own px (from its top left corner). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The fit's padding with room for a box standing in a corner of the map (the inset in the lower left,
 * the controls in the upper right), so that no event of the first view lies under it: of the two strips
 * the box stands in (left or right, top or bottom, by the corner), the one that takes the smaller share
 * of the map. A box in no corner (or an empty one) leaves the padding as it is.
 */
export function paddingBeside(
  padding: PaddingOptions,
  map: { width: number; height: number },
  box: Box,
): PaddingOptions {
  if (box.right <= box.left || box.bottom <= box.top) return padding;
  const atLeft = box.left < map.width - box.right;
  const atTop = box.top < map.height - box.bottom;
  const side = atLeft ? 'left' : 'right';
  const end = atTop ? 'top' : 'bottom';
  const across = atLeft ? box.right + INSET_GAP : map.width - box.left + INSET_GAP;
  const down = atTop ? box.bottom + INSET_GAP : map.height - box.top + INSET_GAP;
  const [padSide, padEnd] = [padding[side] ?? 0, padding[end] ?? 0];
  const costSide = Math.max(0, across - padSide) / map.width;
  const costEnd = Math.max(0, down - padEnd) / map.height;
  return costSide <= costEnd
    ? { ...padding, [side]: Math.max(padSide, across) }
    : { ...padding, [end]: Math.max(padEnd, down) };
}

/** px a marker's label takes beside it: 12 px text (~6.8 px a character), wrapped at 10 em, after its offset. */
export function labelWidth(text: string): number {
  return Math.min(text.length * 6.8, 120) + 12;
}

/**
 * How much more padding on the right keeps every marker's label (drawn to the right of its marker when
 * there is room) clear of a box in the upper right corner (the controls): MapLibre's label collision
 * does not know the page's buttons. `markers`: each marker's px and its label's width. 0 when none reaches it.
 */
export function labelClearance(markers: ReadonlyArray<{ x: number; y: number; width: number }>, box: Box): number {
  if (box.right <= box.left) return 0;
  let extra = 0;
  for (const m of markers)
    if (m.y >= box.top - INSET_GAP && m.y <= box.bottom + INSET_GAP && m.x + m.width > box.left - INSET_GAP)
      extra = Math.max(extra, m.x + m.width - box.left + INSET_GAP);
  return Math.ceil(extra);
}

/** Whether the inset shows at a zoom. */
export const insetShows = (zoom: number): boolean => zoom >= INSET_MIN_ZOOM;

function extentLayers(theme: Theme): LayerSpecification[] {
  const c = CONTRAST[theme];
  return [
    {
      id: INSET_LAYER.fill,
      type: 'fill',
      source: INSET_SOURCE,
      paint: { 'fill-color': c.heavy, 'fill-opacity': 0.12 },
    },
    { id: INSET_LAYER.line, type: 'line', source: INSET_SOURCE, paint: { 'line-color': c.heavy, 'line-width': 1.5 } },
  ];
}

/** The inset's style: sea, land and borders at 1:110m (already loaded by the main map, so from the cache), and the extent. */
export function insetStyle(base: string, theme: Theme, extent: GeoJSON.Feature<GeoJSON.Polygon>): StyleSpecification {
  const keep = new Set<string>([BASEMAP_LAYER.sea, LAND, BORDERS]);
  return {
    version: 8,
    sources: {
      [LAND]: { type: 'geojson', data: basemapUrl(BASEMAP_FILES[LAND].file, base), tolerance: 0.5 },
      [BORDERS]: { type: 'geojson', data: basemapUrl(BASEMAP_FILES[BORDERS].file, base), tolerance: 0.5 },
      [INSET_SOURCE]: { type: 'geojson', data: extent },
    },
    layers: [...basemapLayers(theme).filter((l) => keep.has(l.id)), ...extentLayers(theme)],
  };
}

export class InsetControl implements IControl {
  private main: MapLibreMap | null = null;
  private container: HTMLElement | null = null;
  /** The overview map, made the first time the inset shows. */
  inset: MapLibreMap | null = null;

  /** `onError`: the inset's own faults (a basemap file that does not load), said where the main map's are. */
  constructor(
    private readonly base: string,
    private theme: Theme,
    private readonly onError: (error: { message?: string } | undefined) => void = () => {},
  ) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.main = map;
    this.container = document.createElement('div');
    this.container.className = 'maplibregl-ctrl atlas-inset';
    this.container.setAttribute('role', 'img');
    this.container.setAttribute('aria-label', 'Locator map: where the view lies, as a box on a wider map');
    this.container.hidden = true;
    // The extent follows the view once it settles: a locator needs no frame-by-frame update.
    map.on('moveend', this.update);
    map.on('resize', this.update);
    this.update();
    return this.container;
  }

  onRemove(): void {
    this.main?.off('moveend', this.update);
    this.main?.off('resize', this.update);
    this.inset?.remove();
    this.container?.remove();
    this.inset = this.container = this.main = null;
  }

  /** The inset's box in the main map's px while it shows; null when it is hidden. */
  box(): Box | null {
    if (!this.main || !this.container || this.container.hidden) return null;
    const map = this.main.getContainer().getBoundingClientRect();
    const r = this.container.getBoundingClientRect();
    if (!r.width) return null;
    return { left: r.left - map.left, top: r.top - map.top, right: r.right - map.left, bottom: r.bottom - map.top };
  }

  /** The overview map and where its canvas stands in the main map's px, while the inset shows (for Save image). */
  picture(): { map: MapLibreMap; box: Box } | null {
    if (!this.main || !this.inset || !this.box()) return null;
    const map = this.main.getContainer().getBoundingClientRect();
    const r = this.inset.getCanvas().getBoundingClientRect();
    if (!r.width || !r.height) return null;
    return {
      map: this.inset,
      box: { left: r.left - map.left, top: r.top - map.top, right: r.right - map.left, bottom: r.bottom - map.top },
    };
  }

  /** Repaints the inset for the reader's colour scheme. */
  setTheme(theme: Theme): void {
    this.theme = theme;
    if (this.inset?.isStyleLoaded()) repaint(this.inset, [...basemapLayers(theme), ...extentLayers(theme)]);
  }

  private readonly update = (): void => {
    const { main, container } = this;
    if (!main || !container) return;
    const show = insetShows(main.getZoom());
    container.hidden = !show;
    if (!show) return;
    const extent = extentPolygon(main.getBounds());
    // What the box shows, for a reader of the page's DOM (and the tests): west,south,east,north in degrees.
    container.dataset.extent = extent.geometry.coordinates[0][0]
      .concat(extent.geometry.coordinates[0][2])
      .map((v) => v.toFixed(3))
      .join(',');
    const camera = { center: main.getCenter(), zoom: Math.max(0, main.getZoom() - INSET_ZOOM_OUT) };
    if (!this.inset) {
      const box = document.createElement('div');
      box.className = 'atlas-inset-map';
      container.append(box);
      this.inset = new MapLibreMap({
        container: box,
        style: insetStyle(this.base, this.theme, extent),
        ...camera,
        interactive: false,
        attributionControl: false,
        fadeDuration: 0,
      });
      this.inset.on('error', (e) => this.onError(e.error));
      this.inset.getCanvas().setAttribute('aria-hidden', 'true');
      this.inset.getCanvas().tabIndex = -1;
      return;
    }
    this.inset.resize();
    this.inset.jumpTo(camera);
    (this.inset.getSource(INSET_SOURCE) as GeoJSONSource | undefined)?.setData(extent);
  };
}
