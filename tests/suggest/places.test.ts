import { describe, expect, it } from 'vitest';
import { labels, suggestFor } from './setup.js';

const places = (text: string) => labels(text, suggestFor(text), 'place');

describe('place suggestions', () => {
  it('marks countries, cities, designator forms and abbreviations', () => {
    const text = 'Russia struck Dnipro and targets in the Kursk region and Zaporizhzhia Oblast, the U.S. said.';
    expect(places(text)).toEqual(['Russia', 'Dnipro', 'the Kursk region', 'Zaporizhzhia Oblast', 'U.S.']);
  });
  it('marks a demonym only where it names a place', () => {
    expect(places('Strikes on Ukrainian territory continued.')).toEqual(['Ukrainian territory']);
    expect(places('Ukrainian forces and Russian officials met.')).toEqual([]);
  });
  it('does not mark common words that are place names', () => {
    expect(places('Mobile networks were down for hours.')).toEqual([]);
    expect(places('Nice work, the officer said.')).toEqual([]);
    expect(places('Reading the report, officials were alarmed.')).toEqual([]);
    expect(places('In March, the talks stalled.')).toEqual([]);
    expect(places('Victoria said the strike was a warning.')).toEqual([]);
    expect(places('Victoria Nuland said the strike was a warning.')).toEqual([]);
  });
  it('does not split a person\'s name into places', () => {
    expect(places('Defense Secretary Lloyd J. Austin III explained the decision.')).toEqual([]);
  });
  it('gives the first mention an id and later ones of=', () => {
    const text = 'Russia fired missiles. Later, Russia denied it.';
    const s = suggestFor(text).suggestions.filter((x) => x.kind === 'place');
    expect(s.map((x) => x.attributes)).toEqual([{ id: 'russia' }, { of: 'russia' }]);
  });
});
