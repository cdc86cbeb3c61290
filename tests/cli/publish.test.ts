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
import {
  defaultStore,
  encoded,
  KEEP_VERSIONS,
  PIECE,
  pieces,
  publish,
  publishOutputs,
  versionOf,
} from '../../src/cli/publish.js';

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

  it('encodes pieces as the UTF-8 of their joined text, in bounded batches, even where a piece splits a surrogate pair', () => {
    const text = 'a😀b — «Київ» 🛰️ end😀';
    // Every way of cutting the text into pieces of 1 to 4 units, halves of pairs included, for several batch sizes.
    for (let cut = 1; cut <= 4; cut++) {
      const parts = Array.from({ length: Math.ceil(text.length / cut) }, (_, i) => text.slice(i * cut, (i + 1) * cut));
      const high = (p: string) => p.charCodeAt(p.length - 1) >= 0xd800 && p.charCodeAt(p.length - 1) <= 0xdbff;
      if (cut <= 2) expect(parts.some(high)).toBe(true);
      for (const size of [2, 3, 5, 64]) {
        const batches = [...encoded(parts, size)];
        expect(Buffer.concat(batches).equals(Buffer.from(text, 'utf8'))).toBe(true);
        // Encoded into one scratch buffer, each batch a view of it until the next: the same bytes.
        const scratch = Buffer.alloc(3 * size);
        const viewed: Buffer[] = [];
        for (const b of encoded(parts, size, scratch)) {
          if (size >= 5) expect(b.buffer).toBe(scratch.buffer);
          viewed.push(Buffer.from(b));
        }
        expect(Buffer.concat(viewed).equals(Buffer.from(text, 'utf8'))).toBe(true);
        // A batch is at most `size` units plus the pair kept whole, never a lone half (which would encode as U+FFFD).
        for (const b of batches) expect(Buffer.from(b).toString('utf8')).not.toContain('\ufffd');
        expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3 * (size + cut + 1));
      }
    }
    // Bytes pass through, between texts.
    const bytes = new Uint8Array([0, 255, 1]);
    expect(Buffer.concat([...encoded(['x', bytes, 'y'])]).equals(Buffer.from([0x78, 0, 255, 1, 0x79]))).toBe(true);
  });

  it('publishes outputs made piece by piece as the same files and version as their whole texts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    const files = { ...filesOf('A'), 'maps/x.json': '{"a":"😀"}', 'events.pmtiles': new Uint8Array([1, 2, 3]) };
    // Pieces of 7 units (some end between the halves of a pair), given out of name order.
    const cutUp = (content: string | Uint8Array): Array<string | Uint8Array> =>
      typeof content === 'string'
        ? Array.from({ length: Math.ceil(content.length / 7) }, (_, i) => content.slice(i * 7, i * 7 + 7))
        : [content];
    const outputs = Object.entries(files)
      .reverse()
      .map(([name, content]) => ({ name, chunks: cutUp(content) }));
    const version = publishOutputs(join(dir, 'streamed'), outputs);
    expect(version).toBe(versionOf(files));
    expect(publish(join(dir, 'whole'), files)).toBe(version);
    for (const name of Object.keys(files))
      expect(readFileSync(join(dir, 'streamed', name)).equals(readFileSync(join(dir, 'whole', name)))).toBe(true);
    expect(readFileSync(join(dir, 'streamed', 'maps/x.json'), 'utf8')).toBe('{"a":"😀"}');
    expect(realpathSync(join(dir, 'streamed'))).toBe(realpathSync(join(defaultStore(join(dir, 'streamed')), version)));
    expect(() => publishOutputs(join(dir, 'twice'), [outputs[0], outputs[0]])).toThrow(/two outputs named/);
    expect(existsSync(join(dir, 'twice'))).toBe(false);
  });
});
