/**
 * Documents are untrusted input to the page. Hostile documents (tests/fixtures/hostile) go through
 * the real data build and must come out of the page as inert text, laid out inside the popup and the
 * list; a hand-made data file that bypasses the build tests the app's own defence (javascript: and
 * data: links, markup in fields the build would have checked). The guard fails every test on a
 * dialog, a console error or a request beyond 127.0.0.1 (the fixtures point at evil.example).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { EventCollection, RangeCollection } from '../../src/contract.js';
import { expect, openReady, serveSite, test, type Site } from './guards.js';

// Not about layout: a smaller desktop window (still wider than the 700 px phone layout) gives
// SwiftShader fewer pixels to draw per frame (a boot measured about a fifth less browser CPU than at 1280×800).
test.use({ viewport: { width: 960, height: 600 } });

const FIXTURES = 'tests/fixtures/hostile';
// The fixture's range is drawn from the project's data/areas, its area directory.
const build = (input: string, out: string) =>
  spawnSync('npx', ['tsx', 'src/cli/data.ts', '--in', input, '--out', out, '--areas', 'data/areas'], {
    encoding: 'utf8',
  });

let work: string;
let built: string;
let site: Site;
let events: EventCollection;
let ranges: RangeCollection;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  built = join(work, 'data');
  const result = build(FIXTURES, built);
  if (result.status !== 0) throw new Error(`the hostile fixtures did not build:\n${result.stderr}`);
  events = JSON.parse(readFileSync(join(built, 'events.geojson'), 'utf8'));
  ranges = JSON.parse(readFileSync(join(built, 'ranges.geojson'), 'utf8'));
  site = await serveSite({ mounts: { '/data/': built } });
});
test.afterEach(() => site.clear());
test.afterAll(async () => {
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openPopup(page: Page, id: string) {
  await page.locator(`.feature-list button[data-id="${id}"]`).click();
  const popup = page.locator(`.maplibregl-popup .popup[data-id="${id}"]`);
  await expect(popup).toBeVisible();
  // The list flies to the feature: judge the layout where the popup comes to rest.
  await page.waitForFunction(() => !window.atlas.map!.isMoving());
  return popup;
}

/** Whatever the data held: nothing was parsed as markup, nothing ran, every link is http(s) and opener-free. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as Window & { __pwned?: unknown }).__pwned,
    // Elements that markup in the data would have created.
    injected: [...document.querySelectorAll('.popup, .feature-list, #status')].flatMap((root) =>
      [...root.querySelectorAll('img, script, iframe, object, embed, style, link, b, a:not([href^="http"])')].map((e) =>
        e.outerHTML.slice(0, 80),
      ),
    ),
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`),
    ),
    links: [...document.querySelectorAll('.popup a, .feature-list a')].map((a) => ({
      href: (a as HTMLAnchorElement).href,
      rel: (a as HTMLAnchorElement).rel,
    })),
  }));
  expect(found.pwned, 'window.__pwned').toBeUndefined();
  expect(found.injected, 'elements made from data').toEqual([]);
  expect(found.handlers, 'event handler attributes').toEqual([]);
  for (const link of found.links) {
    expect(new URL(link.href).protocol, link.href).toMatch(/^https?:$/);
    expect(link.rel.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  }
}

/** The page never scrolls sideways or down, the popup stays on the map, list items in the panel. */
async function expectContained(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const r = (e: Element | null) => e?.getBoundingClientRect().toJSON() as DOMRect | undefined;
    const page = document.scrollingElement as HTMLElement;
    return {
      page: { width: page.scrollWidth, height: page.scrollHeight, viewWidth: innerWidth, viewHeight: innerHeight },
      map: r(document.getElementById('map')),
      popup: r(document.querySelector('.maplibregl-popup-content')),
      panel: r(document.getElementById('panel')),
      items: [...document.querySelectorAll('.feature-list .item')].map((e) => r(e) as DOMRect),
      // Long texts scroll inside their own box.
      long: [...document.querySelectorAll('.popup .long')].map((e) => ({
        scrolls: e.scrollHeight > e.clientHeight,
        lines: e.clientHeight / parseFloat(getComputedStyle(e).lineHeight),
      })),
    };
  });
  expect(box.page.width, 'page width').toBeLessThanOrEqual(box.page.viewWidth);
  expect(box.page.height, 'page height').toBeLessThanOrEqual(box.page.viewHeight);
  if (box.popup && box.map) {
    expect(box.popup.left, 'popup left').toBeGreaterThanOrEqual(box.map.left - 1);
    expect(box.popup.right, 'popup right').toBeLessThanOrEqual(box.map.right + 1);
    expect(box.popup.height, 'popup height').toBeLessThanOrEqual(box.map.height);
  }
  for (const item of box.items)
    expect(item.right, 'list item right edge').toBeLessThanOrEqual((box.panel as DOMRect).right + 1);
  for (const l of box.long) {
    expect(l.scrolls, 'a long text scrolls in its box').toBe(true);
    expect(l.lines, 'lines of a long text shown at once').toBeLessThanOrEqual(6.5);
  }
}

// That the build rejects a javascript: or data: source link is checked without a browser, in
// tests/cli/data.test.ts.

async function rendersInert(page: Page, testInfo: TestInfo): Promise<void> {
  await expectInert(page);
  for (const f of [...events.features, ...ranges.features]) {
    const p = f.properties;
    const popup = await openPopup(page, p.id);
    await expect(popup.locator('h2')).toHaveText('summary' in p ? p.summary : p.label);
    await expect(popup.locator('.excerpt').first()).toHaveText(p.excerpt);
    await expect(popup.locator('.source').first()).toContainText(p.document_title);
    await expectInert(page);
    await expectContained(page);
    await page.screenshot({ path: testInfo.outputPath(`popup-${p.id}.png`) });
  }
  // The markup is there, as text.
  await expect(page.locator('.feature-list')).toContainText(
    "<img src=https://evil.example/summary.png onerror=alert('summary')> summary",
  );
}

/**
 * Where words of the app's own that follow a `bdi` of an element (its first or last) are drawn, as
 * line top × 10⁵ + left edge (px): in reading order the keys increase, unless a right-to-left
 * override in the bdi's text turned the words round.
 */
function leftOf(parent: Element, { words, after = 'first' }: { words: string[]; after?: 'first' | 'last' }): number[] {
  const all = parent.querySelectorAll('bdi');
  const bdi = all[after === 'first' ? 0 : all.length - 1];
  const texts: Text[] = [];
  for (let n = bdi.nextSibling; n; n = n.nextSibling) if (n.nodeType === Node.TEXT_NODE) texts.push(n as Text);
  return words.map((word) => {
    const node = texts.find((t) => t.data.includes(word)) as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(word));
    range.setEnd(node, node.data.indexOf(word) + word.length);
    const box = range.getBoundingClientRect();
    return Math.round(box.top) * 1e5 + box.left;
  });
}

async function overrideStaysInside(page: Page): Promise<void> {
  await openPopup(page, 'hostile-bidi');
  // "Publisher ‮evil" then ", 22 Nov 2024": the override must not run on into the date.
  // "Publisher ‮evil, 22 Nov 2024": the override must not run on into the date.
  const date = await page
    .locator('.popup .source')
    .first()
    .evaluate(leftOf, { words: ['22', 'Nov', '2024'] });
  expect(date, 'date words left to right').toEqual([...date].sort((a, b) => a - b));
  // The same in the list's line for the claim.
  const listed = await page
    .locator('.feature-list button[data-id="hostile-bidi"] .claim-line')
    .evaluate(leftOf, { words: ['22', 'Nov', '2024'], after: 'last' as const });
  expect(listed, 'date words in the list').toEqual([...listed].sort((a, b) => a - b));
  // In the list: "from ‮aera na · up to 200 km" keeps "up to 200 km" in reading order.
  const range = await page
    .locator('.feature-list button[data-id="hostile-drone-0-200km"] .place')
    .evaluate(leftOf, { words: ['up', 'to', '200', 'km'] });
  expect(range, 'range words left to right').toEqual([...range].sort((a, b) => a - b));
}

// Two checks of the same page, with one boot of it (on SwiftShader a boot is most of a test's cost):
// they were two tests, each booting the page; each is now a step, with the same assertions.
test('markup, scripts and bidi controls from documents render as inert text; a right-to-left override stays inside its own words', async ({
  page,
}, testInfo) => {
  await openReady(page, site.url);
  await test.step('markup, scripts and bidi controls from documents render as inert text', () =>
    rendersInert(page, testInfo));
  await test.step('a right-to-left override in a document stays inside its own words', () => overrideStaysInside(page));
});

test('on a phone, a 10,000-character excerpt stays inside the bottom sheet', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openReady(page, site.url);
  await page.locator('#sheet-handle').click();
  await page.locator('.feature-list button[data-id="hostile-long"]').click();
  const excerpt = page.locator('#detail .popup .excerpt');
  await expect(excerpt).toHaveText(events.features.find((f) => f.properties.id === 'hostile-long')!.properties.excerpt);
  const fits = await page.evaluate(() => {
    const page = document.scrollingElement as HTMLElement;
    const panel = (document.getElementById('panel') as HTMLElement).getBoundingClientRect();
    const detail = (document.getElementById('detail') as HTMLElement).getBoundingClientRect();
    return {
      pageWidth: page.scrollWidth <= innerWidth,
      pageHeight: page.scrollHeight <= innerHeight,
      detailInPanel: detail.left >= panel.left && detail.right <= panel.right + 1,
    };
  });
  expect(fits).toEqual({ pageWidth: true, pageHeight: true, detailInPanel: true });
  await expectInert(page);
  await page.screenshot({ path: testInfo.outputPath('phone-long.png') });
});

test('a data file that bypasses the build: only http(s) links, markup in any field stays text', async ({
  page,
}, testInfo) => {
  const bad = JSON.parse(readFileSync(join(built, 'events.geojson'), 'utf8')) as EventCollection;
  const urls = [
    "javascript:window.__pwned='link';alert('link')",
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/protocol-relative',
    'https://example.org/ok',
  ];
  const [first] = bad.features;
  first.properties.claims = urls.map((url, i) => ({
    ...first.properties.claims[0],
    url,
    document_title: `Link ${i}: ${url}`,
  }));
  first.properties.url = urls[0];
  first.properties.magnitude = 3;
  first.properties.magnitude_unit = "<img src=https://evil.example/unit.png onerror=alert('unit')>";
  first.properties.precision_label = "<svg onload=alert('precision')>";
  first.properties.claims[0].additions = [{ field: '<b>date</b>', note: "<img src=x onerror=alert('addition')>" }];
  bad.features[1].properties.type = "<img src=https://evil.example/type.png onerror=alert('type')>";
  site.reply('/data/events.geojson', { body: JSON.stringify(bad) });

  await openReady(page, site.url);
  const popup = await openPopup(page, first.properties.id);
  await expect(popup.locator('.source')).toHaveCount(urls.length);
  // Only the https link is a link; the others are plain titles.
  await expect(popup.locator('.source a')).toHaveCount(1);
  await expect(popup.locator('.source a')).toHaveAttribute('href', 'https://example.org/ok');
  await expect(popup.locator('.source a')).toHaveAttribute('target', '_blank');
  await expect(popup.locator('.source cite')).toHaveCount(urls.length - 1);
  await popup.locator('.source cite').first().click();
  await expect(popup).toContainText("<svg onload=alert('precision')>");
  await expect(popup).toContainText("Added <b>date</b>: <img src=x onerror=alert('addition')>");
  await expectInert(page);
  await page.screenshot({ path: testInfo.outputPath('popup-bypass.png') });
  await openPopup(page, bad.features[1].properties.id);
  await expectInert(page);
  // A selection id from the URL is looked up, never parsed.
  await page.goto(`${site.url}#sel=${encodeURIComponent('"]<img src=https://evil.example/sel.png onerror=alert(1)>')}`);
  await page.evaluate(() => window.atlas.ready);
  await expectInert(page);
});
