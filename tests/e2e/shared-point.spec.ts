/**
 * Events at one point: the label's "(N events)" counts only the events shown (a layer switch off
 * for some of them and it counts the rest; none for one alone), and the list of them that a click opens takes the keyboard
 * as a dialog would, ahead of the map's zoom controls.
 */
import type { EventFeature } from '../../src/contract.js';
import { clickAt, expect, jumpTo, openAtlas, settled, test } from './fixtures.js';
import { eventPlaces, markerLabel } from '../../src/map/source.js';
import { served } from './data.js';

/**
 * A point several events share, with a switch of the layer control (a status or a type) that hides some
 * of them and not all: the events there, and how many stay shown once the switch is off. Whatever the
 * served data (the bundled documents or the app fixture), so every point of every event counts.
 */
function sharedPoint(events: EventFeature[]) {
  // Events at one point behind one label: the label counts them (an event with a label of its own there
  // is not counted in the others' label).
  const at = new Map<string, EventFeature[]>();
  for (const f of events)
    for (const key of new Set(eventPlaces(f).map((p, n) => JSON.stringify([p.lonlat, markerLabel(f, n)]))))
      at.set(key, [...(at.get(key) ?? []), f]);
  for (const [atLabel, group] of at) {
    const key = JSON.stringify((JSON.parse(atLabel) as [number[], string])[0]);
    if (group.length < 2) continue;
    const tokens = group.flatMap((f) => [`status:${f.properties.status}`, `type:${f.properties.type}`]);
    const hides = (f: EventFeature, token: string) =>
      token === `status:${f.properties.status}` || token === `type:${f.properties.type}`;
    const token = tokens.find((t) => group.some((f) => !hides(f, t)));
    if (!token) continue;
    const shown = group.filter((f) => !hides(f, token));
    return { point: JSON.parse(key) as [number, number], group, shown, token };
  }
  return null;
}

test('a shared point: the label counts the events shown, and its list takes the keyboard', async ({
  page,
  request,
}) => {
  const { events } = await served(request);
  const shared = sharedPoint(events.features);
  expect(shared, 'the served data has events at one point that a layer switch tells apart').not.toBeNull();
  const { point, group, shown, token } = shared!;
  await openAtlas(page);
  await jumpTo(page, point, 6);
  await settled(page);

  // What the label layers write at the point: each label's event and its count (once per label).
  const labelsAt = () =>
    page.evaluate(
      ([ids, [lon, lat]]) => {
        const map = window.atlas.map!;
        const written = map
          .queryRenderedFeatures({
            layers: ['atlas-event-label', 'atlas-event-label-repeat'].filter((l) => map.getLayer(l)),
          })
          .filter((f) => {
            const [x, y] = f.geometry.type === 'Point' ? f.geometry.coordinates : [Number.NaN, Number.NaN];
            return ids.includes(String(f.properties?.id)) && Math.abs(x - lon) < 0.01 && Math.abs(y - lat) < 0.01;
          })
          .map((f) => JSON.stringify({ id: String(f.properties?.id), here: Number(f.properties?.here ?? 1) }));
        return [...new Set(written)].map((w) => JSON.parse(w) as { id: string; here: number });
      },
      [group.map((f) => f.properties.id), point] as const,
    );
  const counts = async () => (await labelsAt()).map((l) => l.here);
  await expect.poll(counts).toContain(group.length);

  // Some switched off: the label that stays counts only the events shown (no count for one alone).
  await page.locator(`.layer-control input[data-token="${token}"]`).uncheck();
  await settled(page);
  await expect.poll(counts).toEqual([shown.length]);
  expect(shown.map((f) => f.properties.id)).toContain((await labelsAt())[0].id);
  await page.locator(`.layer-control input[data-token="${token}"]`).check();
  await settled(page);
  await expect.poll(counts).toContain(group.length);

  // A click on the point opens the list of them all, and the keyboard is in it: its first choice, then the
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
  // …and is drawn over them all the same (the Globe button was drawn across a chooser's first row).
  const stack = await page.evaluate(() => {
    const z = (sel: string) => Number(getComputedStyle(document.querySelector(sel)!).zIndex);
    return { popup: z('#map > .maplibregl-popup'), controls: z('#map .maplibregl-ctrl-top-right') };
  });
  expect(stack.popup, JSON.stringify(stack)).toBeGreaterThan(stack.controls);
  // Escape closes it and gives the keyboard back to the map.
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toBeFocused();

  // A choice made by keyboard opens that event's popup with the keyboard still in it.
  await clickAt(page, point);
  await expect(chooser.locator('button.choice').first()).toBeFocused();
  const second = await chooser.locator('button.choice').nth(1).getAttribute('data-id');
  // The list holds every event at the point, whatever its label.
  const atPoint = events.features.filter((f) =>
    eventPlaces(f).some((p) => JSON.stringify(p.lonlat) === JSON.stringify(point)),
  );
  expect(atPoint.map((f) => f.properties.id)).toContain(second);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${second}"]`)).toBeVisible();
  expect(
    await page.evaluate(() => document.querySelector('.maplibregl-popup')?.contains(document.activeElement) ?? false),
  ).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test('the list a click at a shared point opens clears the details of the feature chosen before', async ({
    page,
    request,
  }) => {
    const { events } = await served(request);
    const shared = sharedPoint(events.features);
    expect(shared, 'the served data has events at one point').not.toBeNull();
    const { point, group } = shared!;
    const other = events.features.find((f) => !group.includes(f));
    expect(other, 'an event elsewhere').toBeDefined();
    await openAtlas(page, `#sel=${encodeURIComponent(other!.properties.id)}`);
    // On a phone the details are in the sheet, under the map.
    await expect(page.locator(`#detail .popup[data-id="${other!.properties.id}"]`)).toBeAttached();
    await expect(page.locator('#detail')).not.toHaveAttribute('hidden');
    // The sheet folded to its peek, so that the map takes the tap.
    if ((await page.locator('#sheet-handle').getAttribute('aria-expanded')) === 'true')
      await page.locator('#sheet-handle').tap();
    await jumpTo(page, point, 6);
    await settled(page);
    await clickAt(page, point);
    await expect(page.locator('.maplibregl-popup .chooser')).toBeVisible();
    // The earlier details are gone: left, they would read as the details of what the list names.
    await expect(page.locator('#detail')).toHaveAttribute('hidden');
    await expect(page.locator('#detail .popup')).toHaveCount(0);
  });
});
