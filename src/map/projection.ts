/**
 * Flat map or globe. The app opens on the flat map (Web Mercator): it is what news readers expect,
 * shows the whole world at once with nothing hidden on a far side, costs less to draw on a phone,
 * and prints and exports like a map in an article. Long ranges (over GLOBE_SUGGEST_KM) are what the
 * flat map distorts, so selecting one on the flat map offers the globe. The choice is `proj=` in the URL.
 */
import type { IControl, Map as MapLibreMap, ProjectionSpecification } from 'maplibre-gl';
import type { RangeProperties } from '../contract';
import { formatKm } from './format';
import { GLOBE_SUGGEST_KM } from './scales';
import type { Projection } from './url-state';

export const DEFAULT_PROJECTION: Projection = 'flat';

/** The MapLibre projection of ours. */
export function toMapLibre(p: Projection): ProjectionSpecification {
  return { type: p === 'globe' ? 'globe' : 'mercator' };
}

/** Ours from the map's: anything but the globe counts as flat. */
export function fromMapLibre(spec: ProjectionSpecification | undefined): Projection {
  return spec?.type === 'globe' ? 'globe' : 'flat';
}

/** Whether a range is long enough that the globe is the better view of it. */
export function suggestsGlobe(p: Pick<RangeProperties, 'max_km'>): boolean {
  return p.max_km > GLOBE_SUGGEST_KM;
}

/** The offer shown with a long range on the flat map: a sentence and a button that switches. */
export function globeSuggestion(p: Pick<RangeProperties, 'max_km'>, onSwitch: () => void): HTMLElement {
  const box = document.createElement('p');
  box.className = 'suggest-globe';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = 'Show it on the globe';
  button.addEventListener('click', () => {
    box.remove();
    onSwitch();
  });
  box.append(`This range reaches ${formatKm(p.max_km)}: a flat map stretches it out of shape. `, button);
  return box;
}

/** A map control: one toggle button, "Globe", pressed when the map is a globe. */
export class ProjectionControl implements IControl {
  private container: HTMLElement | null = null;
  private button: HTMLButtonElement | null = null;

  constructor(
    private projection: Projection,
    private readonly onChange: (next: Projection) => void,
  ) {}

  onAdd(): HTMLElement {
    this.container = document.createElement('div');
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-group atlas-projection';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'atlas-ctrl-text';
    this.button.addEventListener('click', () => this.onChange(this.projection === 'globe' ? 'flat' : 'globe'));
    this.container.append(this.button);
    this.set(this.projection);
    return this.container;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = this.button = null;
  }

  /** Reflects the map's projection (from the URL or the control itself). */
  set(projection: Projection): void {
    this.projection = projection;
    if (!this.button) return;
    this.button.textContent = 'Globe';
    this.button.setAttribute('aria-pressed', String(projection === 'globe'));
    this.button.title = projection === 'globe' ? 'Show the flat map' : 'Show the globe';
  }
}

/** Switches the map's projection if it differs. */
export function applyProjection(map: MapLibreMap, p: Projection): void {
  if (fromMapLibre(map.getProjection()) !== p) map.setProjection(toMapLibre(p));
}
