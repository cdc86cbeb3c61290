/**
 * Faults at run time, end to end: a data file missing, cut off or not JSON, features with broken
 * geometry, no WebGL 2, a slow network. Each time the page draws what it can, says what went wrong
 * in a `role="alert"` element, and stays usable; it is never blank.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { EventCollection, RangeCollection } from '../../src/contract.js';
import { DIST, expect, openReady, serveSite, test, type Site } from './guards.js';

// Not about layout: a smaller desktop window (still wider than the 700 px phone layout) gives
// SwiftShader fewer pixels to draw per frame (a boot measured about a fifth less browser CPU than at 1280×800).
test.use({ viewport: { width: 960, height: 600 } });

const EVENTS = '/data/events.geojson';
const RANGES = '/data/ranges.geojson';

/** The data the built site serves (read once the Playwright config has built it). */
let served: { events: EventCollection; ranges: RangeCollection };
let site: Site;
test.beforeAll(async () => {
  const read = (file: string) => JSON.parse(readFileSync(join(DIST, file), 'utf8'));
  served = { events: read('data/events.geojson'), ranges: read('data/ranges.geojson') };
  site = await serveSite();
});
test.afterEach(() => site.clear());
test.afterAll(async () => site?.close());

const alert = (page: Page) => page.getByRole('alert');

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
const listItems = (page: Page) => page.locator('.feature-list button.item');

/** The list opens a feature, and a layer's switch hides its items in the list and brings them back. */
async function expectUsable(page: Page, layer: 'events' | 'ranges'): Promise<void> {
  const ids = (layer === 'events' ? served.events : served.ranges).features.map((f) => f.properties.id);
  const items = page.locator('.feature-list button.item').filter({ visible: true });
  const ofLayer = items.and(page.locator(ids.map((id) => `[data-id="${id}"]`).join(', ')));
  await ofLayer.first().click();
  await expect(page.locator('.maplibregl-popup .popup')).toBeVisible();
  const shown = await ofLayer.count();
  expect(shown).toBeGreaterThan(0);
  const box = page.locator(`.layer-control input[data-token="${layer}"]`);
  await box.uncheck();
  await expect(ofLayer).toHaveCount(0);
  await box.check();
  await expect(ofLayer).toHaveCount(shown);
}

test('a missing data file (404): the other layer is drawn, an alert says which file, the page works', async ({
  page,
  guard,
}) => {
  guard.allowConsole(/404/);
  site.reply(EVENTS, { status: 404, body: 'not found', type: 'text/plain' });
  await openReady(page, site.url);
  await expect(alert(page)).toBeVisible();
  await expect(alert(page)).toContainText('data/events.geojson');
  await expect(alert(page)).toContainText('404');
  await expect(alert(page)).toContainText('No events are shown');
  await expect(listItems(page)).toHaveCount(served.ranges.features.length);
  expect(await seriousViolations(page), 'axe, with the alert').toEqual([]);
  await expectUsable(page, 'ranges');
  // The reader can close the message.
  await page.getByRole('button', { name: 'Close this message' }).click();
  await expect(alert(page)).toBeHidden();
  await expect(page.locator('.app-status')).toBeHidden();
});

test('both files missing: an empty map that says so, never a blank page', async ({ page, guard }, testInfo) => {
  guard.allowConsole(/404/);
  site.reply(EVENTS, { status: 404 });
  site.reply(RANGES, { status: 404 });
  await openReady(page, site.url);
  await expect(alert(page)).toContainText('data/events.geojson');
  await expect(alert(page)).toContainText('data/ranges.geojson');
  await expect(page.locator('.feature-list')).toContainText('No events or ranges to show.');
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('both-missing.png') });
});

test('a data file cut off in transfer, or not JSON at all: an alert, and the rest is drawn', async ({
  page,
  guard,
}, testInfo) => {
  const text = JSON.stringify(served.events);
  // Complete response, truncated content (a half-written file on the server).
  site.reply(EVENTS, { body: text.slice(0, text.length / 2) });
  await openReady(page, site.url);
  await expect(alert(page)).toContainText('data/events.geojson is not valid JSON');
  await expect(listItems(page)).toHaveCount(served.ranges.features.length);
  await expectUsable(page, 'ranges');
  await page.screenshot({ path: testInfo.outputPath('truncated.png') });

  // The connection drops halfway through the body.
  guard.allowConsole(/ERR_CONTENT_LENGTH_MISMATCH|Failed to load resource/);
  site.clear();
  site.reply(RANGES, { body: JSON.stringify(served.ranges), cutAfter: 200 });
  await page.goto(site.url);
  await expect(alert(page)).toContainText('data/ranges.geojson');
  await expect(alert(page)).toContainText('No ranges are shown');
  await expect(listItems(page)).toHaveCount(served.events.features.length);

  // An HTML page where the data should be (a host's fallback page).
  site.clear();
  site.reply(RANGES, { body: '<!doctype html><title>Page not found</title>' });
  await openReady(page, site.url);
  await expect(alert(page)).toContainText('data/ranges.geojson is not valid JSON');
  await expectUsable(page, 'events');
});

test('features with broken geometry are left out and named; the valid ones are drawn', async ({ page }, testInfo) => {
  const events = structuredClone(served.events);
  const ranges = structuredClone(served.ranges);
  const valid = events.features.length - 3;
  (events.features[0] as { geometry: unknown }).geometry = null;
  (events.features[1].geometry.coordinates as unknown) = [['35.0', 'north']];
  events.features[2].geometry.coordinates = [[35, 1000]];
  const geometry = ranges.features[0].geometry!;
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  ring.pop(); // no longer closed
  site.reply(EVENTS, { body: JSON.stringify(events) });
  site.reply(RANGES, { body: JSON.stringify(ranges) });

  await openReady(page, site.url);
  await expect(alert(page)).toContainText(
    'events.geojson: feature 1 left out: geometry is not a MultiPoint of [lon, lat]',
  );
  await expect(alert(page)).toContainText('feature 2 left out');
  await expect(alert(page)).toContainText('feature 3 left out');
  await expect(alert(page)).toContainText(
    'ranges.geojson: feature 1 left out: geometry is neither null nor a Polygon or MultiPolygon',
  );
  await expect(page.locator('.feature-list [data-id]')).toHaveCount(valid + ranges.features.length - 1);
  const ids = events.features.slice(3).map((f) => f.properties.id);
  const drawn = await page.evaluate(() => [
    ...new Set(
      window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-event-marker'] }).map((f) => String(f.properties.id)),
    ),
  ]);
  expect(drawn.length, 'event markers drawn').toBeGreaterThan(0);
  expect(ids, 'drawn markers are valid events').toEqual(expect.arrayContaining(drawn));
  await page.screenshot({ path: testInfo.outputPath('broken-geometry.png') });
  await expectUsable(page, 'events');
});

/** Chromium without WebGL 2, as on machines where it is blocked or missing. */
async function withoutWebGL2(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return type === 'webgl2' ? null : (getContext as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof getContext;
  });
}

// 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test("the map's own faults (a basemap file that does not load) show in the alert, in the atlas and the embed; the data is drawn", async ({
  page,
  guard,
}) => {
  guard.allowConsole(/404/);
  site.reply('/basemap/land-110m.geojson', { status: 404, body: 'not found', type: 'text/plain' });
  await openReady(page, site.url);
  // The session hears the map's `error` event and says so where data faults are said.
  await expect(alert(page)).toContainText('Part of the map could not be drawn');
  await expect(alert(page)).toContainText('404');
  await expect(listItems(page)).toHaveCount(served.events.features.length + served.ranges.features.length);
  await expectUsable(page, 'events');

  // The basemap's fault can come before the data: held back until the fault is said, the data's arrival
  // (with no problems of its own) must not wipe it (it did, on a busy machine).
  let release: () => void = () => {};
  site.reply(RANGES, { wait: new Promise<void>((done) => (release = done)) });
  await page.goto(`${site.url}embed.html`, { waitUntil: 'commit' });
  await expect(page.locator('#status')).toContainText('Part of the map could not be drawn');
  release();
  await page.evaluate(() => window.atlas.ready);
  await expect(page.locator('#status')).toContainText('Part of the map could not be drawn');
  expect(site.requests.filter((r) => r === '/basemap/land-110m.geojson').length).toBeGreaterThanOrEqual(2);
});

test('no WebGL 2: a message, every excerpt as text with the list, and the still picture when there is one', async ({
  page,
}, testInfo) => {
  await withoutWebGL2(page);
  // The site as the build leaves it when it could not render preview.png: no og:image.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  site.reply('/', { body: html.replace(/<meta property="og:image"[^>]*>/, ''), type: 'text/html' });
  await page.goto(site.url);
  await expect(page.evaluate(() => window.atlas.ready)).rejects.toThrow(/no map/);
  await expect(alert(page)).toContainText('cannot draw the map');
  const features = [...served.events.features, ...served.ranges.features];
  const articles = page.locator('.no-map-view .popup');
  await expect(articles).toHaveCount(features.length);
  for (const f of features)
    await expect(page.locator(`.no-map-view .popup[data-id="${f.properties.id}"] .excerpt`).first()).toHaveText(
      f.properties.claims[0].excerpt,
    );
  await expect(page.locator('.no-map-preview')).toHaveCount(0);
  expect(await seriousViolations(page), 'axe, text view').toEqual([]);
  expect(site.requests).not.toContain('/preview.png');
  // The list leads to the text of each.
  const last = features[features.length - 1].properties.id;
  await page.locator(`.feature-list button[data-id="${last}"]`).click();
  await expect(page.locator(`.no-map-view .popup[data-id="${last}"]`)).toBeFocused();
  await expect(page.locator(`.no-map-view .popup[data-id="${last}"]`)).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('no-webgl.png') });

  // With the build's picture of the map.
  site.clear();
  site.reply('/preview.png', { body: PNG, type: 'image/png' });
  await page.goto(site.url);
  await expect(page.locator('.no-map-preview img')).toBeVisible();
  await expect(page.locator('.no-map-preview img')).toHaveAttribute('alt', /\S/);
  await expect(articles).toHaveCount(features.length);
  await page.screenshot({ path: testInfo.outputPath('no-webgl-preview.png') });
});

test('a slow network: the page shows it is loading, then the data', async ({ page }, testInfo) => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  // Scripts held back: the page as the HTML alone draws it.
  site.reply(/^\/assets\/main-.*\.js$/, { wait: gate });
  site.reply(EVENTS, { wait: gate });
  site.reply(RANGES, { wait: gate });
  // Module scripts hold DOMContentLoaded back: wait for the response, then for what the HTML draws.
  await page.goto(site.url, { waitUntil: 'commit' });
  await expect(page.locator('.masthead h1')).toBeVisible();
  await expect(page.locator('#panel-body')).toContainText('Loading events and ranges…');
  await expect(page.locator('#map')).toContainText('Loading the map…');
  await page.screenshot({ path: testInfo.outputPath('slow-no-script.png') });
  release();
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
  await expect(page.locator('#panel-body')).not.toContainText('Loading');
  await expect(page.locator('.map-loading')).toBeHidden();
  await expect(listItems(page)).toHaveCount(served.events.features.length + served.ranges.features.length);

  // Scripts in, data held back: the map draws the basemap while the list says it is loading.
  let releaseData = () => {};
  const dataGate = new Promise<void>((resolve) => (releaseData = resolve));
  site.clear();
  site.reply(EVENTS, { wait: dataGate });
  site.reply(RANGES, { wait: dataGate });
  await page.goto(site.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => 'atlas' in window);
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toBeVisible();
  await expect(page.locator('#panel-body')).toContainText('Loading events and ranges…');
  await page.screenshot({ path: testInfo.outputPath('slow-data.png') });
  releaseData();
  await page.evaluate(() => window.atlas.ready);
  await expect(listItems(page)).toHaveCount(served.events.features.length + served.ranges.features.length);
});
