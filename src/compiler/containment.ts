/**
 * containment: whether the places that claims of one event state can all be true. A place inside
 * another (a city and its region or country, Moscow and Moscow Oblast) is consistent; only places
 * that cannot both hold are a conflict. Pure.
 */
import type { ResolvedPlace } from '../contract.js';
import { distanceKm } from './places/distance.js';

/**
 * How far apart (km) two places may lie and still be the same happening, by the coarser place's
 * precision level: used only where codes cannot tell (a point the annotator gave, a continent or a
 * wider area, which carry no region or country code to compare).
 */
export const NEAR_KM: Readonly<Record<number, number>> = { 1: 5, 2: 30, 3: 400, 4: 1500, 5: 5000 };

const same = (a: ResolvedPlace, b: ResolvedPlace) =>
  (a.geonames !== null && a.geonames === b.geonames) ||
  (a.wikidata !== null && a.wikidata === b.wikidata) ||
  (a.name === b.name && a.lonlat[0] === b.lonlat[0] && a.lonlat[1] === b.lonlat[1]);

/** The region's name without its designator: "Moscow Oblast" → "moscow ". */
const stem = (name: string) => `${name.toLowerCase().split(' ').slice(0, -1).join(' ')} `;

/** Whether `inner` lies in `outer`, by the codes the gazetteer gives (ISO 3166-1 country, ISO 3166-2 region). */
function contains(outer: ResolvedPlace, inner: ResolvedPlace): boolean {
  if (outer.kind === 'country') return outer.country !== null && inner.country === outer.country;
  if (outer.kind !== 'region' || outer.admin1 === null) return false;
  if (inner.admin1 === outer.admin1) return true;
  // A city that is a region of its own (Moscow, Kyiv) and the region named after it around it, which
  // the press names for both ("the Moscow region"): one country, the region's name is the city's plus
  // its designator.
  return (
    inner.kind === 'city' && inner.country === outer.country && stem(outer.name) === `${inner.name.toLowerCase()} `
  );
}

/**
 * Codes decide for countries, and for cities and regions that carry their region's code; a point, a
 * continent, a wider area, or a place without codes (a US county) is compared by distance.
 */
const hasCodes = (p: ResolvedPlace) =>
  p.kind === 'country' ? p.country !== null : (p.kind === 'city' || p.kind === 'region') && p.admin1 !== null;

/**
 * How far (km) a wide water area reaches from its point, by what its name says it is. The gazetteer
 * gives a sea, a gulf or a bay a point, not an outline (data/gazetteer/features.yaml), and NEAR_KM[5]
 * (5,000 km) is the reach of a continent or an ocean: with it a point 1,700 km from the Gulf of Aden, in
 * the Gulf of Oman, was the same happening. A gulf or a bay reaches at most about 1,500 km from its
 * point (the Bay of Bengal's mouth, the widest of the gazetteer's; the Gulf of Aden's is about 500 km
 * from its point to Bab-el-Mandeb), a sea about 2,500 km (the Philippine Sea); an ocean, a continent, a
 * macro-region ("Gulf states", "Sahel") or a desert keeps NEAR_KM[5]. Generous on purpose: a point past
 * this is well outside the area, and a false conflict would mark consistent sources as disagreeing.
 */
const AREA_REACH_KM: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(gulf|bay) of\b|\b(gulf|bay)$/i, 1500],
  [/^sea of\b|\bsea$/i, 2500],
];

/** How far (km) from its point a place may be matched by another of precision level `precision` or finer. */
function reachKm(p: ResolvedPlace): number {
  if (p.kind === 'area' && p.precision === 5)
    for (const [words, km] of AREA_REACH_KM) if (words.test(p.name.trim())) return km;
  return NEAR_KM[p.precision];
}

/**
 * Whether two places can both be where the event happened. By codes where both have them; otherwise by
 * the great-circle distance between their points (across the antimeridian too), within the reach of the
 * coarser of the two: a point inside a wide area is the same happening, one well outside it is not.
 */
export function compatible(a: ResolvedPlace, b: ResolvedPlace): boolean {
  if (same(a, b) || contains(a, b) || contains(b, a)) return true;
  if (hasCodes(a) && hasCodes(b)) return false;
  const coarser =
    a.precision === b.precision ? Math.max(reachKm(a), reachKm(b)) : reachKm(a.precision > b.precision ? a : b);
  return distanceKm(a.lonlat, b.lonlat) <= coarser;
}

/**
 * Whether the places the claims of an event state conflict. `stated[0]` is the defining claim's
 * places, the event's own; each further list is a joining claim's. A joining claim conflicts when
 * it states a place compatible with none of the event's places; two claims that state one place
 * each conflict when those two places are incompatible.
 */
export function placesConflict(stated: ReadonlyArray<readonly ResolvedPlace[]>): boolean {
  const [own, ...others] = stated;
  if (!own) return false;
  if (others.some((list) => list.some((p) => !own.some((q) => compatible(p, q))))) return true;
  const singles = stated.filter((list) => list.length === 1).map(([p]) => p);
  return singles.some((p, i) => singles.slice(i + 1).some((q) => !compatible(p, q)));
}
