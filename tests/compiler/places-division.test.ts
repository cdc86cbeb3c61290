import { describe, expect, it } from 'vitest';
import { containerPair, divisionCue } from '../../src/compiler/places/division.js';

// Examples written here, not taken from any benchmark corpus.
describe('divisionCue', () => {
  it("reads a state's or province's organ or part next to the name as a division", () => {
    for (const [before, after] of [
      ['Yesterday the ', ' Gov. Jane Doe signed'],
      ['', "'s governor vetoed the bill"],
      ['a bill before the ', ' legislature on Monday'],
      ['said ', ' Health Minister John Roe'],
      ['the ', ' Premier said'],
      ['trucks backed up at the ', ' border for miles'],
      ['a farm in upstate ', ' where'],
      ['the Governor of ', ' resigned'],
      ['moved to the state of ', ' in 2010'],
    ]) {
      expect(divisionCue(before, after), `${before}…${after}`).toBe(true);
    }
  });

  it('reads nothing into ordinary words next to a name', () => {
    for (const [before, after] of [
      ['flights from ', ' to Chicago'],
      ['the ', ' Times reported'],
      ['a ', ' bordering town'],
      ['the ', ' Governors Island ferry'],
      ['the state visit to ', ' was'],
    ]) {
      expect(divisionCue(before, after), `${before}…${after}`).toBe(false);
    }
  });
});

describe('containerPair', () => {
  it('reads "Place, Name" as the name containing the place', () => {
    expect(containerPair(', ', '. He', null)).toBe(true);
    expect(containerPair(',', null, null)).toBe(true);
  });

  it('reads no containment into a list of places', () => {
    // "Tulsa, Wichita, Omaha": the middle one is followed by a comma and the next name.
    expect(containerPair(', ', ', ', null)).toBe(false);
    // "Tulsa, Wichita and Omaha", "Tulsa, Wichita & Omaha"
    expect(containerPair(', ', ' and ', null)).toBe(false);
    expect(containerPair(', ', ' & ', null)).toBe(false);
    // The last of "Tulsa, Wichita, Omaha": the pair before it is a list as well.
    expect(containerPair(', ', null, ', ')).toBe(false);
    // Not a comma between them: "Tulsa and Wichita", "Tulsa (Wichita)".
    expect(containerPair(' and ', null, null)).toBe(false);
    expect(containerPair(' (', null, null)).toBe(false);
  });
});
