/**
 * `npm run bench:phone -- [--events 20000] [--runs 3] [--sites a,b] [--trace file.json]`: the phone's tap → popup
 * of bench/scale.ts, taken apart. Builds a generated archive (once, cached in .cache/phone-profile) and the site,
 * then at 375×740 (touch) searches the list and taps the first result, and prints for each run the time to the
 * details with their claims, as the driver sees it and as the page's own clock does from the touch, with when
 * the claims' chunk arrived and the main thread's long tasks (start+duration, ms from the touch). --sites runs
 * several built sites in turn (a before and an after, in the same run); --trace writes a Chromium trace of the
 * first tap (chrome://tracing, Perfetto). Printed, never a failure.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { createDataBuilder } from '../src/cli/build-data.js';
import { publish } from '../src/cli/publish.js';
import { generateArchive } from './scale/generate.js';
import { CHROMIUM_FLAGS } from '../scripts/chromium.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    events: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    trace: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    /** Built sites to compare, run in turn (default: the working tree's, built here). */
    sites: { type: 'string' },
  },
});
const DIR = `.cache/phone-profile/${values.docs}-${values.events}`;
const SITE = '.cache/phone-profile/site';
const PORT = Number(process.env.BENCH_PORT ?? 4415);

if (!existsSync(join(DIR, 'out', 'events.index.json'))) {
  const archive = generateArchive({ docs: Number(values.docs), events: Number(values.events), seed: 42 });
  for (const [path, text] of archive) {
    mkdirSync(dirname(join(DIR, path)), { recursive: true });
    writeFileSync(join(DIR, path), text);
  }
  const out = await createDataBuilder(join(DIR, 'documents'), { cwd: DIR }).build();
  if (out.files) publish(join(DIR, 'out'), out.files);
}
if (!values['no-build'] || !existsSync(SITE))
  await build({
    logLevel: 'warn',
    build: { outDir: SITE, emptyOutDir: true, rolldownOptions: { input: { app: 'index.html' } } },
  });
const SITES = values.sites?.split(',') ?? [SITE];
for (const site of SITES) {
  rmSync(join(site, 'data'), { recursive: true, force: true });
  cpSync(join(DIR, 'out'), join(site, 'data'), { recursive: true, dereference: true });
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_FLAGS],
});
const query = (
  JSON.parse(readFileSync(join(DIR, 'out', 'events.geojson'), 'utf8')) as {
    features: Array<{ properties: { places: Array<{ name: string }> } }>;
  }
).features[0].properties.places[0].name;
/** What the page records of the tap (its own clock, ms): the touch, the click, the popup with claims, long tasks. */
interface Probe {
  longs: Array<[number, number]>;
  touch?: number;
  tap?: number;
  popup?: number;
}
const results: Record<string, number[]> = {};
const inPages: Record<string, number[]> = {};
try {
  for (let k = 0; k < Number(values.runs); k++)
    for (const site of SITES) {
      const server = await preview({
        logLevel: 'warn',
        build: { outDir: site },
        preview: { host: '127.0.0.1', port: PORT, strictPort: true },
      });
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, null, {
        timeout: 300_000,
      });
      const list = page.locator('.scale-list');
      await page.locator('#sheet-handle').tap();
      await list.locator('button.item').first().waitFor({ timeout: 300_000 });
      await list.getByRole('searchbox').fill(query);
      await list.locator('.list-count', { hasText: 'match' }).waitFor({ timeout: 300_000 });
      const row = list.locator('button.item').first();
      const id = await row.getAttribute('data-id');
      await page.evaluate((popupId) => {
        const probe: Probe = { longs: [] };
        (window as Window & { probe?: Probe }).probe = probe;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) probe.longs.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask' });
        addEventListener('click', (e) => (probe.tap ??= e.timeStamp), true);
        addEventListener('touchstart', (e) => (probe.touch ??= e.timeStamp), true);
        new MutationObserver(() => {
          if (!probe.popup && document.querySelector(`#detail .popup[data-id="${popupId}"] .claims .claim`))
            probe.popup = performance.now();
        }).observe(document.body, { childList: true, subtree: true });
      }, id);
      const tracing = values.trace && k === 0;
      if (tracing)
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'],
        });
      const t0 = performance.now();
      await row.tap();
      await page.locator(`#detail .popup[data-id="${id}"] .claims .claim`).first().waitFor({ timeout: 300_000 });
      const ms = performance.now() - t0;
      (results[site] ??= []).push(ms);
      if (tracing) writeFileSync(values.trace as string, await browser.stopTracing());
      const inPage = await page.evaluate(() => {
        const w = (window as Window & { probe?: Probe }).probe as Probe;
        const chunk = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.includes('events.claims-'))
          .at(-1) as PerformanceResourceTiming | undefined;
        const from = w.touch ?? w.tap ?? NaN;
        return {
          touchToClick: (w.tap ?? NaN) - from,
          chunkStart: chunk ? chunk.startTime - from : NaN,
          chunkEnd: chunk ? chunk.responseEnd - from : NaN,
          popup: (w.popup ?? NaN) - from,
          longs: w.longs.filter(([t]) => t >= from - 5).map(([t, d]) => `${Math.round(t - from)}+${Math.round(d)}`),
        };
      });
      (inPages[site] ??= []).push(inPage.popup);
      console.log(
        `${site} run ${k}: popup ${ms.toFixed(0)} ms (driver); in page from touch: ${JSON.stringify(inPage)}`,
      );
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
} finally {
  await browser.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const site of SITES)
  console.log(
    `${site}: median popup ${median(results[site]).toFixed(0)} ms (driver: ${results[site].map((x) => x.toFixed(0)).join(', ')}), ${median(inPages[site]).toFixed(0)} ms in page (${inPages[site].map((x) => x.toFixed(0)).join(', ')})`,
  );
