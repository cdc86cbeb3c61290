/**
 * The Share control of the full app: a link to the current view and embed code for it, by keyboard,
 * checked through the clipboard; and the copied code, pasted into an article on another origin,
 * shows the same view and sizes itself. The tests share one page (sharedTest): `openAtlas` resets the
 * app to the test's URL state, or boots it again after a test took the page to an article.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { estimatedHeight } from '../../src/share/size.js';
import { serveHost, type Host } from '../fixtures/host/serve.js';
import { expect, openAtlas, sharedTest as test } from './fixtures.js';

const HASH = '#map=4.00/48.0000/35.0000&hide=ranges';

let host: Host;
test.beforeAll(async ({}, testInfo) => {
  host = await serveHost(String(testInfo.project.use.baseURL));
});
test.afterAll(async () => host?.close());

test.beforeEach(async ({ context, page, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL as string).origin });
  // The light scheme, as a new page has it (a test before may have emulated the dark one).
  await page.emulateMedia({ colorScheme: 'light' });
});

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function openShare(page: Page): Promise<void> {
  await openAtlas(page, HASH);
  const button = page.locator('.share-button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.share-dialog')).toBeVisible();
}

test('Share copies a link to the current view, by keyboard, and gives focus back', async ({ page, baseURL }) => {
  await openShare(page);
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog).toBeVisible();
  // Focus starts on "Copy link".
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Link copied.');
  // The view as the app keeps it in its URL (which may carry more than the test set: projection, period).
  const hash = await page.evaluate(() => location.hash);
  expect(hash.startsWith(HASH)).toBe(true);
  expect(await clipboard(page)).toBe(`${baseURL}${hash}`);
  await expect(dialog.getByLabel(/Link to this view/)).toHaveValue(`${baseURL}${hash}`);

  // While it is open, Tab never reaches the page behind (it may pass through the browser's own UI,
  // as with any modal dialog: then nothing in the document has focus).
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => document.activeElement === document.body || !!document.activeElement?.closest('dialog'),
      ),
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.share-button')).toBeFocused();
});

test('Share gives embed code for the view, pym.js or plain, with a preview of its size', async ({ page, baseURL }) => {
  await openShare(page);
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  const code = dialog.getByLabel('Embed code');
  const embed = `${baseURL}embed.html${await page.evaluate(() => location.hash)}`.replaceAll('&', '&amp;');

  // pym.js first.
  await expect(dialog.getByRole('radio', { name: /pym\.js/ })).toBeChecked();
  await expect(code).toHaveValue(
    `<div data-pym-src="${embed}" data-pym-title="Map of events and weapon ranges"></div>\n<script src="${baseURL}pym.v1.min.js" async></script>`,
  );
  await dialog.getByRole('button', { name: 'Copy embed code' }).press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Embed code copied.');
  expect(await clipboard(page)).toBe(await code.inputValue());

  // The plain variant, chosen by arrow key as radio groups are.
  await dialog.getByRole('radio', { name: /pym\.js/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /iframe and script/ })).toBeChecked();
  await expect(code).toHaveValue(
    new RegExp(
      `^<iframe src="${embed.replace(/[.?]/g, '\\$&')}" title="Map of events and weapon ranges" width="600" height="${estimatedHeight(600, false)}"`,
    ),
  );
  await expect(code).toHaveValue(new RegExp(`<script src="${baseURL}embed-resize\\.js" async></script>$`));

  // Size preview: text and drawing follow the column width.
  await dialog.getByLabel('Preview at a column width of').selectOption('320');
  const height = estimatedHeight(320, false);
  await expect(dialog.locator('#share-size')).toContainText(`About 320 × ${height} px`);
  const frame = await dialog.locator('.share-frame').boundingBox();
  expect(frame!.width / frame!.height).toBeCloseTo(320 / height, 1);
  await expect(code).toHaveValue(new RegExp(`height="${height}"`));

  // A title goes into the embed's URL and the iframe's name.
  await dialog.getByLabel('Title above the map (optional)').fill('Strikes & ranges');
  await expect(code).toHaveValue(/embed\.html\?title=Strikes\+%26\+ranges#map=/);
  await expect(code).toHaveValue(/title="Map: Strikes &amp; ranges"/);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('dialog.share-dialog').analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      scheme,
    ).toEqual([]);
  }
});

for (const kind of ['iframe and script', 'pym.js'] as const) {
  test(`the ${kind} code, pasted into an article elsewhere, shows the view and sizes itself`, async ({ page }) => {
    await openShare(page);
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await dialog.getByRole('radio', { name: new RegExp(kind.replace('.', '\\.')) }).check();
    const snippet = await dialog.getByLabel('Embed code').inputValue();

    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${host.url}paste.html?snippet=${encodeURIComponent(snippet)}`);
    const iframe = page.locator('iframe');
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await frame.waitForFunction(() => 'atlas' in window);
    await frame.evaluate(() => window.atlas.ready);
    expect(await frame.evaluate(() => window.atlas.map!.getZoom())).toBeCloseTo(4, 2);
    await expect(frame.locator('.layer-control input[data-token="ranges"]')).not.toBeChecked();
    await expect
      .poll(async () => {
        const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
        const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
        return Math.abs(outer - inner);
      })
      .toBeLessThanOrEqual(2);
  });
}
