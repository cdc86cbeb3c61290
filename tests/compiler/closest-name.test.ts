import { describe, expect, it } from 'vitest';
import { closestIds, closestName, didYouMean } from '../../src/compiler/closest-name.js';

describe('closestName', () => {
  const attributes = ['id', 'of', 'type', 'summary', 'date', 'place', 'claimant', 'status', 'note', 'figures'];
  it('names the known name a slip meant: a transposition, a letter missing or doubled, another case', () => {
    expect(closestName('claimaint', attributes)).toBe('claimant');
    expect(closestName('stauts', attributes)).toBe('status');
    expect(closestName('sumary', attributes)).toBe('summary');
    expect(closestName('Reported', ['reported', 'claimed', 'disputed', 'unverified'])).toBe('reported');
    expect(closestName('missle-strike', ['missile-strike', 'drone-attack'])).toBe('missile-strike');
  });
  it('names none for a name that is far from all, or as close to two, or known, or one letter long', () => {
    expect(closestName('confirmed', ['reported', 'claimed', 'disputed', 'unverified'])).toBeNull();
    expect(closestName('xy', ['id', 'of'])).toBeNull(); // "id" and "of" are both 2 edits away, over the limit
    expect(closestName('od', ['id', 'of'])).toBeNull(); // one edit from each: a tie says nothing
    expect(closestName('place', attributes)).toBeNull();
    expect(closestName('x', ['y'])).toBeNull();
  });
  it('didYouMean is the phrase to put before the list of what is allowed, or nothing', () => {
    expect(didYouMean('claimaint', attributes)).toBe('did you mean "claimant"? ');
    expect(didYouMean('zzzzzz', attributes)).toBe('');
  });
});

describe('closestIds', () => {
  it('ranks the closest ids: a shared part first, then the fewest edits', () => {
    expect(closestIds('kursk', ['dnipro', 'ev-kursk-1', 'kursx'])).toEqual(['ev-kursk-1', 'kursx', 'dnipro']);
  });

  it('ranks a misspelt event type first among the known types', () => {
    expect(closestIds('missle-strike', ['drone-attack', 'missile-strike', 'arms-transfer'])[0]).toBe('missile-strike');
  });
});
