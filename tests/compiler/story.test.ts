import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventCollection, RangeCollection } from '../../src/contract.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics.js';
import {
  parseStory,
  selectStory,
  storyIdOf,
  storyInPeriod,
  storyOutput,
  type Story,
} from '../../src/compiler/story.js';

const fixtures = join(import.meta.dirname, '../fixtures/app');
const events = (JSON.parse(readFileSync(join(fixtures, 'events.geojson'), 'utf8')) as EventCollection).features;
const ranges = (JSON.parse(readFileSync(join(fixtures, 'ranges.geojson'), 'utf8')) as RangeCollection).features;

const parse = (text: string, id = 'a-story') => parseStory('maps/a-story.yaml', id, text);
const ok = (text: string): Story => {
  const { story, diagnostics } = parse(text);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return story!;
};
const errors = (text: string, id?: string) =>
  parse(text, id)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);
const ids = (s: Story) => {
  const sel = selectStory(s, events, ranges);
  return [...sel.events, ...sel.ranges].map((f) => f.properties.id);
};

describe('parseStory', () => {
  it('reads the words, the selection, the view and the highlights of a story', () => {
    const s = ok(`title: Strikes on Kursk
description: Two nights of strikes.
notes: From the Russian ministry.
byline: A. Reporter
credit: "Source: the Russian Defense Ministry"
select:
  documents: [mod-ru-2024-11-27-kursk]
  types: [drone-attack]
exclude:
  events: [ev-2024-11-25-kursk-atacms]
period: 2024-11-01/2024-11-30
center: [36.2, 51.7]
zoom: 5
projection: globe
inset: false
highlight:
  - area: ../areas/ukraine.geojson
    label: Ukraine
`);
    expect(s).toMatchObject({
      id: 'a-story',
      title: 'Strikes on Kursk',
      description: 'Two nights of strikes.',
      notes: 'From the Russian ministry.',
      byline: 'A. Reporter',
      credit: 'Source: the Russian Defense Ministry',
      period: { from: '2024-11-01', to: '2024-11-30' },
      view: { center: [36.2, 51.7], zoom: 5 },
      projection: 'globe',
      inset: false,
    });
    expect(s.select!.documents.map((d) => d.value)).toEqual(['mod-ru-2024-11-27-kursk']);
    expect(s.select!.documents[0].at).toEqual({ file: 'maps/a-story.yaml', line: 7, column: 15 });
    expect(s.highlights).toMatchObject([
      { area: '../areas/ukraine.geojson', label: 'Ukraine', at: { line: 17, column: 11 } },
    ]);
  });

  it('needs a title and reports every problem of a file in one run, each at its own line and column', () => {
    expect(
      errors(`description: no title
selct:
  events: [x]
select:
  event: [x]
  documents: {a: 1}
period: 2024-11-30/2024-11-01
bounds: [[10, 50], [20]]
projection: mercator
zoom: 40
`),
    ).toEqual([
      'maps/a-story.yaml:1:1: error: a story needs a "title": the headline shown above its map',
      'maps/a-story.yaml:2:1: error: unknown key "selct"; did you mean "select"? a story has title, description, notes, byline, credit, select, exclude, period, bounds, center, zoom, projection, inset, highlight, steps',
      'maps/a-story.yaml:5:3: error: unknown selector "event" in "select"; did you mean "events"? use documents, events, ranges, types',
      'maps/a-story.yaml:6:14: error: "select.documents" must be a list of ids, e.g. [an-id, another-id]',
      'maps/a-story.yaml:7:9: error: "period" ends (2024-11-01) before it begins (2024-11-30)',
      'maps/a-story.yaml:8:9: error: "bounds" must be [[west, south], [east, north]] in degrees, longitudes within ±180 and latitudes within ±90',
      'maps/a-story.yaml:9:13: error: "projection" must be flat or globe, not "mercator"',
      'maps/a-story.yaml:10:1: error: "center" and "zoom" go together',
      'maps/a-story.yaml:10:7: error: "zoom" must be a number from 0 to 22',
    ]);
  });

  it('points YAML syntax errors at their line and refuses a file that is not a mapping', () => {
    expect(errors('title: "unclosed\nselect: [\n')[0]).toMatch(
      /^maps\/a-story\.yaml:1:8: error: YAML: this " is never closed/,
    );
    expect(errors('- a list\n')).toEqual([
      'maps/a-story.yaml:1:1: error: a story file is a YAML mapping with at least `title:` (see data/README.md, "Stories")',
    ]);
    expect(errors('title: A\ntitle: B\n')[0]).toMatch(/^maps\/a-story\.yaml:2:1: error: YAML: .*unique/i);
  });

  it('says a second "---" starts a second document a story file does not hold, in the writer\'s words, at the line', () => {
    // A story fenced like a document's front matter, and two stories in one file. The library's message
    // ("please use YAML.parseAllDocuments()") told the annotator to change the code.
    for (const [text, line] of [
      ['---\ntitle: A\n---\n', 3],
      ['title: A\n---\ntitle: B\n', 2],
    ] as const) {
      const [error, ...more] = errors(text);
      expect(more).toEqual([]);
      expect(error).toMatch(
        new RegExp(
          `^maps/a-story\\.yaml:${line}:1: error: YAML: this "---" line starts a second document, and a story file holds one story .*: delete the line, or move what follows it into a story file of its own$`,
        ),
      );
      expect(error).not.toMatch(/parseAllDocuments/);
    }
  });

  it('shows the inset locator map unless the story says inset: false, and accepts only true or false', () => {
    expect(ok('title: A\n').inset).toBe(true);
    expect(ok('title: A\ninset: true\n').inset).toBe(true);
    expect(ok('title: A\ninset: false\n').inset).toBe(false);
    expect(errors('title: A\ninset: no-thanks\n')).toEqual([
      'maps/a-story.yaml:2:8: error: "inset" must be true or false (the locator map shown when zoomed in), not "no-thanks"',
    ]);
    expect(errors('title: A\ninset:\n')).toEqual([
      'maps/a-story.yaml:2:7: error: "inset" must be true or false (the locator map shown when zoomed in), not null',
    ]);
    expect(errors('title: A\nlocator: false\n')[0]).toContain('unknown key "locator"');
  });

  it('highlights an area file, a gazetteer region or a country by its code, one of them per highlight', () => {
    const s = ok(
      'title: A\nhighlight:\n  - region: RU-KRS\n    label: Kursk region\n  - country: UA\n  - area: ../areas/ukraine.geojson\n',
    );
    expect(s.highlights.map(({ area, region, country, label }) => ({ area, region, country, label }))).toEqual([
      { area: null, region: 'RU-KRS', country: null, label: 'Kursk region' },
      { area: null, region: null, country: 'UA', label: null },
      { area: '../areas/ukraine.geojson', region: null, country: null, label: null },
    ]);
    expect(
      errors(
        'title: A\nhighlight:\n  - region: Kursk\n  - country: ua\n  - country: UA\n    region: RU-KRS\n  - label: Nothing\n',
      ),
    ).toEqual([
      'maps/a-story.yaml:3:13: error: "region" must be an ISO 3166-2 code such as RU-KRS (as an event\'s admin1), not "Kursk"',
      'maps/a-story.yaml:4:14: error: "country" must be an ISO 3166-1 code such as UA (as an event\'s country), not "ua"',
      'maps/a-story.yaml:5:5: error: a highlight names one of "area" (a GeoJSON file relative to the story file, e.g. ../areas/ukraine.geojson), "region" (ISO 3166-2, e.g. RU-KRS) or "country" (ISO 3166-1, e.g. UA), not region and country',
      'maps/a-story.yaml:7:5: error: a highlight names one of "area" (a GeoJSON file relative to the story file, e.g. ../areas/ukraine.geojson), "region" (ISO 3166-2, e.g. RU-KRS) or "country" (ISO 3166-1, e.g. UA)',
    ]);
  });

  it('refuses a file name that is not a story id, and both bounds and a center', () => {
    expect(storyIdOf('kursk-strikes.yaml')).toBe('kursk-strikes');
    expect(storyIdOf('Kursk Strikes.yaml')).toBeNull();
    expect(errors('title: A\n', 'Kursk_Strikes')[0]).toMatch(
      /^maps\/a-story\.yaml:1:1: error: the story id "Kursk_Strikes"/,
    );
    expect(errors('title: A\nbounds: [[30, 45], [40, 55]]\ncenter: [35, 50]\nzoom: 4\n')).toEqual([
      'maps/a-story.yaml:2:1: error: give either "bounds" or "center" and "zoom", not both',
    ]);
    expect(errors('title: A\nbounds: [[30, 55], [40, 45]]\n')).toEqual([
      'maps/a-story.yaml:2:9: error: "bounds": the south edge (55) must lie below the north edge (45)',
    ]);
    expect(ok('title: A\nbounds: [[30, 45], [40, 55]]\n').view).toEqual({
      bounds: [
        [30, 45],
        [40, 55],
      ],
    });
  });

  it('needs an area, a region or a country for each highlight', () => {
    expect(errors('title: A\nhighlight:\n  - label: Ukraine\n')).toEqual([
      'maps/a-story.yaml:3:5: error: a highlight names one of "area" (a GeoJSON file relative to the story file, e.g. ../areas/ukraine.geojson), "region" (ISO 3166-2, e.g. RU-KRS) or "country" (ISO 3166-1, e.g. UA)',
    ]);
  });
});

describe('selectStory', () => {
  it('shows everything when nothing is selected', () => {
    expect(ids(ok('title: A\n'))).toHaveLength(events.length + ranges.length);
  });

  it('selects the union of documents, events, ranges and types, less the exclusions', () => {
    const s = ok(`title: A
select:
  documents: [mod-ru-2024-11-27-kursk]
  events: [ev-2024-11-21-dnipro-missile]
  ranges: [rg-kn-11-kn-19-ukraine]
  types: [drone-attack]
exclude:
  events: [ev-2024-11-25-kursk-atacms]
`);
    expect(ids(s).sort()).toEqual([
      'ev-2024-11-21-dnipro-missile',
      'ev-2024-11-23-kursk-atacms',
      'ev-2024-11-27-ukraine-drones',
      'rg-kn-11-kn-19-ukraine',
    ]);
  });

  it('narrows by period, ranges by the dates of their documents', () => {
    const s = ok('title: A\nperiod: 2024-11-20/2024-11-24\n');
    expect(ids(s).sort()).toEqual([
      'ev-2024-11-21-dnipro-missile',
      'ev-2024-11-23-kursk-atacms',
      'ev-2024-11-ru-kp-exchange',
      'rg-irbm-kapustin-yar',
    ]);
  });

  it('reports an id the build does not have at its place in the story, with the nearest ids', () => {
    const { story } = parse('title: A\nselect:\n  events:\n    - ev-2024-11-23-kursk\n  documents: [nowhere]\n');
    const sel = selectStory(story!, events, ranges);
    expect(sel.diagnostics.map(formatDiagnostic)).toEqual([
      'maps/a-story.yaml:4:7: error: select.events: no event "ev-2024-11-23-kursk" in the build; did you mean "ev-2024-11-23-kursk-atacms"?',
      'maps/a-story.yaml:5:15: error: select.documents: no document "nowhere" in the build',
    ]);
  });

  it('names the known type or id a misspelt one is a slip for', () => {
    const { story } = parse('title: A\nselect:\n  types: [missle-strike]\n');
    const sel = selectStory(story!, events, ranges);
    expect(sel.diagnostics.map(formatDiagnostic)[0]).toBe(
      'maps/a-story.yaml:3:11: error: select.types: no event type "missle-strike" in the build; did you mean "missile-strike"?',
    );
  });

  it('says a center written latitude first is, with the order to write', () => {
    expect(errors('title: A\ncenter: [51.7, 136.2]\nzoom: 5\n')).toEqual([
      'maps/a-story.yaml:2:9: error: "center" must be [longitude, latitude]: [51.7, 136.2] has a latitude past ±90, so it is written latitude first; write [136.2, 51.7]',
    ]);
  });

  it('calls a story that selects nothing an error', () => {
    const sel = selectStory(
      ok('title: A\nselect:\n  types: [drone-attack]\nexclude:\n  types: [drone-attack]\n'),
      events,
      ranges,
    );
    expect(sel.diagnostics.map(formatDiagnostic)).toEqual([
      'maps/a-story.yaml:1:1: error: the story "a-story" selects no event and no range; check "select", "exclude" and "period"',
    ]);
  });
});

describe('storyInPeriod', () => {
  const event = (date: string | null) => ({
    ...events[0],
    properties: { ...events[0].properties, date, date_start: null, date_end: null },
  });
  it('takes an event whose date overlaps the period, open ends and months included, and never an undated one', () => {
    const period = { from: '2024-11-10', to: '2024-11-12' };
    expect(storyInPeriod(event('2024-11'), period)).toBe(true);
    expect(storyInPeriod(event('2014/..'), period)).toBe(true);
    expect(storyInPeriod(event('2024-11-13'), period)).toBe(false);
    expect(storyInPeriod(event('2024-10-01/2024-11-10'), period)).toBe(true);
    expect(storyInPeriod(event(null), period)).toBe(false);
  });
});

describe('storyOutput', () => {
  it("carries the story's words, only its features, and the latest date of its documents", () => {
    const s = ok(
      'title: A\ncredit: "Source: X"\nselect:\n  events: [ev-2024-11-21-dnipro-missile, ev-2024-11-27-ukraine-drones]\n',
    );
    const out = storyOutput(s, selectStory(s, events, ranges), [
      { geometry: { type: 'Point', coordinates: [30, 50] }, label: 'Here' },
    ]);
    expect(out).toMatchObject({ id: 'a-story', title: 'A', credit: 'Source: X', date: '2024-11-27', inset: true });
    expect(out.events.features.map((f) => f.properties.id)).toEqual([
      'ev-2024-11-21-dnipro-missile',
      'ev-2024-11-27-ukraine-drones',
    ]);
    expect(out.ranges.features).toEqual([]);
    expect(out.highlights.features[0].properties.label).toBe('Here');
  });
});
