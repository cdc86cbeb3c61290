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

describe('weapons: a weapon named again, and a catalogued name by its stem', () => {
  it('marks a designation named again in a sentence with no word of weapons, once the text named it as a weapon', () => {
    const text =
      'Iran has sent Russia Zolfaghar-7 missiles, officials said on Monday. The Zolfaghar-7 can reach Kharkiv from Belgorod.';
    const w = weapons(text);
    expect(w.map((x) => x.words)).toEqual(['Zolfaghar-7', 'Zolfaghar-7']);
    expect(w[1]).toMatchObject({ of: w[0].id });
    // Not when no sentence names it as a weapon.
    expect(weapons('The minister flew to the summit on an A-320. The A-320 landed in Riga.')).toEqual([]);
  });
  it('marks the stem of a catalogued name after an article, in a sentence about weapons, not a person of that name', () => {
    const w = weapons('The Guards said they fired the Fattah, which they call a hypersonic missile, at Israel.');
    expect(w).toEqual([expect.objectContaining({ words: 'Fattah', id: 'fattah-1' })]);
    expect(weapons('The missile launch was condemned by Abdel Fattah al-Burhan in Khartoum on Monday.')).toEqual([]);
    expect(weapons('The rockets were shown to the Fattah family in Gaza on Monday.')).toEqual([]);
  });
});

describe('weapons: plurals of designations', () => {
  it('reads a catalogued or uncatalogued designation ending in a digit in the plural', () => {
    expect(weapons('Russian bombers fired seven Kh-101s at Lviv on Monday.')).toEqual([
      expect.objectContaining({ words: 'Kh-101s', id: 'kh-101' }),
    ]);
    expect(weapons('Iran fired Zolfaghar-7s at bases in Iraq, officials said on Monday.').map((x) => x.words)).toEqual([
      'Zolfaghar-7',
    ]);
  });
});

describe('weapons: a designation and a name side by side, and bombs', () => {
  it('marks a designation and a name of one catalogued weapon side by side as one mention', () => {
    expect(weapons('Russia fired 3M-14 Kalibr cruise missiles from the Caspian Sea on Monday.')).toEqual([
      expect.objectContaining({ words: '3M-14 Kalibr', id: 'kalibr' }),
    ]);
    // Two weapons side by side stay two.
    expect(weapons('Ukraine fired ATACMS and Storm Shadow missiles on Monday.').map((x) => x.words)).toEqual([
      'ATACMS',
      'Storm Shadow',
    ]);
  });
  it('reads no aircraft designation as a weapon', () => {
    expect(weapons('B-52 bombers dropped bombs on the airfield on Monday.')).toEqual([]);
    expect(weapons('Two F-16 fighter jets fired missiles at the drones on Monday.')).toEqual([]);
  });
  it('reads a designation in a sentence about bombs as a weapon', () => {
    expect(weapons('Russian jets dropped FAB-1500 glide bombs on Kharkiv on Monday.').map((x) => x.words)).toEqual([
      'FAB-1500',
    ]);
  });
});

describe('weapons: the written forms of a catalogued name', () => {
  it('reads a designation with its letters and digits joined by a hyphen, a space or nothing', () => {
    const w = weapons('Bombers fired two Kh 101 missiles and a Kh59MK2 at the plant, the air force said.');
    expect(w.map((x) => `${x.words}:${x.id ?? x.of}`)).toEqual(['Kh 101:kh-101', 'Kh59MK2:kh-59']);
  });
  it('reads the plural of a name that ends in a capital, and a name before "-type"', () => {
    const w = weapons('Crews launched three Iskander-Ms and a swarm of Shahed-type drones overnight, officials said.');
    expect(w.map((x) => x.words)).toEqual(['Iskander-Ms', 'Shahed']);
  });
  it('marks an ambiguous alias only where it names a weapon', () => {
    expect(weapons('The cartoonist Emad Hajjaj spoke at the festival on Friday.')).toEqual([]);
    expect(weapons('A study in the Lancet medical journal counted the dead.')).toEqual([]);
    expect(weapons('Doctors at the al-Quds hospital said it had been hit by shells.')).toEqual([]);
    expect(weapons('The guards said they had fired Emad and Ghadr missiles at the bases.').map((x) => x.id)).toEqual([
      'emad',
      'ghadr',
    ]);
  });
  it('knows the weapons most named in the news', () => {
    const text =
      'The attack used S-400 interceptors, Kheibar Shekan missiles, Lancet drones, KAB-500 bombs, a Palianytsia missile-drone and a Hyunmoo-2 missile.';
    expect(weapons(text).map((x) => x.id)).toEqual([
      's-400',
      'kheibar-shekan',
      'lancet',
      'kab',
      'palianytsia',
      'hyunmoo',
    ]);
  });
});

describe('weapons: families the catalogue names (h-ranges session)', () => {
  it('marks a Roman-numeral designation and an air-defence name with its version number', () => {
    const w = weapons(
      'The army said it had fired a Shaheen-II missile at sea. Arrow 3 interceptors and David’s Sling batteries were ready.',
    );
    expect(w.map((x) => x.words)).toEqual(['Shaheen-II', 'Arrow 3', 'David’s Sling']);
    expect(w[0]).toMatchObject({ id: 'shaheen', class: 'MRBM' });
  });
  it('reads an ambiguous name as a weapon only in a sentence about weapons', () => {
    const w = weapons('Pilgrims reached Jericho on Sunday. The navy fired a Babur cruise missile on Monday.');
    expect(w.map((x) => x.words)).toEqual(['Babur']);
  });
});

describe('weapons: the kind right after a named weapon says what it is (h-events, second round)', () => {
  it('marks "Kh-22" and not "anti-ship missiles" in "Kh-22 anti-ship missiles"; a kind on its own stays', () => {
    const w = weapons('Russian bombers fired two Kh-22 anti-ship missiles at Odesa on Monday, officials said.');
    expect(w.map((x) => x.words)).toEqual(['Kh-22']);
    const alone = weapons('Russian bombers fired two anti-ship missiles at Odesa on Monday, officials said.');
    expect(alone.map((x) => x.words)).toEqual(['anti-ship missiles']);
  });
});

describe('weapons: a name given right before its kind (h-events, second round)', () => {
  it('marks "the Qaher missile", "Type 9 missiles" and "the Grey Falcon hypersonic weapon", and the name again later', () => {
    const w = weapons('Yemen tested the Qaher missile on Tuesday, and officials said the Qaher can fly far.');
    expect(w.map((x) => x.words)).toEqual(['Qaher', 'Qaher']);
    expect(w[0]).toMatchObject({ id: 'qaher', class: 'missile' });
    expect(w[1]).toMatchObject({ of: 'qaher' });
    expect(weapons('Japan will field Type 9 missiles on its islands.').map((x) => x.words)).toEqual(['Type 9']);
    // A designation and the name after it are one mention.
    expect(weapons('Rebels fired XR-12 Hornet rockets at the base.').map((x) => x.words)).toEqual(['XR-12 Hornet']);
    expect(weapons('The army fired the Grey Falcon hypersonic weapon at a target ship.')[0]).toMatchObject({
      words: 'Grey Falcon',
      class: 'hypersonic weapon',
    });
  });

  it('leaves a people, a day, a sentence start, a group that acts elsewhere, and a weapon noun that modifies another', () => {
    expect(weapons('On Sunday the Danish cruise missiles were shown at a fair.')).toEqual([]);
    expect(weapons('Officials said the North Korean missiles were old.')).toEqual([]);
    expect(weapons('Cruise missiles hit the port on Monday.')).toEqual([]);
    expect(weapons('The group said it fired rockets. Later the Monday rockets were found.')).toEqual([]);
    expect(weapons('Hezbollah said it fired rockets at Haifa. Hezbollah rockets fell near Safed.')).toEqual([]);
    expect(weapons('Officials said the Sunday missile strikes hit Odesa.')).toEqual([]);
  });
});
