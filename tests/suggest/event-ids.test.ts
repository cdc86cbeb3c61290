import { describe, expect, it } from 'vitest';
import { nameEvents, numberedEventId } from '../../src/suggest/event-ids.js';
import type { Suggestion } from '../../src/suggest/suggestion.js';

const at = (kind: Suggestion['kind'], attributes: Record<string, string>): Suggestion => ({
  kind,
  start: 0,
  end: 1,
  attributes,
  confidence: 0.7,
});

describe('nameEvents', () => {
  it('names each numbered event by its document, first place and type, and rewrites what refers to it', () => {
    const doc = 'Harbour Strikes';
    const out = nameEvents(doc, [
      at('place', { id: 'odesa' }),
      at('event', { id: numberedEventId(doc, 1), type: 'missile-strike', place: 'odesa izmail' }),
      at('event', { id: numberedEventId(doc, 2), type: 'drone-attack', place: 'izmail' }),
      at('event', { of: numberedEventId(doc, 2), claimant: 'the governor' }),
      at('event', { id: numberedEventId(doc, 3), type: 'drone-attack', place: 'izmail' }),
    ]);
    expect(out.map((s) => s.attributes.id ?? `of ${s.attributes.of}`)).toEqual([
      'odesa',
      'harbour-strikes-odesa-missile-strike',
      'harbour-strikes-izmail-drone-attack',
      'of harbour-strikes-izmail-drone-attack',
      'harbour-strikes-izmail-drone-attack-2',
    ]);
    expect(out[1]!.attributes.place).toBe('odesa izmail');
  });

  it('never takes an id the draft already uses, and leaves ids the engine did not number alone', () => {
    const doc = 'd';
    const out = nameEvents(doc, [
      at('weapon', { id: 'd-kyiv-other' }),
      at('event', { id: numberedEventId(doc, 1), type: 'other', place: 'kyiv' }),
      at('event', { id: 'kept-as-written', type: 'other', place: 'kyiv' }),
    ]);
    expect(out.map((s) => s.attributes.id)).toEqual(['d-kyiv-other', 'd-kyiv-other-2', 'kept-as-written']);
  });
});

describe('nameEvents, in words', () => {
  it('names the readable id in a reason and a note, not the numbered one, and leaves a longer number alone', () => {
    const doc = 'Port Raid';
    const out = nameEvents(doc, [
      at('event', { id: numberedEventId(doc, 1), type: 'drone-attack', place: 'aden' }),
      {
        ...at('event', {
          of: numberedEventId(doc, 1),
          claimant: 'a coastguard officer',
          note: 'see port-raid-event-1',
        }),
        reason: 'no place in the sentence: joined to port-raid-event-1, the event suggested before it',
      },
      { ...at('place', { id: 'aden' }), reason: 'port-raid-event-12 is not an event of this draft' },
    ]);
    expect(out[1]!.attributes.of).toBe('port-raid-aden-drone-attack');
    expect(out[1]!.reason).toBe(
      'no place in the sentence: joined to port-raid-aden-drone-attack, the event suggested before it',
    );
    expect(out[1]!.attributes.note).toBe('see port-raid-aden-drone-attack');
    expect(out[2]!.reason).toBe('port-raid-event-12 is not an event of this draft');
  });
});
