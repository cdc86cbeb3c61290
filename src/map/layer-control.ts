/**
 * Layer switches that double as the legend: a real checkbox for events, ranges and each category within
 * (event types, range bases, claim statuses), each with the swatch the map uses. Keyboard operable by
 * construction; the app mirrors the state into the URL.
 */
import { CLAIM_STATUSES, RANGE_BASES, type EventProperties } from '../contract';
import type { AtlasData } from './data';
import { bandsByWeapon, type WeaponBands } from './band-groups';
import { bandSwatch, markerSwatch, sampleMagnitudes, staticLegend, weaponLegend } from './legend';
import { BASIS_STYLE, STATUS_STYLE, colourOfType, registerTypes, typeLabel } from './scales';
import { token, type Token } from './visibility';

export interface LayerControlOptions {
  types: string[];
  counts: Map<string, number>;
  magnitudes: Array<number | null>;
  /** Unit shown in the size legend (the data's most common `magnitude_unit`). */
  magnitudeUnit: string | null;
  onChange: (hidden: Set<string>) => void;
  /** The bands by weapon, with counts (band-groups.ts bandsByWeapon); none: no such list. */
  weapons?: WeaponBands[];
  /** Short labels, no notes and no size/precision legend: for the embed, where space is scarce. Default false. */
  compact?: boolean;
}

export class LayerControl {
  readonly element: HTMLElement;
  private readonly boxes = new Map<string, HTMLInputElement>();
  /** The labels that carry a count, and how each is written for a count. */
  private readonly counted = new Map<string, { span: HTMLSpanElement; text: (n: number) => string }>();
  private hidden = new Set<string>();

  constructor(private readonly options: LayerControlOptions) {
    this.element = document.createElement('section');
    this.element.className = options.compact ? 'layer-control compact' : 'layer-control';
    const long = (label: string, description: string) => (options.compact ? label : `${label} — ${description}`);
    this.element.setAttribute('aria-labelledby', 'layers-heading');
    const heading = document.createElement('h2');
    heading.id = 'layers-heading';
    heading.textContent = 'Layers and legend';
    this.element.append(heading);
    const n = (t: string) => options.counts.get(t) ?? 0;

    this.group(
      'events',
      `Events (${n('events')})`,
      'Colour: type of event. Fill: claim status.',
      options.types.map((t) => [
        token('type', t),
        `${typeLabel(t)} (${n(token('type', t))})`,
        markerSwatch({ colour: colourOfType(t) }),
      ]),
    );
    this.countWith('events', (k) => `Events (${k})`);
    for (const t of options.types) this.countWith(token('type', t), (k) => `${typeLabel(t)} (${k})`);
    this.group(
      'ranges',
      `Ranges (${n('ranges')})`,
      'Edge: where the range comes from. Colour: claim status.',
      RANGE_BASES.map((b) => [
        token('basis', b),
        long(BASIS_STYLE[b].label, BASIS_STYLE[b].description),
        bandSwatch(null, b),
      ]),
    );
    if (options.weapons?.length)
      this.element.querySelector('fieldset[data-group="ranges"]')?.append(weaponLegend(options.weapons));
    this.group(
      null,
      'Claim status',
      'Applies to events and ranges.',
      CLAIM_STATUSES.map((st) => {
        const both = document.createElement('span');
        both.className = 'swatch-pair';
        both.append(markerSwatch({ colour: 'var(--legend-neutral)', status: st }), bandSwatch(st));
        return [token('status', st), long(STATUS_STYLE[st].label, STATUS_STYLE[st].description), both];
      }),
    );
    this.countWith('ranges', (k) => `Ranges (${k})`);
    if (!options.compact)
      this.element.append(staticLegend(sampleMagnitudes(options.magnitudes), options.magnitudeUnit));
  }

  private countWith(t: string, text: (n: number) => string): void {
    const span = this.boxes.get(t)?.parentElement?.querySelector(':scope > span:last-of-type');
    if (span instanceof HTMLSpanElement) this.counted.set(t, { span, text });
  }

  /**
   * Says which bands the reader cannot see from here (a band far larger than the events, framed on the
   * events, enters the view as an edge or not at all); an empty list removes the note.
   */
  noteOffView(labels: readonly string[]): void {
    const group = this.element.querySelector<HTMLFieldSetElement>('fieldset[data-group="ranges"]');
    let note = group?.querySelector<HTMLParagraphElement>('.off-view');
    if (!labels.length) return void note?.remove();
    if (!group) return;
    if (!note) {
      note = document.createElement('p');
      note.className = 'hint off-view';
      group.querySelector('legend')?.after(note);
    }
    note.textContent = `Beyond this view: ${labels.join('; ')}. Zoom out to see ${labels.length === 1 ? 'its edge' : 'their edges'}.`;
  }

  /** Rewrites the counts (features shown in the period: see countsOf); a token not given counts 0. */
  setCounts(counts: ReadonlyMap<string, number>): void {
    for (const [t, { span, text }] of this.counted) span.textContent = text(counts.get(t) ?? 0);
  }

  /** Reflects a state from elsewhere (the URL) without calling onChange. */
  set(hidden: Iterable<string>): void {
    this.hidden = new Set(hidden);
    for (const [t, box] of this.boxes) box.checked = !this.hidden.has(t);
    this.updateDisabled();
  }

  private group(master: Token | null, title: string, note: string, items: Array<[Token, string, Element]>): void {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    if (master) legend.append(this.checkbox(master, title));
    else legend.textContent = title;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = note;
    const list = document.createElement('ul');
    for (const [t, label, swatch] of items) {
      const li = document.createElement('li');
      li.append(this.checkbox(t, label, swatch));
      list.append(li);
    }
    fieldset.append(legend);
    if (!this.options.compact) fieldset.append(hint);
    fieldset.append(list);
    if (master) fieldset.dataset.group = master;
    this.element.append(fieldset);
  }

  private checkbox(t: string, text: string, swatch?: Element): HTMLLabelElement {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.token = t;
    box.addEventListener('change', () => {
      if (box.checked) this.hidden.delete(t);
      else this.hidden.add(t);
      this.updateDisabled();
      this.options.onChange(new Set(this.hidden));
    });
    this.boxes.set(t, box);
    const span = document.createElement('span');
    span.textContent = text;
    label.append(box);
    if (swatch) label.append(swatch);
    label.append(span);
    return label;
  }

  /** Categories of a switched-off layer are greyed out (still operable, so the state is kept). */
  private updateDisabled(): void {
    for (const fieldset of this.element.querySelectorAll<HTMLFieldSetElement>('fieldset[data-group]')) {
      fieldset.classList.toggle('off', this.hidden.has(fieldset.dataset.group as string));
    }
  }
}

function mostCommon(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** How many features each counted switch covers: events, ranges and each event type. */
export function countsOf(events: ReadonlyArray<Pick<EventProperties, 'type'>>, ranges: number): Map<string, number> {
  const counts = new Map<string, number>([
    ['events', events.length],
    ['ranges', ranges],
  ]);
  // By type first, then as switches: one token per type, not two per event (100,000 in a large archive).
  const byType = new Map<string, number>();
  for (const p of events) byType.set(p.type, (byType.get(p.type) ?? 0) + 1);
  for (const [type, n] of byType) counts.set(token('type', type), n);
  return counts;
}

/** The switches for this data: its event types, how many features each switch covers, and (not compact) its sizes. */
export function layerControlFor(
  data: AtlasData,
  options: Pick<LayerControlOptions, 'onChange' | 'compact'>,
): LayerControl {
  const events = data.events.features.map((f) => f.properties);
  const counts = countsOf(events, data.ranges.features.length);
  const sizes = !options.compact;
  return new LayerControl({
    ...options,
    types: registerTypes(events.map((p) => p.type)),
    counts,
    weapons: bandsByWeapon(data.ranges.features),
    magnitudes: sizes ? events.map((p) => p.magnitude) : [],
    magnitudeUnit: sizes ? mostCommon(events.map((p) => p.magnitude_unit)) : null,
  });
}
