import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { StoryStep } from '../../src/contract';
import { fillStepHint, periodText, stepCard, stepCountText } from '../../src/map/step-card';

const { Event: DomEvent } = parseHTML('');

function dom(): Document {
  // biome-ignore lint/plugin: typed boundary: linkedom's document implements the DOM the card uses, under its own types
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

const press = (target: Element, key: string) => {
  const e = new DomEvent('keydown', { bubbles: true, cancelable: true });
  Object.assign(e, { key });
  target.dispatchEvent(e);
};

const steps: StoryStep[] = [
  { title: 'The strike', text: 'A <b>bold</b> claim & more.\nSecond line.', features: ['a'], period: null, view: null },
  { title: 'The drones', text: null, features: ['b'], period: null, view: null },
];

function setup() {
  const doc = dom();
  const asked: number[] = [];
  const card = stepCard(doc, steps, (n) => {
    asked.push(n);
    card.set(n);
  });
  doc.body.append(card.element);
  const q = (sel: string) => card.element.querySelector(sel) as HTMLElement;
  return { doc, card, asked, q };
}

describe('stepCard', () => {
  it('starts at the overview with only Start, and a polite live region for the count and heading', () => {
    const { q } = setup();
    expect(q('.step-count').textContent).toBe('The whole story · 2 steps');
    expect(q('.step-title').textContent).toBe('Overview');
    expect(q('.step-title').tagName).toBe('H2');
    expect(q('.step-live').getAttribute('aria-live')).toBe('polite');
    expect(q('.step-live').contains(q('.step-title'))).toBe(true);
    expect((q('.step-previous') as HTMLButtonElement).hidden).toBe(true);
    expect(q('.step-next').textContent).toBe('Start ›');
    expect(q('.step-next').getAttribute('type')).toBe('button');
  });

  it('Next, Previous and Overview ask for the step; the text is shown as written, not as HTML', () => {
    const { q, asked } = setup();
    q('.step-next').click();
    expect(asked).toEqual([1]);
    expect(q('.step-count').textContent).toBe('Step 1 of 2');
    expect(q('.step-title').textContent).toBe('The strike');
    expect(q('.step-text').textContent).toBe('A <b>bold</b> claim & more.\nSecond line.');
    expect(q('.step-text').querySelector('b')).toBeNull();
    q('.step-next').click();
    expect(q('.step-title').textContent).toBe('The drones');
    expect(q('.step-text').hidden).toBe(true);
    expect((q('.step-next') as HTMLButtonElement).disabled).toBe(true);
    q('.step-next').click();
    q('.step-previous').click();
    q('.step-overview').click();
    expect(asked).toEqual([1, 2, 1, 0]);
  });

  it('← and → in the card change the step, within the steps', () => {
    const { q, asked } = setup();
    press(q('.step-next'), 'ArrowRight');
    press(q('.step-next'), 'ArrowRight');
    press(q('.step-next'), 'ArrowRight');
    press(q('.step-previous'), 'ArrowLeft');
    expect(asked).toEqual([1, 2, 1]);
  });
});

describe("a step's period on its card", () => {
  it('follows the count: a day, a whole month, or first and last day', () => {
    expect(periodText({ from: '2024-09-15', to: '2024-09-15' })).toBe('15 Sep 2024');
    expect(periodText({ from: '2024-07-01', to: '2024-07-31' })).toBe('Jul 2024');
    expect(periodText({ from: '2024-02-01', to: '2024-02-29' })).toBe('Feb 2024');
    expect(periodText({ from: '2024-11-23', to: '2024-11-25' })).toBe('23 Nov 2024 – 25 Nov 2024');
  });

  it('is written on the card of a step that has one, not on one without', () => {
    const doc = dom();
    const card = stepCard(
      doc,
      [
        { title: 'A day', text: null, features: ['a'], period: { from: '2024-09-15', to: '2024-09-15' }, view: null },
        { title: 'No date', text: null, features: ['b'], period: null, view: null },
      ],
      () => {},
    );
    card.set(1);
    expect(card.element.querySelector('.step-count')?.textContent).toBe('Step 1 of 2 · 15 Sep 2024');
    card.set(2);
    expect(card.element.querySelector('.step-count')?.textContent).toBe('Step 2 of 2');
  });
});

describe('fillStepHint', () => {
  const dated: StoryStep[] = [
    ...steps,
    {
      title: 'A long title that a 280 px sheet cannot hold on one line',
      text: null,
      features: ['c'],
      period: { from: '2024-11-23', to: '2024-11-25' },
      view: null,
    },
  ];
  it("keeps the step's count and days in an element of their own, apart from the title that may be cut", () => {
    const doc = dom();
    const hint = doc.createElement('span');
    fillStepHint(hint, 3, dated);
    expect(hint.querySelector('.sheet-hint-count')?.textContent).toBe(
      `Step 3 of 3 · ${periodText({ from: '2024-11-23', to: '2024-11-25' })}:`,
    );
    expect(hint.querySelector('.sheet-hint-title')?.textContent).toBe(dated[2].title);
    // The card's count is the same words (without the colon).
    expect(stepCountText(3, dated)).toBe(hint.querySelector('.sheet-hint-count')?.textContent?.slice(0, -1));
  });
  it('says what the sheet holds at the overview', () => {
    const hint = dom().createElement('span');
    fillStepHint(hint, 0, dated);
    expect(hint.textContent).toBe('Story steps, list and layers');
    expect(hint.querySelector('.sheet-hint-count')).toBeNull();
  });
});
