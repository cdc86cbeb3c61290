import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventCollection, EventFeature, RangeCollection } from '../../src/contract';
import { EVENT_SOURCE, SOURCE } from '../../src/map/ids';
import { PENDING_RING, markerPatternId } from '../../src/map/scales';
import { dataLayers } from '../../src/map/layers';
import { LAYER } from '../../src/map/ids';
import {
  clusterWithNextData,
  dataCollection,
  dataExtent,
  dataSending,
  emptyEventSource,
  labelPoints,
  labelText,
  leanEvents,
  markerTexts,
  patternIds,
  repeatedOrigins,
  setDataCollection,
} from '../../src/map/source';

const events = JSON.parse(
  readFileSync(new URL('../fixtures/app/events.geojson', import.meta.url), 'utf8'),
) as EventCollection;
const labels = (f: EventFeature) =>
  leanEvents({ type: 'FeatureCollection', features: [f] }).features.map((p) => p.properties?.label);
const twoPlaces = events.features.find((f) => f.properties.places.length > 1)!;

describe('marker labels (leanEvents)', () => {
  it("labels each marker with its own place's name when the event has no label=", () => {
    expect(twoPlaces, 'the app fixture has an event in several places').toBeDefined();
    expect(labels({ ...twoPlaces, properties: { ...twoPlaces.properties, label: null } })).toEqual(
      twoPlaces.properties.places.map((p) => p.name),
    );
  });

  it("puts the annotator's label beside every marker of the event instead", () => {
    expect(labels({ ...twoPlaces, properties: { ...twoPlaces.properties, label: 'Drone wave' } })).toEqual(
      twoPlaces.properties.places.map(() => 'Drone wave'),
    );
  });

  it('tells apart the markers of an event whose own label is written at each of its places (mark)', () => {
    const marks = (label: string | null) =>
      leanEvents({
        type: 'FeatureCollection',
        features: [{ ...twoPlaces, properties: { ...twoPlaces.properties, label } }],
      }).features.map((p) => p.properties?.mark);
    expect(marks('Border fighting')).toEqual(twoPlaces.properties.places.map((_, n) => n));
    // Labelled by their own place names, they are told apart already.
    expect(marks(null).every((m) => m === undefined)).toBe(true);
  });

  it('falls back to the place name for a blank label or data built before label existed', () => {
    const { label: _, ...old } = twoPlaces.properties;
    expect(labels({ ...twoPlaces, properties: old as EventFeature['properties'] })[0]).toBe(
      twoPlaces.properties.places[0].name,
    );
    expect(labels({ ...twoPlaces, properties: { ...twoPlaces.properties, label: '  ' } })[0]).toBe(
      twoPlaces.properties.places[0].name,
    );
  });
});

describe('one label per point and text (leanEvents `repeat`)', () => {
  const kursk = events.features.filter((f) => f.properties.places.some((p) => p.name === 'Kursk Oblast'));
  const at = (fc: ReturnType<typeof leanEvents>, name: string) =>
    fc.features.filter((p) => p.properties?.label === name).map((p) => p.properties?.repeat === true);

  it('marks every label but the first written at a point as a repeat', () => {
    expect(kursk.length, 'the app fixture has two events in Kursk Oblast').toBeGreaterThan(1);
    const lean = leanEvents({ type: 'FeatureCollection', features: kursk });
    expect(at(lean, 'Kursk Oblast')).toEqual(kursk.map((_, n) => n > 0));
  });

  it('keeps a different label at the same point, and the same name at another point, as labels of their own', () => {
    const [a, b] = kursk;
    const relabelled = { ...b, properties: { ...b.properties, label: 'Drone wave' } };
    const lean = leanEvents({ type: 'FeatureCollection', features: [a, relabelled] });
    expect(lean.features.filter((p) => p.properties?.repeat === true)).toEqual([]);
    const moved = {
      ...b,
      geometry: {
        ...b.geometry,
        coordinates: b.geometry.coordinates.map(([lon, lat]) => [lon + 1, lat]),
      },
    };
    expect(
      leanEvents({ type: 'FeatureCollection', features: [a, moved] }).features.filter(
        (p) => p.properties?.repeat === true,
      ),
    ).toEqual([]);
  });
});

describe('"(N events)" follows what is visible (leanEvents with isVisible)', () => {
  const kursk = events.features.filter((f) => f.properties.places.some((p) => p.name === 'Kursk Oblast'));
  const kurskPoints = (fc: ReturnType<typeof leanEvents>) =>
    fc.features
      .filter((p) => p.properties?.label === 'Kursk Oblast')
      .map((p) => ({ id: p.properties?.id, here: p.properties?.here ?? 1, repeat: p.properties?.repeat === true }));

  it('counts only the events shown at a point: two events, one switched off, say no count', () => {
    expect(kursk.length, 'the app fixture has two events in Kursk Oblast').toBe(2);
    const [a, b] = kursk.map((f) => f.properties.id);
    const both = leanEvents({ type: 'FeatureCollection', features: kursk });
    expect(kurskPoints(both).map((p) => p.here)).toEqual([2, 2]);
    const oneOff = leanEvents({ type: 'FeatureCollection', features: kursk }, (id) => id !== b);
    const shown = kurskPoints(oneOff).find((p) => p.id === a)!;
    expect(shown).toEqual({ id: a, here: 1, repeat: false });
    expect(labelText('Kursk Oblast', shown.here)).toBe('Kursk Oblast');
  });

  it('lets the second event write the label when the first is switched off (it is no longer a repeat)', () => {
    const [a, b] = kursk.map((f) => f.properties.id);
    const firstOff = leanEvents({ type: 'FeatureCollection', features: kursk }, (id) => id !== a);
    expect(kurskPoints(firstOff).find((p) => p.id === b)).toEqual({ id: b, here: 1, repeat: false });
    // Nothing hidden: the default counts every event, as before.
    expect(kurskPoints(leanEvents({ type: 'FeatureCollection', features: kursk })).map((p) => p.repeat)).toEqual([
      false,
      true,
    ]);
  });
});

describe('"(N events)" counts the events behind one label, not every event at the point', () => {
  const kursk = events.features.filter((f) => f.properties.places.some((p) => p.name === 'Kursk Oblast'));
  const withLabel = (f: EventFeature, label: string | null): EventFeature => ({
    ...f,
    properties: { ...f.properties, label },
  });
  const at = (fc: EventFeature[]) =>
    leanEvents({ type: 'FeatureCollection', features: fc })
      .features.filter((p) => kursk.some((f) => f.properties.id === p.properties?.id))
      .map((p) => `${p.properties?.label} ${p.properties?.here ?? 1}`);

  it('gives no count to labels of their own at one point ("Thai F-16 strikes" beside "Border fighting")', () => {
    const [a, b] = kursk;
    expect(at([withLabel(a, 'Thai F-16 strikes'), withLabel(b, 'Border fighting')])).toEqual([
      'Thai F-16 strikes 1',
      'Border fighting 1',
    ]);
    expect(
      markerTexts({
        type: 'FeatureCollection',
        features: [withLabel(a, 'Thai F-16 strikes'), withLabel(b, 'Border fighting')],
      })
        .map((m) => m.text)
        .filter((t) => t.includes('(')),
    ).toEqual([]);
  });

  it('still counts events that share a label there (the place name, or the same label=)', () => {
    const [a, b] = kursk;
    expect(at([withLabel(a, null), withLabel(b, null)])).toEqual(['Kursk Oblast 2', 'Kursk Oblast 2']);
    expect(at([withLabel(a, 'Strikes'), withLabel(b, 'Strikes')])).toEqual(['Strikes 2', 'Strikes 2']);
    // One with a label of its own and one labelled with the place: each alone behind its words.
    expect(at([withLabel(a, 'Strikes'), withLabel(b, null)])).toEqual(['Strikes 1', 'Kursk Oblast 1']);
  });
});

describe('markerTexts: the labels as drawn, for the first view to keep clear of the controls', () => {
  it('writes how many events share a point, as the label layers do', () => {
    const kursk = events.features.filter((f) => f.properties.places.some((p) => p.name === 'Kursk Oblast'));
    const texts = markerTexts({ type: 'FeatureCollection', features: kursk }).map((m) => m.text);
    expect(texts).toContain(`Kursk Oblast (${kursk.length} events)`);
    expect(labelText('Odesa', 1)).toBe('Odesa');
    expect(labelText('Odesa', 2)).toBe('Odesa (2 events)');
  });

  it('gives one text per marker, at the marker, and the plain name where an event is alone', () => {
    const all = markerTexts(events);
    expect(all.length).toBe(events.features.reduce((n, f) => n + f.geometry.coordinates.length, 0));
    const alone = events.features.find(
      (f) =>
        !f.properties.label &&
        events.features.filter(
          (g) => JSON.stringify(g.geometry.coordinates[0]) === JSON.stringify(f.geometry.coordinates[0]),
        ).length === 1,
    )!;
    expect(markerTexts({ type: 'FeatureCollection', features: [alone] })[0]).toEqual({
      lonlat: alone.geometry.coordinates[0],
      text: alone.properties.places[0].name,
    });
  });
});

describe("a launch point's name is not written twice (repeatedOrigins, dataCollection)", () => {
  const ranges = JSON.parse(
    readFileSync(new URL('../fixtures/app/ranges.geojson', import.meta.url), 'utf8'),
  ) as RangeCollection;
  const drawn = ranges.features.find((f) => f.properties.origin && f.properties.origin_place)!;
  const [lon, lat] = drawn.properties.origin!;
  const name = drawn.properties.origin_place!;
  /** An event with one place, at `lonlat`, named `place`, with the annotator's `label` or none. */
  const eventAt = (lonlat: [number, number], place: string, label: string | null): EventCollection => {
    const base = events.features[0];
    return {
      type: 'FeatureCollection',
      features: [
        {
          ...base,
          geometry: { type: 'MultiPoint', coordinates: [lonlat] },
          properties: {
            ...base.properties,
            id: 'ev-at-origin',
            label,
            place,
            places: [{ ...base.properties.places[0], name: place, lonlat }],
          },
        },
      ],
    };
  };
  const originLabel = (repeated: Set<string>) =>
    dataCollection(ranges, undefined, repeated).features.find(
      (f) => f.properties?.kind === 'origin' && f.properties.id === drawn.properties.id,
    )?.properties?.origin_label;

  it("leaves out the name an event's marker at the launch point is labelled with", () => {
    const repeated = repeatedOrigins(ranges, eventAt([lon, lat], name, null));
    expect(repeated).toEqual(new Set([drawn.properties.id]));
    expect(originLabel(repeated)).toBeUndefined();
  });

  it("leaves out a name a story's highlighted area writes, in any case ('YEMEN', 'Yemen')", () => {
    expect(repeatedOrigins(ranges, null, [name.toUpperCase()])).toEqual(new Set([drawn.properties.id]));
  });

  it('keeps it when the marker there says something else, or the same name stands elsewhere', () => {
    expect(repeatedOrigins(ranges, eventAt([lon, lat], name, 'Test launch'))).toEqual(new Set());
    expect(repeatedOrigins(ranges, eventAt([lon + 1, lat], name, null))).toEqual(new Set());
    expect(repeatedOrigins(ranges, events, ['Elsewhere'])).toEqual(new Set());
    expect(originLabel(new Set())).toBe(name);
  });

  it('the origin label layer writes origin_label, not origin_place', () => {
    const layer = dataLayers('light', new Set()).find((l) => l.id === LAYER.originLabel);
    expect(JSON.stringify(layer?.type === 'symbol' ? layer.layout?.['text-field'] : null)).toContain('origin_label');
  });
});

describe('labelPoints: where a band is labelled, and on which side', () => {
  it('labels the southern, eastern and western extremes, each inside the band from its point', () => {
    // A ring round (40, 20): south (40, 10), west (30, 20), east (50, 20), north (40, 30).
    const ring = [
      [40, 10],
      [50, 20],
      [40, 30],
      [30, 20],
      [40, 10],
    ];
    expect(labelPoints([ring])).toEqual([
      { point: [40, 10], anchor: 'bottom' },
      { point: [50, 20], anchor: 'right' },
      { point: [30, 20], anchor: 'left' },
    ]);
  });
  it('labels a point once, and nothing without points', () => {
    expect(labelPoints([[[5, 5]]])).toEqual([{ point: [5, 5], anchor: 'bottom' }]);
    expect(labelPoints([])).toEqual([]);
  });
});

describe('patternIds: the images added with the data', () => {
  it('adds the pending ring only when an unreviewed suggestion is shown', () => {
    expect(patternIds(events, 'light')).not.toContain(PENDING_RING);
    const pending = {
      ...events,
      features: [{ ...events.features[0], properties: { ...events.features[0].properties, pending: true as const } }],
    };
    expect(patternIds(pending, 'light')).toContain(PENDING_RING);
  });

  it("gives each marker's pattern: the first place's at the event's size, the others' at the plain size", () => {
    const expected = new Set(
      events.features.flatMap((f) =>
        [f.properties.magnitude, ...(f.properties.places.length > 1 ? [null] : [])].flatMap(
          (magnitude) => markerPatternId({ ...f.properties, magnitude }) ?? [],
        ),
      ),
    );
    expect(expected.size, 'the fixture has patterned markers').toBeGreaterThan(0);
    const ids = patternIds(events, 'light');
    expect(new Set(ids.filter((id) => id.startsWith('atlas-marker-')))).toEqual(expected);
  });

  it("copies no event's properties (at 100,000 events the copies held the data back from the map)", () => {
    let copies = 0;
    const watched: EventCollection = {
      ...events,
      features: events.features.map((f) => ({
        ...f,
        properties: new Proxy(f.properties, {
          ownKeys(target) {
            copies++;
            return Reflect.ownKeys(target);
          },
        }),
      })),
    };
    patternIds(watched, 'light');
    expect(copies).toBe(0);
  });
});

describe('setDataCollection: the order the data goes to the map', () => {
  it("sends the events before the ranges: the map's worker takes them in turn, and clustering is its longest task", () => {
    const sent: string[] = [];
    const map = {
      hasImage: () => true,
      getSource: (id: string) => ({
        workerOptions: { geojsonVtOptions: {} },
        setData: () => sent.push(id),
      }),
    };
    setDataCollection(map as never, events, { type: 'FeatureCollection', features: [] }, 'light');
    expect(sent).toEqual([EVENT_SOURCE, SOURCE]);
  });
});

describe('the events sent to the map worker carry only what the layers read (leanEvents)', () => {
  /** Every property a data layer's filter, layout or paint reads (`get`, `has`), with a type, a status and a period off. */
  const read = new Set<string>();
  const walk = (x: unknown): void => {
    if (!Array.isArray(x)) {
      if (x && typeof x === 'object') for (const v of Object.values(x)) walk(v);
      return;
    }
    if ((x[0] === 'get' || x[0] === 'has') && typeof x[1] === 'string') read.add(x[1]);
    for (const v of x) walk(v);
  };
  const hidden = new Set(['type:drone-strike', 'status:disputed']);
  walk(dataLayers('light', hidden, 'some-id', { from: '2024-01-01', to: '2024-02-01' }));

  it('sends no property that no layer reads', () => {
    const keys = new Set(leanEvents(events).features.flatMap((f) => Object.keys(f.properties ?? {})));
    // `mark` is read too, by the expression event-labels.ts sets on the label layers' opacity at run time.
    expect([...keys].filter((k) => !read.has(k) && k !== 'mark')).toEqual([]);
    // The label, the count at a shared point and the period's bounds are among them.
    for (const k of ['id', 'label', 'here', 't0', 't1', 'precision', 'status']) expect(read.has(k), k).toBe(true);
  });

  it('leaves out a figure where none sizes the marker, and the count where a point is not shared', () => {
    const lean = leanEvents(events).features;
    const figures = events.features.filter((f) => typeof f.properties.magnitude === 'number').length;
    expect(figures, 'the app fixture has events with and without a figure').toBeGreaterThan(0);
    expect(lean.filter((p) => 'magnitude' in (p.properties ?? {})).length).toBe(figures);
    expect(lean.every((p) => p.properties?.here === undefined || p.properties.here > 1)).toBe(true);
    expect(lean.some((p) => p.properties?.here === 2)).toBe(true);
  });
});

describe('a large archive on the map', () => {
  it('frames every place of every event and every range origin (dataExtent)', () => {
    const at = (id: string, coordinates: number[][]) =>
      ({
        ...events.features[0],
        geometry: { type: 'MultiPoint', coordinates },
        properties: { ...events.features[0].properties, id },
      }) as EventFeature;
    const collection: EventCollection = {
      type: 'FeatureCollection',
      features: [
        at('a', [
          [30.5, 50.4],
          [-3.7, 40.4],
        ]),
        at('b', [[139.7, 35.7]]),
      ],
    };
    const ranges = { features: [{ properties: { origin: [12.5, -41.9] } }, { properties: { origin: null } }] };
    expect(dataExtent(collection, ranges)).toEqual([
      [-3.7, -41.9],
      [139.7, 50.4],
    ]);
    expect(dataExtent({ features: [] }, { features: [] })).toBe(null);
  });

  it('clusters with the data set next, at the empty source’s radius and zoom (clusterWithNextData)', () => {
    const spec = emptyEventSource();
    const workerOptions = {
      geojsonVtOptions: { cluster: spec.cluster, clusterOptions: { radius: 1, maxZoom: spec.clusterMaxZoom } },
    };
    clusterWithNextData({ workerOptions });
    expect(workerOptions.geojsonVtOptions).toEqual({
      cluster: true,
      clusterOptions: { radius: 1, maxZoom: spec.clusterMaxZoom },
    });
  });

  it('says when the data starts on its way to the worker, or is there (dataSending)', async () => {
    const fake = () => {
      const listeners = new Map<string, () => void>();
      return {
        once: (type: string, f: () => void) => listeners.set(type, f),
        fire: (type: string) => listeners.get(type)?.(),
      };
    };
    for (const event of ['dataloading', 'data']) {
      const source = fake();
      let sent = false;
      void dataSending(source).then(() => (sent = true));
      await Promise.resolve();
      expect(sent).toBe(false);
      source.fire(event);
      await Promise.resolve();
      expect(sent, event).toBe(true);
    }
  });
});
