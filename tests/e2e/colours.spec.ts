/**
 * Stable colours (issue 15): a document that brings a new event type, built into the corpus, leaves the
 * colours of the types already published exactly as they were — in the legend and in the markers the
 * map draws — and the new type is drawn in the fallback grey until the colour table names it, never in
 * a colour taken from another type. Two real data builds: the globe fixture, then the same with one
 * more document (tests/fixtures/new-type).
 */
import { Color, type StylePropertySpecification, createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { Page } from '@playwright/test';
import { FALLBACK_COLOUR } from '../../src/constants.js';
import type { EventFeature } from '../../src/contract.js';
import { LAYER } from '../../src/map/ids.js';
import { STATUS_STYLE } from '../../src/map/scales.js';
import { serveGlobeFixture } from '../fixtures/globe/serve.js';
import { expect, test } from './fixtures.js';

const NEW_TYPE_DOCUMENTS = 'tests/fixtures/new-type';
/** A fixed view, so that both builds draw the markers on the same pixels of the same basemap. */
const VIEW = '#map=4.00/48.5000/33.0000&proj=flat';

/** Each event type's swatch colour in the legend. */
async function legendColours(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const box of document.querySelectorAll<HTMLInputElement>('.layer-control input[data-token^="type:"]')) {
      const circle = box.parentElement?.querySelector('svg circle:not(.soft)');
      if (circle) out[box.dataset.token as string] = String(circle.getAttribute('fill')).toLowerCase();
    }
    return out;
  });
}

/** The colour drawn at the centre of each event's marker (the page's own pixels), by event id. */
async function markerPixels(page: Page, ids: string[]): Promise<Record<string, [number, number, number]>> {
  const points = await page.evaluate((wanted) => {
    const map = window.atlas.map!;
    const r = map.getCanvas().getBoundingClientRect();
    return map
      .querySourceFeatures('atlas-events')
      .filter((f) => wanted.includes(String(f.properties?.id)))
      .map((f) => {
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return { id: String(f.properties?.id), x: Math.round(r.left + p.x), y: Math.round(r.top + p.y) };
      });
  }, ids);
  expect(points.map((p) => p.id).sort(), 'every event to compare is on the map').toEqual([...ids].sort());
  const shot = await page.screenshot();
  return page.evaluate(
    async ([b64, pts]) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const out: Record<string, [number, number, number]> = {};
      // The median of each channel over the 5×5 px at the centre: the marker's fill, not a hatch line of a
      // disputed marker's pattern that a sub-pixel shift moves onto or off the centre pixel.
      for (const p of pts) {
        const d = ctx.getImageData(p.x - 2, p.y - 2, 5, 5).data;
        const median = (c: number) => {
          const v: number[] = [];
          for (let i = c; i < d.length; i += 4) v.push(d[i]);
          return v.sort((a, b) => a - b)[v.length >> 1];
        };
        out[p.id] = [median(0), median(1), median(2)];
      }
      return out;
    },
    [shot.toString('base64'), points] as const,
  );
}

/** The fill colour the page's marker layer gives each event (its own style expression, evaluated here). */
async function markerColours(page: Page, events: EventFeature[]): Promise<Record<string, string>> {
  const paint = await page.evaluate(
    (layer) => window.atlas.map!.getPaintProperty(layer, 'circle-color'),
    LAYER.eventMarker,
  );
  const compiled = createExpression(
    paint,
    'circle-color',
    latest.paint_circle['circle-color'] as StylePropertySpecification,
  );
  if (compiled.result !== 'success')
    throw new Error(`the marker colour expression does not compile: ${JSON.stringify(compiled.value)}`);
  return Object.fromEntries(
    events.map((f) => [
      f.properties.id,
      String(compiled.value.evaluate({ zoom: 4 }, { type: 'Point', properties: f.properties } as never)),
    ]),
  );
}

async function openWith(page: Page, extra: string[]) {
  const data = await serveGlobeFixture(page, extra);
  await page.goto(`./${VIEW}`);
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
  // Symbols placed and faded in: the map at rest.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        window.atlas.map!.once('idle', () => done());
        window.atlas.map!.triggerRepaint();
      }),
  );
  return data;
}

test('a document with a new event type leaves every published type colour as it was, and the new type is grey', async ({
  page,
}) => {
  const before = await openWith(page, []);
  const known = before.events.features.filter((f) => f.geometry).map((f) => f.properties.id);
  const types = new Set(before.events.features.map((f) => `type:${f.properties.type}`));
  const legendBefore = await legendColours(page);
  expect(Object.keys(legendBefore).sort()).toEqual([...types].sort());
  const pixelsBefore = await markerPixels(
    page,
    before.events.features
      .filter((f) => f.geometry && STATUS_STYLE[f.properties.status].markerFill >= 0.35)
      .map((f) => f.properties.id),
  );

  const page2 = await page.context().newPage();
  await page2.setViewportSize(page.viewportSize()!);
  const after = await openWith(page2, [NEW_TYPE_DOCUMENTS]);
  const added = after.events.features.filter((f) => !known.includes(f.properties.id));
  expect(
    added.map((f) => f.properties.type),
    'the added document brings one event of a new type',
  ).toEqual(['artillery-shelling']);
  const legendAfter = await legendColours(page2);
  // Every type published before keeps its swatch; the new one is the fallback grey.
  for (const [t, colour] of Object.entries(legendBefore)) expect(legendAfter[t], t).toBe(colour);
  expect(legendAfter['type:artillery-shelling']).toBe(FALLBACK_COLOUR.toLowerCase());
  expect(Object.values(legendBefore)).not.toContain(FALLBACK_COLOUR.toLowerCase());
  // The marker layer gives every earlier event the same colour, and the new one the grey.
  const colours = await markerColours(page2, after.events.features);
  expect(await markerColours(page, before.events.features)).toEqual(
    Object.fromEntries(Object.entries(colours).filter(([id]) => known.includes(id))),
  );
  expect(colours[added[0].properties.id]).toBe(String(Color.parse(FALLBACK_COLOUR)));
  // And it draws them so: the pixels at the centre of each near-opaque marker (a faint fill lets the
  // basemap through, and the second build's taller timeline moves every marker a few px, onto a coast
  // for one of them). A few units per channel of blending, where two type colours differ by a hundred.
  const opaque = before.events.features
    .filter((f) => f.geometry && STATUS_STYLE[f.properties.status].markerFill >= 0.35)
    .map((f) => f.properties.id);
  expect(opaque.length).toBeGreaterThan(1);
  const pixelsAfter = await markerPixels(page2, opaque);
  for (const id of opaque) {
    const worst = Math.max(...pixelsAfter[id].map((v, i) => Math.abs(v - pixelsBefore[id][i])));
    expect(worst, `${id}: ${pixelsBefore[id]} before, ${pixelsAfter[id]} after`).toBeLessThanOrEqual(8);
  }
  await page2.close();
});
