/**
 * Golden fixtures: annotated documents in, GeoJSON out. Regenerate on purpose with
 * `REGEN=1 npx vitest run tests/compiler/golden.test.ts`; a mismatch writes `*-changed.geojson`
 * beside the golden file to diff. A missing golden file fails (it is written only under REGEN=1), so a
 * test never passes against output it has just written itself.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataBuilder } from '../../src/cli/build-data.js';

const root = join(import.meta.dirname, '../..');
const cases = [
  { name: 'seeds', input: 'data/documents' },
  { name: 'claims', input: 'tests/fixtures/compiler/claims' },
];

describe('golden output', () => {
  for (const c of cases) {
    it(`builds ${c.input} exactly as tests/fixtures/compiler/golden/${c.name}.*.geojson`, async () => {
      const out = await createDataBuilder(join(root, c.input), { cwd: root }).build();
      expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const dir = join(root, 'tests/fixtures/compiler/golden');
      mkdirSync(dir, { recursive: true });
      for (const kind of ['events', 'ranges']) {
        const actual = out.files![`${kind}.geojson`];
        const golden = join(dir, `${c.name}.${kind}.geojson`);
        const changed = golden.replace(/\.geojson$/, '-changed.geojson');
        if (process.env.REGEN) writeFileSync(golden, actual);
        if (!existsSync(golden)) writeFileSync(changed, actual);
        expect(existsSync(golden), `${golden} is missing; see ${changed}, and write it on purpose with REGEN=1`).toBe(
          true,
        );
        const expected = readFileSync(golden, 'utf8');
        if (actual !== expected) writeFileSync(changed, actual);
        else rmSync(changed, { force: true });
        expect(actual === expected, `${golden} differs; see ${changed}, or REGEN=1 if the change is intended`).toBe(
          true,
        );
      }
    });
  }
});
