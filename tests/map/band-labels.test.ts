import { describe, expect, it } from 'vitest';
import { fits, labelBox, labelSize, placeBandLabel, placeBandLabels } from '../../src/map/band-labels';

/** A flat "projection" for the tests: 10 px a degree, the view's top left at lon 0, lat 0 (y grows southwards). */
const view = { width: 375, height: 300 };
const project = (ll: number[]) => [ll[0] * 10, -ll[1] * 10] as const;
/** A square band edge from (w, s) to (e, n) in degrees, as one closed ring. */
const square = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
/** A diamond band edge round (x, y), r degrees to each tip: its south, west and east extremes are three distinct points. */
const diamond = (x: number, y: number, r: number) => [
  [
    [x, y - r],
    [x + r, y],
    [x, y + r],
    [x - r, y],
    [x, y - r],
  ],
];
const TEXT = 'Palestine-2: up to 2,150 km, claimed';

describe('labelSize: the label text as MapLibre wraps it at text-max-width', () => {
  it('wraps a long label on several lines no wider than 14 em', () => {
    const one = labelSize('Asef');
    const long = labelSize(TEXT);
    expect(one.height).toBeLessThan(long.height);
    expect(long.width).toBeLessThanOrEqual(14 * 12);
    expect(long.width).toBeGreaterThan(one.width);
  });
});

describe('placeBandLabel: no band label drawn cut by the view', () => {
  it('labels a band once, at its first extreme whose label fits whole in the view', () => {
    // A band well inside the view: its three extremes (south, west, east) each have room, and one is used
    // (at 1280×800 a small band was labelled at its south and its east, one label almost on the other).
    const placed = placeBandLabel(diamond(18, -15, 10), 'Asef: up to 450 km', project, view);
    expect(placed).toHaveLength(1);
    expect(placed[0].anchor).toBe('bottom');
    expect(fits(project(placed[0].point), placed[0].anchor, labelSize('Asef: up to 450 km'), view)).toBe(true);
  });

  it("moves a label off the map's controls: one under the attribution is not whole", () => {
    // In a 680 px article column the BM-21 band's south label sat under "Basemap: Natural Earth, GeoNames".
    const text = 'Asef: up to 450 km';
    const free = placeBandLabel(diamond(18, -15, 10), text, project, view);
    expect(free[0].anchor).toBe('bottom');
    const south = project(free[0].point);
    const size = labelSize(text);
    const b = labelBox(south, 'bottom', size);
    // The attribution over the south label's place, as wide as the label and 20 px tall.
    const attribution = { left: b.left - 10, top: b.top - 5, right: b.right + 10, bottom: b.bottom + 5 };
    const moved = placeBandLabel(diamond(18, -15, 10), text, project, view, [attribution]);
    expect(moved).toHaveLength(1);
    expect(moved[0].point).not.toEqual(free[0].point);
    const m = labelBox(project(moved[0].point), moved[0].anchor, size);
    expect(
      m.right <= attribution.left ||
        m.left >= attribution.right ||
        m.bottom <= attribution.top ||
        m.top >= attribution.bottom,
    ).toBe(true);
    expect(fits(south, 'bottom', size, view, 0, [attribution])).toBe(false);
    expect(fits(south, 'bottom', size, view, 0, [])).toBe(true);
  });

  it('labels a band with two rings (an inner and an outer edge) once', () => {
    const ring = (r: number) => diamond(18, -15, r)[0];
    expect(
      placeBandLabel([ring(10), ring(6)], 'KN-11/KN-19: 600–700 km, unverified claim', project, view),
    ).toHaveLength(1);
  });

  it('takes the next extreme when the first one is cut by the view', () => {
    // The south tip (lat -35, y = 350 px) lies below the 300 px view: the east extreme is used.
    const placed = placeBandLabel(diamond(18, -27, 8), 'Asef: up to 450 km', project, view);
    expect(placed).toHaveLength(1);
    expect(placed[0].anchor).not.toBe('bottom');
  });

  it('drops an extreme off the view and labels the band at a point of its edge in view instead', () => {
    // A band whose south, west and east edges are all off the view: only its northern edge crosses it.
    const lines = square(-40, -80, 80, -20);
    const placed = placeBandLabel(lines, TEXT, project, view);
    expect(placed).toHaveLength(1);
    const [p] = placed;
    const at = project(p.point);
    const box = labelBox(at, p.anchor, labelSize(TEXT));
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(view.width);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(view.height);
    // On the band's edge (its northern side, lat -20), between two of the ring's vertices.
    expect(p.point[1]).toBeCloseTo(-20);
  });

  it('gives no label to a band whose edge is not in the view', () => {
    expect(placeBandLabel(square(100, -10, 120, 10), TEXT, project, view)).toEqual([]);
  });

  it('leaves out points the projection does not draw (the far side of the globe)', () => {
    const hidden = (ll: number[]) => (ll[1] > -25 ? null : project(ll));
    expect(placeBandLabel(square(-40, -80, 80, -20), TEXT, hidden, view)).toEqual([]);
  });

  it("writes label features with the edge feature's properties for the layer's filters", () => {
    const fc = placeBandLabels(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'MultiLineString', coordinates: diamond(18, -15, 10) },
            properties: { kind: 'edge', id: 'r1', status: 'claimed', label: 'Asef: up to 450 km' },
          },
        ],
      },
      project,
      view,
    );
    expect(fc.features.length).toBe(1);
    expect(fc.features[0].properties).toMatchObject({ kind: 'label', id: 'r1', status: 'claimed' });
  });
});
