/**
 * Bands drawn once, and the legend's bands by weapon (pure: no map, no DOM).
 *
 * A band is what the map draws: the weapon(s), where from, and the values. Range features that agree on
 * all three are one band whose claims are the union of theirs; the build already merges claims that way
 * (src/compiler/compile.ts, the same key), so a published build has one feature per band, but a
 * collection that is the sum of several (two builds' ranges.geojson, another tool's output, the same
 * document published twice) would otherwise draw the same band once per feature: its translucent fill
 * stacked darker, its label several times, its claims split between popups.
 *
 * The key is (weapon ids sorted, origin, min_km, max_km):
 * - the values are in it, so bands whose stated values differ are never merged: they are conflicting
 *   claims (or another basis) and stay side by side, each with its own `conflicts_with`;
 * - the status, basis, qualifier, claimant, document and date are not: they belong to each claim, and
 *   a band lists every claim with its own (as the build merges claims of several bases into one band);
 * - the origin is a point origin's position, or for an area origin its name with the drawn band's
 *   bounding box and size (the published band does not carry the area's own geometry; with the same
 *   values, the same area gives the same band, to the coordinate); a range with no origin (not drawn)
 *   has origin `none`, as in the build.
 */
import type { Claim, RangeBasis, RangeCollection, RangeFeature, RangeProperties } from '../contract.js';
import { headline } from '../contract.js';

/** The band a range feature draws (see the module's comment for what is in the key and why). */
export function bandKey(f: RangeFeature): string {
  const p = f.properties;
  // `weapons` is not among what data.ts checks: a feature without it is keyed by its weapon's name.
  return [[...(p.weapons ?? [p.weapon])].sort().join(' '), originKey(f), p.min_km, p.max_km].join('|');
}

function originKey(f: RangeFeature): string {
  const p = f.properties;
  if (p.origin) return `point:${p.origin.join(',')}`;
  if (p.origin_place == null || f.geometry === null) return 'none';
  return `area:${p.origin_place}:${geometryPrint(f.geometry)}`;
}

/** A polygon's bounding box and number of positions: the same for the same band, to the coordinate. */
function geometryPrint(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): string {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  let [w, s, e, n, count] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const ring of rings) {
    // Indexed, not destructured: a large archive has thousands of bands, read before its first view.
    for (let i = 0; i < ring.length; i++) {
      const x = ring[i][0];
      const y = ring[i][1];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
      count++;
    }
  }
  return `${w},${s},${e},${n}/${count}`;
}

/** The build's order of strength: the band is described by the text's figures, then a class, then the annotator's figure. */
const BASIS_RANK: Record<RangeBasis, number> = { stated: 0, class: 1, added: 2 };

export interface BandGroups {
  /** One feature per band, in the order of each band's first feature. */
  ranges: RangeCollection;
  /** Id of every feature merged into another band → that band's id (what a link or a conflict naming it opens). */
  aliases: Map<string, string>;
}

/**
 * One feature per band: features of the same key (bandKey) merged into the first of them, which keeps
 * its id; a feature alone on its key is returned as it is. The merged band:
 * - its claims: the strongest feature's first (its label and status are its first claim's), then the
 *   others' in their order; the same claim (document, line, column) listed once;
 * - its headline fields (excerpt, document, claimant, status, …) are its first claim's, `sources` the
 *   number of distinct documents, as the build writes them;
 * - its values' wording (basis, stated text, qualifier, label) is the strongest feature's;
 * - `conflicts_with`: every member's, named by band, without itself.
 */
export function groupBands(ranges: RangeCollection): BandGroups {
  const byKey = new Map<string, RangeFeature[]>();
  for (const f of ranges.features) {
    const key = bandKey(f);
    const group = byKey.get(key);
    if (group) group.push(f);
    else byKey.set(key, [f]);
  }
  const aliases = new Map<string, string>();
  for (const group of byKey.values())
    for (const f of group.slice(1)) aliases.set(f.properties.id, group[0].properties.id);
  if (!aliases.size) return { ranges, aliases };
  const named = (id: string) => aliases.get(id) ?? id;
  const features = [...byKey.values()].map((group) => {
    if (group.length === 1) {
      const f = group[0];
      const given = f.properties.conflicts_with ?? [];
      const conflicts = [...new Set(given.map(named))].filter((id) => id !== f.properties.id).sort();
      return same(conflicts, given) ? f : { ...f, properties: { ...f.properties, conflicts_with: conflicts } };
    }
    return merge(group, named);
  });
  return { ranges: { ...ranges, features }, aliases };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function merge(group: RangeFeature[], named: (id: string) => string): RangeFeature {
  const first = group[0];
  const lead = group.reduce((best, f) =>
    BASIS_RANK[f.properties.basis] < BASIS_RANK[best.properties.basis] ? f : best,
  );
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const f of [lead, ...group.filter((g) => g !== lead)]) {
    for (const c of f.properties.claims) {
      const key = `${c.document}:${c.line}:${c.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      claims.push(c);
    }
  }
  const id = first.properties.id;
  const conflicts = new Set(group.flatMap((f) => f.properties.conflicts_with ?? []).map(named));
  conflicts.delete(id);
  const { pending: _, ...base } = lead.properties;
  const properties: RangeProperties = {
    ...base,
    id,
    ...headline(claims),
    conflicts_with: [...conflicts].sort(),
  };
  return { ...first, id, properties };
}

/** One weapon's line in the legend. */
export interface WeaponBands {
  /** The weapon's display name, as the bands name it ("KN-11/KN-19" for a band of both). */
  weapon: string;
  /** Bands drawn (an origin given). */
  bands: number;
  /** Ranges stated with no origin: listed, not drawn. */
  unplaced: number;
  /** Claims over all of them. */
  claims: number;
  /** Some of its ranges state values that conflict (`conflicts_with`). */
  conflicting: boolean;
}

/** The legend's bands grouped by weapon: most bands first, then by name. */
export function bandsByWeapon(ranges: ReadonlyArray<Pick<RangeFeature, 'geometry' | 'properties'>>): WeaponBands[] {
  const by = new Map<string, WeaponBands>();
  for (const f of ranges) {
    const p = f.properties;
    const w = by.get(p.weapon) ?? { weapon: p.weapon, bands: 0, unplaced: 0, claims: 0, conflicting: false };
    if (f.geometry === null) w.unplaced++;
    else w.bands++;
    w.claims += p.claims?.length ?? 1;
    w.conflicting ||= (p.conflicts_with?.length ?? 0) > 0;
    by.set(p.weapon, w);
  }
  return [...by.values()].sort(
    (a, b) => b.bands + b.unplaced - (a.bands + a.unplaced) || a.weapon.localeCompare(b.weapon, 'en'),
  );
}
