import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataBuilder, startWorker } from '../../src/cli/build-data.js';
import { publish, publishOutputs, versionOf } from '../../src/cli/publish.js';
import { LARGE_ARCHIVE } from '../../src/constants.js';
import { PAGE_INDEX, TILES_FILE, TILES_MEMBER, INDEX_MEMBER, chunkName } from '../../src/contract.js';
import { generateArchive } from '../../bench/scale/generate.js';
import { listDocuments } from '../../src/cli/documents.js';
import { claimChunk, prepareFiles, type PreparedChunk } from '../../src/cli/prepare-files.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';

const root = join(import.meta.dirname, '../..');

describe('createDataBuilder', () => {
  it('gives the same output with worker threads as on one thread', async () => {
    const dir = join(root, 'tests/fixtures/compiler/claims');
    const one = await createDataBuilder(join(root, 'data/documents'), { cwd: root, workers: 0 }).build();
    const two = await createDataBuilder(join(root, 'data/documents'), { cwd: root, workers: 2, chunk: 1 }).build();
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.files).toEqual(one.files);
    const fixturesOne = await createDataBuilder(dir, { cwd: root, workers: 0 }).build();
    const fixturesTwo = await createDataBuilder(dir, { cwd: root, workers: 2, chunk: 1 }).build();
    expect(fixturesTwo.files).toEqual(fixturesOne.files);
  }, 60_000);

  it('gives the same output from its parse cache as from a fresh parse', async () => {
    const builder = createDataBuilder(join(root, 'data/documents'), { cwd: root, workers: 0 });
    const first = await builder.build();
    const second = await builder.build();
    expect(second.files).toEqual(first.files);
    // A one-shot builder (npm run data) keeps no parsed document, and builds the same.
    const oneShot = createDataBuilder(join(root, 'data/documents'), { cwd: root, reuse: false });
    expect((await oneShot.build()).files).toEqual(first.files);
    expect((await oneShot.build()).files).toEqual(first.files);
  });

  it('has a worker prepare, chunk by chunk, exactly what this thread prepares', async () => {
    const paths = listDocuments(join(root, 'data/documents'));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const chunks: PreparedChunk[] = [];
    await startWorker({ paths, cwd: root, chunk: 1, next }, (c) => chunks.push(c));
    expect(chunks.map((c) => c.index)).toEqual(paths.map((_, i) => i));
    expect(Atomics.load(next, 0)).toBeGreaterThan(paths.length - 1);
    const gazetteer = loadGazetteer();
    const here = prepareFiles(paths, root, (qs, ctx) => resolveDocument(gazetteer, qs, ctx));
    expect(chunks.flatMap((c) => c.files.prepared)).toEqual(here.prepared);
  }, 60_000);

  it('claims the chunks left on the shared counter, and none once it has run past the end', () => {
    const work = {
      paths: ['a', 'b', 'c', 'd', 'e'],
      cwd: root,
      chunk: 2,
      next: new Int32Array(new SharedArrayBuffer(4)),
    };
    Atomics.store(work.next, 0, 1);
    expect(claimChunk(work)).toEqual({ index: 1, paths: ['c', 'd'] });
    expect(claimChunk(work)).toEqual({ index: 2, paths: ['e'] });
    expect(claimChunk(work)).toBeNull();
    expect(claimChunk(work)).toBeNull();
  });
});

/** Every file under `dir` (story files sit in a folder), by path relative to it. */
function filesUnder(dir: string, prefix = ''): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(files, filesUnder(path, `${prefix}${name}/`));
    else files[`${prefix}${name}`] = readFileSync(path);
  }
  return files;
}

describe('the streamed build', () => {
  /** Publishes a builder's stream() and another's whole build(); returns both directories' files and versions. */
  async function both(input: string, cwd: string, options: { tiles?: boolean } = {}) {
    const out = mkdtempSync(join(tmpdir(), 'atlas-stream-'));
    const streamed = await createDataBuilder(input, { cwd, reuse: false, ...options }).stream();
    const whole = await createDataBuilder(input, { cwd, reuse: false, ...options }).build();
    expect(streamed.outputs).not.toBeNull();
    expect(streamed.diagnostics).toEqual(whole.diagnostics);
    const all = { ...whole.files!, ...whole.binary };
    const version = publishOutputs(join(out, 'streamed'), streamed.outputs!);
    expect(publish(join(out, 'whole'), all)).toBe(version);
    expect(version).toBe(versionOf(all));
    const files = filesUnder(join(out, 'streamed'));
    expect(Object.keys(files).sort()).toEqual(Object.keys(all).sort());
    const wholeFiles = filesUnder(join(out, 'whole'));
    for (const name of Object.keys(all)) expect(files[name].equals(wholeFiles[name]), name).toBe(true);
    rmSync(out, { recursive: true, force: true });
    return { files, all };
  }

  it('writes, file by file as it is made, the golden GeoJSON and the same bytes and version as the whole build', async () => {
    for (const [name, input] of [
      ['seeds', 'data/documents'],
      ['claims', 'tests/fixtures/compiler/claims'],
    ]) {
      const { files } = await both(join(root, input), root);
      // The golden files were written by the whole-string build, before outputs came in pieces.
      for (const kind of ['events', 'ranges'])
        expect(
          files[`${kind}.geojson`].equals(
            readFileSync(join(root, `tests/fixtures/compiler/golden/${name}.${kind}.geojson`)),
          ),
          `${name}.${kind}`,
        ).toBe(true);
      expect(files['events.csv'].toString('utf8').split('\r\n').length).toBeGreaterThan(2);
    }
  }, 60_000);

  it("streams a large archive's index, chunks and tiles as the whole build makes them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-stream-large-'));
    try {
      for (const [path, text] of generateArchive({ docs: 200, events: LARGE_ARCHIVE, seed: 5 })) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { files } = await both(join(dir, 'documents'), dir, { tiles: true });
      expect(files[TILES_FILE].length).toBeGreaterThan(0);
      const ranges = JSON.parse(files['ranges.geojson'].toString('utf8'));
      expect([ranges[TILES_MEMBER], ranges[INDEX_MEMBER]]).toEqual([TILES_FILE, PAGE_INDEX]);
      // The index and chunks are the JSON.stringify of what they hold; events.geojson a feature a line.
      const index = files[PAGE_INDEX].toString('utf8');
      expect(JSON.stringify(JSON.parse(index))).toBe(index);
      expect(JSON.parse(index).chunks).toBe(2);
      for (const n of [0, 1]) {
        const chunk = files[chunkName(n)].toString('utf8');
        expect(JSON.stringify(JSON.parse(chunk))).toBe(chunk);
      }
      const events = JSON.parse(files['events.geojson'].toString('utf8'));
      expect(events.features).toHaveLength(LARGE_ARCHIVE);
      expect(files['events.geojson'].toString('utf8')).toBe(
        `{"type":"FeatureCollection","features":[\n${events.features.map((f: unknown) => JSON.stringify(f)).join(',\n')}\n]}\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('streams nothing when the build has errors', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'atlas-stream-empty-'));
    const out = await createDataBuilder(empty, { cwd: empty }).stream();
    expect(out.outputs).toBeNull();
    expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    rmSync(empty, { recursive: true, force: true });
  });
});
