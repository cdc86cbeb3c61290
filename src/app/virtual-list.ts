/**
 * A virtualised list: rows of one fixed height in a scrolling box, of which only those in view (and a
 * few either side) are in the DOM, so a list of 100,000 items costs a few dozen buttons. The rows are
 * made by the caller (`render`); the window is computed by `windowOf`, pure.
 */

/** Rows [start, end) to have in the DOM for a scroll position: those in view plus `overscan` either side. */
export function windowOf(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/** The most rows a list keeps in the DOM however tall its box: a phone's sheet or a desktop panel. */
export const MAX_VIEWPORT = 2000;

export class VirtualList<T> {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly list: HTMLOListElement;
  private items: T[] = [];
  private drawn = { start: -1, end: -1 };
  private frame = 0;

  constructor(
    private readonly rowHeight: number,
    private readonly render: (item: T, index: number) => HTMLElement,
    label: string,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'virtual-list';
    this.spacer = document.createElement('div');
    this.spacer.className = 'virtual-spacer';
    this.list = document.createElement('ol');
    this.list.setAttribute('aria-label', label);
    this.spacer.append(this.list);
    this.element.append(this.spacer);
    this.element.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  get length(): number {
    return this.items.length;
  }

  /** Replaces the items; back to the top. */
  set(items: T[]): void {
    this.items = items;
    this.element.scrollTop = 0;
    this.spacer.style.height = `${items.length * this.rowHeight}px`;
    this.drawn = { start: -1, end: -1 };
    this.draw();
  }

  /** Scrolls so that item `index` is in view (and drawn). */
  reveal(index: number): void {
    if (index < 0 || index >= this.items.length) return;
    const top = index * this.rowHeight;
    const box = this.element;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + this.rowHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = top + this.rowHeight - box.clientHeight;
    this.draw();
  }

  /** Redraws the rows in view (after their content changed). */
  refresh(): void {
    this.drawn = { start: -1, end: -1 };
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    // Before the box is laid out (clientHeight 0), draw a screenful rather than nothing.
    const viewport = Math.min(MAX_VIEWPORT, this.element.clientHeight || 800);
    const { start, end } = windowOf(this.element.scrollTop, viewport, this.rowHeight, this.items.length);
    if (start === this.drawn.start && end === this.drawn.end) return;
    const focused = this.list.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.id
      : undefined;
    const rows: HTMLElement[] = [];
    for (let i = start; i < end; i++) {
      const li = document.createElement('li');
      li.style.height = `${this.rowHeight}px`;
      li.append(this.render(this.items[i], i));
      rows.push(li);
    }
    this.list.style.transform = `translateY(${start * this.rowHeight}px)`;
    this.list.replaceChildren(...rows);
    this.drawn = { start, end };
    if (focused)
      (this.list.querySelector(`[data-id="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus({
        preventScroll: true,
      });
  }
}
