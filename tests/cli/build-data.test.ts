import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataBuilder, startWorker } from '../../src/cli/build-data.js';
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
