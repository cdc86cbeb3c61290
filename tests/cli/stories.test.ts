import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventCollection, RangeCollection } from '../../src/contract.js';
import { buildStories } from '../../src/cli/stories.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics.js';
import type { StoryIndexEntry, StoryOutput } from '../../src/compiler/story.js';

const root = join(import.meta.dirname, '../..');
const events = (JSON.parse(readFileSync(join(root, 'tests/fixtures/app/events.geojson'), 'utf8')) as EventCollection)
  .features;
const ranges = (JSON.parse(readFileSync(join(root, 'tests/fixtures/app/ranges.geojson'), 'utf8')) as RangeCollection)
  .features;

function tree(stories: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'stories-'));
  mkdirSync(join(dir, 'maps'));
  mkdirSync(join(dir, 'areas'));
  writeFileSync(
    join(dir, 'areas/box.geojson'),
    JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [30, 45],
          [40, 45],
          [40, 55],
          [30, 45],
        ],
      ],
    }),
  );
  for (const [name, text] of Object.entries(stories)) writeFileSync(join(dir, 'maps', name), text);
  return dir;
}

describe('buildStories', () => {
  it("writes each story's own file with only its features, and an index of the stories", () => {
    const dir = tree({
      'kursk.yaml':
        'title: Kursk\nselect:\n  documents: [mod-ru-2024-11-27-kursk]\nhighlight:\n  - area: ../areas/box.geojson\n    label: Box\n',
      'drones.yaml': 'title: Drones\ndescription: One night.\nselect:\n  types: [drone-attack]\n',
      'README.md': 'not a story',
    });
    const out = buildStories(join(dir, 'maps'), dir, [join(dir, 'areas')], events, ranges);
    expect(out.diagnostics).toEqual([]);
    expect(Object.keys(out.files).sort()).toEqual(['maps.json', 'maps/drones.json', 'maps/kursk.json']);
    const kursk = JSON.parse(out.files['maps/kursk.json']) as StoryOutput;
    expect(kursk.events.features.map((f) => f.properties.id)).toEqual([
      'ev-2024-11-23-kursk-atacms',
      'ev-2024-11-25-kursk-atacms',
    ]);
    expect(kursk.ranges.features).toEqual([]);
    expect(kursk.highlights.features).toMatchObject([{ geometry: { type: 'Polygon' }, properties: { label: 'Box' } }]);
    expect(JSON.parse(out.files['maps.json']) as StoryIndexEntry[]).toEqual([
      { id: 'drones', title: 'Drones', description: 'One night.', events: 1, ranges: 0 },
      { id: 'kursk', title: 'Kursk', description: null, events: 2, ranges: 0 },
    ]);
  });

  it("reports a story's errors at their place, and an area outside the input tree unread", () => {
    const dir = tree({
      'bad.yaml': 'title: Bad\nselect:\n  events: [nope]\n',
      'far.yaml': 'title: Far\nhighlight:\n  - area: /etc/passwd\n',
    });
    const out = buildStories(join(dir, 'maps'), dir, [join(dir, 'areas')], events, ranges);
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([
      'maps/bad.yaml:3:12: error: select.events: no event "nope" in the build',
      expect.stringMatching(/^maps\/far\.yaml:3:11: error: highlight area "\/etc\/passwd": /),
    ]);
    expect(out.files['maps/bad.json']).toBeUndefined();
    expect(out.files['maps/far.json']).toBeUndefined();
  });

  it('outlines a highlighted gazetteer region or country by its code, and names a code no region has', () => {
    const dir = tree({
      'kursk.yaml':
        'title: Kursk\nselect:\n  documents: [mod-ru-2024-11-27-kursk]\nhighlight:\n  - region: RU-KRS\n    label: Kursk region\n  - country: UA\n',
      'nowhere.yaml': 'title: Nowhere\nhighlight:\n  - country: XX\n',
    });
    const out = buildStories(join(dir, 'maps'), dir, [join(dir, 'areas')], events, ranges);
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([
      "maps/nowhere.yaml:3:14: error: highlight country XX: no country has the ISO 3166-1 code XX (an event's country gives its code)",
    ]);
    const [region, country] = (JSON.parse(out.files['maps/kursk.json']) as StoryOutput).highlights.features;
    expect(region.properties.label).toBe('Kursk region');
    expect(country.properties.label).toBeNull();
    // Kursk lies inside its region's outline; Kyiv inside Ukraine's, not inside Kursk region's.
    const inside = (g: GeoJSON.Geometry, [x, y]: [number, number]) =>
      (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []).some((poly) => {
        let odd = false;
        const ring = poly[0];
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
        }
        return odd;
      });
    expect(inside(region.geometry, [36.19, 51.73])).toBe(true);
    expect(inside(region.geometry, [30.52, 50.45])).toBe(false);
    expect(inside(country.geometry, [30.52, 50.45])).toBe(true);
    expect(inside(country.geometry, [36.19, 51.73])).toBe(false);
  });

  it('has no stories, an empty index and no error, without a story directory', () => {
    expect(buildStories(join(tmpdir(), 'no-such-stories-dir'), root, [], events, ranges)).toEqual({
      diagnostics: [],
      files: { 'maps.json': '[]\n' },
    });
  });

  it('reports a story file saved as Windows-1252 at its byte, and passes over a folder named like one with a warning, instead of failing the build', () => {
    const dir = tree({ 'ok.yaml': 'title: Everything\n' });
    writeFileSync(
      join(dir, 'maps', 'cafe.yaml'),
      Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    mkdirSync(join(dir, 'maps', 'folder.yaml'));
    const { diagnostics, files } = buildStories(join(dir, 'maps'), dir, [join(dir, 'areas')], events, ranges);
    expect(diagnostics.map((d) => [d.file.replace(/.*maps\//, ''), d.line, d.column, d.severity, d.message])).toEqual([
      [
        'cafe.yaml',
        1,
        11,
        'error',
        expect.stringMatching(
          /^not valid UTF-8: byte 0xE9 here is "é" in Windows-1252 \(Latin-1\), so the story file was saved in another encoding/,
        ),
      ],
      ['folder.yaml', 1, 1, 'warning', 'not read: this is a folder named like a story file; a story is a file'],
    ]);
    expect(Object.keys(files)).toContain('maps/ok.json');
  });
});
