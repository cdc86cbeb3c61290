/**
 * An archive's events as vector tiles (issue 19, "Beyond one machine"): the generated archive of
 * scale.spec.ts built twice, as GeoJSON (the page clusters its index) and with --tiles (the page reads
 * events.pmtiles by range requests). At the same camera both draw the same clusters and the same events;
 * a marker drawn from a tile opens its popup, whose excerpt comes from its chunk. No timing assertions.
 */
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { Page } from '@playwright/test';
import { scaleData, serveScaleFixture, type ScaleData } from '../fixtures/scale/serve.js';
import { serveWithRanges, tiledScaleData, type RangeLog } from '../fixtures/scale/serve-tiles.js';
import { clickAt, expect, idle, jumpTo, openAtlas, openByClick, settled, sharedTest, test } from './fixtures.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each boot and step costs about half as much. Nothing here is about layout.
test.use({ viewport: { width: 960, height: 600 } });

let data: ScaleData;
let tiled: string;
test.beforeAll(() => {
  data = scaleData();
  tiled = tiledScaleData(data);
});

const MARKERS = ['atlas-event-marker'];
const CLUSTERS = ['atlas-event-cluster'];

/** What the map draws in the view: clusters (count at a rounded place) and events (ids), each once. */
async function drawn(page: Page): Promise<{ clusters: string[]; ids: string[] }> {
  // Two pages at once: the one read is in front, so that its frames are not throttled.
  await page.bringToFront();
  await idle(page);
  return page.evaluate(
    ([markers, clusters]) => {
      const map = window.atlas.map!;
      const at = (f: GeoJSON.Feature) => (f.geometry as GeoJSON.Point).coordinates.map((c) => c.toFixed(3)).join(',');
      return {
        clusters: [
          ...new Set(
            map.queryRenderedFeatures({ layers: clusters }).map((f) => `${f.properties?.point_count}@${at(f)}`),
          ),
        ].sort(),
        ids: [...new Set(map.queryRenderedFeatures({ layers: markers }).map((f) => String(f.properties?.id)))].sort(),
      };
    },
    [MARKERS, CLUSTERS] as const,
  );
}

/** The busiest place of the archive (most events), for a close view. */
function busiest(): [number, number] {
  const count = new Map<string, number>();
  for (const f of data.events.features)
    for (const c of f.geometry.coordinates) count.set(c.join(','), (count.get(c.join(',')) ?? 0) + 1);
  const [key] = [...count.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return key.split(',').map(Number) as [number, number];
}

test('the tiles draw the same clusters and the same events as the GeoJSON at the same camera', async ({
  page,
  context,
}) => {
  // Two pages of a few thousand events on a software renderer: slow on a busy machine, never timed.
  test.slow();
  const [lon, lat] = busiest();
  const views: Array<[[number, number], number]> = [
    [[30, 50], 4.5],
    [[lon, lat], 12.5],
  ];
  const geojson = page;
  await serveScaleFixture(geojson, data);
  const tiles = await context.newPage();
  const ranges = await serveWithRanges(tiles, tiled);
  await openAtlas(geojson, '#map=2/40/20');
  await tiles.bringToFront();
  await openAtlas(tiles, '#map=2/40/20');
  const seen = { clusters: 0, ids: 0 };
  for (const [k, view] of [null, ...views].entries()) {
    if (view) {
      await geojson.bringToFront();
      await jumpTo(geojson, ...view);
      await tiles.bringToFront();
      await jumpTo(tiles, ...view);
    }
    const [a, b] = [await drawn(geojson), await drawn(tiles)];
    expect(b, `view ${k}`).toEqual(a);
    seen.clusters += a.clusters.length;
    seen.ids += a.ids.length;
  }
  // Both kinds were on screen somewhere: the comparison compared something.
  expect(seen.clusters).toBeGreaterThan(0);
  expect(seen.ids).toBeGreaterThan(0);
  // The tiles came by range requests into the one file, never the whole of it.
  expect(ranges.filter((r) => r.file === 'events.pmtiles').length).toBeGreaterThan(1);
  await tiles.close();
});

/**
 * The last two tests share one page that reads the tiles (one boot of the app, on SwiftShader the most
 * of a test's cost): its routes are set once, and its log of range requests is kept with it.
 */
const tiledPages = new WeakMap<Page, RangeLog>();
async function serveTiled(page: Page): Promise<RangeLog> {
  let log = tiledPages.get(page);
  if (!log) {
    log = await serveWithRanges(page, tiled);
    tiledPages.set(page, log);
  }
  return log;
}

sharedTest('a marker drawn from a tile opens its popup, with the excerpt from its chunk', async ({ page }) => {
  const ranges = await serveTiled(page);
  // Only the requests made for this view count.
  ranges.length = 0;
  const at = busiest();
  await openAtlas(page, `#map=12.5/${at[1]}/${at[0]}`);
  expect(ranges.some((r) => r.file === 'events.pmtiles')).toBe(true);
  const { ids } = await drawn(page);
  expect(ids.length).toBeGreaterThan(0);
  const event = data.events.features.find((f) => f.properties.id === ids[0])!;
  await openByClick(page, event.geometry.coordinates[0] as [number, number], ids[0]);
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${ids[0]}"]`)).toContainText(
    event.properties.claims[0].excerpt.slice(0, 60),
  );
});

sharedTest(
  'tile clusters count only the types left on, and a click on one zooms in one step to where it comes apart',
  async ({ page }) => {
    await serveTiled(page);
    // The whole world in view: every place is in a drawn cluster or marker.
    await openAtlas(page, '#map=0/0/0');
    // A type switched off in the layer control.
    const box = page.locator('.layer-control fieldset[data-group="events"] li input').first();
    await box.evaluate((b) => (b as HTMLInputElement).click());
    await expect(box).not.toBeChecked();
    const hidden = decodeURIComponent(/hide=([^&]+)/.exec(await page.evaluate(() => location.hash))![1]).replace(
      /^type:/,
      '',
    );
    const visible = data.events.features
      .filter((f) => f.properties.type !== hidden)
      .reduce((n, f) => n + f.geometry.coordinates.length, 0);
    expect(visible).toBeLessThan(data.events.features.reduce((n, f) => n + f.geometry.coordinates.length, 0));
    // The count the page writes on each cluster (the label's count, before it is abbreviated), evaluated here.
    const label = await page.evaluate(() =>
      window.atlas.map!.getLayoutProperty('atlas-event-cluster-count', 'text-field'),
    );
    const parsed = createExpression((label as unknown[])[2], {
      type: 'number',
      'property-type': 'data-driven',
      expression: { interpolated: false, parameters: ['zoom', 'feature'] },
    } as never);
    expect(parsed.result).toBe('success');
    const count = (properties: Record<string, unknown>) =>
      (parsed.value as { evaluate(g: object, f: object): number }).evaluate({ zoom: 0 }, { type: 1, properties });
    const shown = async () => {
      await idle(page);
      const { clusters, markers } = await page.evaluate(() => {
        const map = window.atlas.map!;
        const unique = (
          fs: Array<{ properties: Record<string, unknown>; geometry: GeoJSON.Geometry }>,
          key: (p: Record<string, unknown>) => string,
        ) => [
          ...new Map(
            fs.map((f): [string, Record<string, unknown>] => [
              key(f.properties),
              { ...f.properties, at: (f.geometry as GeoJSON.Point).coordinates },
            ]),
          ).values(),
        ];
        return {
          clusters: unique(map.queryRenderedFeatures({ layers: ['atlas-event-cluster'] }), (p) => String(p.cluster_id)),
          markers: unique(
            map.queryRenderedFeatures({ layers: ['atlas-event-marker'] }),
            // One place an event in the generated archive: its id and label name its marker (the points carry no place index).
            (p) => `${p.id}/${p.label}`,
          ),
        };
      });
      return { clusters, total: clusters.reduce((n, c) => n + count(c), 0) + markers.length };
    };
    await expect.poll(async () => (await shown()).total).toBe(visible);
    const { clusters } = await shown();
    expect(clusters.every((c) => count(c) > 0)).toBe(true);
    // Near the busiest place, the cluster that comes apart furthest in: one click, and the map is at that zoom.
    await jumpTo(page, busiest(), 6);
    const close = (await shown()).clusters;
    const far = close.reduce((a, b) => (Number(b.expansion_zoom) > Number(a.expansion_zoom) ? b : a));
    const at = far.at as [number, number];
    expect(Number(far.expansion_zoom)).toBeGreaterThan(6 + 2);
    await clickAt(page, at);
    await expect.poll(() => page.evaluate(() => window.atlas.map!.getZoom())).toBeGreaterThan(6);
    await settled(page);
    expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeCloseTo(Number(far.expansion_zoom), 5);
    await idle(page);
    const near = await page.evaluate((ll) => {
      const map = window.atlas.map!;
      const p = map.project(ll as [number, number]);
      return map
        .queryRenderedFeatures(
          [
            [p.x - 30, p.y - 30],
            [p.x + 30, p.y + 30],
          ],
          { layers: ['atlas-event-cluster'] },
        )
        .map((f) => Number(f.properties.point_count));
    }, at);
    expect(near.every((n) => n < Number(far.point_count))).toBe(true);
  },
);
