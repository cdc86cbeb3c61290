/**
 * A band's label is never drawn cut by the view's edge (src/map/band-labels.ts): on a phone-width embed
 * whose view shows only a stretch of a band's edge, the label extremes (south, west, east) are off the
 * view; their labels are left out and the band is labelled at a point of its edge in view instead.
 */
import { drawnRanges, served } from './data.js';
import { expect, test } from './fixtures.js';

test('at 375 px, a band cut by the view is labelled inside the view, and no label hangs off its edge', async ({
  page,
  request,
}) => {
  const bands = drawnRanges((await served(request)).ranges);
  expect(bands.length, 'the served data draws a band').toBeGreaterThan(0);
  // The northernmost point of a band's outer edge that is not near the pole: none of its label
  // extremes is there, and at zoom 5 on a 375 px view they lie hundreds of kilometres off it.
  const outer = (b: (typeof bands)[number]) =>
    b.geometry.type === 'Polygon' ? b.geometry.coordinates[0] : b.geometry.coordinates.flatMap((p) => p[0]);
  const band = bands.find((b) => Math.max(...outer(b).map((p) => p[1])) < 70) ?? bands[0];
  const north = outer(band).reduce((best, p) => (p[1] > best[1] ? p : best));
  await page.setViewportSize({ width: 375, height: 740 });
  // Centred a little inside the band, so that its edge crosses the view.
  await page.goto(`embed.html#map=5.00/${(north[1] - 2).toFixed(4)}/${north[0].toFixed(4)}&proj=flat`);
  await page.evaluate(() => window.atlas.ready);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.atlas.map!.once('idle', () => resolve());
        window.atlas.map!.triggerRepaint();
      }),
  );
  const labels = await page.evaluate(() => {
    const map = window.atlas.map!;
    const canvas = map.getCanvas();
    return map.queryRenderedFeatures({ layers: ['atlas-range-label'] }).map((f) => {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      const p = map.project([lon, lat]);
      return { id: String(f.properties.id), x: p.x, y: p.y, width: canvas.clientWidth, height: canvas.clientHeight };
    });
  });
  expect(
    labels.map((l) => l.id),
    `the band ${band.properties.id} is labelled in view`,
  ).toContain(band.properties.id);
  for (const l of labels) {
    // A label's anchor off the view means part of its text is cut ("…50 km").
    expect(l.x, `label of ${l.id} at x=${Math.round(l.x)} in a ${l.width} px view`).toBeGreaterThanOrEqual(0);
    expect(l.x).toBeLessThanOrEqual(l.width);
    expect(l.y, `label of ${l.id} at y=${Math.round(l.y)} in a ${l.height} px view`).toBeGreaterThanOrEqual(0);
    expect(l.y).toBeLessThanOrEqual(l.height);
  }
});
