import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventCollection, EventFeature, RangeCollection } from '../../src/contract';
import {
  changes,
  initialState,
  isVisible,
  next,
  resolveAliases,
  stepFocus,
  toUrlState,
  visibleIds,
  type AtlasState,
  type Item,
} from '../../src/map/state';
import { formatHash, parseHash } from '../../src/map/url-state';
import { groupBands } from '../../src/map/band-groups';

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/app/${name}`, import.meta.url), 'utf8')) as T;
const events = read<EventCollection>('events.geojson').features;
const ranges = read<RangeCollection>('ranges.geojson').features;
const undated: EventFeature = {
  ...events[0],
  properties: { ...events[0].properties, id: 'ev-undated', date: null, date_start: null, date_end: null },
};

const items = new Map<string, Item>([
  ...events.map((f) => [f.properties.id, { kind: 'event', feature: f }] as [string, Item]),
  [undated.properties.id, { kind: 'event', feature: undated }],
  ...ranges.map((f) => [f.properties.id, { kind: 'range', feature: f }] as [string, Item]),
]);
const eventIds = [...events.map((f) => f.properties.id), undated.properties.id];
const rangeIds = ranges.map((f) => f.properties.id);
const dnipro = 'ev-2024-11-21-dnipro-missile';
const transfer = 'ev-2024-11-ru-kp-exchange'; // arms-transfer, claimed, dated to the month
const band = 'rg-irbm-kapustin-yar'; // basis class, claimed

const start: AtlasState = initialState({ view: null, hidden: [], selected: null });

describe('the state a URL asks for', () => {
  it('fills in the defaults: flat map, all dates, nothing hidden, the whole story (step 0)', () => {
    expect(start).toEqual({ view: null, hidden: [], selected: null, period: null, projection: 'flat', step: 0 });
  });

  it('round-trips through the URL: view, hidden layers, selection, period, projection and step', () => {
    const state: AtlasState = {
      view: { center: [35.04, 48.46], zoom: 4.2 },
      hidden: ['ranges', 'status:unverified'],
      selected: dnipro,
      period: { from: '2024-11-01', to: '2024-11-30' },
      projection: 'globe',
      step: 2,
    };
    expect(formatHash(toUrlState(state))).toMatch(/&step=2$/);
    expect(initialState(parseHash(formatHash(toUrlState(state))))).toEqual(state);
    // The overview writes no step.
    expect(formatHash(toUrlState({ ...state, step: 0 }))).not.toContain('step=');
  });

  it('keeps each hidden token once, sorted, so that equal states write equal URLs', () => {
    expect(initialState({ view: null, hidden: ['type:b', 'events', 'type:b'], selected: null }).hidden).toEqual([
      'events',
      'type:b',
    ]);
  });
});

describe('visibility', () => {
  it('shows everything by default, undated events included', () => {
    expect(visibleIds(start, items).sort()).toEqual([...eventIds, ...rangeIds].sort());
  });

  it('a layer switch hides all of its layer and nothing of the other', () => {
    const noEvents = next(start, { type: 'hide', hidden: ['events'] }, items);
    expect(visibleIds(noEvents, items).sort()).toEqual([...rangeIds].sort());
    const noRanges = next(start, { type: 'hide', hidden: ['ranges'] }, items);
    expect(visibleIds(noRanges, items).sort()).toEqual([...eventIds].sort());
  });

  it('a category switch hides its events, or its bands, only', () => {
    const state = next(start, { type: 'hide', hidden: ['type:arms-transfer'] }, items);
    expect(visibleIds(state, items)).not.toContain(transfer);
    expect(visibleIds(state, items)).toHaveLength(items.size - 1);
    const byBasis = next(start, { type: 'hide', hidden: ['basis:class'] }, items);
    expect(visibleIds(byBasis, items).filter((id) => rangeIds.includes(id))).toEqual(
      rangeIds.filter((id) => id !== band),
    );
  });

  it('a status switch hides events and bands of that status alike', () => {
    const state = next(start, { type: 'hide', hidden: ['status:claimed'] }, items);
    const claimed = [...items].filter(([, i]) => i.feature.properties.status === 'claimed').map(([id]) => id);
    expect(claimed.length).toBeGreaterThanOrEqual(3); // events and a band
    expect(claimed.some((id) => rangeIds.includes(id))).toBe(true);
    for (const id of claimed) expect(isVisible(state, items.get(id))).toBe(false);
    expect(visibleIds(state, items)).toHaveLength(items.size - claimed.length);
  });

  it('switching a layer back on shows it again', () => {
    const off = next(start, { type: 'hide', hidden: ['events', 'ranges'] }, items);
    expect(visibleIds(off, items)).toEqual([]);
    expect(visibleIds(next(off, { type: 'hide', hidden: [] }, items), items)).toHaveLength(items.size);
  });

  it('a period shows the events whose date overlaps it, never undated ones, and the ranges whose documents are dated in it', () => {
    const state = next(start, { type: 'period', period: { from: '2024-11-22', to: '2024-11-24' } }, items);
    const shown = visibleIds(state, items);
    // The 23rd by day, and the month of November 2024 overlaps too.
    expect(shown.filter((id) => eventIds.includes(id)).sort()).toEqual(['ev-2024-11-23-kursk-atacms', transfer].sort());
    expect(shown).not.toContain(undated.properties.id);
    // The bands' documents are dated 15 and 21 November: neither is in the period.
    expect(shown.filter((id) => rangeIds.includes(id))).toEqual([]);
    const wider = visibleIds(
      next(start, { type: 'period', period: { from: '2024-11-20', to: '2024-11-24' } }, items),
      items,
    );
    expect(wider.filter((id) => rangeIds.includes(id))).toEqual([band]);
  });

  it('an unknown id is never visible', () => {
    expect(isVisible(start, items.get('no-such-id'))).toBe(false);
  });
});

describe('selection', () => {
  it('selects a visible feature, and clears with null (a click on empty sea)', () => {
    const selected = next(start, { type: 'select', id: dnipro }, items);
    expect(selected.selected).toBe(dnipro);
    expect(next(selected, { type: 'select', id: null }, items).selected).toBeNull();
  });

  it('does not select a hidden or unknown feature (a hand-edited URL)', () => {
    const hidden = next(start, { type: 'hide', hidden: ['events'] }, items);
    expect(next(hidden, { type: 'select', id: dnipro }, items).selected).toBeNull();
    expect(next(start, { type: 'select', id: 'no-such-id' }, items).selected).toBeNull();
  });

  it('hiding the selected feature, by layer, category or period, clears the selection', () => {
    const selected = next(start, { type: 'select', id: dnipro }, items);
    expect(next(selected, { type: 'hide', hidden: ['events'] }, items).selected).toBeNull();
    expect(next(selected, { type: 'hide', hidden: ['status:reported'] }, items).selected).toBeNull();
    expect(
      next(selected, { type: 'period', period: { from: '2024-11-25', to: '2024-11-30' } }, items).selected,
    ).toBeNull();
    // Hiding something else keeps it.
    expect(next(selected, { type: 'hide', hidden: ['ranges'] }, items).selected).toBe(dnipro);
  });

  it('a band stays selected in a period its document is dated in, and not outside it', () => {
    const selected = next(start, { type: 'select', id: band }, items);
    expect(next(selected, { type: 'period', period: { from: '2024-11-21', to: '2024-11-21' } }, items).selected).toBe(
      band,
    );
    expect(
      next(selected, { type: 'period', period: { from: '2020-01-01', to: '2020-01-02' } }, items).selected,
    ).toBeNull();
  });
});

describe('a link naming a range feature merged into another band', () => {
  // The fixture's band published twice (two builds summed), the second with a claim of another document.
  const original = ranges.find((f) => f.properties.id === band)!;
  const claim = { ...original.properties.claims[0], document: 'other-doc', document_title: 'Another report', line: 9 };
  const copy = { ...original, properties: { ...original.properties, id: 'rg-copy', claims: [claim] } };
  const grouped = groupBands({ type: 'FeatureCollection', features: [...ranges, copy] });
  const bandItems = new Map<string, Item>(
    grouped.ranges.features.map((f) => [f.properties.id, { kind: 'range', feature: f }] as [string, Item]),
  );

  it('selects the band it was merged into, whose claims list its claim', () => {
    expect(grouped.aliases.get('rg-copy')).toBe(band);
    expect(bandItems.has('rg-copy')).toBe(false);
    // Without the aliases, the link selects nothing (the feature is not drawn on its own).
    expect(next(start, { type: 'select', id: 'rg-copy' }, bandItems).selected).toBeNull();
    const selected = next(start, resolveAliases({ type: 'select', id: 'rg-copy' }, grouped.aliases), bandItems);
    expect(selected.selected).toBe(band);
    const item = bandItems.get(selected.selected!)!;
    expect(item.kind === 'range' && item.feature.properties.claims.map((c) => c.document_title)).toContain(
      'Another report',
    );
  });

  it('does the same for a link (sel=) restored from history, and leaves other actions as they are', () => {
    const link = parseHash('#sel=rg-copy');
    const restored = next(start, resolveAliases({ type: 'restore', state: link }, grouped.aliases), bandItems);
    expect(restored.selected).toBe(band);
    const other = { type: 'select', id: dnipro } as const;
    expect(resolveAliases(other, grouped.aliases)).toBe(other);
    const none = { type: 'select', id: null } as const;
    expect(resolveAliases(none, grouped.aliases)).toBe(none);
  });
});

describe('restoring a state from history', () => {
  it('takes hidden layers, period, projection and selection from it, and keeps the view when it has none', () => {
    const here: AtlasState = { ...start, view: { center: [30, 50], zoom: 5 }, selected: band };
    const restored = next(
      here,
      {
        type: 'restore',
        state: {
          view: null,
          hidden: ['ranges'],
          selected: dnipro,
          period: { from: '2024-11-21', to: '2024-11-21' },
          projection: 'globe',
        },
      },
      items,
    );
    expect(restored).toEqual({
      view: here.view,
      hidden: ['ranges'],
      selected: dnipro,
      period: { from: '2024-11-21', to: '2024-11-21' },
      projection: 'globe',
      step: 0,
    });
  });

  it('drops a selection the restored state hides', () => {
    expect(
      next(start, { type: 'restore', state: { view: null, hidden: ['events'], selected: dnipro } }, items).selected,
    ).toBeNull();
  });

  it('goes back to the flat map and all dates when the URL does not name them', () => {
    const globe: AtlasState = { ...start, projection: 'globe', period: { from: '2024-11-01', to: '2024-11-02' } };
    const restored = next(globe, { type: 'restore', state: { view: null, hidden: [], selected: null } }, items);
    expect(restored.projection).toBe('flat');
    expect(restored.period).toBeNull();
  });
});

describe('what changed', () => {
  it('names each changed part, and nothing for an equal state', () => {
    expect([...changes(start, { ...start })]).toEqual([]);
    const after = next(
      next(start, { type: 'hide', hidden: ['ranges'] }, items),
      { type: 'projection', projection: 'globe' },
      items,
    );
    expect([...changes(start, after)].sort()).toEqual(['hidden', 'projection']);
    const selected = next(start, { type: 'select', id: dnipro }, items);
    expect([...changes(selected, next(selected, { type: 'hide', hidden: ['events'] }, items))].sort()).toEqual([
      'hidden',
      'selected',
    ]);
  });

  it('a period of the same days is no change', () => {
    const a = { ...start, period: { from: '2024-11-01', to: '2024-11-02' } };
    const b = { ...start, period: { from: '2024-11-01', to: '2024-11-02' } };
    expect(changes(a, b).has('period')).toBe(false);
  });
});

describe("a story's steps", () => {
  const steps = [{ features: [dnipro, band] }, { features: [transfer] }, { features: ['rg-merged'] }];

  it("goes to a step and back to the overview, within the story's steps", () => {
    const two = next(start, { type: 'step', step: 2 }, items, steps.length);
    expect(two.step).toBe(2);
    expect(changes(start, two)).toEqual(new Set(['step']));
    expect(next(two, { type: 'step', step: 0 }, items, steps.length).step).toBe(0);
    // Past the end: the last step; below 0 or not a whole number: the overview.
    expect(next(start, { type: 'step', step: 9 }, items, steps.length).step).toBe(3);
    expect(next(two, { type: 'step', step: -1 }, items, steps.length).step).toBe(0);
    expect(next(two, { type: 'step', step: 1.5 }, items, steps.length).step).toBe(0);
    // A map without steps has only the overview.
    expect(next(start, { type: 'step', step: 1 }, items).step).toBe(0);
  });

  it('a new step closes the selection; the same step changes nothing', () => {
    const open = next(next(start, { type: 'step', step: 1 }, items, 3), { type: 'select', id: dnipro }, items, 3);
    expect(open.selected).toBe(dnipro);
    expect(next(open, { type: 'step', step: 1 }, items, 3)).toBe(open);
    expect(next(open, { type: 'step', step: 2 }, items, 3)).toMatchObject({ step: 2, selected: null });
  });

  it('restores a step from history or a link, clamped to the story', () => {
    expect(next(start, { type: 'restore', state: parseHash('#step=2') }, items, 3).step).toBe(2);
    expect(next(start, { type: 'restore', state: parseHash('#step=7') }, items, 3).step).toBe(3);
    expect(next(initialState(parseHash('#step=2')), { type: 'restore', state: parseHash('') }, items, 3).step).toBe(0);
  });

  it("brings forward the step's features (a merged range by its band's id); nothing at the overview", () => {
    expect(stepFocus({ step: 0 }, steps)).toBeNull();
    expect(stepFocus({ step: 4 }, steps)).toBeNull();
    expect([...(stepFocus({ step: 1 }, steps) ?? [])]).toEqual([dnipro, band]);
    expect([...(stepFocus({ step: 3 }, steps, new Map([['rg-merged', band]])) ?? [])]).toEqual([band]);
  });
});
