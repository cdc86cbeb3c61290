import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import type { Gazetteer } from '../../src/compiler/gazetteer.js';
import { formatLookup, lookupPlace } from '../../src/compiler/places/lookup.js';
import { resolvePlace } from '../../src/compiler/resolve.js';

let g: Gazetteer;
beforeAll(() => {
  g = loadGazetteer();
});

describe("lookupPlace: a name's candidates in the gazetteer", () => {
  it('lists the candidates best first, the first being what the resolver picks, each with every field', () => {
    const l = lookupPlace(g, 'Kharkov');
    expect(l.found).toBe(true);
    const top = l.rows[0];
    expect(top).toMatchObject({
      name: 'Kharkiv',
      kind: 'city',
      country: 'UA',
      admin1: 'UA-63',
      precision: 2,
      geonames: 706483,
      pin: 'geonames=706483',
    });
    expect(top.population).toBeGreaterThan(1_000_000);
    expect(top.lon).toBeCloseTo(36.25, 1);
    expect(top.lat).toBeCloseTo(49.98, 1);
    const r = resolvePlace(g, { text: 'Kharkov' });
    expect(r.ok && r.place.geonames).toBe(top.geonames);
    expect(l.rows.map((x) => x.name)).toContain('Kharkiv Oblast');
  });
  it('a kind hint puts the places of that kind first, as kind= does in a document', () => {
    expect(lookupPlace(g, 'Kharkiv', { kind: 'region' }).rows[0].name).toBe('Kharkiv Oblast');
  });
  it('lists many same-named places (Paris), at most max', () => {
    const l = lookupPlace(g, 'Paris', { max: 6 });
    expect(l.rows).toHaveLength(6);
    expect(new Set(l.rows.map((x) => x.country)).size).toBeGreaterThan(1);
  });
  it('a name no place has gets the suggestions the build offers, with the name that matched', () => {
    const l = lookupPlace(g, 'Hodeidah');
    expect(l.found).toBe(false);
    expect(l.rows[0]).toMatchObject({ country: 'YE', geonames: 79415, kind: 'city' });
    expect(l.rows[0].matched).toBeTruthy();
    const none = lookupPlace(g, 'Zzyzxqville');
    expect(none).toMatchObject({ found: false, rows: [] });
  });
  it('formats a table whose columns line up, one place a line', () => {
    const text = formatLookup(lookupPlace(g, 'Hodeidah'));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^"Hodeidah": no place has this name/);
    expect(lines[1]).toMatch(/^name +kind +country +admin1 +population +lon,lat +precision +pin +wikidata +matched$/);
    const at = [...lines[1]].join('').indexOf('kind');
    for (const line of lines.slice(2))
      expect([...line].slice(at, at + 4).join('')).toMatch(/^(city|regi|coun|area|site|cont)/);
    expect(formatLookup(lookupPlace(g, 'Zzyzxqville'))).toBe(
      '"Zzyzxqville": no place has this name, and none has a close one\n',
    );
  });
});
