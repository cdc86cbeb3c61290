import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './scripts/chromium.js';
import { ensureServedData } from './tests/e2e/data.js';

/**
 * Port of the preview server the tests drive (the built site, as in production), and the directory
 * it is built into; both can be set so that several runs on one machine do not share a server.
 */
const PORT = Number(process.env.PW_PORT ?? 4317);
const DIST = process.env.PW_DIST ?? 'dist';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}
// Until the data build has written public/data, serve the app fixture.
ensureServedData();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // 2 shared cores, and SwiftShader renders WebGL on the CPU: one spec file at a time. PW_WORKERS=2 runs
  // two files at a time (their tests still in order in one worker); it is not the default because it
  // has not yet stayed green with two busy CPU loops beside it (an axe scan passed the 90 s timeout on
  // a machine at load 20).
  workers: Number(process.env.PW_WORKERS ?? 1),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${DIST} && npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    // A failed test keeps its trace (actions, DOM snapshots, sources) but not the trace's screencast:
    // recording frames of a WebGL page on SwiftShader cost about a quarter more browser CPU per app
    // boot (measured: 11.6 s against 9.1 s of CPU per boot at 1280×800). The failure's screenshot stays.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: CHROMIUM,
      // WebGL2 on SwiftShader; never --use-gl or --disable-software-rasterizer (see shared/testing.md).
      args: [...CHROMIUM_FLAGS],
    },
  },
});
