/**
 * Outlines to draw, derived from polygons: pure functions, no map.
 *
 * - `bandOutline`: a range band's edge. The build cuts range polygons at the antimeridian and closes
 *   rings that enclose a pole along the pole, so those cut edges (on lon ±180 or lat ±90) are part of
 *   the rings but not of the band's real edge; drawn, they would show as lines along ±180 or around
 *   the pole. They are left out here.
 * - `dissolvedOutline`: the outer boundary of a set of polygons that share edges exactly (Natural
 *   Earth admin-1 regions of one country, from one topology): the edges that only one polygon has.
 */
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/** Degrees: how close to ±180 / ±90 a coordinate must be to count as on a cut. */
export const CUT_TOLERANCE = 1e-9;

const near = (a: number, b: number) => Math.abs(a - b) <= CUT_TOLERANCE;

/** True when the edge a→b runs along the antimeridian or along a pole, where the build cuts rings. */
export function isCutEdge(a: Position, b: Position): boolean {
  const onMeridian = near(Math.abs(a[0]), 180) && near(a[0], b[0]);
  const onPole = near(Math.abs(a[1]), 90) && near(a[1], b[1]);
  return onMeridian || onPole;
}

/**
 * A ring's edges as lines, without its cut edges. A ring with no cut edge comes back whole (closed);
 * a ring made only of cut edges (the world rectangle of a band enclosing both poles) gives nothing.
 */
export function ringOutline(ring: Position[]): Position[][] {
  const n = ring.length - 1; // closed ring: the last position repeats the first
  if (n < 2) return [];
  const cut = (i: number) => isCutEdge(ring[i % n], ring[(i + 1) % n]);
  const firstCut = Array.from({ length: n }, (_, i) => i).find(cut);
  if (firstCut === undefined) return [ring.slice()];
  // Walk the ring once, starting just after a cut edge, so that every run of kept edges is contiguous.
  const lines: Position[][] = [];
  let line: Position[] = [];
  for (let k = 1; k <= n; k++) {
    const i = (firstCut + k) % n;
    if (cut(i)) {
      if (line.length > 1) lines.push(line);
      line = [];
    } else {
      if (!line.length) line.push(ring[i]);
      line.push(ring[(i + 1) % n]);
    }
  }
  if (line.length > 1) lines.push(line);
  return lines;
}

/** The drawable edge of a range band (Polygon or MultiPolygon), cut edges left out. */
export function bandOutline(geometry: Polygon | MultiPolygon): MultiLineString {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  return { type: 'MultiLineString', coordinates: rings.flatMap(ringOutline) };
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/**
 * The outer boundary of polygons that share edges vertex for vertex: every edge that occurs once
 * (shared edges occur twice, once each way), chained into lines. Used for a country's outline from
 * its admin-1 regions, whose shared borders would otherwise show.
 */
export function dissolvedOutline(polygons: Array<Polygon | MultiPolygon>): MultiLineString {
  const count = new Map<string, number>();
  const edges: Array<[Position, Position]> = [];
  const edgeKey = (a: Position, b: Position) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  for (const g of polygons) {
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const k = edgeKey(ring[i], ring[i + 1]);
        count.set(k, (count.get(k) ?? 0) + 1);
        edges.push([ring[i], ring[i + 1]]);
      }
    }
  }
  // Chain the single edges in ring order: consecutive edges of a ring share a vertex.
  const lines: Position[][] = [];
  let line: Position[] = [];
  for (const [a, b] of edges) {
    const single = count.get(edgeKey(a, b)) === 1;
    if (!single) {
      if (line.length > 1) lines.push(line);
      line = [];
      continue;
    }
    if (line.length && key(line[line.length - 1]) === key(a)) line.push(b);
    else {
      if (line.length > 1) lines.push(line);
      line = [a, b];
    }
  }
  if (line.length > 1) lines.push(line);
  return { type: 'MultiLineString', coordinates: lines };
}

/** A first-level region as the basemap has it (`public/basemap/admin1.geojson`). */
export type RegionFeature = GeoJSON.Feature<Polygon | MultiPolygon, { code: string; name?: string; country?: string }>;

/**
 * The key of the outline an event's place is drawn with when hovered or selected: its admin-1 region
 * (`RU-KRS`) for precision 3, its country (`country:UA`) for precision 4, none for a point or city.
 */
export function outlineKey(p: { precision: number; admin1: string | null; country: string | null }): string | null {
  if (p.precision === 3 && p.admin1) return p.admin1;
  if (p.precision === 4 && p.country) return `country:${p.country}`;
  return null;
}

/**
 * Areas (to fill) and outlines (to stroke) for the given keys, from the admin-1 regions. A country is
 * the regions whose ISO 3166-2 code starts with its code, so it follows the codes rather than
 * Natural Earth's de-facto `country` field (Crimea, UA-43, is drawn with Ukraine); its outline is the
 * regions' dissolved boundary. Features carry `kind` ('area' or 'line') and `key`.
 */
export function placeOutlines(regions: RegionFeature[], keys: Iterable<string>): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const key of new Set(keys)) {
    const country = key.startsWith('country:') ? key.slice('country:'.length) : null;
    const members = regions.filter((r) =>
      country ? r.properties.code?.startsWith(`${country}-`) : r.properties.code === key,
    );
    if (!members.length) continue;
    for (const r of members)
      features.push({ type: 'Feature', geometry: r.geometry, properties: { kind: 'area', key } });
    const line: MultiLineString = country
      ? dissolvedOutline(members.map((r) => r.geometry))
      : {
          type: 'MultiLineString',
          coordinates: members.flatMap((r) =>
            r.geometry.type === 'Polygon' ? r.geometry.coordinates : r.geometry.coordinates.flat(),
          ),
        };
    features.push({ type: 'Feature', geometry: line, properties: { kind: 'line', key } });
  }
  return { type: 'FeatureCollection', features };
}
