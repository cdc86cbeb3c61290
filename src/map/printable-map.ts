/**
 * printableMap: a still of the map for print, shared by the atlas and the embed (an article printed with
 * the embed in it prints the frame's document in print media too).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Keeps a still of the map in a 2D canvas for print: browsers print a WebGL canvas blank unless it
 * preserves its drawing buffer, which would slow every frame. When printing starts (beforeprint, which
 * comes before the print layout), the map renders synchronously and the frame is copied at once, in
 * the same task, while the buffer still holds it; a 2D canvas prints as drawn. Print CSS then shows
 * the still in place of the map.
 */
export function printableMap(map: MapLibreMap, still: HTMLCanvasElement, credit: HTMLElement): void {
  const copy = () => {
    const source = map.getCanvas();
    // Only from the map as the reader sees it: once the print layout hides it, keep the still there is.
    if (!map.getContainer().clientWidth || !source.width) return;
    map.redraw();
    still.width = source.width;
    still.height = source.height;
    still.getContext('2d')?.drawImage(source, 0, 0);
    still.dataset.drawn = 'true';
    // The map's attribution is in its (hidden) controls: printed under the still instead.
    credit.textContent = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ?? '';
    credit.dataset.drawn = 'true';
  };
  addEventListener('beforeprint', copy);
  matchMedia('print').addEventListener('change', (e) => {
    if (e.matches) copy();
  });
}
