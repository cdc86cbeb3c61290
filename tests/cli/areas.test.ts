import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArea, readAreaWithin } from '../../src/cli/areas.js';

const SECRET = 'SECRET-CONTENT-42';
const POLY = '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}';

function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'areas-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'areas'));
  writeFileSync(join(dir, 'areas/ok.geojson'), POLY);
  writeFileSync(join(dir, 'outside.geojson'), `{"type":"${SECRET}"}`);
  symlinkSync(join(dir, 'outside.geojson'), join(dir, 'areas/link.geojson'));
  return { dir, roots: [join(dir, 'docs'), join(dir, 'areas')] };
}

describe('readArea / readAreaWithin: the area files of the input tree', () => {
  it('says a file saved as UTF-16 is UTF-16 (it was "Unexpected character � found")', () => {
    const a = readArea(join(import.meta.dirname, '../fixtures/malformed/areas/utf-16.geojson'));
    expect('error' in a && a.error).toBe(
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    );
  });
  it('reads a file inside the tree', () => {
    const { dir, roots } = tree();
    const a = readAreaWithin(join(dir, 'areas/ok.geojson'), roots);
    expect('geometry' in a && a.geometry.type).toBe('Polygon');
  });
  it('refuses a file outside the tree, directly or through a symbolic link, quoting none of it', () => {
    const { dir, roots } = tree();
    for (const p of [
      join(dir, 'outside.geojson'),
      join(dir, 'areas/link.geojson'),
      join(dir, 'docs/../outside.geojson'),
    ]) {
      const a = readAreaWithin(p, roots);
      expect('error' in a && a.error).toMatch(/^refused: it lies outside the input tree/);
      expect(JSON.stringify(a)).not.toContain(SECRET);
    }
  });
  it('a missing file or a directory is an error naming it', () => {
    const { dir, roots } = tree();
    expect(readAreaWithin(join(dir, 'areas/none.geojson'), roots)).toEqual({
      error: expect.stringMatching(/file not found/),
    });
    mkdirSync(join(dir, 'areas/sub.geojson'));
    expect(readAreaWithin(join(dir, 'areas/sub.geojson'), roots)).toEqual({
      error: 'not a file; name a .geojson file',
    });
    expect(readArea(join(dir, 'nope'))).toEqual({ error: expect.stringMatching(/file not found/) });
  });
});
