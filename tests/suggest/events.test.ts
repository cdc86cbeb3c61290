import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  UNTYPED,
  claimSuggestion,
  denialSuggestion,
  eventSuggestion,
  eventType,
  realised,
  isUntypedAccount,
  summaryOf,
  transferReading,
  weaponRow,
} from '../../src/suggest/events.js';
// biome-ignore lint/correctness/useImportExtensions: a JSON module keeps its own extension
import types from '../../data/types.json' with { type: 'json' };
import { namesAgain } from '../../src/suggest/suggest.js';
import { suggestFor } from './setup.js';

const typeOf = (s: string) => EVENT_TYPES.find(([, re]) => re.test(s))?.[0];
const events = (text: string, published = '2024-11-22') =>
  suggestFor(text, published)
    .suggestions.filter((s) => s.kind === 'event')
    .map(
      (s) =>
        ({ text: text.slice(s.start, s.end), ...s.attributes, reason: s.reason }) as Record<string, string | undefined>,
    );

describe('events', () => {
  it('types sinkings, explosions, blockades, rescues and diplomacy', () => {
    expect(typeOf('The freighter sank in the Baltic on Monday.')).toBe('sinking');
    expect(typeOf('Explosions were heard in Lviv.')).toBe('explosion');
    expect(typeOf('Checkpoints blocked the only road into the valley.')).toBe('blockade');
    expect(typeOf('A passing tanker picked up the crew.')).toBe('rescue');
    expect(typeOf('Bolivia recalled its ambassador from La Paz.')).toBe('diplomacy');
  });

  it('proposes only types declared in data/types.json, and says what an undeclared row read', () => {
    const [sunk] = events('The freighter sank off Odesa on Monday.');
    expect(sunk.type).toBe(UNTYPED);
    expect(sunk.reason).toMatch(/reads as "sinking", not a type declared in data\/types\.json/);
    const [shelled] = events('Russian forces shelled Kharkiv on Monday.');
    expect(shelled.type).toBe('military-activity');
    const allowed = [...Object.keys(types), UNTYPED];
    for (const text of [
      'Floods hit Rochester on Monday.',
      'Rebels blockaded Goma on Monday.',
      'Talks were held in Doha on Monday.',
    ])
      expect(allowed).toContain(events(text)[0]?.type);
    const [drone] = events('Drones struck a fuel depot in Odesa on Tuesday.');
    expect(drone.type).toBe('drone-attack');
    expect(drone.reason).not.toMatch(/no colour/);
  });

  it('joins an attributed sentence that names no place to the event before it, as a claim', () => {
    const ev = events(
      'Drones struck a fuel depot in Odesa on Tuesday, officials said. The ministry said a fire had destroyed two tanks.',
    );
    expect(ev).toHaveLength(2);
    expect(ev[1]).toMatchObject({ of: ev[0].id, claimant: 'the ministry', status: 'unverified' });
    expect(ev[1].reason).toMatch(/no place in the sentence/);
  });

  it('types reactions, training and advances, and tolls told on their own', () => {
    expect(typeOf('Norway urged restraint on both sides.')).toBe('reaction');
    expect(typeOf('The prosecutor opened an investigation into the collapse of the dam.')).toBe('reaction');
    expect(typeOf('The governor declared a state of emergency in the province.')).toBe('reaction');
    expect(typeOf('The council condemned the shelling of the clinic.')).not.toBe('reaction');
    expect(typeOf('Some 40 pilots had trained in Egypt to fly the jets.')).toBe('military-activity');
    expect(typeOf('Armoured units reached the outskirts of the town.')).toBe('military-activity');
    expect(typeOf('Medics said the dead were mostly farmers.')).toBe('casualties');
    expect(typeOf('Rescuers said 30 bodies had been recovered.')).toBe('casualties');
    expect(typeOf('Tourists floated in the Dead Sea.')).toBeUndefined();
  });

  it('joins a sentence that names no place but tells a toll, or what pictures show, to the event before it', () => {
    const ev = events(
      'Gunmen attacked a market in Gao on Tuesday, officials said. Residents said the dead were mostly traders and that 40 bodies had been collected. Satellite images published afterwards showed the stalls destroyed.',
    );
    expect(ev).toHaveLength(3);
    expect(ev[1]).toMatchObject({ of: ev[0].id, claimant: 'Residents' });
    expect(ev[2]).toMatchObject({ of: ev[0].id, claimant: 'satellite images published afterwards' });
  });

  it('does not join an unattributed sentence, nor one that reports nothing', () => {
    expect(claimSuggestion({ start: 0, end: 30, text: 'A fire destroyed two tanks.' }, 'e1')).toBeNull();
    expect(claimSuggestion({ start: 0, end: 30, text: 'The navy said it was ready.' }, 'e1')).toBeNull();
  });

  it("gives an undated event the lead event's date, and says so", () => {
    const ev = events(
      'Drones struck a fuel depot in Odesa on Tuesday. Officials in Mykolaiv said a second depot was hit.',
    );
    expect(ev.map((e) => e.date)).toEqual(['2024-11-19', '2024-11-19']);
    expect(ev[1].reason).toMatch(/carried from an earlier sentence/);
  });

  it('dates an event by what happened, not by when it was said', () => {
    const ev = events('Pyongyang said on Friday it had tested a missile on Thursday near Pyongyang.', '2024-11-01');
    expect(ev[0].date).toBe('2024-10-31');
  });
});

describe('stated ranges in a draft', () => {
  const ranges = (text: string) =>
    suggestFor(text)
      .suggestions.filter((s) => s.kind === 'range')
      .map((s) => ({ words: text.slice(s.start, s.end), ...s.attributes }) as Record<string, string | undefined>);
  it('marks how far a weapon can fly, not where something is or how far one flight went', () => {
    expect(ranges('The ATACMS missiles can hit targets up to 300 km away.').map((r) => r.words)).toEqual([
      'up to 300 km',
    ]);
    expect(ranges('The ATACMS missiles struck a depot about 115 km from the border.')).toEqual([]);
    expect(ranges('The Houthis fired a missile at a ship 50 nautical miles southwest of Aden.')).toEqual([]);
    expect(ranges('The Iskander flew about 600 km before it fell into the sea.')).toEqual([]);
    expect(ranges('The Iskander flew to Kharkiv; it can fly about 500 km.').map((r) => r.words)).toEqual([
      'about 500 km',
    ]);
  });
  it('gives a range no origin unless the text states one', () => {
    expect(ranges('The ATACMS missiles can hit targets up to 300 km away.')[0].origin).toBeUndefined();
    expect(ranges('ATACMS fired from Crimea can hit targets up to 300 km away.')[0].origin).toBe('crimea');
  });
});

describe('events: a natural hazard is not an attack', () => {
  it('does not type floods, fires or storms that hit a place as a strike', () => {
    const [flood] = events('Floods hit Rochester and Buffalo on Monday.');
    expect(flood.type).toBe(UNTYPED);
    expect(flood.reason).not.toMatch(/"strike"/);
    expect(eventType('A wildfire destroyed homes near Athens.')).toBeUndefined();
    expect(eventType('A storm struck Manila on Friday.')).toBeUndefined();
    // A weapon in the sentence keeps the attack reading.
    expect(eventType('A drone hit a depot and the fire destroyed it.')).toBe('drone-attack');
  });
});

describe('events: what the type table has no word for', () => {
  it('proposes a sentence that names a place and dates what happened there, untyped, for the reviewer', () => {
    const ev = events('Delegates from both sides met on Thursday in Geneva to discuss a prisoner swap.');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: UNTYPED, date: '2024-11-21' });
    expect(ev[0].reason).toMatch(/no word of the type table/);
  });
  it('proposes none for a sentence with a place but no date of its own, nor for one dated only by when it was said', () => {
    expect(events('Delegates from both sides want to meet in Geneva.')).toEqual([]);
    expect(events('The mayor of Geneva said on Thursday that the city is ready to help.')).toEqual([]);
  });
});

describe('events: the flight of a missile', () => {
  it('types a flight and where it came down as military activity', () => {
    expect(typeOf('It flew for 40 minutes and came down off the coast of Hokkaido.')).toBe('military-activity');
    expect(typeOf('The rocket splashed down east of Okinawa.')).toBe('military-activity');
  });
});

describe('events: a sentence that refers back to the event by its kind', () => {
  it('joins an attributed sentence about "the barrage", "the ambush" or "the flood" to the event before it', () => {
    const ev = events(
      'Rockets hit the port of Mykolaiv on Sunday, officials said. The navy said the barrage included 40 rockets.',
    );
    expect(ev).toHaveLength(2);
    expect(ev[1]).toMatchObject({ of: ev[0].id, claimant: 'the navy' });
    const flood = events(
      'Flash floods swept through Derna on Sunday and destroyed two dams, officials said. Rescuers said the flood had left thousands homeless.',
    );
    expect(flood[1]).toMatchObject({ of: flood[0].id, claimant: 'Rescuers' });
  });
});

describe('events: a verb of handing over read with its object', () => {
  it('types materiel sent as an arms transfer, even beside the attack it answers', () => {
    const s =
      'The Pentagon said on Sunday it would send a THAAD missile defence battery to Israel, with about 100 American troops to operate it, after Iran’s ballistic missile attack of October 1.';
    expect(eventType(s)).toBe('arms-transfer');
    expect(transferReading(s)?.type).toBe('arms-transfer');
    expect(eventType('Iran has supplied Russia with thousands of Shahed drones.')).toBe('arms-transfer');
    expect(eventType('The proposal to supply Ukraine with anti-personnel mines drew protests.')).toBe('arms-transfer');
    expect(eventType('A supply ship docked in Tartus.')).toBeUndefined();
  });

  it('types forces sent as military activity, not an arms transfer', () => {
    const s = 'Israel widened its air campaign in September and sent ground troops into southern Lebanon on October 1.';
    expect(transferReading(s)?.type).toBe('military-activity');
    expect(eventType(s)).toBe('military-activity');
    expect(eventType('Beijing sent warships and fighter jets to the strait on Monday.')).toBe('military-activity');
  });

  it("types aircraft or forces sent to attack as the sender's strike, and the same aircraft sent to another party as a transfer", () => {
    const s = 'Greece sent Mirage-2000 jets to bomb rebel depots across the river on Friday.';
    expect(transferReading(s)?.type).toBe('military-activity');
    expect(eventType(s)).toBe('strike');
    expect(eventType('The navy sent two warships to shell the harbour of Tartus.')).toBe('strike');
    expect(eventType('Norway sent F-35 fighter jets to Poland in March.')).toBe('arms-transfer');
    expect(eventType('Norway supplied Poland with F-35 jets to strike targets.')).toBe('arms-transfer');
  });

  it('types an accusation by the act it accuses someone of, and bombs dropped as a strike', () => {
    expect(eventType('The junta accused the rebels of shelling a market in Lashio.')).toBe('strike');
    expect(eventType('Kenya accused Somalia of firing rockets at a border post.')).toBe('missile-strike');
    expect(eventType('Jets dropped two bombs on a bridge near Kosti.')).toBe('strike');
    // An accusation of no act the table knows stays as it was read.
    expect(eventType('The minister accused the envoy of lying and imposed sanctions.')).toBe('policy');
  });

  it('reads a ship sunk by someone as an attack, and "sent" with no thing handed over as no transfer', () => {
    const s =
      'The rebels said on Wednesday they had sunk the Eternity C in the Red Sea, the second cargo ship they have sent to the bottom this week.';
    expect(transferReading(s)).toBeNull();
    expect(eventType(s)).toBe('strike');
    expect(eventType('The tanker was sunk off Hodeidah on Monday.')).toBe('strike');
    expect(eventType('Two missiles sank the cruiser near Odesa.')).toBe('missile-strike');
    expect(eventType('The minister sent a letter to Kyiv.')).toBeUndefined();
    // A ship that sank, with no one said to have sunk it, stays a sinking for the reviewer.
    expect(eventType('The freighter sank off Odesa on Monday.')).toBe('sinking');
  });

  it('keeps an attack told beside a transfer an attack', () => {
    expect(eventType('Russia fired missiles supplied by North Korea at Kharkiv.')).toBe('missile-strike');
    expect(
      eventType(
        'The army said the RSF launched the drones at Port Sudan, and accused a foreign backer of supplying them.',
      ),
    ).toBe('drone-attack');
  });
});

describe('events: drones launched', () => {
  it('types drones launched or fired as a drone attack, and missiles fired with drones as a missile strike', () => {
    expect(eventType('The rebels launched a swarm of drones at the base.')).toBe('drone-attack');
    expect(eventType('On Tuesday Iran fired missiles and drones at two bases in Balochistan.')).toBe('missile-strike');
  });
});

describe('events: what could, would or will happen is no event', () => {
  it('a forecast, a threat or a capability types no event; what happened beside it still does', () => {
    expect(
      eventType(realised('A spokesman said the group would keep targeting ships bound for Haifa.')),
    ).toBeUndefined();
    expect(eventType(realised('The missiles can hit targets up to 300 km away.'))).toBeUndefined();
    expect(eventType(realised('Fired from the coast, it could reach deep into Anatolia.'))).toBeUndefined();
    expect(eventType(realised('Officials discussed whether the rockets could destroy the bridge.'))).toBeUndefined();
    expect(eventType(realised('The system is one of the few able to stop ballistic missiles.'))).toBeUndefined();
    expect(eventType(realised('The rebels struck a depot near Goma, and said they would strike again.'))).toBe(
      'strike',
    );
  });
  it('an undated sentence that only forecasts at a place is not proposed', () => {
    const s = 'A spokesman said the group would keep targeting ships bound for Haifa.';
    const e = eventSuggestion(
      { start: 0, end: s.length, sentence: s, places: [{ id: 'haifa', before: 'for ' }], dates: [] },
      'x-event-1',
    );
    expect(e).toBeNull();
  });
  it('a decision a party announces with "will" or "would" is no forecast', () => {
    expect(eventType(realised('France said it would impose sanctions on Iran Air.'))).toBe('policy');
    expect(eventType(realised('Berlin said it would not send the missiles to Kyiv.'))).toBe('arms-transfer');
    expect(eventType(realised('Analysts said the strikes would not change the course of the war.'))).toBeUndefined();
  });
  it('what a sentence says did not happen types no event', () => {
    expect(eventType(realised('Moscow did not acknowledge any deaths among the crew.'))).toBeUndefined();
    expect(eventType(realised('Officials confirmed a depot was hit but did not say what was used.'))).toBe('strike');
  });
  it('what a sentence says will be done with a weapon it names stays a claim of that weapon', () => {
    const s = 'Putin said Russia would keep testing the Oreshnik in combat.';
    const at = s.indexOf('Oreshnik');
    const input = { start: 0, end: s.length, sentence: s, places: [{ id: 'russia', before: 'said ' }], dates: [] };
    expect(eventSuggestion(input, 'x-event-1')).toBeNull();
    expect(eventSuggestion({ ...input, weapons: [{ start: at, end: at + 8 }] }, 'x-event-1')?.attributes.type).toBe(
      'military-activity',
    );
  });
  it('an account of what would happen joins no event', () => {
    const s = 'Insurers said the deaths would push premiums higher still.';
    expect(claimSuggestion({ start: 0, end: s.length, text: s }, 'x-event-1')).toBeNull();
    const t = 'The ministry said the deaths were caused by shrapnel.';
    expect(claimSuggestion({ start: 0, end: t.length, text: t }, 'x-event-1')).not.toBeNull();
  });
});

describe('events: a word that only looks like an event', () => {
  it('"advanced" as an adjective and "-launched" in a compound are no military activity', () => {
    expect(eventType('Beijing showed its most advanced air defence in Shanghai.')).toBeUndefined();
    expect(eventType('Russia’s use of advanced missile technology worries Kyiv.')).toBeUndefined();
    expect(eventType('The air-launched missile, carried by bombers, has a range of about 250 km.')).toBeUndefined();
    expect(eventType('Troops advanced on Bakhmut.')).toBe('military-activity');
    expect(eventType('Russia launched a missile at Odesa.')).toBe('missile-strike');
  });
});

describe('events: a denial joins the event whose act it denies (h-dates)', () => {
  it('joins "X denied <doing> …" to the earlier event it shares words with, with no date of its own', () => {
    const text =
      'Armenia shipped artillery shells to Georgia in March, officials in Tbilisi said on Monday. ' +
      'Azerbaijan closed its border with Georgia on Tuesday. ' +
      'Yerevan denied shipping any artillery shells to Georgia, and called the reports a fabrication.';
    const ev = events(text, '2023-04-12');
    const shipment = ev.find((e) => e.text?.startsWith('Armenia shipped'));
    const denial = ev.find((e) => e.text?.startsWith('Yerevan denied'));
    expect(shipment?.id).toBeTruthy();
    // Not the border closure told last: the shipment it shares "artillery shells" with.
    expect(denial).toMatchObject({ of: shipment?.id, status: 'unverified' });
    expect(denial?.date).toBeUndefined();
    expect(denial?.id).toBeUndefined();
  });
  it('joins a denial whose act has no event keyword ("has repeatedly denied giving …")', () => {
    const text =
      'Chad expelled the ambassador of Libya on Thursday, accusing Tripoli of arming the rebels. ' +
      'Libya has repeatedly denied giving weapons to the rebels.';
    const ev = events(text, '2023-04-14');
    expect(ev).toHaveLength(2);
    expect(ev[1]).toMatchObject({ of: ev[0].id });
  });
  it('tells the reviewer that the account a denial contradicts is the one to mark disputed, not the denial', () => {
    const d = denialSuggestion(
      { start: 0, end: 60, text: 'The rebel command denied that its fighters had shelled the market.' },
      'market-shelling',
    );
    expect(d?.reason).toMatch(/the account it denies \(market-shelling's first claim\) is then likely status=disputed/);
  });
  it('leaves alone a denial of "any role", and "denied entry" or "denied bail"', () => {
    expect(
      denialSuggestion({ start: 0, end: 40, text: 'Egypt denied any role in the raid on Rafah.' }, 'x'),
    ).toBeNull();
    expect(
      denialSuggestion({ start: 0, end: 40, text: 'Reporters were denied entry to the port of Aden.' }, 'x'),
    ).toBeNull();
    expect(
      denialSuggestion({ start: 0, end: 40, text: 'The court denied bail to the men held in Aden.' }, 'x'),
    ).toBeNull();
  });
});

describe('events: where weapons were launched from', () => {
  it('reads a participle of launching told of the weapons as no event of its own', () => {
    const e = events(
      'Drones hit a depot in Odesa on Monday. The Iskander-M missiles, launched from occupied Crimea, can fly up to 500 km.',
    );
    expect(e.map((x) => x.text)).toEqual(['Drones hit a depot in Odesa on Monday.']);
  });
  it('joins a sentence that tells where the last event was launched from to it, at the launch site', () => {
    const e = events('Drones hit a depot in Odesa on Monday. The drones were launched from occupied Crimea.');
    expect(e).toHaveLength(2);
    expect(e[1]).toMatchObject({ of: e[0].id, place: 'crimea' });
  });
  it('keeps the launch site out of the places of an attack on another place, and in those of a launch', () => {
    const [hit] = events('Russia struck Odesa on Monday with Iskander-M missiles launched from occupied Crimea.');
    expect(hit.place?.split(' ')).not.toContain('crimea');
    const [test] = events('North Korea fired a missile from near Pyongyang on Thursday.');
    expect(test.place?.split(' ')).toContain('pyongyang');
  });
});

describe('events: how things stand is no event', () => {
  it('proposes no event for what had resumed, remained or is back to normal at a place', () => {
    expect(events('Loading had resumed at the port of Izmail by Friday.')).toEqual([]);
    expect(events('By Sunday the streets of Lviv remained calm.')).toEqual([]);
    expect(events('On Monday the town of Izium lies about 120 km southeast of Kharkiv.')).toEqual([]);
  });
  it('proposes no event for an analysis of what happened', () => {
    expect(events('The losses near Bakhmut last week indicate a shift in the war.')).toEqual([]);
    expect(events('Recent strikes on Kharkiv have highlighted the shortage of air defences.')).toEqual([]);
    // What happened stays an event, and so does a fact told since a date.
    expect(events('Troops shelled Kharkiv on Friday, officials said.')).toHaveLength(1);
    expect(events('Russian forces have held Melitopol since March 2022.')).toHaveLength(1);
  });
});

describe('events: a launch that hit nothing', () => {
  it('types a test launch or a missile fired into the sea as military activity, a launch that hit something as a strike', () => {
    expect(eventType('North Korea fired a ballistic missile into the sea off its east coast on Sunday.')).toBe(
      'military-activity',
    );
    expect(eventType('India test-fired a long-range missile from an island off Odisha.')).toBe('military-activity');
    expect(eventType('Russia fired missiles at Kyiv on Monday, killing two.')).toBe('missile-strike');
    expect(eventType('The navy test-fired missiles that hit targets near the port.')).toBe('missile-strike');
  });
});

describe('events: a source named by its country', () => {
  it('joins an account whose only place is the country of its source to the event told, not a new event there', () => {
    const text =
      'A Dutch frigate downed a drone over the Red Sea on Thursday. The U.S. military confirmed a drone was downed on Thursday.';
    const [downed, account] = events(text, '2024-03-08');
    expect(downed.place).toBe('red-sea');
    expect(account.text).toMatch(/^The U\.S\. military confirmed/);
    expect(account.of).toBe(downed.id);
    expect(account.claimant).toBe('the U.S. military');
    expect(account.place).toBeUndefined();
  });
});

describe("events: a spokesman's account", () => {
  it('joins a named source saying what had happened at an event’s place to that event, as another account', () => {
    const text =
      'A cargo ship was struck by a missile in the Gulf of Aden on Monday. Fishermen rescued two sailors off Mukalla on Tuesday. ' +
      "The rebels' naval spokesman said the movement had launched two missiles at the ship in the Gulf of Aden.";
    const all = events(text, '2024-03-12');
    const strike = all.find((x) => x.place === 'gulf-of-aden' && x.id);
    const account = all.find((x) => x.text?.startsWith("The rebels' naval spokesman"));
    expect(strike).toBeDefined();
    expect(account?.of).toBe(strike?.id);
    expect(account?.claimant).toBe("the rebels' naval spokesman");
    expect(account?.reason).toMatch(/another account/);
  });
});

describe('events: arrests, protests, cyber attacks, ship seizures and hazards the table lacked (h-events)', () => {
  it('reads arrests, street protests and cyber attacks as rows of their own, proposed untyped with the reading', () => {
    expect(eventType('Police detained more than 60 people outside the courthouse in Minsk.')).toBe('arrest');
    expect(eventType('A court in Almaty jailed the editor for seven years.')).toBe('arrest');
    expect(eventType('Thousands of demonstrators marched through Belgrade on Sunday.')).toBe('protest');
    expect(eventType('Large crowds gathered outside the parliament in Yerevan.')).toBe('protest');
    expect(eventType('Riot police used tear gas on students in Nairobi.')).toBe('protest');
    expect(eventType('A cyber attack on the national postal service in Oslo cut deliveries.')).toBe('cyber-attack');
    expect(eventType('Hackers disabled the ticket machines of the railway in Riga.')).toBe('cyber-attack');
    // A state's diplomatic protest stays a reaction.
    expect(eventType('Beijing protested the visit of the delegation to Taipei.')).toBe('reaction');
    const [held] = events('Police arrested 40 students at the university in Dhaka on Monday.');
    expect(held.type).toBe(UNTYPED);
    expect(held.reason).toMatch(/reads as "arrest"/);
  });

  it('reads a ship taken by force as a seizure, proposed as military activity', () => {
    expect(eventType('Commandos boarded the Liberian tanker off Fujairah at dawn.')).toBe('seizure');
    expect(eventType('Coastguards have detained two fishing boats near Kinmen.')).toBe('seizure');
    expect(eventType('The cargo ship was seized by gunmen off Somalia.')).toBe('seizure');
    const [taken] = events('Commandos seized the container ship near Fujairah on Saturday.');
    expect(taken?.type).toBe('military-activity');
  });

  it('counts an investigation with an adjective ("opened a criminal investigation") as a reaction', () => {
    expect(eventType('Prosecutors in Lisbon opened a criminal investigation into the fire.')).toBe('reaction');
  });

  it('proposes a hazard that reached, burned or broke out at a place, undated, as an event', () => {
    const ev = events(
      'A strong earthquake struck Japan on Monday. A fire that broke out after the quake burned down dozens of shops in Kobe. Tsunami waves reached the coast at Niigata within minutes.',
      '2024-01-03',
    );
    expect(ev.map((e) => (e.text ?? '').slice(0, 20))).toEqual([
      'A strong earthquake ',
      'A fire that broke ou',
      'Tsunami waves reache',
    ]);
    expect(ev[1].reason).toMatch(/natural hazard/);
  });
});

describe('events: accounts of who did it, and why a claim joins (h-events)', () => {
  it('joins a claim of responsibility with no place to the event before it', () => {
    const ev = events(
      'A cyber attack cut the power grid in Lviv on Monday. A group calling itself Black Frost claimed responsibility in a post.',
    );
    expect(ev).toHaveLength(2);
    expect(ev[1]).toMatchObject({ of: ev[0].id, claimant: 'Black Frost' });
  });

  it('joins a sentence that blames a party for the event told last, at the places it names, to that event', () => {
    const ev = events(
      'Gunmen attacked a bus near Quetta on Monday. A bomb exploded at a market in Peshawar on Tuesday. Pakistan blamed Afghanistan for that attack.',
    );
    expect(ev).toHaveLength(3);
    expect(ev[2]).toMatchObject({ of: ev[1].id, claimant: 'Pakistan' });
    expect(ev[2].reason).toMatch(/blames a party/);
    const [, blamed] = events('A blast hit the consulate in Erbil on Sunday. Baghdad blamed Ankara for it.');
    expect(blamed).toMatchObject({ claimant: 'Baghdad' });
    expect(blamed.of).toBeDefined();
  });

  it('says why a claim joins: no place, a place that only says who tells it, or a reference back', () => {
    const ev = events(
      "Drones struck a fuel depot in Odesa on Tuesday. Ukraine's air force said the drones had hit two tanks. Officials in Odesa said the attack had started a fire.",
    );
    expect(ev[1].reason).toMatch(/its only place names who tells it/);
    expect(ev[1].reason).not.toMatch(/no place in the sentence/);
    expect(ev[2].of).toBe(ev[0].id);
    expect(ev[2].reason).not.toMatch(/no place in the sentence/);
  });
});

describe('events: court rulings, votes and appeals for release (h-events)', () => {
  it('reads a court ruling and a vote as rows of their own', () => {
    expect(eventType('The Supreme Court in Brasilia ruled that the decree was void.')).toBe('court-ruling');
    expect(eventType('Judges in The Hague ordered the release of the two men.')).toBe('court-ruling');
    expect(eventType('Voters in Bolivia elected a new president.')).toBe('election');
    expect(eventType('The ruling party won a large majority in Botswana.')).toBe('election');
    expect(eventType('The governor was sworn in at Lagos.')).toBe('election');
    // No vote and no court: a figure of speech or a party's name.
    expect(eventType('Aid groups said the region had lost a generation of farmers.')).not.toBe('election');
  });

  it("reads an appeal for captives' release as diplomacy", () => {
    expect(eventType("Chile's foreign ministry contacted officials in Caracas about the missing sailors.")).toBe(
      'diplomacy',
    );
    expect(eventType('Envoys met in Doha to secure the release of the hostages.')).toBe('diplomacy');
  });
});

describe('events: a summary leaves out a relative clause between commas (h-events)', () => {
  it('keeps the main clause after ", which …," instead of stopping at the subject', () => {
    expect(summaryOf('Chad, which borders the war zone, closed its frontier with Sudan on Friday.')).toBe(
      'Chad closed its frontier with Sudan on Friday',
    );
    expect(summaryOf('The junta in Niamey, whose leaders took power in 2023, expelled the envoy.')).toBe(
      'The junta in Niamey expelled the envoy',
    );
    // A trailing one is still cut.
    expect(summaryOf('Rockets hit Haifa, which lies on the coast.')).toBe('Rockets hit Haifa');
  });
});

describe('events: a border shut, and a weapon used or received (h-events)', () => {
  it('reads a border, an airspace or a crossing shut or reopened by a state as policy', () => {
    expect(eventType('Finland shut its eastern border with Russia.')).toBe('policy');
    expect(eventType('Niger reopened the crossings into Benin.')).toBe('policy');
    expect(events('Lithuania closed its airspace over Vilnius.')[0]?.type).toBe('policy');
  });

  it('proposes a sentence that tells what was done with a named weapon, though the table has no word for it', () => {
    const [used] = events('Ukraine has used HIMARS launchers against depots in Kherson.');
    expect(used?.type).toBe('military-activity');
    const [got] = events('Romania received its first Patriot batteries at Constanta.');
    expect(got?.type).toBe('arms-transfer');
    // What it will do with it is no event; nor is what the weapon is.
    expect(events('Japan will acquire Tomahawk missiles for bases in Okinawa.')).toHaveLength(0);
    expect(events('The HIMARS is a wheeled launcher built in Arkansas.')).toHaveLength(0);
  });
});

describe('events: a named source tells what followed, at places inside the country of the event (h-events)', () => {
  it('joins an attributed, undated account of loss or outage inside the same country to the event told last', () => {
    const ev = events(
      'A cyber attack knocked out the power grid operator in Moldova on Monday. In Balti and Cahul, street lights went dark for hours, local officials said.',
    );
    expect(ev).toHaveLength(2);
    expect(ev[1]).toMatchObject({ of: ev[0].id });
    expect(ev[1].claimant).toMatch(/officials/);
    expect(ev[1].reason).toMatch(/inside the country of/);
  });
  it('does not join one in another country, nor one that only tells how things stand', () => {
    expect(isUntypedAccount('Schools in Balti remained open, officials said.')).toBe(false);
    expect(isUntypedAccount('In Balti, trams stopped for an hour, officials said.')).toBe(true);
    const ev = events(
      'A cyber attack knocked out the power grid operator in Moldova on Monday. In Iasi, street lights went dark for hours, Romanian officials said.',
    );
    expect(ev[1]?.of).toBeUndefined();
  });
});

describe('events: a denial of any part in it is no event (h-events)', () => {
  it('proposes no event for a party that denies any role, and still joins a denial of the act', () => {
    const ev = events(
      'Rebels seized the town of Kidal on Monday. Algeria, which borders the region, denied any role in the offensive.',
    );
    expect(ev).toHaveLength(1);
    expect(realised('Niger denies involvement in the blast at Agadez.')).not.toMatch(/blast/);
    const denied = events('Drones struck a depot in Odesa on Monday. Moscow denied targeting civilian sites.');
    expect(denied[1]?.of).toBe(denied[0].id);
  });
});

describe('events: a follow-up in the article voice, with no place and no attribution (h-events, second round)', () => {
  it('joins a sentence that opens with one more of what was just told ("A second missile struck …")', () => {
    const text =
      'A Russian missile hit a warehouse in Odesa on Monday, the regional governor said. A second missile struck a bus depot nearby.';
    const got = events(text);
    expect(got).toHaveLength(2);
    expect(got[0].id).toBeTruthy();
    expect(got[1]).toMatchObject({ text: 'A second missile struck a bus depot nearby.', of: got[0].id });
    expect(got[1].claimant).toBe('the article (unattributed)');
    const another = events('Drones struck a school in Sumy on Tuesday, officials said. Another drone hit a clinic.');
    expect(another[1]?.of).toBe(another[0].id);
  });

  it('leaves a toll or damage told with no place and no source, as the annotators do', () => {
    const got = events(
      'A Russian missile hit a warehouse in Odesa on Monday, the regional governor said. Three office buildings were left without power after a cable was damaged.',
    );
    expect(got).toHaveLength(1);
  });

  it('joins nothing that tells how things stand, what could happen, or something told further on', () => {
    const standing = events(
      'A Russian missile hit a warehouse in Odesa on Monday, the regional governor said. The warehouse is still closed.',
    );
    expect(standing).toHaveLength(1);
    const could = events(
      'A Russian missile hit a warehouse in Odesa on Monday, the regional governor said. A second missile could strike the port.',
    );
    expect(could).toHaveLength(1);
    // Not straight after the event: a sentence of background stands between.
    const apart = events(
      'A Russian missile hit a warehouse in Odesa on Monday, the regional governor said. The port is one of the busiest on the coast. A second missile struck a bus depot nearby.',
    );
    expect(apart.filter((e) => e.of)).toHaveLength(0);
  });
});

describe("events: a weapon's reach is no event (h-events, second round)", () => {
  it('blanks "a strike range of", "a reach of" and "a strike radius of" to the end of their clause', () => {
    expect(realised('The missile has a strike range of 1,800 km and a heavy warhead')).not.toMatch(/strike/);
    expect(realised('Britain says the launcher, with a reach of 400 km, was hit')).toMatch(/was hit/);
    expect(realised('Moscow says the bomb has a strike radius of up to 90 km.')).not.toMatch(/strike|90/);
  });

  it('proposes no event for a sentence that only says how far a weapon reaches', () => {
    expect(events('Officials in Tehran say the new missile has a strike range of 1,800 kilometres.')).toEqual([]);
    expect(events('India says its glide bomb has a strike radius of up to 100 km.')).toEqual([]);
  });
});

describe('events: a weapon "air-launched" is a kind, not a use (h-events, second round)', () => {
  const at = (sentence: string, name: string) => [
    { start: sentence.indexOf(name), end: sentence.indexOf(name) + name.length },
  ];
  it('reads "the air-launched Kinzhal" as no use of the weapon, and "Russia launched a Kinzhal" as one', () => {
    const kind = 'Moscow says the air-launched Kinzhal flies at ten times the speed of sound.';
    expect(weaponRow(kind, at(kind, 'Kinzhal'))).toBeUndefined();
    const used = 'Russia launched a Kinzhal at the depot.';
    expect(weaponRow(used, at(used, 'Kinzhal'))).toBe('military-activity');
  });
});

describe('events: a denial that refers back joins the event told last (h-events2)', () => {
  it('joins "X denied it on <day>, saying …" to the event whose account was told just before it', () => {
    const text =
      'On Monday, drones struck a fuel depot in Odesa, the regional governor said. ' +
      'On Wednesday, artillery shelled a rail yard in Kherson. ' +
      "Kyiv's army said on Thursday that twelve soldiers had been killed in the shelling. " +
      "Moscow's Defence Ministry denied it on Friday, saying its guns had fired only at a depot.";
    const ev = events(text, '2024-03-09');
    const shelling = ev.find((e) => e.text?.startsWith('On Wednesday'));
    const denial = ev.find((e) => e.text?.startsWith("Moscow's Defence Ministry denied"));
    expect(shelling?.id).toBeTruthy();
    expect(denial).toMatchObject({ of: shelling?.id });
    expect(denial?.reason).toMatch(/the account told just before it\) is then likely status=disputed/);
  });

  it('joins "X denied the report" and "X denied this", and not "denied this week that …" as a pronoun', () => {
    for (const d of ['The navy denied the report.', 'The navy denied this, calling it invented.']) {
      const text = `Mines damaged a cargo ship near Constanta on Tuesday. ${d}`;
      const ev = events(text, '2024-05-02');
      const ship = ev.find((e) => e.text?.startsWith('Mines'));
      expect(ev.find((e) => e.text === d)).toMatchObject({ of: ship?.id });
    }
    expect(denialSuggestion({ start: 0, end: 40, text: 'The navy denied this week any plan.' }, 'x')).toBeNull();
  });
});

describe('events: a source named again by its head noun joins the event it was named for (h-events2)', () => {
  it('joins "The ministry said X had fired …" to the strike told just before, not to a lead that names X', () => {
    const text =
      'Georgia has struck depots in Abkhazia twice this month. ' +
      "On Tuesday, rockets hit a fuel depot in Sukhumi, according to Armenia's Defence Ministry. " +
      'The ministry said Georgia had launched eight rockets.';
    const ev = events(text, '2024-06-07');
    const depot = ev.find((e) => e.text?.startsWith('On Tuesday'));
    const account = ev.find((e) => e.text?.startsWith('The ministry said'));
    expect(depot?.id).toBeTruthy();
    expect(account).toMatchObject({ of: depot?.id, claimant: "Armenia's Defence Ministry" });
  });

  it('reads a head noun only against the last word of the fuller name', () => {
    const said = (claimant: string) => ({ claimant, found: true });
    expect(namesAgain(said('the ministry'), "Russia's Defence Ministry")).toBe(true);
    expect(namesAgain(said('the army'), "Russia's Defence Ministry")).toBe(false);
    expect(namesAgain(said('the ministry'), 'the article (unattributed)')).toBe(false);
    expect(namesAgain(said('officials'), 'Ukrainian officials')).toBe(false);
  });
});
