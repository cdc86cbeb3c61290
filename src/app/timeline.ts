/**
 * The timeline: a time axis (d3 scaleUtc) with every dated event drawn at its date's precision — a dot
 * for a day, a bar for a month, a year or a stated interval, a bar with an arrow for an open end
 * ("since 2014") — and a period control: drag across the axis to brush a period, or move its two
 * handles with the keyboard (arrows, Page Up/Down, Home/End). Undated events are counted, not drawn.
 * From HISTOGRAM_FROM events in view, a histogram of their start dates replaces the marks.
 *
 * The intervals and the overlap rule are src/map/period.ts's; this is the DOM control. Dates are calendar
 * dates, so all arithmetic is in UTC.
 */
import { scaleUtc } from 'd3-scale';
import type { EventProperties } from '../contract';
import { formatDate, plural } from '../map/format';
import { STATUS_STYLE, colourOfType } from '../map/scales';
import { DAY_MS, OPEN_END, eventInterval, inPeriod, isoDay, periodBounds, type Interval } from '../map/period';
import type { Period } from '../map/url-state';

export interface TimelineOptions {
  events: EventProperties[];
  period: Period | null;
  /** Called while the period moves (`final` false: dragging) and once it is set (`final` true). */
  onChange: (period: Period | null, final: boolean) => void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Layout in CSS px: margins, lane height, axis band, handle hit width. */
const LAYOUT = { left: 14, right: 18, top: 6, lane: 9, maxLanes: 4, axis: 18, handle: 22 };
/** Height of the axis's SVG (CSS px) with this many lanes of marks. */
const svgHeight = (lanes: number) => LAYOUT.top + lanes * LAYOUT.lane + LAYOUT.axis + 4;

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** From this many events in view on, the timeline draws a histogram of their start dates, not a mark each. */
export const HISTOGRAM_FROM = 1000;
/** CSS px per bar of the histogram. */
const BAR_PX = 4;

/**
 * Counts of `starts` (UTC ms) in `bins` equal bins over [v0, v1); starts outside are not counted. Pure.
 */
export function binCounts(starts: readonly number[], v0: number, v1: number, bins: number): number[] {
  const counts = new Array<number>(Math.max(0, bins)).fill(0);
  if (bins <= 0 || v1 <= v0) return counts;
  const width = (v1 - v0) / bins;
  for (const t of starts) {
    if (t < v0 || t >= v1) continue;
    counts[Math.min(bins - 1, Math.floor((t - v0) / width))]++;
  }
  return counts;
}

/** The widest tick label ("28 Sept 2025" at the axis's 11 px) and the air between two, in CSS px. */
const TICK_ROOM = 84;

/**
 * The axis's ticks for a width: as many as d3 gives for the domain, but never more than fit side by side
 * (d3's count is a hint, and for a month it picks two-day steps: 16 labels in 880 px, overlapping).
 */
export function axisTicks(scale: { ticks(count: number): Date[] }, width: number): Date[] {
  for (let count = Math.max(2, Math.floor(width / TICK_ROOM)); count > 1; count--) {
    const ticks = scale.ticks(count);
    if (ticks.length * TICK_ROOM <= width) return ticks;
  }
  // d3 steps no wider than its intervals allow (two days for a week): keep every k-th tick.
  const ticks = scale.ticks(2);
  const k = Math.ceil((ticks.length * TICK_ROOM) / Math.max(width, TICK_ROOM));
  return ticks.filter((_, i) => i % k === 0);
}

/**
 * A tick's label: a year on 1 January; a month on the 1st ("Mar 2025"); else the day, with its year only
 * on the first tick ("25 Feb 2025", then "27 Feb"): the year is read once, the days fit.
 */
export function tickLabel(ms: number, first: boolean): string {
  const d = new Date(ms);
  if (d.getUTCMonth() === 0 && d.getUTCDate() === 1) return String(d.getUTCFullYear());
  if (d.getUTCDate() === 1) return formatDate(isoDay(ms).slice(0, 7));
  const day = formatDate(isoDay(ms));
  return first ? day : day.replace(/ \d{4}$/, '');
}

/** Whole days from the domain start; the handles' unit. */
type Day = number;

export class Timeline {
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly status: HTMLParagraphElement;
  private readonly reset: HTMLButtonElement;
  private readonly dated: Array<{ p: EventProperties; i: Interval }>;
  private readonly undated: number;
  /** Domain in whole days (UTC ms of day 0, number of days). */
  private readonly day0: number;
  private readonly days: number;
  private range: [Day, Day];
  /** The days the axis shows: the whole domain, or the period zoomed to. */
  private view: [Day, Day];
  private readonly zoom: HTMLButtonElement;
  private width = 0;
  private handles: SVGRectElement[] = [];

  constructor(private readonly options: TimelineOptions) {
    this.dated = options.events.flatMap((p) => {
      const i = eventInterval(p);
      return i ? [{ p, i }] : [];
    });
    this.undated = options.events.length - this.dated.length;
    // A loop, not Math.min(...starts): spread over 100,000 arguments and more, it overflows the stack.
    let min = Infinity;
    let max = -Infinity;
    for (const { i } of this.dated) {
      if (i.start < min) min = i.start;
      const end = i.end ?? i.start + DAY_MS;
      if (end > max) max = end;
    }
    if (!this.dated.length) {
      min = Date.UTC(2000, 0, 1);
      max = min + DAY_MS;
    }
    // A little room either side, at least a month in all, so that one day is not the whole axis.
    const pad = Math.max((max - min) * 0.03, 15 * DAY_MS);
    this.day0 = Math.floor((min - pad) / DAY_MS) * DAY_MS;
    this.days = Math.ceil((max + pad - this.day0) / DAY_MS);
    this.range = this.toRange(options.period);
    this.view = [0, this.days];

    this.element = document.createElement('section');
    this.element.className = 'timeline';
    this.element.setAttribute('aria-labelledby', 'timeline-heading');
    const head = document.createElement('div');
    head.className = 'timeline-head';
    const h = document.createElement('h2');
    h.id = 'timeline-heading';
    h.textContent = 'Timeline';
    this.status = document.createElement('p');
    this.status.className = 'timeline-status';
    this.status.setAttribute('aria-live', 'polite');
    this.reset = document.createElement('button');
    this.reset.type = 'button';
    this.reset.className = 'timeline-reset';
    this.reset.textContent = 'All dates';
    this.reset.addEventListener('click', () => {
      this.view = [0, this.days];
      this.commit([0, this.days], true);
      this.draw();
    });
    // Zooming lets a brush pick days when the data spans years (a phone has ~27 days per pixel for 10 years).
    this.zoom = document.createElement('button');
    this.zoom.type = 'button';
    this.zoom.className = 'timeline-reset timeline-zoom';
    this.zoom.addEventListener('click', () => {
      const [a, b] = this.range;
      const pad = Math.max(3, Math.round((b - a) * 0.1));
      this.view = this.zoomed() ? [0, this.days] : [Math.max(0, a - pad), Math.min(this.days, b + pad)];
      this.draw();
    });
    head.append(h, this.status, this.zoom, this.reset);
    // One lane's height until the axis is drawn (an SVG without one is 150 px tall for a moment).
    this.svg = svgEl('svg', {
      class: 'timeline-axis',
      role: 'group',
      'aria-label': 'Events on a time axis; drag to choose a period',
      height: svgHeight(1),
    });
    const key = document.createElement('p');
    key.className = 'timeline-key';
    key.textContent = '● a day · ▬ a month, a year or a stated span · ▬▶ ongoing (“since …”)';
    this.element.append(head, this.svg, key);
    this.draw();
    // Only a new width draws the axis again: the observer's first call, and each change of the axis's height
    // (its lanes), came right after a draw at the same width; at 100,000 events each draw is a long task, and
    // the first held back the events on their way to the map (bench:scale).
    new ResizeObserver(() => {
      if (Math.round(this.svg.getBoundingClientRect().width) !== this.width) this.draw();
    }).observe(this.svg);
  }

  /**
   * Draws the axis at the width the element has now, which gives it its final height at once: call it
   * right after putting the element in the document (a ResizeObserver redraws it after that).
   */
  layout(): void {
    this.draw();
  }

  /** Reflects a period from elsewhere (the URL) without calling onChange. */
  set(period: Period | null): void {
    this.range = this.toRange(period);
    this.draw();
  }

  private toRange(period: Period | null): [Day, Day] {
    if (!period) return [0, this.days];
    const [from, to] = periodBounds(period);
    const clamp = (d: number) => Math.max(0, Math.min(this.days, d));
    return [clamp(Math.floor((from - this.day0) / DAY_MS)), clamp(Math.ceil((to - this.day0) / DAY_MS))];
  }

  /** The period of a range of days; null when it spans the whole domain (no filter). */
  private toPeriod([a, b]: [Day, Day]): Period | null {
    if (a <= 0 && b >= this.days) return null;
    return { from: isoDay(this.day0 + a * DAY_MS), to: isoDay(this.day0 + (b - 1) * DAY_MS) };
  }

  private commit(range: [Day, Day], final: boolean): void {
    const a = Math.max(0, Math.min(range[0], range[1] - 1));
    const b = Math.min(this.days, Math.max(range[1], a + 1));
    this.range = [a, b];
    this.updateSelection();
    this.options.onChange(this.toPeriod(this.range), final);
  }

  private zoomed(): boolean {
    return this.view[0] > 0 || this.view[1] < this.days;
  }

  private scale() {
    return scaleUtc()
      .domain([this.day0 + this.view[0] * DAY_MS, this.day0 + this.view[1] * DAY_MS])
      .range([LAYOUT.left, this.width - LAYOUT.right])
      .clamp(true);
  }

  private x(ms: number): number {
    return this.scale()(ms);
  }

  private dayAt(px: number): Day {
    const inner = this.width - LAYOUT.left - LAYOUT.right;
    const [a, b] = this.view;
    return a + Math.round(((px - LAYOUT.left) / inner) * (b - a));
  }

  /** Text for the status line: how many events the period shows, and how many have no date. */
  summary(): string {
    const period = this.toPeriod(this.range);
    const shown = this.dated.filter((d) => inPeriod(d.p, period)).length;
    const total = this.options.events.length;
    const when = period
      ? `${formatDate(period.from)} – ${formatDate(period.to)}: ${shown} of ${total} events`
      : `All dates: ${plural(this.dated.length, 'event')} on the timeline`;
    const undated = this.undated
      ? ` ${this.undated} ${this.undated === 1 ? 'event has' : 'events have'} no date and ${this.undated === 1 ? 'is' : 'are'} not on the timeline${period ? ' (hidden while a period is chosen)' : ''}.`
      : '';
    return `${when}.${undated}`;
  }

  private draw(): void {
    const width = Math.round(this.svg.getBoundingClientRect().width);
    if (!width) return;
    this.width = width;
    const lanesEnd: number[] = [];
    const [v0, v1] = [this.day0 + this.view[0] * DAY_MS, this.day0 + this.view[1] * DAY_MS];
    const inView = this.dated.filter((d) => d.i.start < v1 && (d.i.end ?? OPEN_END) > v0);
    const histogram = inView.length >= HISTOGRAM_FROM;
    const marks = (histogram ? [] : inView)
      .sort((a, b) => a.i.start - b.i.start)
      .map((d) => {
        const x0 = this.x(d.i.start);
        const x1 = d.i.end == null ? this.width - LAYOUT.right : this.x(d.i.end);
        const wide = d.i.precision !== 'day' || d.i.end == null || x1 - x0 > 6;
        const left = wide ? x0 : x0 - 4;
        const right = wide ? Math.max(x1, x0 + 4) : x0 + 4;
        // First lane whose last mark ends before this one starts; the last lane takes the overflow.
        let lane = lanesEnd.findIndex((end) => end + 2 < left);
        if (lane < 0) lane = lanesEnd.length < LAYOUT.maxLanes ? lanesEnd.length : LAYOUT.maxLanes - 1;
        lanesEnd[lane] = Math.max(lanesEnd[lane] ?? -Infinity, right);
        return { d, x0, x1, wide, lane };
      });
    const lanes = histogram ? LAYOUT.maxLanes : Math.max(1, Math.min(LAYOUT.maxLanes, lanesEnd.length));
    const height = svgHeight(lanes);
    this.svg.setAttribute('height', String(height));
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${height}`);
    this.svg.replaceChildren();

    const axisY = LAYOUT.top + lanes * LAYOUT.lane + 2;
    const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
    axis.append(svgEl('line', { x1: LAYOUT.left, x2: this.width - LAYOUT.right, y1: axisY, y2: axisY }));
    const scale = this.scale();
    for (const [i, t] of axisTicks(scale, this.width - LAYOUT.left - LAYOUT.right).entries()) {
      const x = this.x(+t);
      const tick = svgEl('text', { x, y: axisY + 13, 'text-anchor': 'middle' });
      tick.textContent = tickLabel(+t, i === 0);
      axis.append(svgEl('line', { x1: x, x2: x, y1: axisY, y2: axisY + 3 }), tick);
    }
    this.svg.append(axis);

    const group = svgEl('g', { class: 'marks', 'aria-hidden': 'true' });
    for (const m of marks) {
      const y = LAYOUT.top + m.lane * LAYOUT.lane + LAYOUT.lane / 2;
      const colour = colourOfType(m.d.p.type);
      const style = STATUS_STYLE[m.d.p.status] ?? STATUS_STYLE.unverified;
      const data = { 'data-id': m.d.p.id, 'data-precision': m.d.i.end == null ? 'open' : m.d.i.precision };
      const common = {
        fill: colour,
        'fill-opacity': Math.max(0.35, style.markerFill),
        stroke: colour,
        'stroke-width': 1,
      };
      let mark: SVGElement;
      if (!m.wide) mark = svgEl('circle', { ...common, ...data, cx: m.x0, cy: y, r: 3.5 });
      else {
        mark = svgEl('g', data);
        const end = m.d.i.end == null ? m.x1 - 5 : Math.max(m.x1, m.x0 + 4);
        mark.append(svgEl('rect', { ...common, x: m.x0, y: y - 2.5, width: end - m.x0, height: 5, rx: 2 }));
        if (m.d.i.end == null)
          mark.append(svgEl('path', { d: `M${end},${y - 4.5}L${end + 6},${y}L${end},${y + 4.5}Z`, fill: colour }));
      }
      const title = svgEl('title');
      title.textContent = `${formatDate(m.d.p.date)}: ${m.d.p.summary}`;
      mark.append(title);
      group.append(mark);
    }
    this.svg.append(group);
    if (histogram) this.svg.append(this.histogram(inView, v0, v1, axisY));

    const top = 0;
    const selection = svgEl('rect', { class: 'selection', y: top, height: axisY - top });
    const track = svgEl('rect', { class: 'track', x: 0, y: 0, width: this.width, height });
    this.svg.append(track, selection);
    this.handles = (['Start', 'End'] as const).map((which, k) => {
      const handle = svgEl('rect', {
        class: 'handle',
        y: top,
        width: 8,
        height: axisY - top + 4,
        rx: 3,
        tabindex: 0,
        role: 'slider',
        'aria-label': `${which} of the period`,
        'aria-valuemin': 0,
        'aria-valuemax': this.days,
      });
      handle.addEventListener('keydown', (e) => this.onKey(e, k));
      handle.addEventListener('pointerdown', (e) => this.drag(e, k));
      this.svg.append(handle);
      return handle;
    });
    track.addEventListener('pointerdown', (e) => this.drag(e, null));
    selection.addEventListener('pointerdown', (e) => this.drag(e, null));
    this.updateSelection();
  }

  /** Bars of events per span of time (by start date), their height scaled to the largest. */
  private histogram(inView: Array<{ i: Interval }>, v0: number, v1: number, axisY: number): SVGGElement {
    const x0 = LAYOUT.left;
    const inner = this.width - LAYOUT.left - LAYOUT.right;
    const bins = Math.max(1, Math.floor(inner / BAR_PX));
    const counts = binCounts(
      inView.map((d) => Math.max(d.i.start, v0)),
      v0,
      v1,
      bins,
    );
    const max = Math.max(1, ...counts);
    const room = axisY - LAYOUT.top - 1;
    const group = svgEl('g', { class: 'histogram', 'aria-hidden': 'true' });
    const binMs = (v1 - v0) / bins;
    counts.forEach((n, k) => {
      if (!n) return;
      const h = Math.max(1.5, (n / max) * room);
      const bar = svgEl('rect', {
        x: x0 + k * (inner / bins),
        y: axisY - h,
        width: Math.max(1, inner / bins - 0.5),
        height: h,
        'data-from': v0 + k * binMs,
        'data-to': v0 + (k + 1) * binMs,
      });
      const title = svgEl('title');
      title.textContent = `${formatDate(isoDay(v0 + k * binMs))}: ${n} ${n === 1 ? 'event' : 'events'}`;
      bar.append(title);
      group.append(bar);
    });
    return group;
  }

  private updateSelection(): void {
    const [a, b] = this.range;
    const xa = this.x(this.day0 + a * DAY_MS);
    const xb = this.x(this.day0 + b * DAY_MS);
    const selection = this.svg.querySelector('.selection');
    selection?.setAttribute('x', String(xa));
    selection?.setAttribute('width', String(Math.max(0, xb - xa)));
    const whole = a <= 0 && b >= this.days;
    this.element.classList.toggle('filtered', !whole);
    this.handles.forEach((h, k) => {
      const day = k ? b : a;
      h.setAttribute('x', String((k ? xb : xa) - 4));
      h.setAttribute('aria-valuenow', String(day));
      h.setAttribute('aria-valuetext', formatDate(isoDay(this.day0 + (k ? day - 1 : day) * DAY_MS)));
    });
    const from = this.day0 + a * DAY_MS;
    const to = this.day0 + b * DAY_MS;
    for (const bar of this.svg.querySelectorAll<SVGElement>('.histogram > rect')) {
      bar.classList.toggle('out', Number(bar.dataset.to) <= from || Number(bar.dataset.from) >= to);
    }
    for (const mark of this.svg.querySelectorAll<SVGElement>('.marks > [data-id]')) {
      const d = this.dated.find((x) => x.p.id === mark.dataset.id);
      mark.classList.toggle('out', !!d && !inPeriod(d.p, this.toPeriod(this.range)));
    }
    this.status.textContent = this.summary();
    this.reset.hidden = whole && !this.zoomed();
    this.zoom.hidden = whole && !this.zoomed();
    this.zoom.textContent = this.zoomed() ? 'Whole timeline' : 'Zoom to period';
  }

  private onKey(e: KeyboardEvent, k: number): void {
    const step = Math.max(1, Math.round((this.view[1] - this.view[0]) / 200));
    const delta: Record<string, number> = {
      ArrowLeft: -step,
      ArrowDown: -step,
      ArrowRight: step,
      ArrowUp: step,
      PageDown: -10 * step,
      PageUp: 10 * step,
    };
    const range: [Day, Day] = [...this.range];
    if (e.key in delta) range[k] += delta[e.key];
    else if (e.key === 'Home') range[k] = k ? range[0] + 1 : 0;
    else if (e.key === 'End') range[k] = k ? this.days : range[1] - 1;
    else return;
    e.preventDefault();
    range[k] = Math.max(0, Math.min(this.days, range[k]));
    this.commit(range, true);
  }

  /** Drags a handle (k), or brushes a new period from where the pointer went down (k null). */
  private drag(e: PointerEvent, k: number | null): void {
    e.preventDefault();
    const box = this.svg.getBoundingClientRect();
    const at = (ev: PointerEvent) => Math.max(this.view[0], Math.min(this.view[1], this.dayAt(ev.clientX - box.left)));
    const origin = at(e);
    let moved = false;
    const move = (ev: PointerEvent) => {
      const day = at(ev);
      if (Math.abs(day - origin) < 1 && !moved) return;
      moved = true;
      const range: [Day, Day] = k == null ? [Math.min(origin, day), Math.max(origin, day)] : [...this.range];
      if (k != null) range[k] = day;
      this.commit(range[0] <= range[1] ? range : [range[1], range[0]], false);
    };
    const up = () => {
      removeEventListener('pointermove', move);
      removeEventListener('pointerup', up);
      removeEventListener('pointercancel', up);
      if (moved) this.commit(this.range, true);
      else if (k != null) this.handles[k].focus();
    };
    addEventListener('pointermove', move);
    addEventListener('pointerup', up);
    addEventListener('pointercancel', up);
  }
}
