import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/suggest/catalogue.js';
import { catalogueReason } from '../../src/suggest/weapons.js';
import { suggestFor } from './setup.js';

describe('the weapons catalogue', () => {
  const entries = parseCatalogue(readFileSync(new URL('../../data/weapons.yaml', import.meta.url), 'utf8'));
  it('enters every range figure with its source, and says whether it was checked', () => {
    for (const e of entries)
      if (e.range) {
        expect(e.range.source.trim().length).toBeGreaterThan(0);
        expect(typeof e.range.verified).toBe('boolean');
      }
  });
  it("refuses an ambiguous alias that is not one of the entry's aliases", () => {
    expect(() => parseCatalogue('- {id: x, name: Xena, aliases: [Xena-1], ambiguous: [Xeno], class: SRBM}')).toThrow(
      /ambiguous "Xeno"/,
    );
    expect(
      parseCatalogue('- {id: x, name: Xena, aliases: [Xena-1], ambiguous: [Xena], class: SRBM}')[0].ambiguous,
    ).toEqual(['Xena']);
  });
  it('refuses a figure with no source, and a verified flag that is not a boolean', () => {
    expect(() => parseCatalogue('- {id: x, name: X, class: SRBM, range_km: {max: 300}}')).toThrow(/no source/);
    expect(() =>
      parseCatalogue('- {id: x, name: X, class: SRBM, range_km: {max: 300, source: s, verified: "yes"}}'),
    ).toThrow(/verified/);
  });
  it('has a suggestion say when its catalogue figure is unverified, and say nothing when it was checked', () => {
    const [unchecked] = parseCatalogue('- {id: x, name: X, class: SRBM, range_km: {max: 300, source: "a page"}}');
    expect(catalogueReason(unchecked)).toBe(
      'catalogue: class SRBM and range 300 km unverified (not yet checked against a page)',
    );
    const [checked] = parseCatalogue(
      '- {id: x, name: X, class: SRBM, range_km: {max: 300, source: "a page", verified: true}}',
    );
    expect(catalogueReason(checked)).toBeUndefined();
    const text = 'Ukraine fired ATACMS missiles at Bryansk.';
    const atacms = entries.find((e) => e.id === 'atacms')!;
    const weapon = suggestFor(text).suggestions.find((s) => s.kind === 'weapon')!;
    expect(weapon.reason).toBe(catalogueReason(atacms));
  });
});

describe('weapons not in the catalogue', () => {
  const weapons = (text: string) =>
    suggestFor(text)
      .suggestions.filter((s) => s.kind === 'weapon')
      .map((s) => ({ words: text.slice(s.start, s.end), ...s.attributes }) as Record<string, string>);
  it('marks a kind of weapon named by its target, one weapon per document, with its class', () => {
    const w = weapons(
      'Russian forces deployed anti-personnel mines near Kharkiv. Ukraine accused Russia of using an anti-personnel mine in Izium.',
    );
    expect(w.map((x) => x.words)).toEqual(['anti-personnel mines', 'anti-personnel mine']);
    expect(w[0]).toMatchObject({ id: 'anti-personnel-mine-doc', class: 'anti-personnel mine' });
    expect(w[1]).toMatchObject({ of: 'anti-personnel-mine-doc' });
  });
  it('marks a designation in a sentence about a launch', () => {
    expect(weapons('Kim Jong Un oversaw the launch of a Hwasong-18 on Monday.').map((x) => x.words)).toEqual([
      'Hwasong-18',
    ]);
  });
});

describe('the catalogue: a weapon entered without a range', () => {
  it('suggests the Houthis’ Asef anti-ship missile by name, with its class and no range figure', () => {
    const entries = parseCatalogue(readFileSync(new URL('../../data/weapons.yaml', import.meta.url), 'utf8'));
    const asef = entries.find((e) => e.id === 'asef');
    expect(asef).toMatchObject({ class: 'anti-ship ballistic missile', range: null });
    const text = 'The Houthis said they had fired an Asef missile at a tanker in the Red Sea on Monday.';
    const weapons = suggestFor(text, '2024-11-22').suggestions.filter((s) => s.kind === 'weapon');
    expect(weapons.map((w) => [text.slice(w.start, w.end), w.attributes.id, w.attributes.class])).toEqual([
      ['Asef', 'asef', 'anti-ship ballistic missile'],
    ]);
  });
});
