/**
 * Great-circle distance on a sphere, for ranking candidates and scoring the benchmark (acc@161 is
 * defined on the great circle, as in the literature). Not for drawing ranges: those use the
 * ellipsoid.
 */

import { M_PER_KM, MEAN_RADIUS_M } from '../../earth.js';

/** Mean Earth radius (km), IUGG R1, from the project's Earth model. */
const EARTH_RADIUS_KM = MEAN_RADIUS_M / M_PER_KM;

const RAD = Math.PI / 180;

/** Distance in km between two [lon, lat] points in degrees (haversine). */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in km by the equirectangular approximation: within 1% of the great circle up to a few
 * hundred km, cheaper than haversine. For ranking by nearness only.
 */
export function approxDistanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  let dLon = Math.abs(b[0] - a[0]);
  if (dLon > 180) dLon = 360 - dLon;
  const x = dLon * RAD * Math.cos(((a[1] + b[1]) / 2) * RAD);
  const y = (b[1] - a[1]) * RAD;
  return EARTH_RADIUS_KM * Math.sqrt(x * x + y * y);
}
