/**
 * Claims as the reader sees them (issue 6): status styles on the map, in the legend, popup and list;
 * every claim with its source; conflicting values side by side; precision outlines; data downloads.
 * Runs on the globe fixture corpus (tests/fixtures/globe), which has every status and conflicts.
 */
import type { Page } from '@playwright/test';
import { CLAIM_STATUSES, type ClaimStatus } from '../../src/contract.js';
import { STATUS_STYLE } from '../../src/map/scales.js';
import { serveGlobeFixture, type GlobeData } from '../fixtures/globe/serve.js';
import { drawnRanges, pointInBand } from './data.js';
import { expect, idle, jumpTo, openAtlas, settled, sharedTest as test } from './fixtures.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each step of these tests costs about half as much.
test.use({ viewport: { width: 960, height: 600 } });

let data: GlobeData;
test.beforeEach(async ({ page }) => {
  data = await serveGlobeFixture(page);
});

const lonlat = (c: number[]) => [c[0], c[1]] as [number, number];

/** The rendered features of the given layers exactly at a [lon, lat], with their evaluated paint and layout. */
async function renderedAt(page: Page, at: [number, number], layers: string[]) {
  return page.evaluate(
    ([ll, ls]) => {
      const map = window.atlas.map!;
      const present = (ls as string[]).filter((l) => map.getLayer(l));
      return map.queryRenderedFeatures(map.project(ll as [number, number]), { layers: present }).map((f) => ({
        id: String(f.properties?.id),
        layer: f.layer.id,
        paint: f.layer.paint as Record<string, unknown>,
        // An evaluated icon-image is a ResolvedImage ({name, available}); keep its name.
        icon: (f.layer.layout as Record<string, { name?: string } | undefined>)?.['icon-image']?.name ?? null,
      }));
    },
    [at, layers] as const,
  );
}

test('each claim status looks different on the map, for events and for ranges', async ({ page }, testInfo) => {
  await openAtlas(page);
  // The fixture's events are all in and around Ukraine: one view shows them all.
  await jumpTo(page, [33, 48.5], 4.5);
  const eventLooks = new Map<ClaimStatus, string>();
  for (const status of CLAIM_STATUSES) {
    const event = data.events.features.find((f) => f.properties.status === status);
    expect(event, `fixture event with status ${status}`).toBeTruthy();
    const at = lonlat(event!.geometry.coordinates[0]);
    const hits = (await renderedAt(page, at, ['atlas-event-marker', 'atlas-event-pattern'])).filter(
      (h) => h.id === event!.properties.id,
    );
    const marker = hits.find((h) => h.layer === 'atlas-event-marker');
    expect(marker, `${status} marker rendered`).toBeTruthy();
    expect(marker!.paint['circle-opacity']).toBeCloseTo(STATUS_STYLE[status].markerFill, 5);
    expect(marker!.paint['circle-stroke-width']).toBeCloseTo(STATUS_STYLE[status].markerStrokeWidth, 5);
    const pattern = hits.find((h) => h.layer === 'atlas-event-pattern');
    const wanted = STATUS_STYLE[status].markerPattern;
    if (wanted === 'hatch' || wanted === 'dashed') expect(String(pattern?.icon)).toContain(`atlas-marker-${wanted}-`);
    else expect(pattern, `${status} has no pattern`).toBeUndefined();
    eventLooks.set(
      status,
      JSON.stringify([marker!.paint['circle-opacity'], marker!.paint['circle-stroke-width'], pattern?.icon ?? null]),
    );
    await page.screenshot({ path: testInfo.outputPath(`event-${status}.png`), clip: await clipAround(page, at, 60) });
  }
  expect(new Set(eventLooks.values()).size, 'four distinct event looks').toBe(4);

  const rangeLooks = new Map<ClaimStatus, string>();
  for (const status of CLAIM_STATUSES) {
    const range = drawnRanges(data.ranges).find((f) => f.properties.status === status && f.properties.max_km < 5000);
    expect(range, `fixture range with status ${status}`).toBeTruthy();
    const at = pointInBand(range!.geometry);
    // One view around Korea holds the short bands; the reported one is around Fiji.
    const view: [number, number] = Math.abs(at[0] - 126) < 20 ? [126, 40] : at;
    const center = await page.evaluate(() => window.atlas.map!.getCenter().toArray());
    if (Math.abs(center[0] - view[0]) > 1 || Math.abs(center[1] - view[1]) > 1) await jumpTo(page, view, 3.5);
    const hits = (await renderedAt(page, at, ['atlas-range-fill', 'atlas-range-hatch'])).filter(
      (h) => h.id === range!.properties.id,
    );
    const fill = hits.find((h) => h.layer === 'atlas-range-fill');
    expect(fill, `${status} band rendered`).toBeTruthy();
    expect(fill!.paint['fill-opacity']).toBeCloseTo(STATUS_STYLE[status].bandFill, 5);
    const hatched = hits.some((h) => h.layer === 'atlas-range-hatch');
    expect(hatched, `${status} band hatched`).toBe(STATUS_STYLE[status].bandPattern === 'hatch');
    rangeLooks.set(status, JSON.stringify([fill!.paint['fill-color'], fill!.paint['fill-opacity'], hatched]));
  }
  expect(new Set(rangeLooks.values()).size, 'four distinct band looks').toBe(4);
  await page.screenshot({ path: testInfo.outputPath('bands.png') });
});

async function clipAround(page: Page, at: [number, number], half: number) {
  const p = await page.evaluate((ll) => window.atlas.map!.project(ll as [number, number]), at);
  const box = (await page.locator('#map > .maplibregl-canvas-container > canvas').boundingBox())!;
  return { x: box.x + p.x - half, y: box.y + p.y - half, width: 2 * half, height: 2 * half };
}

test('the legend explains each status with the swatches the map uses', async ({ page }) => {
  await openAtlas(page);
  for (const status of CLAIM_STATUSES) {
    const label = page.locator(`.layer-control input[data-token="status:${status}"]`).locator('..');
    await expect(label).toContainText(STATUS_STYLE[status].label);
    await expect(label).toContainText(STATUS_STYLE[status].description);
    await expect(label.locator(`svg[data-status="${status}"]`)).toHaveCount(1);
  }
  // The hatched status's swatch is hatched; the dashed one's ring is dashed.
  await expect(page.locator('.layer-control svg[data-status="disputed"] pattern')).toHaveCount(1);
  await expect(page.locator('.layer-control svg[data-status="unverified"] circle[stroke-dasharray]')).toHaveCount(1);
  await idle(page);
});

test('the popup shows every claim with its source, the number of sources, and conflicting dates side by side', async ({
  page,
}, testInfo) => {
  const event = data.events.features.find((f) => f.properties.conflict && f.properties.claims.length > 1)!;
  expect(event, 'a fixture event whose claims conflict').toBeTruthy();
  const p = event.properties;
  await openAtlas(page);
  await page.locator(`.feature-list button[data-id="${p.id}"]`).click();
  const popup = page.locator(`.maplibregl-popup .popup[data-id="${p.id}"]`);
  await expect(popup).toBeVisible();
  await expect(popup.locator('.claim')).toHaveCount(p.claims.length);
  for (const [i, c] of p.claims.entries()) {
    const claim = popup.locator('.claim').nth(i);
    await expect(claim.locator('.excerpt')).toHaveText(c.excerpt);
    await expect(claim.locator('.claimant')).toContainText(c.claimant);
    await expect(claim.locator('.claimant .status')).toHaveText(STATUS_STYLE[c.status].label);
    await expect(claim.locator('.source')).toContainText(c.document_title);
  }
  await expect(popup.locator('.claims-count')).toHaveText(
    `${p.claims.length} claims from ${p.sources} independent sources`,
  );
  // Each stated date in its own row, never merged into one.
  const table = popup.locator('table.compare');
  await expect(table.locator('caption')).toContainText('Sources disagree on the date');
  await expect(table.locator('tbody tr')).toHaveCount(p.claims.length);
  const dates = await table.locator('tbody tr td:first-child').allTextContents();
  expect(new Set(dates).size).toBe(p.claims.length);
  // The list says the same, claim by claim.
  const item = page.locator(`.feature-list button[data-id="${p.id}"]`);
  await expect(item.locator('.claim-line')).toHaveCount(p.claims.length);
  await expect(item.locator('.conflict')).toContainText('disagree');
  await page.screenshot({ path: testInfo.outputPath('popup-event-conflict.png') });
});

test('conflicting range claims are separate bands that say they conflict, on the map, in the popup and the list', async ({
  page,
}, testInfo) => {
  const bands = drawnRanges(data.ranges);
  const range = bands.find((f) => f.properties.conflicts_with.some((id) => bands.some((g) => g.properties.id === id)))!;
  expect(range, 'a fixture range with conflicting claims').toBeTruthy();
  const other = bands.find((f) => range.properties.conflicts_with.includes(f.properties.id))!;
  await openAtlas(page);
  // Two bands, each drawn where only it lies: a point in the outer ring of the wider band is not in the narrower one.
  const at = pointInBand(range.geometry);
  await jumpTo(page, at, 4);
  const ids = (await renderedAt(page, at, ['atlas-range-fill'])).map((h) => h.id);
  expect(ids).toContain(range.properties.id);
  const labels = await page.evaluate(() =>
    window.atlas.map!.querySourceFeatures('atlas-band-labels').map((f) => String(f.properties.label)),
  );
  expect(labels.filter((l) => l.includes('conflicting claims')).length).toBeGreaterThanOrEqual(2);

  await page.locator(`.feature-list button[data-id="${range.properties.id}"]`).click();
  const popup = page.locator(`.maplibregl-popup .popup[data-id="${range.properties.id}"]`);
  await expect(popup).toBeVisible();
  const table = popup.locator('table.compare');
  await expect(table.locator('caption')).toContainText('Conflicting claims');
  await expect(table.locator('tbody tr')).toHaveCount(1 + range.properties.conflicts_with.length);
  await expect(table).toContainText(`${range.properties.max_km.toLocaleString('en-GB')} km`);
  await expect(table).toContainText(`${other.properties.max_km.toLocaleString('en-GB')} km`);
  await expect(popup.locator('.claims-count')).toContainText('one source');
  await page.screenshot({ path: testInfo.outputPath('popup-range-conflict.png') });
  // Its button opens the other band.
  await table.locator(`button[data-id="${other.properties.id}"]`).click();
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${other.properties.id}"]`)).toBeVisible();
  await expect(page.locator(`.feature-list button[data-id="${range.properties.id}"] .conflict`)).toContainText(
    'Conflicting claims',
  );
});

test("a range stated with no origin is listed and named in its weapon's popup, and not drawn", async ({ page }) => {
  const unplaced = data.ranges.features.find((f) => f.geometry === null)!;
  expect(unplaced, 'a fixture range with no origin').toBeTruthy();
  expect(unplaced.properties).toMatchObject({ origin_place: null, qualifier: 'about' });
  const band = drawnRanges(data.ranges).find((f) =>
    f.properties.weapons.some((w) => unplaced.properties.weapons.includes(w)),
  )!;
  await openAtlas(page);
  const drawnIds = await page.evaluate(() =>
    window.atlas.map!.querySourceFeatures('atlas-data').map((f) => String(f.properties.id)),
  );
  expect(drawnIds).toContain(band.properties.id);
  expect(drawnIds).not.toContain(unplaced.properties.id);

  const item = page.locator(`.feature-list button[data-id="${unplaced.properties.id}"]`);
  await expect(item).toContainText('no origin given, not on the map');
  await expect(item).toContainText('about 1,000 km');
  await expect(item.locator('svg.unplaced')).toHaveCount(1);

  // The popup of a drawn band of the same weapon names it and opens it.
  await page.locator(`.feature-list button[data-id="${band.properties.id}"]`).click();
  const popup = page.locator(`.maplibregl-popup .popup[data-id="${band.properties.id}"]`);
  await expect(popup).toContainText('about 1,000 km (no origin given: not drawn)');
  await popup.locator(`button[data-id="${unplaced.properties.id}"]`).click();
  const own = page.locator(`.maplibregl-popup .popup[data-id="${unplaced.properties.id}"]`);
  await expect(own).toBeVisible();
  await expect(own).toContainText('not given by the text');
  await expect(own.locator('.excerpt')).toContainText('without saying from where');
  await expect(page.locator(`.feature-list button[data-id="${unplaced.properties.id}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  );
});

/** Keys of the place outlines filled exactly at a [lon, lat]. */
async function outlinesAt(page: Page, at: [number, number]): Promise<string[]> {
  await idle(page);
  return page.evaluate((ll) => {
    const map = window.atlas.map!;
    if (!map.getLayer('atlas-event-region-fill')) return [];
    return map
      .queryRenderedFeatures(map.project(ll as [number, number]), { layers: ['atlas-event-region-fill'] })
      .map((f) => String(f.properties.key));
  }, at);
}

test('an event resolved to a region or a country shows that outline when hovered or selected, and says so in words', async ({
  page,
}, testInfo) => {
  const region = data.events.features.find((f) => f.properties.precision === 3 && f.properties.admin1)!;
  const country = data.events.features.find((f) => f.properties.precision === 4 && f.properties.country)!;
  expect(region && country, 'fixture events at region and country precision').toBeTruthy();
  await openAtlas(page);
  await expect.poll(() => page.evaluate(() => Boolean(window.atlas.map!.getLayer('atlas-event-region')))).toBe(true);

  // Region: nothing until the marker is hovered; the region's area then, and nothing once the pointer leaves.
  const at = lonlat(region.geometry.coordinates[0]);
  await jumpTo(page, at, 5);
  expect(await outlinesAt(page, at)).toEqual([]);
  const point = await page.evaluate((ll) => window.atlas.map!.project(ll as [number, number]), at);
  const box = (await page.locator('#map > .maplibregl-canvas-container > canvas').boundingBox())!;
  await page.mouse.move(box.x + point.x, box.y + point.y);
  await expect.poll(() => outlinesAt(page, at)).toContain(region.properties.admin1);
  await page.screenshot({ path: testInfo.outputPath('region-hover.png') });
  await page.mouse.move(box.x + 10, box.y + 10);
  await expect.poll(() => outlinesAt(page, at)).toEqual([]);

  // Country, by selection from the list: Lviv and Crimea (by its ISO code, UA-43) are inside, Warsaw is not.
  await page.locator(`.feature-list button[data-id="${country.properties.id}"]`).click();
  const popup = page.locator(`.maplibregl-popup .popup[data-id="${country.properties.id}"]`);
  await expect(popup).toBeVisible();
  await expect(popup.locator('.facts')).toContainText(country.properties.precision_label);
  await expect(popup.locator('.facts')).toContainText('approximate location: Ukraine');
  await settled(page);
  await page.evaluate(() => window.atlas.map!.jumpTo({ center: [30, 48], zoom: 4 }));
  await expect.poll(() => outlinesAt(page, [24.03, 49.84])).toContain(`country:${country.properties.country}`);
  expect(await outlinesAt(page, [34.1, 44.95])).toContain(`country:${country.properties.country}`);
  expect(await outlinesAt(page, [21.0, 52.2])).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('country-selected.png') });

  // The region event's popup says where, approximately, in words.
  await page.locator(`.feature-list button[data-id="${region.properties.id}"]`).click();
  await expect(page.locator(`.maplibregl-popup .popup[data-id="${region.properties.id}"] .facts`)).toContainText(
    'approximate location: Kursk Oblast',
  );
});

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

test('the data can be downloaded as GeoJSON and CSV, with their schemas', async ({ page }) => {
  await openAtlas(page);
  const section = page.locator('.downloads');
  await expect(section.locator('h2')).toHaveText('Download the data');
  const links = await section.locator('a').evaluateAll((as) =>
    as.map((a) => ({
      href: (a as HTMLAnchorElement).href,
      file: (a as HTMLElement).dataset.file as string,
      download: (a as HTMLAnchorElement).download,
    })),
  );
  expect(links.map((l) => l.file).sort()).toEqual([
    'events.csv',
    'events.csv.schema.json',
    'events.geojson',
    'events.schema.json',
    'ranges.csv',
    'ranges.csv.schema.json',
    'ranges.geojson',
    'ranges.schema.json',
  ]);
  const get = (href: string) =>
    page.evaluate((h) => fetch(h).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${h}`)))), href);
  const text = Object.fromEntries(await Promise.all(links.map(async (l) => [l.file, await get(l.href)] as const)));
  for (const l of links.filter((x) => !x.file.includes('schema')))
    expect(l.download, `${l.file} downloads`).toBe(l.file);

  for (const kind of ['events', 'ranges'] as const) {
    const served = data[kind];
    const geojson = JSON.parse(text[`${kind}.geojson`]);
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(
      served.features.map((f) => f.properties.id),
    );
    expect(JSON.parse(text[`${kind}.schema.json`]).$schema).toContain('json-schema.org');

    const [header, ...rows] = parseCsv(text[`${kind}.csv`]).filter((r) => r.length > 1);
    const table = JSON.parse(text[`${kind}.csv.schema.json`]) as { fields: Array<{ name: string }> };
    expect(header).toEqual(table.fields.map((f) => f.name));
    // One row per claim, every row as wide as the header.
    expect(rows).toHaveLength(served.features.reduce((n, f) => n + f.properties.claims.length, 0));
    for (const r of rows) expect(r).toHaveLength(header.length);
  }
});
