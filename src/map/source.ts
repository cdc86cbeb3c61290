/**
 * The data as two GeoJSON sources: the ranges' (ids.ts SOURCE) and the events' (EVENT_SOURCE, clustered
 * in a large archive); features told apart by `kind`, each carrying only
 * the properties the styles need; popups and the list read the full features kept on the main thread.
 */
import type { GeoJSONSource, GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { EventCollection, EventFeature, EventPlace, RangeCollection, RangeProperties } from '../contract.js';
import type { Theme } from '../basemap/palette.js';
import { EVENT_SOURCE, SOURCE } from './ids.js';
import { CLUSTER, LARGE_ARCHIVE } from '../constants.js';
import { bandOutline } from './outline.js';
import { addPatterns } from './patterns.js';
import { rangeTimeProperties, timeProperties } from './period.js';
import * as s from './scales.js';

/**
 * One Point per place of each event (the published MultiPoint, taken apart), each with its own
 * precision and region, so that every place is drawn with its own halo and outline; all carry the
 * event's id, so a click on any of them selects the event. The event's figure sizes the marker of its
 * first place only: the others are drawn at the plain size, so that the area on the map stays
 * proportional to the number (188 drones over three places is not 564).
 */
export function leanEvents(
  events: EventCollection,
  isVisible: (id: string) => boolean = () => true,
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  // Written for 20,000 events and more, whose points are made again each time a switch or the period changes:
  // each event's visibility, places, position keys and dates are worked out once, and nothing is spread.
  const shown = events.features.map((f) => isVisible(f.properties.id));
  const points = events.features.map((f) =>
    f.properties.places.map((place, n) => {
      const lonlat = (f.geometry.coordinates[n] ?? place.lonlat) as [number, number];
      const label = markerLabel(f, n);
      return { place, lonlat, label, key: `${lonlat[0]},${lonlat[1]} ${label}` };
    }),
  );
  // How many of the events shown share each point and label (four country-level events at one country's
  // point, each labelled with its name): the label says so, and counts only what the layer toggles and the
  // period leave on the map. An event with a label of its own is not counted in another's: "Thai F-16
  // strikes (2 events)" beside "Border fighting (2 events)" read as four events, or two F-16 strikes.
  const here = new Map<string, number>();
  points.forEach((ps, i) => {
    if (!shown[i]) return;
    ps.forEach(({ key }, n) => {
      // An event counts once at a point, however many of its places are there.
      if (ps.findIndex((q) => q.key === key) === n) here.set(key, (here.get(key) ?? 0) + 1);
    });
  });
  // A label already written at the same point by an earlier event shown: drawn by the repeat layer (ids.ts).
  // A hidden event writes none, so the first shown event at a point keeps the label.
  const written = new Set<string>();
  const features: Array<GeoJSON.Feature<GeoJSON.Point>> = [];
  events.features.forEach((f, i) => {
    const { id, type, status, magnitude } = f.properties;
    const colour = s.colourOfType(type);
    const time = timeProperties(f.properties);
    points[i].forEach(({ place, lonlat, label, key }, n) => {
      const shared = here.get(key) ?? 1;
      const repeat = shown[i] && written.has(key);
      if (shown[i]) written.add(key);
      // Only what the layers' filters, paint and labels read: every key is copied to the map's worker and
      // kept in its tiles, twice over for 20,000 events. Popups and the list read the events themselves.
      // A figure is given only where it sizes the marker; `here` only when the point is shared (1 otherwise).
      const properties: Record<string, unknown> = {
        kind: 'event',
        id,
        type,
        colour,
        status,
        precision: place.precision,
        label,
      };
      // Each marker of an event that writes its own label= beside all its places is told apart, so that a
      // label cut by the view's edge at one place is hidden there only (event-labels.ts): at 375 px
      // "Border fighting" cut at Thailand's point hid it at Cambodia's too. Place names tell the others apart.
      if (points[i].length > 1 && label !== (place.name ?? f.properties.place)) properties.mark = n;
      if (n === 0 && typeof magnitude === 'number') properties.magnitude = magnitude;
      if (shared > 1) properties.here = shared;
      if (repeat) properties.repeat = true;
      if (time.t0 !== undefined) {
        properties.t0 = time.t0;
        properties.t1 = time.t1;
      }
      if (f.properties.pending) properties.pending = true;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: lonlat }, properties });
    });
  });
  return { type: 'FeatureCollection', features };
}

/** How many events share each point and label (`lon,lat label`): the label there says so (leanEvents). */
function eventsAt(events: EventCollection): Map<string, number> {
  const here = new Map<string, number>();
  for (const f of events.features)
    for (const key of new Set(eventPlaces(f).map((p, n) => markerKey(p.lonlat, markerLabel(f, n)))))
      here.set(key, (here.get(key) ?? 0) + 1);
  return here;
}

const markerKey = (lonlat: readonly number[], label: string) => `${lonlat.join(',')} ${label}`;

/** A marker's label as the label layers write it (layers.ts): "Odesa (2 events)" where two events labelled "Odesa" share the point. */
export const labelText = (label: string, here: number): string => (here > 1 ? `${label} (${here} events)` : label);

/** Each marker's position and the label drawn beside it, for what must keep clear of it (session.ts fitToData). */
export function markerTexts(events: EventCollection): Array<{ lonlat: [number, number]; text: string }> {
  const here = eventsAt(events);
  return events.features.flatMap((f) =>
    eventPlaces(f).map((p, n) => ({
      lonlat: p.lonlat,
      text: labelText(markerLabel(f, n), here.get(markerKey(p.lonlat, markerLabel(f, n))) ?? 1),
    })),
  );
}

/**
 * What a marker says: the annotator's `label=` when the event has one (beside every one of its
 * markers), else that place's name. Blank or absent (data built before `label`): the place name.
 */
export function markerLabel(f: EventFeature, n: number): string {
  const own = typeof f.properties.label === 'string' ? f.properties.label.trim() : '';
  return own || (f.properties.places[n]?.name ?? f.properties.place);
}

/** `pending: true` for an unreviewed suggestion (only the dev server's data has any), else nothing. */
const pendingOf = (p: { pending?: true }) => (p.pending ? { pending: true } : {});

/** An event's places, with their position in the geometry. */
export function eventPlaces(f: EventFeature): Array<Pick<EventPlace, 'precision' | 'admin1' | 'country' | 'lonlat'>> {
  return f.properties.places.map((p, n) => ({
    ...p,
    lonlat: (f.geometry.coordinates[n] ?? p.lonlat) as [number, number],
  }));
}

/** The ranges that are drawn: a range stated with no origin (geometry null) is listed, not drawn. */
function drawn(
  ranges: RangeCollection,
): Array<RangeCollection['features'][number] & { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }> {
  return ranges.features.filter(
    (f): f is typeof f & { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon } => f.geometry !== null,
  );
}

function leanRanges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: drawn(ranges).map((f) => {
      const { id, status, basis } = f.properties;
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          kind: 'range',
          id,
          status,
          basis,
          label: mapLabel(f.properties),
          ...rangeTimeProperties(f.properties),
        },
      };
    }),
  };
}

/** A band's label on the map; conflicting claims say so (scales.CONFLICT). */
export function mapLabel(p: Pick<RangeProperties, 'label' | 'conflicts_with'>): string {
  return p.conflicts_with?.length ? `${p.label} — ${s.CONFLICT.mapNote}` : p.label;
}

/** Band edges as lines, without the cut edges along ±180 and the poles (outline.ts). */
export function edges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: drawn(ranges).map((f) => {
      const { id, status, basis } = f.properties;
      return {
        type: 'Feature',
        geometry: bandOutline(f.geometry),
        properties: {
          kind: 'edge',
          id,
          status,
          basis,
          label: mapLabel(f.properties),
          ...rangeTimeProperties(f.properties),
          ...pendingOf(f.properties),
        },
      };
    }),
  };
}

/**
 * The box ([west, south], [east, north]) around every event's places and every range's origin, or null when
 * there are none: what the first view fits. A loop over plain numbers: extending a LngLatBounds point by
 * point took a tenth of a second at 100,000 events.
 */
export function dataExtent(
  events: { features: ReadonlyArray<{ geometry: { coordinates: ReadonlyArray<readonly number[]> } }> },
  ranges: { features: ReadonlyArray<{ properties: { origin: readonly number[] | null } }> },
): [[number, number], [number, number]] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (p: readonly number[]) => {
    const [x, y] = p;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  };
  for (const f of events.features) for (const p of f.geometry.coordinates) add(p);
  for (const f of ranges.features) if (f.properties.origin) add(f.properties.origin);
  return w <= e && s <= n
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}

/** Which side of its point a band's label is drawn on (MapLibre's `text-anchor`). */
export type LabelAnchor = 'bottom' | 'left' | 'right';

/**
 * Where a band's label goes: the southern, eastern and western extremes of its edge (the north is
 * often at the pole), so that one is usually on screen. Point labels cost far less to lay out than
 * labels along a ring that spans half the globe. Each label lies inside the band from its point (above
 * the southern one, east of the western one, west of the eastern one): where a story's view cuts the
 * band, the extreme sits at the view's edge, and a label centred on it was half cut off.
 */
export function labelPoints(lines: number[][][]): Array<{ point: number[]; anchor: LabelAnchor }> {
  const points = lines.flat();
  if (!points.length) return [];
  const by = (f: (p: number[]) => number) => points.reduce((best, p) => (f(p) < f(best) ? p : best));
  const picks: Array<{ point: number[]; anchor: LabelAnchor }> = [
    { point: by((p) => p[1]), anchor: 'bottom' },
    { point: by((p) => -p[0]), anchor: 'right' },
    { point: by((p) => p[0]), anchor: 'left' },
  ];
  const seen = new Set<string>();
  return picks.filter(({ point }) => !seen.has(point.join(',')) && Boolean(seen.add(point.join(','))));
}

/** Each band's label at its first extreme, wherever the view is (before the map has a size: band-labels.ts places them for a view). */
export function extremeLabels(edgeCollection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: edgeCollection.features.flatMap((f) =>
      labelPoints((f.geometry as GeoJSON.MultiLineString).coordinates)
        .slice(0, 1)
        .map(({ point, anchor }) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: point },
          properties: { ...f.properties, kind: 'label', anchor },
        })),
    ),
  };
}

/** Names compared as a reader reads them: "YEMEN" on the map and "Yemen" under a dot are one name. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The origins whose name the map already writes at them, which their own label would only repeat: an
 * event's marker at the same point labelled by that name ("Yemen" beside the event's dot and again under
 * the launch point's ring, a few pixels apart), or a story's highlighted area of that name (its label
 * "Yemen" over the country and "Yemen" under the origin inside it). Their ring stays; the band's label,
 * its popup and the list still name where it is drawn from.
 */
export function repeatedOrigins(
  ranges: RangeCollection,
  events: EventCollection | null,
  written: readonly string[] = [],
): Set<string> {
  const repeated = new Set<string>();
  // The points of the origins not already left out, and the event labels written at each of them.
  const labelsAt = new Map<string, string[]>();
  for (const f of ranges.features) {
    const { id, origin, origin_place: name } = f.properties;
    if (!origin || !name) continue;
    if (written.some((w) => sameName(w, name))) repeated.add(id);
    else labelsAt.set(origin.join(','), []);
  }
  if (!labelsAt.size || !events) return repeated;
  for (const f of events.features)
    eventPlaces(f).forEach((p, n) => labelsAt.get(p.lonlat.join(','))?.push(markerLabel(f, n)));
  for (const f of ranges.features) {
    const { id, origin, origin_place: name } = f.properties;
    if (origin && name && labelsAt.get(origin.join(','))?.some((l) => sameName(l, name))) repeated.add(id);
  }
  return repeated;
}

/** Each drawn range's origin point; `origin_label`, the name written under it, is left out where the map already writes that name there (repeatedOrigins). */
function origins(ranges: RangeCollection, repeated: ReadonlySet<string> = new Set()): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.flatMap((f) => {
      const { id, status, basis, origin, origin_place } = f.properties;
      return origin
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: origin },
              properties: {
                kind: 'origin',
                id,
                status,
                basis,
                origin_place,
                ...(origin_place && !repeated.has(id) ? { origin_label: origin_place } : {}),
                ...rangeTimeProperties(f.properties),
              },
            },
          ]
        : [];
    }),
  };
}

/**
 * The ranges as one collection of features of each kind (see SOURCE); the events go in EVENT_SOURCE
 * (leanEvents), the bands' labels in BAND_LABEL_SOURCE (band-labels.ts, from the edges).
 */
export function dataCollection(
  ranges: RangeCollection,
  edgeCollection = edges(ranges),
  repeated: ReadonlySet<string> = new Set(),
): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [...leanRanges(ranges).features, ...edgeCollection.features, ...origins(ranges, repeated).features],
  };
}

/** The data source, empty: it is part of the style from the start, and filled by setDataCollection. */
export function emptyDataSource(): GeoJSONSourceSpecification {
  // buffer (1/512 of a tile): enough for the widest halo (46 px), less than the default 128.
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.6, buffer: 64 };
}

/**
 * From this many events on, the events are clustered: a circle with a count per cluster of nearby
 * places, which opens (zooms in) on a click. Fewer are drawn one by one, as a reader of a small archive
 * expects; the bench (bench/scale.ts) measures where clustering starts to pay.
 */
export const CLUSTER_FROM = LARGE_ARCHIVE;
/** px: places nearer than this on screen cluster; up to this zoom (beyond it every place is drawn). */
export const CLUSTER_RADIUS = CLUSTER.radius;
export const CLUSTER_MAX_ZOOM = CLUSTER.maxZoom;

/** The events' source, empty and not clustered until setDataCollection knows how many there are. */
export function emptyEventSource(): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    tolerance: 0.6,
    buffer: 64,
    cluster: false,
    clusterRadius: CLUSTER_RADIUS,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
  };
}

/**
 * Zoom from which a clustered archive's lone markers are labelled with their place names (the label layers'
 * `minzoom`; an archive drawn one by one labels them at every zoom). Below it a view spans a continent or
 * more: the names of the markers left between clusters crowd one another, and laying out thousands of them
 * in every tile delayed the first view and each frame of a move (bench:scale).
 */
export const CLUSTERED_LABELS_FROM = 5;

/** Whether this many events are clustered. */
export function clusters(count: number): boolean {
  return count >= CLUSTER_FROM;
}

/**
 * The pattern images (patterns.ts) that the data layers will ask for in a theme: each patterned
 * marker's, the pending ring when a suggestion is shown, and the band hatch, which MapLibre asks for whenever the layer is there (it is constant).
 */
export function patternIds(events: EventCollection, theme: Theme): string[] {
  const ids = new Set<string>([s.bandHatchImage(theme)]);
  // Nothing copied per event: at 100,000 events a copy of each one's properties took a tenth of a second
  // on the page's thread before the events went to the map's worker.
  for (const f of events.features) {
    const p = f.properties;
    // An unreviewed suggestion's dashed ring (dev server and studio): asked for on demand, MapLibre warned
    // on the console that the image was missing before it was drawn.
    if (p.pending) ids.add(s.PENDING_RING);
    // The first place is sized by the event's figure; the others are drawn at the plain size.
    const first = s.markerPatternId(p);
    if (!first) continue; // a status drawn without a pattern, at any size
    ids.add(first);
    if (p.places.length > 1) ids.add(s.markerPatternId({ status: p.status, type: p.type, magnitude: null }) ?? first);
  }
  return [...ids];
}

/**
 * Fills the data source (and the events' source, unless `tiled`); until this runs the data layers draw nothing. The pattern images go in first:
 * a tile laid out before its image exists is laid out again once the image is added. Returns the bands'
 * edges, which BandLabels (band-labels.ts) places the labels on.
 */
export function setDataCollection(
  map: MapLibreMap,
  events: EventCollection,
  ranges: RangeCollection,
  theme: Theme,
  tiled = false,
  written: readonly string[] = [],
): GeoJSON.FeatureCollection {
  addPatterns(map, patternIds(events, theme));
  // The events first (unless they come as vector tiles, tiles.ts, their source already in place): the map's
  // worker takes its messages in turn, and clustering 100,000 events is its longest task; the bands' edges
  // and outlines are worked out on this thread while it clusters.
  if (!tiled) {
    const source = map.getSource(EVENT_SOURCE) as GeoJSONSource;
    if (clusters(events.features.length)) clusterWithNextData(source);
    source.setData(leanEvents(events));
  }
  const edgeCollection = edges(ranges);
  const repeated = repeatedOrigins(ranges, events, written);
  (map.getSource(SOURCE) as GeoJSONSource).setData(dataCollection(ranges, edgeCollection, repeated));
  return edgeCollection;
}

/**
 * Resolves once the map starts sending the data set next on `source` to its worker (its `dataloading`), or
 * once the worker has it, whichever comes first: call it before setData. A source still waiting for the
 * worker's answer to its data before (the style's empty data) sends the new data only when that answer
 * is read: until then the page's own thread had better stay free to read it.
 */
export function dataSending(source: {
  once(type: 'dataloading' | 'data', listener: () => void): unknown;
}): Promise<void> {
  return new Promise((resolve) => {
    source.once('dataloading', () => resolve());
    source.once('data', () => resolve());
  });
}

/**
 * Turns clustering on for the data set next, in the same message to the map's worker. `setClusterOptions`
 * sends a message of its own, which the data then waits behind: at 100,000 events the worker, busy with the
 * basemap's tiles, answered it only a quarter of a second later, and the data (and the first view) waited
 * for it. The radius and the zoom are the empty source's already (emptyEventSource).
 */
export function clusterWithNextData(source: { workerOptions: { geojsonVtOptions?: { cluster?: boolean } } }): void {
  const vt = source.workerOptions.geojsonVtOptions;
  if (vt) vt.cluster = true;
}

/**
 * Events drawn unclustered, after the layer toggles or the period changed: the features stay (the layer
 * filters hide what is off), and each label's "(N events)" and which marker writes the label at a
 * shared point are counted again over the events shown, so "Odesa (2 events)" becomes "Odesa" when one
 * of the two is switched off.
 */
export function setCountedEvents(map: MapLibreMap, events: EventCollection, isVisible: (id: string) => boolean): void {
  (map.getSource(EVENT_SOURCE) as GeoJSONSource).setData(leanEvents(events, isVisible));
}

/**
 * Clustered events: the layer filters cannot reach inside a cluster's count, so the source holds only
 * the visible events (hidden types and statuses and the period left out) and is set again when they change.
 */
export function setVisibleEvents(map: MapLibreMap, events: EventCollection, isVisible: (id: string) => boolean): void {
  (map.getSource(EVENT_SOURCE) as GeoJSONSource).setData(
    leanEvents({ type: 'FeatureCollection', features: events.features.filter((f) => isVisible(f.properties.id)) }),
  );
}
