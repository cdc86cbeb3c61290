import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArea } from '../../src/compiler/areas.js';

const SRC = join(import.meta.dirname, '../../src/compiler');

describe('parseArea: area text → geometry, pure', () => {
  it('takes a geometry, a Feature, or a FeatureCollection of one feature', () => {
    const poly = '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}';
    const a = parseArea(poly);
    expect('geometry' in a && a.geometry.type).toBe('Polygon');
    const f = parseArea(`{"type":"Feature","properties":{},"geometry":${poly}}`);
    expect('geometry' in f && f.geometry.type).toBe('Polygon');
    const fc = parseArea(
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":${poly}}]}`,
    );
    expect('geometry' in fc && fc.geometry.type).toBe('Polygon');
  });
  it('refuses what is not GeoJSON, two features, and a Point, each with one line saying why', () => {
    for (const [text, want] of [
      ['{"type":', /not valid GeoJSON/],
      ['{"type":"FeatureCollection","features":[]}', /exactly one feature, found 0/],
      ['{"type":"Point","coordinates":[0,0]}', /found Point/],
    ] as const) {
      const r = parseArea(text);
      expect('error' in r && r.error).toMatch(want);
      expect('error' in r && r.error).not.toContain('\n');
    }
  });
});

describe('the compiler does no file I/O', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) =>
      statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : [],
    );
  it('no module of src/compiler imports fs, child_process, worker_threads or net', () => {
    const offenders = files(SRC).filter((f) =>
      /from '(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https)'/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
