/**
 * basemap-labels: the basemap's country and city names that the view's edge would cut are left out,
 * and so is a country's name that a story's highlight already writes. At phone width the basemap drew
 * "NE" and "KRAINE" for Ukraine (its own label and the story's, both centred off the view) and "VA" for
 * Moldova. Each time the map comes to rest the names whose text would not show whole are made
 * transparent in the two label layers; the rest keep MapLibre's own placement and collision. Pure choice
 * (`cutNames`) and the map's wiring (`BasemapLabels`).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LAYER } from '../basemap/style';

/** px: what a label keeps from the view's edge to count as whole (its halo). */
const EDGE_ROOM = 2;

export interface PlaceLabel {
  kind: 'country' | 'city';
  name: string;
  rank: number;
  /** Where it is drawn on screen (px). */
  at: readonly [number, number];
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** MapLibre's linear `interpolate` between two stops, held at the ends. */
const lerp = (z: number, z0: number, v0: number, z1: number, v1: number) =>
  v0 + (v1 - v0) * Math.min(1, Math.max(0, (z - z0) / (z1 - z0)));

/** The width of `text` wrapped at `maxEm` ems, at `size` px, with `em` ems a character; and its line count. */
function wrapped(text: string, size: number, em: number, maxEm: number): { width: number; lines: number } {
  const max = maxEm * size;
  const lines: string[] = [];
  const w = (s: string) => s.length * em * size;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && w(`${last} ${word}`) <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return { width: Math.max(0, ...lines.map(w)), lines: Math.max(1, lines.length) };
}

/**
 * The box a basemap name takes at `zoom`, as the style lays it out (src/basemap/style.ts): a country's
 * centred on its point, in capitals with letter spacing, wrapped at 7 em; a city's to the right of its
 * dot, wrapped at 8 em. Estimated from the text's length, on the wide side.
 */
export function placeLabelBox(label: PlaceLabel, zoom: number): Box {
  const [x, y] = label.at;
  if (label.kind === 'country') {
    const size = label.rank === 1 ? lerp(zoom, 1, 11, 6, 16) : lerp(zoom, 1, 9, 6, 13);
    const { width, lines } = wrapped(label.name, size, 0.78, 7);
    const height = lines * 1.2 * size;
    return { left: x - width / 2, right: x + width / 2, top: y - height / 2, bottom: y + height / 2 };
  }
  const size = label.rank === 1 ? lerp(zoom, 2, 11, 8, 15) : lerp(zoom, 2, 10, 8, 13);
  const { width, lines } = wrapped(label.name, size, 0.62, 8);
  const height = lines * 1.2 * size;
  const left = x + 0.5 * size;
  return { left, right: left + width, top: y - height / 2, bottom: y + height / 2 };
}

/**
 * The names to leave out, by layer: each label whose text would reach into the view but not show
 * whole in it, and each country whose name is one of `written` (a story's highlight labels, any case).
 */
export function cutNames(
  labels: readonly PlaceLabel[],
  zoom: number,
  view: { width: number; height: number },
  written: readonly string[] = [],
): { country: string[]; city: string[] } {
  const out = { country: new Set<string>(), city: new Set<string>() };
  const already = new Set(written.map((w) => w.toLowerCase()));
  for (const label of labels) {
    if (label.kind === 'country' && already.has(label.name.toLowerCase())) {
      out.country.add(label.name);
      continue;
    }
    const b = placeLabelBox(label, zoom);
    const reaches = b.right > 0 && b.left < view.width && b.bottom > 0 && b.top < view.height;
    const whole =
      b.left >= EDGE_ROOM &&
      b.top >= EDGE_ROOM &&
      b.right <= view.width - EDGE_ROOM &&
      b.bottom <= view.height - EDGE_ROOM;
    if (reaches && !whole) out[label.kind].add(label.name);
  }
  return { country: [...out.country].sort(), city: [...out.city].sort() };
}

/** Keeps the basemap's name layers free of cut names for the map's view (see above). */
export class BasemapLabels {
  private written: string[] = [];
  private shown = '';

  constructor(private readonly map: MapLibreMap) {
    // 'idle': the tiles of the new view are loaded, so their names can be read; an opacity that changes
    // nothing is not set again.
    map.on('idle', () => this.update());
  }

  /** The names a story's highlights write on the map: the basemap's own country label gives way. */
  setWritten(names: readonly string[]): void {
    this.written = [...names];
    this.update();
  }

  private update(): void {
    const map = this.map;
    if (!map.getLayer(BASEMAP_LAYER.countries) || !map.getSource('basemap-places')) return;
    const canvas = map.getCanvas();
    const view = { width: canvas.clientWidth, height: canvas.clientHeight };
    const globe = map.getProjection?.()?.type === 'globe';
    const labels: PlaceLabel[] = [];
    // On the globe MapLibre already hides what turns away; only the highlights' names are left out there.
    if (!globe && view.width)
      for (const f of map.querySourceFeatures('basemap-places')) {
        const p = f.properties as { kind?: string; name?: string; rank?: number };
        if ((p.kind !== 'country' && p.kind !== 'city') || !p.name || f.geometry.type !== 'Point') continue;
        const [lon, lat] = f.geometry.coordinates;
        const at = map.project([lon, lat]);
        labels.push({ kind: p.kind, name: p.name, rank: Number(p.rank ?? 9), at: [at.x, at.y] });
      }
    const cut = cutNames(labels, map.getZoom(), view, this.written);
    const key = JSON.stringify(cut);
    if (key === this.shown) return;
    this.shown = key;
    // Hidden by opacity, not by filter: a filter lays the source's tiles out again and every name
    // faded out and in after each move; an opacity is repainted at once. (A hidden name still takes its
    // place in the collision, as it did when it was drawn cut.)
    for (const [id, names] of [
      [BASEMAP_LAYER.countries, cut.country],
      [BASEMAP_LAYER.cities, cut.city],
    ] as const)
      map.setPaintProperty(
        id,
        'text-opacity',
        names.length ? ['case', ['in', ['get', 'name'], ['literal', names]], 0, 1] : 1,
      );
  }
}
