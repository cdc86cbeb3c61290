/**
 * Hundreds of range features on (issue 19): the scale fixture's ranges, served as one feature per claim
 * (what a collection summed from several builds or tools holds), with one weapon given a second band of
 * other values from the same origin (a conflict). The page draws each band once, its popup lists every
 * claim (a link naming one claim's feature opens it), the conflicting band stays apart, and the legend
 * groups the bands by weapon with counts.
 * The expected figures come from the fixture as built (one feature per band), not from the page's code.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import type { RangeCollection, RangeFeature } from '../../src/contract.js';
import { INDEX_MEMBER } from '../../src/contract.js';
import { scaleData, serveScaleFixture, type ScaleData } from '../fixtures/scale/serve.js';
import type { Page } from '@playwright/test';
import { expect, idle, openAtlas, sharedTest as test } from './fixtures.js';

// A desktop layout (wider than the 700 px breakpoint) at about half the pixels of 1280×800: SwiftShader
// draws every frame on the CPU, so each boot and step costs about half as much. Nothing here is about layout.
test.use({ viewport: { width: 960, height: 600 } });

let data: ScaleData;
/** What is served: one feature per claim. */
let served: RangeCollection & Record<string, unknown>;
/** The bands as built, after the conflict is made: what the page should draw. */
let bands: RangeFeature[];
/** The weapon given a conflicting band, and that band's id. */
let conflict: { weapon: string; id: string };

test.beforeAll(() => {
  data = scaleData();
  bands = structuredClone(data.ranges.features).filter((f) => f.geometry !== null);
  // Two bands from one launch site of different weapons (and so other values): the second becomes the
  // first's weapon, a second band of it from the same origin with values that conflict.
  const bySite = new Map<string, RangeFeature[]>();
  for (const f of bands)
    if (f.properties.origin)
      bySite.set(f.properties.origin.join(','), [...(bySite.get(f.properties.origin.join(',')) ?? []), f]);
  const [a, b] = [...bySite.values()].find(
    (fs) => fs.length >= 2 && fs[0].properties.max_km !== fs[1].properties.max_km,
  )!;
  Object.assign(b.properties, {
    weapon: a.properties.weapon,
    weapons: a.properties.weapons,
    weapon_class: a.properties.weapon_class,
    conflicts_with: [a.properties.id],
  });
  b.properties.label = b.properties.label.replace(/^[^:]+/, a.properties.weapon);
  a.properties.conflicts_with = [b.properties.id];
  conflict = { weapon: a.properties.weapon, id: b.properties.id };
  // One feature per claim; the first keeps the band's id.
  const features = bands.flatMap((f) =>
    f.properties.claims.map((c, n): RangeFeature => {
      const id = n ? `${f.properties.id}-claim-${n}` : f.properties.id;
      return {
        ...f,
        id,
        properties: {
          ...f.properties,
          id,
          claims: [c],
          sources: 1,
          excerpt: c.excerpt,
          document: c.document,
          document_title: c.document_title,
          claimant: c.claimant,
          status: c.status,
        },
      };
    }),
  );
  const raw = data.ranges as RangeCollection & Record<string, unknown>;
  served = { type: 'FeatureCollection', features, [INDEX_MEMBER]: raw[INDEX_MEMBER] };
});

/** The tests share one page (one boot of the app, on SwiftShader the most of a test's cost): its routes are set once. */
const routed = new WeakSet<Page>();
test.beforeEach(async ({ page }) => {
  if (routed.has(page)) return;
  routed.add(page);
  await serveScaleFixture(page, data);
  // Registered last, so it answers first.
  await page.route('**/data/ranges.geojson', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(served) }),
  );
});

test('hundreds of range features draw each band once, and conflicting values stay apart', async ({ page }) => {
  expect(served.features.length).toBeGreaterThanOrEqual(150);
  expect(served.features.length).toBeGreaterThan(2 * bands.length);
  await openAtlas(page, '#map=1.5/30/45');
  const drawn = await page.evaluate(async () => {
    const source = window.atlas.map!.getSource<GeoJSONSource>('atlas-data')!;
    const features = ((await source.getData()) as GeoJSON.FeatureCollection).features;
    const of = (kind: string) =>
      features.filter((f) => f.properties?.kind === kind).map((f) => f.properties?.id as string);
    return { range: of('range'), edge: of('edge') };
  });
  const ids = bands.map((f) => f.properties.id).sort();
  expect([...drawn.range].sort()).toEqual(ids);
  expect([...drawn.edge].sort()).toEqual(ids);
  // What is on screen: only whole bands, never a claim's own feature.
  await idle(page);
  const rendered = await page.evaluate(() => [
    ...new Set(
      window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-range-fill'] }).map((f) => f.properties?.id as string),
    ),
  ]);
  expect(rendered.length).toBeGreaterThan(0);
  expect(rendered.every((id) => ids.includes(id))).toBe(true);
  // The band counts in the layer switch count bands, not features.
  await expect(page.locator('.layer-control fieldset[data-group="ranges"] legend')).toContainText(
    `Ranges (${bands.length})`,
  );
});

test("a band's popup lists every claim of its features, and a conflicting band is named beside it", async ({
  page,
}) => {
  const band = bands
    .filter((f) => !f.properties.conflicts_with.length)
    .reduce((a, b) => (b.properties.claims.length > a.properties.claims.length ? b : a));
  expect(band.properties.claims.length).toBeGreaterThan(2);
  await openAtlas(page, `#sel=${band.properties.id}`);
  const popup = page
    .locator(
      `.maplibregl-popup .popup[data-id="${band.properties.id}"], .panel .popup[data-id="${band.properties.id}"]`,
    )
    .first();
  await expect(popup).toBeVisible();
  await expect(popup.locator('.claims .claim')).toHaveCount(band.properties.claims.length);
  for (const c of band.properties.claims) await expect(popup.locator('.claims')).toContainText(c.document_title);

  // A link naming a claim's own feature, which the page merged into the band: the band opens, listing that claim.
  // Loaded afresh, as a shared link is (a change of hash alone is restored as from history).
  const last = band.properties.claims.length - 1;
  await page.goto('about:blank');
  await openAtlas(page, `#sel=${band.properties.id}-claim-${last}`);
  await expect(popup).toBeVisible();
  await expect(popup.locator('.claims')).toContainText(band.properties.claims[last].document_title);
  // The URL then names the band.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`sel=${band.properties.id}(&|$)`));

  await openAtlas(page, `#sel=${conflict.id}`);
  const other = page.locator(`.popup[data-id="${conflict.id}"]`).first();
  await expect(other).toBeVisible();
  await expect(other.locator('table.compare tbody tr')).toHaveCount(2);
});

test('the legend groups the bands by weapon, with a count of each', async ({ page }) => {
  await openAtlas(page);
  const expected = new Map<string, number>();
  for (const f of bands) expected.set(f.properties.weapon, (expected.get(f.properties.weapon) ?? 0) + 1);
  const legend = page.locator('.layer-control .weapon-bands');
  await expect(legend.locator('summary')).toHaveText(
    `Bands by weapon: ${expected.size} weapons, ${bands.length} bands`,
  );
  const rows = await legend
    .locator('li')
    .evaluateAll((lis) =>
      lis.map((li) => [(li as HTMLElement).dataset.weapon, Number((li as HTMLElement).dataset.bands), li.textContent]),
    );
  expect(new Map(rows.map(([w, n]) => [w, n]))).toEqual(expected);
  expect(rows).toHaveLength(expected.size);
  const conflicted = rows.find(([w]) => w === conflict.weapon)!;
  expect(conflicted[1]).toBeGreaterThanOrEqual(2);
  expect(conflicted[2]).toContain('conflicting claims');
  // The weapon with most bands comes first.
  expect(rows[0][1]).toBe(Math.max(...expected.values()));
});
