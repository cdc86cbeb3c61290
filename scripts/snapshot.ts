/**
 * The static fallback: renders the default view of the built site's map with headless Chromium as
 * `preview.png` (1200 × 630, the Open Graph size) at the root of the built site. The pages already
 * reference it (og:image, <noscript>, the embed's no-WebGL2 picture; see src/embed/site-plugin.ts)
 * with alt text written from the data.
 *
 *   tsx scripts/snapshot.ts                      # dist/ → dist/preview.png (run by `npm run build`)
 *   tsx scripts/snapshot.ts --dist DIR           # another build directory
 *   tsx scripts/snapshot.ts --url URL --out FILE # a site already served at URL
 *
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) it says so, removes the pages'
 * references to the missing picture (the <noscript> keeps its alt text as a paragraph), and exits 0:
 * the rest of the build stands.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import {
  NOSCRIPT_NOTE,
  OEMBED_FILE,
  PREVIEW,
  PREVIEW_MARK,
  publishedStories,
  storyOembedFile,
  storyPreviewFile,
} from '../src/vite/site-plugin.js';
import { CHROMIUM_FLAGS } from './chromium.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** WebGL2 on SwiftShader in headless Chromium (see shared/testing.md); never --use-gl. */
const FLAGS = [...CHROMIUM_FLAGS];
/** ms to wait for the map to be drawn before giving up. */
const TIMEOUT = 60_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.csv': 'text/csv',
};

/** The embed with its chrome hidden and the map at the picture's size: only map and attribution remain. */
const SNAPSHOT_CSS = `
  #map { width: ${PREVIEW.width}px !important; height: ${PREVIEW.height}px !important; }
  .embed-title, .embed-description, .embed-legend, .embed-foot, .maplibregl-ctrl-top-right { display: none !important; }`;

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Without a picture, the pages must not point at one (elements marked by the site plugin). */
function removePreviewReferences(dist: string): void {
  const meta = new RegExp(`<meta\\b[^>]*\\b${PREVIEW_MARK}[^>]*>\\s*`, 'g');
  // The <noscript> keeps its words: the picture's alt text becomes a paragraph.
  const picture = /<img class="noscript-preview"[^>]*?\salt="([^"]*)"[^>]*>/g;
  for (const name of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
    const path = join(dist, name);
    const html = readFileSync(path, 'utf8').replace(meta, '').replace(picture, '<p class="noscript-alt">$1</p>');
    writeFileSync(path, html.replace(NOSCRIPT_NOTE, 'The interactive map needs JavaScript. It shows:'));
  }
  for (const file of [OEMBED_FILE, ...publishedStories(join(dist, 'data')).map((s) => storyOembedFile(s.id))]) {
    const oembed = join(dist, file);
    if (!existsSync(oembed)) continue;
    const { thumbnail_url, thumbnail_width, thumbnail_height, ...rest } = JSON.parse(readFileSync(oembed, 'utf8'));
    void thumbnail_url, thumbnail_width, thumbnail_height;
    writeFileSync(oembed, `${JSON.stringify(rest, null, 2)}\n`);
  }
}

/** Renders the embed's first view (of a story: `embed.html?map=<id>`) as a picture of PREVIEW's size. */
export async function snapshot(site: string, out: string, story: string | null = null): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({
      viewport: { width: PREVIEW.width, height: PREVIEW.height },
      deviceScaleFactor: 1,
    });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The embed page, its style extended before any script runs, so the first fit is the picture's.
    await page.route(/\/embed\.html(\?|#|$)/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</head>', `<style>${SNAPSHOT_CSS}</style></head>`);
      await route.fulfill({ response, body: html });
    });
    await page.goto(new URL(story ? `embed.html?map=${encodeURIComponent(story)}` : 'embed.html', site).href);
    await page.waitForFunction(() => 'atlas' in window, undefined, { timeout: TIMEOUT });
    await page.evaluate(() => window.atlas.ready);
    // Let the late additions (region outlines) draw, then one last idle.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          window.atlas.map!.once('idle', () => done());
          window.atlas.map!.triggerRepaint();
        }),
    );
    await page.evaluate(() => document.fonts.ready);
    if (problems.length) throw new Error(problems.join('\n'));
    await page.locator('#map').screenshot({ path: out, animations: 'disabled' });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist' }, url: { type: 'string' }, out: { type: 'string' } },
  });
  const dist = resolve(values.dist as string);
  const out = resolve(values.out ?? join(dist, PREVIEW.file));
  if (!existsSync(CHROMIUM)) {
    console.warn(
      `snapshot: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH): skipped ${PREVIEW.file}; the pages go without a preview picture.`,
    );
    if (!values.url) removePreviewReferences(dist);
    return;
  }
  let server: Server | null = null;
  let site = values.url;
  if (!site) {
    if (!existsSync(join(dist, 'embed.html')))
      throw new Error(`snapshot: no built site in ${dist} (run vite build first).`);
    server = await serve(dist);
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
  try {
    await snapshot(site, out);
    console.log(`snapshot: ${out} (${PREVIEW.width} × ${PREVIEW.height})`);
    // Each story's own picture, for its oEmbed thumbnail (built sites only).
    if (!values.url) {
      for (const story of publishedStories(join(dist, 'data'))) {
        const file = join(dist, storyPreviewFile(story.id));
        await snapshot(site, file, story.id);
        console.log(`snapshot: ${file}`);
      }
    }
  } finally {
    server?.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
