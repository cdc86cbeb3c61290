/**
 * The list beside the map: every event and range as text (date, place, one-line summary), the map's
 * text alternative. Items are buttons; arrow keys, Home and End move between them. Choosing one calls
 * `onChoose`; the app highlights the item of whatever is selected on the map.
 */
import type { Claim, EventFeature, RangeFeature } from '../contract';
import { eventStanding, formatDate, formatExtent } from '../map/format';
import { bandSwatch, markerSwatch, unplacedSwatch } from '../map/legend';
import { bdi, sourcesText } from '../map/popup';
import { CONFLICT, STATUS_STYLE, colourOfType, typeLabel } from '../map/scales';

export interface ListOptions {
  events: EventFeature[];
  ranges: RangeFeature[];
  onChoose: (id: string) => void;
}

const byDate = (a: string | null, b: string | null) => (a ?? '9999').localeCompare(b ?? '9999');

/** Extra lines of an item: its swatch (status as the map draws it), every claim with its source, and any conflict. */
interface Details {
  swatch: Element;
  claims: Claim[];
  sources: number;
  conflict: string | null;
}

function span(cls: string, ...content: Array<string | Node>): HTMLSpanElement {
  const node = document.createElement('span');
  node.className = cls;
  node.append(...content);
  return node;
}

/** "Reported: the regional governor — Fixture Wire, 2 Mar 2024", one line per claim. */
function claimLines(d: Details): HTMLSpanElement {
  const lines = span('claims', span('sources', sourcesText(d.claims.length, d.sources)));
  for (const c of d.claims) {
    // The date is the app's words: outside the bdi, so a U+202E in a publisher's name cannot turn it round.
    const date = c.document_date ? [', ', formatDate(c.document_date)] : [];
    const line = span(
      'claim-line',
      `${STATUS_STYLE[c.status]?.label ?? c.status}: `,
      bdi(c.claimant),
      ' — ',
      bdi(c.publisher ?? c.document_title),
      ...date,
    );
    line.dataset.status = c.status;
    lines.append(line);
  }
  if (d.conflict) lines.append(span('conflict', d.conflict));
  return lines;
}

export class FeatureList {
  readonly element: HTMLElement;
  private readonly items = new Map<string, HTMLButtonElement>();
  private readonly empty: HTMLParagraphElement;

  constructor(options: ListOptions) {
    this.element = document.createElement('section');
    this.element.className = 'feature-list';
    this.element.setAttribute('aria-labelledby', 'list-heading');
    const heading = document.createElement('h2');
    heading.id = 'list-heading';
    heading.textContent = 'Events and ranges';
    this.empty = document.createElement('p');
    this.empty.className = 'hint';
    this.empty.hidden = true;
    this.empty.textContent = 'Nothing to show: every layer is switched off.';
    this.element.append(heading, this.empty);

    const events = [...options.events].sort((a, b) =>
      byDate(a.properties.date_start ?? a.properties.date, b.properties.date_start ?? b.properties.date),
    );
    const ranges = [...options.ranges].sort((a, b) => byDate(a.properties.document_date, b.properties.document_date));
    const rangeById = new Map(options.ranges.map((f) => [f.properties.id, f.properties]));
    this.section(
      'Events',
      events.map((f) => {
        const p = f.properties;
        const details: Details = {
          swatch: markerSwatch({ colour: colourOfType(p.type), status: p.status, radius: 6 }),
          claims: p.claims ?? [],
          sources: p.sources,
          conflict: p.conflict ? 'Sources disagree on the date or place' : null,
        };
        return {
          id: p.id,
          colour: colourOfType(p.type),
          date: formatDate(p.date),
          place: [
            ...p.places.flatMap((x, i) => (i ? ['; ', bdi(x.name)] : [bdi(x.name)])),
            ...[typeLabel(p.type), eventStanding(p)].filter(Boolean).map((w) => ` · ${w}`),
          ],
          summary: p.summary,
          details,
        };
      }),
      options.onChoose,
    );
    this.section(
      'Ranges',
      ranges.map((f) => {
        const p = f.properties;
        const others = (p.conflicts_with ?? []).map((id) => rangeById.get(id)).filter((o) => o != null);
        const conflict = others.length
          ? `${CONFLICT.label}: also ${others.map((o) => `${formatExtent(o)} (${STATUS_STYLE[o.status]?.label.toLowerCase() ?? o.status})`).join(', ')}`
          : null;
        // A range with no origin is not on the map: the list says so.
        const drawn = f.geometry != null && p.origin_place != null;
        const details: Details = {
          swatch: drawn ? bandSwatch(p.status, p.basis) : unplacedSwatch(p.status),
          claims: p.claims ?? [],
          sources: p.sources,
          conflict,
        };
        const place = drawn
          ? ['from ', bdi(p.origin_place as string), ` · ${formatExtent(p)}`]
          : [`no origin given, not on the map · ${formatExtent(p)}`];
        return {
          id: p.id,
          colour: `var(--range-${p.status})`,
          date: formatDate(p.document_date),
          place,
          summary: p.label,
          details,
        };
      }),
      options.onChoose,
    );
    this.element.addEventListener('keydown', (e) => this.onKey(e));
  }

  private section(
    title: string,
    rows: Array<{
      id: string;
      colour: string;
      date: string;
      place: Array<string | Node>;
      summary: string;
      details?: Details;
    }>,
    onChoose: (id: string) => void,
  ): void {
    if (!rows.length) return;
    const h = document.createElement('h3');
    h.textContent = title;
    const ol = document.createElement('ol');
    for (const r of rows) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'item';
      button.dataset.id = r.id;
      button.style.setProperty('--swatch', r.colour);
      const line = (cls: string, ...text: Array<string | Node>) => {
        const span = document.createElement('span');
        span.className = cls;
        span.append(...text);
        return span;
      };
      button.append(line('date', r.date), line('place', ...r.place), line('summary', r.summary));
      if (r.details) {
        button.classList.add('has-swatch');
        button.prepend(r.details.swatch);
        button.append(claimLines(r.details));
      }
      button.addEventListener('click', () => onChoose(r.id));
      this.items.set(r.id, button);
      const li = document.createElement('li');
      li.append(button);
      ol.append(li);
    }
    this.element.append(h, ol);
  }

  /** Marks the selected item (aria-current) and scrolls it into view; null clears. */
  highlight(id: string | null): void {
    for (const [itemId, button] of this.items) {
      if (itemId === id) {
        button.setAttribute('aria-current', 'true');
        button.scrollIntoView({ block: 'nearest' });
      } else button.removeAttribute('aria-current');
    }
  }

  /** Shows only the items whose features are visible on the map. */
  filter(isVisible: (id: string) => boolean): void {
    let shown = 0;
    for (const [id, button] of this.items) {
      const visible = isVisible(id);
      (button.parentElement as HTMLElement).hidden = !visible;
      if (visible) shown++;
    }
    for (const ol of this.element.querySelectorAll('ol')) {
      const any = [...ol.children].some((li) => !(li as HTMLElement).hidden);
      ol.hidden = !any;
      (ol.previousElementSibling as HTMLElement).hidden = !any;
    }
    this.empty.hidden = shown > 0;
    // With no data at all (a file missing), the switches are not the reason.
    if (!this.items.size) this.empty.textContent = 'No events or ranges to show.';
  }

  focus(id: string): void {
    this.items.get(id)?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    const visible = [...this.items.values()].filter((b) => !(b.parentElement as HTMLElement).hidden);
    const at = visible.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: visible.length - 1 }[e.key];
    if (next == null) return;
    e.preventDefault();
    visible[Math.max(0, Math.min(visible.length - 1, next))].focus();
  }
}
