/**
 * event-labels: an event's label that the view's edge would cut is left out, as a band's label is moved
 * and a basemap name hidden (band-labels.ts, basemap-labels.ts). At phone width "Pyongyang", beside its
 * marker at the right edge, was drawn "Pyong". The label layers (layers.ts `eventLabel`) write the text to
 * the right of the marker first; MapLibre's placement does not know the view's edge, and a layout
 * property cannot be set per feature and per view without laying the source out again, so a label is
 * not moved to the marker's other side: each time the map comes to rest, the labels whose text would not
 * show whole are made transparent (the marker stays, and its details still name the place). Pure choice
 * (`cutEventLabels`, with band-labels' text measure) and the map's wiring (`EventLabels`).
 */
import type { DataDrivenPropertyValueSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { fits, labelBox, labelSize, type ScreenPoint, type Size } from './band-labels';
import { LAYER } from './ids';
import { markerRadiusAt } from './scales';
import { labelText } from './source';

/** The event label layers' text wraps at 10 em (layers.ts); the radial offset is 0.4 em past the marker. */
const MAX_WIDTH_EM = 10;
const OFFSET_EM = 0.4;
const TEXT_SIZE = 12;

export interface EventLabel {
  /** The label's marker: its event's id and the label's own words (`${id}#${label}`). */
  key: string;
  /** The text as the layer writes it ("Odesa (2 events)"). */
  text: string;
  /** The marker's point on screen (px). */
  at: ScreenPoint;
  /** The marker's radius (px). */
  radius: number;
}

/**
 * The key of an event label's marker, as `EventLabels` builds it from a rendered feature: its event and
 * its label's words (each of an event's places is labelled by its own name), the two properties every
 * point carries (the points leave out what no layer reads, such as the place's index; source.ts).
 */
export const eventLabelKey = (id: string, label: string): string => `${id}#${label}`;

/**
 * The labels to leave out: each whose text, on the side the layer writes it first (to the right of its
 * marker), reaches into the view but would not show whole in it.
 */
export function cutEventLabels(labels: readonly EventLabel[], view: Size): string[] {
  const cut = new Set<string>();
  for (const l of labels) {
    const size = labelSize(l.text, MAX_WIDTH_EM);
    const offset = OFFSET_EM * TEXT_SIZE + l.radius;
    const b = labelBox(l.at, 'left', size, offset);
    const reaches = b.right > 0 && b.left < view.width && b.bottom > 0 && b.top < view.height;
    if (reaches && !fits(l.at, 'left', size, view, offset)) cut.add(l.key);
  }
  return [...cut].sort();
}

/** Keeps the event label layers free of labels cut by the view's edge (see above). */
export class EventLabels {
  private shown = '';

  constructor(private readonly map: MapLibreMap) {
    map.on('idle', () => this.update());
  }

  private update(): void {
    const map = this.map;
    const layers = [LAYER.eventLabel, LAYER.eventLabelRepeat].filter((id) => map.getLayer(id));
    if (!layers.length) return;
    const canvas = map.getCanvas();
    const view = { width: canvas.clientWidth, height: canvas.clientHeight };
    const labels: EventLabel[] = [];
    if (view.width)
      for (const f of map.queryRenderedFeatures({ layers })) {
        const p = f.properties as {
          id?: string;
          label?: string;
          here?: number;
          magnitude?: unknown;
        };
        if (!p.id || !p.label || f.geometry.type !== 'Point') continue;
        const at = map.project(f.geometry.coordinates as [number, number]);
        labels.push({
          key: eventLabelKey(p.id, p.label),
          text: labelText(p.label, Number(p.here ?? 1)),
          at: [at.x, at.y],
          radius: markerRadiusAt(typeof p.magnitude === 'number' ? p.magnitude : null),
        });
      }
    const cut = cutEventLabels(labels, view);
    const key = JSON.stringify(cut);
    if (key === this.shown) return;
    this.shown = key;
    // By opacity, not by filter: a filter lays the source out again (basemap-labels.ts). A hidden label
    // still takes its place in the collision, as it did when it was drawn cut.
    const opacity: DataDrivenPropertyValueSpecification<number> = cut.length
      ? ['case', ['in', ['concat', ['get', 'id'], '#', ['get', 'label']], ['literal', cut]], 0, 1]
      : 1;
    for (const id of layers) map.setPaintProperty(id, 'text-opacity', opacity);
  }
}
