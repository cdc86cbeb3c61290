import { describe, expect, it } from 'vitest';
import { UNATTRIBUTED, claimantAfter, claimantOf } from '../../src/suggest/claimants.js';
import { suggestFor } from './setup.js';

describe('claimants', () => {
  it('reads verbs that concede or deny as attribution', () => {
    expect(claimantOf('The navy acknowledged on Monday that two sailors had been hurt.')).toEqual({
      claimant: 'the navy',
      found: true,
    });
    expect(claimantOf('The coast guard admitted that a crane had collapsed.').claimant).toBe('the coast guard');
    expect(claimantOf('The rebel command denied that its fighters had shelled the market.').claimant).toBe(
      'the rebel command',
    );
    expect(claimantOf('A police spokesman suggested the fire had been set on purpose.').claimant).toBe(
      'a police spokesman',
    );
  });

  it('takes pictures as the source of what they show', () => {
    expect(claimantOf('Satellite images taken on Friday showed three hangars burnt out.')).toEqual({
      claimant: 'satellite images taken on Friday',
      found: true,
    });
    expect(claimantOf('Footage posted by residents shows smoke over the harbour.').claimant).toBe(
      'footage posted by residents',
    );
    expect(claimantOf('Videos appeared to show a convoy on the bridge.').claimant).toBe('videos');
  });

  it('leaves a sentence with no source unattributed', () => {
    expect(claimantOf('The images were blurred by cloud.')).toEqual({ claimant: UNATTRIBUTED, found: false });
    expect(claimantOf('Three hangars burnt out overnight.').found).toBe(false);
  });
});

describe('claimants: a role and a name that act, then say', () => {
  it('reads "The mayor of X, Name, declared … and said" as the mayor', () => {
    expect(
      claimantOf('The mayor of the port city, Anna Berg, closed the schools and said two people had died.').claimant,
    ).toBe('the mayor of the port city Anna Berg');
    expect(claimantOf('The mayor of the port city, Anna Berg, closed the schools.').found).toBe(false);
  });
});

describe('claimants placed by a phrase of place', () => {
  it('takes the head noun, not the place before the verb', () => {
    expect(claimantOf('Police in the Bronx, New York said on Monday a fire killed two people.').claimant).toBe(
      'Police',
    );
    expect(claimantOf('Officials in Kyiv said the strike hit a school.').claimant).toBe('Officials');
    expect(claimantOf('Rescuers near Gaza City said the building collapsed.').claimant).toBe('Rescuers');
    // A name that is the subject stays the claimant.
    expect(claimantOf("Russia's Defence Ministry said it downed 20 drones.").claimant).toBe(
      "Russia's Defence Ministry",
    );
  });

  it('reads "X accused Y of …" as a claim by X', () => {
    expect(claimantOf('The Serbian interior ministry accused Kosovo of shelling a checkpoint.').claimant).toBe(
      'the Serbian interior ministry',
    );
  });

  it('gives a pronoun subject of a verb of saying or accusing the claimant of the sentence before', () => {
    const before = claimantOf("Peru's navy said its patrol boat had been rammed.");
    expect(before).toEqual({ claimant: "Peru's navy", found: true });
    const it1 = 'It accused Ecuador of firing on the crew near the island.';
    expect(claimantOf(it1).found).toBe(false);
    expect(claimantAfter(it1, before)).toEqual({ claimant: "Peru's navy", found: true });
    // A run of them keeps the one named first.
    const it2 = claimantAfter('It also said two sailors were hurt.', claimantAfter(it1, before));
    expect(it2.claimant).toBe("Peru's navy");
    // Not a pronoun, not a verb of saying, or nobody named before: unattributed as before.
    expect(claimantAfter('It sank near the island.', before).claimant).toBe(UNATTRIBUTED);
    expect(claimantAfter(it1, claimantOf('Fighting spread on Monday.')).claimant).toBe(UNATTRIBUTED);
    expect(claimantAfter('The boat sank near the island.', before).claimant).toBe(UNATTRIBUTED);
  });

  it('drafts the event of a pronoun-led accusation with the claimant named in the sentence before', () => {
    const text =
      "Syria's defence ministry said on Monday that Turkish troops had crossed the border. They accused Turkey of shelling a market in Aleppo.";
    const ev = suggestFor(text, '2024-03-05').suggestions.filter((x) => x.kind === 'event' && x.start > 60);
    expect(ev.length).toBeGreaterThan(0);
    expect(ev[0].attributes.claimant).toBe("Syria's defence ministry");
  });
});

describe('claimants: a noun phrase the other patterns miss (h-dates)', () => {
  it('reads a plain noun phrase that opens the sentence as the claimant ("Survivors and relatives of the crew said")', () => {
    expect(claimantOf('Survivors and relatives of the crew said the ferry had capsized within minutes.')).toEqual({
      claimant: 'Survivors and relatives of the crew',
      found: true,
    });
    expect(claimantOf('Families of the miners later told reporters that the shaft had flooded.')).toMatchObject({
      claimant: 'Families of the miners',
      found: true,
    });
    // A clause is not a subject; a commentator judges rather than tells.
    expect(claimantOf('The navy shelled the harbour and sailors said little.').claimant).not.toBe(
      'The navy shelled the harbour and sailors',
    );
    expect(claimantOf('Regional analysts said the raid was more a warning than an attack.').found).toBe(false);
  });
  it('reads the noun phrase after the last comma ("…, volunteer divers said.")', () => {
    expect(claimantOf('Floods swept through the lower town on Friday, killing nine, volunteer divers said.')).toEqual({
      claimant: 'volunteer divers',
      found: true,
    });
  });
  it('lets a sentence attributed that way join the event before it as another account', () => {
    const text =
      'Gunmen attacked the market in Gao on Sunday, the army said. ' +
      'Traders and relatives of the victims said at least 40 bodies had been collected.';
    const ev = suggestFor(text, '2024-08-27').suggestions.filter((s) => s.kind === 'event');
    expect(ev).toHaveLength(2);
    expect(ev[1].attributes).toMatchObject({
      of: ev[0].attributes.id,
      claimant: 'Traders and relatives of the victims',
    });
  });
});

describe('claimants: names of organisations and nouns that are also verbs', () => {
  it('keeps a name joined by "of", "for" or "on" whole', () => {
    expect(claimantOf('The Ministry of Defence said drones hit a depot near Kursk.').claimant).toBe(
      'the Ministry of Defence',
    );
    expect(claimantOf('The London-based Centre for Conflict Studies said 40 people were killed.').claimant).toBe(
      'the London-based Centre for Conflict Studies',
    );
  });
  it("reads no claimant from a people's adjective before a noun that is also a verb of saying", () => {
    expect(claimantOf('The drones, which Western estimates credit with a range of 2,000 km, hit the port.')).toEqual({
      claimant: 'the article (unattributed)',
      found: false,
    });
    expect(claimantOf('Iranian reports said the missiles hit two bases.').claimant).toBe('Iranian reports');
  });

  it('leaves a leading date or time phrase out of the claimant, not a name that starts with a day', () => {
    expect(claimantOf('On Thursday the coast guard said three fishermen were missing.').claimant).toBe(
      'the coast guard',
    );
    expect(claimantOf('Late on Saturday the port authorities reported a second blast.').claimant).toBe(
      'the port authorities',
    );
    expect(claimantOf('Early on March 3 the army said it had shelled the bridge.').claimant).toBe('the army');
    expect(claimantOf('Yesterday, the ministry said the ferry had sunk.').claimant).toBe('the ministry');
    expect(claimantOf('Sunday Times reporters said the dam had burst.').claimant).toBe('Sunday Times reporters');
  });

  it('reads a long organisation name in a trailing attribution, with its acronym in brackets', () => {
    expect(
      claimantOf(
        "A container ship was hit by a drone off Socotra, the Royal Navy's United Kingdom Maritime Security Liaison cell said on Friday.",
      ).claimant,
    ).toBe("the Royal Navy's United Kingdom Maritime Security Liaison cell");
    expect(
      claimantOf('The crew left the burning freighter, the Combined Maritime Forces (CMF) office said in a notice.')
        .claimant,
    ).toBe('the Combined Maritime Forces (CMF) office');
    // A clause after the comma is no name.
    expect(claimantOf('The freighter sank, and the rescued sailors were taken to Djibouti, it said.').found).toBe(
      false,
    );
  });
});

describe('claimants: a head noun is a whole word', () => {
  it('reads no head noun inside a longer word ("coastguard", "bodyguard" are not "guard")', () => {
    expect(claimantOf('The coastguard said two boats had sunk near the pier.').claimant).not.toBe('guard');
    expect(claimantOf('Her bodyguard said the minister was unhurt.').claimant).not.toBe('guard');
    expect(claimantOf('The lifeguards said the beach was closed.').claimant).not.toBe('guards');
  });
});

describe('claimants: heads of bodies, firms and their officers (h-events)', () => {
  it('reads an authority, a centre, a commission, an operator, a watchdog or a chief executive as the claimant', () => {
    expect(claimantOf('Officials at the regional health authority confirmed four deaths.').claimant).toBe(
      'the regional health authority',
    );
    expect(claimantOf("The carrier's chief executive, Lena Voss, said the servers had been wiped.").claimant).toBe(
      "the carrier's chief executive Lena Voss",
    );
    expect(claimantOf('The railway operator confirmed that trains had stopped near Brno.').claimant).toBe(
      'the railway operator',
    );
    expect(claimantOf('Two pylons fell, the national dispatch centre confirmed on Monday.').found).toBe(true);
  });
});

describe('claimants: a name, then its role between commas (from the reporter trial)', () => {
  it('reads "Name, the role, said" at the start of a sentence and after a comma', () => {
    expect(
      claimantOf(
        'Musa Darwish, the rebel movement’s military spokesman, said in a televised address that it had fired two drones.',
      ).claimant,
    ).toBe('the rebel movement’s military spokesman Musa Darwish');
    expect(
      claimantOf('Shells hit the river port overnight, Marta Kovalenko, the regional governor, said.').claimant,
    ).toBe('the regional governor Marta Kovalenko');
  });

  it('does not read a place that opens the sentence as a name', () => {
    expect(claimantOf('In Kherson, the regional governor, Ivan Tkach, said two people died.').claimant).toBe(
      'the regional governor Ivan Tkach',
    );
  });

  it('keeps the words before a bare head noun that closes the sentence', () => {
    expect(claimantOf('Rescuers pulled two survivors from the flats, local officials said.').claimant).toBe(
      'local officials',
    );
  });
});
