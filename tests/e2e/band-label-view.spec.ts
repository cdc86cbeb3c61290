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

test('the atlas at 1280×800 labels each band once; at 375×740 an event label the edge would cut is hidden', async ({
  page,
}) => {
  await page.goto('./');
  await page.evaluate(() => window.atlas.ready);
  const idle = () =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.atlas.map!.once('idle', () => resolve());
          window.atlas.map!.triggerRepaint();
        }),
    );
  await idle();
  // One band, one label: the KN-11/KN-19 band, small on the world view, was labelled at its south and its east.
  const bandLabels = () =>
    page.evaluate(() =>
      window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-range-label'] }).map((f) => String(f.properties.id)),
    );
  const ids = await bandLabels();
  expect(ids.length, 'a band is labelled').toBeGreaterThan(0);
  expect(ids.length, `labels by band: ${ids.join(', ')}`).toBe(new Set(ids).size);

  // On the globe too: one label a band, and no band in view is said to be "beyond this view" (a query of the
  // whole globe view missed its fill and edge).
  await page.getByRole('button', { name: 'Globe' }).click();
  await expect.poll(() => page.evaluate(() => window.atlas.map!.getProjection()?.type)).toBe('globe');
  await idle();
  await idle();
  const onGlobe = await bandLabels();
  expect(onGlobe.length, 'a band is labelled on the globe').toBeGreaterThan(0);
  expect(onGlobe.length, `labels by band on the globe: ${onGlobe.join(', ')}`).toBe(new Set(onGlobe).size);
  await expect(page.locator('.layer-control .off-view')).toHaveCount(0);
  await page.getByRole('button', { name: 'Globe' }).click();
  await expect.poll(() => page.evaluate(() => window.atlas.map!.getProjection()?.type ?? 'mercator')).not.toBe('globe');

  // At phone width the atlas frames the data again; an event label reaching past the view's edge is hidden.
  await page.setViewportSize({ width: 375, height: 740 });
  await expect.poll(() => page.evaluate(() => window.atlas.map!.getCanvas().clientWidth)).toBeLessThanOrEqual(375);
  await idle();
  await idle();
  const labels = await page.evaluate(() => {
    const map = window.atlas.map!;
    const width = map.getCanvas().clientWidth;
    const opacity = JSON.stringify(map.getPaintProperty('atlas-event-label', 'text-opacity') ?? 1);
    return map.queryRenderedFeatures({ layers: ['atlas-event-label'] }).map((f) => {
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const mark = f.properties.mark;
      const key = `${f.properties.id}#${f.properties.label}${mark === undefined ? '' : `#${mark}`}`;
      return { label: String(f.properties.label), x: p.x, width, hidden: opacity.includes(`"${key}"`) };
    });
  });
  // "Pyongyang" (9 characters of 12 px text, after its marker) needs about 80 px to the right of its marker.
  const near = labels.filter((l) => l.x > l.width - 80 && l.x < l.width);
  expect(near.length, `a marker's label near the right edge: ${JSON.stringify(labels)}`).toBeGreaterThan(0);
  for (const l of near) expect(l.hidden, `"${l.label}" at x=${Math.round(l.x)} of ${l.width}`).toBe(true);
  const inside = labels.filter((l) => l.x < l.width / 2);
  expect(inside.length).toBeGreaterThan(0);
  for (const l of inside) expect(l.hidden, `"${l.label}" at x=${Math.round(l.x)}`).toBe(false);
  // The band labels placed for the new view: still one a band.
  const after = await bandLabels();
  expect(after.length).toBe(new Set(after).size);
});
