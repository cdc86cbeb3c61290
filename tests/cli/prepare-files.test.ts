import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, prepareFiles } from '../../src/cli/prepare-files.js';
import { run } from '../../src/cli/data.js';
import type { Resolver } from '../../src/compiler/document-places.js';

const doc = (id: string, place: string) => `---\nid: ${id}\ntitle: T\n---\nIn :place[${place}]{#p kind=bogus-${id}}.\n`;

describe('prepareFiles: a document the build fails on', () => {
  it('is an error located at that document, and the others are still read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepare-'));
    writeFileSync(join(dir, 'a.md'), doc('a', 'Kyiv'));
    writeFileSync(join(dir, 'b.md'), '---\nid: b\ntitle: T\n---\nIn :place[Boom]{#p}.\n');
    // A failure no check foresaw (here the resolver's), on b.md only.
    const resolve: Resolver = (qs) => {
      if (qs.some((q) => q.text === 'Boom')) throw new Error('resolver exploded');
      return qs.map(() => ({ ok: false, reason: 'unknown', message: 'unknown place', suggestions: [] })) as never;
    };
    const { prepared, unreadable } = prepareFiles([join(dir, 'a.md'), join(dir, 'b.md')], dir, resolve);
    expect(unreadable).toEqual([
      {
        severity: 'error',
        file: 'b.md',
        line: 1,
        column: 1,
        message: expect.stringMatching(/^the build failed on this document: resolver exploded \(a bug in the build/),
      },
    ]);
    // a.md's own problem is still reported, at its place.
    expect(prepared.map((p) => p.parsed.path)).toEqual(['a.md']);
    expect(prepared[0].diagnostics.some((d) => d.line === 5 && d.message.includes('"bogus-a"'))).toBe(true);
  });
});

describe('prepareFiles: what stands beside or instead of a document', () => {
  const none: Resolver = (qs) =>
    qs.map(() => ({ ok: false, reason: 'unknown', message: 'unknown place', suggestions: [] })) as never;
  it('reads a document beside a folder named like its published text (name.txt) as having none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepare-'));
    writeFileSync(join(dir, 'a.md'), '---\nid: a\ntitle: T\n---\nText.\n');
    mkdirSync(join(dir, 'a.txt'));
    const { prepared, unreadable } = prepareFiles([join(dir, 'a.md')], dir, none);
    expect(unreadable).toEqual([]);
    expect(prepared.map((p) => p.parsed.text)).toEqual(['Text.\n']);
  });
  it('says a document removed after it was listed cannot be read, at it, and reads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepare-'));
    writeFileSync(join(dir, 'b.md'), '---\nid: b\ntitle: T\n---\nText.\n');
    const { prepared, unreadable } = prepareFiles([join(dir, 'a.md'), join(dir, 'b.md')], dir, none);
    expect(unreadable).toEqual([
      {
        severity: 'error',
        file: 'a.md',
        line: 1,
        column: 1,
        message: 'cannot read the document: it was removed while the build ran; run the build again',
      },
    ]);
    expect(prepared.map((p) => p.parsed.path)).toEqual(['b.md']);
  });
});

describe('run (npm run data)', () => {
  it('reports an unexpected failure as one line and exit code 1, with no stack trace', async () => {
    const lines: string[] = [];
    // An --out inside a regular file cannot be written: the build itself runs, publishing fails.
    const dir = mkdtempSync(join(tmpdir(), 'run-'));
    writeFileSync(join(dir, 'a.md'), '---\nid: a\ntitle: T\n---\nText.\n');
    writeFileSync(join(dir, 'file'), 'x');
    const code = await run(['--in', dir, '--out', join(dir, 'file', 'out'), '--no-tiles'], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(
      /^data: error: the build failed: EEXIST: .*; nothing written \(unless it names --in or --out/,
    );
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('decodeDocument: text in another encoding', () => {
  it('names UTF-32 by its byte-order mark (FF FE 00 00 was called UTF-16)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0, 0x2d, 0, 0, 0]);
    const decoded = decodeDocument('a.md', bytes);
    expect('diagnostic' in decoded && decoded.diagnostic.message).toBe(
      'document is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8',
    );
  });
});
