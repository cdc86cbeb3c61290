/**
 * The map's layer filters (MapLibre expressions, evaluated here by MapLibre's own style-spec) agree
 * with the pure state's visibility (state.ts) for every feature, every switch and periods: what the
 * list shows is what the map draws. The browser suite keeps one switch of each kind, for the wiring.
 */
import { readFileSync } from 'node:fs';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { EventCollection, EventFeature, RangeCollection } from '../../src/contract';
import { filters } from '../../src/map/filters';
import { GROUP_LAYERS, LAYER } from '../../src/map/ids';
import { dataCollection, leanEvents } from '../../src/map/source';
import { initialState, visibleIds, type AtlasState, type Item } from '../../src/map/state';
import type { Period } from '../../src/map/url-state';

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/app/${name}`, import.meta.url), 'utf8')) as T;
const eventsFile = read<EventCollection>('events.geojson');
const ranges = read<RangeCollection>('ranges.geojson');
const first = eventsFile.features[0];
const undated: EventFeature = {
  ...first,
  properties: { ...first.properties, id: 'ev-undated', date: null, date_start: null, date_end: null },
};
const events: EventCollection = { ...eventsFile, features: [...eventsFile.features, undated] };

const items = new Map<string, Item>([
  ...events.features.map((f) => [f.properties.id, { kind: 'event', feature: f }] as [string, Item]),
  ...ranges.features.map((f) => [f.properties.id, { kind: 'range', feature: f }] as [string, Item]),
]);
// Both sources' features (the events' and the ranges'): each layer's filter picks its own kinds.
const source = [...leanEvents(events).features, ...dataCollection(ranges).features];

/**
 * Ids of the source's features a layer draws: none when its whole layer is switched off (applyHidden
 * sets the layer's visibility), else those its filter lets through (MapLibre's evaluation, zoom 5).
 */
function drawn(layer: string, state: AtlasState): string[] {
  const group = (['events', 'ranges'] as const).find((g) => (GROUP_LAYERS[g] as readonly string[]).includes(layer));
  if (group && state.hidden.includes(group)) return [];
  const filter = featureFilter(
    filters(new Set(state.hidden), state.selected, state.period)[layer] as FilterSpecification,
    'filter',
  );
  const passes = source.filter((f) => filter.filter({ zoom: 5 }, { type: 1, properties: f.properties ?? {} }));
  return [...new Set(passes.map((f) => String(f.properties?.id)))].sort();
}

const tokens = [
  'events',
  'ranges',
  ...new Set(events.features.map((f) => `type:${f.properties.type}`)),
  ...new Set([...events.features, ...ranges.features].map((f) => `status:${f.properties.status}`)),
  ...new Set(ranges.features.map((f) => `basis:${f.properties.basis}`)),
];
const periods: Array<Period | null> = [
  null,
  { from: '2024-11-21', to: '2024-11-21' },
  { from: '2024-11-01', to: '2024-11-30' },
  { from: '1990-01-01', to: '1990-12-31' },
];

/** The states to compare: nothing hidden, each token alone, each pair of tokens; each with every period. */
const states: AtlasState[] = [];
const hiddenSets = [[], ...tokens.map((t) => [t]), ...tokens.flatMap((a, i) => tokens.slice(i + 1).map((b) => [a, b]))];
for (const hidden of hiddenSets)
  for (const period of periods) states.push(initialState({ view: null, hidden, selected: null, period }));

describe('the map draws what the state shows', () => {
  it('has switches of every kind to try, and features of both kinds', () => {
    expect(tokens.filter((t) => t.startsWith('type:')).length).toBeGreaterThan(1);
    expect(tokens.filter((t) => t.startsWith('status:')).length).toBeGreaterThan(1);
    expect(tokens.filter((t) => t.startsWith('basis:')).length).toBeGreaterThan(0);
    expect(states.length).toBeGreaterThan(100);
  });

  it('event markers: the visible events, for every switch, pair of switches and period', () => {
    for (const state of states) {
      const visible = visibleIds(state, items)
        .filter((id) => items.get(id)?.kind === 'event')
        .sort();
      expect(drawn(LAYER.eventMarker, state), JSON.stringify([state.hidden, state.period])).toEqual(visible);
    }
  });

  it("event labels: the two label layers together label every visible event, a point's repeats only in theirs", () => {
    const repeats = new Set(source.filter((f) => f.properties?.repeat === true).map((f) => String(f.properties?.id)));
    expect(repeats.size, 'the fixture has events sharing a point and a label').toBeGreaterThan(0);
    for (const state of states) {
      const visible = visibleIds(state, items)
        .filter((id) => items.get(id)?.kind === 'event')
        .sort();
      const first = drawn(LAYER.eventLabel, state);
      const again = drawn(LAYER.eventLabelRepeat, state);
      expect([...new Set([...first, ...again])].sort(), JSON.stringify([state.hidden, state.period])).toEqual(visible);
      expect(again.every((id) => repeats.has(id))).toBe(true);
      expect(first.some((id) => repeats.has(id))).toBe(false);
    }
  });

  it('range bands, edges and labels: the visible ranges, whatever the period', () => {
    const drawable = (id: string) =>
      items.get(id)?.kind === 'range' && (items.get(id)?.feature.geometry ?? null) !== null;
    for (const state of states) {
      const visible = visibleIds(state, items).filter(drawable).sort();
      for (const layer of [LAYER.rangeFill, LAYER.rangeEdge]) {
        expect(drawn(layer, state), `${layer} ${JSON.stringify([state.hidden, state.period])}`).toEqual(visible);
      }
    }
  });

  it('hiding a layer or a category removes something, and never what it does not name', () => {
    const all = drawn(LAYER.eventMarker, states[0]);
    expect(all.length).toBe(events.features.length);
    const type = `type:${first.properties.type}`;
    const hidden = drawn(LAYER.eventMarker, initialState({ view: null, hidden: [type], selected: null }));
    expect(hidden).not.toContain(first.properties.id);
    expect(hidden.length).toBeGreaterThan(0);
  });
});
