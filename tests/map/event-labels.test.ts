import { describe, expect, it } from 'vitest';
import { EDGE_ROOM } from '../../src/map/band-labels';
import { edgeStrips, eventLabelKey, labelKeys, type ScreenBox } from '../../src/map/event-labels';

const phone = { width: 375, height: 694 };
/** Whether a label's placed box (left, top, right, bottom) meets a strip. */
const meets = (b: readonly number[], [[l, t], [r, bt]]: ScreenBox) => b[0] <= r && b[2] >= l && b[1] <= bt && b[3] >= t;
const reachesEdge = (b: readonly number[]) => edgeStrips(phone).some((s) => meets(b, s));

describe('edgeStrips: where a placed label meets the edge of the view', () => {
  it('finds a label cut by the edge, on whichever side of its marker it was placed', () => {
    // "Border fighting" drawn to the left of its marker at x 38 of a 375 px embed: "ting" showed.
    expect(reachesEdge([-62, 84, 30, 98])).toBe(true);
    // The same label to the right of the marker shows whole.
    expect(reachesEdge([46, 84, 138, 98])).toBe(false);
    // "Ambassador recalled" laid out on one line of 115 px from x 262: cut by the right edge.
    expect(reachesEdge([262, 348, 377, 362])).toBe(true);
    // Above a marker at the top edge, below one at the bottom.
    expect(reachesEdge([160, -6, 200, 8])).toBe(true);
    expect(reachesEdge([160, 684, 200, 698])).toBe(true);
  });

  it('leaves a label in the middle alone and keeps EDGE_ROOM of air', () => {
    expect(reachesEdge([100, 100, 200, 114])).toBe(false);
    // Within EDGE_ROOM of the right edge: its halo would touch it.
    expect(reachesEdge([250, 300, phone.width - EDGE_ROOM + 1, 314])).toBe(true);
    expect(reachesEdge([250, 300, phone.width - EDGE_ROOM - 1, 314])).toBe(false);
  });

  it('gives no strip for a view with no size (before the map has a container)', () => {
    expect(edgeStrips({ width: 0, height: 600 })).toEqual([]);
  });
});

describe('labelKeys: the labels to leave out', () => {
  it('keys each label once by its event and its words, and skips features without them', () => {
    const f = (id: unknown, label: unknown) => ({ properties: { id, label } });
    expect(labelKeys([f('b', 'Kyiv'), f('a', 'Border fighting'), f('b', 'Kyiv'), f('c', ''), f(3, 'x'), {}])).toEqual([
      'a#Border fighting',
      'b#Kyiv',
    ]);
  });

  it('keys a label by its event and its words (each place of an event has its own)', () => {
    expect(eventLabelKey('russia-dprk', 'Pyongyang')).toBe('russia-dprk#Pyongyang');
    // An event's own label at two places: only the marker whose label the edge cuts is hidden.
    const f = (mark: number) => ({ properties: { id: 'fight', label: 'Border fighting', mark } });
    expect(labelKeys([f(0)])).toEqual(['fight#Border fighting#0']);
    expect(labelKeys([f(0)])).not.toContain(eventLabelKey('fight', 'Border fighting', 1));
  });
});
