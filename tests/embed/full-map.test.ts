import { describe, expect, it } from 'vitest';
import { fullMapState } from '../../src/embed/full-map.js';
import type { AppState } from '../../src/map/url-state.js';

const state: AppState = {
  view: { center: [43.98, 14.81], zoom: 4.62 },
  hidden: ['ranges'],
  selected: 'ev-1',
  period: null,
  projection: 'flat',
  step: 3,
};

describe('fullMapState: what "Open the full map" carries', () => {
  it("leaves out a view the embed framed for its own frame (a story's fit, a step's camera)", () => {
    expect(fullMapState(state, false)).toEqual({ ...state, view: null });
  });

  it('keeps a view the reader or the embed URL chose, and always the rest of the state', () => {
    expect(fullMapState(state, true)).toEqual(state);
  });
});
