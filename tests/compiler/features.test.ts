/**
 * The gazetteer's hand-written points (data/gazetteer/features.yaml, the seas overrides.yaml adds)
 * and its country points, checked against an independent source: Natural Earth 1:10m land and
 * country polygons from the world-atlas package (what the basemap is drawn from). Islands, deserts,
 * mountains, rivers, regions and sites lie on land; oceans, seas, gulfs and bays off it; straits
 * within a few km of both; a country's point inside its own polygon.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { indexOf, levelOf, placeAt, type Gazetteer } from '../../src/compiler/gazetteer.js';
import { countryAreas, inAreas, nearShore, onLand } from './natural-earth.js';

interface Entry {
  add: string;
  fcode?: string;
  lonlat?: [number, number];
  level?: string;
}

const features = parseYaml(readFileSync('data/gazetteer/features.yaml', 'utf8')) as Entry[];
const additions = (parseYaml(readFileSync('data/gazetteer/overrides.yaml', 'utf8')) as Entry[]).filter(
  (e) => e.add && e.lonlat,
);

/**
 * Feature codes of things on land, of sites (on land or at its edge), and of open water. Lakes are
 * not checked: Natural Earth land does not cut them out. Island groups (ISLS) are not either: the
 * middle of a group spread over open sea (the Spratlys, the Paracels) is water; nor are reefs (RF),
 * which lie in shallow sea that Natural Earth 1:10m partly draws as land.
 */
const LAND = /^(ISL|PEN|DSRT|MTS?|STM|RGN|CNL)$/;
const SITE = /^(AIRP|AIRB|NVB|PRT|PS|DAM|SPC|SITE|BLDG|SQR|ST|STDM)$/;
const WATER = /^(OCN|SEA|GULF|BAY)$/;
const STRAIT = /^STRT$/;
const UNCHECKED = /^(LK|ISLS|RF)$/;

/**
 * Named exceptions, each with its reason: the Arctic (a macro-region that is mostly ocean), Snake
 * Island (0.2 km², below Natural Earth 1:10m's resolution), the Caspian Sea (a lake in Natural Earth).
 */
const EXCEPTIONS = new Set(['Arctic', 'Snake Island', 'Caspian Sea']);

/** Sites: on land or within this distance of it (km): airports on reclaimed land, bridges. */
const SITE_KM = 3;
/** Straits: land and water both within this distance of the point (km). */
const STRAIT_KM = 15;

function where(e: Entry): string {
  return `${e.add} (${e.fcode ?? 'sea'}) at [${e.lonlat}]`;
}

describe('features.yaml points against Natural Earth 1:10m', () => {
  it('has points for every entry, and every feature code is one the checks know or a lake', () => {
    for (const e of features) {
      expect(e.lonlat, e.add).toHaveLength(2);
      const known = [LAND, SITE, WATER, STRAIT, UNCHECKED].some((r) => r.test(e.fcode!));
      expect(known, where(e)).toBe(true);
    }
  });

  it('puts islands, peninsulas, deserts, mountains, rivers and regions on land', () => {
    const land = features.filter((e) => LAND.test(e.fcode!) && !EXCEPTIONS.has(e.add));
    expect(land.length).toBeGreaterThan(80);
    expect(land.filter((e) => !onLand(e.lonlat!)).map(where)).toEqual([]);
  });

  it('puts sites on land or at its edge', () => {
    const sites = features.filter((e) => SITE.test(e.fcode!));
    expect(sites.length).toBeGreaterThan(50);
    expect(sites.filter((e) => !onLand(e.lonlat!) && !nearShore(e.lonlat!, SITE_KM)).map(where)).toEqual([]);
  });

  it('puts oceans, seas, gulfs and bays off land', () => {
    const seas = [
      ...features.filter((e) => WATER.test(e.fcode!)),
      ...additions.filter((e) => / Sea$|^Sea of | Gulf$/.test(e.add)),
    ].filter((e) => !EXCEPTIONS.has(e.add));
    expect(seas.length).toBeGreaterThan(40);
    expect(seas.filter((e) => onLand(e.lonlat!)).map(where)).toEqual([]);
  });

  it('puts straits where land and water meet', () => {
    const straits = features.filter((e) => STRAIT.test(e.fcode!));
    expect(straits.length).toBeGreaterThan(5);
    expect(straits.filter((e) => onLand(e.lonlat!) && !nearShore(e.lonlat!, STRAIT_KM)).map(where)).toEqual([]);
  });
});

describe('country points against Natural Earth 1:10m country polygons', () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = loadGazetteer();
  }, 180_000);

  it("puts every country's point inside its own polygon", () => {
    const x = indexOf(g);
    const outside: string[] = [];
    let checked = 0;
    for (let i = 0; i < x.size; i++) {
      if (levelOf(x, i) !== 'country') continue;
      const p = placeAt(g, i);
      const areas = p.country ? countryAreas(p.country) : [];
      if (areas.length === 0) continue;
      checked++;
      if (!inAreas(p.lonlat, areas)) outside.push(`${p.name} ${p.country} at [${p.lonlat}]`);
    }
    expect(checked).toBeGreaterThan(150);
    expect(outside).toEqual([]);
  });
});
