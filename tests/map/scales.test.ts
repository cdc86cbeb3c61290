import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventCollection } from '../../src/contract';
import { leanEvents } from '../../src/map/source';
// MapLibre's own expression engine (a dependency of maplibre-gl), to check what the app predicts of it.
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { CLAIM_STATUSES, RANGE_BASES } from '../../src/contract';
import {
  BASIS_STYLE,
  KNOWN_TYPES,
  OKABE_ITO,
  OTHER_COLOUR,
  PATTERNED_STATUSES,
  STATUS_STYLE,
  colourOfType,
  markerPatternExpression,
  markerPatternId,
  markerRadius,
  registerTypes,
  typeLabel,
  MARKER_RADIUS,
} from '../../src/map/scales';

describe('type colours in a build', () => {
  it("leaves every existing event's colour byte-identical when a build adds an event of a new type", () => {
    const events = JSON.parse(
      readFileSync(new URL('../fixtures/app/events.geojson', import.meta.url), 'utf8'),
    ) as EventCollection;
    const colours = (c: EventCollection) =>
      new Map(leanEvents(c).features.map((f) => [f.properties!.id as string, f.properties!.colour as string]));
    const before = colours(events);
    const added = {
      ...events.features[0],
      properties: { ...events.features[0].properties, id: 'ev-new', type: 'air-defence' },
    };
    const after = colours({ ...events, features: [added, ...events.features] });
    for (const [id, colour] of before) expect(after.get(id), id).toBe(colour);
    expect(after.get('ev-new')).toBe(OTHER_COLOUR);
  });
});

describe('scales', () => {
  it('colours each type declared in data/types.json with its own colour, from the Okabe–Ito palette', () => {
    expect(colourOfType(KNOWN_TYPES[0])).toBe(OKABE_ITO[0]);
    const colours = KNOWN_TYPES.map(colourOfType);
    expect(new Set(colours).size).toBe(KNOWN_TYPES.length);
    for (const c of colours) expect(OKABE_ITO as readonly string[]).toContain(c);
  });

  it("never moves a declared type's colour when other types appear, in any order; undeclared types are grey", () => {
    const before = KNOWN_TYPES.map(colourOfType);
    const types = registerTypes(['zzz-c', 'zzz-a', KNOWN_TYPES[1], 'air-defence', KNOWN_TYPES[0], 'zzz-b']);
    expect(types).toEqual([KNOWN_TYPES[0], KNOWN_TYPES[1], 'air-defence', 'zzz-a', 'zzz-b', 'zzz-c']);
    registerTypes(['aaa-first', ...[...KNOWN_TYPES].reverse()]);
    expect(KNOWN_TYPES.map(colourOfType)).toEqual(before);
    expect(['zzz-a', 'air-defence', 'constructor', 'toString'].map(colourOfType)).toEqual([
      OTHER_COLOUR,
      OTHER_COLOUR,
      OTHER_COLOUR,
      OTHER_COLOUR,
    ]);
  });

  it('sizes markers by the square root of magnitude, never below the plain marker', () => {
    expect(markerRadius(null)).toBe(MARKER_RADIUS);
    expect(markerRadius(1)).toBe(MARKER_RADIUS);
    const r50 = markerRadius(50);
    const r200 = markerRadius(200);
    expect(r200 / r50).toBeCloseTo(2, 5);
  });

  it('has a style for every claim status and range basis in the contract', () => {
    for (const s of CLAIM_STATUSES) expect(STATUS_STYLE[s].label).toBeTruthy();
    for (const b of RANGE_BASES) expect(BASIS_STYLE[b].dash).toHaveLength(2);
    expect(STATUS_STYLE.unverified.markerFill).toBeLessThan(STATUS_STYLE.reported.markerFill);
  });

  it('labels types for people', () => {
    expect(typeLabel('missile-strike')).toBe('Missile strike');
  });

  it('names the pattern icon of each event as the map expression does', () => {
    const parsed = createExpression(markerPatternExpression(), {
      type: 'string',
      'property-type': 'data-driven',
      expression: { interpolated: false, parameters: ['zoom', 'feature'] },
    } as never);
    expect(parsed.result).toBe('success');
    const evaluate = (properties: Record<string, unknown>) =>
      (parsed.value as { evaluate(g: object, f: object): string }).evaluate({ zoom: 4 }, { type: 'Point', properties });
    const magnitudes = [
      null,
      0,
      0.5,
      1,
      3,
      9.99,
      10,
      12.5,
      24,
      25,
      37,
      49.5,
      50,
      77,
      100,
      150,
      199,
      200,
      333,
      400,
      650,
      800,
      1200,
      1e6,
    ];
    for (const status of CLAIM_STATUSES) {
      for (const type of KNOWN_TYPES) {
        for (const magnitude of magnitudes) {
          const id = markerPatternId({ status, type, magnitude });
          if (!PATTERNED_STATUSES.includes(status)) expect(id).toBeNull();
          else expect(id).toBe(evaluate({ status, colour: colourOfType(type), magnitude }));
        }
      }
    }
  });
});
