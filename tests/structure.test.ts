/**
 * The import graph of src/, read from the sources (TypeScript's own pre-processor, so `import type`,
 * re-exports and dynamic `import()` count): each folder imports only the folders its role allows,
 * the compiler and the browser folders do no file I/O, and the atlas and the embed are shells over
 * one map core that never import each other.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** The unit of the rules: a folder of src/ (`map`), or a top-level module by name (`contract`). */
function unitOf(file: string): string {
  const [first] = relative(SRC, file).split('/');
  return first.replace(/\.(ts|js)$/, '');
}

interface Edge {
  file: string;
  specifier: string;
  /** A src/ unit, `node:NAME` for a Node built-in, or null for a package. */
  to: string | null;
}

const BUILTINS = new Set(builtinModules);

function edgesOf(file: string): Edge[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName: specifier }) => {
    let to: string | null = null;
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      to = target.startsWith(`${SRC}/`) ? unitOf(target) : relative(ROOT, target);
    } else if (specifier.startsWith('node:')) to = specifier.replace(/\/.*$/, '');
    else if (BUILTINS.has(specifier.split('/')[0])) to = `node:${specifier.split('/')[0]}`;
    return { file: relative(ROOT, file), specifier, to };
  });
}

const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(SRC, f));
const edges = files.flatMap(edgesOf);

/** Modules at the top of src/: the data contract and constants every side shares. */
const SHARED = ['contract', 'schema', 'constants', 'earth', 'index-format'];
/**
 * Node built-ins that only compute (path strings): allowed where file I/O is not. Not node:crypto: the
 * parser runs in the studio's page too, so hashing is src/compiler/sha256.ts, the same in both.
 */
const PURE_NODE = ['node:path'];

/** What each unit may import besides itself and packages. */
const ALLOWED: Record<string, string[]> = {
  contract: [],
  constants: [],
  earth: [],
  // The compact index's layout, written by the compiler and read by the page.
  'index-format': ['contract', 'earth'],
  schema: ['contract', 'constants'],
  // The compiler: pure, no file I/O; src/cli is its shell.
  compiler: [...SHARED, ...PURE_NODE],
  suggest: [...SHARED, 'compiler', ...PURE_NODE],
  // Node shells: anything but the browser folders.
  cli: [...SHARED, 'compiler', 'suggest', 'node:*'],
  // (and the studio's document model: src/studio/document.ts and model.ts are pure, shared with its page)
  vite: [...SHARED, 'compiler', 'suggest', 'cli', 'share', 'studio', 'node:*'],
  // Browser: no Node built-ins, nothing from the Node side.
  basemap: [...SHARED],
  map: [...SHARED, 'basemap'],
  share: [...SHARED, 'map'],
  app: [...SHARED, 'map', 'basemap', 'share'],
  embed: [...SHARED, 'map', 'basemap', 'share'],
  // The editor (dev server only): a browser page over the map core that parses and writes documents
  // in the page with the pure compiler and the draft writer; its file I/O is src/vite/studio-plugin.ts.
  studio: [...SHARED, 'map', 'basemap', 'compiler', 'suggest'],
};

/** Data tables outside src/ that code may import as JSON (declared once, read by the build and the map alike). */
const DATA_TABLES: Record<string, string[]> = { 'data/types.json': ['cli', 'map', 'suggest', 'vite'] };

function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (DATA_TABLES[to]?.includes(from)) return true;
  const rules = ALLOWED[from] ?? [];
  return rules.includes(to) || (to.startsWith('node:') && rules.includes('node:*'));
}

describe('the import graph of src/', () => {
  it('reads every source file and finds the imports between folders', () => {
    expect(files.length).toBeGreaterThan(50);
    // The reader must see the edges the rules are about, or every rule below passes vacuously.
    const seen = new Set(edges.map((e) => `${unitOf(join(ROOT, e.file))}->${e.to}`));
    for (const edge of ['app->map', 'embed->map', 'cli->compiler', 'map->basemap', 'cli->node:fs'])
      expect(seen).toContain(edge);
  });

  it('has a rule for every folder and top-level module of src/', () => {
    const units = new Set(files.map(unitOf));
    expect([...units].filter((u) => !(u in ALLOWED))).toEqual([]);
  });

  it('imports only what each folder is allowed', () => {
    const bad = edges
      .filter((e) => e.to !== null && !allowed(unitOf(join(ROOT, e.file)), e.to))
      .map((e) => `${e.file} imports '${e.specifier}' (${e.to})`);
    expect(bad).toEqual([]);
  });

  it('keeps file I/O out of the compiler: no node:fs, no child processes, no workers', () => {
    const io = edges.filter(
      (e) => e.file.startsWith('src/compiler/') && e.to?.startsWith('node:') && !PURE_NODE.includes(e.to),
    );
    expect(io.map((e) => `${e.file}: ${e.specifier}`)).toEqual([]);
  });

  it('has the atlas and the embed share the map core without importing each other', () => {
    const between = edges.filter(
      (e) => (e.file.startsWith('src/app/') && e.to === 'embed') || (e.file.startsWith('src/embed/') && e.to === 'app'),
    );
    expect(between).toEqual([]);
    for (const shell of ['src/app/', 'src/embed/']) {
      expect(edges.some((e) => e.file.startsWith(shell) && /\/map\/session(\.[jt]s)?$/.test(e.specifier))).toBe(true);
    }
  });

  it('flags a forbidden import (the rules are not vacuous)', () => {
    expect(allowed('map', 'app')).toBe(false);
    expect(allowed('compiler', 'node:fs')).toBe(false);
    expect(allowed('embed', 'app')).toBe(false);
    expect(allowed('basemap', 'embed')).toBe(false);
    expect(allowed('cli', 'node:fs')).toBe(true);
    expect(allowed('app', 'map')).toBe(true);
  });
});
