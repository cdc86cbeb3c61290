/**
 * step-card: the card of a story's guided steps, under its map in the embed and the atlas: "Step 2 of 5",
 * the step's title and the reporter's text (as plain text, never HTML), and Previous / Overview / Next as
 * real buttons; ← and → change the step while the keyboard is in the card. The count and title are a
 * polite live region, so a screen reader says the new step's heading. The session's state is the truth:
 * the card asks for a step (`onStep`) and shows what it is told (`set`).
 */
import type { StoryPeriod, StoryStep } from '../contract';
import { formatDate } from './format';

/**
 * A step's period as its card says it, after the count: "15 Sep 2024", "Jul 2024" for a whole month,
 * "23 Nov 2024 – 25 Nov 2024". The map of a step with a period brings forward only what is dated in those
 * days; without the days on the card the embed, which has no timeline, never said so.
 */
export function periodText(p: StoryPeriod): string {
  if (p.from === p.to) return formatDate(p.from);
  const [y, m, d] = p.to.split('-').map(Number);
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (p.from === `${p.to.slice(0, 7)}-01` && d === monthEnd) return formatDate(p.to.slice(0, 7));
  return formatDate(`${p.from}/${p.to}`);
}

/** The count a step's card and the atlas's folded sheet both start with: "Step 2 of 5 · 15 Sep 2024", or the overview's. */
export function stepCountText(step: number, steps: readonly StoryStep[]): string {
  const s = steps[step - 1];
  return s
    ? `Step ${step} of ${steps.length}${s.period ? ` · ${periodText(s.period)}` : ''}`
    : `The whole story · ${steps.length} steps`;
}

/**
 * The atlas's folded sheet on a phone names the step the map shows: its count (with the step's days) in an
 * element of its own that is never cut, then the title, which alone gives way (an ellipsis) on a narrow
 * screen. Written as one string, "Step 1 of 4 · 23 Nov 2024: …" lost its count and days to the ellipsis
 * at 280 px under a long title. At the overview (step 0) it says what the sheet holds.
 */
export function fillStepHint(hint: HTMLElement, step: number, steps: readonly StoryStep[]): void {
  const s = steps[step - 1];
  if (!s) {
    hint.textContent = 'Story steps, list and layers';
    return;
  }
  const doc = hint.ownerDocument;
  const count = doc.createElement('span');
  count.className = 'sheet-hint-count';
  count.textContent = `${stepCountText(step, steps)}:`;
  const title = doc.createElement('span');
  title.className = 'sheet-hint-title';
  title.textContent = s.title;
  hint.replaceChildren(count, ' ', title); // the space, for its text; the flex gap draws it
}

export interface StepCard {
  element: HTMLElement;
  /** Shows step `step` (0: the overview). */
  set(step: number): void;
}

export function stepCard(doc: Document, steps: readonly StoryStep[], onStep: (step: number) => void): StepCard {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const e = doc.createElement(tag);
    e.className = className;
    e.textContent = text;
    return e;
  };
  const card = el('section', 'step-card');
  card.setAttribute('aria-label', 'Story in steps');
  card.tabIndex = -1;
  // Count and heading, announced together when they change.
  const live = el('div', 'step-live');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const count = el('p', 'step-count');
  const title = el('h2', 'step-title');
  live.append(count, title);
  const text = el('p', 'step-text');
  const nav = el('div', 'step-nav');
  const previous = el('button', 'step-previous', '‹ Previous');
  const overview = el('button', 'step-overview', 'Overview');
  const nextButton = el('button', 'step-next', 'Next ›');
  for (const b of [previous, overview, nextButton]) b.type = 'button';
  nav.append(previous, overview, nextButton);
  card.append(live, text, nav);

  let current = 0;
  const go = (step: number) => {
    if (step >= 0 && step <= steps.length && step !== current) onStep(step);
  };
  previous.addEventListener('click', () => go(current - 1));
  nextButton.addEventListener('click', () => go(current + 1));
  overview.addEventListener('click', () => go(0));
  card.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      go(current + (e.key === 'ArrowLeft' ? -1 : 1));
    }
  });

  const set = (step: number) => {
    current = step;
    const s = steps[step - 1];
    count.textContent = stepCountText(step, steps);
    title.textContent = s ? s.title : 'Overview';
    text.textContent =
      s?.text ?? (s ? '' : `Start goes through the story in ${steps.length} steps; or explore the whole map.`);
    text.hidden = !text.textContent;
    nextButton.textContent = step === 0 ? 'Start ›' : 'Next ›';
    // A button that the step disables gives the keyboard to the card, not to the page's body.
    const focused = doc.activeElement;
    // The overview offers only Start; the last step keeps Next, disabled, where the reader expects it.
    previous.hidden = overview.hidden = step === 0;
    nextButton.disabled = step === steps.length;
    const button = focused?.tagName === 'BUTTON' ? (focused as HTMLButtonElement) : null;
    if (button && card.contains(button) && (button.disabled || button.hidden))
      (step === 0 ? nextButton : step === steps.length ? previous : card).focus();
    card.dataset.step = String(step);
  };
  set(0);
  return { element: card, set };
}
