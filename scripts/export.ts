/**
 * `npm run export -- --url "<hash or query state>" --out map.png --scale 2`: the app's "Save image"
 * picture of a view, from the command line. Builds the site (unless --dist names a built one), serves
 * it on 127.0.0.1, opens the state in headless Chromium, presses Save image → PNG n×, and writes the
 * download. The URL is the app's own state (`#map=4/48.5/35&proj=globe&t=…`, see src/app/url-state.ts);
 * a full URL is accepted and only its query and hash are used. Nothing leaves 127.0.0.1.
 *
 * `--map <id>` pictures a story (data/maps/<id>.yaml): only its features, titled with its title and
 * described by its description, byline and credit, dated by its documents.
 *
 * Options (defaults): --url ("" = the app's first view), --map (none: the whole atlas), --out (map.png), --scale (1; 1 or 2),
 * --width / --height of the browser window in CSS px (1280 × 800), --dist (build into .cache/export).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { ensureServedData } from '../tests/e2e/data.js';
import { STORY_ID } from '../src/contract.js';
import { STORY_PARAM } from '../src/share/params.js';
import { CHROMIUM_FLAGS } from './chromium.js';

const ARGS = [...CHROMIUM_FLAGS];

interface Options {
  url: string;
  map: string | null;
  out: string;
  scale: number;
  width: number;
  height: number;
  dist: string | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { url: '', map: null, out: 'map.png', scale: 1, width: 1280, height: 800, dist: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--url') o.url = value() ?? '';
    else if (flag === '--map') o.map = value() ?? null;
    else if (flag === '--out') o.out = value();
    else if (flag === '--scale') o.scale = Number(value());
    else if (flag === '--width') o.width = Number(value());
    else if (flag === '--height') o.height = Number(value());
    else if (flag === '--dist') o.dist = value();
    else throw new Error(`unknown option ${argv[i]}: use --url, --map, --out, --scale, --width, --height, --dist`);
  }
  if (o.scale !== 1 && o.scale !== 2) throw new Error(`--scale must be 1 or 2, got ${o.scale}`);
  for (const k of ['width', 'height'] as const)
    if (!(o[k] >= 320 && o[k] <= 4000)) throw new Error(`--${k} must be 320–4000 CSS px, got ${o[k]}`);
  if (!o.out) throw new Error('--out needs a file name');
  if (o.map !== null && !STORY_ID.test(o.map))
    throw new Error(
      `--map must be a story id (the name of a file data/maps/<id>.yaml: lowercase letters, digits and "-"), got ${JSON.stringify(o.map)}`,
    );
  return o;
}

/** The state part of what was given: `#…`, `?…#…`, or a full URL's search and hash. */
function statePart(url: string): string {
  if (!url) return '';
  if (/^https?:\/\//.test(url)) {
    const u = new URL(url);
    return `${u.search}${u.hash}`;
  }
  return url.startsWith('#') || url.startsWith('?') ? url : `#${url}`;
}

/** The state with `?map=<id>` added to its query (the story's page). */
function withStory(state: string, story: string | null): string {
  if (!story) return state;
  const hash = state.indexOf('#');
  const [search, rest] = hash < 0 ? [state, ''] : [state.slice(0, hash), state.slice(hash)];
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  params.set(STORY_PARAM, story);
  return `?${params.toString()}${rest}`;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dist = o.dist ?? '.cache/export';
  if (!o.dist) {
    ensureServedData();
    await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  } else if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`--dist ${dist} has no index.html: build it first (npx vite build --outDir ${dist})`);
  }
  const server = await preview({ logLevel: 'warn', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0 } });
  const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: o.width, height: o.height }, acceptDownloads: true });
    // The guarantee the app makes: no request beyond the site itself.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(`${origin}/${withStory(statePart(o.url), o.map)}`);
    await page.waitForFunction(() => 'atlas' in window);
    await page.evaluate(() => window.atlas.ready);
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          window.atlas.map!.once('idle', () => done());
          window.atlas.map!.triggerRepaint();
        }),
    );
    await page.locator('.atlas-export > button').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`.atlas-export-menu button[data-scale="${o.scale}"]`).click(),
    ]);
    mkdirSync(dirname(resolve(o.out)), { recursive: true });
    await download.saveAs(o.out);
    console.log(`export: ${o.out} (${o.scale}×, view ${o.width}×${o.height}${o.url ? `, ${statePart(o.url)}` : ''})`);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

main().catch((err: Error) => {
  console.error(`export: error: ${err.message}`);
  process.exit(1);
});
