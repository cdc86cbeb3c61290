import { describe, expect, it } from 'vitest';
import { describeCharacter, describeStrangers } from '../../src/compiler/lookalikes.js';

describe('describeCharacter', () => {
  it('names a look-alike letter by its Unicode name and the letter it passes for', () => {
    expect(describeCharacter('і')).toBe('U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like "i")');
    expect(describeCharacter('ο')).toBe('U+03BF GREEK SMALL LETTER OMICRON (looks like "o")');
    expect(describeCharacter('\u2013')).toBe('U+2013 EN DASH (looks like "-")');
    expect(describeCharacter('\u200B')).toBe('U+200B ZERO WIDTH SPACE (invisible)');
  });

  it('names any other character by its code point and script', () => {
    expect(describeCharacter('ж')).toBe('U+0436 "ж" (a Cyrillic character)');
    expect(describeCharacter('é')).toBe('U+00E9 "é" (a Latin character)');
    expect(describeCharacter('\u0668')).toBe('U+0668 "\u0668" (an Arabic character)');
    expect(describeCharacter('Ａ')).toBe('U+FF21 FULLWIDTH "A" (looks like "A")');
  });
});

describe('describeStrangers', () => {
  it('lists each character outside the allowed set once, with its position', () => {
    expect(describeStrangers('kyіv-іі', /[a-z-]/)).toEqual([
      'U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like "i") at character 3',
    ]);
    expect(describeStrangers('kyiv', /[a-z]/)).toEqual([]);
  });
});
