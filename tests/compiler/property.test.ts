import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';

const dir = join(import.meta.dirname, '../../data/documents');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

/** The build's promise: it returns, and either gives features with no error or located errors. */
function check(texts: string[]) {
  const parsed = texts.map((t, i) => parseDocumentText(`doc-${i}.md`, t));
  const out = compile(parsed, { resolve, areas: new Map() });
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  for (const d of out.diagnostics) {
    expect(d.file).toMatch(/^doc-\d+\.md$/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(10);
  }
  if (errors.length === 0) {
    for (const f of [...out.events.features, ...out.ranges.features]) {
      expect(f.properties.claims.length).toBeGreaterThan(0);
      for (const c of f.properties.claims) expect(parsed.some((p) => p.text.includes(c.excerpt))).toBe(true);
    }
  }
}

const fragments = [
  ':place[',
  ':event[',
  ':range[',
  ':weapon[',
  ']',
  '{',
  '}',
  '#',
  '=',
  '"',
  ' ',
  '\n',
  '---\n',
  'Kyiv',
  '600 km',
  'of=',
  'date=',
  'status=reported',
  'claimant="x"',
  '\\:',
  '::',
  ':::',
  '`',
  '<b>',
  '\u202e',
  'é',
];

describe('the build on random and mutated input', () => {
  it('never crashes on random documents built from annotation fragments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })), { maxLength: 60 }),
        (parts) => {
          check([`---\nid: r\ntitle: R\n---\n${parts.join('')}`]);
        },
      ),
      { numRuns: 300, seed: 20241121 },
    );
  });

  it('never crashes on seed documents with characters deleted, inserted or swapped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...fragments)), { minLength: 1, maxLength: 6 }),
        (k, edits) => {
          let t = seeds[k];
          for (const [at, len, insert] of edits) {
            const i = at % (t.length + 1);
            t = t.slice(0, i) + insert + t.slice(i + len);
          }
          check([t, ...seeds.filter((_, j) => j !== k)]);
        },
      ),
      { numRuns: 150, seed: 20241125 },
    );
  });

  it('never crashes on arbitrary text, front matter or not', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        check([s]);
        check([`---\n${s}`]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
