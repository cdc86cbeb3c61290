/**
 * Accessibility: axe finds no serious or critical violation in the page, with a popup open, on
 * desktop and phone; keyboard users can reach every switch. The tests with the same page options share
 * one boot of the app (sharedTest): `openAtlas` resets it between them.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, openAtlas, settled, sharedTest as test } from './fixtures.js';
import { served } from './data.js';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious accessibility violations, with details open', async ({ page, request }) => {
  const { events } = await served(request);
  await openAtlas(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator(`.feature-list button[data-id="${events.features[0].properties.id}"]`).click();
  await settled(page);
  await expect(page.locator('.maplibregl-popup')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('every layer switch is reachable and operable by keyboard', async ({ page }) => {
  await openAtlas(page);
  const box = page.locator('.layer-control input[data-token="ranges"]');
  await box.focus();
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('hide=ranges');
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
});

test.describe('in the dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('no serious accessibility violations, with details open', async ({ page, request }) => {
    const { events } = await served(request);
    await openAtlas(page);
    await page.locator(`.feature-list button[data-id="${events.features[0].properties.id}"]`).click();
    await settled(page);
    await expect(page.locator('.maplibregl-popup')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test('no serious accessibility violations with the sheet open', async ({ page }) => {
    await openAtlas(page);
    await page.locator('#sheet-handle').tap();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
