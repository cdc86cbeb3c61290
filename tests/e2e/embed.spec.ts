/**
 * The map in an article (embed.html), tested inside host pages served from another 127.0.0.1 port
 * (tests/fixtures/host/): pym.js, a plain iframe with embed-resize.js, and AMP's amp-iframe message.
 * The frame's height must settle to its content and follow the host's width; the wheel scrolls the
 * article unless Ctrl is held; focus passes through; markers open; and the embed passes axe.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { altText } from '../../src/compiler/alt-text.js';
import { mapHeight } from '../../src/share/size.js';
import { serveHost, type Host } from '../fixtures/host/serve.js';
import { drawnRanges, pointInBand, served } from './data.js';
import { LAYERS, expect, idle, idsAt, jumpTo, openAtlas, test } from './fixtures.js';

/** How close (CSS px) the frame's height must come to its content's. */
const TOLERANCE = 2;
const HOSTS = ['pym', 'plain', 'amp'] as const;

let host: Host;
test.beforeAll(async ({}, testInfo) => {
  host = await serveHost(String(testInfo.project.use.baseURL));
});
test.afterAll(async () => host?.close());

/** The embed's frame in a host page, once its map is drawn. */
async function embedFrame(page: Page): Promise<Frame> {
  const iframe = page.locator('iframe').first();
  await expect(iframe).toBeAttached();
  const frame = await (await iframe.elementHandle())!.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForFunction(() => 'atlas' in window && document.readyState === 'complete');
  await frame.evaluate(() => window.atlas.ready);
  return frame;
}

interface Fit {
  frame: number;
  content: number;
  width: number;
  /** Whether the embed's document scrolls inside the frame. */
  scrolls: boolean;
}

async function measureFit(page: Page, frame: Frame): Promise<Fit> {
  const box = await page
    .locator('iframe')
    .first()
    .evaluate((f) => f.getBoundingClientRect());
  const inner = await frame.evaluate(() => ({
    content: document.body.getBoundingClientRect().height,
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
  }));
  return { frame: box.height, width: box.width, ...inner };
}

/** Waits until the frame's height is its content's (within TOLERANCE) and, if given, not `previous`. */
async function settled(page: Page, frame: Frame, previous?: number): Promise<Fit> {
  let last: Fit | null = null;
  await expect
    .poll(
      async () => {
        last = await measureFit(page, frame);
        return Math.abs(last.frame - last.content) <= TOLERANCE && !last.scrolls && last.frame !== previous;
      },
      { message: `frame height settles to its content (last: ${JSON.stringify(last)})` },
    )
    .toBe(true)
    .catch((err: Error) => {
      throw new Error(`${err.message}\nlast measured: ${JSON.stringify(last)}, previous frame height ${previous}`);
    });
  if (!last) throw new Error('the frame was never measured');
  return last;
}

for (const kind of HOSTS) {
  test(`${kind} host: the frame's height settles to its content and follows the host's width`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${host.url}${kind}.html`);
    const frame = await embedFrame(page);
    const wide = await settled(page, frame);
    expect(wide.width).toBe(680); // the article's text column
    testInfo.annotations.push({
      type: 'height',
      description: `${kind} at ${wide.width} px: frame ${wide.frame} px, content ${wide.content} px`,
    });

    // A phone: the column narrows, the map gets shorter, the legend wraps; the frame follows.
    await page.setViewportSize({ width: 400, height: 800 });
    const narrow = await settled(page, frame, wide.frame);
    expect(narrow.width).toBe(360);
    expect(await frame.locator('#map').evaluate((m) => m.getBoundingClientRect().height)).toBeCloseTo(
      mapHeight(360),
      0,
    );
    testInfo.annotations.push({
      type: 'height',
      description: `${kind} at ${narrow.width} px: frame ${narrow.frame} px, content ${narrow.content} px`,
    });
  });
}

test("a story's embed on a phone: the frame's height is its content's, title and description included", async ({
  page,
}, testInfo) => {
  const [story] = (await (await page.request.get('data/maps.json')).json()) as Array<{ id: string; title: string }>;
  expect(story, 'the build publishes a story').toBeDefined();
  await page.setViewportSize({ width: 375, height: 740 });
  const src = `${testInfo.project.use.baseURL}embed.html?map=${story.id}`;
  await page.goto(`${host.url}plain.html?src=${encodeURIComponent(src)}`);
  const frame = await embedFrame(page);
  await expect(frame.locator('#embed-title')).toHaveText(story.title);
  const fit = await settled(page, frame);
  expect(fit.width).toBe(335);
  expect(fit.frame).toBe(Math.ceil(fit.content));
  expect(await frame.locator('#map').evaluate((m) => m.getBoundingClientRect().height)).toBeCloseTo(
    mapHeight(fit.width),
    0,
  );
  testInfo.annotations.push({
    type: 'height',
    description: `story ${story.id} at ${fit.width} px: frame ${fit.frame} px, content ${fit.content} px`,
  });
});

test('a full-width frame fits its content from 1200 px down to 280 px', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1240, height: 800 });
  await page.goto(`${host.url}wide.html`);
  const frame = await embedFrame(page);
  let previous: number | undefined;
  for (const [viewport, width] of [
    [1240, 1200],
    [320, 280],
  ]) {
    await page.setViewportSize({ width: viewport, height: 800 });
    const fitted = await settled(page, frame, previous);
    expect(fitted.width).toBe(width);
    expect(await frame.locator('#map').evaluate((m) => m.getBoundingClientRect().height)).toBeCloseTo(
      mapHeight(width),
      0,
    );
    // Nothing sticks out sideways either.
    expect(
      await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    testInfo.annotations.push({
      type: 'height',
      description: `wide at ${width} px: frame ${fitted.frame} px, content ${fitted.content} px`,
    });
    previous = fitted.frame;
  }
});

// Both on one boot of the plain host: the wheel, then the keyboard (which needs only the frame's content).
test('the wheel over the map scrolls the article; with Ctrl it zooms the map; keyboard focus passes into the frame and out again, both ways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${host.url}plain.html`);
  const frame = await embedFrame(page);
  await settled(page, frame);
  await test.step('the wheel over the map scrolls the article; with Ctrl it zooms the map', () => wheel(page, frame));
  await test.step('keyboard focus passes into the frame and out again, both ways; each feature opens from its button', () =>
    keyboardThrough(page, frame));
});

async function wheel(page: Page, frame: Frame): Promise<void> {
  const map = page.locator('iframe');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const zoom = () => frame.evaluate(() => window.atlas.map!.getZoom());
  const pageY = () => page.evaluate(() => window.scrollY);
  const zoom0 = await zoom();
  const y0 = await pageY();

  await page.mouse.move(box.x + box.width / 2, box.y + 150);
  await page.mouse.wheel(0, 240);
  await expect.poll(pageY, { message: 'the article scrolls' }).toBeGreaterThan(y0);
  expect(await zoom()).toBe(zoom0);
  await expect(frame.locator('.maplibregl-cooperative-gesture-screen')).toBeAttached();

  const y1 = await pageY();
  const box1 = (await map.boundingBox())!;
  await page.mouse.move(box1.x + box1.width / 2, Math.max(box1.y, 0) + 100);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -240);
  await page.keyboard.up('Control');
  await expect.poll(zoom, { message: 'Ctrl + wheel zooms the map' }).toBeGreaterThan(zoom0);
  expect(await pageY()).toBe(y1);
}

test('one finger on the map scrolls the article; two fingers move the map', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 400, height: 700 }, hasTouch: true, isMobile: true });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${host.url}plain.html`);
  const frame = await embedFrame(page);
  await settled(page, frame);
  await page.locator('iframe').scrollIntoViewIfNeeded();
  const cdp = await context.newCDPSession(page);
  const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<[number, number]>) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const drag = async (fingers: number, dy: number, dx = 0) => {
    // Where the map is now (the page may have scrolled): fingers on its middle.
    const box = (await frame.locator('#map').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const at = (t: number) =>
      Array.from(
        { length: fingers },
        (_, i) => [x + i * 60 - 30 * (fingers - 1) + dx * t, y + dy * t] as [number, number],
      );
    await touch('touchStart', at(0));
    for (let step = 1; step <= 12; step++) await touch('touchMove', at(step / 12));
    await touch('touchEnd', []);
  };
  // The centre as a whole: at the world view the map cannot move north or south, only east or west.
  const center = () => frame.evaluate(() => window.atlas.map!.getCenter().toArray().join(','));
  const pageY = () => page.evaluate(() => window.scrollY);

  const center0 = await center();
  const y0 = await pageY();
  // The end of the scroll this gesture starts, fling included (`scrollend`), not a guess at its time.
  await page.evaluate(() => {
    Object.assign(window, {
      scrollEnded: new Promise<void>((resolve) => addEventListener('scrollend', () => resolve(), { once: true })),
    });
  });
  await drag(1, -160);
  await expect.poll(pageY, { message: 'one finger scrolls the article' }).toBeGreaterThan(y0);
  expect(await center()).toBe(center0);

  // Let the fling end, and bring the map back into view for the second gesture.
  await page.evaluate(() => (window as Window & { scrollEnded?: Promise<void> }).scrollEnded);
  await page.locator('iframe').scrollIntoViewIfNeeded();
  const y1 = await pageY();
  await drag(2, 120, 120);
  await expect.poll(center, { message: 'two fingers pan the map' }).not.toBe(center0);
  expect(await pageY()).toBe(y1);
  await context.close();
});

test('clicking a marker inside the frame opens its popup (over the map, or under it when it would not fit)', async ({
  page,
  request,
}) => {
  const { events } = await served(request);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${host.url}pym.html`);
  const frame = await embedFrame(page);
  await settled(page, frame);
  const iframe = page.locator('iframe');
  await iframe.scrollIntoViewIfNeeded();
  // A marker drawn where it is, alone under the cursor.
  const target = await frame.evaluate(
    ([ids, layers]) => {
      const map = window.atlas.map!;
      for (const id of ids as string[]) {
        const f = map
          .querySourceFeatures('atlas-events')
          .find((s) => s.properties?.id === id && s.properties?.kind === 'event');
        if (f?.geometry.type !== 'Point') continue;
        const p = map.project(f.geometry.coordinates as [number, number]);
        const hits = map.queryRenderedFeatures(
          [
            [p.x - 6, p.y - 6],
            [p.x + 6, p.y + 6],
          ],
          { layers: layers as string[] },
        );
        const under = new Set(hits.map((h) => h.properties?.id));
        if (under.size === 1 && under.has(id)) return { id, x: p.x, y: p.y };
      }
      return null;
    },
    [events.features.map((f) => f.properties.id), LAYERS.events] as const,
  );
  expect(target, 'a marker alone under the cursor').not.toBeNull();
  const box = (await iframe.boundingBox())!;
  const mapTop = await frame.locator('#map').evaluate((m) => m.getBoundingClientRect().top);
  await page.mouse.click(box.x + target!.x, box.y + mapTop + target!.y);
  await expect(frame.locator(`.popup[data-id="${target!.id}"]`)).toBeVisible();
  // Whole, wherever it is: inside the map's box when over the map.
  const popup = frame.locator('.maplibregl-popup');
  if (await popup.count()) {
    const [p, m] = await Promise.all([popup.boundingBox(), frame.locator('#map').boundingBox()]);
    expect(p!.y >= m!.y - 1 && p!.y + p!.height <= m!.y + m!.height + 1).toBe(true);
  } else await expect(frame.locator(`#detail .popup[data-id="${target!.id}"]`)).toBeVisible();
  // The link to the full map now points at the selection.
  await expect(frame.locator('#full-map')).toHaveAttribute('href', new RegExp(`sel=${target!.id}`));
});

test('on a narrow frame the details open under the map, and the frame grows to show them', async ({
  page,
  request,
}) => {
  const { events } = await served(request);
  const id = events.features[0].properties.id;
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${host.url}plain.html`);
  const frame = await embedFrame(page);
  const before = await settled(page, frame);
  // Select through the embed's own URL handling: what a reader's tap does, without aiming at a marker.
  await page.goto(
    `${host.url}plain.html?src=${encodeURIComponent(new URL(`embed.html#sel=${id}`, String(test.info().project.use.baseURL)).href)}`,
  );
  const selected = await embedFrame(page);
  await expect(selected.locator(`#detail .popup[data-id="${id}"]`)).toBeVisible();
  await expect(selected.locator('.maplibregl-popup')).toHaveCount(0);
  const after = await settled(page, selected, before.frame);
  expect(after.frame).toBeGreaterThan(before.frame);
  // Closing the details shrinks it back.
  await selected.locator('#detail .detail-close').click();
  const closed = await settled(page, selected, after.frame);
  expect(Math.abs(closed.frame - before.frame)).toBeLessThanOrEqual(TOLERANCE);
});

async function keyboardThrough(page: Page, frame: Frame): Promise<void> {
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
  await page.locator('#before').focus();
  const seen: string[] = [];
  for (let i = 0; i < 60 && (await focused()) !== 'after'; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  expect(seen, 'Tab went through the frame').toContain('IFRAME');
  expect(await focused(), 'Tab left the frame').toBe('after');
  for (let i = 0; i < 60 && (await focused()) !== 'before'; i++) await page.keyboard.press('Shift+Tab');
  expect(await focused(), 'Shift+Tab left the frame').toBe('before');
  // After the canvas, each feature has a button (feature-keys.ts): Enter opens it, closing gives the focus back.
  const first = frame.locator('.feature-keys button').first();
  const id = await first.getAttribute('data-id');
  await first.focus();
  await first.press('Enter');
  await expect(frame.locator(`.popup[data-id="${id}"]`)).toBeVisible();
  await page.keyboard.press('Escape');
  if (await frame.locator('#detail:not([hidden])').count()) await frame.locator('#detail .detail-close').click();
  await expect(first).toBeFocused();
}

test('URL parameters choose the title, view, layers and selection; every link opens a new tab; the full-map link keeps them', async ({
  page,
  request,
  context,
}) => {
  const { events, ranges } = await served(request);
  const id = events.features[0].properties.id;
  const hash = `#map=5.00/48.4600/35.0400&hide=ranges&sel=${id}`;
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(`embed.html?title=${encodeURIComponent('Strikes on Dnipro')}${hash}`);
  await page.evaluate(() => window.atlas.ready);
  await expect(page.locator('h1')).toHaveText('Strikes on Dnipro');
  await expect(page).toHaveTitle(/^Strikes on Dnipro/);
  await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toHaveAttribute(
    'aria-label',
    /^Strikes on Dnipro: map of events and weapon ranges/,
  );
  const view = await page.evaluate(() => ({
    zoom: window.atlas.map!.getZoom(),
    center: window.atlas.map!.getCenter().toArray(),
  }));
  expect(view.zoom).toBeCloseTo(5, 2);
  expect(view.center[0]).toBeCloseTo(35.04, 3);
  expect(view.center[1]).toBeCloseTo(48.46, 3);
  await expect(page.locator('.layer-control input[data-token="ranges"]')).not.toBeChecked();
  await expect(page.locator(`.popup[data-id="${id}"]`)).toBeVisible();
  // On this boot, with a feature's popup open (its sources' links) and before the full-map link is followed.
  await test.step("every link in the frame opens a new tab: none takes the reader's article away (the basemap's attribution included)", () =>
    everyLinkOpensANewTab(page));

  const link = page.locator('#full-map');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', /#map=5\.00\/48\.4600\/35\.0400&hide=ranges&sel=/);
  const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await full.waitForFunction(() => 'atlas' in window);
  await full.evaluate(() => window.atlas.ready);
  expect(new URL(full.url()).pathname).toMatch(/\/$/);
  expect(await full.evaluate(() => window.atlas.map!.getZoom())).toBeCloseTo(5, 2);
  await expect(full.locator('.layer-control input[data-token="ranges"]')).not.toBeChecked();
  await expect(full.locator(`.maplibregl-popup .popup[data-id="${id}"]`)).toBeVisible();
  await full.close();

  // Hidden means not drawn: a band is absent where it lies, and back once its switch is on again.
  const band = drawnRanges(ranges)[0];
  if (band) {
    const at = pointInBand(band.geometry);
    await jumpTo(page, at, 3);
    expect(await idsAt(page, at, LAYERS.ranges)).not.toContain(band.properties.id);
    await page.locator('.layer-control input[data-token="ranges"]').check();
    await idle(page);
    expect(await idsAt(page, at, LAYERS.ranges)).toContain(band.properties.id);
  }

  // The same state in the query string (for CMSs that drop the hash) gives the same view.
  // The projection too (proj=, as the app writes it), and the map's own switch keeps the link in step.
  await page.goto(`embed.html?map=5.00/48.4600/35.0400&hide=ranges&proj=globe`);
  await page.evaluate(() => window.atlas.ready);
  expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeCloseTo(5, 2);
  await expect(page.locator('.layer-control input[data-token="ranges"]')).not.toBeChecked();
  expect(await page.evaluate(() => window.atlas.map!.getProjection()?.type)).toBe('globe');
  await expect(link).toHaveAttribute('href', /proj=globe/);
  await page.getByRole('button', { name: 'Globe' }).click();
  expect(await page.evaluate(() => window.atlas.map!.getProjection()?.type)).toBe('mercator');
  await expect(link).toHaveAttribute('href', /proj=flat/);
});

async function everyLinkOpensANewTab(page: Page): Promise<void> {
  await expect(page.locator('.maplibregl-ctrl-attrib a').first()).toBeAttached();
  const links = await page
    .locator('a[href]')
    .evaluateAll((as) =>
      (as as HTMLAnchorElement[]).map((a) => ({ text: a.textContent?.trim(), target: a.target, rel: a.rel })),
    );
  expect(links.length).toBeGreaterThan(2);
  for (const l of links) {
    expect(l.target, `"${l.text}" opens in the frame`).toBe('_blank');
    expect(l.rel, `"${l.text}"`).toContain('noopener');
  }
}

test('pages carry the oEmbed link, og:image and an alt text written from the data', async ({ page, request }) => {
  const data = await served(request);
  const alt = altText(data.events, data.ranges);
  for (const path of ['./', 'embed.html']) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain('<link rel="alternate" type="application/json+oembed" href="./oembed.json"');
    expect(html, path).toContain('<meta property="og:image" content="./preview.png"');
    await page.setContent(html.replace(/<script[\s\S]*?<\/script>/g, ''));
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content'), path).toBe(alt);
    const noscript = await page.locator('noscript').innerHTML();
    expect(noscript).toContain(`alt="${alt.replace(/&/g, '&amp;')}"`);
  }
  const oembed = await (await request.get('oembed.json')).json();
  expect(oembed).toMatchObject({
    version: '1.0',
    type: 'rich',
    provider_name: 'Source Atlas',
    width: expect.any(Number),
    height: expect.any(Number),
  });
  expect(oembed.html).toMatch(/^<iframe src="[^"]*embed\.html" title="[^"]+"/);
  expect(oembed.html).toContain('embed-resize.js');
  for (const file of ['pym.v1.min.js', 'embed-resize.js']) expect((await request.get(file)).ok(), file).toBe(true);
});

test('before the app\'s script has run (slow, or blocked), a story\'s "Open the full map" leads to that story at its step', async ({
  page,
}) => {
  const [story] = (await (await page.request.get('data/maps.json')).json()) as Array<{ id: string }>;
  expect(story, 'the build publishes a story').toBeDefined();
  // The embed's module never arrives: what the reader can use is what the HTML and its classic scripts give.
  await page.route('**/assets/embed-*.js', () => {});
  // Not 'domcontentloaded': that waits for the module script, which never comes.
  await page.goto(`embed.html?map=${story.id}#step=2`, { waitUntil: 'commit' });
  const link = page.locator('#full-map');
  await expect(link).toHaveAttribute('href', `./?map=${story.id}#step=2`);
  expect(await page.evaluate(() => 'atlas' in window)).toBe(false);
});

test('without WebGL2 the embed shows the preview picture with its alt text', async ({ page }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return type === 'webgl2' ? null : original.call(this, type as '2d', ...(rest as []));
    } as typeof original;
  });
  // The test build has no preview.png (scripts/snapshot.ts makes it): serve a 1×1 PNG in its place.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  await page.route('**/preview.png', (route) => route.fulfill({ contentType: 'image/png', body: png }));
  await page.goto('embed.html');
  const img = page.locator('#map img.embed-preview');
  await expect(img).toBeVisible();
  const alt = await page.locator('meta[property="og:image:alt"]').getAttribute('content');
  await expect(img).toHaveAttribute('alt', alt!);
  expect(await page.evaluate(() => 'atlas' in window)).toBe(false);
});

test.describe('accessibility', () => {
  // At 1280 px both schemes on one boot: the page follows the reader's scheme as it changes (the DOM's
  // colours are CSS), so the second scan sees what a page loaded in that scheme shows.
  const cases = [
    { schemes: ['light'], width: 320, sel: true },
    { schemes: ['dark'], width: 375, sel: false },
    { schemes: ['light', 'dark'], width: 1280, sel: true },
  ] as const;
  for (const { schemes, width, sel } of cases) {
    test(`no serious axe violations: ${schemes.join(' and ')}, ${width} px${sel ? ', a feature open' : ''}`, async ({
      page,
      request,
    }) => {
      const { events } = await served(request);
      await page.emulateMedia({ colorScheme: schemes[0] });
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`embed.html?title=Events%20and%20ranges${sel ? `#sel=${events.features[0].properties.id}` : ''}`);
      await page.evaluate(() => window.atlas.ready);
      if (sel) await expect(page.locator(`.popup[data-id="${events.features[0].properties.id}"]`)).toBeVisible();
      await expect(page.locator('#map > .maplibregl-canvas-container > canvas')).toHaveAttribute(
        'aria-label',
        /map of events and weapon ranges/,
      );
      for (const scheme of schemes) {
        await test.step(`${scheme}, ${width} px`, async () => {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
          const results = await new AxeBuilder({ page }).analyze();
          const serious = results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          expect(serious).toEqual([]);
        });
      }
    });
  }
});

test('the app honours prefers-reduced-motion: choosing from the list jumps instead of flying', async ({
  page,
  request,
}) => {
  const { events } = await served(request);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openAtlas(page);
  const zoom0 = await page.evaluate(() => window.atlas.map!.getZoom());
  await page.locator(`.feature-list button[data-id="${events.features[0].properties.id}"]`).click();
  const after = await page.evaluate(() => ({
    moving: window.atlas.map!.isMoving(),
    zoom: window.atlas.map!.getZoom(),
  }));
  expect(after.moving).toBe(false);
  expect(after.zoom).not.toBeCloseTo(zoom0, 3);
});

test('the snapshot script renders the default view as a 1200 × 630 PNG', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const out = testInfo.outputPath('preview.png');
  await promisify(execFile)(
    'npx',
    ['tsx', 'scripts/snapshot.ts', '--url', String(testInfo.project.use.baseURL), '--out', out],
    { timeout: 100_000 },
  );
  const png = readFileSync(out);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(png.length, 'a picture, not a blank').toBeGreaterThan(30_000);
});
