/**
 * The list of a large archive (source.ts CLUSTER_FROM events and more): one line per event and range
 * (date, place and type, summary), virtualised (virtual-list.ts: the DOM holds only the rows in view),
 * and searchable by text (search.ts); the query goes in the URL (`q=`). It follows the same switches and
 * period as the map, and the same keys as the small list (arrows, Home, End). Claims and excerpts are
 * in the popup a row opens, not in the row.
 */
import type { EventFeature, RangeFeature } from '../contract';
import { eventStanding, formatDate, formatExtent } from '../map/format';
import { colourOfType, typeLabel } from '../map/scales';
import { createSearcher, type Searcher } from './search';
import { VirtualList } from './virtual-list';

export interface ScaleListOptions {
  events: EventFeature[];
  ranges: RangeFeature[];
  onChoose: (id: string) => void;
  /** The reader changed the search (the URL follows). */
  onQuery: (query: string) => void;
  /** The query the page starts with (its URL). */
  query?: string;
}

/** A row: the feature behind it; its words are made when it is drawn (a few dozen at a time), not for all 100,000. */
type Row =
  | { id: string; event: EventFeature; range?: undefined }
  | { id: string; range: RangeFeature; event?: undefined };

/** What a row says: date, place and type, summary. */
function rowText(r: Row): { colour: string; date: string; place: string; summary: string } {
  if (r.event) {
    const p = r.event.properties;
    return {
      colour: colourOfType(p.type),
      date: formatDate(p.date),
      place: [p.places.map((x) => x.name).join('; '), typeLabel(p.type), eventStanding(p)].filter(Boolean).join(' · '),
      summary: p.summary,
    };
  }
  const f = r.range;
  const p = f.properties;
  return {
    colour: `var(--range-${p.status})`,
    date: formatDate(p.document_date),
    place:
      f.geometry != null && p.origin_place != null
        ? `from ${p.origin_place} · ${formatExtent(p)}`
        : `no origin given, not on the map · ${formatExtent(p)}`,
    summary: p.label,
  };
}

/**
 * `items` in order of their dates (`dateOf`; undated last), the order kept among equal dates. The dates are
 * ISO strings, whose order is their characters' order. An archive has a few thousand distinct dates: they
 * are sorted, and the items by their date's rank, as numbers (a comparison of strings, or the locale's
 * collation as before, took a quarter of a second for 100,000 events).
 */
export function byDate<T>(items: readonly T[], dateOf: (item: T) => string | null | undefined): T[] {
  const dates = items.map((item) => dateOf(item) ?? '9999');
  const distinct = [...new Set(dates)].sort();
  const rank = new Map(distinct.map((d, r) => [d, r]));
  // rank × n + position: one number per item, sorted natively; the position breaks ties and comes back out.
  const n = items.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (rank.get(dates[i]) as number) * n + i;
  keys.sort();
  return Array.from(keys, (k) => items[k % n]);
}

/** px: one row (date, place, summary on three lines). */
export const ROW_HEIGHT = 66;

export class ScaleList {
  readonly element: HTMLElement;
  private readonly rows: Row[];
  private readonly list: VirtualList<Row>;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private isVisible: (id: string) => boolean = () => true;
  private matches: Set<string> | null = null;
  private searcher: Promise<Searcher> | null = null;
  private selected: string | null = null;
  private shown: Row[] = [];
  private asked = 0;
  query = '';

  constructor(private readonly options: ScaleListOptions) {
    this.element = document.createElement('section');
    this.element.className = 'feature-list scale-list';
    this.element.setAttribute('aria-labelledby', 'list-heading');
    const heading = document.createElement('h2');
    heading.id = 'list-heading';
    heading.textContent = 'Events and ranges';
    const label = document.createElement('label');
    label.className = 'list-search';
    label.textContent = 'Search';
    this.input = document.createElement('input');
    this.input.type = 'search';
    this.input.placeholder = 'place, weapon, claimant, words';
    this.input.autocomplete = 'off';
    label.append(this.input);
    this.status = document.createElement('p');
    this.status.className = 'hint list-count';
    this.status.setAttribute('role', 'status');
    this.rows = [
      ...byDate(options.events, (f) => f.properties.date_start ?? f.properties.date).map(
        (event): Row => ({ id: event.properties.id, event }),
      ),
      ...byDate(options.ranges, (f) => f.properties.document_date).map(
        (range): Row => ({ id: range.properties.id, range }),
      ),
    ];
    this.list = new VirtualList<Row>(ROW_HEIGHT, (row) => this.renderRow(row), 'Events and ranges');
    this.element.append(heading, label, this.status, this.list.element);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    // The index is built when the reader comes to the box (a tap, Tab), not on the first word: on a phone
    // the tap and the typing give it a second or more, of the several it takes at 100,000 events.
    this.input.addEventListener('focus', () => void this.searcherOf(), { once: true });
    let timer = 0;
    this.input.addEventListener('input', () => {
      clearTimeout(timer);
      // Once the reader pauses: each search goes through the whole index.
      timer = window.setTimeout(() => {
        void this.search(this.input.value);
        this.options.onQuery(this.query);
      }, 200);
    });
    this.input.value = options.query ?? '';
    if (this.input.value) void this.search(this.input.value);
    else this.update();
  }

  /** Shows only the items matching `query` (all when empty); resolves once the list shows them. */
  async search(query: string): Promise<void> {
    this.query = query.trim();
    if (this.input.value.trim() !== this.query) this.input.value = this.query;
    const ask = ++this.asked;
    if (!this.query) {
      this.matches = null;
    } else {
      this.element.setAttribute('aria-busy', 'true');
      const ids = (await this.searcherOf()).search(this.query);
      if (ask !== this.asked) return; // a later search overtook this one
      this.matches = new Set(ids);
      this.element.removeAttribute('aria-busy');
    }
    this.update();
  }

  /** The search index, built once (MiniSearch and the index load on first use). */
  private searcherOf(): Promise<Searcher> {
    this.searcher ??= createSearcher([...this.options.events, ...this.options.ranges]);
    return this.searcher;
  }

  /** Shows only the items whose features are visible on the map. */
  filter(isVisible: (id: string) => boolean): void {
    this.isVisible = isVisible;
    this.update();
  }

  highlight(id: string | null): void {
    this.selected = id;
    const at = id ? this.shown.findIndex((r) => r.id === id) : -1;
    if (at >= 0) this.list.reveal(at);
    this.list.refresh();
  }

  focus(id: string): void {
    const at = this.shown.findIndex((r) => r.id === id);
    if (at < 0) return;
    this.list.reveal(at);
    (this.element.querySelector(`.item[data-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus();
  }

  private update(): void {
    this.shown = this.rows.filter((r) => this.isVisible(r.id) && (!this.matches || this.matches.has(r.id)));
    this.list.set(this.shown);
    const all = this.rows.length.toLocaleString('en');
    this.status.textContent = this.query
      ? `${this.shown.length.toLocaleString('en')} of ${all} match “${this.query}”`
      : this.shown.length === this.rows.length
        ? `${all} events and ranges`
        : `${this.shown.length.toLocaleString('en')} of ${all} shown`;
  }

  private renderRow(r: Row): HTMLElement {
    const text = rowText(r);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'item';
    button.dataset.id = r.id;
    button.style.setProperty('--swatch', text.colour);
    for (const [cls, words] of [
      ['date', text.date],
      ['place', text.place],
      ['summary', text.summary],
    ]) {
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = words;
      button.append(span);
    }
    if (r.id === this.selected) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => this.options.onChoose(r.id));
    return button;
  }

  private onKey(e: KeyboardEvent): void {
    const id = (document.activeElement as HTMLElement | null)?.dataset?.id;
    const at = id ? this.shown.findIndex((r) => r.id === id) : -1;
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: this.shown.length - 1 }[e.key];
    if (next == null) return;
    e.preventDefault();
    this.focus(this.shown[Math.max(0, Math.min(this.shown.length - 1, next))].id);
  }
}
