import { describe, expect, it } from 'vitest';
import { overflowOffset } from '../../src/map/popup-view';

const frame = { left: 0, top: 50, right: 900, bottom: 650 };
const box = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('overflowOffset', () => {
  it('leaves a popup that fits where it is', () => {
    expect(overflowOffset(box(100, 100, 300, 300), frame, 12)).toEqual([0, 0]);
    expect(overflowOffset(box(12, 62, 876, 576), frame, 12)).toEqual([0, 0]);
  });

  it('pans by exactly the overflow past each edge, margin included', () => {
    // 40 px past the bottom (650 − 12 = 638): panBy y +52 moves the map's content up by 52.
    expect(overflowOffset(box(100, 400, 300, 290), frame, 12)).toEqual([0, 52]);
    expect(overflowOffset(box(100, 30, 300, 100), frame, 12)).toEqual([0, -32]);
    expect(overflowOffset(box(-20, 100, 300, 100), frame, 12)).toEqual([-32, 0]);
    expect(overflowOffset(box(700, 100, 300, 100), frame, 12)).toEqual([112, 0]);
  });

  it('keeps the top left corner of a popup too big to fit', () => {
    expect(overflowOffset(box(100, 300, 300, 700), frame, 12)).toEqual([0, 238]);
    expect(overflowOffset(box(-50, 100, 1000, 100), frame, 12)).toEqual([-62, 0]);
  });

  it('after the pan, the box is inside the frame', () => {
    for (const b of [box(100, 400, 300, 290), box(-20, -40, 360, 500), box(800, 600, 200, 200)]) {
      const [x, y] = overflowOffset(b, frame, 12);
      const moved = { left: b.left - x, right: b.right - x, top: b.top - y, bottom: b.bottom - y };
      expect(moved.left).toBeGreaterThanOrEqual(frame.left + 12);
      expect(moved.right).toBeLessThanOrEqual(frame.right - 12);
      expect(moved.top).toBeGreaterThanOrEqual(frame.top + 12);
      expect(moved.bottom).toBeLessThanOrEqual(frame.bottom - 12);
    }
  });
});
