/**
 * The built site under the strict Content-Security-Policy the README gives deployers: it works
 * unchanged, breaks no directive, and asks nothing of any host but its own (the guard of every test
 * aborts and reports any request beyond 127.0.0.1).
 */
import { readFileSync } from 'node:fs';
import { idle } from './fixtures.js';
import { STRICT_CSP, cspViolations, expect, serveSite, test, type Site } from './guards.js';

// Not about layout: a smaller desktop window (still wider than the 700 px phone layout) gives
// SwiftShader fewer pixels to draw per frame (a boot measured about a fifth less browser CPU than at 1280×800).
test.use({ viewport: { width: 960, height: 600 } });

let site: Site;
test.beforeAll(async () => {
  site = await serveSite({ headers: { 'Content-Security-Policy': STRICT_CSP } });
});
test.afterAll(async () => site?.close());

test('the README gives deployers exactly the policy tested here', () => {
  expect(readFileSync('README.md', 'utf8')).toContain(`Content-Security-Policy: ${STRICT_CSP}\n`);
});

// The page's first load, then its use end to end: one boot (on SwiftShader a boot is most of a test's
// cost). They were two tests, each booting the page; each is now a step of one, with the same assertions.
test('the map starts, draws its markers and breaks no directive under the strict CSP; used end to end, it asks no other host for anything', async ({
  page,
  guard,
}, testInfo) => {
  await test.step('the map starts, draws its markers and breaks no directive under the strict CSP', async () => {
    const response = await page.goto(site.url);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await page.evaluate(() => window.atlas.ready);
    const drawn = await page.evaluate(() => {
      const map = window.atlas.map!;
      return map.queryRenderedFeatures({ layers: ['atlas-event-marker'] }).length;
    });
    expect(drawn, 'rendered event markers').toBeGreaterThan(0);
    // The worker, the fonts and the basemap all came from the site itself.
    expect(
      site.requests.some((p) => p.endsWith('.mjs')),
      'MapLibre worker loaded',
    ).toBe(true);
    expect(
      site.requests.some((p) => p.endsWith('.woff2')),
      'bundled fonts loaded',
    ).toBe(true);
    // List and popup work too: choose the first item.
    await page.locator('.feature-list button.item').first().click();
    await expect(page.locator('.maplibregl-popup .popup')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('csp.png') });
    expect(await cspViolations(page)).toEqual([]);
  });

  await test.step('used end to end (list, popups, switches, zoom, dark theme), the app asks no other host for anything', async () => {
    for (const item of (await page.locator('.feature-list button.item').all()).slice(0, 3)) {
      await item.click();
      await expect(page.locator('.maplibregl-popup .popup')).toBeVisible();
    }
    for (const layer of ['events', 'ranges']) {
      await page.locator(`.layer-control input[data-token="${layer}"]`).uncheck();
      await page.locator(`.layer-control input[data-token="${layer}"]`).check();
    }
    // Zoomed in, the basemap's detail files load (in MapLibre's worker).
    await page.evaluate(() => {
      window.atlas.map!.jumpTo({ zoom: 5.5 });
    });
    await expect.poll(() => guard.requests.some((u) => u.endsWith('/basemap/admin1-lines.geojson'))).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    await idle(page);
    // The route saw the worker's own fetches (the basemap GeoJSON), so "nothing external" covers them too.
    const paths = guard.requests.map((u) => new URL(u).pathname);
    expect(paths).toEqual(
      expect.arrayContaining(['/basemap/land-110m.geojson', '/basemap/land-50m.geojson', '/data/events.geojson']),
    );
    expect(
      paths.some((p) => p.endsWith('.woff2')),
      'fonts',
    ).toBe(true);
    expect(guard.requests.every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(await cspViolations(page)).toEqual([]);
  });
});
