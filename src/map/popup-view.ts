/**
 * Keeping an open popup inside the map: MapLibre places a popup at its point and leaves it there, so
 * a popup opened near an edge, or at the end of a flight from the list, could run past the map's edge
 * (and under the attribution). The popup is capped at the map's height (style.css scrolls the rest),
 * and the map pans by as much as the popup overflows.
 */
import type { Map as MapLibreMap, Popup } from 'maplibre-gl';

/** Room kept between the popup and the map's edge, px. */
export const EDGE_MARGIN = 12;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overflow1d(start: number, end: number, min: number, max: number): number {
  if (end - start > max - min) return start - min; // too big to fit: show its start
  if (start < min) return start - min;
  if (end > max) return end - max;
  return 0;
}

/**
 * How far to pan the map ([x, y] px, as `map.panBy` takes it) so that `box` lies inside `frame` with
 * `margin` to spare; [0, 0] when it does already. A box too big to fit keeps its top left corner in.
 */
export function overflowOffset(box: Box, frame: Box, margin = EDGE_MARGIN): [number, number] {
  return [
    overflow1d(box.left, box.right, frame.left + margin, frame.right - margin),
    overflow1d(box.top, box.bottom, frame.top + margin, frame.bottom - margin),
  ];
}

/** Caps popups at the map's height (the `--map-height` that style.css reads), now and on every resize. */
export function trackMapHeight(map: MapLibreMap): void {
  const container = map.getContainer();
  const set = () => container.style.setProperty('--map-height', `${container.clientHeight}px`);
  set();
  map.on('resize', set);
}

/** Pans the map so that the open popup is wholly inside it, clear of the attribution, once the map is still. */
export function keepPopupInView(map: MapLibreMap, popup: Popup): void {
  const fit = () => {
    const element = popup.isOpen() ? popup.getElement() : null;
    if (!element) return;
    const container = map.getContainer();
    const { left, top, right, bottom } = container.getBoundingClientRect();
    const foot = container.querySelector('.maplibregl-ctrl-bottom-right')?.getBoundingClientRect().height ?? 0;
    const [x, y] = overflowOffset(element.getBoundingClientRect(), { left, top, right, bottom: bottom - foot });
    if (x || y) map.panBy([x, y], { duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300 });
  };
  // Once the map is still: a flight can end only to start another (a second item chosen from the list
  // while the map flies to the first), and fitting at the end of the first would leave the last one out.
  const whenStill = () => {
    if (map.isMoving()) map.once('moveend', whenStill);
    else fit();
  };
  whenStill();
}

/**
 * Puts an open popup's element before the map's controls in the map's container. MapLibre appends a
 * popup after them, so the keyboard reached a popup (the list of several events at a point) only after
 * every zoom, Globe and Save image button; placed before them, Tab goes from the map into the popup.
 * Nothing moves on screen: the controls are stacked above popups by their own z-index either way.
 */
export function placeBeforeControls(container: Element, popup: Element | null | undefined): void {
  if (!popup || popup.parentElement !== container) return;
  const controls = [...container.children].find((c) => c.classList.contains('maplibregl-control-container'));
  if (!controls) return;
  const order = [...container.children];
  if (order.indexOf(popup) > order.indexOf(controls)) container.insertBefore(popup, controls);
}

/**
 * Where the keyboard goes when a popup opens as a dialog would take it: a chooser's first choice; any
 * other popup itself (made focusable, not a Tab stop), so that reading starts at its top.
 */
export function focusTargetOf(content: HTMLElement): HTMLElement {
  if (content.classList.contains('chooser')) {
    const first = content.querySelector<HTMLElement>('button');
    if (first) return first;
  }
  if (!content.hasAttribute('tabindex')) content.tabIndex = -1;
  return content;
}
