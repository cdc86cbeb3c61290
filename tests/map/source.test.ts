import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventCollection, EventFeature } from '../../src/contract';
import { leanEvents } from '../../src/map/source';

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
