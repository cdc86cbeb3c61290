import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { atlasData } from '../../src/vite/data-plugin.js';

const root = join(import.meta.dirname, '../..');

describe('the dev loop', () => {
  let dir: string;
  let server: ViteDevServer;
  const sent: unknown[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-dev-'));
    cpSync(join(root, 'data/documents'), join(dir, 'documents'), { recursive: true });
    cpSync(join(root, 'data/areas'), join(dir, 'areas'), { recursive: true });
    server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', ws: false },
      plugins: [atlasData({ in: join(dir, 'documents'), out: join(dir, 'public/data'), areas: join(dir, 'areas') })],
    });
    vi.spyOn(server.ws, 'send').mockImplementation((payload: unknown) => {
      sent.push(payload);
    });
    await vi.waitFor(
      () => {
        if (readOrNull(join(dir, 'public/data/events.geojson')) === null) throw new Error('no output yet');
      },
      { timeout: 30_000, interval: 50 },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('rebuilds the data and reloads the page when a document changes', async () => {
    const doc = join(dir, 'documents/002_dbc3ea045d314c19.md');
    const before = readOrNull(join(dir, 'public/data/events.geojson'))!;
    const started = performance.now();
    writeFileSync(
      doc,
      readFileSync(doc, 'utf8').replace(
        'summary="Record attack by 188 Russian drones',
        'summary="Edited: record attack by 188 Russian drones',
      ),
    );
    server.watcher.emit('change', doc);
    await expect.poll(() => readOrNull(join(dir, 'public/data/events.geojson')), { timeout: 10_000 }).not.toBe(before);
    console.log(`dev loop: output rebuilt ${Math.round(performance.now() - started)} ms after the edit`);
    expect(readOrNull(join(dir, 'public/data/events.geojson'))).toContain('Edited: record attack');
    expect(sent).toContainEqual({ type: 'full-reload', path: '*' });
  });

  it('serves the published output (a link to its current version) over HTTP, before and after a rebuild', async () => {
    await server.listen();
    const url = (file: string) => new URL(`data/${file}`, server.resolvedUrls!.local[0]).href;
    const doc = join(dir, 'documents/002_dbc3ea045d314c19.md');
    for (const mark of ['Served once', 'Served twice']) {
      writeFileSync(
        doc,
        readFileSync(doc, 'utf8').replace(/summary="[^"]*188 Russian drones/, `summary="${mark}: 188 Russian drones`),
      );
      server.watcher.emit('change', doc);
      await expect.poll(() => readOrNull(join(dir, 'public/data/events.geojson')), { timeout: 10_000 }).toContain(mark);
      const response = await fetch(url('events.geojson'));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(readOrNull(join(dir, 'public/data/events.geojson')));
    }
  });

  it('shows build errors in the overlay and keeps the last good data', async () => {
    const doc = join(dir, 'documents/002_dbc3ea045d314c19.md');
    const good = readOrNull(join(dir, 'public/data/events.geojson'));
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('date=2024-11-27', 'date=2024-11-31'));
    sent.length = 0;
    server.watcher.emit('change', doc);
    await expect
      .poll(() => sent.find((m) => (m as { type: string }).type === 'error'), { timeout: 10_000 })
      .toBeTruthy();
    const error = sent.find((m) => (m as { type: string }).type === 'error') as { err: { message: string } };
    expect(error.err.message).toMatch(/002_dbc3ea045d314c19\.md:\d+:\d+: error: .*2024-11 has no day 31/);
    expect(readOrNull(join(dir, 'public/data/events.geojson'))).toBe(good);
  });
});

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
