/** Follows the reader's colour scheme: repaints the basemap layers when prefers-color-scheme changes. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapLayers } from './style';
import type { Theme } from './palette';

/** Sets every paint property of the given layer specs that the map has (missing layers are skipped). */
export function repaint(map: MapLibreMap, layers: { id: string; paint?: object }[]): void {
  for (const layer of layers) {
    if (!map.getLayer(layer.id)) continue;
    for (const [key, value] of Object.entries(layer.paint ?? {}))
      map.setPaintProperty(layer.id, key as never, value as never);
  }
}

export function applyBasemapTheme(map: MapLibreMap, theme: Theme): void {
  repaint(map, basemapLayers(theme));
}

/** Calls `onChange` with the new theme whenever the reader's colour scheme changes. */
export function watchTheme(onChange: (theme: Theme) => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const listener = (e: MediaQueryListEvent) => onChange(e.matches ? 'dark' : 'light');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
