import { describe, expect, it } from 'vitest';
// MapLibre's own expression engine (a dependency of maplibre-gl), to check what the app predicts of it.
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { CLAIM_STATUSES, RANGE_BASES } from '../../src/contract';
import { BASIS_STYLE, KNOWN_TYPES, OKABE_ITO, OTHER_COLOUR, PATTERNED_STATUSES, STATUS_STYLE, colourOfType, markerPatternExpression, markerPatternId, markerRadius, registerTypes, typeLabel, MARKER_RADIUS } from '../../src/map/scales';

describe('scales', () => {
  it('gives known types fixed Okabe–Ito colours', () => {
    expect(colourOfType(KNOWN_TYPES[0])).toBe(OKABE_ITO[0]);
    expect(colourOfType('missile-strike')).not.toBe(colourOfType('drone-attack'));
  });

  it('gives new types the remaining palette colours, then grey', () => {
    const types = registerTypes(['zzz-c', 'zzz-a', 'missile-strike', 'zzz-b', 'zzz-d']);
    expect(types[0]).toBe('missile-strike');
    const colours = ['zzz-a', 'zzz-b', 'zzz-c', 'zzz-d'].map(colourOfType);
    expect(colours.slice(0, 2)).toEqual([OKABE_ITO[4], OKABE_ITO[5]]);
    expect(colours.slice(2)).toEqual([OTHER_COLOUR, OTHER_COLOUR]);
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
    const parsed = createExpression(markerPatternExpression(), { type: 'string', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
    expect(parsed.result).toBe('success');
    const evaluate = (properties: Record<string, unknown>) => (parsed.value as { evaluate(g: object, f: object): string }).evaluate({ zoom: 4 }, { type: 'Point', properties });
    const magnitudes = [null, 0, 0.5, 1, 3, 9.99, 10, 12.5, 24, 25, 37, 49.5, 50, 77, 100, 150, 199, 200, 333, 400, 650, 800, 1200, 1e6];
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
