/**
 * Two events at one point: the label's "(2 events)" counts only the events shown (a layer switch off
 * for one of them and it says no count), and the list of both that a click opens takes the keyboard
 * as a dialog would, ahead of the map's zoom controls.
 */
import type { EventFeature } from '../../src/contract.js';
import { clickAt, expect, jumpTo, openAtlas, settled, test } from './fixtures.js';
import { served } from './data.js';

/** The first point two events share that differ in a switch of the layer control (status or type). */
function sharedPoint(events: EventFeature[]) {
  const at = new Map<string, EventFeature[]>();
  for (const f of events) {
    const key = JSON.stringify(f.geometry.coordinates[0]);
    at.set(key, [...(at.get(key) ?? []), f]);
  }
  for (const [key, fs] of at) {
    if (fs.length !== 2) continue;
    const [a, b] = fs;
    const token =
      a.properties.status !== b.properties.status
        ? `status:${b.properties.status}`
        : a.properties.type !== b.properties.type
          ? `type:${b.properties.type}`
          : null;
    if (token) return { point: JSON.parse(key) as [number, number], a, b, token };
  }
  return null;
}

test('a shared point: the label counts the events shown, and its list takes the keyboard', async ({
  page,
  request,
}) => {
  const { events } = await served(request);
  const shared = sharedPoint(events.features);
  expect(shared, 'the served data has two events at one point that a layer switch tells apart').not.toBeNull();
  const { point, a, b, token } = shared!;
  await openAtlas(page);
  await jumpTo(page, point, 6);
  await settled(page);

  // What the label layers write for the two events: each label's event and its count (once per label).
  const labelsAt = () =>
    page.evaluate(
      (ids) => {
        const map = window.atlas.map!;
        const written = map
          .queryRenderedFeatures({
            layers: ['atlas-event-label', 'atlas-event-label-repeat'].filter((l) => map.getLayer(l)),
          })
          .filter((f) => ids.includes(String(f.properties?.id)))
          .map((f) => JSON.stringify({ id: String(f.properties?.id), here: Number(f.properties?.here ?? 1) }));
        return [...new Set(written)].map((w) => JSON.parse(w) as { id: string; here: number });
      },
      [a.properties.id, b.properties.id],
    );
  await expect.poll(labelsAt).toContainEqual({ id: a.properties.id, here: 2 });

  // One of the two switched off: the label that stays says no count.
  await page.locator(`.layer-control input[data-token="${token}"]`).uncheck();
  await settled(page);
  await expect.poll(labelsAt).toEqual([{ id: a.properties.id, here: 1 }]);
  await page.locator(`.layer-control input[data-token="${token}"]`).check();
  await settled(page);
  await expect.poll(labelsAt).toContainEqual({ id: a.properties.id, here: 2 });

  // A click on the point opens the list of both, and the keyboard is in it: its first choice, then the
  // second with Tab (not the zoom buttons, which came first before).
  await clickAt(page, point);
  const chooser = page.locator('.maplibregl-popup .chooser');
  await expect(chooser).toBeVisible();
  await expect(chooser.locator('button.choice').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(chooser.locator('button.choice').nth(1)).toBeFocused();
  // In the page, the popup comes before the controls.
  const order = await page.evaluate(() =>
    [...document.querySelector('#map')!.children].map((c) => c.className.split(' ')[0]),
  );
  expect(order.indexOf('maplibregl-popup')).toBeLessThan(order.indexOf('maplibregl-control-container'));
  // Escape closes it and gives the keyboard back to the map.
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toBeFocused();

  // A choice made by keyboard opens that event's popup with the keyboard still in it.
  await clickAt(page, point);
  await expect(chooser.locator('button.choice').first()).toBeFocused();
  const second = await chooser.locator('button.choice').nth(1).getAttribute('data-id');
  expect([a.properties.id, b.properties.id]).toContain(second);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${second}"]`)).toBeVisible();
  expect(
    await page.evaluate(() => document.querySelector('.maplibregl-popup')?.contains(document.activeElement) ?? false),
  ).toBe(true);
});
