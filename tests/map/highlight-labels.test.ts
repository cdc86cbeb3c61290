import { describe, expect, it } from 'vitest';
import { highlightLabelPoint, insidePolygon } from '../../src/map/highlight-labels';

/** A flat "projection": 10 px a degree, the view's top left at lon 0, lat 0 (y grows southwards). */
const unproject = (x: number, y: number) => [x / 10, -y / 10];
const project = (ll: number[]) => [ll[0] * 10, -ll[1] * 10];
const box = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('highlightLabelPoint: one label, whole, in the part of the area in view', () => {
  const view = { width: 375, height: 280 };

  it('labels an area that reaches off the view once, inside both the area and the view, with room for the text', () => {
    // An area from far off the left edge to the middle of the view (as Ukraine in the Dnipro story at 375 px).
    const area = box(-60, -25, 20, -3);
    const at = highlightLabelPoint(area, 'Ukraine', unproject, view);
    expect(at).not.toBeNull();
    expect(insidePolygon(at!, area.coordinates)).toBe(true);
    const [x, y] = project(at!);
    const half = ('Ukraine'.length * 0.86 * 13) / 2;
    expect(x - half).toBeGreaterThanOrEqual(0);
    expect(x + half).toBeLessThanOrEqual(view.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(view.height);
  });

  it('gives no label to an area off the view, or one too small in view for its text', () => {
    expect(highlightLabelPoint(box(50, -10, 60, -5), 'Ukraine', unproject, view)).toBeNull();
    expect(highlightLabelPoint(box(-60, -25, 1, -3), 'Ukraine', unproject, view)).toBeNull();
  });

  it('leaves out a hole', () => {
    const ring: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [...box(0, -28, 37.5, 0).coordinates, ...box(5, -23, 32.5, -5).coordinates],
    };
    const at = highlightLabelPoint(ring, 'Ring', unproject, view);
    expect(at).not.toBeNull();
    expect(insidePolygon(at!, ring.coordinates)).toBe(true);
    expect(insidePolygon(at!, [ring.coordinates[1]])).toBe(false);
  });
});
