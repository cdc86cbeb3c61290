import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventProblem, rangeProblem, validate } from '../../src/app/data';

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

  it('reports a file that is not a FeatureCollection', () => {
    const problems: string[] = [];
    expect(validate('ranges.geojson', { type: 'Feature' }, rangeProblem, problems)).toEqual([]);
    expect(problems[0]).toMatch(/not a GeoJSON FeatureCollection/);
  });
});
