/**
 * documentEvidence adds up the other mentions' countries, regions and points by the index's numbers in
 * scratch space it reuses: the same evidence, to the last bit, as the plain reading by name below (the
 * code it replaced), however many times it is called.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countryOf, indexOf, levelOf, lonlatOf, regionOf, type Gazetteer } from '../../src/compiler/gazetteer.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { documentEvidence, WEIGHTS, type Evidence, type Weights } from '../../src/compiler/resolve.js';

let g: Gazetteer;
beforeAll(() => {
  g = loadGazetteer();
}, 180_000);

type Others = Array<{ belief: Array<{ i: number; p: number }>; count: number }>;

/** The evidence read by name into maps, as the resolver did before (surest 150 points). */
function byName(x: ReturnType<typeof indexOf>, base: Evidence, others: Others, w: Weights): Evidence {
  const countryMass = new Map<string, number>();
  const countryNamed = new Map<string, number>();
  const siblingMass = new Map<string, number>();
  let mentions = 0;
  const regions = new Map(base.regions);
  const points = new Map<number, number>();
  for (const { belief, count } of others) {
    if (belief.length === 0) continue;
    mentions += count;
    for (const { i, p } of belief) {
      const level = levelOf(x, i);
      const c = countryOf(x, i);
      if (c) countryMass.set(c, (countryMass.get(c) ?? 0) + p * count);
      if (c && level === 'country') countryNamed.set(c, Math.max(countryNamed.get(c) ?? 0, p));
      const sib = level === 'country' ? '' : level === 'region' && c ? c : null;
      if (sib !== null) siblingMass.set(sib, (siblingMass.get(sib) ?? 0) + p * count);
      const r = regionOf(x, i);
      if (r && (level === 'city' || level === 'county' || level === 'region'))
        regions.set(r, Math.max(regions.get(r) ?? 0, p));
      if (level === 'city' || level === 'county') points.set(i, Math.max(points.get(i) ?? 0, p));
    }
  }
  const countryWeight = new Map(base.countryWeight);
  for (const [c, m] of countryMass) countryWeight.set(c, (countryWeight.get(c) ?? 0) + (w.countryShare * m) / mentions);
  for (const [c, p] of countryNamed) countryWeight.set(c, (countryWeight.get(c) ?? 0) + w.countryNamed * p);
  const pts = [...base.points];
  for (const [i, p] of [...points].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 150)) {
    const [lon, lat] = lonlatOf(x, i);
    pts.push([lon, lat, p]);
  }
  const siblings = new Map<string, number>();
  if (mentions > 0) for (const [k, m] of siblingMass) siblings.set(k, m / mentions);
  return { countryWeight, siblings, regions, points: pts };
}

/** Maps as sorted entries, points sorted: what the scorer reads (lookups by key, a max over points). */
const plain = (e: Evidence) => ({
  countryWeight: [...e.countryWeight].sort(),
  siblings: [...e.siblings].sort(),
  regions: [...e.regions].sort(),
  points: [...e.points].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]),
});

describe('documentEvidence', () => {
  it('gives the evidence the plain reading by name gives, call after call', () => {
    const x = indexOf(g);
    // A fixed pseudo-random walk over places of every level (no Math.random: the same cases each run).
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const base: Evidence = {
      countryWeight: new Map([['UA', 0.5]]),
      siblings: new Map(),
      regions: new Map([['UA-12', 1]]),
      points: [[35, 48.5, 1]],
    };
    const empty: Evidence = { countryWeight: new Map(), siblings: new Map(), regions: new Map(), points: [] };
    // Half the readings from a small pool (the countries and a few dozen places): mentions that share
    // countries, regions and points, as a document's do.
    const countries = Array.from({ length: x.size }, (_, i) => i).filter((i) => levelOf(x, i) === 'country');
    const pool = [...countries, ...Array.from({ length: 40 }, () => Math.floor(next() * x.size))];
    const levels = new Set<string>();
    for (let call = 0; call < 300; call++) {
      // Up to 80 mentions of up to 5 readings: some documents with more than 150 points, some with none.
      const others: Others = Array.from({ length: Math.floor(next() * 80) }, () => ({
        count: 1 + Math.floor(next() * 3),
        belief: Array.from({ length: Math.floor(next() * 6) }, () => {
          const i = next() < 0.5 ? pool[Math.floor(next() * pool.length)] : Math.floor(next() * x.size);
          levels.add(levelOf(x, i));
          return { i, p: 0.05 + next() * 0.95 };
        }),
      }));
      const b = call % 2 ? base : empty;
      expect(plain(documentEvidence(x, b, others, WEIGHTS))).toEqual(plain(byName(x, b, others, WEIGHTS)));
    }
    expect([...levels]).toEqual(expect.arrayContaining(['city', 'region', 'country']));
  });
});
