/**
 * A story's highlighted areas (`highlight:` in its file): a soft fill and outline under the data, with
 * the story's label at the area, drawn in the bundled font.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FONT } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import type { StoryOutput } from '../contract';
import { LAYER } from './ids';
import { CONTRAST } from './scales';

export const HIGHLIGHT_SOURCE = 'atlas-highlights';
export const HIGHLIGHT_LAYER = {
  fill: 'atlas-highlight-fill',
  line: 'atlas-highlight-line',
  label: 'atlas-highlight-label',
} as const;
/** A warm neutral that reads under both basemaps and does not compete with the claim colours. */
const COLOUR = { light: '#b08d57', dark: '#d8b98a' } as const;

export function addHighlights(map: MapLibreMap, highlights: StoryOutput['highlights'], theme: Theme): void {
  if (map.getSource(HIGHLIGHT_SOURCE)) return;
  map.addSource(HIGHLIGHT_SOURCE, { type: 'geojson', data: highlights });
  // Under the bands and markers.
  const under = map.getLayer(LAYER.rangeFill) ? LAYER.rangeFill : undefined;
  map.addLayer(
    {
      id: HIGHLIGHT_LAYER.fill,
      type: 'fill',
      source: HIGHLIGHT_SOURCE,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': COLOUR[theme], 'fill-opacity': 0.16 },
    },
    under,
  );
  map.addLayer(
    {
      id: HIGHLIGHT_LAYER.line,
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      paint: { 'line-color': COLOUR[theme], 'line-width': 1.5, 'line-opacity': 0.8 },
    },
    under,
  );
  map.addLayer({
    id: HIGHLIGHT_LAYER.label,
    type: 'symbol',
    source: HIGHLIGHT_SOURCE,
    filter: ['has', 'label'],
    layout: {
      'text-field': ['coalesce', ['get', 'label'], ''],
      'text-font': [...FONT.regular],
      'text-size': 13,
      'text-letter-spacing': 0.08,
      'text-transform': 'uppercase',
    },
    paint: { 'text-color': COLOUR[theme], 'text-halo-color': CONTRAST[theme].halo, 'text-halo-width': 1.5 },
  });
}
