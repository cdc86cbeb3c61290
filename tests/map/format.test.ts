import { describe, expect, it } from 'vitest';
import { eventChoice, eventStanding, formatDate, formatRange } from '../../src/map/format';

describe('format', () => {
  it('formats ISO dates at their precision', () => {
    expect(formatDate('2024-11-21')).toBe('21 Nov 2024');
    expect(formatDate('2024-11')).toBe('Nov 2024');
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate(null)).toBe('date unknown');
  });

  it('formats intervals, open ones included', () => {
    expect(formatDate('2024-11-23/2024-11-25')).toBe('23 Nov 2024 – 25 Nov 2024');
    expect(formatDate('2014/..')).toBe('since 2014');
    expect(formatDate('../2024-11')).toBe('until Nov 2024');
  });

  it('formats ranges in km', () => {
    expect(formatRange(3000, 5500)).toBe('3,000–5,500 km');
    expect(formatRange(0, 700)).toBe('up to 700 km');
  });

  it("keeps the text's qualifier, and adds none to a bare figure", () => {
    expect(formatRange(0, 900, { qualifier: 'about', basis: 'stated' })).toBe('about 900 km');
    expect(formatRange(0, 900, { qualifier: 'at least', basis: 'stated' })).toBe('at least 900 km');
    expect(formatRange(0, 900, { qualifier: null, basis: 'stated' })).toBe('900 km');
    expect(formatRange(600, 700, { qualifier: 'about', basis: 'stated' })).toBe('about 600–700 km');
    expect(formatRange(0, 1000, { qualifier: null, basis: 'class' })).toBe('up to 1,000 km');
  });
});

describe('eventStanding: how an event stands, for its accessible name', () => {
  it('says the status as the marking does, and a conflict between its claims', () => {
    expect(eventStanding({ status: 'unverified' })).toBe('unverified claim');
    expect(eventStanding({ status: 'disputed', conflict: false })).toBe('disputed claim');
    expect(eventStanding({ status: 'reported', conflict: true })).toBe(
      'reported; sources disagree on the date or place',
    );
    expect(eventStanding({ status: 'claimed' })).toBe('claimed');
    expect(eventStanding({})).toBe('');
  });

  it("names a chooser's event by its marker's label, so two events of one type at one place can be told apart", () => {
    const at = { places: [{ name: 'Cambodia' }], place: 'Cambodia', date: '2025-07-24', status: 'claimed' as const };
    expect(eventChoice('Military activity', { ...at, label: 'Thai F-16 strikes' })).toBe(
      'Military activity: Thai F-16 strikes, Cambodia, 24 Jul 2025, claimed',
    );
    // Without a label the marker says the place's name, which the row already gives.
    expect(eventChoice('Military activity', { ...at, label: null })).toBe(
      'Military activity, Cambodia, 24 Jul 2025, claimed',
    );
    expect(eventChoice('Military activity', { ...at, label: '  ' })).toBe(
      'Military activity, Cambodia, 24 Jul 2025, claimed',
    );
  });
});
