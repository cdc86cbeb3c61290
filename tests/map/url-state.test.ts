import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type AppState } from '../../src/map/url-state';

describe('url-state', () => {
  it('round-trips view, hidden layers and selection', () => {
    const state: AppState = {
      view: { center: [35.04, 48.46], zoom: 4.2 },
      hidden: ['status:unverified', 'ranges', 'type:missile-strike'],
      selected: 'ev-2024-11-21-dnipro',
    };
    const hash = formatHash(state);
    expect(hash).toBe(
      '#map=4.20/48.4600/35.0400&hide=ranges,status:unverified,type:missile-strike&sel=ev-2024-11-21-dnipro',
    );
    const back = parseHash(hash);
    expect(back.view).toEqual(state.view);
    expect(back.hidden.sort()).toEqual([...state.hidden].sort());
    expect(back.selected).toBe(state.selected);
  });

  it('writes nothing for the default state', () => {
    expect(formatHash({ view: null, hidden: [], selected: null })).toBe('');
  });

  it('encodes ids with URL-unsafe characters', () => {
    const hash = formatHash({ view: null, hidden: ['type:arms & more'], selected: 'a b/c' });
    expect(parseHash(hash)).toEqual({ view: null, hidden: ['type:arms & more'], selected: 'a b/c' });
  });

  it('ignores malformed parts and keeps the rest', () => {
    expect(parseHash('#map=abc&sel=x&hide=%E0%A4%A')).toEqual({ view: null, hidden: [], selected: 'x' });
    expect(parseHash('#map=4/95/10').view).toBeNull();
    expect(parseHash('').view).toBeNull();
  });

  it('wraps longitudes into [-180, 180)', () => {
    expect(parseHash('#map=3/10/190').view?.center[0]).toBeCloseTo(-170);
  });

  it("round-trips a story's step, and ignores a step that is not a whole number from 1", () => {
    const hash = formatHash({ view: null, hidden: [], selected: 'x', step: 3 });
    expect(hash).toBe('#sel=x&step=3');
    expect(parseHash(hash)).toEqual({ view: null, hidden: [], selected: 'x', step: 3 });
    for (const bad of ['0', '-1', '2.5', 'two', ''])
      expect(parseHash(`#step=${bad}&sel=x`)).toEqual({ view: null, hidden: [], selected: 'x' });
  });
});
