/** ranges.ts and the range step of suggest.ts: which stated ranges a draft proposes. Sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { suggestFor } from './setup.js';

const of = (text: string, kind: string) =>
  suggestFor(text)
    .suggestions.filter((s) => s.kind === kind)
    .map((s) => ({ words: text.slice(s.start, s.end), ...s.attributes }) as Record<string, string>);

describe('ranges: how far a place is', () => {
  it('takes "X km away" after a comma as a distance, and keeps it a range where its clause says what can reach', () => {
    expect(of('The Iskander can reach the port of Constanta, about 400 km away.', 'range')).toEqual([]);
    expect(
      of('The Iskander can hit targets 300 km away, officials said.', 'range').map((r) => [r.words, r.weapon]),
    ).toEqual([['300 km', 'iskander-m']]);
  });
});

describe('ranges: range classes', () => {
  it('names a weapon by "short-range" but proposes no range for it', () => {
    const text = 'The army fired a short-range ballistic missile toward the coast on Sunday.';
    expect(of(text, 'weapon').map((w) => w.words)).toEqual(['short-range ballistic missile']);
    expect(of(text, 'range')).toEqual([]);
  });
  it('still proposes the classes from medium-range up', () => {
    const text = 'Pyongyang tested a new medium-range ballistic missile on Monday.';
    expect(of(text, 'range').map((r) => r.words)).toEqual(['medium-range']);
  });
  it('does not give a class to a catalogued weapon of another class that the sentence names as a relative', () => {
    const text =
      'Officials said the new weapon is an intermediate-range ballistic missile derived from the RS-28 Sarmat.';
    const weapons = of(text, 'weapon');
    const ranges = of(text, 'range');
    expect(ranges.map((r) => r.words)).toEqual(['intermediate-range']);
    const wrapper = weapons.find((w) => w.words === 'intermediate-range ballistic missile');
    expect(wrapper).toMatchObject({ class: 'IRBM' });
    expect(ranges[0].weapon).toBe(wrapper?.id);
    expect(ranges[0].weapon).not.toBe('rs-28-sarmat');
  });
  it('reads the class said again of a weapon named before as that weapon, and proposes it once', () => {
    const text =
      'Russia struck Dnipro with an Oreshnik, a new intermediate-range missile. ' +
      'A Pentagon spokeswoman said the weapon was an experimental intermediate-range missile.';
    const ranges = of(text, 'range');
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toMatchObject({ words: 'intermediate-range', weapon: 'oreshnik' });
    expect(of(text, 'weapon').map((w) => w.words)).toEqual(['Oreshnik']);
  });
});

describe('ranges: the same range in other units, and the forms a text states', () => {
  it('proposes a range once when the text gives it again in other units', () => {
    expect(of('The ATACMS has a range of up to 190 miles (300 km).', 'range').map((r) => r.words)).toEqual([
      'up to 190 miles',
    ]);
    expect(
      of('The Neptune, with a range of 280 kilometres (174 miles), hit the cruiser.', 'range').map((r) => r.words),
    ).toEqual(['a range of 280 kilometres']);
    expect(
      of('The Kalibr can fly 2,500 km, or about 1,550 miles, officials said.', 'range').map((r) => r.words),
    ).toEqual(['2,500 km']);
    // Two ranges of two weapons stay two.
    expect(
      of('The ATACMS can fly up to 300 km and the Storm Shadow about 250 km.', 'range').map((r) => [r.words, r.weapon]),
    ).toEqual([
      ['up to 300 km', 'atacms'],
      ['about 250 km', 'storm-shadow'],
    ]);
  });
  it('reads spans, miles and nautical miles with their qualifiers', () => {
    const words = (t: string) => of(t, 'range').map((r) => r.words);
    expect(words('Analysts say the Kh-101 can fly between 2,500 and 2,800 km.')).toEqual([
      'between 2,500 and 2,800 km',
    ]);
    expect(words('The Shahed-136 has a range of 1,800-2,500 km.')).toEqual(['a range of 1,800-2,500 km']);
    expect(words('The Neptune has a range of about 200 nautical miles.')).toEqual(['about 200 nautical miles']);
    expect(words('The Tomahawk can fly roughly 1,000 miles, officials said on Monday.')).toEqual([
      'roughly 1,000 miles',
    ]);
    expect(words('The Kalibr can hit targets as far as 2,500 kilometers away.')).toEqual([
      'as far as 2,500 kilometers',
    ]);
  });
});

describe('ranges: a figure hyphenated to its unit', () => {
  it('proposes "a 500-km range" and "a 300-mile-range missile" as stated ranges of the weapon named', () => {
    expect(
      of('Officials said the Iskander has a 500-km range, more than the army had said.', 'range').map((r) => [
        r.words,
        r.weapon,
      ]),
    ).toEqual([['500-km', 'iskander-m']]);
    expect(
      of('The army showed the Kinzhal, a 1,200-mile-range missile, at the parade.', 'range').map((r) => r.words),
    ).toEqual(['1,200-mile']);
  });
});

describe('ranges: speeds, lengths and where things are are not ranges', () => {
  const words = (text: string) => of(text, 'range').map((r) => r.words);
  it('reads no range in a speed ("km/h", "per hour", "an hour")', () => {
    expect(words('The Shahed-136 drone flies at about 185 km/h and has a range of some 2,000 km.')).toEqual([
      'some 2,000 km',
    ]);
    expect(words('The Iskander-M missile travels at 7,200 km per hour.')).toEqual([]);
    expect(words('The Iskander-M missile travels at 4,500 miles an hour.')).toEqual([]);
  });
  it('takes a figure measured into or past a place as where a target is, unless its clause says what can reach', () => {
    expect(words('Kalibr missiles struck an airfield about 600 km inside Russia on Monday.')).toEqual([]);
    expect(words('Kalibr missiles struck a depot some 200 km behind the front line.')).toEqual([]);
    expect(words('Kalibr missiles hit a depot within 30 km of the border.')).toEqual([]);
    expect(words('The Iskander-M can strike targets 600 km inside Russia.')).toEqual(['600 km']);
  });
  it('takes a figure that measures a line, a zone or a road as a length', () => {
    expect(words('Kalibr missiles were fired along the 1,000 km front line.')).toEqual([]);
    expect(words('Kalibr missiles hit towns along the 1,200-km border.')).toEqual([]);
    expect(words('Kalibr missiles were fired along a front line of more than 1,000 km.')).toEqual([]);
  });
  it('reads the figure and its conversion in brackets with what follows both', () => {
    expect(words('Kalibr missiles hit a village 12 miles (20 km) from the coast.')).toEqual([]);
  });
});

describe('ranges: more of the forms a text states', () => {
  const words = (text: string) => of(text, 'range').map((r) => r.words);
  it('reads a range stated with a verb of reaching in any form ("reaches")', () => {
    expect(words('The ATACMS reaches 300 kilometers.')).toEqual(['300 kilometers']);
  });
  it('reads thousands grouped by a space as one figure', () => {
    expect(words('The Kalibr has a range of 2 500 km.')).toEqual(['a range of 2 500 km']);
  });
  it('keeps the qualifiers the build reads ("in excess of", "no more than")', () => {
    expect(words('The Tomahawk has a range in excess of 1,500 km.')).toEqual(['in excess of 1,500 km']);
    expect(words('The Kinzhal can fly no more than 2,000 km.')).toEqual(['no more than 2,000 km']);
  });
});

describe('ranges: the designation a range is stated of', () => {
  it('proposes an uncatalogued designation before a stated range as its weapon', () => {
    const text = 'Iran displayed the Fajr-5, which has a range of 75 km, on Tuesday.';
    expect(of(text, 'range').map((r) => [r.words, r.weapon])).toEqual([['a range of 75 km', 'fajr-5']]);
    expect(of(text, 'weapon').map((w) => [w.words, w.id])).toEqual([['Fajr-5', 'fajr-5']]);
    // An aircraft is no weapon, and its range none.
    expect(of('The Su-34 jets can fly about 1,100 km with drop tanks.', 'range')).toEqual([]);
  });
});

describe('ranges: the origin the text states', () => {
  const origin = (text: string) => of(text, 'range').map((r) => r.origin ?? null);
  it('takes the place after "launched from", with words between ("occupied", "positions in the")', () => {
    expect(
      origin(
        'Troops fired Iskander-M missiles launched from occupied Crimea, which can fly up to 500 km, at the port.',
      ),
    ).toEqual(['crimea']);
    expect(
      origin('The Iskander-M missiles were fired from positions in the Belgorod region and can fly up to 500 km.'),
    ).toEqual(['belgorod-oblast']);
  });
  it('takes the launch told in the sentence before, and a place the range is measured from', () => {
    expect(
      origin('The missiles were launched from occupied Crimea, officials said. The Iskander-M can fly up to 500 km.'),
    ).toEqual(['crimea']);
    expect(origin('The Iskander-M can hit targets up to 500 km from Kursk.')).toEqual(['kursk']);
  });
  it('takes the place a possessive qualifies, not the country before it', () => {
    expect(
      origin("The Iskander-M missiles were launched from Russia's Kursk region and can fly up to 500 km."),
    ).toEqual(['kursk-oblast']);
  });
  it('gives none for a distance, a span or a sentence that states no launch', () => {
    expect(
      origin('Kramatorsk, about 30 km from the front line, was hit by an Iskander-M, which can fly up to 500 km.'),
    ).toEqual([null]);
    expect(
      origin('Sirens sounded from Kyiv to Lviv as Iskander-M missiles, which can fly up to 500 km, hit the port.'),
    ).toEqual([null]);
    expect(origin('Officials in Kyiv said little. The Iskander-M can fly up to 500 km.')).toEqual([null]);
  });
});

describe('ranges: what a weapon is designed to reach (h-ranges session)', () => {
  it('keeps a figure "away" after "designed to hit" or "meant to strike" as a range', () => {
    expect(
      of('The Army said its new SRX-4 rocket is designed to hit targets more than 400 km away.', 'range').map(
        (r) => r.words,
      ),
    ).toEqual(['more than 400 km']);
    // A place's distance stays none.
    expect(of('Guam, about 3,400 km away, hosts bombers that fired cruise missiles.', 'range')).toEqual([]);
  });
});

describe('ranges: the distance that separates two places (h-events, second round)', () => {
  it('takes a figure followed by "that separate", "or so that separate" or "separating" as a distance', () => {
    expect(
      of('The drones can fly far more than the 300 km or so that separate Lviv from the border.', 'range'),
    ).toEqual([]);
    expect(of('The rockets crossed the 90 km separating Gaza from the city of Beersheba.', 'range')).toEqual([]);
    // A reach told beside it stays a range.
    expect(
      of(
        'The Shahed-136 has a range of up to 1,800 km, far more than the 300 km that separate Lviv from the border.',
        'range',
      ).map((r) => r.words),
    ).toEqual(['up to 1,800 km']);
  });
});
