import { describe, expect, it } from 'vitest';
import { byDate } from '../../src/app/scale-list.js';

describe('byDate (the large list’s order)', () => {
  it('orders by date, days within months within years, the undated last, equal dates as given', () => {
    const items = [
      { id: 'a', date: '2024-03-02' },
      { id: 'b', date: null },
      { id: 'c', date: '2023' },
      { id: 'd', date: '2024-03-02' },
      { id: 'e', date: '2023-12-31' },
      { id: 'f', date: '2024-03' },
      { id: 'g', date: undefined },
      { id: 'h', date: '2024-01-15' },
    ];
    expect(byDate(items, (x) => x.date).map((x) => x.id)).toEqual(['c', 'e', 'h', 'f', 'a', 'd', 'b', 'g']);
  });

  it('gives the order a comparison of the dates one by one gives, over many items', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({
      i,
      date: i % 97 === 0 ? null : `20${10 + ((i * 7) % 13)}-0${1 + ((i * 5) % 9)}-1${(i * 3) % 10}`,
    }));
    const key = (x: { date: string | null }) => x.date ?? '9999';
    const expected = [...items].sort((a, b) => key(a).localeCompare(key(b)) || a.i - b.i);
    expect(byDate(items, (x) => x.date)).toEqual(expected);
  });

  it('keeps no item twice and loses none', () => {
    expect(byDate([], (x: { date: string }) => x.date)).toEqual([]);
    const one = [{ date: '2020-01-01' }];
    expect(byDate(one, (x) => x.date)).toEqual(one);
  });
});
