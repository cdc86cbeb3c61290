/**
 * Flat map and globe (issue 8): the switch and its URL state, everything working on the globe
 * (marker and band clicks, the list, switches, URL), the globe offered for long ranges, and bands
 * that enclose a pole or cross the antimeridian drawn right in both projections. On the globe fixture
 * corpus (tests/fixtures/globe): Hwasong-17, 15,000 km from Pyongyang, encloses both poles; Test-3,
 * 1,500 km from Suva, is cut at 180°. Screenshots of both projections are kept as test artifacts.
 */
import type { Page } from '@playwright/test';
import { GLOBE_SUGGEST_KM } from '../../src/map/scales.js';
import { serveGlobeFixture, type GlobeData } from '../fixtures/globe/serve.js';
import {
  LAYERS,
  expect,
  idle,
  idsAt,
  jumpTo,
  openAtlas,
  openByClick,
  settled,
  sharedTest as test,
} from './fixtures.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each step of these tests costs about half as much.
test.use({ viewport: { width: 960, height: 600 } });

let data: GlobeData;
test.beforeEach(async ({ page }) => {
  data = await serveGlobeFixture(page);
});

const projectionOf = (page: Page) => page.evaluate(() => window.atlas.map!.getProjection()?.type ?? 'mercator');
const hashOf = (page: Page) => page.evaluate(() => location.hash);
const range = (prefix: string) => data.ranges.features.find((f) => f.properties.id.startsWith(prefix))!;

/** Ids of the features rendered within a few px of a [lon, lat] (query at a point, as the globe needs). */
async function idsNear(page: Page, at: [number, number], layers: string[], pad = 3): Promise<string[]> {
  return page.evaluate(
    ([ll, ls, p]) => {
      const map = window.atlas.map!;
      const c = map.project(ll as [number, number]);
      const box: [[number, number], [number, number]] = [
        [c.x - (p as number), c.y - (p as number)],
        [c.x + (p as number), c.y + (p as number)],
      ];
      return map.queryRenderedFeatures(box, { layers: ls as string[] }).map((f) => String(f.properties.id));
    },
    [at, layers, pad] as const,
  );
}

test('the flat map is the default; the control switches to the globe, and the URL keeps the choice', async ({
  page,
}) => {
  await openAtlas(page);
  expect(await projectionOf(page)).toBe('mercator');
  await expect.poll(() => hashOf(page)).toContain('proj=flat');
  const control = page.locator('.atlas-projection button');
  await expect(control).toHaveAttribute('aria-pressed', 'false');
  await control.click();
  await expect(control).toHaveAttribute('aria-pressed', 'true');
  expect(await projectionOf(page)).toBe('globe');
  await expect.poll(() => hashOf(page)).toContain('proj=globe');
  // (Opening such a URL afresh is checked in the next test.)
  await page.goBack();
  await expect.poll(() => projectionOf(page)).toBe('mercator');
  await expect(control).toHaveAttribute('aria-pressed', 'false');
  // By keyboard too.
  await control.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => projectionOf(page)).toBe('globe');
});

test('on the globe, markers and bands open on click, and the list, switches and URL work', async ({
  page,
  context,
}) => {
  await openAtlas(page, '#proj=globe');
  expect(await projectionOf(page)).toBe('globe');
  // A point place and a region's soft marker, each clicked where the globe draws it.
  for (const f of [
    data.events.features.find((e) => e.properties.precision <= 2)!,
    data.events.features.find((e) => e.properties.precision === 3)!,
  ]) {
    const at = [f.geometry.coordinates[0][0], f.geometry.coordinates[0][1]] as [number, number];
    await jumpTo(page, at, 5);
    await openByClick(page, at, f.properties.id);
    await page.locator('.maplibregl-popup-close-button').click();
  }
  const band = range('test-1-0-900');
  const inBand: [number, number] = [125.75, 45.5]; // 720 km north of Pyongyang: in the 900 km disk only
  await jumpTo(page, inBand, 3);
  await openByClick(page, inBand, band.properties.id);

  const event = data.events.features[0];
  const at = [event.geometry.coordinates[0][0], event.geometry.coordinates[0][1]] as [number, number];
  await jumpTo(page, at, 4);
  await page.locator('.layer-control input[data-token="events"]').uncheck();
  await idle(page);
  expect(await idsAt(page, at, LAYERS.events)).not.toContain(event.properties.id);
  await page.locator('.layer-control input[data-token="events"]').check();
  await idle(page);
  expect(await idsAt(page, at, LAYERS.events)).toContain(event.properties.id);

  await page.locator(`.feature-list button[data-id="${event.properties.id}"]`).click();
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${event.properties.id}"]`)).toBeVisible();
  await settled(page);
  await expect.poll(() => hashOf(page)).toContain(`sel=${event.properties.id}`);
  const other = await context.newPage();
  await serveGlobeFixture(other);
  await openAtlas(other, new URL(page.url()).hash);
  expect(await projectionOf(other)).toBe('globe');
  await expect(other.locator(`.maplibregl-popup .popup[data-id="${event.properties.id}"]`)).toBeVisible();
  await other.close();
});

test(`selecting a range over ${GLOBE_SUGGEST_KM} km on the flat map offers the globe`, async ({ page }) => {
  const long = data.ranges.features.find((f) => f.properties.max_km > GLOBE_SUGGEST_KM)!;
  const short = data.ranges.features.find((f) => f.properties.max_km <= GLOBE_SUGGEST_KM)!;
  await openAtlas(page);
  await page.locator(`.feature-list button[data-id="${short.properties.id}"]`).click();
  await expect(page.locator(`.popup[data-id="${short.properties.id}"]`)).toBeVisible();
  await expect(page.locator('.suggest-globe')).toHaveCount(0);
  await page.locator(`.feature-list button[data-id="${long.properties.id}"]`).click();
  const offer = page.locator(`.popup[data-id="${long.properties.id}"] .suggest-globe`);
  await expect(offer).toContainText('flat map stretches it');
  await offer.getByRole('button', { name: 'Show it on the globe' }).click();
  await expect.poll(() => projectionOf(page)).toBe('globe');
  await expect.poll(() => hashOf(page)).toContain('proj=globe');
  await expect(page.locator('.suggest-globe')).toHaveCount(0);
  await expect(page.locator(`.popup[data-id="${long.properties.id}"]`)).toBeVisible();
});

for (const projection of ['flat', 'globe'] as const) {
  test(`bands around the poles and across 180° draw right on the ${projection} map`, async ({ page }, testInfo) => {
    const polar = range('hwasong-17');
    const fiji = range('test-3');
    await openAtlas(page, `#proj=${projection}`);
    const fills = ['atlas-range-fill'];
    const edges = ['atlas-range-edge'];

    // 15,000 km from Pyongyang: London and the Arctic inside, Buenos Aires (near the antipode) outside.
    await jumpTo(page, [60, 40], projection === 'globe' ? 1.2 : 0.6);
    await page.screenshot({ path: testInfo.outputPath(`${projection}-polar-band.png`) });
    for (const [at, inside] of [
      [[-0.13, 51.5], true],
      [[100, 75], true],
    ] as const) {
      expect(await idsAt(page, [...at], fills), `${at} in the band`).toContain(inside && polar.properties.id);
    }
    await jumpTo(page, [-58.4, -34.6], projection === 'globe' ? 1.5 : 1);
    expect(await idsAt(page, [-58.4, -34.6], fills)).not.toContain(polar.properties.id);
    expect(await idsAt(page, [-20, 10], fills)).toContain(polar.properties.id);
    await page.screenshot({ path: testInfo.outputPath(`${projection}-polar-band-antipode.png`) });
    if (projection === 'globe') {
      // Over the north pole: band all round it, and no edge along the meridian where the ring is cut.
      // The globe matches Mercator's scale at its centre's latitude: near the pole a low zoom is still close in.
      await jumpTo(page, [0, 75], 0.3);
      await page.screenshot({ path: testInfo.outputPath('globe-north-pole.png') });
      // MapLibre's tiles stop at 85.05°, so the band is checked all round the pole just below that.
      for (const lon of [0, 90, 175, -175, -90])
        expect(await idsAt(page, [lon, 84], fills), `${lon}°, 84°`).toContain(polar.properties.id);
      expect(await idsNear(page, [180, 70], edges)).not.toContain(polar.properties.id);
    }

    // 1,500 km from Suva, cut at 180°: inside on both sides of it, no edge drawn along it, outside beyond.
    await jumpTo(page, [180, -18], 3.5);
    await page.screenshot({ path: testInfo.outputPath(`${projection}-antimeridian-band.png`) });
    // On the flat map the west half is drawn in the next world copy, at longitudes past 180.
    const east: [number, number] = [179.6, -18];
    const west: [number, number] = projection === 'globe' ? [-179.6, -18] : [180.4, -18];
    expect(await idsAt(page, east, fills)).toContain(fiji.properties.id);
    expect(await idsAt(page, west, fills)).toContain(fiji.properties.id);
    expect(await idsAt(page, [184, -22], fills)).toContain(fiji.properties.id);
    for (const lat of [-26, -18, -10])
      expect(await idsNear(page, [180, lat], edges), `no edge at 180°, ${lat}°`).not.toContain(fiji.properties.id);
    expect(await idsAt(page, [162, -18], fills)).not.toContain(fiji.properties.id);
    // Its real edge is drawn: due west of Suva, 1,500 km away (≈14.2° of longitude there).
    expect(await idsNear(page, [178.44 - 14.2, -17.4], edges, 12)).toContain(fiji.properties.id);
  });
}
