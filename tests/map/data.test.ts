import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { MAX_LISTED, eventProblem, rangeProblem, storySteps, validate } from '../../src/map/data';
import { eventsSchema, rangesSchema } from '../../src/schema';

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/app/${name}`, 'utf8'));

describe('data validation', () => {
  it('accepts the fixture as it is', () => {
    const problems: string[] = [];
    expect(validate('events', fixture('events.geojson'), eventProblem, problems)).toHaveLength(5);
    expect(validate('ranges', fixture('ranges.geojson'), rangeProblem, problems)).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it('leaves out a bad feature, says which and why, and keeps the rest', () => {
    const events = fixture('events.geojson');
    events.features[1].properties.status = 'rumoured';
    events.features[2].geometry = null;
    events.features[3].properties.id = events.features[0].properties.id;
    const problems: string[] = [];
    const kept = validate('events.geojson', events, eventProblem, problems);
    expect(kept).toHaveLength(2);
    expect(problems).toEqual([
      expect.stringMatching(/feature 2 .*"status" is "rumoured"/),
      expect.stringMatching(/feature 3 .*Point/),
      expect.stringMatching(/feature 4 .*used twice/),
    ]);
  });

  it('accepts a range stated with no origin (geometry null), and still refuses a broken polygon', () => {
    const ranges = fixture('ranges.geojson');
    Object.assign(ranges.features[0], { geometry: null });
    Object.assign(ranges.features[0].properties, { origin: null, origin_place: null, qualifier: 'about' });
    ranges.features[1].geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      ],
    };
    const problems: string[] = [];
    const kept = validate('ranges.geojson', ranges, rangeProblem, problems);
    expect(kept.map((f) => (f as { properties: { id: string } }).properties.id)).toEqual([
      ranges.features[0].properties.id,
    ]);
    expect(problems).toEqual([expect.stringMatching(/feature 2 .*neither null nor a Polygon/)]);
  });

  it('reports a file that is not a FeatureCollection', () => {
    const problems: string[] = [];
    expect(validate('ranges.geojson', { type: 'Feature' }, rangeProblem, problems)).toEqual([]);
    expect(problems[0]).toMatch(/not a GeoJSON FeatureCollection/);
  });
});

describe('data validation of what the page reads', () => {
  const problemsOf = (mutate: (events: ReturnType<typeof fixture>) => void, max = 99) => {
    const events = fixture('events.geojson');
    mutate(events);
    const problems: string[] = [];
    const kept = validate('events.geojson', events, eventProblem, problems);
    return { kept: kept.length, problems: problems.slice(0, max) };
  };

  it('leaves out points off the globe or not numbers, which MapLibre would throw on', () => {
    const { kept, problems } = problemsOf((e) => {
      e.features[0].geometry.coordinates = [[30, 91]];
      e.features[1].geometry.coordinates = [['30', '50']];
      e.features[2].geometry.coordinates = [[Infinity, 0]];
    });
    expect(kept).toBe(2);
    expect(problems).toHaveLength(3);
    for (const p of problems) expect(p).toMatch(/geometry is not a MultiPoint/);
  });

  it('leaves out an event whose places do not match its positions, or a place the popup could not show', () => {
    const { kept, problems } = problemsOf((e) => {
      e.features[0].geometry.coordinates.push([31, 50]);
      e.features[1].properties.places[0].precision = 7;
      e.features[2].properties.places = [];
    });
    expect(kept).toBe(2);
    expect(problems).toEqual([
      expect.stringMatching(/"places" has 1 places for 2 positions/),
      expect.stringMatching(/place 1: "precision" is 7/),
      expect.stringMatching(/"places" is not a non-empty array/),
    ]);
    const figures = problemsOf((e) => {
      e.features[3].properties.claims[0].figures = [{ value: '188', unit: 'drones' }];
    });
    expect(figures.problems).toEqual([expect.stringMatching(/"figures" is not a list of \{value, unit\}/)]);
  });

  it('leaves out a claim the popup could not show', () => {
    const { problems } = problemsOf((e) => {
      e.features[0].properties.claims[0].excerpt = 42;
      e.features[1].properties.claims[0].highlights = [[0, 'x']];
      e.features[2].properties.claims[0].status = 'rumoured';
    });
    expect(problems).toEqual([
      expect.stringMatching(/feature 1 .*claim 1: "excerpt" is 42, not a string/),
      expect.stringMatching(/feature 2 .*claim 1: "highlights"/),
      expect.stringMatching(/feature 3 .*claim 1: "status" is "rumoured"/),
    ]);
  });

  it('leaves out a range band whose rings are not closed or not positions', () => {
    const ranges = fixture('ranges.geojson');
    const first = ranges.features[0].geometry;
    (first.type === 'Polygon' ? first.coordinates[0] : first.coordinates[0][0]).pop();
    ranges.features[1].geometry.coordinates = [[['a', 'b']]];
    const problems: string[] = [];
    expect(validate('ranges.geojson', ranges, rangeProblem, problems)).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/feature 1 .*closed/),
      expect.stringMatching(/feature 2 .*closed/),
    ]);
  });

  it(`lists at most ${MAX_LISTED} features left out of a file, and counts the rest`, () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { kept, problems } = problemsOf((e) => {
      for (const f of e.features) f.geometry = null;
    });
    expect(kept).toBe(0);
    expect(problems).toHaveLength(MAX_LISTED + 1);
    expect(problems[MAX_LISTED]).toMatch(/2 more features left out \(5 of 5 in all/);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe('the page checks what the schema (src/schema.ts, the one contract) checks, and no more', () => {
  // The page's checks are hand-written for size (an ajv standalone validator of src/schema.ts is
  // ~140 kB, 16 kB gzip: more than the app's own code); this keeps them from refusing published data.
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  const schemaAccepts = { events: ajv.compile(eventsSchema), ranges: ajv.compile(rangesSchema) };
  const page = { events: eventProblem, ranges: rangeProblem };
  const VALUES: unknown[] = [undefined, null, 0, -1, '', 'x', [], {}, true];

  /** Every feature of the fixture with one property (or one property of its first claim) changed. */
  function* mutants(kind: 'events' | 'ranges') {
    const file = fixture(`${kind}.geojson`);
    for (const feature of file.features) {
      const targets: Array<[string, Record<string, unknown>]> = [
        ['properties', feature.properties],
        ['claims[0]', feature.properties.claims[0]],
      ];
      for (const [where, object] of targets) {
        for (const key of Object.keys(object)) {
          for (const value of VALUES) {
            const copy = structuredClone(feature);
            const target = where === 'properties' ? copy.properties : copy.properties.claims[0];
            if (value === undefined) delete target[key];
            else target[key] = value;
            yield {
              label: `${where}.${key} = ${JSON.stringify(value) ?? 'deleted'}`,
              collection: { ...file, features: [copy] },
              feature: copy,
            };
          }
        }
      }
    }
  }

  for (const kind of ['events', 'ranges'] as const) {
    it(`never refuses ${kind} the schema accepts, and refuses some it refuses`, () => {
      let valid = 0;
      let refusedByBoth = 0;
      const wronglyRefused: string[] = [];
      for (const m of mutants(kind)) {
        const pageProblem = page[kind](m.feature);
        if (schemaAccepts[kind](m.collection)) {
          valid++;
          if (pageProblem !== null) wronglyRefused.push(`${m.label}: ${pageProblem}`);
        } else if (pageProblem !== null) refusedByBoth++;
      }
      expect(wronglyRefused).toEqual([]);
      // Not vacuous: some mutants are valid, and the page refuses many of the invalid ones.
      expect(valid).toBeGreaterThan(10);
      expect(refusedByBoth).toBeGreaterThan(50);
    });
  }
});

describe("storySteps: a story file's steps, checked as its features are", () => {
  const ids = new Set(['a', 'b']);
  it('keeps the well-formed steps and drops ids the file has no feature for', () => {
    const problems: string[] = [];
    const steps = storySteps(
      [
        { title: 'One', text: 'Words', features: ['a', 'gone'], period: null, view: { center: [30, 50], zoom: 5 } },
        {
          title: 'Two',
          features: ['b'],
          view: {
            bounds: [
              [1, 2],
              [3, 4],
            ],
          },
        },
      ],
      ids,
      'maps/x.json',
      problems,
    );
    expect(problems).toEqual([]);
    expect(steps).toEqual([
      { title: 'One', text: 'Words', features: ['a'], period: null, view: { center: [30, 50], zoom: 5 } },
      {
        title: 'Two',
        text: null,
        features: ['b'],
        period: null,
        view: {
          bounds: [
            [1, 2],
            [3, 4],
          ],
        },
      },
    ]);
  });

  it('leaves out a broken step and says which; an older file without steps has none', () => {
    const problems: string[] = [];
    const steps = storySteps(
      [
        { title: '', features: ['a'] },
        { title: 'No focus', features: ['gone'] },
        { title: 'Bad view', features: ['a'], view: { center: 'here' } },
        { title: 'Fine', features: ['b'], text: null, view: null, period: null },
      ],
      ids,
      'maps/x.json',
      problems,
    );
    expect(steps.map((s) => s.title)).toEqual(['Fine']);
    expect(problems).toEqual([
      'Step 1 of data/maps/x.json is left out ("title" is not a non-empty string).',
      'Step 2 of data/maps/x.json is left out ("features" names none of the story\'s features).',
      'Step 3 of data/maps/x.json is left out ("view" is not a view).',
    ]);
    expect(storySteps(undefined, ids, 'maps/x.json', problems)).toEqual([]);
  });
});
