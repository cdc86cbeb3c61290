/**
 * A story in steps (`steps:` in data/maps/<id>.yaml): the embed's step card walks the reader through
 * the story — Start / Next / Previous / Overview and ←/→ change the step; the step's features are
 * brought forward and the others faded, not hidden; the camera frames the step; the step's heading is
 * announced politely; the step travels in "Open the full map" (step=N) and the atlas's own URL, where
 * back and forward follow it; the host is told the frame's new height; on a phone the card stacks under
 * the map. The story is whichever the site serves with steps, never pinned values.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import type { StoryIndexEntry, StoryOutput } from '../../src/contract.js';
import { labelBox, labelSize } from '../../src/map/band-labels.js';
import { LAYER } from '../../src/map/ids.js';
import { periodText, stepCountText } from '../../src/map/step-card.js';
import { serveHost, type Host } from '../fixtures/host/serve.js';
import { expect, test } from './fixtures.js';

let host: Host;
test.beforeAll(async ({}, testInfo) => {
  host = await serveHost(String(testInfo.project.use.baseURL));
});
test.afterAll(async () => host?.close());

/** The first story the site serves with steps. */
async function storyWithSteps(page: Page): Promise<StoryOutput> {
  const list = (await (await page.request.get('data/maps.json')).json()) as StoryIndexEntry[];
  for (const s of list) {
    const story = (await (await page.request.get(`data/maps/${s.id}.json`)).json()) as StoryOutput;
    if (story.steps?.length >= 2) return story;
  }
  throw new Error('the build publishes no story with two steps or more (data/maps/*.yaml steps:)');
}

type Doc = Page | Frame;

const ready = async (doc: Doc) => {
  await doc.waitForFunction(() => 'atlas' in window && document.readyState === 'complete');
  await doc.evaluate(() => window.atlas.ready);
};

/** The ids the session's current step brings forward (null: the overview). */
const focusOf = (doc: Doc) =>
  doc.evaluate(() => {
    const atlas = window.atlas as { focus?: () => string[] | null };
    return atlas.focus ? atlas.focus() : 'no focus()';
  });

/** The map at rest after a step (no flight under way). */
const still = (doc: Doc) => doc.waitForFunction(() => !window.atlas.map!.isMoving());

/** Whether each lon/lat is inside the map's view. */
const inView = (doc: Doc, points: Array<[number, number]>) =>
  doc.evaluate((pts) => pts.map((p) => window.atlas.map!.getBounds().contains(p)), points);

/** The ids the marker layer's opacity brings forward (those not faded), read from the map's own paint. */
const markerFocus = (doc: Doc) =>
  doc.evaluate((layer) => {
    const paint = window.atlas.map!.getPaintProperty(layer, 'circle-opacity') as unknown;
    const text = JSON.stringify(paint);
    const m = /\["in",\["get","id"\],\["literal",(\[[^\]]*\])\]\]/.exec(text);
    return m ? (JSON.parse(m[1]) as string[]) : null;
  }, LAYER.eventMarker);

const placesOf = (story: StoryOutput, ids: readonly string[]) =>
  story.events.features
    .filter((f) => ids.includes(f.properties.id))
    .flatMap((f) => f.geometry.coordinates as Array<[number, number]>);

test('the embed walks through the steps: card, focus, camera, live heading, link and the frame height', async ({
  page,
}, testInfo) => {
  const story = await storyWithSteps(page);
  const n = story.steps.length;
  await page.setViewportSize({ width: 740, height: 900 });
  const src = `${testInfo.project.use.baseURL}embed.html?map=${story.id}`;
  await page.goto(`${host.url}plain.html?src=${encodeURIComponent(src)}`);
  const iframe = page.locator('iframe').first();
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await ready(frame);

  const card = frame.locator('.step-card');
  const live = card.locator('[aria-live="polite"]');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Overview');
  await expect(live).toContainText(`The whole story · ${n} steps`);
  expect(await focusOf(frame)).toBeNull();
  expect(await markerFocus(frame), 'nothing faded at the overview').toBeNull();

  /** The frame's height settles to its content's (the host's embed-resize.js acts on the height message). */
  const fits = async () => {
    await expect
      .poll(async () => {
        const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
        const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
        return Math.abs(outer - inner);
      })
      .toBeLessThanOrEqual(1);
    const cardBottom = await card.evaluate((c) => c.getBoundingClientRect().bottom);
    expect(cardBottom).toBeLessThanOrEqual(await iframe.evaluate((f) => f.getBoundingClientRect().height));
  };
  await fits();
  const overviewCamera = await frame.evaluate(() => ({
    center: window.atlas.map!.getCenter().toArray(),
    zoom: window.atlas.map!.getZoom(),
  }));
  const overviewHeight = await iframe.evaluate((f) => f.getBoundingClientRect().height);

  await card.getByRole('button', { name: 'Start ›' }).click();
  await still(frame);
  const first = story.steps[0];
  await expect(live).toHaveText(`Step 1 of ${n}${first.period ? ` · ${periodText(first.period)}` : ''}${first.title}`);
  if (first.text) await expect(card.locator('.step-text')).toHaveText(first.text);
  expect(await focusOf(frame)).toEqual(first.features);
  expect((await markerFocus(frame))?.sort()).toEqual([...first.features].sort());
  // Faded, not hidden: every feature of the story is still in the map's data.
  expect(await frame.evaluate(() => window.atlas.map!.querySourceFeatures('atlas-events').length)).toBeGreaterThan(0);
  expect(await inView(frame, placesOf(story, first.features))).not.toContain(false);
  await expect(frame.locator('#full-map')).toHaveAttribute('href', /[#&]step=1(&|$)/);
  // The card (with the step's text) is in the height the host was told.
  await fits();
  if (first.text)
    expect(await iframe.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(overviewHeight);

  const before = await frame.evaluate(() => window.atlas.map!.getCenter().toArray());
  await card.getByRole('button', { name: 'Next ›' }).click();
  await still(frame);
  const second = story.steps[1];
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(second.title);
  expect(await focusOf(frame)).toEqual(second.features);
  expect(await inView(frame, placesOf(story, second.features))).not.toContain(false);
  expect(await frame.evaluate(() => window.atlas.map!.getCenter().toArray())).not.toEqual(before);
  await expect(frame.locator('#full-map')).toHaveAttribute('href', /[#&]step=2(&|$)/);
  await fits();

  // The keyboard: ← in the card goes back, → forward; the last step's Next is disabled.
  await card.getByRole('button', { name: '‹ Previous' }).focus();
  await frame.locator('body').press('ArrowLeft');
  await expect(live).toContainText(`Step 1 of ${n}`);
  await card.getByRole('button', { name: '‹ Previous' }).press('ArrowRight');
  await expect(live).toContainText(`Step 2 of ${n}`);
  if (n === 2) await expect(card.getByRole('button', { name: 'Next ›' })).toBeDisabled();

  await card.getByRole('button', { name: 'Overview' }).click();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Overview');
  // Back at the story's own first view.
  await still(frame);
  const camera = await frame.evaluate(() => ({
    center: window.atlas.map!.getCenter().toArray(),
    zoom: window.atlas.map!.getZoom(),
  }));
  expect(camera.zoom).toBeCloseTo(overviewCamera.zoom, 2);
  expect(camera.center[0]).toBeCloseTo(overviewCamera.center[0], 3);
  expect(camera.center[1]).toBeCloseTo(overviewCamera.center[1], 3);
  expect(await markerFocus(frame)).toBeNull();
  // The Overview button hid itself: the keyboard went to Start, not to the page's body.
  await expect(card.getByRole('button', { name: 'Start ›' })).toBeFocused();
  await expect(frame.locator('#full-map')).not.toHaveAttribute('href', /step=/);
});

test('the atlas keeps the step in its URL: a link opens at it, back and forward follow it', async ({ page }) => {
  const story = await storyWithSteps(page);
  await page.goto(`?map=${story.id}#step=2`);
  await ready(page);
  const card = page.locator('.step-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.steps[1].title);
  expect(await focusOf(page)).toEqual(story.steps[1].features);
  await card.getByRole('button', { name: '‹ Previous' }).click();
  await expect(page).toHaveURL(/[#&]step=1(&|$)/);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.steps[0].title);
  await page.goBack();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.steps[1].title);
  await expect(page).toHaveURL(/[#&]step=2(&|$)/);
  await page.goForward();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.steps[0].title);
});

test('under reduced motion, Back after Next returns to the step before (the jump no longer rewrites its entry)', async ({
  page,
}) => {
  const story = await storyWithSteps(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`?map=${story.id}#step=1`);
  await ready(page);
  const card = page.locator('.step-card');
  await card.getByRole('button', { name: 'Next ›' }).click();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.steps[1].title);
  await expect(page).toHaveURL(/[#&]step=2(&|$)/);
  await page.goBack();
  await expect(page).toHaveURL(/[#&]step=1(&|$)/);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.steps[0].title);
  expect(await focusOf(page)).toEqual(story.steps[0].features);
});

test('on a phone (375 px) the card stacks under the map, clear of its controls, and a step jumps under reduced motion', async ({
  page,
}) => {
  const story = await storyWithSteps(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`embed.html?map=${story.id}`);
  await ready(page);
  const card = page.locator('.step-card');
  await card.getByRole('button', { name: 'Start ›' }).click();
  // Reduced motion: the camera is already there, no flight under way.
  expect(await page.evaluate(() => window.atlas.map!.isMoving())).toBe(false);
  expect(await inView(page, placesOf(story, story.steps[0].features))).not.toContain(false);
  // "Open the full map" opens the step, framed by the atlas for its own map: not pinned to the camera
  // this 375 px frame fitted for itself. A view the reader chose (here the keyboard's zoom) goes with it.
  const fullMap = page.locator('#full-map');
  await expect(fullMap).toHaveAttribute('href', /[#&]step=1(&|$)/);
  await expect(fullMap).not.toHaveAttribute('href', /[#&]map=/);
  await page.locator('#map > .maplibregl-canvas-container > canvas').focus();
  await page.keyboard.press('Equal');
  await expect(fullMap).toHaveAttribute('href', /[#&]map=\d/);
  await page.locator('.step-card .step-next').click();
  await expect(fullMap).toHaveAttribute('href', /[#&]step=2(&|$)/);
  await expect(fullMap).not.toHaveAttribute('href', /[#&]map=/);
  await card.locator('.step-previous').click();
  await expect(card).toHaveAttribute('data-step', '1');
  const boxes = await page.evaluate(() => {
    const r = (e: Element | null) => e?.getBoundingClientRect().toJSON() as DOMRect | undefined;
    return {
      map: r(document.querySelector('#map'))!,
      card: r(document.querySelector('.step-card'))!,
      controls: [...document.querySelectorAll('#map .maplibregl-ctrl')].map((c) => r(c)!),
      buttons: [...document.querySelectorAll('.step-card button:not([hidden])')].map((c) => r(c)!),
      scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
  expect(boxes.card.top).toBeGreaterThanOrEqual(boxes.map.bottom - 0.5);
  for (const c of boxes.controls) expect(c.bottom).toBeLessThanOrEqual(boxes.card.top + 0.5);
  expect(boxes.card.right).toBeLessThanOrEqual(375);
  expect(boxes.scrolls, 'nothing wider than the phone').toBe(false);
  for (const b of boxes.buttons) {
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect(b.right).toBeLessThanOrEqual(375);
  }
  // The card passes axe (contrast of its buttons and count, names, the live region).
  const results = await new AxeBuilder({ page }).include('.step-card').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});

test('a step frames what it is about: a step about a range alone shows its band, not only its origin', async ({
  page,
}) => {
  // A story whose steps the served ones lack (tests/fixtures/stories/README.md).
  const story = JSON.parse(readFileSync('tests/fixtures/stories/odesa-izmail.json', 'utf8')) as StoryOutput;
  await page.route(`**/data/maps/${story.id}.json`, (route) => route.fulfill({ json: story }));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 668, height: 900 });
  const rangeStep = story.steps.findIndex((s) =>
    s.features.every((id) => story.ranges.features.some((r) => r.properties.id === id)),
  );
  expect(rangeStep, 'the fixture has a step about a range alone').toBeGreaterThanOrEqual(0);
  // As a reader goes: from the overview, Start then Next (under reduced motion each move jumps).
  await page.goto(`embed.html?map=${story.id}`);
  await ready(page);
  const card = page.locator('.step-card');
  for (let n = 1; n <= story.steps.length; n++) {
    await card.locator('.step-next').click();
    await expect(card).toHaveAttribute('data-step', String(n));
    await still(page);
    if (n === rangeStep + 1) {
      // The band is in view whole, not only its origin's dot.
      const band = story.ranges.features.find((f) => f.properties.id === story.steps[rangeStep].features[0])!;
      const g = band.geometry!;
      const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]) as Array<[number, number]>;
      expect(await inView(page, ring), 'the band of a step about a range alone').not.toContain(false);
    }
    const points = placesOf(story, story.steps[n - 1].features);
    expect(await inView(page, points)).not.toContain(false);
  }
});

test('on a phone the atlas opened at a step says which step under the folded sheet, and follows the card', async ({
  page,
}) => {
  const story = await storyWithSteps(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`?map=${story.id}#step=2`);
  await ready(page);
  const handle = page.locator('#sheet-handle');
  const hint = handle.locator('.sheet-hint');
  // The card is folded away: the handle names the step the map shows.
  await expect(page.locator('.step-card')).not.toBeInViewport();
  await expect(hint).toHaveText(`${stepCountText(2, story.steps)}: ${story.steps[1].title}`);
  // At 280 px the count (and the step's days) stay whole; only the title may be cut.
  await page.setViewportSize({ width: 280, height: 740 });
  const count = hint.locator('.sheet-hint-count');
  await expect(count).toBeVisible();
  expect(await count.evaluate((e) => e.scrollWidth <= e.clientWidth + 0.5)).toBe(true);
  expect(
    await count.evaluate(
      (e) => e.getBoundingClientRect().right <= e.parentElement!.getBoundingClientRect().right + 0.5,
    ),
  ).toBe(true);
  await page.setViewportSize({ width: 375, height: 740 });
  await handle.click();
  await page.locator('.step-card').getByRole('button', { name: '‹ Previous' }).click();
  await expect(hint).toHaveText(`${stepCountText(1, story.steps)}: ${story.steps[0].title}`);
  await page.locator('.step-card').getByRole('button', { name: 'Overview' }).click();
  await expect(hint).toHaveText('Story steps, list and layers');
});

test("in a step the step's labels are placed first: no faded label lies on the step's markers, and theirs are written", async ({
  page,
}) => {
  // The trial's Red Sea story (tests/fixtures/stories/README.md): its first step's strike lies inside
  // the faded 300 km band, whose label was placed first, across the strike's marker.
  const story = JSON.parse(readFileSync('tests/fixtures/stories/red-sea.json', 'utf8')) as StoryOutput;
  await page.route(`**/data/maps/${story.id}.json`, (route) => route.fulfill({ json: story }));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const width of [375, 680]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`embed.html?map=${story.id}#step=1`);
    await ready(page);
    const focus = story.steps[0].features;
    const labels = story.events.features
      .filter((f) => focus.includes(f.properties.id))
      .map((f) => f.properties.label ?? f.properties.place);
    /** What the map writes once at rest: the symbols of features the step fades that touch one of its markers, and the labels it writes. */
    const drawn = () =>
      page.evaluate(
        ({ focus, points }) => {
          const map = window.atlas.map!;
          const symbols = map
            .getStyle()
            .layers.filter(
              (l) => l.type === 'symbol' && l.id.startsWith('atlas-') && !/block|pattern|pending/.test(l.id),
            )
            .map((l) => l.id);
          const onMarkers = points.flatMap((p) => {
            const { x, y } = map.project(p as [number, number]);
            return map
              .queryRenderedFeatures(
                [
                  [x - 6, y - 6],
                  [x + 6, y + 6],
                ],
                { layers: symbols },
              )
              .filter((f) => !focus.includes(String(f.properties?.id)))
              .map((f) => `${f.layer.id}: ${f.properties?.label ?? f.properties?.origin_place}`);
          });
          const written = map
            .queryRenderedFeatures({ layers: ['atlas-event-label', 'atlas-event-label-repeat'] })
            .filter((f) => focus.includes(String(f.properties?.id)))
            .map((f) => String(f.properties?.label));
          return { onMarkers, written: [...new Set(written)].sort(), moving: map.isMoving() };
        },
        { focus, points: placesOf(story, focus) },
      );
    await expect
      .poll(async () => {
        await still(page);
        await page.evaluate(
          () =>
            new Promise<void>((r) => (window.atlas.map!.once('idle', () => r()), window.atlas.map!.triggerRepaint())),
        );
        return drawn();
      })
      .toEqual({ onMarkers: [], written: [...new Set(labels)].sort(), moving: false });
  }
});

test('on a phone a step that brings the inset locator map in keeps the bands’ labels clear of it', async ({ page }) => {
  // The Red Sea story's third step zooms in past the inset's zoom: the inset showed itself after the band's
  // label was placed for the view without it, and the label ran under it, cut.
  const story = JSON.parse(readFileSync('tests/fixtures/stories/red-sea.json', 'utf8')) as StoryOutput;
  await page.route(`**/data/maps/${story.id}.json`, (route) => route.fulfill({ json: story }));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`embed.html?map=${story.id}`);
  await ready(page);
  const card = page.locator('.step-card');
  for (let n = 1; n <= story.steps.length; n++) {
    await card.locator('.step-next').click();
    await expect(card).toHaveAttribute('data-step', String(n));
    await still(page);
    /** The band labels drawn (their boxes, as MapLibre lays them out) that meet a control over the map. */
    const cut = async () => {
      await page.evaluate(
        () => new Promise<void>((r) => (window.atlas.map!.once('idle', () => r()), window.atlas.map!.triggerRepaint())),
      );
      const { labels, covers } = await page.evaluate(() => {
        const map = window.atlas.map!;
        const canvas = map.getCanvas().getBoundingClientRect();
        const layers = ['atlas-range-label', 'atlas-range-label-faded'].filter((l) => map.getLayer(l));
        return {
          labels: map.queryRenderedFeatures({ layers }).map((f) => {
            const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
            return {
              text: String(f.properties?.label),
              anchor: f.properties?.anchor as string | undefined,
              x: p.x,
              y: p.y,
            };
          }),
          covers: [...map.getContainer().querySelectorAll('.maplibregl-ctrl')]
            .map((c) => c.getBoundingClientRect())
            .filter((r) => r.width > 0 && r.height > 0)
            .map((r) => ({
              left: r.left - canvas.left,
              top: r.top - canvas.top,
              right: r.right - canvas.left,
              bottom: r.bottom - canvas.top,
            })),
        };
      });
      return labels
        .filter((l) => {
          const size = labelSize(l.text);
          const b =
            l.anchor === 'top' || l.anchor === 'bottom' || l.anchor === 'left' || l.anchor === 'right'
              ? labelBox([l.x, l.y], l.anchor, size)
              : {
                  left: l.x - size.width / 2,
                  right: l.x + size.width / 2,
                  top: l.y - size.height / 2,
                  bottom: l.y + size.height / 2,
                };
          return covers.some((c) => b.left < c.right && b.right > c.left && b.top < c.bottom && b.bottom > c.top);
        })
        .map((l) => `${l.text} at ${Math.round(l.x)},${Math.round(l.y)}`);
    };
    await expect.poll(cut, `step ${n}`).toEqual([]);
  }
});

test("on a phone the atlas frames a step's events clear of the timeline, the folded sheet and the attribution over the map's foot", async ({
  page,
}) => {
  // The Red Sea story's third step, opened from the embed's "Open the full map": its Djibouti event lay
  // at the map's foot, its label under the attribution, above the timeline.
  const story = JSON.parse(readFileSync('tests/fixtures/stories/red-sea.json', 'utf8')) as StoryOutput;
  await page.route(`**/data/maps/${story.id}.json`, (route) => route.fulfill({ json: story }));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 375, height: 740 });
  for (const n of [1, 3]) {
    // A new document each time (a link followed), not a change of the hash.
    await page.goto('about:blank');
    await page.goto(`?map=${story.id}#step=${n}`);
    await ready(page);
    await still(page);
    const { markers, foot } = await page.evaluate(
      (points) => {
        const map = window.atlas.map!;
        const canvas = map.getCanvas().getBoundingClientRect();
        const tops = ['#timeline', '#panel', '#map .maplibregl-ctrl-attrib']
          .map((s) => document.querySelector(s)?.getBoundingClientRect())
          .filter((r): r is DOMRect => !!r && r.height > 0)
          .map((r) => r.top);
        return {
          markers: points.map((p) => canvas.top + map.project(p as [number, number]).y),
          foot: Math.min(...tops),
        };
      },
      placesOf(story, story.steps[n - 1].features),
    );
    // A marker and the line of its label beside it (12 px text) stand above what covers the foot.
    for (const y of markers) expect(y + 12, `step ${n}`).toBeLessThanOrEqual(foot);
  }
});

test("printing a step prints the map's still and the step's words, not the map's or the card's controls; the overview's card prints nothing", async ({
  page,
}) => {
  const story = await storyWithSteps(page);
  await page.goto(`embed.html?map=${story.id}#step=1`);
  await ready(page);
  const card = page.locator('.step-card');
  await expect(card.locator('.step-nav button').first()).toBeVisible();
  // Printing starts as browsers do it: beforeprint on the screen layout, then print media. The embed prints a
  // still of the map in the WebGL canvas's place (browsers print that blank), without the map's controls.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('canvas.print-map')).toHaveAttribute('data-drawn', 'true');
  await expect(page.locator('canvas.print-map')).toBeVisible();
  expect(await page.locator('canvas.print-map').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
  await expect(page.locator('#map')).toBeHidden();
  await expect(page.locator('.print-credit')).toContainText('Natural Earth');
  await expect(page.locator('.layer-control input').first()).toBeHidden();
  await expect(card.locator('.step-title')).toHaveText(story.steps[0].title);
  await expect(card.locator('.step-title')).toBeVisible();
  await expect(card.locator('.step-count')).toBeVisible();
  for (const name of ['‹ Previous', 'Overview', 'Next ›'])
    await expect(card.getByRole('button', { name, includeHidden: true })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await card.getByRole('button', { name: 'Overview' }).click();
  await expect(card).toHaveAttribute('data-step', '0');
  await page.emulateMedia({ media: 'print' });
  await expect(card).toBeHidden();
});
