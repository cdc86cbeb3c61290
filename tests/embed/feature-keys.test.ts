import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { EventFeature, RangeFeature } from '../../src/contract.js';
import { featureKeys, keyEntries } from '../../src/embed/feature-keys.js';
import type { Item } from '../../src/map/state.js';

const event = (id: string, date: string | null, label: string | null = null): Item => ({
  kind: 'event',
  feature: {
    type: 'Feature',
    geometry: { type: 'MultiPoint', coordinates: [[35, 32]] },
    properties: {
      id,
      type: 'missile-strike',
      summary: `Summary of ${id}`,
      label,
      date,
      date_start: date,
      places: [{ name: `Place of ${id}` }],
      place: `Place of ${id}`,
    },
  } as EventFeature,
});
const range = (id: string, drawn: boolean): Item => ({
  kind: 'range',
  feature: {
    type: 'Feature',
    geometry: drawn ? { type: 'Polygon', coordinates: [] } : null,
    properties: { id, label: `Weapon ${id}: up to 2,150 km, claimed`, status: 'claimed' },
  } as RangeFeature,
});

describe('keyEntries: the keyboard list of the embed', () => {
  const items = [
    range('r1', true),
    event('late', '2025-05-05'),
    range('r-none', false),
    event('undated', null),
    event('early', '2025-05-04', 'Missile hits the airport'),
  ];
  it('lists the visible events by date (undated last), then the ranges drawn on the map', () => {
    const entries = keyEntries(items, () => true);
    expect(entries.map((e) => e.id)).toEqual(['early', 'late', 'undated', 'r1']);
    expect(entries[0].label).toBe('Missile strike: Missile hits the airport (Place of early, 4 May 2025)');
    expect(entries[1].label).toBe('Missile strike: Summary of late (Place of late, 5 May 2025)');
    expect(entries[3].label).toBe('Range: Weapon r1: up to 2,150 km, claimed');
    expect(entries[3].colour).toBe('var(--range-claimed)');
  });
  it("in a story's step, lists its features first and says the faded rest are not in the step", () => {
    const entries = keyEntries(items, () => true, new Set(['r1', 'late']));
    expect(entries.map((e) => e.id)).toEqual(['late', 'r1', 'early', 'undated']);
    expect(entries[1].label).toBe('Range: Weapon r1: up to 2,150 km, claimed');
    expect(entries[2].label).toBe(
      'Missile strike: Missile hits the airport (Place of early, 4 May 2025) (not in this step)',
    );
  });
  it("says how each event stands, as its marker's fill marks it: a claim is never read out as fact", () => {
    const standing = (status: string, conflict: boolean): Item => {
      const item = event(`e-${status}`, '2025-05-04');
      Object.assign(item.feature.properties, { status, conflict });
      return item;
    };
    const labels = keyEntries([standing('unverified', false), standing('disputed', true)], () => true).map(
      (e) => e.label,
    );
    expect(labels).toEqual([
      'Missile strike: Summary of e-disputed (Place of e-disputed, 4 May 2025), disputed claim; sources disagree on the date or place',
      'Missile strike: Summary of e-unverified (Place of e-unverified, 4 May 2025), unverified claim',
    ]);
  });
  it('follows what is switched off', () => {
    expect(keyEntries(items, (id) => id !== 'late' && id !== 'r1').map((e) => e.id)).toEqual(['early', 'undated']);
  });
});

describe('featureKeys: its buttons', () => {
  it('has a button per entry that calls back with its id, a count, and hides when empty', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const chosen: string[] = [];
    const keys = featureKeys(document, (id) => chosen.push(id));
    keys.set(keyEntries([event('a', '2025-05-04'), event('b', '2025-05-05')], () => true));
    const buttons = keys.element.querySelectorAll('button');
    expect(buttons.length).toBe(2);
    expect(keys.element.getAttribute('aria-label')).toBe('Events and ranges on this map: 2');
    buttons[1].click();
    expect(chosen).toEqual(['b']);
    expect(keys.button('a')).toBe(buttons[0]);
    keys.set([]);
    expect(keys.element.hidden).toBe(true);
    expect(keys.button('a')).toBeNull();
  });
});
