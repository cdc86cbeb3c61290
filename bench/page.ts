/**
 * Page-load benchmark (`npm run bench:page`): the app with the seed data against a bare MapLibre page
 * with the same basemap (bench/pages/bare.html, the floor), both built by Vite into .cache/bench and
 * served by `vite preview` on 127.0.0.1, driven by headless Chromium (SwiftShader).
 *
 *   app   navigation → `atlas.ready` (performance mark `atlas:ready`)
 *   bare  navigation → first `idle` (performance mark `bare:idle`), same window, view, map size and
 *         projection (the app opens on the flat map; the basemap style alone would be a globe)
 *   bare + data  the same page drawing the app's data with the app's layers and nothing else of the
 *         app (bench/pages/bare-data.html), navigation → first `idle` after the data is in: not the floor the target is
 *         set against, but it splits the app's cost into drawing its data and everything else
 *
 * Medians of RUNS runs each, interleaved, each in a fresh browser context (cold cache). Bytes are the
 * gzip sizes (zlib default level) of every file the app requested before ready, split by kind.
 * Prints a table, then as its last line one JSON object:
 *   {"app_ms", "bare_ms", "ratio", "app_code_kb_gz", "total_kb_gz", "bare_data_ms", "ratio_to_bare_data"}
 * Targets: ratio ≤ 1.25; app code + CSS ≤ 60 kB gzip.
 *
 * Stories: then, for every story the build published (data/maps.json), its embed (`embed.html?map=<id>`, in a
 * 640×600 frame) against the bare page at the same view and size, with the bytes it transferred before
 * ready and the data files it asked for at all: a story's embed must ask for its own `data/maps/<id>.json`
 * and no other data (printed as `other_data`, which should be 0). The JSON line gains `stories`:
 * [{"id", "embed_ms", "bare_ms", "ratio", "total_kb_gz", "data_kb_gz", "other_data"}].
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { ensureServedData } from '../tests/e2e/data.js';
import { CHROMIUM_FLAGS } from '../scripts/chromium.js';

const OPTIONS = {
  runs: Number(process.env.RUNS ?? 7),
  port: 4391,
  outDir: '.cache/bench',
  /** Desktop viewport, CSS px. */
  viewport: { width: 1280, height: 800 },
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  /** ms to wait for one page to be ready before giving up. */
  timeout: 60_000,
};

const ARGS = [...CHROMIUM_FLAGS];

type Kind = 'maplibre' | 'app code + CSS' | 'basemap' | 'fonts' | 'data';
const KINDS: Kind[] = ['maplibre', 'app code + CSS', 'basemap', 'fonts', 'data'];

function kindOf(path: string): Kind {
  if (/\/assets\/maplibre/.test(path)) return 'maplibre';
  if (path.includes('/basemap/')) return 'basemap';
  if (path.endsWith('.woff2')) return 'fonts';
  if (path.includes('/data/')) return 'data';
  return 'app code + CSS';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface AppRun {
  ms: number;
  paths: string[];
  /** Every data file asked for, before ready or after. */
  data: string[];
  view: { zoom: number; lat: number; lon: number };
  projection: string;
  size: { width: number; height: number };
}

async function runApp(browser: Browser, origin: string, path = '/', viewport = OPTIONS.viewport): Promise<AppRun> {
  const context = await browser.newContext({ viewport });
  const requests: Array<{ path: string; at: number }> = [];
  const external: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === origin) requests.push({ path: url.pathname, at: Date.now() });
    else if (url.protocol.startsWith('http')) external.push(url.href);
  });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, null, {
    timeout: OPTIONS.timeout,
  });
  const result = await page.evaluate(() => {
    const map = window.atlas.map!;
    const c = map.getCenter();
    const canvas = map.getCanvas();
    const ms = performance.getEntriesByName('atlas:ready')[0].startTime;
    return {
      ms,
      readyAt: performance.timeOrigin + ms,
      view: { zoom: map.getZoom(), lat: c.lat, lon: c.lng },
      projection: map.getProjection()?.type === 'globe' ? 'globe' : 'mercator',
      size: { width: canvas.clientWidth, height: canvas.clientHeight },
    };
  });
  await context.close();
  if (external.length) throw new Error(`requests left the origin: ${external.join(', ')}`);
  // Only what was asked for before ready (the region outlines load after it, on purpose).
  const paths = [...new Set(requests.filter((r) => r.at <= result.readyAt).map((r) => r.path))];
  const data = [...new Set(requests.map((r) => r.path).filter((p) => p.includes('/data/')))];
  return { ms: result.ms, view: result.view, projection: result.projection, size: result.size, paths, data };
}

async function runBare(
  browser: Browser,
  origin: string,
  app: AppRun,
  withData = false,
  viewport = OPTIONS.viewport,
): Promise<number> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const { zoom, lat, lon } = app.view;
  await page.goto(
    `${origin}/bench/pages/${withData ? 'bare-data' : 'bare'}.html?w=${app.size.width}&h=${app.size.height}&proj=${app.projection}#${zoom}/${lat}/${lon}`,
  );
  await page.waitForFunction(() => performance.getEntriesByName('bare:idle').length > 0, null, {
    timeout: OPTIONS.timeout,
  });
  const ms = await page.evaluate(() => performance.getEntriesByName('bare:idle')[0].startTime);
  await context.close();
  return ms;
}

function bytes(paths: string[]): Map<Kind, number> {
  const out = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  for (const path of paths) {
    const file = join(OPTIONS.outDir, path === '/' ? 'index.html' : decodeURIComponent(path));
    if (!existsSync(file)) continue;
    const kind = kindOf(path);
    out.set(kind, (out.get(kind) ?? 0) + gzipSync(readFileSync(file)).length);
  }
  return out;
}

async function main(): Promise<void> {
  ensureServedData();
  await build({
    logLevel: 'warn',
    build: {
      outDir: OPTIONS.outDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          app: 'index.html',
          embed: 'embed.html',
          bare: 'bench/pages/bare.html',
          bareData: 'bench/pages/bare-data.html',
        },
      },
    },
  });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OPTIONS.outDir },
    preview: { host: '127.0.0.1', port: OPTIONS.port, strictPort: true },
  });
  const origin = `http://127.0.0.1:${OPTIONS.port}`;
  const browser = await chromium.launch({ executablePath: OPTIONS.chromium, args: ARGS });
  try {
    // One warm-up each (disk cache of the OS, JIT of the server), not counted.
    const warm = await runApp(browser, origin);
    await runBare(browser, origin, warm);
    await runBare(browser, origin, warm, true);
    const app: AppRun[] = [];
    const bare: number[] = [];
    const bareData: number[] = [];
    for (let i = 0; i < OPTIONS.runs; i++) {
      const a = await runApp(browser, origin);
      app.push(a);
      bare.push(await runBare(browser, origin, a));
      bareData.push(await runBare(browser, origin, a, true));
    }
    const appMs = median(app.map((r) => r.ms));
    const bareMs = median(bare);
    const bareDataMs = median(bareData);
    const split = bytes(app[0].paths);
    const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
    const total = [...split.values()].reduce((s, n) => s + n, 0);

    console.log(
      `page load, median of ${OPTIONS.runs} runs (cold cache, ${OPTIONS.viewport.width}×${OPTIONS.viewport.height})`,
    );
    console.log(
      `  app   navigation → atlas.ready   ${appMs.toFixed(0).padStart(6)} ms   runs: ${app.map((r) => r.ms.toFixed(0)).join(', ')}`,
    );
    console.log(
      `  bare  navigation → first idle    ${bareMs.toFixed(0).padStart(6)} ms   runs: ${bare.map((m) => m.toFixed(0)).join(', ')}`,
    );
    console.log(`  ratio                            ${(appMs / bareMs).toFixed(2).padStart(6)}      (target ≤ 1.25)`);
    console.log(
      `  bare + data  → first idle        ${bareDataMs.toFixed(0).padStart(6)} ms   runs: ${bareData.map((m) => m.toFixed(0)).join(', ')}`,
    );
    console.log(
      `  drawing the data: bare + data / bare  ${(bareDataMs / bareMs).toFixed(2)};  the rest of the app: app / (bare + data)  ${(appMs / bareDataMs).toFixed(2)}`,
    );
    console.log('bytes transferred by the app before ready (gzip)');
    for (const k of KINDS)
      console.log(
        `  ${k.padEnd(16)} ${kb(split.get(k) ?? 0)
          .toFixed(1)
          .padStart(8)} kB`,
      );
    console.log(`  ${'total'.padEnd(16)} ${kb(total).toFixed(1).padStart(8)} kB`);
    console.log(
      JSON.stringify({
        app_ms: Math.round(appMs),
        bare_ms: Math.round(bareMs),
        ratio: Math.round((appMs / bareMs) * 100) / 100,
        app_code_kb_gz: kb(split.get('app code + CSS') ?? 0),
        total_kb_gz: kb(total),
        bare_data_ms: Math.round(bareDataMs),
        ratio_to_bare_data: Math.round((appMs / bareDataMs) * 100) / 100,
        stories: await storyFigures(browser, origin),
      }),
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** A story's embed in an article-width frame. */
const FRAME = { width: 640, height: 600 };

/** Each published story's embed against the bare page at its view and size, printed; returned for the JSON line. */
async function storyFigures(browser: Browser, origin: string) {
  const index = join(OPTIONS.outDir, 'data', 'maps.json');
  const ids = existsSync(index)
    ? (JSON.parse(readFileSync(index, 'utf8')) as Array<{ id: string }>).map((s) => s.id)
    : [];
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  const out = [];
  if (ids.length)
    console.log(
      `story embeds (embed.html?map=<id>, ${FRAME.width}×${FRAME.height}), median of ${OPTIONS.runs} runs against the bare page at the same view`,
    );
  for (const id of ids) {
    const path = `/embed.html?map=${encodeURIComponent(id)}`;
    await runApp(browser, origin, path, FRAME);
    const embed: AppRun[] = [];
    const bare: number[] = [];
    for (let i = 0; i < OPTIONS.runs; i++) {
      const a = await runApp(browser, origin, path, FRAME);
      embed.push(a);
      bare.push(await runBare(browser, origin, a, false, FRAME));
    }
    const embedMs = median(embed.map((r) => r.ms));
    const bareMs = median(bare);
    const split = bytes(embed[0].paths);
    const total = [...split.values()].reduce((s, n) => s + n, 0);
    const own = `/data/maps/${id}.json`;
    const other = [...new Set(embed.flatMap((r) => r.data))].filter((p) => !p.endsWith(own));
    console.log(
      `  ${id.padEnd(22)} ${embedMs.toFixed(0).padStart(6)} ms  bare ${bareMs.toFixed(0).padStart(6)} ms  ratio ${(embedMs / bareMs).toFixed(2)}  ` +
        `${kb(total).toFixed(1)} kB gzip (data ${kb(split.get('data') ?? 0).toFixed(1)} kB)  other data asked for: ${other.length ? other.join(', ') : 'none'}`,
    );
    out.push({
      id,
      embed_ms: Math.round(embedMs),
      bare_ms: Math.round(bareMs),
      ratio: Math.round((embedMs / bareMs) * 100) / 100,
      total_kb_gz: kb(total),
      data_kb_gz: kb(split.get('data') ?? 0),
      other_data: other.length,
    });
  }
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
