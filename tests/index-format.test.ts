import { describe, expect, it } from 'vitest';
import {
  INDEX_FORMAT,
  dayNumber,
  dayString,
  decodeIndex,
  encodeIndex,
  indexLayoutProblem,
  type IndexEntry,
  type IndexPlace,
} from '../src/index-format.js';

const place = (name: string, extra: Partial<IndexPlace> = {}): IndexPlace => ({
  name,
  precision: 2,
  precision_label: `city: ${name}`,
  admin1: null,
  country: 'UA',
  ...extra,
});

function entry(id: string, at: number[][], places: IndexPlace[], props: Partial<IndexEntry['properties']> = {}) {
  const e: IndexEntry = {
    type: 'Feature',
    geometry: { type: 'MultiPoint', coordinates: at },
    properties: {
      id,
      type: 'missile-strike',
      summary: `strike near ${places[0].name}`,
      label: null,
      status: 'reported',
      date: '2024-01-02',
      date_start: '2024-01-02',
      date_end: '2024-01-02',
      date_precision: 'day',
      precision: places[0].precision,
      precision_label: places[0].precision_label,
      magnitude: null,
      magnitude_unit: null,
      sources: 1,
      conflict: false,
      places,
      claimants: ['the governor'],
      chunk: 0,
      ...props,
    },
  };
  return e;
}

/** Entries of every shape the contract allows, with their chunks as the build numbers them (chunks of 2). */
const entries: IndexEntry[] = [
  entry('e0', [[30.523333, 50.45]], [place('Kyiv')]),
  entry('e1', [[30.523333, 50.45]], [place('Kyiv')], {
    date: '2023-12-30/2024-01-03',
    date_start: '2023-12-30',
    date_end: '2024-01-03',
  }),
  entry(
    'kharkiv-strike-07',
    [
      [36.25, 49.98],
      [-0.1275, 51.507222],
    ],
    [place('Kharkiv'), place('London', { country: 'GB', admin1: 'GB-LND', precision: 1 })],
    {
      claimants: [],
      conflict: true,
      magnitude: 2.5,
      magnitude_unit: 'missiles',
      label: 'Ünïcode "quoted" \\ label',
    },
  ),
  entry('e10', [[-179.999999, -89.5]], [place('Far', { precision: 5, country: null })], {
    date: '2024-03',
    date_start: '2024-03-01',
    date_end: '2024-03-31',
    date_precision: 'month',
    status: 'disputed',
    sources: 3,
  }),
  entry('no-number', [[0, 0]], [place('Null Island')], {
    date: null,
    date_start: null,
    date_end: null,
    date_precision: null,
  }),
  entry('e007', [[30.523333, 50.45]], [place('Kyiv')], {
    date: '2024-02-30',
    date_start: '2024-02-30',
    date_end: '2024-13-01',
  }),
  entry('9', [[30.523333, 50.45]], [place('Kyiv', { precision_label: 'approximate location: Kyiv' })], {
    claimants: ['the army', 'the governor', 'the army'],
  }),
  entry('e5', [[12, 13]], [place('Back')], {
    date: '1969-12-31',
    date_start: '1969-12-31',
    date_end: '2024-01-02',
    // Not its first place's (the event's own precision, as a summed collection may have).
    precision: 4,
    precision_label: 'country: Back',
  }),
].map((e, i) => ({ ...e, properties: { ...e.properties, chunk: Math.floor(i / 2) } }));

/** Through the wire: as text and back. */
const roundTrip = (es: IndexEntry[], chunkSize = 2) =>
  decodeIndex(JSON.parse(JSON.stringify(encodeIndex(es, chunkSize))));

describe('the compact index', () => {
  it('reads back every entry as it was written: ids, dates, places, positions, claimants, chunks', () => {
    const back = roundTrip(entries);
    expect(back).toEqual(entries);
    // Positions are the same numbers, not nearly: the page draws and hashes them.
    expect(back.map((e) => e.geometry.coordinates)).toStrictEqual(entries.map((e) => e.geometry.coordinates));
  });

  it('stores days as numbers, positions as whole-number steps, each string and place once', () => {
    const x = encodeIndex(entries, 2);
    expect(x.format).toBe(INDEX_FORMAT);
    expect(x.events.start[0]).toBe(dayNumber('2024-01-02'));
    expect(x.events.end[1]).toBe(4);
    expect(x.events.date.slice(0, 2)).toEqual([0, 1]);
    // Not a day: kept as written.
    expect(x.events.start[5]).toBe('2024-02-30');
    expect(x.scale).toBe(1e6);
    expect([...x.places.lon, ...x.places.lat].every(Number.isInteger)).toBe(true);
    expect(x.strings.filter((s) => s === 'Kyiv')).toHaveLength(1);
    // Kyiv with its label, Kharkiv, London, Far, Null Island, Kyiv with another label, Back.
    expect(x.places.name).toHaveLength(7);
    // The most used string first.
    expect(x.strings[0]).toBe('missile-strike');
    expect(x.chunks).toBe(4);
  });

  it('keeps positions that are finer than the stated precision as plain degrees', () => {
    const fine = [entry('e1', [[30.1234567891, 50.45]], [place('Fine')]), entry('e2', [[1, 2]], [place('Other')])];
    const x = encodeIndex(fine, 10);
    expect(x.scale).toBeNull();
    expect(decodeIndex(x)[0].geometry.coordinates).toEqual([[30.1234567891, 50.45]]);
  });

  it('reads back a large generated archive (random ids, dates, places, shared and not)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const names = Array.from({ length: 40 }, (_, i) => `Place ${i}`);
    const spots = names.map(() => [
      Math.round((rand() * 360 - 180) * 1e6) / 1e6,
      Math.round((rand() * 170 - 85) * 1e6) / 1e6,
    ]);
    const many = Array.from({ length: 3000 }, (_, i) => {
      const k = 1 + Math.floor(rand() * 3);
      const idx = Array.from({ length: k }, () => Math.floor(rand() * names.length));
      const start = Math.floor(rand() * 20000) - 5000;
      const end = start + (rand() < 0.7 ? 0 : Math.floor(rand() * 40));
      const ds = dayString(start);
      const de = dayString(end);
      const e = entry(
        rand() < 0.8 ? `e${Math.floor(rand() * 1e6)}` : `doc-${i}-x`,
        idx.map((j) => spots[j]),
        idx.map((j) => place(names[j], { precision: (1 + (j % 5)) as IndexPlace['precision'] })),
        {
          date: start === end ? ds : `${ds}/${de}`,
          date_start: ds,
          date_end: de,
          status: pick(['reported', 'disputed', 'confirmed']) as IndexEntry['properties']['status'],
          magnitude: rand() < 0.5 ? null : Math.round(rand() * 1000) / 10,
          magnitude_unit: pick([null, 'drones', 'missiles']),
          claimants: [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(['a', 'b', 'c', 'd'])))],
          sources: 1 + Math.floor(rand() * 5),
          conflict: rand() < 0.1,
        },
      );
      return { ...e, properties: { ...e.properties, chunk: Math.floor(i / 1000) } };
    });
    expect(roundTrip(many, 1000)).toEqual(many);
    // Much smaller than the entries as GeoJSON features.
    expect(JSON.stringify(encodeIndex(many, 1000)).length).toBeLessThan(JSON.stringify(many).length / 3);
  });

  it('reads back no entries', () => {
    expect(roundTrip([], 1000)).toEqual([]);
    expect(indexLayoutProblem(encodeIndex([], 1000))).toBeNull();
  });

  it('says when a file does not have the layout, so that the page reads nothing wrong from it', () => {
    const good = JSON.parse(JSON.stringify(encodeIndex(entries, 2)));
    expect(indexLayoutProblem(good)).toBeNull();
    expect(indexLayoutProblem({ type: 'FeatureCollection', features: [] })).toMatch(/format/);
    expect(indexLayoutProblem(null)).toMatch(/format/);
    const cut = structuredClone(good);
    cut.events.summary.pop();
    expect(indexLayoutProblem(cut)).toMatch(/events\.summary/);
    const noColumn = structuredClone(good);
    delete noColumn.places.lat;
    expect(indexLayoutProblem(noColumn)).toMatch(/places\.lat/);
    const moreClaimants = structuredClone(good);
    moreClaimants.events.claimant_n[0] = 1e9;
    expect(indexLayoutProblem(moreClaimants)).toMatch(/events\.claimant/);
    const count = structuredClone(good);
    count.count = -1;
    expect(indexLayoutProblem(count)).toMatch(/count/);
  });

  it('gives a ref past its table as undefined, for the page to leave the entry out', () => {
    const x = encodeIndex(entries, 2);
    x.events.type[0] = x.strings.length + 5;
    x.events.place[1] = x.places.name.length;
    const back = decodeIndex(x);
    expect(back[0].properties.type).toBeUndefined();
    expect(back[1].geometry.coordinates).toEqual([[]]);
    expect(back[2]).toEqual(entries[2]);
  });
});

describe('day numbers', () => {
  it('are days since 1970-01-01, only for dates that exist', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(dayString(19782)).toBe('2024-02-29');
    for (const bad of ['2024-02-30', '2024-3-01', '2024-03', '2024-03-01/2024-03-02', '', '+02024-01-01'])
      expect(dayNumber(bad)).toBeNull();
  });
});
