/**
 * The studio page (studio.html, dev server only): open or paste an article, review the suggestions
 * with keyboard or mouse, annotate selected words, watch the map the build will produce, save.
 * The document model (model.ts) is edited here; the server (src/vite/studio-plugin.ts) writes it,
 * builds it and saves it.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import '../map/style.css';
import './studio.css';
import { ALLOWED_ATTRIBUTES } from '../compiler/attributes.js';
import type { AnnotationKind } from '../compiler/parse.js';
import { CLAIM_STATUSES, PLACE_KINDS, type Diagnostic, type EventFeature, type RangeFeature } from '../contract.js';
import { installLegendColours } from '../map/legend.js';
import { MapSession, type Presenter } from '../map/session.js';
import { initialState } from '../map/state.js';
import { parseHash } from '../map/url-state.js';
import type { AtlasData } from '../map/data.js';
import type { PlaceLookup, PlaceRow } from '../compiler/places/lookup.js';
import { CandidateChooser } from './candidates.js';
import { pinTo } from './pin.js';
import {
  accept,
  create,
  freshId,
  isPending,
  nextPending,
  ordered,
  pendingOrder,
  reject,
  setAttributes,
  type DocModel,
} from './model.js';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = maplibreCss;
document.head.prepend(link);
installLegendColours();

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = {
  openForm: $<HTMLFormElement>('open-form'),
  openName: $<HTMLSelectElement>('open-name'),
  pasteForm: $<HTMLFormElement>('paste-form'),
  paste: $<HTMLTextAreaElement>('paste-content'),
  newArticle: $<HTMLDetailsElement>('new-article'),
  save: $<HTMLButtonElement>('save'),
  status: $('status'),
  docName: $('doc-name'),
  text: $('text'),
  prev: $<HTMLButtonElement>('prev'),
  next: $<HTMLButtonElement>('next'),
  accept: $<HTMLButtonElement>('accept'),
  reject: $<HTMLButtonElement>('reject'),
  pendingCount: $('pending-count'),
  form: $<HTMLFormElement>('edit-form'),
  formHeading: $('edit-heading'),
  reason: $('edit-reason'),
  fields: $('edit-fields'),
  problems: $('problems'),
  map: $('map'),
  detail: $('detail'),
};

interface Located extends Diagnostic {
  at?: { kind: string; start: number; end: number } | null;
}
interface Checked {
  source: string;
  events: EventFeature[];
  ranges: RangeFeature[];
  diagnostics: Located[];
}

let doc: DocModel | null = null;
let name: string | null = null;
let current: number | null = null;
let eventTypes: string[] = [];
/** Count of the reviewer's actions (buttons, keys, forms), read by the end-to-end test. */
let actions = 0;
let checkSeq = 0;

const say = (message: string) => {
  el.status.textContent = message;
};

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `/__studio/api/${path}`,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  const json = await res.json();
  if (!res.ok) throw new Error(json.error ?? res.statusText);
  return json as T;
}

// ---- the map preview: the atlas's own session, fed the build of this document ----
let firstData: (data: AtlasData) => void;
const firstDataReady = new Promise<AtlasData>((resolve) => {
  firstData = resolve;
});
const presenter: Presenter = {
  panelled: () => false,
  showPanel: (content) => {
    el.detail.replaceChildren(...(content ? [content] : []));
    el.detail.hidden = !content;
  },
  overflow: 'pan',
  chooserInPanel: false,
  focusAfterClose: () => session.map.getCanvas().focus(),
  fitPadding: () => ({ top: 30, bottom: 30, left: 30, right: 30 }),
  coveredBottom: () => 0,
};
const session = new MapSession({
  container: el.map,
  initial: initialState(parseHash('')),
  presenter,
  popupMaxWidth: '300px',
  map: { label: 'Map preview of this document: what the build will publish' },
  say: (m) => {
    if (m) say(m);
  },
  loadData: () => firstDataReady,
});
let sessionStarted = false;
/** What the page exposes, for the console and the browser tests: the map session, the document, the count of reviewer actions. */
export interface StudioHandle {
  session: MapSession;
  actions(): number;
  doc(): DocModel | null;
}
declare global {
  interface Window {
    studio: StudioHandle;
  }
}
window.studio = { session, actions: () => actions, doc: () => doc };

function showPreview(c: Checked): void {
  const data: AtlasData = {
    events: { type: 'FeatureCollection', features: c.events },
    ranges: { type: 'FeatureCollection', features: c.ranges },
    story: null,
    problems: [],
  };
  if (!sessionStarted) {
    sessionStarted = true;
    firstData(data);
  } else session.replaceData(data);
  el.map.dataset.events = String(c.events.length);
  el.map.dataset.ranges = String(c.ranges.length);
}

// ---- the text view ----
function render(): void {
  if (!doc) return;
  const d = doc;
  const frag = document.createDocumentFragment();
  const stack: Array<{ node: Node; end: number }> = [{ node: frag, end: d.text.length }];
  const order = ordered(d.annotations);
  const indexOf = new Map(d.annotations.map((a, i) => [a, i]));
  let at = 0;
  const emit = (to: number) => {
    if (to > at) {
      stack[stack.length - 1].node.appendChild(document.createTextNode(d.text.slice(at, to)));
      at = to;
    }
  };
  const close = (upTo: number) => {
    while (stack.length > 1 && stack[stack.length - 1].end <= upTo) {
      emit(stack[stack.length - 1].end);
      stack.pop();
    }
  };
  for (const a of order) {
    close(a.start);
    emit(a.start);
    const m = document.createElement('mark');
    m.className = `mark k-${a.kind}${isPending(a) ? ' pending' : ''}`;
    m.dataset.i = String(indexOf.get(a));
    m.title = `${a.kind}${isPending(a) ? ' (pending suggestion)' : ''}`;
    stack[stack.length - 1].node.appendChild(m);
    stack.push({ node: m, end: a.end });
  }
  close(d.text.length);
  emit(d.text.length);
  el.text.replaceChildren(frag);
  highlightCurrent();
  const pending = pendingOrder(d).length;
  el.pendingCount.textContent = `(${pending} pending of ${d.annotations.length})`;
  el.save.disabled = false;
}

function highlightCurrent(): void {
  el.text.querySelectorAll('mark.current').forEach((m) => {
    m.classList.remove('current');
    m.removeAttribute('aria-current');
  });
  const m = current === null ? null : el.text.querySelector<HTMLElement>(`mark[data-i="${current}"]`);
  if (m) {
    m.classList.add('current');
    m.setAttribute('aria-current', 'true');
    m.scrollIntoView({ block: 'nearest' });
  }
  el.accept.disabled = current === null || !doc || !isPending(doc.annotations[current]);
  el.reject.disabled = current === null;
  showForm();
}

/** Offset in the text of a point in the text view (every text node in it is the text's own). */
function offsetOf(node: Node, offset: number): number {
  if (node.nodeType !== Node.TEXT_NODE) {
    // A point between children: the offset of the child at that point (or the end).
    const child = node.childNodes[offset];
    if (!child) return offsetAfter(node);
    node = firstText(child) ?? child;
    offset = 0;
    if (node.nodeType !== Node.TEXT_NODE) return offsetAfter(node);
  }
  const walker = document.createTreeWalker(el.text, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return n + offset;
    n += (t as Text).length;
  }
  return n;
}
const firstText = (n: Node): Node | null => document.createTreeWalker(n, NodeFilter.SHOW_TEXT).nextNode();
function offsetAfter(node: Node): number {
  const walker = document.createTreeWalker(el.text, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (node.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING && !node.contains(t)) return n;
    n += (t as Text).length;
  }
  return n;
}

// ---- the edit form ----
const LABELS: Record<string, string> = {
  id: 'Id',
  of: 'Another mention of (id)',
  name: 'Name in the gazetteer',
  kind: 'Kind of place',
  geonames: 'GeoNames id',
  wikidata: 'Wikidata id',
  at: 'Coordinates (lat, lon)',
  precision: 'Precision',
  type: 'Event type',
  summary: 'Summary',
  date: 'Date (YYYY-MM-DD)',
  place: 'Place ids',
  claimant: 'Claimant',
  status: 'Status',
  figures: 'Figures',
  magnitude: 'Magnitude',
  unit: 'Unit',
  note: 'Note',
  'date-added': 'Date added by the annotator',
  'place-added': 'Place added by the annotator',
  class: 'Class',
  weapon: 'Weapon id(s)',
  origin: 'Origin place id',
  'origin-area': 'Origin area file',
  'origin-name': 'Origin name',
  'origin-note': 'Origin note',
  min: 'Minimum (km)',
  max: 'Maximum (km)',
  added: 'Added by the annotator',
  sentences: 'Sentences',
};
/** The fields shown first for each kind; the rest of the allowed ones follow. */
const FIRST: Record<AnnotationKind, string[]> = {
  place: ['id', 'name', 'of'],
  event: ['type', 'date', 'place', 'claimant', 'status', 'summary', 'figures'],
  weapon: ['id', 'name', 'class'],
  range: ['min', 'max', 'weapon', 'origin', 'claimant', 'status'],
};

/** Whether the reviewer unfolded the form's other attributes (kept from one annotation to the next). */
let moreOpen = false;

function showForm(): void {
  if (!doc || current === null) {
    el.form.hidden = true;
    return;
  }
  const a = doc.annotations[current];
  el.form.hidden = false;
  el.formHeading.textContent = `${a.kind[0].toUpperCase()}${a.kind.slice(1)}: “${doc.text.slice(a.start, a.end).slice(0, 80)}”${isPending(a) ? ' — pending' : ''}`;
  el.reason.textContent = [
    a.attributes.confidence ? `Confidence ${a.attributes.confidence}.` : '',
    a.attributes.reason ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const keys = [
    ...new Set([
      ...FIRST[a.kind],
      ...ALLOWED_ATTRIBUTES[a.kind],
      ...Object.keys(a.attributes).filter((k) => !['review', 'confidence', 'reason'].includes(k)),
    ]),
  ];
  const row = (k: string): HTMLElement => {
    const id = `f-${k}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = LABELS[k] ?? k;
    let input: HTMLInputElement | HTMLSelectElement;
    if (k === 'status') {
      input = document.createElement('select');
      for (const v of ['', ...CLAIM_STATUSES]) input.append(new Option(v || '—', v));
    } else {
      input = document.createElement('input');
      if (k === 'type') input.setAttribute('list', 'event-types');
    }
    input.id = id;
    input.name = k;
    input.value = a.attributes[k] ?? '';
    const field = document.createElement('div');
    field.className = 'field';
    field.append(label, input);
    return field;
  };
  // The kind's main fields and any with a value; the other allowed ones folded away.
  const main = keys.filter((k) => FIRST[a.kind].includes(k) || (a.attributes[k] ?? '') !== '');
  const rest = keys.filter((k) => !main.includes(k));
  const more = document.createElement('details');
  more.className = 'more-fields';
  more.open = moreOpen;
  more.addEventListener('toggle', () => {
    moreOpen = more.open;
  });
  const summary = document.createElement('summary');
  summary.textContent = `More attributes (${rest.join(', ')})`;
  const grid = document.createElement('div');
  grid.className = 'edit-fields';
  grid.append(...rest.map(row));
  more.append(summary, grid);
  el.fields.replaceChildren(...main.map(row), ...(rest.length ? [more] : []));
  let list = document.getElementById('event-types');
  if (!list) {
    list = document.createElement('datalist');
    list.id = 'event-types';
    document.body.append(list);
  }
  list.replaceChildren(...eventTypes.map((t) => new Option(t, t)));
  if (a.kind === 'place') showCandidates(current);
  else chooser.hide();
}

// ---- a place's gazetteer candidates (the server's `npm run place` lookup), on a small map ----
const lookups = new Map<string, Promise<PlaceLookup>>();
const chooser = new CandidateChooser($<HTMLFieldSetElement>('place-candidates'), (row, found) =>
  choosePlace(row, found),
);

function showCandidates(i: number): void {
  if (!doc) return;
  const a = doc.annotations[i];
  if (a.attributes.of) {
    chooser.hide(`Another mention of #${a.attributes.of}: its place is chosen there.`);
    candidatesShown = Promise.resolve();
    return;
  }
  const query = (a.attributes.name ?? doc.text.slice(a.start, a.end)).trim();
  const kind = (PLACE_KINDS as readonly string[]).includes(a.attributes.kind ?? '') ? a.attributes.kind : '';
  const key = `${query}\n${kind}`;
  let pending = lookups.get(key);
  if (!pending) {
    pending = api<PlaceLookup>(`place?name=${encodeURIComponent(query)}&kind=${encodeURIComponent(kind ?? '')}`);
    lookups.set(key, pending);
    pending.catch(() => lookups.delete(key));
  }
  const shownFor = doc.annotations[i];
  candidatesShown = pending.then(
    (lookup) => {
      // Only if the form still shows this annotation, unchanged.
      if (doc && current === i && doc.annotations[i] === shownFor) chooser.show(lookup, shownFor.attributes);
    },
    (err) => say(`No candidates: ${(err as Error).message}`),
  );
}
/** Settles once the candidates of the annotation last shown are in the form. */
let candidatesShown: Promise<void> = Promise.resolve();

function choosePlace(row: PlaceRow, found: boolean): void {
  if (!doc || current === null) return;
  actions++;
  const i = current;
  change(setAttributes(doc, i, pinTo(doc.annotations[i].attributes, row, found)), i);
  say(`The place is now ${row.name} (${row.kind}${row.country ? `, ${row.country}` : ''}), pinned with ${row.pin}.`);
  // The form was drawn again: keep the keyboard on the list.
  void candidatesShown.then(() => chooser.focus());
}

el.form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!doc || current === null) return;
  actions++;
  const a = doc.annotations[current];
  const values: Record<string, string> = {};
  // Keep the written order of what was there; new values after.
  for (const k of Object.keys(a.attributes)) values[k] = a.attributes[k];
  for (const input of el.fields.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))
    values[input.name] = input.value;
  change(setAttributes(doc, current, values), current);
  say('Changes applied.');
});

// ---- edits ----
function change(next: DocModel, select: number | null): void {
  doc = next;
  current = select;
  render();
  scheduleCheck();
}

function step(dir: 1 | -1): void {
  if (!doc) return;
  actions++;
  const n = nextPending(doc, current, dir);
  if (n === null) {
    say('No pending suggestions left.');
    return;
  }
  current = n;
  highlightCurrent();
}
function acceptCurrent(): void {
  if (!doc || current === null || !isPending(doc.annotations[current])) return;
  actions++;
  const next = accept(doc, current);
  change(next, nextPending(next, current, 1));
}
function rejectCurrent(): void {
  if (!doc || current === null) return;
  actions++;
  const gone = doc.annotations[current];
  const next = reject(doc, current);
  // The next pending one after where the rejected one was.
  const after = pendingOrder(next).find((i) => next.annotations[i].start >= gone.start) ?? nextPending(next, null, 1);
  change(next, after ?? null);
}

el.prev.addEventListener('click', () => step(-1));
el.next.addEventListener('click', () => step(1));
el.accept.addEventListener('click', acceptCurrent);
el.reject.addEventListener('click', rejectCurrent);
document.addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement;
  // Letters go to the fields that take text; elsewhere (the text, buttons, the candidates' radios) they are the review keys.
  if (
    e.ctrlKey ||
    e.metaKey ||
    e.altKey ||
    t.closest('input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable]')
  )
    return;
  const run = (
    { j: () => step(1), k: () => step(-1), a: acceptCurrent, x: rejectCurrent } as Record<string, () => void>
  )[e.key];
  if (run) {
    e.preventDefault();
    run();
  }
});

el.text.addEventListener('click', (e) => {
  const m = (e.target as HTMLElement).closest<HTMLElement>('mark[data-i]');
  if (!m || !window.getSelection()?.isCollapsed) return;
  current = Number(m.dataset.i);
  highlightCurrent();
});

for (const b of document.querySelectorAll<HTMLButtonElement>('[data-create]')) {
  b.addEventListener('click', () => {
    if (!doc) return;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !el.text.contains(sel.anchorNode)) {
      say('Select some words in the text first.');
      return;
    }
    const r = sel.getRangeAt(0);
    const start = offsetOf(r.startContainer, r.startOffset);
    const end = offsetOf(r.endContainer, r.endOffset);
    const kind = b.dataset.create as AnnotationKind;
    const words = doc.text.slice(start, end).trim();
    const attributes: Record<string, string> =
      kind === 'event'
        ? { id: freshId(doc, `event ${words.split(/\s+/).slice(0, 4).join(' ')}`), type: '' }
        : kind === 'range'
          ? {}
          : { id: freshId(doc, words) };
    if (kind === 'place') attributes.name = words;
    if (kind === 'weapon') attributes.name = words;
    actions++;
    try {
      const made = create(doc, kind, start, end, attributes);
      sel.removeAllRanges();
      change(made.doc, made.index);
      say(`Added a ${kind}; fill in its attributes in the form.`);
      el.fields.querySelector<HTMLElement>('input, select')?.focus();
    } catch (err) {
      say(`Cannot annotate: ${(err as Error).message}.`);
    }
  });
}

// ---- build check, problems and preview ----
let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleCheck(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void check(), 120);
}
async function check(): Promise<void> {
  if (!doc || !name) return;
  const seq = ++checkSeq;
  el.map.dataset.checked = 'busy';
  try {
    const c = await api<Checked>('check', { name, doc });
    if (seq !== checkSeq) return;
    showProblems(c.diagnostics);
    showPreview(c);
    el.map.dataset.checked = String(seq);
  } catch (err) {
    if (seq === checkSeq) say(`The build could not run: ${(err as Error).message}`);
  }
}
function showProblems(list: Located[]): void {
  el.problems.replaceChildren(
    ...(list.length
      ? list.map((d) => {
          const li = document.createElement('li');
          li.className = `problem ${d.severity}`;
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
          b.addEventListener('click', () => {
            if (!doc || !d.at) {
              say(`${d.file}:${d.line}: in the front matter; edit it in the file.`);
              return;
            }
            const i = doc.annotations.findIndex(
              (a) => a.kind === d.at!.kind && a.start === d.at!.start && a.end === d.at!.end,
            );
            if (i < 0) return;
            current = i;
            highlightCurrent();
            el.fields.querySelector<HTMLElement>('input, select')?.focus();
          });
          li.append(b);
          return li;
        })
      : [Object.assign(document.createElement('li'), { textContent: 'None: the document builds.' })]),
  );
}

// ---- open, paste, save ----
function load(n: string, d: DocModel, message: string): void {
  name = n;
  el.docName.textContent = `— ${n}`;
  doc = d;
  current = nextPending(d, null, 1);
  render();
  say(message);
  void check();
}

el.openForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const r = await api<{ name: string; path: string; doc: DocModel }>(
      `open?name=${encodeURIComponent(el.openName.value)}`,
    );
    load(r.name, r.doc, `Opened ${r.path}.`);
  } catch (err) {
    say(`Could not open: ${(err as Error).message}`);
  }
});

el.pasteForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  say('Suggesting annotations…');
  try {
    const v = (id: string) => $<HTMLInputElement>(id).value || undefined;
    const r = await api<{ name: string; doc: DocModel }>('suggest', {
      content: el.paste.value,
      title: v('paste-title'),
      publisher: v('paste-publisher'),
      published: v('paste-published'),
      url: v('paste-url'),
    });
    el.newArticle.open = false;
    load(r.name, r.doc, `Drafted ${r.doc.annotations.length} suggestions, all pending. Not saved yet.`);
  } catch (err) {
    say(`Could not draft: ${(err as Error).message}`);
  }
});
el.paste.addEventListener('dragover', (e) => e.preventDefault());
el.paste.addEventListener('drop', async (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  el.paste.value = await file.text();
});

el.save.addEventListener('click', async () => {
  if (!doc || !name) return;
  actions++;
  try {
    const r = await api<
      Checked & ({ saved: true; path: string; backup: string | null } | { saved: false; reason: string })
    >('save', { name, doc });
    showProblems(r.diagnostics);
    if (!r.saved) {
      say(r.reason);
      return;
    }
    doc = { ...doc, original: r.source, edited: false };
    say(`Saved to ${r.path}${r.backup ? ` (the previous version is in ${r.backup})` : ''}.`);
    await refreshList(name);
  } catch (err) {
    say(`${(err as Error).message}`);
  }
});

async function refreshList(select?: string): Promise<void> {
  const r = await api<{ documents: string[]; eventTypes: string[] }>('documents');
  eventTypes = r.eventTypes;
  el.openName.replaceChildren(...r.documents.map((d) => new Option(d, d, false, d === select)));
}
void refreshList();
