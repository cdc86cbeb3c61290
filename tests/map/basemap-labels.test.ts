import { describe, expect, it } from 'vitest';
import { cutNames, placeLabelBox } from '../../src/map/basemap-labels';

const view = { width: 375, height: 280 };

describe('cutNames: basemap names the view would cut are left out', () => {
  it('leaves out a country centred so near the edge that its name is cut ("NE" for Ukraine), keeps one well inside', () => {
    const cut = cutNames(
      [
        { kind: 'country', name: 'Ukraine', rank: 2, at: [5, 120] },
        { kind: 'country', name: 'Belarus', rank: 3, at: [190, 140] },
      ],
      5,
      view,
    );
    expect(cut.country).toEqual(['Ukraine']);
  });

  it('keeps a name wholly off the view (it draws nothing) out of the list', () => {
    expect(cutNames([{ kind: 'country', name: 'Ukraine', rank: 2, at: [-400, 120] }], 5, view).country).toEqual([]);
  });

  it("leaves out a city whose name runs off the right edge, not one whose name fits to its dot's right", () => {
    const cut = cutNames(
      [
        { kind: 'city', name: 'Khartoum', rank: 2, at: [340, 100] },
        { kind: 'city', name: 'Asmara', rank: 2, at: [100, 100] },
      ],
      5,
      view,
    );
    expect(cut.city).toEqual(['Khartoum']);
  });

  it("leaves out a country's own name where a story's highlight writes it (any case), wherever it is", () => {
    const cut = cutNames([{ kind: 'country', name: 'Ukraine', rank: 2, at: [190, 140] }], 5, view, ['UKRAINE']);
    expect(cut.country).toEqual(['Ukraine']);
  });

  it('sizes a country name as the style does: larger for rank 1 and at higher zoom, wrapped at 7 em', () => {
    const box = (rank: number, zoom: number, name = 'Ukraine') =>
      placeLabelBox({ kind: 'country', name, rank, at: [0, 0] }, zoom);
    const w = (b: ReturnType<typeof box>) => b.right - b.left;
    expect(w(box(1, 6))).toBeGreaterThan(w(box(2, 6)));
    expect(w(box(2, 6))).toBeGreaterThan(w(box(2, 2)));
    const long = box(2, 6, 'Central African Republic');
    expect(w(long)).toBeLessThanOrEqual(7 * 13);
    expect(long.bottom - long.top).toBeGreaterThan(box(2, 6).bottom - box(2, 6).top);
  });
});
