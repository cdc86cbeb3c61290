import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/suggest.js';
import { parseDocumentText } from '../../src/compiler/parse.js';

describe('npm run suggest', () => {
  it('writes the draft into a folder that does not exist yet, and the draft gives the article back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
    const article = join(dir, 'article.txt');
    const text = 'A drone struck an oil depot in the Bryansk region of Russia on Tuesday, the governor said.\n';
    writeFileSync(article, text);
    const out = join(dir, 'new', 'documents', 'depot.md');
    expect(await main([article, '--published', '2024-12-10', '--title', 'Depot', '--out', out])).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(parseDocumentText('depot.md', readFileSync(out, 'utf8')).text).toBe(text);
  }, 120_000);

  it('keeps a document already at --out (a reviewed draft) unless --force is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
    const article = join(dir, 'article.txt');
    writeFileSync(
      article,
      'A drone struck an oil depot in the Bryansk region of Russia on Tuesday, the governor said.\n',
    );
    const out = join(dir, 'depot.md');
    writeFileSync(out, 'reviewed by hand\n');
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await main([article, '--published', '2024-12-10', '--out', out])).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    expect(readFileSync(out, 'utf8')).toBe('reviewed by hand\n');
    expect(errors.join('')).toContain(`${out} exists already; nothing written`);
    expect(await main([article, '--published', '2024-12-10', '--out', out, '--force'])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^---\n/);
    expect(await main([article, '--force'])).toBe(2);
  }, 120_000);

  it('takes the author and, without --published, the publication date from a byline line of a plain-text article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
    const article = join(dir, 'article.txt');
    writeFileSync(
      article,
      'Depot hit\nBy Olena Hrytsenko, December 11, 2024\nA drone struck an oil depot in the Bryansk region of Russia on Tuesday, the governor said.\n',
    );
    const out = join(dir, 'depot.md');
    expect(await main([article, '--out', out])).toBe(0);
    const draft = readFileSync(out, 'utf8');
    expect(draft).toMatch(/^author: Olena Hrytsenko$/m);
    expect(draft).toMatch(/^published: 2024-12-11$/m);
    // "on Tuesday" counted from the byline's date.
    expect(draft).toMatch(/date=2024-12-10/);
  }, 120_000);
});
