/**
 * The reader's side, end to end, against the built site and whatever data it serves.
 */
import {
  LAYERS,
  clickAt,
  expect,
  idle,
  idsAt,
  jumpTo,
  openAtlas,
  openByClick,
  settled,
  sharedTest as test,
} from './fixtures.js';
import { drawnRanges, pointInBand, served } from './data.js';

const lonlat = (c: number[]) => [c[0], c[1]] as [number, number];

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each step of these tests costs about half as much.
test.use({ viewport: { width: 960, height: 600 } });

test('the map renders the basemap and the data', async ({ page }, testInfo) => {
  await openAtlas(page);
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toHaveAttribute(
    'aria-label',
    /Map of events/,
  );
  const layers = await page.evaluate(() => window.atlas.map!.getStyle().layers.map((l) => l.id));
  expect(layers).toEqual(
    expect.arrayContaining(['basemap-land-110m', 'basemap-countries', 'atlas-event-marker', 'atlas-range-fill']),
  );
  await page.screenshot({ path: testInfo.outputPath('map-desktop.png') });
});

test('every served event has a rendered marker at its place', async ({ page, request }) => {
  const { events } = await served(request);
  expect(events.features.length).toBeGreaterThan(0);
  await openAtlas(page);
  for (const f of events.features) {
    const at = lonlat(f.geometry.coordinates[0]);
    // The first view fits the data; an event on the far side of the globe is brought round first.
    if (!(await idsAt(page, at, LAYERS.events)).includes(f.properties.id)) await jumpTo(page, at, 4);
    expect(await idsAt(page, at, LAYERS.events), f.properties.id).toContain(f.properties.id);
  }
});

test('clicking each marker shows exactly its excerpts', async ({ page, request }) => {
  const { events } = await served(request);
  await openAtlas(page);
  for (const f of events.features) {
    const at = lonlat(f.geometry.coordinates[0]);
    await jumpTo(page, at, 5);
    await openByClick(page, at, f.properties.id);
    const excerpts = page.locator(`.maplibregl-popup .popup[data-id="${f.properties.id}"] .excerpt`);
    await expect(excerpts).toHaveText(f.properties.claims.map((c) => c.excerpt));
    // Highlights mark exactly the claim's [start, end) spans.
    const first = f.properties.claims[0];
    const marked = first.highlights.map(([a, b]) => first.excerpt.slice(a, b));
    if (marked.length) await expect(excerpts.first().locator('mark')).toHaveText(marked);
    await page.locator('.maplibregl-popup-close-button').click();
    await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  }
});

test('clicking a range band shows its label and excerpt', async ({ page, request }) => {
  const { ranges } = await served(request);
  test.skip(ranges.features.length === 0, 'no ranges served');
  await openAtlas(page);
  for (const f of drawnRanges(ranges)) {
    const at = pointInBand(f.geometry);
    await jumpTo(page, at, 3);
    expect(await idsAt(page, at, LAYERS.ranges), f.properties.id).toContain(f.properties.id);
    await openByClick(page, at, f.properties.id);
    const popup = page.locator(`.maplibregl-popup .popup[data-id="${f.properties.id}"]`);
    await expect(popup.locator('h2')).toHaveText(f.properties.label);
    await expect(popup.locator('.excerpt').first()).toHaveText(f.properties.excerpt);
    // Closed, as a reader would: an open popup (panned into view) can cover the next band's point.
    await page.locator('.maplibregl-popup-close-button').click();
    await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  }
});

test('layer switches hide and show features on the map', async ({ page, request }) => {
  const { events, ranges } = await served(request);
  await openAtlas(page);
  const event = events.features[0];
  const at = lonlat(event.geometry.coordinates[0]);
  await jumpTo(page, at, 4);
  const box = (token: string) => page.locator(`.layer-control input[data-token="${token}"]`);

  await box('events').uncheck();
  await idle(page);
  expect(await idsAt(page, at, LAYERS.events)).not.toContain(event.properties.id);
  await expect(page.locator(`.feature-list button[data-id="${event.properties.id}"]`)).toBeHidden();
  await box('events').check();
  await idle(page);
  expect(await idsAt(page, at, LAYERS.events)).toContain(event.properties.id);

  await box(`type:${event.properties.type}`).uncheck();
  await idle(page);
  expect(await idsAt(page, at, LAYERS.events)).not.toContain(event.properties.id);
  await box(`type:${event.properties.type}`).check();
  // Every other category (status, basis) and pairs of them: tests/map/filters.test.ts, on MapLibre's own filter evaluation.

  const range = drawnRanges(ranges)[0];
  if (range) {
    const inBand = pointInBand(range.geometry);
    await jumpTo(page, inBand, 3);
    expect(await idsAt(page, inBand, LAYERS.ranges)).toContain(range.properties.id);
    await box('ranges').uncheck();
    await idle(page);
    expect(await idsAt(page, inBand, LAYERS.ranges)).not.toContain(range.properties.id);
    await box('ranges').check();
    await idle(page);
    expect(await idsAt(page, inBand, LAYERS.ranges)).toContain(range.properties.id);
  }
});

test('the URL restores view, hidden layers and selection, and back/forward work', async ({
  page,
  request,
  context,
}) => {
  const { events } = await served(request);
  test.skip(events.features.length < 2, 'needs two events');
  const [a, b] = events.features;
  await openAtlas(page);
  await page.locator(`.feature-list button[data-id="${a.properties.id}"]`).click();
  await expect(page.locator(`.popup[data-id="${a.properties.id}"]`)).toBeVisible();
  await page.locator(`.feature-list button[data-id="${b.properties.id}"]`).click();
  await expect(page.locator(`.popup[data-id="${b.properties.id}"]`)).toBeVisible();
  await page.locator('.layer-control input[data-token="ranges"]').uncheck();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('hide=ranges');
  await settled(page);
  // At the flight's end the map may pan on, to show all of the popup (popup-view.ts): the URL is read
  // once the map is still and drawn (idle), not in the middle of that pan.
  await idle(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`sel=${b.properties.id}`);
  const url = page.url();
  const view = await page.evaluate(() => ({
    zoom: window.atlas.map!.getZoom(),
    center: window.atlas.map!.getCenter().toArray(),
  }));

  // A fresh page from the URL comes back the same.
  const other = await context.newPage();
  await openAtlas(other, new URL(url).hash);
  await expect(other.locator(`.popup[data-id="${b.properties.id}"]`)).toBeVisible();
  await expect(other.locator('.layer-control input[data-token="ranges"]')).not.toBeChecked();
  await expect(other.locator(`.feature-list button[data-id="${b.properties.id}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  );
  const restored = await other.evaluate(() => ({
    zoom: window.atlas.map!.getZoom(),
    center: window.atlas.map!.getCenter().toArray(),
  }));
  expect(restored.zoom).toBeCloseTo(view.zoom, 1);
  expect(restored.center[0]).toBeCloseTo(view.center[0], 2);
  expect(restored.center[1]).toBeCloseTo(view.center[1], 2);
  await other.close();

  // Back undoes the switch, then the second selection; forward redoes it.
  await page.goBack();
  await expect(page.locator('.layer-control input[data-token="ranges"]')).toBeChecked();
  await page.goBack();
  await expect(page.locator(`.popup[data-id="${a.properties.id}"]`)).toBeVisible();
  await page.goForward();
  await expect(page.locator(`.popup[data-id="${b.properties.id}"]`)).toBeVisible();
});

test('list and map stay in sync, by mouse and by keyboard', async ({ page, request }) => {
  const { events } = await served(request);
  await openAtlas(page);
  const items = page.locator('.feature-list button.item');
  await expect(items).toHaveCount(events.features.length + (await served(request)).ranges.features.length);

  // Map → list: clicking a marker marks its list item.
  const f = events.features[events.features.length - 1];
  const at = lonlat(f.geometry.coordinates[0]);
  await jumpTo(page, at, 5);
  await openByClick(page, at, f.properties.id);
  await expect(page.locator(`.feature-list button[data-id="${f.properties.id}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  );

  // List → map, by keyboard: arrow to the next item, Enter flies there and opens it.
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  const second = await items.nth(1).getAttribute('data-id');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${second}"]`)).toBeVisible();
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
  await settled(page);
  const event = events.features.find((e) => e.properties.id === second);
  if (event) {
    await idle(page);
    expect(await idsAt(page, lonlat(event.geometry.coordinates[0]), LAYERS.events)).toContain(second);
  }
});

test('a popup opened from the list ends up wholly inside the map, however long it is', async ({ page }) => {
  await openAtlas(page);
  const items = page.locator('.feature-list button.item');
  const inside = () =>
    page.evaluate(() => {
      const popup = document.querySelector('.maplibregl-popup')?.getBoundingClientRect();
      const map = document.getElementById('map')!.getBoundingClientRect();
      return (
        !!popup &&
        popup.top >= map.top &&
        popup.bottom <= map.bottom &&
        popup.left >= map.left &&
        popup.right <= map.right
      );
    });
  let scrolled = 0;
  const all = await items.all();
  try {
    for (const [i, item] of all.entries()) {
      // The first popup opens after a flight and is panned into view once the map is still (an
      // animated pan); the flight takes seconds of wall time, so the others are opened as a reader
      // who prefers reduced motion sees them: the camera jumps, and the popup is panned at once.
      if (i === 1) await page.emulateMedia({ reducedMotion: 'reduce' });
      const id = await item.getAttribute('data-id');
      await item.click();
      await expect(page.locator(`.maplibregl-popup .popup[data-id="${id}"]`)).toBeVisible();
      await expect.poll(inside, { message: `popup of ${id} inside the map`, intervals: [100] }).toBe(true);
      // Taller than the map, it scrolls, and the keyboard can reach it.
      const content = page.locator('.maplibregl-popup-content > .popup');
      if (await content.evaluate((e) => e.scrollHeight > e.clientHeight)) {
        scrolled++;
        await expect(content).toHaveAttribute('tabindex', '0');
      }
    }
  } finally {
    // The page is shared with the later tests of this file.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  }
  expect(all.length).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'popups that scroll', description: String(scrolled) });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test('the panel is a bottom sheet that opens, lists, and shows the chosen feature', async ({
    page,
    request,
  }, testInfo) => {
    const { events } = await served(request);
    await openAtlas(page);
    const handle = page.locator('#sheet-handle');
    await expect(handle).toBeVisible();
    await expect(handle).toHaveAttribute('aria-expanded', 'false');
    await page.screenshot({ path: testInfo.outputPath('map-phone.png') });
    await handle.tap();
    await expect(handle).toHaveAttribute('aria-expanded', 'true');
    const f = events.features[0];
    const item = page.locator(`.feature-list button[data-id="${f.properties.id}"]`);
    await expect(item).toBeVisible();
    await item.tap();
    // On a phone the details open in the sheet, not in a popup over the small map.
    const detail = page.locator(`#detail .popup[data-id="${f.properties.id}"]`);
    await expect(detail).toBeVisible();
    await expect(detail.locator('.excerpt')).toHaveText(f.properties.claims.map((c) => c.excerpt));
    await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
    await settled(page);
    await idle(page);
    expect(await idsAt(page, lonlat(f.geometry.coordinates[0]), LAYERS.events)).toContain(f.properties.id);
    await page.screenshot({ path: testInfo.outputPath('detail-phone.png') });
    await page.locator('#detail .detail-close').tap();
    await expect(page.locator('#detail')).toBeHidden();
    await expect(page.locator('.feature-list button[aria-current="true"]')).toHaveCount(0);
  });
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the map renders with the dark basemap', async ({ page }, testInfo) => {
    await openAtlas(page);
    const sea = await page.evaluate(() => window.atlas.map!.getPaintProperty('basemap-sea', 'background-color'));
    expect(String(sea)).not.toBe('#d9e2e8');
    await page.screenshot({ path: testInfo.outputPath('map-dark.png') });
  });
});

test('clicking empty sea closes the popup and clears the selection', async ({ page, request }) => {
  const { events } = await served(request);
  await openAtlas(page);
  const f = events.features[0];
  await page.locator(`.feature-list button[data-id="${f.properties.id}"]`).click();
  await expect(page.locator('.maplibregl-popup')).toBeVisible();
  await settled(page);
  await jumpTo(page, [-30, -50], 4); // South Atlantic: nothing drawn there
  await clickAt(page, [-30, -50]);
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  await expect(page.locator('.feature-list button[aria-current="true"]')).toHaveCount(0);
});
