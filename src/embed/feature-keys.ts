/**
 * The embed's keyboard way to every feature on the map: after the map in the Tab order, a list of
 * buttons, one per visible event and range, hidden until one of them has the focus (as a skip link
 * is), so the frame's layout and height never change. Choosing one opens it as a click on it would.
 */
import { eventStanding, formatDate, placeNames } from '../map/format';
import { colourOfType, typeLabel } from '../map/scales';
import type { Item } from '../map/state';

export interface KeyEntry {
  id: string;
  /** What the button says: "Missile strike: Missile hits Ben Gurion Airport (Ben Gurion Airport, 4 May 2025), claimed". */
  label: string;
  colour: string;
}

/**
 * The entries for the visible items: events by date (undated last), then the ranges drawn on the map
 * (one stated with no origin has no place to open), each group in a stable order. In a story's step
 * (`focus`: the ids it brings forward) its features come first and the faded rest say so.
 */
export function keyEntries(
  items: Iterable<Item>,
  visible: (id: string) => boolean,
  focus: ReadonlySet<string> | null = null,
): KeyEntry[] {
  const events: Array<KeyEntry & { start: string }> = [];
  const ranges: KeyEntry[] = [];
  for (const item of items) {
    const p = item.feature.properties;
    if (!visible(p.id)) continue;
    if (item.kind === 'event') {
      const e = item.feature.properties;
      events.push({
        id: e.id,
        label: `${typeLabel(e.type)}: ${e.label ?? e.summary} (${placeNames(e)}, ${formatDate(e.date)})${withStanding(e)}`,
        colour: colourOfType(e.type),
        start: e.date_start ?? '\uffff',
      });
    } else if (item.feature.geometry) {
      const r = item.feature.properties;
      ranges.push({ id: r.id, label: `Range: ${r.label}`, colour: `var(--range-${r.status})` });
    }
  }
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  ranges.sort((a, b) => (a.id < b.id ? -1 : 1));
  const all = [...events.map(({ start: _, ...e }) => e), ...ranges];
  if (!focus) return all;
  return [
    ...all.filter((e) => focus.has(e.id)),
    ...all.filter((e) => !focus.has(e.id)).map((e) => ({ ...e, label: `${e.label} (not in this step)` })),
  ];
}

/** ", unverified claim": how an event stands (format.ts eventStanding), after its name; "" when the data does not say. */
const withStanding = (p: Parameters<typeof eventStanding>[0]) => {
  const standing = eventStanding(p);
  return standing ? `, ${standing}` : '';
};

export interface FeatureKeys {
  element: HTMLElement;
  set(entries: readonly KeyEntry[]): void;
  /** The button of a feature, to give the focus back to when its details close. */
  button(id: string): HTMLButtonElement | null;
}

/** The list's DOM: a navigation landmark of buttons; `onChoose` gets the id of the one pressed. */
export function featureKeys(doc: Document, onChoose: (id: string, button: HTMLButtonElement) => void): FeatureKeys {
  const nav = doc.createElement('nav');
  nav.className = 'feature-keys';
  const heading = doc.createElement('p');
  heading.className = 'feature-keys-heading';
  const list = doc.createElement('ul');
  nav.append(heading, list);
  const buttons = new Map<string, HTMLButtonElement>();
  return {
    element: nav,
    set(entries) {
      buttons.clear();
      const n = entries.length;
      heading.textContent = `On this map (${n}):`;
      nav.setAttribute('aria-label', `Events and ranges on this map: ${n}`);
      nav.hidden = n === 0;
      list.replaceChildren(
        ...entries.map((e) => {
          const li = doc.createElement('li');
          const b = doc.createElement('button');
          b.type = 'button';
          b.dataset.id = e.id;
          const swatch = doc.createElement('span');
          swatch.className = 'feature-keys-swatch';
          swatch.setAttribute('aria-hidden', 'true');
          swatch.style.background = e.colour;
          b.append(swatch, doc.createTextNode(e.label));
          b.addEventListener('click', () => onChoose(e.id, b));
          buttons.set(e.id, b);
          li.append(b);
          return li;
        }),
      );
    },
    button: (id) => buttons.get(id) ?? null,
  };
}
