/**
 * A picture of the current view (issue 8): the Save image control downloads a PNG at 1× and 2× that
 * decodes, has the layout's size and is not blank; `npm run export` makes the same from the command
 * line; printing gives the map, its legend and the excerpts with their sources.
 * The tests share one boot of the app (sharedTest): `openAtlas` resets it to each test's URL state,
 * the projection included. Printing comes last, as it leaves the page in print media.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { serveGlobeFixture } from '../fixtures/globe/serve.js';
import { mapOrigin } from '../../src/app/export-image.js';
import { expect, openAtlas, sharedTest as test } from './fixtures.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, and the pictures are the map's size, so each boot, draw and encode costs
// less. The sizes checked are read from the page (the map's width), not assumed.
test.use({ viewport: { width: 960, height: 600 } });

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a PNG in the browser; how varied its pixels are overall and inside a rectangle (fractions). */
async function pixelStats(page: Page, bytes: Buffer, rect: { x: number; y: number; w: number; h: number }) {
  return page.evaluate(
    async ([b64, r]) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const region = ctx.getImageData(
        Math.round(r.x * bitmap.width),
        Math.round(r.y * bitmap.height),
        Math.round(r.w * bitmap.width),
        Math.round(r.h * bitmap.height),
      ).data;
      const colours = new Set<number>();
      let opaque = 0;
      for (let i = 0; i < region.length; i += 4) {
        colours.add((region[i] << 16) | (region[i + 1] << 8) | region[i + 2]);
        if (region[i + 3] === 255) opaque++;
      }
      return {
        width: bitmap.width,
        height: bitmap.height,
        colours: colours.size,
        opaque: opaque / (region.length / 4),
      };
    },
    [bytes.toString('base64'), rect] as const,
  );
}

/** The middle of the picture, where the map is. */
const MAP_AREA = { x: 0.2, y: 0.25, w: 0.6, h: 0.4 };

async function download(page: Page, scale: number): Promise<Buffer> {
  const menu = page.locator('.atlas-export-menu');
  if (await menu.isHidden()) await page.locator('.atlas-export > button').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    menu.locator(`button[data-scale="${scale}"]`).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(
    scale === 2 ? /^source-atlas-\d{4}-\d\d-\d\d@2x\.png$/ : /^source-atlas-\d{4}-\d\d-\d\d\.png$/,
  );
  return readFileSync(await file.path());
}

for (const projection of ['flat', 'globe'] as const) {
  test(`Save image downloads the ${projection} view as a PNG at 1× and 2×, not blank`, async ({ page }, testInfo) => {
    await serveGlobeFixture(page);
    await openAtlas(page, `#map=3.00/45.0000/60.0000&proj=${projection}`);
    const mapWidth = await page.evaluate(() => Math.round(window.atlas.map!.getCanvas().getBoundingClientRect().width));
    const one = await download(page, 1);
    const two = await download(page, 2);
    writeFileSync(testInfo.outputPath(`${projection}-1x.png`), one);
    writeFileSync(testInfo.outputPath(`${projection}-2x.png`), two);
    const s1 = pngSize(one);
    const s2 = pngSize(two);
    expect(s1.width).toBe(Math.max(640, mapWidth));
    expect(s2).toEqual({ width: 2 * s1.width, height: 2 * s1.height });
    for (const bytes of [one, two]) {
      const stats = await pixelStats(page, bytes, MAP_AREA);
      expect(stats.opaque, 'the picture is opaque').toBe(1);
      // A blank or black capture has a handful of colours; a drawn map has land, sea, borders, bands.
      expect(stats.colours, 'colours in the map area').toBeGreaterThan(40);
    }
    await expect(page.locator('.atlas-export-status')).toContainText('Saved');
  });
}

/** Mean absolute difference per RGB channel (0–255) between a rectangle of PNG `a` (px) and the whole of PNG `b`. */
async function meanDifference(page: Page, a: Buffer, rect: { x: number; y: number; w: number; h: number }, b: Buffer) {
  return page.evaluate(
    async ([a64, b64, r]) => {
      const decode = async (b: string) => createImageBitmap(await (await fetch(`data:image/png;base64,${b}`)).blob());
      const [ia, ib] = await Promise.all([decode(a64), decode(b64)]);
      const pixels = (draw: (ctx: OffscreenCanvasRenderingContext2D) => void) => {
        const canvas = new OffscreenCanvas(r.w, r.h);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        draw(ctx);
        return ctx.getImageData(0, 0, r.w, r.h).data;
      };
      const pa = pixels((ctx) => ctx.drawImage(ia, r.x, r.y, r.w, r.h, 0, 0, r.w, r.h));
      const pb = pixels((ctx) => ctx.drawImage(ib, 0, 0, r.w, r.h));
      let sum = 0;
      for (let i = 0; i < pa.length; i += 4)
        sum += Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]);
      return sum / ((pa.length / 4) * 3);
    },
    [a.toString('base64'), b.toString('base64'), rect] as const,
  );
}

test('Save image draws the inset locator map where it stands on the map, as the reader sees it', async ({
  page,
}, testInfo) => {
  await serveGlobeFixture(page);
  await openAtlas(page, '#map=5.50/45.0000/60.0000&proj=flat');
  const inset = page.locator('.atlas-inset-map canvas');
  await expect(inset).toBeVisible();
  // The inset as drawn on screen, once two captures in a row agree (its basemap is in).
  let shot = await inset.screenshot();
  await expect
    .poll(async () => {
      const next = await inset.screenshot();
      const same = next.equals(shot);
      shot = next;
      return same;
    })
    .toBe(true);
  const where = await page.evaluate(() => {
    const map = window.atlas.map!.getContainer().getBoundingClientRect();
    const r = document.querySelector('.atlas-inset-map canvas')!.getBoundingClientRect();
    return { left: r.left - map.left, top: r.top - map.top, width: r.width, height: r.height, mapWidth: map.width };
  });
  const png = await download(page, 1);
  writeFileSync(testInfo.outputPath('inset-1x.png'), png);
  const origin = mapOrigin(Math.round(where.mapWidth));
  const rect = {
    x: Math.round(origin.x + where.left),
    y: Math.round(origin.y + where.top),
    w: Math.round(where.width),
    h: Math.round(where.height),
  };
  const inPicture = await meanDifference(page, png, rect, shot);
  // The same place in the picture without the inset would hold the main map, zoomed 4 levels closer.
  const beside = await meanDifference(page, png, { ...rect, x: rect.x + rect.w + 40 }, shot);
  expect(
    inPicture,
    `the picture's inset differs from the screen's by ${inPicture.toFixed(1)} per channel`,
  ).toBeLessThan(6);
  expect(beside, 'the comparison tells the inset from the map beside it').toBeGreaterThan(3 * inPicture + 6);
});

test('npm run export writes the picture of a URL state from the command line', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const out = testInfo.outputPath('cli-globe@2x.png');
  const dist = process.env.PW_DIST ?? 'dist';
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      'tsx',
      'scripts/export.ts',
      '--dist',
      dist,
      '--url',
      '#map=2.50/48.0000/60.0000&proj=globe',
      '--out',
      out,
      '--scale',
      '2',
      '--width',
      '960',
      '--height',
      '640',
    ],
    { timeout: 150_000 },
  );
  expect(stdout).toContain(out);
  const bytes = readFileSync(out);
  const size = pngSize(bytes);
  // 960 px window, 360 px panel: a 600 px map in a picture at least 640 px wide, at 2×.
  expect(size.width).toBe(2 * 640);
  await openAtlas(page);
  const stats = await pixelStats(page, bytes, MAP_AREA);
  expect(stats.colours).toBeGreaterThan(40);
});

/** The images of a PDF that Chromium wrote: size, and how many colours a sample of their pixels has. */
function pdfImages(pdf: Buffer): Array<{ width: number; height: number; filter: string; colours: number }> {
  const text = pdf.toString('latin1');
  const out: Array<{ width: number; height: number; filter: string; colours: number }> = [];
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dict = m[1];
    if (!/\/Subtype\s*\/Image/.test(dict)) continue;
    const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1]);
    const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1]);
    const filter = /\/Filter\s*\/(\w+)/.exec(dict)?.[1] ?? 'none';
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let colours = -1;
    const raw =
      filter === 'FlateDecode'
        ? inflateSync(pdf.subarray(start, end), { finishFlush: zlibConstants.Z_SYNC_FLUSH })
        : null;
    // Three bytes a pixel: RGB (the colour space may be ICC-based); soft masks have one.
    if (raw && raw.length >= width * height * 3) {
      const seen = new Set<number>();
      for (let i = 0; i + 2 < raw.length; i += 3 * 7) seen.add((raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2]);
      colours = seen.size;
    }
    out.push({ width, height, filter, colours });
  }
  return out;
}

test('printing gives the map, its legend and every visible excerpt with its source', async ({ page }, testInfo) => {
  const data = await serveGlobeFixture(page);
  await openAtlas(page, '#map=3.00/47.0000/45.0000&proj=flat');
  // Printing starts as browsers do it: beforeprint on the screen layout, then print media. The map's
  // frame is copied into the still that prints in place of the WebGL canvas.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('canvas.print-map')).toHaveAttribute('data-drawn', 'true');
  // The printed page, as laid out for print.
  await page.screenshot({ path: testInfo.outputPath('print-layout.png'), fullPage: true });
  const excerpts = page.locator('.print-excerpts');
  await expect(excerpts).toBeVisible();
  await expect(page.locator('canvas.print-map')).toBeVisible();
  await expect(page.locator('.print-credit')).toContainText('Natural Earth');
  await expect(page.locator('.layer-control')).toBeVisible();
  await expect(page.locator('.feature-list')).toBeHidden();
  for (const f of data.events.features) {
    const entry = excerpts.locator('.print-entry').filter({ hasText: f.properties.summary });
    for (const c of f.properties.claims) {
      await expect(entry).toContainText(c.excerpt);
      await expect(entry).toContainText(c.document_title);
      await expect(entry).toContainText(c.claimant);
    }
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(testInfo.outputPath('print.pdf'), pdf);
  // The map is in the PDF as a picture with many colours (a blank canvas prints as one).
  const maps = pdfImages(pdf).filter((i) => i.width > 400 && i.colours > 0);
  expect(maps.length, 'a map-sized image in the PDF').toBeGreaterThan(0);
  expect(Math.max(...maps.map((i) => i.colours)), 'colours of the printed map').toBeGreaterThan(40);
});
