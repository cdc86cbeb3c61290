/**
 * pointName: how a point with no name of its own is written for a reader ("47.3° N, 35° E"): latitude
 * first, as atlases and news graphics write it, with each hemisphere's letter so that the order cannot be
 * misread (a bare "47.3, 35" reads either way, and the file format itself writes "lon,lat"). Pure.
 */
export function pointName([lon, lat]: readonly [number, number]): string {
  return `${degrees(lat, 'N', 'S')}, ${degrees(lon, 'E', 'W')}`;
}

function degrees(value: number, positive: string, negative: string): string {
  if (value === 0) return '0°';
  return `${Math.abs(value)}° ${value > 0 ? positive : negative}`;
}
