/**
 * The shared test fixture: every test fails on a console error or on any request that leaves
 * 127.0.0.1, and gets helpers that wait on map state (never on time).
 */
import {
  test as base,
  expect as baseExpect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

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

/**
 * Playwright's `expect`, whose `poll` checks after 100 ms and then every 250 ms; Playwright's own
 * backs off to once a second, so a state reached just after a check cost up to a second of wall time,
 * and the suite has polls in loops (the studio's review of each suggestion). Intervals given to a
 * call still win. guards.ts exports the same.
 */
const POLL_INTERVALS = [100, 250];
const poll = ((generator, options) =>
  baseExpect.poll(generator, {
    intervals: POLL_INTERVALS,
    ...(typeof options === 'string' ? { message: options } : options),
  })) as typeof baseExpect.poll;
export const expect = new Proxy(baseExpect, {
  get: (target, key, receiver) => (key === 'poll' ? poll : Reflect.get(target, key, receiver)),
});

/** One page that the tests of a file share, and what its guard has seen since the last test. */
interface Shared {
  file: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  external: string[];
}
const sharedByKey = new Map<string, Shared>();
const sharedPages = new WeakMap<Page, Shared>();
/** The camera right after a shared page's first boot, which `openAtlas` goes back to. */
const firstView = new WeakMap<Page, { center: [number, number]; zoom: number; bearing: number; pitch: number }>();

async function openShared(browser: Browser, file: string, options: BrowserContextOptions): Promise<Shared> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const shared: Shared = { file, context, page, errors: [], external: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    shared.external.push(url.href);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !IGNORED_CONSOLE.some((r) => r.test(m.text()))) shared.errors.push(m.text());
  });
  page.on('pageerror', (e) => shared.errors.push(e.message));
  sharedPages.set(page, shared);
  return shared;
}

/**
 * `test` for a file whose tests can share one boot of the app (on SwiftShader a boot takes seconds):
 * tests with the same page options get one page, booted by the first `openAtlas`; each later
 * `openAtlas` on it resets the app instead, through its URL as back and forward do (see
 * `openAtlas`). The guard is `test`'s, checked after each test. Tests of a file run in order in one
 * worker; a failure restarts the worker, and with it the page. Not for tests that need a fresh
 * document (a first load, a reload, a URL opened cold): those use `test`, or a new page of `context`.
 */
export const sharedTest = base.extend<{ guard: void }>({
  context: async (
    { browser, baseURL, viewport, colorScheme, isMobile, hasTouch, reducedMotion, deviceScaleFactor },
    use,
    testInfo,
  ) => {
    const options = { baseURL, viewport, colorScheme, isMobile, hasTouch, reducedMotion, deviceScaleFactor };
    const key = JSON.stringify({ file: testInfo.file, ...options });
    // A new file: the pages of the one before go (its routes and state are not this file's).
    for (const [k, s] of sharedByKey) {
      if (s.file !== testInfo.file) {
        sharedByKey.delete(k);
        await s.context.close();
      }
    }
    let shared = sharedByKey.get(key);
    if (!shared) {
      shared = await openShared(browser, testInfo.file, options);
      sharedByKey.set(key, shared);
    }
    await use(shared.context);
  },
  page: async ({ context }, use) => {
    const shared = [...sharedByKey.values()].find((s) => s.context === context)!;
    await use(shared.page);
  },
  guard: [
    async ({ page }, use) => {
      const shared = sharedPages.get(page)!;
      shared.errors.length = 0;
      shared.external.length = 0;
      await use();
      expect(shared.external, 'requests that left 127.0.0.1').toEqual([]);
      expect(shared.errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Opens the app (optionally with a hash) and waits for `atlas.ready`. On a page of `sharedTest`
 * that is already booted (and still shows the app), it resets the app instead: the first view and an
 * empty hash (so no selection, no popup, every layer shown, no period and the flat map), then the
 * hash's state, a selection included, through history (a popstate, as back and forward); then it
 * waits for the map to be idle. A test that needs a cold load of a URL (a shared link) goes to
 * about:blank first: `openAtlas` then boots the page again.
 */
export async function openAtlas(page: Page, hash = ''): Promise<void> {
  const view = firstView.get(page);
  // A shared page that a test took elsewhere (an article that embeds the map) boots again.
  if (view && (await page.evaluate(() => 'atlas' in window))) {
    await page.mouse.move(0, 0);
    // Resolves once the app has handled the next popstate (its listener was added first, and runs first).
    const navigate = (h: string) =>
      page.evaluate(
        (to) =>
          new Promise<void>((resolve) => {
            addEventListener('popstate', () => resolve(), { once: true });
            location.hash = to;
          }),
        h,
      );
    await page.evaluate((camera) => {
      window.atlas.map!.jumpTo(camera);
      // A hash the page cannot have, then the wanted one: always a fragment navigation, so always a popstate.
      history.replaceState(null, '', `${location.pathname}${location.search}#reset`);
    }, view);
    // The hash's state, restored as back and forward restore it. A hash with a selection (`sel=`) comes
    // after the empty hash (no selection, no popup, every layer shown, no period, the flat map), so that
    // the popup it opens is its own; any other hash in one step (one change of projection at most).
    const selects = /(^#?|&)sel=/.test(hash);
    await navigate(selects ? '' : hash);
    await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('#reset');
    if (selects) await navigate(hash);
    await idle(page);
    return;
  }
  await page.goto(`./${hash}`);
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
  if (sharedPages.has(page)) {
    firstView.set(
      page,
      await page.evaluate(() => {
        const map = window.atlas.map!;
        return {
          center: map.getCenter().toArray() as [number, number],
          zoom: map.getZoom(),
          bearing: map.getBearing(),
          pitch: map.getPitch(),
        };
      }),
    );
  }
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
  await page.evaluate(
    ([c, z]) => {
      window.atlas.map!.jumpTo({ center: c as [number, number], zoom: z as number });
    },
    [center, zoom] as const,
  );
  await idle(page);
}

/** Screen point (CSS px, relative to the map canvas) of a [lon, lat]. The main map's canvas is `#map > .maplibregl-canvas-container > canvas`: the inset locator map (src/map/inset.ts) has a canvas inside #map too. */
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
  const box = await page.locator('#map > .maplibregl-canvas-container > canvas').boundingBox();
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
