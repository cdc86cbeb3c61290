/**
 * The basemap's names and a story's area labels are not drawn cut by the view's edge
 * (src/map/basemap-labels.ts, highlight-labels.ts). Trial at 375 px: "NE" and "KRAINE" for Ukraine. (A country a story's highlight names is not named twice: tests/map/basemap-labels.test.ts;
 * the basemap's cut label there had its point off the view, which queryRenderedFeatures does not report.)
 */
import { readFileSync } from 'node:fs';
import { served } from './data.js';
import { expect, test } from './fixtures.js';

interface Rendered {
  layer: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const COUNTRIES = 'basemap-countries';
const CITIES = 'basemap-cities';

async function renderedNames(page: import('@playwright/test').Page): Promise<Rendered[]> {
  await page.evaluate(() => window.atlas.ready);
  // Until the label layers' opacities stop changing (set when the map comes to rest).
  let last = '';
  for (let i = 0; i < 10; i++) {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.atlas.map!.once('idle', () => resolve());
          window.atlas.map!.triggerRepaint();
        }),
    );
    const now = await page.evaluate(
      ([a, b]) =>
        JSON.stringify([
          window.atlas.map!.getPaintProperty(a, 'text-opacity'),
          window.atlas.map!.getPaintProperty(b, 'text-opacity'),
        ]),
      [COUNTRIES, CITIES],
    );
    if (now === last) break;
    last = now;
  }
  return page.evaluate(
    ([a, b]) => {
      const map = window.atlas.map!;
      const canvas = map.getCanvas();
      return map.queryRenderedFeatures({ layers: [a, b] }).map((f) => {
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        const p = map.project([lon, lat]);
        return {
          layer: f.layer.id,
          name: String(f.properties.name),
          x: p.x,
          y: p.y,
          width: canvas.clientWidth,
          height: canvas.clientHeight,
        };
      });
    },
    [COUNTRIES, CITIES],
  );
}

test('at 375 px, a country name centred at the view edge is not drawn cut', async ({ page, request }) => {
  const places = JSON.parse(readFileSync('public/basemap/places.geojson', 'utf8')) as GeoJSON.FeatureCollection;
  // A country far from every served event, so that no marker or event label takes its place first.
  const events = (await served(request)).events.features.flatMap((f) => f.geometry.coordinates);
  const far = (p: number[]) => Math.min(...events.map((e) => Math.hypot(e[0] - p[0], e[1] - p[1])));
  const country = places.features
    .filter((f) => f.properties?.kind === 'country' && f.properties.rank <= 2)
    .map((f) => ({ name: String(f.properties?.name), at: (f.geometry as GeoJSON.Point).coordinates }))
    .filter((c) => Math.abs(c.at[1]) < 55)
    .sort((a, b) => far(b.at) - far(a.at))[0];
  await page.setViewportSize({ width: 375, height: 740 });
  // Zoom 5: 4° of longitude is about 182 px, so the name is centred about 5 px from the left edge.
  await page.goto(`embed.html#map=5.00/${country.at[1].toFixed(4)}/${(country.at[0] + 4).toFixed(4)}&proj=flat`);
  const names = await renderedNames(page);
  expect(
    names.map((n) => n.name),
    `${country.name}'s label is placed there`,
  ).toContain(country.name);
  // The name layers on and off: the strips along the map's edges are the same, so no name is drawn cut there.
  const withNames = await edgeStrips(page);
  await setVisible(page, [COUNTRIES, CITIES], false);
  expect(await edgeStrips(page), `${country.name}: a name is drawn cut at the view's edge`).toEqual(withNames);
});

/**
 * Screenshots of the 10 px strips along the main map's left and right edges, once the map has stopped
 * changing: the same strips twice in a row, a repaint and an idle map apart. (The basemap's finer layers
 * arrive after the first view is drawn, so the map can still change after the label opacities settle.)
 */
async function edgeStrips(page: import('@playwright/test').Page): Promise<string[]> {
  const shoot = async () => {
    const box = (await page.locator('#map > .maplibregl-canvas-container > canvas').boundingBox())!;
    const shots: string[] = [];
    for (const x of [box.x, box.x + box.width - 10])
      shots.push((await page.screenshot({ clip: { x, y: box.y, width: 10, height: box.height } })).toString('base64'));
    return shots;
  };
  let last = await shoot();
  for (let i = 0; i < 20; i++) {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.atlas.map!.once('idle', () => resolve());
          window.atlas.map!.triggerRepaint();
        }),
    );
    const now = await shoot();
    if (now.join() === last.join()) return now;
    last = now;
  }
  throw new Error('the map kept changing: its edges differed in 20 captures in a row');
}

async function setVisible(page: import('@playwright/test').Page, layers: string[], on: boolean): Promise<void> {
  await page.evaluate(
    ([ids, v]) => {
      for (const id of ids as string[]) window.atlas.map!.setLayoutProperty(id, 'visibility', v ? 'visible' : 'none');
    },
    [layers, on] as const,
  );
  await renderedNames(page);
}

test("at 375 px, a story's highlighted area is labelled once, clear of the view's edges", async ({ page, request }) => {
  const index = (await (await request.get('data/maps.json')).json()) as Array<{ id: string }>;
  const ids: string[] = [];
  for (const story of index) {
    const file = (await (await request.get(`data/maps/${story.id}.json`)).json()) as {
      highlights: GeoJSON.FeatureCollection<GeoJSON.Geometry, { label: string | null }>;
    };
    if (file.highlights.features.some((f) => f.properties.label)) ids.push(story.id);
  }
  test.skip(!ids.length, 'no served story labels a highlighted area');
  await page.setViewportSize({ width: 375, height: 740 });
  for (const id of ids) {
    await page.goto(`embed.html?map=${id}`);
    await renderedNames(page);
    // The label layer on and off: the strips along the map's left and right edges are the same, so no
    // label is drawn cut there (the polygon's own label was drawn once per tile, cut at the edge).
    const withLabel = await edgeStrips(page);
    await setVisible(page, ['atlas-highlight-label'], false);
    expect(await edgeStrips(page), `${id}: a highlight label is drawn at the view's edge`).toEqual(withLabel);
    await setVisible(page, ['atlas-highlight-label'], true);
    const drawn = await page.evaluate(
      () => window.atlas.map!.queryRenderedFeatures({ layers: ['atlas-highlight-label'] }).length,
    );
    expect(drawn, `${id}: the area is labelled in view`).toBeGreaterThan(0);
  }
});
