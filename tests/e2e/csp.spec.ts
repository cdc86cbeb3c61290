/**
 * The built site under the strict Content-Security-Policy the README gives deployers: it works
 * unchanged, breaks no directive, and asks nothing of any host but its own.
 */
import { STRICT_CSP, cspViolations, expect, openReady, serveSite, test, type Site } from './guards';

let site: Site;
test.beforeAll(async () => {
  site = await serveSite({ headers: { 'Content-Security-Policy': STRICT_CSP } });
});
test.afterAll(async () => site?.close());

test('the map starts, draws its markers and breaks no directive under the strict CSP', async ({ page }, testInfo) => {
  const response = await page.goto(site.url);
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  await page.evaluate(() => window.atlas.ready);
  const drawn = await page.evaluate(() => {
    const map = window.atlas.map;
    return map.queryRenderedFeatures({ layers: ['atlas-event-marker'] }).length;
  });
  expect(drawn, 'rendered event markers').toBeGreaterThan(0);
  // The worker, the fonts and the basemap all came from the site itself.
  expect(site.requests.some((p) => p.endsWith('.mjs')), 'MapLibre worker loaded').toBe(true);
  expect(site.requests.some((p) => p.endsWith('.woff2')), 'bundled fonts loaded').toBe(true);
  // List and popup work too: choose the first item.
  await page.locator('.feature-list button.item').first().click();
  await expect(page.locator('.maplibregl-popup .popup')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('csp.png') });
  expect(await cspViolations(page)).toEqual([]);
});
