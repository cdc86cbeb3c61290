// Issue 18: where a sentence says what a place is and where it lies, the container it names is read
// as PlaceQuery.within (src/compiler/places/stated-container.ts). Examples written here.
import { describe, expect, it } from 'vitest';
import { statedContainer } from '../../src/compiler/places/stated-container.js';

describe('statedContainer', () => {
  it('reads the chain of places after "a town in" as the container, smallest first', () => {
    expect(statedContainer(' is a village in Ottawa County, Michigan, United States, on Lake Macatawa.')).toBe(
      'Ottawa County, Michigan, United States',
    );
    expect(statedContainer(' was a mining town in Nevada until 1920.')).toBe('Nevada');
    expect(statedContainer(', a market town in Shropshire, hosts the fair.')).toBe('Shropshire');
  });

  it('reads "the capital of" and a clause between the name and its verb', () => {
    expect(statedContainer(', on the east coast of the island, is the capital and main port of the Comoros.')).toBe(
      'Comoros',
    );
    expect(statedContainer(' is the capital of the Danish autonomous territory of Greenland.')).toBe('Greenland');
  });

  it('drops the joining words of a chain ("…, in western Ontario, Canada")', () => {
    expect(statedContainer(' is a township in Bruce County, in western Ontario, Canada.')).toBe(
      'Bruce County, Ontario, Canada',
    );
  });

  it('reads a division named after its word within the place before it, and drops a qualifier', () => {
    expect(statedContainer(' is a town in the Canadian province of Manitoba, on the Red River.')).toBe(
      'Manitoba, Canadian',
    );
    expect(statedContainer(' is a city in the Otago region of the South Island.')).toBe('South Island, Otago');
    expect(statedContainer(' is the main port in southern Chile, on the Strait of Magellan.')).toBe('Chile');
  });

  it('reads nothing where the sentence does not say what the place is', () => {
    expect(statedContainer(' police arrested two men in Dallas on Friday.')).toBeUndefined();
    expect(statedContainer(', Texas, where the storm hit.')).toBeUndefined();
    expect(statedContainer(' is a good place to live.')).toBeUndefined();
    // The container is read from the same sentence only.
    expect(statedContainer(' grew. It is a town in Iowa.')).toBeUndefined();
  });
});
