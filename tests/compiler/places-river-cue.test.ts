import { describe, expect, it } from 'vitest';
import { riverCue } from '../../src/compiler/places/river-cue.js';

// Examples written here, not taken from any benchmark corpus.
describe('riverCue', () => {
  it('reads a bare name as a river after a part of a river or a verb of crossing, or before what a river does', () => {
    for (const [before, mention, after] of [
      ['the corps crossed the ', 'Rappahannock', ' at dawn'],
      ['I sent a force up the ', 'Yazoo', ' to the bluff'],
      ['gunboats steamed down the ', 'Cumberland', ' on the 3rd'],
      ['fired upon near the mouth of ', 'White River', '.'],
      ['on the eastern shore of the ', 'Derwent', ', and'],
      ['camped on the banks of the ', 'Holston', ' for a week'],
      ['schools closed as the ', 'Severn', ' burst its banks'],
      ['farms along the ', 'Tay', ' river flooded'],
    ]) {
      expect(riverCue(mention, before, after), `${before}[${mention}]${after}`).toBe(true);
    }
  });

  it('reads nothing into a bank, a state crossed, a lake or a county, or ordinary words', () => {
    for (const [before, mention, after] of [
      ['the governor of the Bank of ', 'Canada', ' said'],
      ['the column crossed ', 'Tennessee', ' in May'],
      ['boats on the shore of ', 'Lake Erie', ' were'],
      ['the mouth of the ', 'Chesapeake Bay', ' is'],
      ['deputies from ', 'Wayne County', ' said'],
      ['flights from ', 'Memphis', ' to Chicago'],
      ['the ', 'Times', ' reported'],
      ['up the ', 'road', ' to town'],
    ]) {
      expect(riverCue(mention, before, after), `${before}[${mention}]${after}`).toBe(false);
    }
  });
});
