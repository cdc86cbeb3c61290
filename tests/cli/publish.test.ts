import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { defaultStore, KEEP_VERSIONS, PIECE, pieces, publish, versionOf } from '../../src/cli/publish.js';

const root = join(import.meta.dirname, '../..');
const NAMES = [
  'events.geojson',
  'ranges.geojson',
  'events.csv',
  'ranges.csv',
  'events.schema.json',
  'ranges.schema.json',
  'events.csv.schema.json',
  'ranges.csv.schema.json',
];

/** A set of output files, every one marked with the build it belongs to and large enough that writing it takes a while. */
const filesOf = (build: string): Record<string, string> =>
  Object.fromEntries(NAMES.map((n) => [n, `${build}\n${`${n} of build ${build}. `.repeat(4000)}`]));
const buildOf = (content: string) => content.slice(0, content.indexOf('\n'));

describe('publish', () => {
  it('never lets a reader that resolves the output once see files of two builds, while builds alternate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    const out = join(dir, 'out');
    const sets = [filesOf('A'), filesOf('B')];
    writeFileSync(join(dir, 'sets.json'), JSON.stringify(sets));
    publish(out, sets[0]);
    const writer = spawn(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'tests/fixtures/cli/publish-loop.ts'), out, join(dir, 'sets.json'), '60'],
      { stdio: 'inherit' },
    );
    let exited: number | null = null;
    const done = new Promise<void>((resolve) =>
      writer.on('exit', (code) => {
        exited = code ?? -1;
        resolve();
      }),
    );
    const seen = new Map<string, number>();
    const mixed: string[] = [];
    while (exited === null) {
      const version = realpathSync(out);
      const builds = new Set(NAMES.map((n) => buildOf(readFileSync(join(version, n), 'utf8'))));
      const key = [...builds].sort().join('+');
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (builds.size > 1) mixed.push(key);
      await new Promise(setImmediate);
    }
    await done;
    expect(exited).toBe(0);
    expect(mixed).toEqual([]);
    // The reader did read while the writer worked, and saw both builds.
    expect(seen.get('A')).toBeGreaterThan(0);
    expect(seen.get('B')).toBeGreaterThan(0);
    expect(buildOf(readFileSync(join(out, 'events.csv'), 'utf8'))).toBe('B');
  }, 120_000);

  it('makes the output a link to a version named by its content, and keeps the latest few', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    const out = join(dir, 'data');
    for (const b of ['A', 'B', 'C', 'D', 'E']) publish(out, filesOf(b));
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(realpathSync(out)).toBe(realpathSync(join(defaultStore(out), versionOf(filesOf('E')))));
    expect(readdirSync(out).sort()).toEqual([...NAMES].sort());
    const versions = readdirSync(defaultStore(out)).filter((n) => n.startsWith('v-'));
    expect(versions).toHaveLength(KEEP_VERSIONS);
    expect(versions).toContain(versionOf(filesOf('E')));
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('replaces an output directory written before versions existed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    const out = join(dir, 'data');
    mkdirSync(out);
    writeFileSync(join(out, 'events.geojson'), 'old');
    publish(out, filesOf('A'));
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(buildOf(readFileSync(join(out, 'events.geojson'), 'utf8'))).toBe('A');
  });

  it('publishes into a store of its choosing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    const out = join(dir, 'public/data');
    publish(out, filesOf('A'), { store: join(dir, '.cache/builds') });
    expect(realpathSync(out)).toBe(realpathSync(join(dir, '.cache/builds', versionOf(filesOf('A')))));
    expect(readdirSync(join(dir, 'public'))).toEqual(['data']);
  });

  it("survives vite build: dist/ gets the current version's files, not the link nor the store", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    publish(join(dir, 'public/data'), filesOf('A'), { store: join(dir, '.cache/builds') });
    await build({ configFile: false, root: dir, logLevel: 'silent', build: { outDir: join(dir, 'dist') } });
    expect(lstatSync(join(dir, 'dist/data')).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, 'dist/data/events.geojson')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'dist/data/events.geojson'), 'utf8')).toBe(filesOf('A')['events.geojson']);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['data', 'index.html']);
  });

  it("writes and hashes a large text in pieces that never split a surrogate pair: the bytes are the whole text's", () => {
    // Astral characters (two UTF-16 units each) straddle every piece boundary somewhere.
    const text = `${'a'.repeat(PIECE - 1)}${'🛰️ Kyiv — «Київ» '.repeat(PIECE / 8)}`;
    const parts = [...pieces(text)];
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(PIECE);
    expect(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))).equals(Buffer.from(text, 'utf8'))).toBe(true);
    for (const size of [2, 3, 7]) expect([...pieces('a😀b😀😀', size)].join('')).toBe('a😀b😀😀');
    expect([...pieces('a😀', 2)]).toEqual(['a', '😀']);

    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    const out = join(dir, 'out');
    const files = { 'events.geojson': text, 'ranges.geojson': 'small' };
    publish(out, files);
    expect(readFileSync(join(out, 'events.geojson')).equals(Buffer.from(text, 'utf8'))).toBe(true);
    // The version hashes the text's UTF-8 bytes, as it would hash the same bytes given as bytes.
    expect(versionOf(files)).toBe(
      versionOf({ 'events.geojson': Buffer.from(text, 'utf8'), 'ranges.geojson': 'small' }),
    );
  });
});
