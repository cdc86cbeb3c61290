/**
 * What a page of this site must never do, for any spec to check: send a request beyond 127.0.0.1,
 * open a dialog, log an error, or break its Content-Security-Policy. And `serveSite`, a tiny static
 * server for a built site, with the headers and the replacement files a test chooses (a hostile data
 * file, a truncated one, a slow one).
 *
 * Use `test` from here for the checks to run after every test, or `guardPage` + `expectClean` by hand.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * The policy the README tells deployers to send (keep the two in step). Everything from the site
 * itself; MapLibre's worker is a file of the site, so no blob: workers. `img-src data:` is for
 * MapLibre's control icons and the favicon; `style-src 'unsafe-inline'` for the `<style>` the legend
 * generates (legend.ts). No frame-ancestors: the map is embedded in articles.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Harmless SwiftShader noise (see shared/testing.md). */
const IGNORED_CONSOLE = [/GPU stall due to ReadPixels/];

export interface Guard {
  /** Every request of the context, the MapLibre worker's included. */
  requests: string[];
  /** Requests that tried to leave 127.0.0.1 (all of them aborted). */
  external: string[];
  /** Console errors (page and workers) and uncaught exceptions. */
  errors: string[];
  /** Messages of alert, confirm, prompt and beforeunload dialogs (all dismissed). */
  dialogs: string[];
  /** Console errors matching these are expected by the test (a 404 it causes on purpose). */
  allowConsole(...patterns: RegExp[]): void;
}

/**
 * Starts watching a page: call before its first navigation. `securitypolicyviolation` events are
 * collected in the page (`window.__cspViolations`) by an init script, so they count from the first
 * byte of the document.
 */
export async function guardPage(page: Page, context: BrowserContext): Promise<Guard> {
  const allowed: RegExp[] = [...IGNORED_CONSOLE];
  const guard: Guard = {
    requests: [],
    external: [],
    errors: [],
    dialogs: [],
    allowConsole: (...p) => void allowed.push(...p),
  };
  // Sees every request of the context, the MapLibre worker's included.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    guard.requests.push(url.href);
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.fallback();
    guard.external.push(url.href);
    return route.abort('blockedbyclient');
  });
  const onConsole = (text: string, type: string) => {
    if (type === 'error' && !allowed.some((r) => r.test(text))) guard.errors.push(text);
  };
  page.on('console', (m) => onConsole(`${m.text()} (${m.location().url})`, m.type()));
  page.on('worker', (w) => w.on('console', (m) => onConsole(`worker: ${m.text()}`, m.type())));
  page.on('pageerror', (e) => guard.errors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    guard.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { __cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return guard;
}

/** The page's `securitypolicyviolation` events so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as Window & { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Fails unless nothing left 127.0.0.1, no dialog opened, nothing was logged as an error, no CSP violation. */
export async function expectClean(page: Page, guard: Guard): Promise<void> {
  expect(guard.external, 'requests that left 127.0.0.1').toEqual([]);
  expect(guard.dialogs, 'dialogs').toEqual([]);
  expect(guard.errors, 'console errors').toEqual([]);
  if (!page.isClosed()) expect(await cspViolations(page).catch(() => []), 'CSP violations').toEqual([]);
}

/** `test` whose every test runs guarded, and fails when the guard saw anything. */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, context }, use) => {
      const guard = await guardPage(page, context);
      await use(guard);
      await expectClean(page, guard);
    },
    { auto: true },
  ],
});

export { expect };

/** The built site the Playwright config made (PW_DIST), for specs that serve it themselves. */
export const DIST = resolve(process.env.PW_DIST ?? 'dist');

/**
 * What to answer for a path instead of the file: a status and a body, or only a delay (`wait`) after
 * which the file is served as usual.
 */
export interface Reply {
  status?: number;
  body?: string | Buffer;
  type?: string;
  /** The response is sent only once this settles (a slow network, released by the test). */
  wait?: Promise<unknown>;
  /** Announce the whole body, send this many bytes, then drop the connection (a download cut off). */
  cutAfter?: number;
}

export interface SiteOptions {
  /** Directory to serve (default: the built site, DIST). */
  root?: string;
  /** Headers sent with every response (e.g. Content-Security-Policy). */
  headers?: Record<string, string>;
  /** URL path prefixes served from other directories: `{ '/data/': '/tmp/out' }`. */
  mounts?: Record<string, string>;
}

export interface Site {
  /** Base URL of the site, ending in `/`. */
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Replies for chosen paths (`/data/events.geojson`, or a pattern) until `clear()`; the rest is served from disk. */
  reply(path: string | RegExp, reply: Reply): void;
  clear(): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pbf': 'application/x-protobuf',
};

/** A static server on 127.0.0.1 and a free port, like any static host plus chosen headers. */
export async function serveSite(options: SiteOptions = {}): Promise<Site> {
  const root = resolve(options.root ?? DIST);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`No built site at ${root}: run the Playwright config's build (vite build --outDir ${root}).`);
  const replies: Array<[string | RegExp, Reply]> = [];
  const requests: string[] = [];

  const fileFor = (path: string): string | null => {
    for (const [prefix, dir] of Object.entries(options.mounts ?? {})) {
      if (path.startsWith(prefix)) return join(resolve(dir), normalize(path.slice(prefix.length)));
    }
    return join(root, normalize(path === '/' ? '/index.html' : path));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
    const reply = replies.find(([p]) => (typeof p === 'string' ? p === path : p.test(path)))?.[1];
    await reply?.wait;
    if (reply && (reply.body !== undefined || reply.status !== undefined)) {
      const body = Buffer.from(reply.body ?? '');
      res.writeHead(reply.status ?? 200, {
        'Content-Type': reply.type ?? TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Length': body.length,
      });
      if (req.method === 'HEAD') res.end();
      else if (reply.cutAfter !== undefined) res.write(body.subarray(0, reply.cutAfter), () => res.destroy());
      else res.end(body);
      return;
    }
    const file = fileFor(path);
    if (!file || path.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    reply: (path, r) => void replies.unshift([path, r]),
    clear: () => void replies.splice(0),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Opens the app at a URL and waits for `atlas.ready` (the data drawn). */
export async function openReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => 'atlas' in window);
  await page.evaluate(() => window.atlas.ready);
}
