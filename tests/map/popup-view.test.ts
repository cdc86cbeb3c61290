import { describe, expect, it, vi } from 'vitest';
import { EDGE_MARGIN, keepPopupInView, overflowOffset } from '../../src/map/popup-view';

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

describe('keepPopupInView', () => {
  /** A map that is moving until `stop()`, a flight that ends only to start another, and records its pans. */
  function fakeMap(flights: number) {
    let moving = flights > 0;
    let left = flights;
    const handlers: (() => void)[] = [];
    const pans: [number, number][] = [];
    const rect = (left: number, top: number, right: number, bottom: number) => () => ({ left, top, right, bottom });
    const container = { getBoundingClientRect: rect(0, 0, 800, 600), querySelector: () => null };
    const map = {
      isMoving: () => moving,
      once: (_type: 'moveend', f: () => void) => handlers.push(f),
      getContainer: () => container,
      panBy: (by: [number, number]) => pans.push(by),
    };
    const endFlight = () => {
      left -= 1;
      moving = left > 0;
      for (const f of handlers.splice(0)) f();
    };
    return { map, pans, endFlight };
  }
  const popup = {
    isOpen: () => true,
    // Runs 100 px past the map's bottom edge.
    getElement: () => ({ getBoundingClientRect: () => ({ left: 100, top: 300, right: 400, bottom: 700 }) }),
  };

  it('pans once the last of two chained flights has ended, not at the end of the first', () => {
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    const { map, pans, endFlight } = fakeMap(2);
    keepPopupInView(map as never, popup as never);
    expect(pans).toEqual([]);
    endFlight(); // the first flight ends, the second is already under way
    expect(pans).toEqual([]);
    endFlight();
    expect(pans).toEqual([[0, 100 + EDGE_MARGIN]]);
    vi.unstubAllGlobals();
  });
});
