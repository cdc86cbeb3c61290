/**
 * event-labels: an event's label that the view's edge would cut is left out, as a band's label is moved
 * and a basemap name hidden (band-labels.ts, basemap-labels.ts). At phone width "Pyongyang", beside its
 * marker at the right edge, was drawn "Pyong". The label layers (layers.ts `eventLabel`) place the text on
 * one of four sides of its marker (right, left, above, below: MapLibre's variable anchors); MapLibre's
 * placement does not know the view's edge, and a layout property cannot be set per feature and per view
 * without laying the source out again, so a label is not moved: each time the map comes to rest, the
 * labels whose placed text reaches the view's edge are made transparent (the marker stays, and its details
 * still name the place).
 *
 * Which labels reach the edge is asked of MapLibre itself: `queryRenderedFeatures` over a strip along each
 * edge returns the symbols whose placed boxes meet it, on whatever side of their marker they were placed
 * and however wide their text was laid out. An estimate from the text's length (as band-labels.ts must
 * use for labels it has not placed yet) missed a label drawn to the left of its marker ("ting" of "Border
 * fighting" at the left edge of a 375 px embed) and one MapLibre kept on one line where the estimate
 * wrapped it ("Ambassador recalle"), and hid labels that fitted.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { EDGE_ROOM, type Size } from './band-labels';
import { LAYER } from './ids';
import { FADED } from './step-focus';

/** A box on screen, [[left, top], [right, bottom]] in px, as `queryRenderedFeatures` takes it. */
export type ScreenBox = [[number, number], [number, number]];

/**
 * The key of an event label's marker, as `EventLabels` builds it from a rendered feature: its event and
 * its label's words (each of an event's places is labelled by its own name), the two properties every
 * point carries, and `mark`, which of its markers, where an event's own label= is written at several
 * places (the points leave out what no layer reads, such as the place's index elsewhere; source.ts).
 */
export const eventLabelKey = (id: string, label: string, mark?: number): string =>
  mark === undefined ? `${id}#${label}` : `${id}#${label}#${mark}`;

/** The same key as a MapLibre expression over a point's properties (source.ts `mark`: which of its markers). */
const KEY_EXPRESSION: ExpressionSpecification = [
  'concat',
  ['get', 'id'],
  '#',
  ['get', 'label'],
  ['case', ['has', 'mark'], ['concat', '#', ['to-string', ['get', 'mark']]], ''],
];

/**
 * The strips along the view's four edges, `room` px deep, that a label showing whole keeps clear of (its
 * halo and a little air: band-labels' `EDGE_ROOM`). A label whose placed text meets one is cut by the edge
 * or about to be; one wholly outside the view meets none (MapLibre draws nothing of it).
 */
export function edgeStrips(view: Size, room: number = EDGE_ROOM): ScreenBox[] {
  const { width: w, height: h } = view;
  if (w <= 0 || h <= 0) return [];
  const r = Math.min(room, w / 2, h / 2);
  return [
    [
      [0, 0],
      [r, h],
    ],
    [
      [w - r, 0],
      [w, h],
    ],
    [
      [0, 0],
      [w, r],
    ],
    [
      [0, h - r],
      [w, h],
    ],
  ];
}

/** The keys of the event labels among rendered symbols (each once, sorted): what the layers' opacity leaves out. */
export function labelKeys(features: ReadonlyArray<{ properties?: Record<string, unknown> | null }>): string[] {
  const keys = new Set<string>();
  for (const f of features) {
    const p = f.properties ?? {};
    if (typeof p.id === 'string' && typeof p.label === 'string' && p.label)
      keys.add(eventLabelKey(p.id, p.label, typeof p.mark === 'number' ? p.mark : undefined));
  }
  return [...keys].sort();
}

/** Keeps the event label layers free of labels cut by the view's edge (see above). */
export class EventLabels {
  private shown = '';

  constructor(private readonly map: MapLibreMap) {
    map.on('idle', () => this.update());
  }

  private update(): void {
    const map = this.map;
    // With a story step's faded twins (step-focus.ts), drawn at FADED.
    const faded = new Set<string>([LAYER.eventLabelFaded, LAYER.eventLabelRepeatFaded]);
    const layers = [LAYER.eventLabel, LAYER.eventLabelRepeat, ...faded].filter((id) => map.getLayer(id));
    if (!layers.length) return;
    const canvas = map.getCanvas();
    const view = { width: canvas.clientWidth, height: canvas.clientHeight };
    // A hidden label keeps its place (below), so it is found here again while it still meets the edge.
    const cut = labelKeys(edgeStrips(view).flatMap((box) => map.queryRenderedFeatures(box, { layers })));
    const key = JSON.stringify(cut);
    if (key === this.shown) return;
    this.shown = key;
    // By opacity, not by filter: a filter lays the source out again (basemap-labels.ts). A hidden label
    // still takes its place in the collision, as it did when it was drawn cut.
    const opacity: DataDrivenPropertyValueSpecification<number> = cut.length
      ? ['case', ['in', KEY_EXPRESSION, ['literal', cut]], 0, 1]
      : 1;
    for (const id of layers)
      map.setPaintProperty(id, 'text-opacity', faded.has(id) ? (['*', FADED, opacity] as never) : opacity);
  }
}
