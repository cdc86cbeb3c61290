import { describe, expect, it } from 'vitest';
import { isHeadline } from '../../src/suggest/places.js';
import { getIndex, labels, suggestFor } from './setup.js';

const places = (text: string) => labels(text, suggestFor(text), 'place');

describe('place suggestions', () => {
  it('marks countries, cities, designator forms and abbreviations', () => {
    const text = 'Russia struck Dnipro and targets in the Kursk region and Zaporizhzhia Oblast, the U.S. said.';
    expect(places(text)).toEqual(['Russia', 'Dnipro', 'the Kursk region', 'Zaporizhzhia Oblast', 'U.S.']);
  });
  it('marks a demonym only where it names a place', () => {
    expect(places('Strikes on Ukrainian territory continued.')).toEqual(['Ukrainian']);
    expect(places('Ships were attacked off the Yemeni coast.')).toEqual(['Yemeni']);
    expect(places('Drones entered Polish airspace near the Belarusian border.')).toEqual(['Polish', 'Belarusian']);
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
  it("does not split a person's name into places", () => {
    expect(places('Defense Secretary Lloyd J. Austin III explained the decision.')).toEqual([]);
  });
  it('gives the first mention an id and later ones of=', () => {
    const text = 'Russia fired missiles. Later, Russia denied it.';
    const s = suggestFor(text).suggestions.filter((x) => x.kind === 'place');
    expect(s.map((x) => x.attributes)).toEqual([{ id: 'russia' }, { of: 'russia' }]);
  });
  it('does not mark compass words, generic designators or institutions named by their building', () => {
    expect(places('Western officials said the North would answer.')).toEqual([]);
    expect(places('The region was shelled, the Pentagon said, and the Kremlin denied it.')).toEqual([]);
  });
  it('does not take a word the gazetteer knows only as another name of a town, unless the text puts something there', () => {
    expect(places('Israel struck Hamas targets in Gaza.')).toEqual(['Israel', 'Gaza']);
  });
  it('keeps a named sea or gulf whole, and marks the city in it apart', () => {
    expect(places('The ship was hit in the Gulf of Aden, east of Aden.')).toEqual(['Gulf of Aden', 'Aden']);
  });
});

describe('a place the gazetteer spells otherwise', () => {
  const placeSuggestions = (text: string) =>
    suggestFor(text, '2024-06-19')
      .suggestions.filter((x) => x.kind === 'place')
      .map((x) => ({ label: text.slice(x.start, x.end), ...x.attributes, reason: x.reason ?? '' }));
  it('is proposed, pinned and flagged, in a country the story names, also when the story is led from elsewhere', () => {
    const text =
      'The U.S. Navy said on Monday that a tanker bound for Texas was struck by a missile near Hodeidah, ' +
      'a port held by rebels in Yemen, and that Washington would respond.';
    const hodeidah = placeSuggestions(text).find((p) => p.label === 'Hodeidah');
    expect(hodeidah).toMatchObject({ geonames: '79415' });
    expect(hodeidah?.reason).toMatch(/^another spelling of Al Ḩudaydah, YE: check it is meant/);
  });
  it('is not read in a country whose places are named in Latin script, nor from a person or a movement', () => {
    expect(placeSuggestions('A barn burned near Whitlock in Ohio on Sunday, police said.').map((p) => p.label)).toEqual(
      ['Ohio'],
    );
    const text = 'Yahya Saree, a spokesman for the rebels in Yemen, said on Sunday they had fired at the ship.';
    expect(placeSuggestions(text).map((p) => p.label)).toEqual(['Yemen']);
    // Names of movements share skeletons with towns (Houthi, Hajjah): a spelling needs a place's preposition.
    const movement = 'Jets struck Houthi targets in Yemen on Sunday, and strikes on Houthi sites near Sanaa followed.';
    expect(placeSuggestions(movement).filter((p) => /Houthi/.test(p.label))).toEqual([]);
  });
});

describe('headline lines', () => {
  it('does not take a short sentence with a weekday for a headline', () => {
    const head = 'Storm Report Issued Today\n\n';
    expect(places(`${head}The governor spoke in Albany on Tuesday.`)).toEqual(['Albany']);
    expect(places(`${head}Rain fell in Albany on Tuesday.`)).toEqual(['Albany']);
    expect(places('The governor spoke in Albany on Tuesday.')).toEqual(['Albany']);
  });
});

describe('a state after a comma', () => {
  const state = () => {
    const [r] = getIndex().resolve([{ text: 'New York', kind: 'region' }]);
    if (!r.ok) throw new Error('New York does not resolve as a region');
    return String(r.place.geonames);
  };
  const pins = (text: string) =>
    suggestFor(text)
      .suggestions.filter((x) => x.kind === 'place' && text.slice(x.start, x.end) === 'New York')
      .map((x) => x.attributes.geonames);
  it('marks "City, State" as two places, the state pinned so the build reads the state', () => {
    expect(places('He then went to Albany, New York, on Friday.')).toEqual(['Albany', 'New York']);
    expect(places('Floods hit Rochester and Buffalo, New York, on Monday.')).toEqual([
      'Rochester',
      'Buffalo',
      'New York',
    ]);
    expect(pins('He then went to Albany, New York, on Friday.')).toEqual([state()]);
    expect(pins('Police in the Bronx, New York said on Monday a fire killed two people.')).toEqual([state()]);
  });
});

describe('isHeadline', () => {
  it('keeps title-case headlines and reads short prose sentences as prose', () => {
    expect(isHeadline('Storm Report Issued Today')).toBe(true);
    expect(isHeadline('Russia Strikes Kyiv Power Plant')).toBe(true);
    expect(isHeadline('Floods Hit Rochester and Buffalo')).toBe(true);
    expect(isHeadline('The governor spoke in Albany on Tuesday.')).toBe(false);
    expect(isHeadline('He then went to Albany, New York, on Friday.')).toBe(false);
  });
});

describe('a landmark named after a place', () => {
  const placeOf = (text: string) => suggestFor(text, '2025-02-10').suggestions.filter((x) => x.kind === 'place');
  it('says the place resolved is the area, not the temple, dam or airport, and lowers its confidence', () => {
    const [temple] = placeOf('Artillery fire damaged the steps of the Preah Vihear temple on Sunday.');
    expect(temple.confidence).toBe(0.5);
    expect(temple.reason).toMatch(/^the province or region, not the temple itself: pin it$/);
    const [plant] = placeOf('Drones struck near the Zaporizhzhia nuclear power plant on Friday.');
    expect(plant.confidence).toBe(0.5);
    expect(plant.reason).toMatch(/the city, not the plant itself: pin it/);
  });

  it('leaves a place with no landmark after it, or a city with its own port, as it was', () => {
    const [plain] = placeOf('Artillery fire hit villages in Preah Vihear on Sunday.');
    expect(plain.confidence).toBe(0.9);
    expect(plain.reason).toBeUndefined();
    const [port] = placeOf('A missile hit the Odesa port on Sunday.');
    expect(port.reason ?? '').not.toMatch(/pin it/);
    // A country before one says whose it is, not where.
    const [bases] = placeOf('Drones struck a Lebanon power plant on Sunday.');
    expect(bases.confidence).toBe(0.9);
    expect(bases.reason ?? '').not.toMatch(/pin it/);
  });
});
