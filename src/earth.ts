/**
 * The Earth model, declared once: the WGS84 ellipsoid and the geodesic solver on it
 * (GeographicLib, C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 2013),
 * plus the limits and tolerances of range geometry.
 */
import geodesic from 'geographiclib-geodesic';

/** Geodesic solver on WGS84; distances in metres, angles in degrees. */
export const WGS84 = geodesic.Geodesic.WGS84;

/** Output masks of the solver (bit flags; ask only for what is used, it is faster). */
export const GEODESIC_MASK = {
  position: geodesic.Geodesic.LATITUDE | geodesic.Geodesic.LONGITUDE,
  distance: geodesic.Geodesic.DISTANCE,
} as const;

/** WGS84 equatorial radius in metres and flattening (dimensionless). */
export const WGS84_A = WGS84.a;
export const WGS84_F = WGS84.f;

/** IUGG mean Earth radius in metres, for estimates on a sphere (vertex counts, which centres to keep). */
export const MEAN_RADIUS_M = 6_371_008.8;

/** Metres per kilometre. */
export const M_PER_KM = 1000;

/** Latitude in degrees where Web Mercator (and so MapLibre's tiles) stops: atan(sinh(π)). */
export const MERCATOR_MAX_LAT = 85.0511287798066;

export const RANGE_LIMITS = {
  /** Smallest outer radius in km: a smaller circle is lost in the rounding of output coordinates. */
  minKm: 0.1,
  /**
   * Largest radius in km. The boundary of a disk is traced by the direct geodesic problem, which gives
   * points exactly at the radius only while the radius is below the distance to the cut locus of the
   * origin; that distance is smallest, π·a·(1 − f) ≈ 19,970 km, for an origin on the equator. 70 km margin.
   */
  maxKm: 19_900,
  /** Default largest deviation of a drawn boundary from the true distance, as a fraction of its radius. */
  tolerance: 0.001,
  /** Accepted tolerances (fraction of the radius): finer is slow, coarser is not worth drawing. */
  minTolerance: 1e-5,
  maxTolerance: 0.1,
} as const;

/** Decimals kept in output coordinates (degrees); 1e-6° is at most 0.11 m. */
export const COORDINATE_DECIMALS = 6;

/** A coordinate in degrees rounded to COORDINATE_DECIMALS, as published. */
export const roundDegrees = (degrees: number): number => Number(degrees.toFixed(COORDINATE_DECIMALS));

/** Worst displacement in metres from rounding a position to COORDINATE_DECIMALS (half a unit in lon and lat). */
export const ROUNDING_M = 0.08;
