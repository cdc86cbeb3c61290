/**
 * Popup content, built as DOM with textContent only (never innerHTML with data): the verbatim excerpt
 * with its place and weapon mentions marked, the source, who says so, how sure, and how precise.
 * Every claim is shown when there are several. `chooser` lists overlapping features to pick from.
 */
import type { Claim, EventProperties, RangeProperties } from '../contract';
import { formatDate, formatExtent, formatFigures } from './format';
import { markerSwatch } from './legend';
import {
  BASIS_STYLE,
  CONFLICT,
  PENDING_COLOUR,
  PENDING_DESCRIPTION,
  PENDING_LABEL,
  PRECISION_LABEL,
  STATUS_STYLE,
  colourOfType,
  typeLabel,
} from './scales';

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Splits an excerpt at its [start, end) highlight offsets (UTF-16). Offsets out of range are clamped,
 * overlapping ones merged, so bad offsets never hide or duplicate text.
 */
export function highlightSegments(text: string, highlights: ReadonlyArray<readonly [number, number]>): Segment[] {
  const spans = highlights
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The link to the original, only when it is http(s); anything else (javascript:, data:) is dropped. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Characters beyond which a text gets a box of its own that scrolls (`.long`, a few lines high), so
 * that a popup with a 10,000-character excerpt still fits on the map: headings, any other text.
 */
export const LONG_TEXT = { heading: 160, text: 600 };

/** Marks a long text's element as a box that scrolls, reachable by keyboard. */
function boxIfLong<E extends HTMLElement>(node: E, length: number): E {
  if (length > (/^H\d$/.test(node.tagName) ? LONG_TEXT.heading : LONG_TEXT.text)) {
    node.classList.add('long');
    node.tabIndex = 0;
  }
  return node;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) {
    node.textContent = text;
    boxIfLong(node, text.length);
  }
  return node;
}

/**
 * A text from a document, isolated from what follows it: a right-to-left override (U+202E) in a
 * publisher's name must not turn the date after it around.
 */
export function bdi(text: string): HTMLElement {
  return el('bdi', undefined, text);
}

function excerpt(claim: Pick<Claim, 'excerpt' | 'highlights'>): HTMLElement {
  const quote = boxIfLong(el('blockquote', 'excerpt'), claim.excerpt.length);
  for (const s of highlightSegments(claim.excerpt, claim.highlights ?? [])) {
    quote.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
  }
  return quote;
}

function statusBadge(status: Claim['status']): HTMLElement {
  const style = STATUS_STYLE[status] ?? STATUS_STYLE.unverified;
  const badge = el('span', `status status-${status}`);
  badge.append(markerSwatch({ colour: 'var(--legend-neutral)', status, radius: 5 }), style.label);
  badge.title = style.description;
  return badge;
}

/** The banner of an unreviewed suggestion (the dev server's data only); `some` when only some of its claims are. */
function pendingBanner(some = false): HTMLElement {
  const p = el(
    'p',
    'pending-note',
    some
      ? `Includes an ${PENDING_LABEL.toLowerCase()}: ${PENDING_DESCRIPTION}`
      : `${PENDING_LABEL}: ${PENDING_DESCRIPTION}`,
  );
  p.style.setProperty('--pending', PENDING_COLOUR);
  return p;
}

function claimBlock(claim: Claim): HTMLElement {
  const block = el('section', 'claim');
  if (claim.pending) block.classList.add('pending');
  if (claim.pending) block.append(el('p', 'pending-note', PENDING_LABEL));
  block.append(excerpt(claim));
  const who = el('p', 'claimant');
  who.append(statusBadge(claim.status), ' ', bdi(claim.claimant));
  block.append(who);
  const source = el('p', 'source');
  const href = safeHref(claim.url);
  const title = href ? el('a', undefined, claim.document_title) : el('cite', undefined, claim.document_title);
  if (href && title instanceof HTMLAnchorElement) {
    title.href = href;
    title.target = '_blank';
    title.rel = 'noopener noreferrer';
  }
  title.dir = 'auto'; // isolated, like bdi
  source.append(title);
  if (claim.publisher) source.append(' — ', bdi(claim.publisher));
  if (claim.document_date) source.append(claim.publisher ? ', ' : ' — ', formatDate(claim.document_date));
  block.append(source);
  if (claim.figures?.length) block.append(el('p', 'figures', `Figures: ${formatFigures(claim.figures)}`));
  if (claim.note) block.append(parts('p', 'note', 'Note: ', bdi(claim.note)));
  for (const a of claim.additions ?? []) block.append(parts('p', 'note', 'Added ', bdi(a.field), ': ', bdi(a.note)));
  return block;
}

/** "2 claims from 2 independent sources": claims, and distinct documents among them (`sources`). */
export function sourcesText(claims: number, sources: number): string {
  const s = Math.max(1, sources);
  const claimsPart = claims === 1 ? '1 claim' : `${claims} claims`;
  return `${claimsPart} from ${s === 1 ? 'one source' : `${s} independent sources`}`;
}

function claimsList(claims: Claim[], sources: number): HTMLElement {
  const wrap = el('div', 'claims');
  wrap.append(el('p', 'claims-count', sourcesText(claims.length, sources)));
  for (const c of claims) wrap.append(claimBlock(c));
  return wrap;
}

/**
 * Conflicting values side by side, one row per claim, never averaged: `columns` are the values
 * compared (e.g. date, place), each row a claim with who says so and how it is held.
 */
export function compareTable(
  caption: string,
  columns: string[],
  rows: Array<{ values: Array<string | Node>; claimant: string; status: Claim['status']; action?: HTMLElement }>,
): HTMLElement {
  const table = el('table', 'compare');
  table.append(el('caption', undefined, caption));
  const head = el('tr');
  for (const c of [...columns, 'Says who']) {
    const th = el('th', undefined, c);
    th.scope = 'col';
    head.append(th);
  }
  table.append(parts('thead', undefined, head));
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    tr.dataset.status = r.status;
    for (const v of r.values) tr.append(parts('td', undefined, v));
    const who = parts('td', undefined, statusBadge(r.status), ' ', bdi(r.claimant));
    if (r.action) who.append(' ', r.action);
    tr.append(who);
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** When an event's claims state different dates or places: each claim's values, side by side. */
function eventConflict(p: EventProperties): HTMLElement | null {
  const claims = p.claims ?? [];
  // A claim that does not restate a value (null) does not disagree with it.
  const differ = (k: 'date' | 'place') => new Set(claims.map((c) => c[k]).filter((v) => v != null)).size > 1;
  const columns = (['date', 'place'] as const).filter(differ);
  if (!p.conflict || claims.length < 2 || !columns.length) return null;
  return compareTable(
    `Sources disagree on the ${columns.join(' and ')}; each claim's value is shown, none is averaged`,
    columns.map((c) => (c === 'date' ? 'Date stated' : 'Place stated')),
    claims.map((c) => ({
      values: columns.map((k) =>
        k === 'date' ? (c.date ? formatDate(c.date) : 'not stated') : (c.place ?? 'not stated'),
      ),
      claimant: c.claimant,
      status: c.status,
    })),
  );
}

/** An element of several pieces: the app's words as strings, a document's as `bdi`. */
function parts<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | undefined,
  ...pieces: Array<string | Node>
): HTMLElementTagNameMap[K] {
  const node = el(tag, className);
  node.append(...pieces);
  return node;
}

function fact(list: HTMLElement, term: string, ...value: Array<string | Node>): void {
  list.append(
    el('dt', undefined, term),
    value.length === 1 && typeof value[0] === 'string'
      ? el('dd', undefined, value[0])
      : parts('dd', undefined, ...value),
  );
}

/**
 * The figures the claims state: one claim's as a fact; several claims' side by side, one row per
 * claim, never merged or averaged.
 */
function eventFigures(p: EventProperties, facts: HTMLElement): HTMLElement | null {
  const claims = p.claims ?? [];
  const stating = claims.filter((c) => c.figures?.length);
  if (stating.length === 0) return null;
  if (stating.length === 1) {
    const [c] = stating;
    fact(facts, 'Figures', formatFigures(c.figures!), ...(claims.length > 1 ? [' (says ', bdi(c.claimant), ')'] : []));
    return null;
  }
  return compareTable(
    'Figures as each claim states them; none is merged or averaged',
    ['Figures stated'],
    claims.map((c) => ({
      values: [c.figures?.length ? formatFigures(c.figures) : 'none stated'],
      claimant: c.claimant,
      status: c.status,
    })),
  );
}

/** Where: the place, or every place of an event in several, each with its own precision. */
function eventPlaces(p: EventProperties, facts: HTMLElement): void {
  const places = p.places ?? [];
  if (places.length <= 1) {
    fact(facts, 'Where', p.place);
    fact(facts, 'Location', p.precision_label || PRECISION_LABEL[p.precision] || '');
    return;
  }
  const list = el('ul', 'places');
  for (const place of places) list.append(el('li', undefined, place.precision_label || place.name));
  fact(facts, `Where (${places.length} places)`, list);
}

export function eventPopup(p: EventProperties): HTMLElement {
  const root = el('article', 'popup popup-event');
  root.dataset.id = p.id;
  const kind = el('p', 'kind', typeLabel(p.type));
  kind.style.setProperty('--swatch', colourOfType(p.type));
  root.append(kind, el('h2', undefined, p.summary));
  if (p.pending) root.append(pendingBanner(!(p.claims ?? []).every((c) => c.pending)));
  const facts = el('dl', 'facts');
  fact(facts, 'When', formatDate(p.date));
  eventPlaces(p, facts);
  const figures = eventFigures(p, facts);
  if (p.magnitude != null)
    fact(
      facts,
      'Marker size',
      `${p.magnitude.toLocaleString('en-GB')}${p.magnitude_unit ? ` ${p.magnitude_unit}` : ''} (the largest figure in the unit the map sizes by)`,
    );
  const conflict = eventConflict(p);
  if (p.conflict && !conflict) fact(facts, 'Conflict', 'sources disagree on date or place');
  root.append(facts);
  if (conflict) root.append(conflict);
  if (figures) root.append(figures);
  root.append(claimsList(p.claims, p.sources)); // data.ts keeps only features with one claim or more
  return root;
}

/**
 * Other ranges of the same weapon, and how to open one: those whose claims conflict with this one (its
 * `conflicts_with`), and those stated with no origin (not drawn) that do not conflict with it.
 */
export interface RangeConflicts {
  others: RangeProperties[];
  unplaced?: RangeProperties[];
  onChoose: (id: string) => void;
}

const notDrawn = (r: RangeProperties) => (r.origin_place == null ? ' (no origin given: not drawn)' : '');

function showButton(r: RangeProperties, conflicts: RangeConflicts): HTMLElement {
  const action = el('button', 'link', r.origin_place == null ? 'Show this claim' : 'Show this band');
  (action as HTMLButtonElement).type = 'button';
  action.dataset.id = r.id;
  action.addEventListener('click', () => conflicts.onChoose(r.id));
  return action;
}

/** Ranges of the weapon that the text states with no origin: they are on no map, so the weapon's popups name them. */
function unplacedTable(p: RangeProperties, conflicts: RangeConflicts): HTMLElement {
  const rows = (conflicts.unplaced ?? []).map((r) => ({
    values: [formatExtent(r)],
    claimant: r.claims?.map((c) => c.claimant).join('; ') || r.claimant,
    status: r.status,
    action: showButton(r, conflicts),
  }));
  const table = compareTable(`Also stated for ${p.weapon}, with no origin given (not drawn)`, ['Range stated'], rows);
  table.classList.add('unplaced');
  return table;
}

/** This band's values and those of the bands that conflict with it, side by side. */
function rangeConflict(p: RangeProperties, conflicts: RangeConflicts): HTMLElement {
  const row = (r: RangeProperties, self: boolean) => {
    const action = self ? undefined : showButton(r, conflicts);
    return {
      values: [
        `${formatExtent(r)}${self ? (r.origin_place == null ? ' (this claim)' : ' (this band)') : ''}${notDrawn(r)}`,
      ],
      claimant: r.claims?.map((c) => c.claimant).join('; ') || r.claimant,
      status: r.status,
      action,
    };
  };
  return compareTable(
    `${CONFLICT.label}: ${CONFLICT.description}`,
    ['Range stated'],
    [row(p, true), ...conflicts.others.map((o) => row(o, false))],
  );
}

export function rangePopup(p: RangeProperties, conflicts?: RangeConflicts): HTMLElement {
  const root = el('article', 'popup popup-range');
  root.dataset.id = p.id;
  root.append(el('p', 'kind', `Range${p.weapon_class ? ` · ${p.weapon_class}` : ''}`), el('h2', undefined, p.label));
  if (p.pending) root.append(pendingBanner(!(p.claims ?? []).every((c) => c.pending)));
  const facts = el('dl', 'facts');
  fact(facts, 'Weapon', p.weapon);
  fact(facts, 'Range', `${formatExtent(p)} (source: “`, bdi(p.stated_text), '”)');
  const basis = BASIS_STYLE[p.basis];
  fact(facts, 'Basis', basis ? `${basis.label}: ${basis.description}` : p.basis);
  if (p.origin_place == null)
    fact(facts, 'From', 'not given by the text; not on the map until an annotator adds an origin');
  else fact(facts, 'From', bdi(p.origin_place), p.origin ? '' : ' (area)');
  if (p.origin_note) fact(facts, 'Origin note', p.origin_note);
  if (p.conflicts_with?.length && !conflicts?.others.length)
    fact(facts, 'Conflicts with', ...p.conflicts_with.flatMap((id, i) => (i ? [', ', bdi(id)] : [bdi(id)])));
  root.append(facts);
  if (conflicts?.others.length) root.append(rangeConflict(p, conflicts));
  if (conflicts?.unplaced?.length) root.append(unplacedTable(p, conflicts));
  root.append(claimsList(p.claims, p.sources)); // data.ts keeps only features with one claim or more
  return root;
}

export interface ChoiceItem {
  id: string;
  label: string;
  colour: string;
}

/** A short list of buttons, one per overlapping feature; choosing one calls `onChoose` with its id. */
export function chooser(items: ChoiceItem[], onChoose: (id: string) => void): HTMLElement {
  const root = el('nav', 'popup chooser');
  root.setAttribute('aria-label', `${items.length} features here`);
  root.append(el('p', 'kind', `${items.length} features here — choose one`));
  const list = el('ul');
  for (const item of items) {
    const button = el('button', 'choice', item.label);
    button.type = 'button';
    button.dataset.id = item.id;
    button.style.setProperty('--swatch', item.colour);
    button.addEventListener('click', () => onChoose(item.id));
    const li = el('li');
    li.append(button);
    list.append(li);
  }
  root.append(list);
  return root;
}
