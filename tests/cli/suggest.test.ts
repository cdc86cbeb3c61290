import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, run } from '../../src/cli/suggest.js';
import { createDataBuilder } from '../../src/cli/build-data.js';
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

/** Runs `main`, returning its exit code and what it wrote to standard error. */
async function runQuiet(argv: string[]): Promise<{ code: number; errors: string }> {
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    errors.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(argv), errors: errors.join('') };
  } finally {
    process.stderr.write = write;
  }
}

describe('npm run suggest, whatever the article', () => {
  it.each([
    ['an empty file', 'empty.txt', '', 'empty'],
    ['blank lines only', 'blank.txt', '\n \r\n\t\n', 'blank'],
    [
      'a page with an empty body',
      'page.html',
      '<!doctype html><html><head><title>Only a title</title></head><body></body></html>',
      'Only a title',
    ],
    [
      'a first line of spaces',
      'lead.txt',
      '   \nRussian drones struck Kharkiv on Monday.\n',
      'Russian drones struck Kharkiv on Monday.',
    ],
  ])(
    'drafts %s as a document that builds with exit 0, with a title that is not blank',
    async (_, name, content, title) => {
      const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
      const article = join(dir, name);
      writeFileSync(article, content);
      const docs = join(dir, 'docs');
      const out = join(docs, 'draft.md');
      expect(await main([article, '--published', '2024-12-10', '--out', out])).toBe(0);
      const parsed = parseDocumentText('draft.md', readFileSync(out, 'utf8'));
      expect(parsed.frontMatter?.title).toBe(title);
      const built = await createDataBuilder(docs, { cwd: dir }).build();
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(built.files).not.toBeNull();
    },
    120_000,
  );

  it('says what is wrong with the invocation, exit 2, and throws nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
    const article = join(dir, 'article.txt');
    writeFileSync(article, 'A drone struck an oil depot in the Bryansk region on Tuesday.\n');
    const cases: Array<[string[], string]> = [
      [[dir], `${dir} is a directory: give one article file, or --out-dir DIR`],
      [[article, '--published', '2024-02-30'], '--published "2024-02-30" is no day of the calendar'],
      [[article, '--title', ' '], '--title is blank'],
      [
        [article, '--out', join(article, 'sub', 'x.md')],
        `--out ${join(article, 'sub', 'x.md')} cannot be written: ${article} is a file, not a directory`,
      ],
      [[article, '--out', dir], `--out ${dir} is a directory`],
    ];
    for (const [argv, message] of cases) {
      const r = await runQuiet(argv);
      expect(r.code).toBe(2);
      expect(r.errors).toContain(`suggest: ${message}`);
    }
  }, 120_000);

  it.runIf(process.platform === 'linux')(
    'reports a failure no check foresaw as one line, exit 1, no stack trace',
    async () => {
      const errors: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string) => {
        errors.push(String(chunk));
        return true;
      }) as typeof process.stderr.write;
      let code: number;
      try {
        // /proc takes no new file: writing the draft fails after every check has passed.
        const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
        writeFileSync(join(dir, 'a.txt'), 'A drone struck Kyiv.\n');
        code = await run([join(dir, 'a.txt'), '--published', '2024-12-10', '--out', '/proc/suggest-draft.md']);
      } finally {
        process.stderr.write = write;
      }
      expect(code!).toBe(1);
      expect(errors.join('')).toMatch(/^suggest: error: .*; no draft written\n$/);
    },
  );
});
