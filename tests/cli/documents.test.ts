import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../src/cli/documents.js';

function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-docs-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'atlas-elsewhere-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.md'), 'a');
  writeFileSync(join(elsewhere, 'b.md'), 'b');
  mkdirSync(join(elsewhere, 'sub'));
  writeFileSync(join(elsewhere, 'sub', 'c.md'), 'c');
  return { dir: join(dir, 'in'), elsewhere };
}

describe('findDocuments', () => {
  it('follows symbolic links to documents and to folders', () => {
    const { dir, elsewhere } = tree();
    symlinkSync(join(elsewhere, 'b.md'), join(dir, 'linked.md'));
    symlinkSync(join(elsewhere, 'sub'), join(dir, 'folder'));
    const found = findDocuments(dir);
    expect(found.problems).toEqual([]);
    expect(found.paths).toEqual([join(dir, 'a.md'), join(dir, 'folder', 'c.md'), join(dir, 'linked.md')]);
  });

  it('reports a link that loops back to its own folder, and one that points nowhere, at the link', () => {
    const { dir } = tree();
    mkdirSync(join(dir, 'deep'));
    symlinkSync(dir, join(dir, 'deep', 'up'));
    symlinkSync(join(dir, 'missing.md'), join(dir, 'gone.md'));
    const found = findDocuments(dir);
    expect(found.paths).toEqual([join(dir, 'a.md')]);
    expect(found.problems.map((p) => p.path)).toEqual([join(dir, 'deep', 'up'), join(dir, 'gone.md')]);
    expect(found.problems[0].message).toContain('loops back');
    expect(found.problems[1].message).toContain('points to nothing');
  });

  it('builds a document reached twice through a link once', () => {
    const { dir } = tree();
    symlinkSync(join(dir, 'a.md'), join(dir, 'z.md'));
    expect(findDocuments(dir).paths).toEqual([join(dir, 'a.md')]);
  });

  it('warns about a file named as Markdown another way instead of skipping it without a word', () => {
    const { dir } = tree();
    writeFileSync(join(dir, 'strike.markdown'), 'x');
    writeFileSync(join(dir, 'LEAD.MD'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, 'README.markdown'), 'x');
    const found = findDocuments(dir);
    expect(found.paths).toEqual([join(dir, 'a.md')]);
    expect(found.problems.map((p) => [p.path, p.severity])).toEqual([
      [join(dir, 'LEAD.MD'), 'warning'],
      [join(dir, 'strike.markdown'), 'warning'],
    ]);
    expect(found.problems[1].message).toContain('rename it strike.md');
  });

  it('warns about a folder named like a document that holds none, and a pipe named like one, instead of saying nothing', () => {
    const { dir } = tree();
    mkdirSync(join(dir, 'lead.md'));
    mkdirSync(join(dir, 'bundle.md'));
    writeFileSync(join(dir, 'bundle.md', 'text.md'), 'x');
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const found = findDocuments(dir);
    expect(found.paths).toEqual([join(dir, 'a.md'), join(dir, 'bundle.md', 'text.md')]);
    expect(found.problems.map((p) => [p.path, p.severity, p.message])).toEqual([
      [
        join(dir, 'lead.md'),
        'warning',
        expect.stringContaining('a folder named like a document, and it holds no *.md'),
      ],
      [join(dir, 'pipe.md'), 'warning', expect.stringContaining('not a regular file (a pipe, socket or device)')],
    ]);
  });
});
