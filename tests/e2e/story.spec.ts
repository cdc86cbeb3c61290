/**
 * One map per story (?map=<id>): the atlas and the embed show only the story's features, its title and
 * its description, frame every selected event in the first view (desktop and phone width), download no
 * other data, and keep the story through "Open the full map". Stories are whatever the site serves
 * (data/maps.json), never pinned values.
 */
import type { Page, Request } from '@playwright/test';
import type { StoryIndexEntry, StoryOutput } from '../../src/contract.js';
import { EVENT_SOURCE, SOURCE } from '../../src/map/ids.js';
import { expect, test } from './fixtures.js';

async function stories(page: Page): Promise<StoryOutput[]> {
  const index = await page.request.get('data/maps.json');
  expect(index.ok(), 'the build publishes data/maps.json').toBe(true);
  const list = (await index.json()) as StoryIndexEntry[];
  expect(list.length).toBeGreaterThan(0);
  return Promise.all(
    list.map(async (s) => (await (await page.request.get(`data/maps/${s.id}.json`)).json()) as StoryOutput),
  );
}

/** Opens a page and waits for its map's data to be drawn; returns the data files it downloaded. */
async function open(page: Page, url: string): Promise<string[]> {
  const data: string[] = [];
  page.on('request', (r: Request) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/data/')) data.push(path.slice(path.indexOf('/data/') + 1));
  });
  await page.goto(url);
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
  return data;
}

/** Ids of the features in the map's data sources (ranges, and the events' own), and the canvas's size. */
async function onMap(page: Page) {
  return page.evaluate(
    (sources) => {
      const map = window.atlas.map!;
      const canvas = map.getCanvas();
      const ids = [
        ...new Set(sources.flatMap((source) => map.querySourceFeatures(source).map((f) => String(f.properties?.id)))),
      ].sort();
      return { ids, width: canvas.clientWidth, height: canvas.clientHeight };
    },
    [SOURCE, EVENT_SOURCE],
  );
}

async function screenPoints(page: Page, points: Array<[number, number]>) {
  return page.evaluate(
    (pts) => pts.map((p) => window.atlas.map!.project(p)).map(({ x, y }) => [x, y] as [number, number]),
    points,
  );
}

/** The boxes of the map's controls (zoom, Globe, Save image, the inset locator map when it shows), in the map's own px. */
async function controlBoxes(page: Page) {
  return page.evaluate(() => {
    const map = window.atlas.map!.getContainer().getBoundingClientRect();
    return [
      ...window.atlas
        .map!.getContainer()
        .querySelectorAll('.maplibregl-ctrl-top-right .maplibregl-ctrl, .atlas-inset:not([hidden])'),
    ].map((c) => {
      const r = c.getBoundingClientRect();
      return { left: r.left - map.left, right: r.right - map.left, top: r.top - map.top, bottom: r.bottom - map.top };
    });
  });
}

const eventPoints = (s: StoryOutput) =>
  s.events.features.flatMap((f) => f.geometry.coordinates as Array<[number, number]>);
const storyIds = (s: StoryOutput) =>
  [
    ...s.events.features.map((f) => f.properties.id),
    ...s.ranges.features.filter((f) => f.geometry).map((f) => f.properties.id),
  ].sort();

test('the bundled stories include an event with its own label= (so the label checks below check something)', async ({
  page,
}) => {
  expect((await stories(page)).some((s) => s.events.features.some((f) => f.properties.label))).toBe(true);
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
] as const;
for (const [where, viewport] of (['atlas', 'embed'] as const).flatMap((w) => SIZES.map((v) => [w, v] as const))) {
  test(`the ${where} at ${viewport.width}×${viewport.height} shows only each story's features, its title, and every event in the first view`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    for (const story of await stories(page)) {
      const page2 = await page.context().newPage();
      await page2.setViewportSize(viewport);
      const downloaded = await open(page2, `${where === 'atlas' ? './' : './embed.html'}?map=${story.id}`);
      // Its own file, and nothing of the whole atlas or of another story.
      expect(downloaded.filter((f) => f.endsWith('.json') || f.endsWith('.geojson'))).toEqual([
        `data/maps/${story.id}.json`,
      ]);
      const { ids, width, height } = await onMap(page2);
      expect(ids).toEqual(storyIds(story));
      const heading = where === 'atlas' ? page2.locator('.masthead h1') : page2.locator('#embed-title');
      await expect(heading).toHaveText(story.title);
      if (story.description) await expect(page2.getByText(story.description)).toBeVisible();
      await expect(page2).toHaveTitle(new RegExp(`^${story.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      // Every event inside the map, with room for its marker (7 px) to show whole, and not under a control.
      const controls = await controlBoxes(page2);
      expect(controls.length).toBeGreaterThan(0);
      for (const [x, y] of await screenPoints(page2, eventPoints(story))) {
        const under = controls.find((c) => x >= c.left - 7 && x <= c.right + 7 && y >= c.top - 7 && y <= c.bottom + 7);
        expect(
          under,
          `${story.id}: an event at ${Math.round(x)},${Math.round(y)} is under a map control`,
        ).toBeUndefined();
        expect(x, `${story.id}: an event at x=${x} in a ${width} px map`).toBeGreaterThanOrEqual(7);
        expect(x).toBeLessThanOrEqual(width - 7);
        expect(y, `${story.id}: an event at y=${y} in a ${height} px map`).toBeGreaterThanOrEqual(7);
        expect(y).toBeLessThanOrEqual(height - 7);
      }
      // Its markers are labelled, in the bundled font (rendered symbols of the label layer).
      if (story.events.features.length) {
        const rendered = await page2.evaluate(() =>
          window.atlas
            .map!.queryRenderedFeatures({ layers: ['atlas-event-label'] })
            .map((f) => ({ id: String(f.properties?.id), label: String(f.properties?.label) })),
        );
        const labels = rendered.map((r) => r.label);
        expect(labels.length, `${story.id}: labelled markers`).toBeGreaterThan(0);
        const names = new Set(
          story.events.features.flatMap((f) => [
            ...f.properties.places.map((p) => p.name),
            ...(f.properties.label ? [f.properties.label] : []),
          ]),
        );
        for (const l of labels) expect(names.has(l), `label "${l}" names a place or an event of the story`).toBe(true);
        // One label per point and text: events sharing a point ("Kursk Oblast (2 events)") are named once,
        // not once on each side of the marker.
        const written = await page2.evaluate(() =>
          window.atlas
            .map!.queryRenderedFeatures({
              layers: ['atlas-event-label', 'atlas-event-label-repeat'].filter((l) => window.atlas.map!.getLayer(l)),
            })
            .map((f) => `${f.properties?.label} at ${JSON.stringify((f.geometry as GeoJSON.Point).coordinates)}`),
        );
        expect(written.length, `${story.id}: labels`).toBeGreaterThan(0);
        expect(
          written.filter((w, i) => written.indexOf(w) !== i),
          `${story.id}: labels written twice`,
        ).toEqual([]);
        // An annotator's label= is drawn instead of the place name, on every marker of its event.
        for (const f of story.events.features.filter((e) => e.properties.label)) {
          const own = rendered.filter((r) => r.id === f.properties.id);
          expect(own.length, `${story.id}: ${f.properties.id}'s label is rendered`).toBeGreaterThan(0);
          for (const r of own) expect(r.label).toBe(f.properties.label);
        }
      }
      // A highlighted area's label gives way to the markers: none stands over an event's marker (the
      // label's placed box, as MapLibre hit-tests it), and on a desktop there is room for it somewhere.
      if (story.highlights.features.some((f) => f.properties?.label)) {
        for (const [x, y] of await screenPoints(page2, eventPoints(story))) {
          const over = await page2.evaluate(
            ([px, py]) =>
              window.atlas.map!.queryRenderedFeatures([px, py], { layers: ['atlas-highlight-label'] }).length,
            [x, y],
          );
          expect(over, `${story.id}: the area's label covers the marker at ${Math.round(x)},${Math.round(y)}`).toBe(0);
        }
        if (viewport.width > 700) {
          const drawnLabels = await page2.evaluate(
            () => window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-highlight-label'] }).length,
          );
          expect(drawnLabels, `${story.id}: the area's label is drawn`).toBeGreaterThan(0);
        }
      }
      // On a phone the story's masthead leaves the map most of the screen.
      if (where === 'atlas' && viewport.width <= 700) {
        const mapBox = await page2.locator('#map').boundingBox();
        const head = await page2.locator('.masthead').boundingBox();
        expect(head!.height, `${story.id}: the masthead's height at phone width`).toBeLessThan(0.25 * viewport.height);
        expect(mapBox!.y + mapBox!.height - (head!.y + head!.height)).toBeGreaterThan(0.5 * viewport.height);
      }
      // A band the first view does not reach is named in the legend, not silently missing.
      await page2.evaluate(
        () =>
          new Promise<void>((done) => {
            window.atlas.map!.once('idle', () => done());
            window.atlas.map!.triggerRepaint();
          }),
      );
      const drawn = await page2.evaluate(() =>
        window.atlas
          .map!.queryRenderedFeatures({ layers: ['atlas-range-fill', 'atlas-range-edge', 'atlas-range-label'] })
          .map((f) => String(f.properties?.id)),
      );
      const off = story.ranges.features
        .filter((f) => f.geometry && !drawn.includes(f.properties.id))
        .map((f) => f.properties.label);
      for (const label of off) await expect(page2.locator('.layer-control .off-view')).toContainText(label);
      if (!off.length) await expect(page2.locator('.layer-control .off-view')).toHaveCount(0);
      await page2.screenshot({ path: test.info().outputPath(`${where}-${story.id}.png`) });
      await page2.close();
    }
  });
}

for (const viewport of SIZES)
  test(`two events at one point are labelled once, not on both sides of the marker (embed at ${viewport.width} px)`, async ({
    page,
  }) => {
    const story = (await stories(page)).find((s) => s.events.features.length > 0)!;
    const [first] = story.events.features;
    // The story as served, with a second event at the first one's point (as a reporter's "drone attack"
    // and "strike" on the same city are).
    const again = { ...first, properties: { ...first.properties, id: `${first.properties.id}-again`, label: null } };
    const own = { ...first, properties: { ...first.properties, label: null } };
    await page.route(`**/data/maps/${story.id}.json`, (route) =>
      route.fulfill({
        json: { ...story, events: { ...story.events, features: [own, again, ...story.events.features.slice(1)] } },
      }),
    );
    await page.setViewportSize(viewport);
    await open(page, `./embed.html?map=${story.id}`);
    const written = await page.evaluate(() =>
      window.atlas
        .map!.queryRenderedFeatures({
          layers: ['atlas-event-label', 'atlas-event-label-repeat'].filter((l) => window.atlas.map!.getLayer(l)),
        })
        .map((f) => `${f.properties?.label} at ${JSON.stringify((f.geometry as GeoJSON.Point).coordinates)}`),
    );
    const name = first.properties.places[0].name;
    expect(written.filter((w) => w.startsWith(`${name} at `))).toHaveLength(1);
  });

test('the embed keeps the story in "Open the full map", and the full map keeps it in the Share link', async ({
  page,
}) => {
  const [story] = await stories(page);
  await open(page, `./embed.html?map=${story.id}`);
  const href = await page.locator('#full-map').getAttribute('href');
  expect(new URL(href!).searchParams.get('map')).toBe(story.id);
  await open(page, `./?map=${story.id}`);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('#share-link')).toHaveValue(new RegExp(`\\?map=${story.id}#`));
  await expect(page.locator('#share-code')).toHaveValue(new RegExp(`embed\\.html\\?map=${story.id}`));
  // A story's embed frames its events for the column it is in: no map position unless asked for, and
  // the frame's accessible title names the story.
  await expect(page.locator('#share-keep-view')).not.toBeChecked();
  const code = await page.locator('#share-code').inputValue();
  expect(code).not.toMatch(/[#&]map=/);
  expect(code).toContain(`data-pym-title="Map: ${story.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  await page.locator('#share-keep-view').check();
  await expect(page.locator('#share-code')).toHaveValue(/#map=\d/);
});

// Two checks of the home page with one boot of it (on SwiftShader a boot is most of a test's cost): they
// were two tests, each booting './' (one with `#t=`); each is now a step, with the same assertions. The
// list of stories does not depend on the hash (src/app/stories.ts reads data/maps.json only).
test('t= hides the bands of documents outside the period, and the legend counts what it shows; the home page lists the stories, each a link to its map', async ({
  page,
}) => {
  const list = await stories(page);
  await open(page, './#t=1990-01-01/1990-01-02');
  await test.step('t= hides the bands of documents outside the period, and the legend counts what it shows', () =>
    periodHidesBands(page));
  await test.step('the home page lists the stories, each a link to its map', async () => {
    const links = page.locator('.story-list a');
    await expect(links).toHaveCount(list.length);
    for (const s of list) await expect(page.locator(`.story-list a[href="?map=${s.id}"]`)).toHaveText(s.title);
  });
});

async function periodHidesBands(page: Page): Promise<void> {
  const rangesDrawn = await page.evaluate(
    () => window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-range-fill', 'atlas-range-edge'] }).length,
  );
  expect(rangesDrawn).toBe(0);
  await expect(
    page
      .locator(
        '.layer-control input[data-token="ranges"] + span, .layer-control label:has(input[data-token="ranges"]) > span',
      )
      .first(),
  ).toHaveText('Ranges (0)');
  await expect(page.locator('.layer-control label:has(input[data-token="events"]) > span').first()).toHaveText(
    'Events (0)',
  );
}

/** The inset's extent (west, south, east, north) and the main map's bounds, in degrees. */
async function extents(page: Page) {
  return page.evaluate(() => {
    const b = window.atlas.map!.getBounds();
    const inset = document.querySelector<HTMLElement>('.atlas-inset')?.dataset.extent ?? '';
    return { inset: inset.split(',').map(Number), main: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  });
}

for (const where of ['./', './embed.html']) {
  test(`the inset locator map of ${where} shows the view's extent once zoomed in past country level, and hides zoomed out`, async ({
    page,
  }) => {
    await open(page, `${where}#map=2.00/48.0000/35.0000`);
    const inset = page.locator('.atlas-inset');
    await expect(inset, 'one inset control').toHaveCount(1);
    await expect(inset, 'zoomed out, no inset').toBeHidden();
    await page.evaluate(() => window.atlas.map!.jumpTo({ center: [36.2, 51.7], zoom: 6 }));
    await expect(inset, 'zoomed in, the inset').toBeVisible();
    await expect(inset.locator('canvas')).toHaveCount(1);
    const box = (await inset.boundingBox())!;
    const map = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
    expect(box.width * box.height, 'the inset is small beside the map').toBeLessThan((map.width * map.height) / 6);
    const { inset: extent, main } = await extents(page);
    expect(extent).toHaveLength(4);
    for (const [i, v] of extent.entries()) expect(Math.abs(v - main[i]), `extent edge ${i}`).toBeLessThan(0.01);
    // The box follows the view.
    await page.evaluate(() => window.atlas.map!.jumpTo({ center: [30.5, 50.4] }));
    await expect.poll(async () => (await extents(page)).inset[0]).toBeLessThan(main[0] - 3);
    await page.evaluate(() => window.atlas.map!.jumpTo({ zoom: 3 }));
    await expect(inset, 'zoomed out again, no inset').toBeHidden();
  });
}

test('a story with inset: false has no inset locator map, zoomed in or not; a story without it has one', async ({
  page,
}) => {
  const list = await stories(page);
  const off = list.find((s) => s.inset === false);
  const on = list.find((s) => s.inset !== false);
  expect(off, 'a bundled story switches the inset off').toBeDefined();
  expect(on, 'a bundled story keeps the inset').toBeDefined();
  for (const where of ['./', './embed.html']) {
    page = await page.context().newPage();
    await open(page, `${where}?map=${off!.id}#map=7.00/48.4600/35.0400`);
    await expect(page.locator('.maplibregl-ctrl-top-right .maplibregl-ctrl').first()).toBeVisible();
    expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeGreaterThan(6);
    await expect(page.locator('.atlas-inset')).toHaveCount(0);
    page = await page.context().newPage();
    await open(page, `${where}?map=${on!.id}#map=7.00/48.4600/35.0400`);
    await expect(page.locator('.atlas-inset')).toBeVisible();
  }
});
