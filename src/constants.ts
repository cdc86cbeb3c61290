/**
 * Constants shared by the build and the app. Units live here once; nothing else repeats a factor.
 */

/** Length units accepted in stated ranges, in kilometres per unit. Keys are lower case. */
export const KM_PER_UNIT: Readonly<Record<string, number>> = {
  km: 1,
  kms: 1,
  kilometre: 1,
  kilometres: 1,
  kilometer: 1,
  kilometers: 1,
  m: 0.001,
  metre: 0.001,
  metres: 0.001,
  meter: 0.001,
  meters: 0.001,
  mi: 1.609344,
  mile: 1.609344,
  miles: 1.609344,
  nmi: 1.852,
  // "1,000 nm": in a weapon's range, nautical miles (as navies and air forces write it), never nanometres.
  nm: 1.852,
  'nautical mile': 1.852,
  'nautical miles': 1.852,
};

/**
 * Definitional range bands of missile classes, in km, as used by the U.S. Department of Defense
 * (Ballistic and Cruise Missile Threat, DIA/NASIC 2020): SRBM < 1,000; MRBM 1,000–3,000;
 * IRBM 3,000–5,500; ICBM > 5,500 (drawn to 16,000, the longest ranges publicly attributed).
 * A range written as a class ("intermediate-range") maps to its band and is marked derived.
 */
export const RANGE_CLASSES: Readonly<Record<string, { min_km: number; max_km: number; phrases: readonly string[] }>> = {
  SRBM: { min_km: 0, max_km: 1000, phrases: ['short-range', 'short range'] },
  MRBM: { min_km: 1000, max_km: 3000, phrases: ['medium-range', 'medium range'] },
  IRBM: { min_km: 3000, max_km: 5500, phrases: ['intermediate-range', 'intermediate range'] },
  ICBM: { min_km: 5500, max_km: 16000, phrases: ['intercontinental', 'intercontinental-range'] },
};

/** A range over this (km) is valid but suspicious: it is more than half the Earth's circumference. */
export const SUSPICIOUS_RANGE_KM = 20000;

/** Half the WGS84 meridian circumference (km): every point of the Earth lies within it. */
export const HALF_MERIDIAN_KM = 20003.93;

/**
 * Abbreviations after which a full stop does not end a sentence (excerpt boundaries).
 * Lower case, with their dots.
 */
export const NON_TERMINAL_ABBREVIATIONS: readonly string[] = [
  'u.s.',
  'u.k.',
  'u.n.',
  'e.u.',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'st.',
  'gen.',
  'lt.',
  'col.',
  'maj.',
  'capt.',
  'sgt.',
  'adm.',
  'sen.',
  'rep.',
  'gov.',
  'pres.',
  'no.',
  'vs.',
  'approx.',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
  'jr.',
  'sr.',
  'inc.',
];

/** The colour of an event type that data/types.json does not declare: a neutral grey no declared type uses. */
export const FALLBACK_COLOUR = '#8c8c8c';
/**
 * From this many events on, an archive is large: the page clusters its events, virtualises and indexes
 * its list, and the build writes a compact index of the events with their claims in chunks (page-index.ts).
 */
export const LARGE_ARCHIVE = 2000;

/**
 * How events cluster, on the page (MapLibre's GeoJSON clustering) and in the vector tiles the build writes
 * past TILES_FROM (src/compiler/event-tiles.ts), so that both draw the same clusters: places nearer than
 * `radius` px (on 512 px tiles) cluster, up to `maxZoom`; beyond it every place is drawn.
 */
export const CLUSTER = { radius: 40, maxZoom: 11 } as const;

/**
 * From this many events on, `npm run data` also writes the events as vector tiles in one PMTiles archive
 * (events.pmtiles), and the page draws its events from it instead of clustering them itself; the list,
 * search and popups still read the compact index. Measured with `npm run bench:scale -- --tiles` (README
 * "Large archives"): at 20,000 events both pages are alike; at 100,000 the page's index alone is 5.4 MB gzip
 * (57 B/event, past the 5 MB first-load budget from about 92,000) and the tiled page was ready 18% sooner
 * with frames 39% shorter. The GeoJSON path is specified and measured up to 100,000 events (issue 19), so
 * the switch is made, conservatively, at twice that; `npm run data -- --tiles` switches a smaller large archive.
 */
export const TILES_FROM = 200_000;
