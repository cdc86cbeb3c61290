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
