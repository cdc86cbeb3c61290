/**
 * The data as one GeoJSON source (ids.ts SOURCE): features told apart by `kind`, each carrying only
 * the properties the styles need; popups and the list read the full features kept on the main thread.
 */
import type { GeoJSONSource, GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { EventCollection, EventFeature, EventPlace, RangeCollection, RangeProperties } from '../contract';
import type { Theme } from '../basemap/palette';
import { SOURCE } from './ids';
import { bandOutline } from './outline';
import { addPatterns } from './patterns';
import { timeProperties } from './period';
import * as s from './scales';

/**
 * One Point per place of each event (the published MultiPoint, taken apart), each with its own
 * precision and region, so that every place is drawn with its own halo and outline; all carry the
 * event's id, so a click on any of them selects the event. The event's figure sizes the marker of its
 * first place only: the others are drawn at the plain size, so that the area on the map stays
 * proportional to the number (188 drones over three places is not 564).
 */
export function leanEvents(events: EventCollection): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: events.features.flatMap((f) => {
      const { id, type, status, magnitude } = f.properties;
      return eventPlaces(f).map((place, n) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: place.lonlat },
        properties: { kind: 'event', id, place_index: n, type, colour: s.colourOfType(type), status, precision: place.precision, magnitude: n === 0 ? magnitude : null, admin1: place.admin1, ...timeProperties(f.properties) },
      }));
    }),
  };
}

/** An event's places, with their position in the geometry. */
export function eventPlaces(f: EventFeature): Array<Pick<EventPlace, 'precision' | 'admin1' | 'country' | 'lonlat'>> {
  return f.properties.places.map((p, n) => ({ ...p, lonlat: (f.geometry.coordinates[n] ?? p.lonlat) as [number, number] }));
}

/** The ranges that are drawn: a range stated with no origin (geometry null) is listed, not drawn. */
function drawn(ranges: RangeCollection): Array<RangeCollection['features'][number] & { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }> {
  return ranges.features.filter((f): f is typeof f & { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon } => f.geometry !== null);
}

function leanRanges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: drawn(ranges).map((f) => {
      const { id, status, basis } = f.properties;
      return { type: 'Feature', geometry: f.geometry, properties: { kind: 'range', id, status, basis, label: mapLabel(f.properties) } };
    }),
  };
}

/** A band's label on the map; conflicting claims say so (scales.CONFLICT). */
export function mapLabel(p: Pick<RangeProperties, 'label' | 'conflicts_with'>): string {
  return p.conflicts_with?.length ? `${p.label} — ${s.CONFLICT.mapNote}` : p.label;
}

/** Band edges as lines, without the cut edges along ±180 and the poles (outline.ts). */
function edges(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: drawn(ranges).map((f) => {
      const { id, status, basis } = f.properties;
      return { type: 'Feature', geometry: bandOutline(f.geometry), properties: { kind: 'edge', id, status, basis, label: mapLabel(f.properties) } };
    }),
  };
}

/**
 * Where a band's label goes: the southern, eastern and western extremes of its edge (the north is
 * often at the pole), so that one is usually on screen. Point labels cost far less to lay out than
 * labels along a ring that spans half the globe.
 */
export function labelPoints(lines: number[][][]): number[][] {
  const points = lines.flat();
  if (!points.length) return [];
  const by = (f: (p: number[]) => number) => points.reduce((best, p) => (f(p) < f(best) ? p : best));
  const picks = [by((p) => p[1]), by((p) => -p[0]), by((p) => p[0])];
  return [...new Map(picks.map((p) => [p.join(','), p])).values()];
}

function labels(edgeCollection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: edgeCollection.features.flatMap((f) =>
      labelPoints((f.geometry as GeoJSON.MultiLineString).coordinates).map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: p },
        properties: { ...f.properties, kind: 'label' },
      })),
    ),
  };
}

function origins(ranges: RangeCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: ranges.features.flatMap((f) => {
      const { id, status, basis, origin, origin_place } = f.properties;
      return origin ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: origin }, properties: { kind: 'origin', id, status, basis, origin_place } }] : [];
    }),
  };
}

/** The data as one collection of features of each kind (see SOURCE). */
export function dataCollection(events: EventCollection, ranges: RangeCollection): GeoJSON.FeatureCollection {
  const edgeCollection = edges(ranges);
  return {
    type: 'FeatureCollection',
    features: [
      ...leanRanges(ranges).features,
      ...edgeCollection.features,
      ...labels(edgeCollection).features,
      ...origins(ranges).features,
      ...leanEvents(events).features,
    ],
  };
}

/** The data source, empty: it is part of the style from the start, and filled by setDataCollection. */
export function emptyDataSource(): GeoJSONSourceSpecification {
  // buffer (1/512 of a tile): enough for the widest halo (46 px), less than the default 128.
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.6, buffer: 64 };
}

/**
 * The pattern images (patterns.ts) that the data layers will ask for in a theme: each patterned
 * marker's, and the band hatch, which MapLibre asks for whenever the layer is there (it is constant).
 */
export function patternIds(events: EventCollection, theme: Theme): string[] {
  const ids = new Set<string>([s.bandHatchImage(theme)]);
  for (const f of events.features) {
    // The first place is sized by the event's figure; the others are drawn at the plain size.
    for (const magnitude of [f.properties.magnitude, ...(f.properties.places.length > 1 ? [null] : [])]) {
      const id = s.markerPatternId({ ...f.properties, magnitude });
      if (id) ids.add(id);
    }
  }
  return [...ids];
}

/**
 * Fills the data source; until this runs the data layers draw nothing. The pattern images go in first:
 * a tile laid out before its image exists is laid out again once the image is added.
 */
export function setDataCollection(map: MapLibreMap, events: EventCollection, ranges: RangeCollection, theme: Theme): void {
  addPatterns(map, patternIds(events, theme));
  (map.getSource(SOURCE) as GeoJSONSource).setData(dataCollection(events, ranges));
}
