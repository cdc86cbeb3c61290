import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/suggest.js';
import { readText, runBatch } from '../../src/cli/suggest-batch.js';
import {
  draftContext,
  draftParts,
  weaponsDefinedBy,
  weaponsDefinedIn,
  writeParts,
} from '../../src/cli/suggest-draft.js';

/** A handful of small articles: two name the same catalogued weapon, one is HTML with its own date. */
function articles(dir: string) {
  mkdirSync(join(dir, 'in', 'more'), { recursive: true });
  const files = {
    a: join(dir, 'in', 'a-depot.txt'),
    b: join(dir, 'in', 'b-shahed.txt'),
    c: join(dir, 'in', 'more', 'c-odesa.html'),
    d: join(dir, 'in', 'more', 'd-kharkiv.md'),
  };
  writeFileSync(
    files.a,
    'A drone struck an oil depot in the Bryansk region of Russia on Tuesday, the governor said.\n',
  );
  writeFileSync(
    files.b,
    'Russia launched 40 Shahed-136 drones at Kyiv overnight on Sunday, the Ukrainian air force said. Most were shot down.\n',
  );
  writeFileSync(
    files.c,
    '<!doctype html><html><head><title>Odesa</title><meta property="article:published_time" content="2024-11-18T09:00:00Z"><meta property="og:site_name" content="The Paper"></head><body><article><h1>Drones hit Odesa port</h1><p>Shahed-136 drones struck the port of Odesa on Monday, the regional governor said. Two people were injured.</p><p>The attack damaged grain silos, according to the port authority.</p></article></body></html>',
  );
  writeFileSync(files.d, '# Kharkiv\n\nA missile hit Kharkiv on Friday, the mayor said.\n');
  return files;
}

const listing = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('npm run suggest -- --out-dir', () => {
  it('drafts files and folders in one process on two threads, each draft byte for byte the single-file mode’s run in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-batch-'));
    const f = articles(dir);
    const single = join(dir, 'single');
    for (const [file, id] of [
      [f.a, 'a-depot'],
      [f.b, 'b-shahed'],
      [f.c, 'c-odesa'],
      [f.d, 'd-kharkiv'],
    ])
      expect(await main([file, '--out', join(single, `${id}.md`)])).toBe(0);
    const batch = join(dir, 'batch');
    const lines: string[] = [];
    const r = await runBatch({
      inputs: [f.a, f.b, join(dir, 'in', 'more')],
      outDir: batch,
      jobs: 2,
      overrides: {},
      log: (l) => lines.push(l),
    });
    expect(r).toMatchObject({ articles: 4, drafted: 4, failed: 0, jobs: 2 });
    const got = listing(batch);
    expect(got).toEqual(listing(single));
    // The weapon the first draft defines, the later ones refer to (as the single-file mode does, its folder read).
    expect(got['b-shahed.md']).toMatch(/:weapon\[Shahed-136\]\{#shahed-136 /);
    expect(got['c-odesa.md']).toMatch(/:weapon\[Shahed-136\]\{of=shahed-136 /);
    expect(got['c-odesa.md']).toMatch(/^published: ['"]?2024-11-18/m);
    expect(lines.at(-1)).toMatch(/4 articles: 4 drafted .* 0 failed/);
    // The weapons the batch counts as defined by a draft are the ones the build reads from it.
    const ctx = draftContext();
    for (const [file, id] of [
      [f.b, 'b-shahed'],
      [f.c, 'c-odesa'],
    ]) {
      const parts = draftParts(readText(file), file, id, {}, ctx, new Set());
      expect(weaponsDefinedBy(parts)).toEqual(weaponsDefinedIn(`${id}.md`, writeParts(parts)));
      expect(weaponsDefinedBy(parts)).toEqual(['shahed-136']);
    }
  }, 240_000);

  it('a bad file gets a line naming it, the others are drafted, drafts there are kept unless --force, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-batch-'));
    const f = articles(dir);
    const bad = join(dir, 'in', 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from('Line one.\nA drone hit Kyiv on '), Buffer.from([0xff, 0x0a])]));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a-depot.md'), 'kept\n');
    const lines: string[] = [];
    const r = await runBatch({
      inputs: [join(dir, 'in'), join(dir, 'missing.txt')],
      outDir: out,
      jobs: 1,
      overrides: { published: '2024-12-10' },
      log: (l) => lines.push(l),
    });
    expect(r).toMatchObject({ drafted: 3, failed: 4 });
    expect(lines).toContain(`suggest: ${bad}:2:21: not UTF-8 text`);
    expect(lines).toContain(
      `suggest: ${join(dir, 'in', 'empty.txt')}: no article text (an empty file, or no main text in the HTML)`,
    );
    expect(lines).toContain(`suggest: ${join(dir, 'missing.txt')}: does not exist`);
    expect(lines).toContain(
      `suggest: ${f.a}: ${join(out, 'a-depot.md')} exists already (give --force to overwrite it)`,
    );
    expect(readFileSync(join(out, 'a-depot.md'), 'utf8')).toBe('kept\n');
    expect(existsSync(join(out, 'bad.md'))).toBe(false);
    expect(readFileSync(join(out, 'b-shahed.md'), 'utf8')).toMatch(/^published: ['"]?2024-12-10/m);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--out-dir', out, '--jobs', '1', f.a, f.a.replace('a-depot', 'x')])).toBe(1);
      expect(await main(['--out-dir', out, '--jobs', '1', '--force', f.a])).toBe(0);
      expect(await main(['--out-dir', out, '--out', join(out, 'x.md'), f.a])).toBe(2);
      expect(await main(['--jobs', '2', f.a])).toBe(2);
    } finally {
      stderr.mockRestore();
    }
    expect(readFileSync(join(out, 'a-depot.md'), 'utf8')).toMatch(/^---\n/);
  }, 240_000);
});
