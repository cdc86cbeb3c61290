/**
 * A large archive at phone size (issue 19: 375×740, touch): the sheet opens on its list, the search
 * filters it, and a tap on a result or on the map opens the details with claims fetched from their
 * chunk. Functional checks only; the time each takes is measured by `npm run bench:scale` (phone table).
 */
import type { Page } from '@playwright/test';
import { scaleData, serveScaleFixture, type ScaleData } from '../fixtures/scale/serve.js';
import { expect, idle, jumpTo, openAtlas, project, test } from './fixtures.js';

let data: ScaleData;
test.beforeAll(() => {
  data = scaleData();
});
test.beforeEach(async ({ page }) => {
  await serveScaleFixture(page, data);
});
test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

/** The details of a feature, in the sheet (a phone shows no popup over its small map). */
const detail = (page: Page, id: string) => page.locator(`#detail .popup[data-id="${id}"]`);

async function expectInWidth(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375 + 0.5);
}

test('the sheet opens on the virtualised list, the search filters it, and a tap on a result opens its details', async ({
  page,
}) => {
  await openAtlas(page);
  const handle = page.locator('#sheet-handle');
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await handle.tap();
  await expect(handle).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator('.scale-list');
  const total = data.events.features.length + data.ranges.features.length;
  await expect(list.locator('.list-count')).toHaveText(`${total.toLocaleString('en')} events and ranges`);
  const rows = list.locator('button.item');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(300);
  await expectInWidth(page, '.scale-list button.item');

  // Search: by tapping into the box and typing, as on a phone.
  const place = data.events.features[0].properties.places[0].name;
  const named = data.events.features.filter((f) => f.properties.places.some((p) => p.name === place)).length;
  const box = list.getByRole('searchbox');
  await box.tap();
  await page.keyboard.type(place);
  await expect(list.locator('.list-count')).toContainText(`match “${place}”`);
  const shown = Number((await list.locator('.list-count').textContent())!.split(' of ')[0].replace(/,/g, ''));
  expect(shown).toBeGreaterThanOrEqual(named);
  expect(shown).toBeLessThan(total);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`q=${encodeURIComponent(place)}`);

  // A tap on a result: its details, claims and excerpts from their chunk, in the sheet.
  const row = rows.first();
  await expect(row).toBeVisible();
  const id = (await row.getAttribute('data-id'))!;
  const feature = [...data.events.features, ...data.ranges.features].find((f) => f.properties.id === id)!;
  expect(feature).toBeDefined();
  const zoom = await page.evaluate(() => window.atlas.map!.getZoom());
  await row.tap();
  await expect(detail(page, id)).toBeVisible();
  await expect(detail(page, id).locator('.claims .claim')).toHaveCount(feature.properties.claims.length);
  await expect(detail(page, id)).toContainText(feature.properties.claims[0].excerpt.slice(0, 60));
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  await expectInWidth(page, '#detail');
  // Then the map highlights it and flies to it (an event's details are shown first, the map after).
  if (feature.geometry?.type === 'MultiPoint') {
    await expect
      .poll(() => page.evaluate(() => JSON.stringify(window.atlas.map!.getFilter('atlas-event-selected'))))
      .toContain(`"${id}"`);
    const at = feature.geometry.coordinates[0] as [number, number];
    await expect
      .poll(() =>
        page.evaluate(
          ([ll, z]) => {
            const map = window.atlas.map!;
            return !map.isMoving() && map.getZoom() > (z as number) && map.getBounds().contains(ll as [number, number]);
          },
          [at, zoom] as const,
        ),
      )
      .toBe(true);
  }
});

test('a tap on an event on the map opens its details', async ({ page }) => {
  await openAtlas(page);
  // An event alone at its place, seen closer than clusters form (source.ts CLUSTER_MAX_ZOOM 11).
  const at = new Map<string, number>();
  for (const f of data.events.features)
    for (const p of f.geometry.coordinates) at.set(p.join(','), (at.get(p.join(',')) ?? 0) + 1);
  const event =
    data.events.features.find(
      (f) => f.geometry.coordinates.length === 1 && at.get(f.geometry.coordinates[0].join(',')) === 1,
    ) ?? data.events.features.find((f) => f.geometry.coordinates.length === 1)!;
  const lonlat = event.geometry.coordinates[0] as [number, number];
  await jumpTo(page, lonlat, 12);
  await idle(page);
  const point = await project(page, lonlat);
  const canvas = (await page.locator('#map > .maplibregl-canvas-container > canvas').boundingBox())!;
  await page.touchscreen.tap(canvas.x + point.x, canvas.y + point.y);
  // Several events at one point: a chooser first.
  const id = event.properties.id;
  const choice = page.locator(`#detail .chooser button[data-id="${id}"]`);
  await expect(detail(page, id).or(choice)).toBeVisible();
  if (await choice.isVisible()) await choice.tap();
  await expect(detail(page, id)).toBeVisible();
  await expect(detail(page, id)).toContainText(event.properties.claims[0].excerpt.slice(0, 60));
  await expect(page.locator('#sheet-handle')).toHaveAttribute('aria-expanded', 'true');
});
