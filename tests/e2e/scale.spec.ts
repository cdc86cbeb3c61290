/**
 * A large archive (issue 19): a generated archive of a few thousand events (tests/fixtures/scale)
 * served in place of the site's data. Events cluster, with counts, following the layer switches and the
 * period; a click on a cluster zooms in; the list keeps only a few rows in the DOM and is searched by
 * text, the search in the URL; the timeline draws a histogram. No timing assertions.
 *
 * The tests share one page (booting the archive on SwiftShader takes seconds): each starts from
 * `openAtlas`'s reset, and the two that need a first load reload the page.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import type { Page } from '@playwright/test';
import { scaleData, serveScaleFixture, type ScaleData } from '../fixtures/scale/serve.js';
import { clickAt, expect, idle, jumpTo, openAtlas, settled, sharedTest as test } from './fixtures.js';
import { CLUSTERED_LABELS_FROM } from '../../src/map/source.js';
import { inPeriod } from '../../src/map/period.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each boot and step costs about half as much. Nothing here is about layout.
test.use({ viewport: { width: 960, height: 600 } });

let data: ScaleData;
test.beforeAll(() => {
  data = scaleData();
});
test.beforeEach(async ({ page }) => {
  await serveScaleFixture(page, data);
});

/** Reloads the page, a new document from its URL, and waits for the app to be ready. */
async function boot(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
}

/** Clusters drawn in the view: [lon, lat] and count. */
async function clusters(page: Page): Promise<Array<{ at: [number, number]; count: number }>> {
  await idle(page);
  return page.evaluate(() =>
    window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-event-cluster'] }).map((f) => ({
      at: (f.geometry as GeoJSON.Point).coordinates as [number, number],
      count: Number(f.properties?.point_count),
    })),
  );
}

/** Places in the events' source (the visible events' places, as the clusters count them). */
async function sourcePlaces(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const source = window.atlas.map!.getSource<GeoJSONSource>('atlas-events')!;
    return ((await source.getData()) as GeoJSON.FeatureCollection).features.length;
  });
}

const places = (pred: (f: ScaleData['events']['features'][number]) => boolean) =>
  data.events.features.filter(pred).reduce((n, f) => n + f.geometry.coordinates.length, 0);

test('events cluster with counts, and a click on a cluster zooms in', async ({ page }) => {
  await openAtlas(page, '#map=1.5/30/20');
  const drawn = await clusters(page);
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.every((c) => c.count >= 2)).toBe(true);
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toBeVisible();
  expect(await sourcePlaces(page)).toBe(places(() => true));
  const biggest = drawn.reduce((a, b) => (b.count > a.count ? b : a));
  const before = await page.evaluate(() => window.atlas.map!.getZoom());
  await clickAt(page, biggest.at);
  await expect.poll(() => page.evaluate(() => window.atlas.map!.getZoom())).toBeGreaterThan(before);
  await settled(page);
});

test('lone markers are labelled from a zoom on, not in a view of continents', async ({ page }) => {
  const labels = () =>
    page.evaluate(
      () =>
        window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-event-label', 'atlas-event-label-repeat'] }).length,
    );
  const markers = () =>
    page.evaluate(() => window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-event-marker'] }).length);
  // Past the clusters' last zoom every place is a marker of its own, and named.
  const [lon, lat] = data.events.features[0].geometry.coordinates[0];
  await openAtlas(page, `#map=12/${lat}/${lon}`);
  await idle(page);
  expect(await markers()).toBeGreaterThan(0);
  expect(await labels()).toBeGreaterThan(0);
  // Below CLUSTERED_LABELS_FROM (src/map/source.ts) the markers left between the clusters are drawn unnamed.
  await jumpTo(page, [lon, lat], CLUSTERED_LABELS_FROM - 0.5);
  await idle(page);
  expect(await markers()).toBeGreaterThan(0);
  expect(await labels()).toBe(0);
});

test('clusters count only the events the switches and the period leave', async ({ page }) => {
  // The period from the URL: one year of the ten.
  const period = { from: '2019-01-01', to: '2019-12-31' };
  await openAtlas(page, `#map=1.5/30/20&t=${period.from}/${period.to}`);
  const inYear = places((f) => inPeriod(f.properties, period));
  expect(inYear).toBeGreaterThan(0);
  expect(inYear).toBeLessThan(places(() => true) / 2);
  await expect.poll(() => sourcePlaces(page)).toBe(inYear);
  // A type switched off in the layer control.
  await page
    .locator('.layer-control fieldset[data-group="events"] li input')
    .first()
    .evaluate((box) => (box as HTMLInputElement).click());
  const off = await page.locator('.layer-control fieldset[data-group="events"] li input').first().isChecked();
  expect(off).toBe(false);
  const firstType = await page.evaluate(() => location.hash);
  const hiddenType = decodeURIComponent(/hide=([^&]+)/.exec(firstType)![1]).replace(/^type:/, '');
  await expect
    .poll(() => sourcePlaces(page))
    .toBe(places((f) => f.properties.type !== hiddenType && inPeriod(f.properties, period)));
  // All events off: no cluster drawn.
  await page.locator('.layer-control fieldset[data-group="events"] legend input').uncheck();
  expect(await clusters(page)).toEqual([]);
});

test('the list holds a few rows in the DOM however far it scrolls', async ({ page }) => {
  await openAtlas(page);
  const total = data.events.features.length + data.ranges.features.length;
  const list = page.locator('.scale-list');
  await expect(list.locator('.list-count')).toHaveText(`${total.toLocaleString('en')} events and ranges`);
  const rows = list.locator('button.item');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(300);
  // To the end: other rows are drawn in place of the first ones, and still only a window of them.
  const ids = () => rows.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id as string));
  const top = await ids();
  await list.locator('.virtual-list').evaluate((box) => box.scrollTo(0, box.scrollHeight));
  await expect.poll(async () => (await ids()).some((id) => top.includes(id))).toBe(false);
  expect(await rows.count()).toBeLessThanOrEqual(300);
  expect(await rows.count()).toBeGreaterThan(0);
  await list.locator('.virtual-list').evaluate((box) => box.scrollTo(0, 0));
  await expect.poll(ids).toEqual(top);
});

test('the page reads the compact index, and a popup fetches its claims and excerpts when opened', async ({ page }) => {
  const asked: string[] = [];
  const onRequest = (r: import('@playwright/test').Request) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/data/')) asked.push(path.split('/').pop()!);
  };
  // A first load: what the page asks for as it boots, not what it kept from an earlier test.
  await openAtlas(page);
  page.on('request', onRequest);
  await boot(page);
  expect(asked).toContain('events.index.json');
  expect(asked).not.toContain('events.geojson');
  expect(asked.filter((f) => f.startsWith('events.claims-'))).toEqual([]);
  const row = page.locator('.scale-list button.item').first();
  const id = (await row.getAttribute('data-id'))!;
  const event = data.events.features.find((f) => f.properties.id === id)!;
  await row.click();
  const popup = page.locator(`.maplibregl-popup .popup[data-id="${id}"]`);
  await expect(popup).toBeVisible();
  // The excerpt is the claim's own sentence, from its chunk.
  await expect(popup).toContainText(event.properties.claims[0].excerpt.slice(0, 60));
  expect(asked.filter((f) => f.startsWith('events.claims-'))).toHaveLength(1);
  page.off('request', onRequest);
});

test('search filters the list and goes in the URL', async ({ page }) => {
  await openAtlas(page);
  const place = data.events.features[0].properties.places[0].name;
  const exact = data.events.features.filter((f) => f.properties.places.some((p) => p.name === place)).length;
  const total = data.events.features.length + data.ranges.features.length;
  const list = page.locator('.scale-list');
  await list.getByRole('searchbox').fill(place);
  await expect(list.locator('.list-count')).toContainText(`match “${place}”`);
  const shown = Number((await list.locator('.list-count').textContent())!.split(' of ')[0].replace(/,/g, ''));
  expect(shown).toBeGreaterThanOrEqual(exact);
  expect(shown).toBeLessThan(total);
  // Every row shown holds the place's name, or came by its words elsewhere; the first few hold it.
  await expect(list.locator('button.item').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`q=${encodeURIComponent(place)}`);
  // The URL restores it.
  await boot(page);
  await expect(list.getByRole('searchbox')).toHaveValue(place);
  await expect(list.locator('.list-count')).toContainText(`${shown.toLocaleString('en')} of`);
});

test('the timeline draws a histogram, not a mark per event', async ({ page }) => {
  await openAtlas(page);
  const timeline = page.locator('.timeline');
  await expect(timeline.locator('.histogram rect').first()).toBeAttached();
  expect(await timeline.locator('.marks > *').count()).toBe(0);
});

test('the timeline draws its histogram again only for a new width (each draw reads every event)', async ({ page }) => {
  await openAtlas(page);
  // The width of the axis at each histogram drawn, from the page's first script on (a first load).
  await page.addInitScript(() => {
    const widths: number[] = [];
    Object.assign(window, { histogramWidths: widths });
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof SVGGElement && n.classList.contains('histogram'))
            widths.push(Math.round(n.ownerSVGElement!.getBoundingClientRect().width));
    }).observe(document, { subtree: true, childList: true });
  });
  await boot(page);
  await idle(page);
  const widths = await page.evaluate(() =>
    'histogramWidths' in window && Array.isArray(window.histogramWidths) ? window.histogramWidths.map(Number) : [],
  );
  expect(widths.length).toBeGreaterThan(0);
  // The resize observer's first call came right after the first draw, at the same width, and drew it again.
  expect(widths.filter((w, i) => i > 0 && w === widths[i - 1])).toEqual([]);
});
