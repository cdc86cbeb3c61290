import { describe, expect, it } from 'vitest';
import { cutEventLabels, eventLabelKey } from '../../src/map/event-labels';

const phone = { width: 375, height: 694 };
const label = (key: string, text: string, x: number, y = 300, radius = 7) => ({
  key,
  text,
  at: [x, y] as const,
  radius,
});

describe('cutEventLabels: an event label the view would cut is left out', () => {
  it('leaves out "Pyongyang" beside its marker at the right edge of a phone (it was drawn "Pyong")', () => {
    const labels = [label('dprk#1', 'Pyongyang', 328), label('dprk#0', 'Moscow', 158)];
    expect(cutEventLabels(labels, phone)).toEqual(['dprk#1']);
  });

  it('keeps a label that fits whole, and one wholly off the view (MapLibre draws nothing of it)', () => {
    expect(cutEventLabels([label('a#0', 'Kyiv', 300), label('b#0', 'Lima', 500)], phone)).toEqual([]);
  });

  it("counts the label's wrapped lines, the count of events at its point and its marker's radius", () => {
    // 'Odesa (2 events)' is wider than 'Odesa'; a large marker pushes the text further right.
    expect(cutEventLabels([label('o#0', 'Odesa', 300)], phone)).toEqual([]);
    expect(cutEventLabels([label('o#0', 'Odesa (2 events)', 300)], phone)).toEqual(['o#0']);
    expect(cutEventLabels([label('o#0', 'Odesa', 300, 300, 30)], phone)).toEqual(['o#0']);
    // Near the bottom edge, half of the line below it.
    expect(cutEventLabels([label('s#0', 'Sumy', 100, 690)], phone)).toEqual(['s#0']);
  });

  it('keys a label by its event and its words (each place of an event has its own)', () => {
    expect(eventLabelKey('russia-dprk', 'Pyongyang')).toBe('russia-dprk#Pyongyang');
  });
});
