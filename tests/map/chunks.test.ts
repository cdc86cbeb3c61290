import { describe, expect, it } from 'vitest';
import { ClaimChunks } from '../../src/map/chunks';

const CHUNKS: Record<string, unknown> = {
  'c0.json': { e1: { id: 'e1', claims: [{ excerpt: 'one' }] }, e2: { id: 'e2', claims: [] } },
  'c1.json': { e3: { id: 'e3', claims: [{ excerpt: 'three' }] }, bad: { id: 'bad' } },
};

function fetcher() {
  const asked: string[] = [];
  let failNext = false;
  const fetchJson = async (file: string) => {
    asked.push(file);
    if (failNext) {
      failNext = false;
      throw new Error('offline');
    }
    if (!(file in CHUNKS)) throw new Error('404');
    return CHUNKS[file];
  };
  return { asked, fetchJson, fail: () => (failNext = true) };
}

describe('ClaimChunks', () => {
  it('fetches a chunk once, for every event in it and for requests made while it loads', async () => {
    const f = fetcher();
    const chunks = new ClaimChunks(f.fetchJson, (n) => `c${n}.json`);
    const [a, b] = await Promise.all([chunks.get('e1', 0), chunks.get('e2', 0)]);
    expect(a?.claims).toEqual([{ excerpt: 'one' }]);
    expect(b?.id).toBe('e2');
    expect(await chunks.get('e1', 0)).toBe(a);
    expect(f.asked).toEqual(['c0.json']);
    expect((await chunks.get('e3', 1))?.claims).toEqual([{ excerpt: 'three' }]);
    expect(f.asked).toEqual(['c0.json', 'c1.json']);
  });

  it('gives null for an event missing from its chunk or without claims, and for a chunk that fails, which is tried again', async () => {
    const f = fetcher();
    const chunks = new ClaimChunks(f.fetchJson, (n) => `c${n}.json`);
    expect(await chunks.get('e9', 0)).toBeNull();
    expect(await chunks.get('bad', 1)).toBeNull();
    expect(await chunks.get('toString', 1)).toBeNull();
    expect(await chunks.get('x', 7)).toBeNull();
    f.fail();
    const fresh = new ClaimChunks(f.fetchJson, (n) => `c${n}.json`);
    expect(await fresh.get('e1', 0)).toBeNull();
    expect((await fresh.get('e1', 0))?.id).toBe('e1');
  });
});
