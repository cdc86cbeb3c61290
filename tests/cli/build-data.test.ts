import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataBuilder } from '../../src/cli/build-data.js';

const root = join(import.meta.dirname, '../..');

describe('createDataBuilder', () => {
  it('gives the same output with worker threads as on one thread', async () => {
    const dir = join(root, 'tests/fixtures/build/claims');
    const one = await createDataBuilder(join(root, 'data/documents'), { cwd: root, workers: 0 }).build();
    const two = await createDataBuilder(join(root, 'data/documents'), { cwd: root, workers: 2 }).build();
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.files).toEqual(one.files);
    const fixturesOne = await createDataBuilder(dir, { cwd: root, workers: 0 }).build();
    const fixturesTwo = await createDataBuilder(dir, { cwd: root, workers: 2 }).build();
    expect(fixturesTwo.files).toEqual(fixturesOne.files);
  }, 60_000);

  it('gives the same output from its parse cache as from a fresh parse', async () => {
    const builder = createDataBuilder(join(root, 'data/documents'), { cwd: root, workers: 0 });
    const first = await builder.build();
    const second = await builder.build();
    expect(second.files).toEqual(first.files);
  });
});
