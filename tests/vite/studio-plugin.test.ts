/** The studio's server half: it reads and writes only under data/, saves atomically with a backup, and saves only what builds. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accept, reject } from '../../src/studio/model.js';
import { createStudio, documentPath, saveAtomically } from '../../src/vite/studio-plugin.js';

const SEEDS = new URL('../../data/documents/', import.meta.url);
const ARTICLE = readFileSync(new URL('../fixtures/seeds/004_6d3f3a4742a89974.txt', import.meta.url), 'utf8');

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'studio-'));
  cpSync(SEEDS, join(dir, 'data/documents'), { recursive: true });
  return join(dir, 'data');
}

describe('studio server', () => {
  it('refuses names that could leave the documents directory', () => {
    const data = dataDir();
    for (const bad of ['../x.md', '..%2Fx.md', '/etc/passwd', 'a/b.md', 'x.txt', '.hidden.md', '', 42, 'x..md']) {
      expect(() => documentPath(data, bad), String(bad)).toThrow(/not a document name/);
    }
    expect(documentPath(data, 'ok-1.md')).toBe(join(data, 'documents/ok-1.md'));
  });

  it('does not follow a link out of the data directory', () => {
    const data = dataDir();
    const outside = join(data, '../outside.md');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(data, 'documents/link.md'));
    expect(() => documentPath(data, 'link.md')).toThrow(/link out of the data directory/);
    expect(() => createStudio(data).open('link.md')).toThrow(/link out/);
  });

  it('saves atomically and keeps the previous version as a backup', () => {
    const data = dataDir();
    const path = join(data, 'documents/a.md');
    expect(saveAtomically(path, 'one', join(data, 'backups'))).toBeNull();
    const backup = saveAtomically(path, 'two', join(data, 'backups'), 'stamp')!;
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(backup).toBe(join(data, 'backups/a.md.stamp.bak'));
    expect(readFileSync(backup, 'utf8')).toBe('one');
    // No temporary file is left behind.
    expect(readdirSync(join(data, 'documents')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('opens a seed and saves it unchanged byte for byte, with a backup', () => {
    const data = dataDir();
    const studio = createStudio(data, join(data, '..'));
    const name = studio.list()[0];
    const before = readFileSync(join(data, 'documents', name), 'utf8');
    const { doc } = studio.open(name);
    const saved = studio.save(name, doc);
    if (!saved.saved) throw new Error(saved.reason);
    expect(saved.path).toBe(`data/documents/${name}`);
    expect(readFileSync(join(data, 'documents', name), 'utf8')).toBe(before);
    expect(readFileSync(join(data, '..', saved.backup!), 'utf8')).toBe(before);
    expect(saved.events.length).toBeGreaterThan(0);
  });

  it('drafts a pasted article, checks it, and saves what was accepted, not what was rejected', () => {
    const data = dataDir();
    const studio = createStudio(data, join(data, '..'));
    const { name, doc } = studio.suggest({
      content: ARTICLE,
      title: 'Test article',
      publisher: 'Test',
      published: '2024-11-22',
      url: 'https://example.org/a',
    });
    expect(doc.annotations.length).toBeGreaterThan(0);
    const check = studio.check(name, doc);
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(check.diagnostics.some((d) => /review=pending/.test(d.message))).toBe(true);
    // Accept every place, reject every event: the saved file builds and has places only.
    let d = doc;
    for (let i = d.annotations.length - 1; i >= 0; i--)
      d = d.annotations[i].kind === 'event' ? reject(d, i) : accept(d, i);
    const saved = studio.save(name, d);
    if (!saved.saved) throw new Error(saved.reason);
    expect(saved.backup).toBeNull();
    const written = readFileSync(join(data, 'documents', name), 'utf8');
    expect(written).not.toMatch(/:event\[/);
    expect(written).not.toMatch(/review=pending/);
    expect(saved.events).toEqual([]);
  });

  it('refuses to save a document with errors, and says where', () => {
    const data = dataDir();
    const studio = createStudio(data, join(data, '..'));
    const name = studio.list()[0];
    const { doc } = studio.open(name);
    const broken = {
      ...doc,
      edited: true,
      annotations: [
        ...doc.annotations,
        { kind: 'event' as const, start: 0, end: 5, attributes: { id: 'x', type: 'strike' } },
      ],
    };
    const before = readFileSync(join(data, 'documents', name), 'utf8');
    const refused = studio.save(name, broken);
    expect(refused.saved).toBe(false);
    expect(refused.saved ? '' : refused.reason).toMatch(/not saved: the document has \d+ errors?/);
    expect(readFileSync(join(data, 'documents', name), 'utf8')).toBe(before);
    const located = studio.check(name, broken).diagnostics.filter((x) => x.severity === 'error');
    expect(located.length).toBeGreaterThan(0);
    expect(located[0].file).toBe(`data/documents/${name}`);
    expect(existsSync(join(data, 'backups'))).toBe(false);
  });

  it("lists a place name's gazetteer candidates as npm run place does, with a kind hint, and refuses a bad kind", () => {
    const studio = createStudio(dataDir());
    const odesa = studio.place('Odesa', null);
    expect(odesa.found).toBe(true);
    expect(odesa.rows.length).toBeGreaterThan(1);
    expect(odesa.rows.map((r) => r.country)).toContain('UA');
    expect(odesa.rows.map((r) => r.country)).toContain('US');
    for (const r of odesa.rows) expect(r.pin).toMatch(/^(geonames=\d+|wikidata=Q\d+)$/);
    const regions = studio.place('Odesa', 'region');
    expect(regions.rows[0].kind).toBe('region');
    expect(() => studio.place('Odesa', 'planet')).toThrow(/kind "planet"/);
    expect(() => studio.place('', null)).toThrow(/place name/);
  });
});
