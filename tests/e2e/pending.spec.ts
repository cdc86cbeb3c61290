/**
 * Unreviewed suggestions (review=pending) never reach a reader: the published build leaves them out,
 * and a build that includes them (the dev server's, --include-pending) has the map show them apart —
 * a dashed ring on the marker and "Unreviewed suggestion" in the popup — while reviewed events look
 * as they always do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openReady, serveSite, test, type Site } from './guards.js';

// Not about layout: a smaller desktop window (still wider than the 700 px phone layout) gives
// SwiftShader fewer pixels to draw per frame (a boot measured about a fifth less browser CPU than at 1280×800).
test.use({ viewport: { width: 960, height: 600 } });

const FIXTURES = 'tests/fixtures/pending';
const build = (out: string, ...flags: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/data.ts', '--in', FIXTURES, '--out', out, ...flags], { encoding: 'utf8' });

let work: string;
let site: Site;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'atlas-pending-'));
  const shown = build(join(work, 'dev'), '--include-pending');
  if (shown.status !== 0) throw new Error(`the pending fixture did not build:\n${shown.stderr}`);
  site = await serveSite({ mounts: { '/data/': join(work, 'dev') } });
});
test.afterEach(() => site.clear());
test.afterAll(async () => {
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the published build leaves the pending event out and says so', () => {
  const out = join(work, 'published');
  const result = build(out);
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(/pending-doc\.md:\d+:\d+: warning: \d+ suggestions? still review=pending/);
  const events = JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8')) as { features: Array<{ id: string }> };
  expect(events.features.map((f) => f.id)).toEqual(['reviewed-lviv-strike']);
  expect(readFileSync(join(out, 'events.geojson'), 'utf8')).not.toContain('"pending":');
});

test('the dev map marks the pending event apart, in the drawing and in words', async ({ page }) => {
  await openReady(page, site.url);
  const ringed = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const map = window.atlas.map!;
        const read = () => [
          ...new Set(
            map
              .queryRenderedFeatures(undefined, { layers: ['atlas-event-pending'] })
              .map((f) => String(f.properties.id)),
          ),
        ];
        map.once('idle', () => resolve(read()));
        map.triggerRepaint();
      }),
  );
  expect(ringed).toEqual(['pending-kyiv-strike']);

  await page.locator('.feature-list button[data-id="pending-kyiv-strike"]').click();
  const pending = page.locator('.maplibregl-popup .popup[data-id="pending-kyiv-strike"]');
  await expect(pending).toBeVisible();
  await expect(pending.locator('.pending-note').first()).toContainText('Unreviewed suggestion');

  await page.locator('.feature-list button[data-id="reviewed-lviv-strike"]').click();
  const reviewed = page.locator('.maplibregl-popup .popup[data-id="reviewed-lviv-strike"]');
  await expect(reviewed).toBeVisible();
  await expect(reviewed.locator('.pending-note')).toHaveCount(0);
});
