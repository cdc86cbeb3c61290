/**
 * `npm run bench:scale -- --docs N --events M`: the atlas at scale, on a generated archive (bench/scale/generate.ts).
 *
 * Build: the data build of the N documents (read, parse, resolve, draw, serialize, publish), against
 * the floor measured in the same run: the Markdown/directive tokenizer alone on the same texts. Prints
 * its time, the process's peak memory (resident set, worker threads included), and the published
 * bytes per event (events.geojson raw and gzip, and everything the page loads first).
 *
 * Page: the built site, served by `vite preview`, driven by headless Chromium (SwiftShader), at each
 * event count of --page (default 5000 and M; a smaller count is the first events of the same archive),
 * against a bare MapLibre page drawing the same events as one clustered source (bench/pages/bare-cluster.html)
 * in the same run: navigation → ready, the median frame of a scripted pan and zoom, and the JS heap.
 *
 * Phone: the same page at 375×740 (touch), each --page count: from a tap on the sheet's handle to the
 * list's first row, from typing a place's name to the search's count, and from a tap on a result to
 * its popup (on a phone, the details in the sheet) with its claims. Times are taken by the driver, so
 * they include its round trips; the aim is 2 s each. Printed, never a failure.
 * Tiles (--tiles): the events as vector tiles in one PMTiles archive (src/cli/tiles-archive.ts): its build
 * time, size and tiles at the archive's size and at --tiles-events (default 1,000,000; the built events
 * repeated with new ids, since the full build of that many is not needed to measure the tiles); and the
 * page at each --page size reading the tiles against reading the GeoJSON index, in the same run.
 *
 * Prints tables, then one JSON line.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { createDataBuilder } from '../src/cli/build-data.js';
import { publish } from '../src/cli/publish.js';
import { tokenize } from '../src/compiler/parse.js';
import { generateArchive } from './scale/generate.js';
import { tilesArchive, type TilesFigures } from '../src/cli/tiles-archive.js';
import { withTilesMember } from '../src/compiler/event-tiles.js';
import { OUTPUT_FILES, TILES_FILE, type EventCollection } from '../src/contract.js';
import { CHROMIUM_FLAGS } from '../scripts/chromium.js';
import { decodeIndex, encodeIndex, type CompactIndex } from '../src/index-format.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    events: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    page: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'no-page': { type: 'boolean', default: false },
    tiles: { type: 'boolean', default: false },
    'tiles-events': { type: 'string', default: '1000000' },
  },
});
const DOCS = Number(values.docs);
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const PAGE_SIZES = (values.page ?? `${Math.min(5000, EVENTS)},${EVENTS}`)
  .split(',')
  .map(Number)
  .filter((n, i, a) => n > 0 && a.indexOf(n) === i);
/** The preview server's port (BENCH_PORT: another run on the same machine). */
const PORT = Number(process.env.BENCH_PORT ?? 4392);
/** ms for a page to be ready. */
const TIMEOUT = Number(process.env.TIMEOUT ?? 300_000);
const OUT = '.cache/bench-scale';
const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };
const ARGS = [...CHROMIUM_FLAGS];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n: number) => Math.round(n / 102.4) / 10;

function writeArchive(dir: string): string[] {
  const t0 = performance.now();
  const archive = generateArchive({ docs: DOCS, events: EVENTS, seed: Number(values.seed) });
  const texts: string[] = [];
  for (const [path, text] of archive) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    if (path.endsWith('.md')) texts.push(text);
  }
  console.log(
    `generated ${DOCS} documents, ${EVENTS} events in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})`,
  );
  return texts;
}

interface BuildFigures {
  seconds: number;
  floor: number;
  peakMb: number;
  files: Record<string, number>;
  gzip: Record<string, number>;
  events: number;
  ranges: number;
  errors: number;
}

async function measureBuild(dir: string, texts: string[]): Promise<BuildFigures> {
  const floors: number[] = [];
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    for (const t of texts) tokenize(t);
    floors.push((performance.now() - t0) / 1000);
  }
  const builder = createDataBuilder(join(dir, 'documents'), { cwd: dir });
  const t1 = performance.now();
  const out = await builder.build();
  if (out.files) publish(join(dir, 'out'), out.files);
  const seconds = (performance.now() - t1) / 1000;
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length)
    console.error(
      errors
        .slice(0, 5)
        .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)
        .join('\n'),
    );
  const files: Record<string, number> = {};
  const gzip: Record<string, number> = {};
  for (const [name, content] of Object.entries(out.files ?? {})) {
    files[name] = Buffer.byteLength(content);
    gzip[name] = gzipSync(content).length;
  }
  return {
    seconds,
    floor: Math.min(...floors),
    peakMb: process.resourceUsage().maxRSS / 1024,
    files,
    gzip,
    events: out.events,
    ranges: out.ranges,
    errors: errors.length,
  };
}

/** The published data, its events cut to the first `n`, in `<site>/data`. */
function servedData(published: string, site: string, n: number): void {
  const data = join(site, 'data');
  rmSync(data, { recursive: true, force: true });
  cpSync(published, data, { recursive: true, dereference: true });
  const events = JSON.parse(readFileSync(join(published, 'events.geojson'), 'utf8'));
  events.features = events.features.slice(0, n);
  writeFileSync(join(data, 'events.geojson'), JSON.stringify(events));
  // The page's compact index of a large archive (src/compiler/page-index.ts), cut the same way.
  try {
    const index: CompactIndex = JSON.parse(readFileSync(join(published, 'events.index.json'), 'utf8'));
    const cut = encodeIndex(decodeIndex(index).slice(0, n), index.chunk_size);
    writeFileSync(join(data, 'events.index.json'), JSON.stringify(cut));
  } catch {
    // not a large archive
  }
}

/** Bytes (gzip) of every file of the site the page asked for before ready (each once): its whole first load. */
function loadBytes(site: string, paths: string[]): number {
  return [...new Set(paths)]
    .map((p) => join(site, decodeURIComponent(p.endsWith('/') ? `${p}index.html` : p)))
    .filter((f) => existsSync(f) && statSync(f).isFile())
    .reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
}

/** Bytes (gzip) of every file under data/ the page asked for before ready. */
function dataBytes(site: string, paths: string[]): number {
  return paths
    .filter((p) => p.includes('/data/'))
    .reduce((s, p) => s + gzipSync(readFileSync(join(site, decodeURIComponent(p)))).length, 0);
}

/**
 * Median frame interval (ms) of a scripted pan then zoom in and out. A string, not a function: tsx would
 * wrap a function's inner functions in a helper the page does not have.
 */
const PAN_SCRIPT = (mapExpr: string) => `(async () => {
  const map = ${mapExpr};
  const frames = [];
  let last = performance.now();
  let on = true;
  const loop = (t) => { frames.push(t - last); last = t; if (on) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  const step = (f) => new Promise((resolve) => { map.once('moveend', () => resolve()); f(); });
  await step(() => map.panBy([400, 0], { duration: 1500 }));
  await step(() => map.panBy([-400, 200], { duration: 1500 }));
  await step(() => map.zoomIn({ duration: 1000 }));
  await step(() => map.zoomOut({ duration: 1000 }));
  on = false;
  const s = frames.slice(1).sort((a, b) => a - b);
  return s[s.length >> 1];
})()`;

async function panFrames(page: Page, mapExpr: string): Promise<number> {
  return page.evaluate(PAN_SCRIPT(mapExpr)) as Promise<number>;
}

interface PageRun {
  ms: number;
  frame: number;
  heapMb: number;
  dataKb: number;
  /** Everything the page asked for before ready (app, styles, basemap, fonts, data), kB gzip. */
  loadKb?: number;
}

async function runApp(browser: Browser, origin: string, site: string): Promise<PageRun & { view: string }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const paths: string[] = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) paths.push(u.pathname);
  });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, null, { timeout: TIMEOUT });
  const ms = await page.evaluate(() => performance.getEntriesByName('atlas:ready')[0].startTime);
  const before = [...paths];
  const view = await page.evaluate(() => {
    const m = window.atlas.map!;
    const c = m.getCenter();
    const k = m.getCanvas();
    return `?w=${k.clientWidth}&h=${k.clientHeight}&proj=mercator#${m.getZoom()}/${c.lat}/${c.lng}`;
  });
  const frame = await panFrames(page, 'window.atlas.map');
  const heapMb = await page.evaluate(
    () =>
      ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20,
  );
  await context.close();
  return { ms, frame, heapMb, dataKb: kb(dataBytes(site, before)), loadKb: kb(loadBytes(site, before)), view };
}

interface PhoneRun {
  listMs: number;
  searchMs: number;
  popupMs: number;
}

/** ms from each tap (or the typed query) to what it shows, at phone size; the page is ready first. */
async function runPhone(browser: Browser, origin: string, query: string): Promise<PhoneRun> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, null, {
      timeout: TIMEOUT,
    });
    const timed = async (act: () => Promise<unknown>, shown: () => Promise<unknown>) => {
      const t0 = performance.now();
      await act();
      await shown();
      return performance.now() - t0;
    };
    const list = page.locator('.scale-list');
    const listMs = await timed(
      () => page.locator('#sheet-handle').tap(),
      () => list.locator('button.item').first().waitFor({ timeout: TIMEOUT }),
    );
    const searchMs = await timed(
      () => list.getByRole('searchbox').fill(query),
      () => list.locator('.list-count', { hasText: 'match' }).waitFor({ timeout: TIMEOUT }),
    );
    const row = list.locator('button.item').first();
    const id = await row.getAttribute('data-id');
    const popupMs = await timed(
      () => row.tap(),
      () => page.locator(`#detail .popup[data-id="${id}"] .claims .claim`).first().waitFor({ timeout: TIMEOUT }),
    );
    return { listMs, searchMs, popupMs };
  } finally {
    await context.close();
  }
}

async function runBare(browser: Browser, origin: string, view: string): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${origin}/bench/pages/bare-cluster.html${view}`);
  await page.waitForFunction(() => performance.getEntriesByName('bare:idle').length > 0, null, { timeout: TIMEOUT });
  const ms = await page.evaluate(() => performance.getEntriesByName('bare:idle')[0].startTime);
  const frame = await panFrames(page, 'window.bare');
  const heapMb = await page.evaluate(
    () =>
      ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20,
  );
  await context.close();
  return { ms, frame, heapMb, dataKb: 0 };
}

interface PageRow {
  events: number;
  app: PageRun;
  bare: PageRun;
  phone: PhoneRun;
}

async function measurePages(published: string): Promise<PageRow[]> {
  await build({
    logLevel: 'warn',
    build: {
      outDir: OUT,
      emptyOutDir: true,
      rolldownOptions: { input: { app: 'index.html', bareCluster: 'bench/pages/bare-cluster.html' } },
    },
  });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  const origin = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  const rows: PageRow[] = [];
  // A place the first events name (every cut of the archive holds them): what the phone's search types.
  const query = (JSON.parse(readFileSync(join(published, 'events.geojson'), 'utf8')) as EventCollection).features[0]
    .properties.places[0].name;
  try {
    for (const n of PAGE_SIZES) {
      servedData(published, OUT, n);
      const apps: Array<PageRun & { view: string }> = [];
      const bares: PageRun[] = [];
      const phones: PhoneRun[] = [];
      for (let k = 0; k < RUNS; k++) {
        // A page that is not ready in TIMEOUT is reported as such (the app before clustering, at 20,000 events).
        const a = await runApp(browser, origin, OUT).catch((err: Error) => {
          console.log(`  app at ${n} events: ${err.message.split('\n')[0]}`);
          return { ms: Infinity, frame: Infinity, heapMb: NaN, dataKb: NaN, view: '?proj=mercator' };
        });
        apps.push(a);
        bares.push(await runBare(browser, origin, a.view));
        phones.push(
          await runPhone(browser, origin, query).catch((err: Error) => {
            console.log(`  phone at ${n} events: ${err.message.split('\n')[0]}`);
            return { listMs: Infinity, searchMs: Infinity, popupMs: Infinity };
          }),
        );
      }
      const med = (rs: PageRun[]): PageRun => ({
        ms: median(rs.map((r) => r.ms)),
        frame: median(rs.map((r) => r.frame)),
        heapMb: median(rs.map((r) => r.heapMb)),
        dataKb: median(rs.map((r) => r.dataKb)),
        loadKb: median(rs.map((r) => r.loadKb ?? NaN)),
      });
      const phone: PhoneRun = {
        listMs: median(phones.map((r) => r.listMs)),
        searchMs: median(phones.map((r) => r.searchMs)),
        popupMs: median(phones.map((r) => r.popupMs)),
      };
      rows.push({ events: n, app: med(apps), bare: med(bares), phone });
      console.log(
        `  page at ${n} events: app ready ${apps.map((r) => r.ms.toFixed(0)).join(', ')} ms; bare ${bares.map((r) => r.ms.toFixed(0)).join(', ')} ms`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return rows;
}

interface TileBuild extends TilesFigures {
  events: number;
  seconds: number;
  bytes: number;
  peakMb: number;
}

/** `events` repeated with new ids (`<id>~k`) until there are `n`: the same places, as a larger archive of the same region has. */
function repeatEvents(events: EventCollection, n: number): EventCollection {
  const features = Array.from({ length: n }, (_, i) => {
    const f = events.features[i % events.features.length];
    const k = Math.floor(i / events.features.length);
    return k === 0 ? f : { ...f, properties: { ...f.properties, id: `${f.properties.id}~${k}` } };
  });
  return { type: 'FeatureCollection', features };
}

/** Writes the tiles of `events` (timed); the archive's bytes go to `out` when given. */
function measureTileBuild(events: EventCollection, out?: string): TileBuild {
  let figures: TilesFigures = { tiles: 0, largestTile: 0 };
  const t0 = performance.now();
  const bytes = tilesArchive(events, (f) => (figures = f));
  const seconds = (performance.now() - t0) / 1000;
  if (out) writeFileSync(out, bytes);
  return {
    events: events.features.length,
    seconds,
    bytes: bytes.length,
    peakMb: process.resourceUsage().maxRSS / 1024,
    ...figures,
  };
}

/** The site's data for the tiled page at `n` events: servedData, plus the tiles of those events, named by ranges.geojson. */
function servedTiles(published: string, site: string, n: number): void {
  servedData(published, site, n);
  const data = join(site, 'data');
  const events: EventCollection = JSON.parse(readFileSync(join(data, OUTPUT_FILES.events), 'utf8'));
  writeFileSync(join(data, TILES_FILE), tilesArchive(events));
  writeFileSync(
    join(data, OUTPUT_FILES.ranges),
    withTilesMember(readFileSync(join(data, OUTPUT_FILES.ranges), 'utf8')),
  );
}

/** The app at each --page size on its GeoJSON index and on its tiles, in one run (median of RUNS each). */
async function measureTilePages(
  published: string,
): Promise<Array<{ events: number; geojson: PageRun; tiles: PageRun }>> {
  await build({
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true, rolldownOptions: { input: { app: 'index.html' } } },
  });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  const origin = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  const rows: Array<{ events: number; geojson: PageRun; tiles: PageRun }> = [];
  const failed = (n: number, what: string) => (err: Error) => {
    console.log(`  ${what} at ${n} events: ${err.message.split('\n')[0]}`);
    return { ms: Infinity, frame: Infinity, heapMb: NaN, dataKb: NaN, view: '' };
  };
  const med = (rs: PageRun[]): PageRun => ({
    ms: median(rs.map((r) => r.ms)),
    frame: median(rs.map((r) => r.frame)),
    heapMb: median(rs.map((r) => r.heapMb)),
    dataKb: median(rs.map((r) => r.dataKb)),
  });
  try {
    for (const n of PAGE_SIZES) {
      const geojson: PageRun[] = [];
      const tiles: PageRun[] = [];
      servedData(published, OUT, n);
      for (let k = 0; k < RUNS; k++)
        geojson.push(await runApp(browser, origin, OUT).catch(failed(n, 'app on GeoJSON')));
      servedTiles(published, OUT, n);
      for (let k = 0; k < RUNS; k++) tiles.push(await runApp(browser, origin, OUT).catch(failed(n, 'app on tiles')));
      rows.push({ events: n, geojson: med(geojson), tiles: med(tiles) });
      console.log(
        `  page at ${n} events: ready on GeoJSON ${geojson.map((r) => r.ms.toFixed(0)).join(', ')} ms; on tiles ${tiles.map((r) => r.ms.toFixed(0)).join(', ')} ms`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return rows;
}

/** --tiles: tiles at the archive's size and at --tiles-events, then the page on both; prints its tables, returns its JSON. */
async function tilesReport(published: string): Promise<Record<string, unknown>> {
  const events: EventCollection = JSON.parse(readFileSync(join(published, OUTPUT_FILES.events), 'utf8'));
  const gz = (name: string) => gzipSync(readFileSync(join(published, name))).length;
  const indexGz = gz('events.index.json');
  const geojsonGz = gz(OUTPUT_FILES.events);
  const builds = [measureTileBuild(events)];
  const more = Number(values['tiles-events']);
  if (more > events.features.length) builds.push(measureTileBuild(repeatEvents(events, more)));
  console.log('\ntiles (events.pmtiles: zooms 0–12, gzipped MVT, clustered as the page clusters)');
  console.log('events     tiles s  archive MB  B/event  tiles   largest tile kB  peak MB');
  for (const t of builds) {
    console.log(
      `${String(t.events).padEnd(10)} ${t.seconds.toFixed(2).padStart(7)} ${(t.bytes / 2 ** 20).toFixed(1).padStart(11)} ${(t.bytes / t.events).toFixed(0).padStart(8)} ${String(t.tiles).padStart(6)} ${kb(t.largestTile).toFixed(0).padStart(17)} ${t.peakMb.toFixed(0).padStart(8)}`,
    );
  }
  console.log(
    `one GeoJSON at ${events.features.length} events: events.geojson ${(geojsonGz / 2 ** 20).toFixed(1)} MB gzip, the page's index ${(indexGz / 2 ** 20).toFixed(1)} MB gzip`,
  );
  let pages: Awaited<ReturnType<typeof measureTilePages>> = [];
  if (!values['no-page']) {
    console.log(
      '\npage on tiles against the page on its GeoJSON index (median of',
      RUNS,
      'runs, cold cache, 1280×800, SwiftShader)',
    );
    pages = await measureTilePages(published);
    console.log(
      'events    GeoJSON ready ms  tiles ready ms  GeoJSON frame ms  tiles frame ms  GeoJSON heap MB  tiles heap MB',
    );
    for (const p of pages) {
      console.log(
        `${String(p.events).padEnd(9)} ${p.geojson.ms.toFixed(0).padStart(16)} ${p.tiles.ms.toFixed(0).padStart(15)} ${p.geojson.frame.toFixed(1).padStart(17)} ${p.tiles.frame.toFixed(1).padStart(15)} ${p.geojson.heapMb.toFixed(0).padStart(16)} ${p.tiles.heapMb.toFixed(0).padStart(14)}`,
      );
    }
  }
  return {
    tiles: builds.map((t) => ({
      events: t.events,
      seconds: Number(t.seconds.toFixed(2)),
      bytes: t.bytes,
      bytes_per_event: Math.round(t.bytes / t.events),
      tiles: t.tiles,
      largest_tile_bytes: t.largestTile,
      peak_mb: Math.round(t.peakMb),
    })),
    geojson_gzip_bytes: geojsonGz,
    index_gzip_bytes: indexGz,
    tile_pages: pages.map((p) => ({
      events: p.events,
      geojson_ready_ms: Math.round(p.geojson.ms),
      tiles_ready_ms: Math.round(p.tiles.ms),
      geojson_frame_ms: Number(p.geojson.frame.toFixed(1)),
      tiles_frame_ms: Number(p.tiles.frame.toFixed(1)),
      geojson_heap_mb: Math.round(p.geojson.heapMb),
      tiles_heap_mb: Math.round(p.tiles.heapMb),
    })),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'source-atlas-scale-'));
  try {
    const texts = writeArchive(dir);
    const b = await measureBuild(dir, texts);
    const published = join(dir, 'out');
    const sum = (r: Record<string, number>, names?: string[]) =>
      Object.entries(r)
        .filter(([k]) => !names || names.includes(k))
        .reduce((s, [, v]) => s + v, 0);
    console.log(`\nbuild (${availableParallelism()} cores)`);
    console.log('docs     events   ranges  build s  parser floor s  ratio  peak MB  errors');
    console.log(
      `${String(DOCS).padEnd(8)} ${String(b.events).padEnd(8)} ${String(b.ranges).padEnd(7)} ${b.seconds.toFixed(2).padStart(7)}  ${b.floor.toFixed(2).padStart(14)}  ${(b.seconds / b.floor).toFixed(1).padStart(5)}  ${b.peakMb.toFixed(0).padStart(7)}  ${b.errors}`,
    );
    console.log('\noutput             raw kB    gzip kB   raw B/event  gzip B/event');
    for (const name of Object.keys(b.files).sort()) {
      console.log(
        `  ${name.padEnd(22)} ${kb(b.files[name]).toFixed(0).padStart(8)} ${kb(b.gzip[name]).toFixed(0).padStart(9)} ${(b.files[name] / b.events).toFixed(0).padStart(12)} ${(b.gzip[name] / b.events).toFixed(0).padStart(12)}`,
      );
    }
    let pages: Awaited<ReturnType<typeof measurePages>> = [];
    // --tiles measures its own pages (on tiles and on GeoJSON) in place of the bare comparison.
    const tiles = values.tiles ? await tilesReport(published) : null;
    if (!values['no-page'] && !values.tiles) {
      console.log('\npage (median of', RUNS, 'runs, cold cache, 1280×800, SwiftShader)');
      pages = await measurePages(published);
      console.log(
        'events    app ready ms  bare ready ms  ratio  app frame ms  bare frame ms  ratio  app heap MB  data before ready kB gz  all before ready kB gz',
      );
      for (const p of pages) {
        console.log(
          `${String(p.events).padEnd(9)} ${p.app.ms.toFixed(0).padStart(12)} ${p.bare.ms.toFixed(0).padStart(14)} ${(p.app.ms / p.bare.ms).toFixed(2).padStart(6)} ${p.app.frame.toFixed(1).padStart(13)} ${p.bare.frame.toFixed(1).padStart(14)} ${(p.app.frame / p.bare.frame).toFixed(2).padStart(6)} ${p.app.heapMb.toFixed(0).padStart(12)} ${p.app.dataKb.toFixed(0).padStart(23)} ${(p.app.loadKb ?? NaN).toFixed(0).padStart(23)}`,
        );
      }
      console.log(
        `\nphone (375×740, touch; median of ${RUNS} runs; ms from the tap or the typed query until it shows; aim ≤ 2000)`,
      );
      console.log('events    list ms  search ms  popup ms');
      for (const p of pages)
        console.log(
          `${String(p.events).padEnd(9)} ${p.phone.listMs.toFixed(0).padStart(7)} ${p.phone.searchMs.toFixed(0).padStart(10)} ${p.phone.popupMs.toFixed(0).padStart(9)}`,
        );
    }
    console.log(
      JSON.stringify({
        ...tiles,
        docs: DOCS,
        events: b.events,
        build_s: Number(b.seconds.toFixed(2)),
        floor_s: Number(b.floor.toFixed(3)),
        build_ratio: Number((b.seconds / b.floor).toFixed(2)),
        peak_mb: Math.round(b.peakMb),
        bytes_per_event: Math.round(sum(b.files) / b.events),
        gzip_bytes_per_event: Math.round(sum(b.gzip) / b.events),
        page: pages.map((p) => ({
          events: p.events,
          ready_ms: Math.round(p.app.ms),
          bare_ready_ms: Math.round(p.bare.ms),
          ready_ratio: Number((p.app.ms / p.bare.ms).toFixed(2)),
          frame_ms: Number(p.app.frame.toFixed(1)),
          bare_frame_ms: Number(p.bare.frame.toFixed(1)),
          frame_ratio: Number((p.app.frame / p.bare.frame).toFixed(2)),
          heap_mb: Math.round(p.app.heapMb),
          data_kb_gz: p.app.dataKb,
          load_kb_gz: p.app.loadKb,
          phone_list_ms: Math.round(p.phone.listMs),
          phone_search_ms: Math.round(p.phone.searchMs),
          phone_popup_ms: Math.round(p.phone.popupMs),
        })),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
