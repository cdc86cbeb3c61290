/**
 * The timeline (issue 6): events on a time axis at their date's precision, a brushed or
 * keyboard-set period that filters the map and the list and lives in the URL, undated events counted,
 * usable at phone width. On the globe fixture corpus (tests/fixtures/globe).
 */
import type { Page } from '@playwright/test';
import { serveGlobeFixture, type GlobeData } from '../fixtures/globe/serve.js';
import { LAYERS, expect, idle, idsAt, openAtlas, sharedTest as test } from './fixtures.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each step of these tests costs about half as much.
test.use({ viewport: { width: 960, height: 600 } });

let data: GlobeData;
test.beforeEach(async ({ page }) => {
  data = await serveGlobeFixture(page);
});

const byDate = (pred: (date: string | null, precision: string | null) => boolean) =>
  data.events.features.find((f) => pred(f.properties.date, f.properties.date_precision))!;
const hashOf = (page: Page) => page.evaluate(() => location.hash);

/** Ids of the events the map draws, checked at each event's own place (the view shows all of them). */
async function drawnEvents(page: Page): Promise<string[]> {
  await idle(page);
  const out: string[] = [];
  for (const f of data.events.features) {
    const ids = await idsAt(page, [f.geometry.coordinates[0][0], f.geometry.coordinates[0][1]], LAYERS.events);
    if (ids.includes(f.properties.id)) out.push(f.properties.id);
  }
  return out.sort();
}

async function listed(page: Page): Promise<string[]> {
  return (
    await page
      .locator('.feature-list li:not([hidden]) button.item')
      .evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id as string))
  )
    .filter((id) => data.events.features.some((f) => f.properties.id === id))
    .sort();
}

/** Drags on the timeline's axis between two x positions (CSS px, relative to the page). */
async function brush(page: Page, x0: number, x1: number): Promise<void> {
  const axis = (await page.locator('.timeline-axis').boundingBox())!;
  const y = axis.y + 10;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, y, { steps: 3 });
  await page.mouse.move(x1, y, { steps: 3 });
  await page.mouse.up();
}

test('events sit on the axis at their precision, and undated ones are counted', async ({ page }, testInfo) => {
  await openAtlas(page);
  const timeline = page.locator('.timeline');
  await expect(timeline).toBeVisible();
  const day = byDate((_, p) => p === 'day');
  const month = byDate((_, p) => p === 'month');
  const open = byDate((d) => Boolean(d?.endsWith('/..')));
  await expect(timeline.locator(`.marks [data-id="${day.properties.id}"]`)).toHaveAttribute('data-precision', 'day');
  await expect(timeline.locator(`.marks [data-id="${month.properties.id}"]`)).toHaveAttribute(
    'data-precision',
    'month',
  );
  // "since 2014": a bar that runs to the end of the axis and ends in an arrow.
  const since = timeline.locator(`.marks [data-id="${open.properties.id}"]`);
  await expect(since).toHaveAttribute('data-precision', 'open');
  await expect(since.locator('path')).toHaveCount(1);
  const undated = data.events.features.filter((f) => !f.properties.date).length;
  expect(undated).toBeGreaterThan(0);
  await expect(timeline.locator('.timeline-status')).toContainText(
    `${undated} event has no date and is not on the timeline`,
  );
  await expect(timeline.locator('.marks > [data-id]')).toHaveCount(data.events.features.length - undated);
  await page.screenshot({ path: testInfo.outputPath('timeline-desktop.png') });
});

test('brushing a period filters the map and the list, the URL keeps it, and the keyboard moves it', async ({
  page,
  context,
}, testInfo) => {
  const march = byDate((d, p) => p === 'day' && Boolean(d?.startsWith('2024-03')));
  const feb = byDate((_, p) => p === 'month');
  const open = byDate((d) => Boolean(d?.endsWith('/..')));
  const undated = data.events.features.find((f) => !f.properties.date)!;
  await openAtlas(page);
  await page.evaluate(() => window.atlas.map!.jumpTo({ center: [33, 49], zoom: 4 }));
  expect(await drawnEvents(page)).toEqual(data.events.features.map((f) => f.properties.id).sort());

  // Brush across February's bar, stopping short of 1 March.
  const bar = (await page.locator(`.marks [data-id="${feb.properties.id}"] rect`).boundingBox())!;
  await brush(page, bar.x - 1, bar.x + bar.width - 2);
  await expect.poll(() => hashOf(page)).toMatch(/[#&]t=2024-0[12]-\d\d\/2024-02-\d\d/);
  const shown = [feb.properties.id, open.properties.id].sort();
  await expect.poll(() => listed(page)).toEqual(shown);
  expect(await drawnEvents(page)).toEqual(shown);
  await expect(page.locator('.timeline-status')).toContainText('(hidden while a period is chosen)');
  await page.screenshot({ path: testInfo.outputPath('timeline-brushed.png') });

  // Zoom to the period: February now fills the axis.
  await page.locator('.timeline-zoom').click();
  await expect(page.locator('.timeline-zoom')).toHaveText('Whole timeline');
  expect((await page.locator(`.marks [data-id="${feb.properties.id}"] rect`).boundingBox())!.width).toBeGreaterThan(
    200,
  );

  // Keyboard: the end handle to the end of the axis brings March back.
  const end = page.getByRole('slider', { name: 'End of the period' });
  await end.focus();
  await page.keyboard.press('End');
  await expect.poll(() => listed(page)).toEqual([...shown, march.properties.id].sort());
  await expect.poll(() => hashOf(page)).toMatch(/t=2024-0[12]-\d\d\/20\d\d-\d\d-\d\d/);
  const start = page.getByRole('slider', { name: 'Start of the period' });
  const before = await start.getAttribute('aria-valuenow');
  await start.focus();
  await page.keyboard.press('ArrowRight');
  await expect(start).not.toHaveAttribute('aria-valuenow', before as string);
  await expect(start).toHaveAttribute('aria-valuetext', /\d{4}/);

  // A fresh page from a URL with a period shows the same; back and forward step through periods.
  const other = await context.newPage();
  await serveGlobeFixture(other);
  await openAtlas(other, '#t=2024-03-01/2024-03-31');
  await expect.poll(() => listed(other)).toEqual([march.properties.id, open.properties.id].sort());
  await expect(other.locator('.timeline-status')).toContainText('1 Mar 2024 – 31 Mar 2024: 2 of 4 events');
  await other.close();

  await page.locator('.timeline-reset:not(.timeline-zoom)').click();
  await expect.poll(() => hashOf(page)).not.toContain('t=');
  await expect.poll(() => listed(page)).toContain(undated.properties.id);
  await page.goBack();
  await expect.poll(() => hashOf(page)).toContain('t=');
  await expect.poll(() => listed(page)).not.toContain(undated.properties.id);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test('the timeline fits the width and a period can be brushed', async ({ page }, testInfo) => {
    await openAtlas(page);
    const slot = page.locator('#timeline');
    await expect(slot).toBeVisible();
    const box = (await slot.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    // Not under the bottom sheet's handle.
    const handle = (await page.locator('#sheet-handle').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(handle.y + 1);
    const axis = (await page.locator('.timeline-axis').boundingBox())!;
    await brush(page, axis.x + axis.width * 0.5, axis.x + axis.width - 4);
    await expect.poll(() => hashOf(page)).toContain('t=');
    await page.screenshot({ path: testInfo.outputPath('timeline-phone.png') });
  });
});
