/** weapons.ts: which weapon mentions a draft proposes. Sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { suggestFor } from './setup.js';

const weapons = (text: string) =>
  suggestFor(text)
    .suggestions.filter((s) => s.kind === 'weapon')
    .map((s) => ({ words: text.slice(s.start, s.end), ...s.attributes }) as Record<string, string>);

describe('weapons: a kind of weapon only where something happens', () => {
  it('leaves a kind named in analysis or a headline, and marks it where an event used it', () => {
    const text = [
      'Concerns Grow Over Anti-Tank Mines',
      'The spread of anti-tank mines worries aid groups.',
      'Russian forces deployed anti-tank mines near Kupiansk on Monday, Ukrainian officials said.',
    ].join('\n');
    const w = weapons(text);
    expect(w.map((x) => x.words)).toEqual(['anti-tank mines']);
    expect(text.indexOf('anti-tank mines near')).toBe(
      suggestFor(text).suggestions.find((s) => s.kind === 'weapon')?.start,
    );
    // The mention kept defines the weapon, though an idle mention came first.
    expect(w[0]).toMatchObject({ id: 'anti-tank-mine-doc', class: 'anti-tank mine' });
  });
  it('keeps a designation or a catalogued name wherever it stands', () => {
    expect(weapons('Analysts Doubt the Kinzhal\nThe Kinzhal worries planners.').map((x) => x.words)).toEqual([
      'Kinzhal',
      'Kinzhal',
    ]);
  });
});

describe('weapons: names the text introduces', () => {
  it('marks the name after "a drone they call", "a missile called", "a rocket dubbed"', () => {
    expect(
      weapons('The rebels said they had flown a new drone they call Sparrow over the port.').map((x) => x.words),
    ).toEqual(['Sparrow']);
    expect(weapons('The navy unveiled a cruise missile called Sea Lance on Monday.').map((x) => x.words)).toEqual([
      'Sea Lance',
    ]);
    expect(weapons('The militia fired a rocket dubbed "Thunder" at the base.').map((x) => x.words)).toEqual([
      'Thunder',
    ]);
  });
  it('takes no lower-case word or a verb phrase as a name', () => {
    expect(weapons('The minister called the missile launch a provocation.')).toEqual([]);
    expect(weapons('A drone called off the search was reported by the police.')).toEqual([]);
  });
});

describe('weapons: designations in a sentence about an interception', () => {
  it('marks a designation where the sentence says it was or was not intercepted', () => {
    expect(
      weapons('The army said the aircraft was a modified Kestrel-4 that was detected but not intercepted.').map(
        (x) => x.words,
      ),
    ).toEqual(['Kestrel-4']);
  });
  it('still leaves a designation in a sentence with no word of weapons', () => {
    expect(weapons('The minister flew to the summit on a chartered A-320 jet.')).toEqual([]);
  });
});

describe('weapons: a system named before its kind', () => {
  it('marks the name before "air defence system", "missile defence battery", "coastal missile systems"', () => {
    expect(weapons('Greece said its Centaur air defence system downed a drone near Rhodes on Friday.')).toEqual([
      { words: 'Centaur', id: 'centaur', class: 'air defence system' },
    ]);
    expect(weapons('Oslo said it would lend a NASAMS missile defence battery to Lithuania.')).toMatchObject([
      { words: 'NASAMS', class: 'missile defence battery' },
    ]);
    expect(weapons('Officials said Redoubt coastal missile systems were moved to Sevastopol.')).toMatchObject([
      { words: 'Redoubt', class: 'coastal missile system' },
    ]);
  });

  it("takes no people's adjective, and no sentence's first word, as a name", () => {
    expect(weapons('Israeli air defence systems shot down drones over Haifa on Monday.')).toEqual([]);
    expect(weapons('The Houthi missile system was hit in Hodeidah on Monday.')).toEqual([]);
    expect(weapons('Coastal missile systems were moved to Crimea in March.')).toEqual([]);
    expect(weapons('Poland asked for more NATO air defence systems on Monday.')).toEqual([]);
  });
});
