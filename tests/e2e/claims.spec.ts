/**
 * Claims as the reader sees them (issue 6): status styles on the map, in the legend, popup and list;
 * every claim with its source; conflicting values side by side; precision outlines; data downloads.
 * Runs on the globe fixture corpus (tests/fixtures/globe), which has every status and conflicts.
 */
import type { Page } from '@playwright/test';
import { CLAIM_STATUSES, type ClaimStatus } from '../../src/contract';
import { STATUS_STYLE } from '../../src/app/scales';
import { serveGlobeFixture, type GlobeData } from '../fixtures/globe/serve';
import { pointInBand } from './data';
import { expect, idle, jumpTo, openAtlas, test } from './fixtures';

let data: GlobeData;
test.beforeEach(async ({ page }) => {
  data = await serveGlobeFixture(page);
});

const lonlat = (c: number[]) => [c[0], c[1]] as [number, number];

/** The rendered features of the given layers exactly at a [lon, lat], with their evaluated paint and layout. */
async function renderedAt(page: Page, at: [number, number], layers: string[]) {
  return page.evaluate(
    ([ll, ls]) => {
      const map = window.atlas.map;
      const present = (ls as string[]).filter((l) => map.getLayer(l));
      return map.queryRenderedFeatures(map.project(ll as [number, number]), { layers: present }).map((f) => ({
        id: String(f.properties?.id),
        layer: f.layer.id,
        paint: f.layer.paint as Record<string, unknown>,
        // An evaluated icon-image is a ResolvedImage ({name, available}); keep its name.
        icon: (f.layer.layout as Record<string, { name?: string } | undefined>)?.['icon-image']?.name ?? null,
      }));
    },
    [at, layers] as const,
  );
}

test('each claim status looks different on the map, for events and for ranges', async ({ page }, testInfo) => {
  await openAtlas(page);
  const eventLooks = new Map<ClaimStatus, string>();
  for (const status of CLAIM_STATUSES) {
    const event = data.events.features.find((f) => f.properties.status === status);
    expect(event, `fixture event with status ${status}`).toBeTruthy();
    const at = lonlat(event!.geometry.coordinates);
    await jumpTo(page, at, 5);
    const hits = (await renderedAt(page, at, ['atlas-event-marker', 'atlas-event-pattern'])).filter((h) => h.id === event!.properties.id);
    const marker = hits.find((h) => h.layer === 'atlas-event-marker');
    expect(marker, `${status} marker rendered`).toBeTruthy();
    expect(marker!.paint['circle-opacity']).toBeCloseTo(STATUS_STYLE[status].markerFill, 5);
    expect(marker!.paint['circle-stroke-width']).toBeCloseTo(STATUS_STYLE[status].markerStrokeWidth, 5);
    const pattern = hits.find((h) => h.layer === 'atlas-event-pattern');
    const wanted = STATUS_STYLE[status].markerPattern;
    if (wanted === 'hatch' || wanted === 'dashed') expect(String(pattern?.icon)).toContain(`atlas-marker-${wanted}-`);
    else expect(pattern, `${status} has no pattern`).toBeUndefined();
    eventLooks.set(status, JSON.stringify([marker!.paint['circle-opacity'], marker!.paint['circle-stroke-width'], pattern?.icon ?? null]));
    await page.screenshot({ path: testInfo.outputPath(`event-${status}.png`), clip: await clipAround(page, at, 60) });
  }
  expect(new Set(eventLooks.values()).size, 'four distinct event looks').toBe(4);

  const rangeLooks = new Map<ClaimStatus, string>();
  for (const status of CLAIM_STATUSES) {
    const range = data.ranges.features.find((f) => f.properties.status === status && f.properties.max_km < 5000);
    expect(range, `fixture range with status ${status}`).toBeTruthy();
    const at = pointInBand(range!.geometry);
    await jumpTo(page, at, 4);
    const hits = (await renderedAt(page, at, ['atlas-range-fill', 'atlas-range-hatch'])).filter((h) => h.id === range!.properties.id);
    const fill = hits.find((h) => h.layer === 'atlas-range-fill');
    expect(fill, `${status} band rendered`).toBeTruthy();
    expect(fill!.paint['fill-opacity']).toBeCloseTo(STATUS_STYLE[status].bandFill, 5);
    const hatched = hits.some((h) => h.layer === 'atlas-range-hatch');
    expect(hatched, `${status} band hatched`).toBe(STATUS_STYLE[status].bandPattern === 'hatch');
    rangeLooks.set(status, JSON.stringify([fill!.paint['fill-color'], fill!.paint['fill-opacity'], hatched]));
  }
  expect(new Set(rangeLooks.values()).size, 'four distinct band looks').toBe(4);
  await page.screenshot({ path: testInfo.outputPath('bands.png') });
});

async function clipAround(page: Page, at: [number, number], half: number) {
  const p = await page.evaluate((ll) => window.atlas.map.project(ll as [number, number]), at);
  const box = (await page.locator('#map canvas').boundingBox())!;
  return { x: box.x + p.x - half, y: box.y + p.y - half, width: 2 * half, height: 2 * half };
}

test('the legend explains each status with the swatches the map uses', async ({ page }) => {
  await openAtlas(page);
  for (const status of CLAIM_STATUSES) {
    const label = page.locator(`.layer-control input[data-token="status:${status}"]`).locator('..');
    await expect(label).toContainText(STATUS_STYLE[status].label);
    await expect(label).toContainText(STATUS_STYLE[status].description);
    await expect(label.locator(`svg[data-status="${status}"]`)).toHaveCount(1);
  }
  // The hatched status's swatch is hatched; the dashed one's ring is dashed.
  await expect(page.locator('.layer-control svg[data-status="disputed"] pattern')).toHaveCount(1);
  await expect(page.locator('.layer-control svg[data-status="unverified"] circle[stroke-dasharray]')).toHaveCount(1);
  await idle(page);
});
