import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, RANGE_BASES } from '../../src/contract';
import { BASIS_STYLE, KNOWN_TYPES, OKABE_ITO, OTHER_COLOUR, STATUS_STYLE, colourOfType, markerRadius, registerTypes, typeLabel, MARKER_RADIUS } from '../../src/app/scales';

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
});
