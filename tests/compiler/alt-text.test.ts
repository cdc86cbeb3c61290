import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { altText, dateSpan, joinAnd } from '../../src/compiler/alt-text.js';
import type {
  EventCollection,
  EventFeature,
  EventProperties,
  RangeCollection,
  RangeFeature,
  RangeProperties,
} from '../../src/contract.js';

const root = join(import.meta.dirname, '../..');

function event(p: Partial<EventProperties>): EventFeature {
  const date = p.date_start ?? null;
  return {
    type: 'Feature',
    geometry: { type: 'MultiPoint', coordinates: [[30, 50]] },
    properties: {
      id: 'e',
      type: 'missile-strike',
      date,
      date_start: date,
      date_end: date,
      country: 'UA',
      ...p,
    } as EventProperties,
  };
}

function range(p: Partial<RangeProperties>): RangeFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [] },
    properties: {
      id: 'r',
      weapon: 'KN-23',
      min_km: 0,
      max_km: 700,
      origin_place: 'Pyongyang',
      status: 'claimed',
      ...p,
    } as RangeProperties,
  };
}

const events = (...f: EventFeature[]): EventCollection => ({ type: 'FeatureCollection', features: f });
const ranges = (...f: RangeFeature[]): RangeCollection => ({ type: 'FeatureCollection', features: f });
const none = ranges();

describe('altText', () => {
  it('describes the fixture data in one sentence: count, countries, dates and range bands', () => {
    const read = (file: string) => JSON.parse(readFileSync(join(root, 'tests/fixtures/app', file), 'utf8'));
    expect(altText(read('events.geojson'), read('ranges.geojson'))).toBe(
      'Map: 5 events in Ukraine, Russia and North Korea, 1–30 November 2024; ' +
        'a 600–700 km range band from Russian-occupied Ukraine (KN-11/KN-19, unverified claim) and ' +
        'a 3,000–5,500 km range band from Kapustin Yar (Oreshnik, claimed).',
    );
  });

  it('names countries by number of events, ties in order of first appearance', () => {
    const text = altText(
      events(event({ country: 'RU' }), event({ country: 'KP' }), event({ country: 'UA' }), event({ country: 'UA' })),
      none,
    );
    expect(text).toContain('4 events in Ukraine, Russia and North Korea');
  });

  it('counts the countries beyond the limit instead of naming them', () => {
    const text = altText(events(...['UA', 'RU', 'KP', 'SY', 'IR', 'IL'].map((country) => event({ country }))), none, {
      maxCountries: 2,
    });
    expect(text).toContain('in Ukraine, Russia and 4 other countries');
  });

  it('spans from the earliest start to the latest stated date, at the precision each is given', () => {
    const text = altText(
      events(
        event({ date_start: '2014', date_end: null }),
        event({ date_start: '2024-11' }),
        event({ date_start: '2024-11-27' }),
        event({ date_start: null }),
      ),
      none,
    );
    expect(text).toBe('Map: 4 events in Ukraine, 2014–27 November 2024.');
  });

  it('says "event" for one event and leaves out what the data does not give', () => {
    expect(altText(events(event({ country: null, date_start: null })), none)).toBe('Map: 1 event.');
  });

  it("keeps the text's qualifier, and leaves out a range with no origin (it is not drawn)", () => {
    const text = altText(
      events(),
      ranges(range({ id: 'a', weapon: 'X', max_km: 900, basis: 'stated', qualifier: 'about' }), {
        ...range({ id: 'b', weapon: 'Y', max_km: 300, origin_place: null }),
        geometry: null,
      }),
    );
    expect(text).toBe('Map: a range of about 900 km from Pyongyang (X, claimed).');
  });

  it('lists range bands from the smallest, with weapon and claim status, and counts the rest', () => {
    const text = altText(
      events(),
      ranges(
        range({
          id: 'a',
          weapon: 'Oreshnik',
          min_km: 3000,
          max_km: 5500,
          origin_place: 'Kapustin Yar',
          status: 'reported',
        }),
        range({ id: 'b', weapon: 'KN-23', max_km: 700, status: 'unverified' }),
        range({ id: 'c', weapon: 'X', max_km: 9000 }),
      ),
      { maxRanges: 2 },
    );
    expect(text).toBe(
      'Map: a range of up to 700 km from Pyongyang (KN-23, unverified claim), a 3,000–5,500 km range band from Kapustin Yar (Oreshnik, reported) and 1 more range band.',
    );
  });

  it('says so when there is nothing to show', () => {
    expect(altText(events(), none)).toBe('Map: no events or ranges yet.');
  });
});

describe('dateSpan', () => {
  it('shares the month and year of two days in the same month', () => {
    expect(dateSpan({ year: '2024', month: 11, day: 21 }, { year: '2024', month: 11, day: 27 })).toBe(
      '21–27 November 2024',
    );
  });
  it('shares the year of two days in the same year, with a spaced dash', () => {
    expect(dateSpan({ year: '2024', month: 10, day: 3 }, { year: '2024', month: 11, day: 27 })).toBe(
      '3 October – 27 November 2024',
    );
  });
  it('gives one date once', () => {
    expect(dateSpan({ year: '2024', month: 11 }, { year: '2024', month: 11 })).toBe('November 2024');
  });
});

describe('joinAnd', () => {
  it('joins with commas and a final "and"', () => {
    expect([joinAnd([]), joinAnd(['a']), joinAnd(['a', 'b']), joinAnd(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });
});
