/**
 * What a printed page adds to the map and its legend: every visible event and range with each of its
 * claims — the verbatim excerpt, who says so and how it is held, and the source's title, publisher,
 * date and link written out. It is in the page all along, shown only in print (print.css), and
 * follows the same filters as the list. Before printing, the map's current frame is copied into a 2D
 * canvas over the map (map/printable-map.ts), so the printout shows the map.
 */
import type { Claim, EventFeature, RangeFeature } from '../contract';
import { formatDate, formatExtent } from '../map/format';
import { STATUS_STYLE, typeLabel } from '../map/scales';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function claimItem(c: Claim): HTMLLIElement {
  const li = el('li', 'print-claim');
  li.append(el('blockquote', undefined, c.excerpt));
  const who = el('p', undefined, `${STATUS_STYLE[c.status]?.label ?? c.status}: ${c.claimant}`);
  const source = [c.document_title, c.publisher, c.document_date ? formatDate(c.document_date) : 'date not given']
    .filter(Boolean)
    .join(', ');
  const cite = el('p', 'print-source', `Source: ${source}${c.url ? ` — ${c.url}` : ''}`);
  li.append(who, cite);
  return li;
}

export class PrintExcerpts {
  readonly element: HTMLElement;
  private readonly entries = new Map<string, HTMLElement>();

  constructor(events: EventFeature[], ranges: RangeFeature[]) {
    this.element = el('section', 'print-excerpts');
    this.element.setAttribute('aria-hidden', 'true'); // the list and popups say the same on screen
    this.element.append(el('h2', undefined, 'Excerpts and their sources'));
    const add = (id: string, heading: string, meta: string, claims: Claim[]) => {
      const article = el('article', 'print-entry');
      article.append(el('h3', undefined, heading), el('p', 'print-meta', meta));
      const ol = el('ol');
      ol.append(...claims.map(claimItem));
      article.append(ol);
      this.entries.set(id, article);
      this.element.append(article);
    };
    for (const f of events) {
      const p = f.properties;
      add(
        p.id,
        p.summary,
        `${typeLabel(p.type)} · ${formatDate(p.date)} · ${p.places.length > 1 ? p.places.map((x) => x.precision_label).join('; ') : `${p.place} (${p.precision_label})`} · ${p.sources} ${p.sources === 1 ? 'source' : 'independent sources'}`,
        p.claims ?? [],
      );
    }
    for (const f of ranges) {
      const p = f.properties;
      add(
        p.id,
        p.label,
        `Range · ${formatExtent(p)} ${p.origin_place ? `from ${p.origin_place}` : '(no origin given: not drawn)'}${p.conflicts_with?.length ? ' · conflicting claims' : ''}`,
        p.claims ?? [],
      );
    }
  }

  /** Prints only what the map and the list show. */
  filter(isVisible: (id: string) => boolean): void {
    for (const [id, entry] of this.entries) entry.hidden = !isVisible(id);
  }
}
