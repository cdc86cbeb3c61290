/**
 * Legend swatches, drawn from scales.ts so they always match the map, plus the parts of the legend
 * that are not switches (marker size, location precision, range origin). Theme-dependent colours are
 * CSS custom properties generated from the scales, so swatches follow prefers-color-scheme by themselves.
 */
import { CLAIM_STATUSES, type ClaimStatus, type RangeBasis } from '../contract';
import type { WeaponBands } from './band-groups';
import { plural } from './format';
import {
  BASIS_STYLE,
  CONFLICT,
  MARKER_RADIUS,
  PATTERN,
  PRECISION_HALO,
  RANGE_STATUS_COLOUR,
  STATUS_STYLE,
  markerRadius,
} from './scales';

const SVG = 'http://www.w3.org/2000/svg';

/** `--range-<status>` variables for light and dark, from RANGE_STATUS_COLOUR. Call once. */
export function installLegendColours(): void {
  const vars = (theme: 'light' | 'dark') =>
    CLAIM_STATUSES.map((s) => `--range-${s}: ${RANGE_STATUS_COLOUR[theme][s]};`).join(' ');
  const style = document.createElement('style');
  style.textContent = `:root { ${vars('light')} } @media (prefers-color-scheme: dark) { :root { ${vars('dark')} } }`;
  document.head.append(style);
}

function svg(width: number, height: number): SVGSVGElement {
  const node = document.createElementNS(SVG, 'svg');
  node.setAttribute('width', String(width));
  node.setAttribute('height', String(height));
  node.setAttribute('viewBox', `0 0 ${width} ${height}`);
  node.setAttribute('aria-hidden', 'true');
  node.classList.add('swatch');
  return node;
}

function shape<K extends 'circle' | 'rect' | 'line' | 'pattern' | 'path'>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export interface MarkerOptions {
  colour: string;
  status?: ClaimStatus;
  radius?: number;
  /** Draw as an imprecise place: soft halo, no crisp edge. */
  soft?: number;
}

let patternCount = 0;

/** Diagonal stripes as an SVG pattern inside `node`, as patterns.ts draws them on the map; returns its url(). */
function hatchFill(node: SVGSVGElement, colour: string, spacing: number, opacity = 1): string {
  const id = `atlas-hatch-${++patternCount}`;
  const pattern = shape('pattern', {
    id,
    width: spacing,
    height: spacing,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(-45)',
  });
  pattern.append(
    shape('line', {
      x1: 0,
      y1: 0,
      x2: 0,
      y2: spacing,
      stroke: colour,
      'stroke-width': PATTERN.stroke * 0.8,
      'stroke-opacity': opacity,
    }),
  );
  node.append(pattern);
  return `url(#${id})`;
}

/** An event marker as the map draws it: status decides fill, outline and pattern (scales.STATUS_STYLE). */
export function markerSwatch({
  colour,
  status = 'reported',
  radius = MARKER_RADIUS,
  soft,
}: MarkerOptions): SVGSVGElement {
  const style = STATUS_STYLE[status] ?? STATUS_STYLE.unverified;
  const size = Math.max(2 * (soft ?? radius) + 6, 20);
  const node = svg(size, size);
  node.dataset.status = status;
  const c = size / 2;
  if (soft) node.append(shape('circle', { cx: c, cy: c, r: soft, fill: colour, opacity: 0.3, class: 'soft' }));
  const stroke = { contrast: 'var(--marker-contrast)', heavy: 'var(--marker-heavy)', type: colour, none: 'none' }[
    style.markerStroke
  ];
  node.append(
    shape('circle', {
      cx: c,
      cy: c,
      r: radius,
      fill: colour,
      'fill-opacity': style.markerFill,
      stroke,
      'stroke-width': style.markerStrokeWidth,
      'stroke-opacity': soft ? 0.8 : 1,
    }),
  );
  if (style.markerPattern === 'hatch')
    node.append(shape('circle', { cx: c, cy: c, r: radius, fill: hatchFill(node, colour, PATTERN.hatchSpacing) }));
  if (style.markerPattern === 'dashed') {
    node.append(
      shape('circle', {
        cx: c,
        cy: c,
        r: radius,
        fill: 'none',
        stroke: colour,
        'stroke-width': PATTERN.stroke,
        'stroke-dasharray': `${PATTERN.dash} ${PATTERN.gap}`,
      }),
    );
  }
  return node;
}

/** A range band: translucent fill, with the edge style of its basis. */
export function bandSwatch(status: ClaimStatus | null, basis: RangeBasis = 'stated'): SVGSVGElement {
  const node = svg(34, 20);
  const colour = status ? `var(--range-${status})` : 'var(--range-neutral)';
  const style = STATUS_STYLE[status ?? 'reported'];
  const width = 1.8;
  const [dash, gap] = BASIS_STYLE[basis].dash;
  node.append(
    shape('rect', {
      x: 2,
      y: 4,
      width: 30,
      height: 12,
      fill: colour,
      'fill-opacity': status ? style.bandFill * 2 : 0.15,
    }),
  );
  if (status && style.bandPattern === 'hatch')
    node.append(shape('rect', { x: 2, y: 4, width: 30, height: 12, fill: hatchFill(node, colour, 4, 0.55) }));
  node.append(
    shape('line', {
      x1: 2,
      y1: 4,
      x2: 32,
      y2: 4,
      stroke: colour,
      'stroke-opacity': status ? style.bandEdge : 1,
      'stroke-width': width,
      'stroke-linecap': basis === 'added' ? 'round' : 'butt',
      'stroke-dasharray': gap ? `${dash * width} ${gap * width}` : 'none',
    }),
  );
  return node;
}

/** Two bands of one weapon that overlap without merging: how conflicting claims look. */
export function conflictSwatch(): SVGSVGElement {
  const node = svg(34, 20);
  node.append(
    shape('rect', {
      x: 2,
      y: 3,
      width: 20,
      height: 10,
      fill: 'var(--range-claimed)',
      'fill-opacity': 0.3,
      stroke: 'var(--range-claimed)',
      'stroke-width': 1.5,
    }),
    shape('rect', {
      x: 12,
      y: 8,
      width: 20,
      height: 10,
      fill: 'var(--range-disputed)',
      'fill-opacity': 0.3,
      stroke: 'var(--range-disputed)',
      'stroke-width': 1.5,
    }),
  );
  return node;
}

/** A range the text states with no origin: listed, not drawn; an empty band, struck through. */
export function unplacedSwatch(status: ClaimStatus | null = null): SVGSVGElement {
  const node = svg(34, 20);
  const colour = status ? `var(--range-${status})` : 'var(--range-neutral)';
  node.classList.add('unplaced');
  node.append(
    shape('rect', {
      x: 2,
      y: 4,
      width: 30,
      height: 12,
      fill: 'none',
      stroke: colour,
      'stroke-width': 1.5,
      'stroke-dasharray': '2 2',
    }),
    shape('line', { x1: 4, y1: 15, x2: 30, y2: 5, stroke: colour, 'stroke-width': 1.5 }),
  );
  return node;
}

/** The range origin marker. */
export function originSwatch(): SVGSVGElement {
  const node = svg(20, 20);
  node.append(
    shape('circle', {
      cx: 10,
      cy: 10,
      r: 4.5,
      fill: 'var(--marker-contrast)',
      stroke: 'var(--range-neutral)',
      'stroke-width': 2.5,
    }),
  );
  return node;
}

function row(swatch: SVGSVGElement, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const label = document.createElement('span');
  label.textContent = text;
  li.append(swatch, label);
  return li;
}

/** The non-switch part of the legend: size, precision, origin. */
export function staticLegend(sampleMagnitudes: number[], unit: string | null): HTMLElement {
  const root = document.createElement('div');
  root.className = 'legend-static';
  const add = (title: string, rows: HTMLLIElement[]) => {
    const h = document.createElement('h3');
    h.textContent = title;
    const ul = document.createElement('ul');
    ul.append(...rows);
    root.append(h, ul);
  };
  const neutral = 'var(--legend-neutral)';
  // No unit: the data states no figure, and the legend shows what a figure would do. With a unit and no
  // figure past PLAIN_UP_TO, every marker is the plain one and the legend says just that.
  const mags = sampleMagnitudes.length || unit ? sampleMagnitudes : [50, 200];
  add('Marker size', [
    // One unit sizes every marker (the build's sizing unit, see EventProperties.magnitude).
    row(
      markerSwatch({ colour: neutral }),
      unit ? `no figure in ${unit}, or ${PLAIN_UP_TO} or fewer` : 'no number given',
    ),
    ...mags.map((m) =>
      row(
        markerSwatch({ colour: neutral, radius: markerRadius(m) }),
        `${m.toLocaleString('en-GB')} ${unit ?? '(number stated in the source)'}`,
      ),
    ),
  ]);
  add('Location precision', [
    row(markerSwatch({ colour: neutral }), 'exact place, town or city: a crisp marker'),
    row(
      markerSwatch({ colour: neutral, soft: PRECISION_HALO[3] / 2 }),
      'region: soft marker; the region is outlined when you point at or select it',
    ),
    row(
      markerSwatch({ colour: neutral, soft: PRECISION_HALO[4] / 2 }),
      'country: wider halo; the country is outlined likewise',
    ),
  ]);
  add('Ranges', [
    row(originSwatch(), 'launch point (origin); an area origin is named in the label'),
    row(conflictSwatch(), `${CONFLICT.label}: ${CONFLICT.description}`),
    row(unplacedSwatch(), "a range stated with no origin: in the list and in its weapon's popups, not on the map"),
  ]);
  return root;
}

/** Magnitudes worth showing in the size legend: a round number near the data's largest, and half of it. */
export function sampleMagnitudes(values: Array<number | null>): number[] {
  const max = Math.max(0, ...values.filter((v): v is number => v != null && v > 0));
  if (!max) return [];
  const step = 10 ** Math.floor(Math.log10(max));
  const top = Math.round(max / step) * step;
  // Only figures that draw a marker larger than the plain one: "1 …" and "2 …" beside three circles of one
  // size said the sizes differ where they do not (the trial's two anti-ship cruise missiles).
  return [...new Set([Math.max(1, Math.round(top / 4)), top])].filter((m) => markerRadius(m) > MARKER_RADIUS);
}

/** The largest whole figure a marker is drawn at the plain size for (20: sizes grow from 21). */
export const PLAIN_UP_TO = (() => {
  let m = 0;
  while (markerRadius(m + 1) <= MARKER_RADIUS) m++;
  return m;
})();

/**
 * The bands grouped by weapon, each with its count of bands (and of ranges stated with no origin, and of
 * claims): with hundreds of bands on, the legend names each weapon once. Folded when long.
 */
export function weaponLegend(weapons: readonly WeaponBands[]): HTMLDetailsElement {
  const root = document.createElement('details');
  root.className = 'weapon-bands';
  root.open = weapons.length <= WEAPONS_OPEN;
  const summary = document.createElement('summary');
  const bands = weapons.reduce((n, w) => n + w.bands, 0);
  summary.textContent = `Bands by weapon: ${plural(weapons.length, 'weapon')}, ${plural(bands, 'band')}`;
  const list = document.createElement('ul');
  for (const w of weapons) {
    const li = document.createElement('li');
    li.dataset.weapon = w.weapon;
    li.dataset.bands = String(w.bands);
    const name = document.createElement('bdi');
    name.textContent = w.weapon;
    const parts = [
      plural(w.bands, 'band'),
      ...(w.unplaced ? [`${w.unplaced} with no origin (not drawn)`] : []),
      plural(w.claims, 'claim'),
    ];
    li.append(name, `: ${parts.join(', ')}${w.conflicting ? ` · ${CONFLICT.mapNote}` : ''}`);
    list.append(li);
  }
  root.append(summary, list);
  return root;
}

/** Up to this many weapons the list starts open. */
const WEAPONS_OPEN = 6;
