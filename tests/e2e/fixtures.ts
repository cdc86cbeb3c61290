/**
 * The shared test fixture: every test fails on a console error or on any request that leaves
 * 127.0.0.1, and gets helpers that wait on map state (never on time).
 */
import { test as base, expect, type Page } from '@playwright/test';

/** Harmless SwiftShader noise (see shared/testing.md). */
const IGNORED_CONSOLE = [/GPU stall due to ReadPixels/];

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, context }, use) => {
      const errors: string[] = [];
      const external: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1') return route.continue();
        external.push(url.href);
        return route.abort();
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && !IGNORED_CONSOLE.some((r) => r.test(m.text()))) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await use();
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app (optionally with a hash) and waits for `atlas.ready`. */
export async function openAtlas(page: Page, hash = ''): Promise<void> {
  await page.goto(`./${hash}`);
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
}

/** Waits for the map to be idle after whatever just changed. */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.atlas.map!.once('idle', () => resolve());
        window.atlas.map!.triggerRepaint();
      }),
  );
}

/** Waits until a camera animation (flyTo) has ended; at once when the map is still. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.atlas.map!;
        if (map.isMoving()) map.once('moveend', () => resolve());
        else resolve();
      }),
  );
}

export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  // Braces matter: jumpTo returns the Map, which Playwright would try to serialize (seconds).
  await page.evaluate(([c, z]) => {
    window.atlas.map!.jumpTo({ center: c as [number, number], zoom: z as number });
  }, [center, zoom] as const);
  await idle(page);
}

/** Screen point (CSS px, relative to the map canvas) of a [lon, lat]. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const p = window.atlas.map!.project(ll as [number, number]);
    return { x: p.x, y: p.y };
  }, lngLat);
}

/** Ids of the features rendered exactly at a [lon, lat] in the given layers. */
export async function idsAt(page: Page, lngLat: [number, number], layers: string[]): Promise<string[]> {
  return page.evaluate(
    ([ll, ls]) => {
      const map = window.atlas.map!;
      const p = map.project(ll as [number, number]);
      const present = (ls as string[]).filter((l) => map.getLayer(l));
      return map.queryRenderedFeatures(p, { layers: present }).map((f) => String(f.properties?.id));
    },
    [lngLat, layers] as const,
  );
}

/** Clicks the map at a [lon, lat]. */
export async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const point = await project(page, lngLat);
  const box = await page.locator('#map canvas').boundingBox();
  if (!box) throw new Error('map canvas not found');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** Opens the popup of a feature by clicking at a point, choosing it when a chooser appears. */
export async function openByClick(page: Page, lngLat: [number, number], id: string): Promise<void> {
  await clickAt(page, lngLat);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toBeVisible();
  const choice = popup.locator(`.chooser button[data-id="${id}"]`);
  if (await choice.count()) await choice.click();
  await expect(popup.locator(`.popup[data-id="${id}"]`)).toBeVisible();
}

export const LAYERS = {
  events: ['atlas-event-marker', 'atlas-event-halo'],
  ranges: ['atlas-range-fill'],
};
