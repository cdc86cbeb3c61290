import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { check } from '@placemarkio/check-geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDataBuilder } from '../src/cli/build-data.js';
import { eventsSchema, rangesSchema } from '../src/schema.js';

const root = join(import.meta.dirname, '..');
let files: Record<string, string>;
beforeAll(async () => {
  const out = await createDataBuilder(join(root, 'data/documents'), { cwd: root }).build();
  expect(out.files).not.toBeNull();
  files = out.files!;
});

describe('the published data', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validEvents = ajv.compile(eventsSchema);
  const validRanges = ajv.compile(rangesSchema);

  it('matches the events schema', () => {
    const ok = validEvents(JSON.parse(files['events.geojson']));
    expect(validEvents.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('matches the ranges schema', () => {
    const ok = validRanges(JSON.parse(files['ranges.geojson']));
    expect(validRanges.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('passes an independent GeoJSON validator', () => {
    expect(() => check(files['events.geojson'])).not.toThrow();
    expect(() => check(files['ranges.geojson'])).not.toThrow();
  });

  it('publishes the schemas it was checked against', () => {
    expect(JSON.parse(files['events.schema.json'])).toEqual(eventsSchema);
    expect(JSON.parse(files['ranges.schema.json'])).toEqual(rangesSchema);
  });

  it('rejects a feature that breaks the contract', () => {
    const broken = JSON.parse(files['events.geojson']);
    broken.features[0].properties.status = 'confirmed';
    delete broken.features[0].properties.excerpt;
    expect(validEvents(broken)).toBe(false);
    expect(validEvents.errors!.map((e) => e.keyword).sort()).toEqual(['enum', 'required']);
  });

  it('rounds every coordinate to 6 decimals', () => {
    const numbers = [
      ...files['events.geojson'].matchAll(/"coordinates":(\[[^"]*\])/g),
      ...files['ranges.geojson'].matchAll(/"coordinates":(\[[^"]*\])/g),
    ].flatMap((m) => (JSON.parse(m[1]) as unknown[]).flat(4) as number[]);
    expect(numbers.length).toBeGreaterThan(100);
    for (const n of numbers) expect(Math.abs(n * 1e6 - Math.round(n * 1e6))).toBeLessThan(1e-6);
  });
});
