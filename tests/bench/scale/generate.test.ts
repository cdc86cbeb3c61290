/** The generated archive of bench:scale and tests/e2e/scale.spec.ts: deterministic, the sizes asked, and a valid build. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../../bench/scale/generate.js';
import { createDataBuilder } from '../../../src/cli/build-data.js';

const PLACES = [
  'Kharkiv',
  'Odesa',
  'Lviv',
  'Dnipro',
  'Warsaw',
  'Berlin',
  'Paris',
  'Madrid',
  'Rome',
  'Vienna',
  'Prague',
  'Budapest',
];

describe('generateArchive', () => {
  it('gives the same files for the same options, other files for another seed', () => {
    const a = generateArchive({ docs: 30, events: 90, seed: 7, places: PLACES });
    const b = generateArchive({ docs: 30, events: 90, seed: 7, places: PLACES });
    const c = generateArchive({ docs: 30, events: 90, seed: 8, places: PLACES });
    expect([...a]).toEqual([...b]);
    expect([...a.values()].join()).not.toEqual([...c.values()].join());
  });

  it('defines exactly the events asked, in the documents asked, some with several claims', () => {
    const archive = generateArchive({ docs: 40, events: 130, places: PLACES });
    const docs = [...archive.keys()].filter((p) => p.startsWith('documents/'));
    expect(docs).toHaveLength(40);
    const text = [...archive.values()].join('\n');
    expect(text.match(/\]\{#e\d+ /g)).toHaveLength(130);
    expect((text.match(/\]\{of=e\d+ /g) ?? []).length).toBeGreaterThan(0);
    // Dates over ten years; ranges from a place and from an area.
    const years = new Set([...text.matchAll(/ date=(\d{4})-/g)].map((m) => m[1]));
    expect(years.size).toBeGreaterThanOrEqual(8);
    expect(text).toMatch(/origin-area=\.\.\/areas\/bench-area\.geojson/);
    expect(text).toMatch(/:range\[[^\]]+\]\{weapon=w\d+ origin=p\d+/);
  });

  it('builds with no errors: every event, its claims and its ranges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-generate-'));
    try {
      for (const [path, text] of generateArchive({ docs: 24, events: 60, places: PLACES })) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const out = await createDataBuilder(join(dir, 'documents'), { cwd: dir }).build();
      expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(out.events).toBe(60);
      expect(out.ranges).toBeGreaterThan(0);
      const events = JSON.parse(out.files!['events.geojson']);
      expect(events.features.some((f: { properties: { claims: unknown[] } }) => f.properties.claims.length > 1)).toBe(
        true,
      );
      // Excerpts of news-sentence length.
      for (const f of events.features) expect(f.properties.excerpt.length).toBeGreaterThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
