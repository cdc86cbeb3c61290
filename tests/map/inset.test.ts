import { describe, expect, it } from 'vitest';
import {
  INSET_GAP,
  INSET_MIN_ZOOM,
  extentPolygon,
  insetShows,
  labelClearance,
  labelWidth,
  paddingBeside,
} from '../../src/map/inset';

const bounds = (w: number, s: number, e: number, n: number) => ({
  getWest: () => w,
  getSouth: () => s,
  getEast: () => e,
  getNorth: () => n,
});

describe('the inset locator map', () => {
  it('shows from country level in, not farther out', () => {
    expect(insetShows(INSET_MIN_ZOOM)).toBe(true);
    expect(insetShows(INSET_MIN_ZOOM + 3)).toBe(true);
    expect(insetShows(INSET_MIN_ZOOM - 0.01)).toBe(false);
    expect(insetShows(2)).toBe(false);
  });

  it("draws the view's extent as a closed ring, clamped to the latitudes Web Mercator shows", () => {
    const ring = extentPolygon(bounds(30, 45, 42, 56)).geometry.coordinates[0];
    expect(ring).toEqual([
      [30, 45],
      [42, 45],
      [42, 56],
      [30, 56],
      [30, 45],
    ]);
    const polar = extentPolygon(bounds(-200, -90, 200, 90)).geometry.coordinates[0];
    expect(polar[0]).toEqual([-200, -85]);
    expect(polar[2]).toEqual([200, 85]);
  });

  it('makes room for itself on the side that costs the map less', () => {
    const padding = { top: 40, bottom: 40, left: 40, right: 80 };
    // A wide map: the left strip is the smaller share.
    const wide = paddingBeside(padding, { width: 1000, height: 600 }, { left: 10, top: 470, right: 170, bottom: 590 });
    expect(wide).toEqual({ ...padding, left: 170 + INSET_GAP });
    // A tall map: the bottom strip.
    const tall = paddingBeside(padding, { width: 375, height: 700 }, { left: 10, top: 606, right: 122, bottom: 690 });
    expect(tall).toEqual({ ...padding, bottom: 700 - 606 + INSET_GAP });
    // Padding already wider than the inset stays as it is.
    expect(
      paddingBeside(
        { ...padding, left: 300 },
        { width: 1000, height: 600 },
        { left: 10, top: 470, right: 170, bottom: 590 },
      ),
    ).toEqual({ ...padding, left: 300 });
  });

  it('clears a box in any corner: the controls in the upper right take the right or the top strip', () => {
    const padding = { top: 60, bottom: 120, left: 40, right: 72 };
    // A phone: the controls column (110 px wide, 170 tall) — the right strip costs less than the top.
    const phone = paddingBeside(padding, { width: 375, height: 500 }, { left: 255, top: 10, right: 365, bottom: 180 });
    expect(phone).toEqual({ ...padding, right: 375 - 255 + INSET_GAP });
    // A wide, low map: the controls row takes the top strip.
    const low = paddingBeside(padding, { width: 1200, height: 300 }, { left: 700, top: 10, right: 1190, bottom: 50 });
    expect(low).toEqual({ ...padding, top: 50 + INSET_GAP });
    // No box (no controls): the padding as it is.
    expect(paddingBeside(padding, { width: 375, height: 500 }, { left: 0, top: 0, right: 0, bottom: 0 })).toEqual(
      padding,
    );
  });
});

describe('labels clear of the controls', () => {
  const controls = { left: 255, top: 10, right: 365, bottom: 180 };
  it('asks for the room a label needs when it would run under the controls, and none when it would not', () => {
    const w = labelWidth('Ryazan refinery');
    expect(w).toBeGreaterThan(100);
    // A marker at x = 200 beside the controls: its label reaches 200 + w.
    expect(labelClearance([{ x: 200, y: 100, width: w }], controls)).toBe(Math.ceil(200 + w - 255 + INSET_GAP));
    // Below the controls, or far to their left: nothing to clear.
    expect(labelClearance([{ x: 200, y: 400, width: w }], controls)).toBe(0);
    expect(labelClearance([{ x: 40, y: 100, width: w }], controls)).toBe(0);
    // No controls.
    expect(labelClearance([{ x: 200, y: 100, width: w }], { left: 0, top: 0, right: 0, bottom: 0 })).toBe(0);
  });
  it('caps a long label at its wrap width', () => {
    expect(labelWidth('x'.repeat(200))).toBe(labelWidth('x'.repeat(40)));
  });
});
