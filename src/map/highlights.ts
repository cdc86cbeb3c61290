/**
 * A story's highlighted areas (`highlight:` in its file): a soft fill and outline under the data, with
 * the story's label at the area (at a point of it in view: highlight-labels.ts), drawn in the bundled font. The label gives way: to the events' own
 * labels, and to the markers themselves (an area's label at its centre would otherwise cover the
 * marker of an event placed at that centre, as a region-level event is); it moves off the centre to
 * stay clear, or hides when there is no room.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FONT } from '../basemap/fonts';
import type { Theme } from '../basemap/palette';
import type { StoryOutput } from '../contract';
import { filters } from './filters';
import { HIGHLIGHT_LABEL_SOURCE, placeHighlightLabels } from './highlight-labels';
import { BLOCK_IMAGE, EVENT_SOURCE, LAYER } from './ids';
import { CONTRAST, markerRadiusExpression } from './scales';

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
  // Symbols are placed from the top layer down, so below the events' labels and the markers' footprints
  // the area's label is placed last, clear of both.
  const above = [LAYER.eventLabelRepeat, LAYER.eventLabel].find((id) => map.getLayer(id));
  // At a point of the area in view, placed again when the map comes to rest (highlight-labels.ts).
  placeHighlightLabels(map, highlights);
  map.addLayer(
    {
      id: HIGHLIGHT_LAYER.label,
      type: 'symbol',
      source: HIGHLIGHT_LABEL_SOURCE,
      filter: ['has', 'label'],
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ''],
        'text-font': [...FONT.regular],
        'text-size': 13,
        'text-letter-spacing': 0.08,
        'text-transform': 'uppercase',
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.2,
      },
      paint: { 'text-color': COLOUR[theme], 'text-halo-color': CONTRAST[theme].halo, 'text-halo-width': 1.5 },
    },
    above,
  );
  if (!map.hasImage(BLOCK_IMAGE)) map.addImage(BLOCK_IMAGE, { width: 2, height: 2, data: new Uint8Array(16) });
  map.addLayer(
    {
      id: LAYER.eventBlock,
      type: 'symbol',
      source: EVENT_SOURCE,
      filter: filters(new Set(), null)[LAYER.eventBlock],
      layout: {
        'icon-image': BLOCK_IMAGE,
        // The image is 2 px wide: a size of r draws it 2r wide, the marker's diameter.
        'icon-size': markerRadiusExpression(),
        'icon-allow-overlap': true,
        'icon-ignore-placement': false,
      },
    },
    above,
  );
}
