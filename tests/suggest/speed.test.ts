/**
 * The shortcuts the draft takes for speed give the answers the long way gives: the tagger skips
 * compromise's chunker, the claimant finder remembers sentences and skips patterns that cannot match.
 */
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { claimantOf, UNATTRIBUTED } from '../../src/suggest/claimants.js';
import { compromiseTagger } from '../../src/suggest/tagger.js';

describe('tagger: compromise without its chunker', () => {
  it("gives every word the tags of compromise's full pass", () => {
    const text = [
      'Reading the report took an hour, and Mobile units moved toward Nice.',
      'Victoria said the brigade had advanced near the quickly rebuilt bridge over the Dnipro.',
      'Sweeping changes were approved; the happy and playful dog ran to the old Russian port city of Sevastopol.',
      "Officials didn't say whether the drones, launched from Kursk, were downed over Belgorod's outskirts.",
    ].join('\n');
    const full = nlp(text)
      .docs.flat()
      .map((t) => [t.text, [...(t.tags ?? [])].sort()]);
    const ours = compromiseTagger(text).map((t) => [text.slice(t.start, t.end), [...t.tags].sort()]);
    expect(ours).toEqual(full);
    // The chunker still runs for anyone else who asks compromise.
    expect((nlp.world() as { hooks: string[] }).hooks).toContain('chunks');
  });
});

describe('claimants: remembered and pre-checked', () => {
  const cases: Array<[string, string]> = [
    ['The mayor of the port city, Anna Berg, said three cranes were damaged.', 'the mayor of the port city Anna Berg'],
    ["Turkey's navy said the tanker was towed away.", "Turkey's navy"],
    ['Three cranes were damaged, according to the port authority.', 'the port authority'],
    ['Three cranes were damaged in the storm.', UNATTRIBUTED],
    ['Three cranes were damaged, said Anna Berg.', 'Anna Berg'],
  ];
  it('answers as often as it is asked, and after it has forgotten', () => {
    const first = cases.map(([s]) => claimantOf(s).claimant);
    expect(first).toEqual(cases.map(([, c]) => c));
    expect(cases.map(([s]) => claimantOf(s).claimant)).toEqual(first);
    // More sentences than it keeps: the first ones are read again, to the same answers.
    for (let i = 0; i < 1200; i++) claimantOf(`Officials in town ${i} said nothing.`);
    expect(cases.map(([s]) => claimantOf(s).claimant)).toEqual(first);
    expect(claimantOf('Three cranes were damaged in the storm.').found).toBe(false);
  });
});
