/**
 * story: one map per story. A story file (`data/maps/<id>.yaml`) selects what one article's map shows
 * (documents, events, ranges, types, a period, with exclusions) and carries the words a newsroom puts
 * around a graphic (title, description, notes, byline, credit), an optional fixed view and projection,
 * and highlighted areas. `parseStory` reads and checks a file (located errors, as for documents);
 * `selectStory` applies it to the built features. Pure: text and data in, data and diagnostics out.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import {
  STORY_ID,
  type Diagnostic,
  type EventFeature,
  type RangeFeature,
  type StoryIndexEntry,
  type StoryOutput,
  type StoryPeriod,
  type StoryStep,
  type StoryView,
} from '../contract.js';

export type { StoryIndexEntry, StoryOutput, StoryPeriod, StoryView };
import { closestName, didYouMean } from './closest-name.js';
import { Diagnostics, sortDiagnostics, type Location } from './diagnostics.js';
import { lineIndex, unclosedOpener } from './parse.js';

export const STORY_PROJECTIONS = ['flat', 'globe'] as const satisfies ReadonlyArray<
  NonNullable<StoryOutput['projection']>
>;

/** The selectors of `select:` and `exclude:`. */
export const SELECTORS = ['documents', 'events', 'ranges', 'types'] as const;
export type Selector = (typeof SELECTORS)[number];

/** A list of ids or types, each with where it is written (for errors about what it names). */
export type Located<T> = { value: T; at: Location };

export interface Selection {
  documents: Array<Located<string>>;
  events: Array<Located<string>>;
  ranges: Array<Located<string>>;
  types: Array<Located<string>>;
}

export interface StoryHighlight {
  /**
   * What is highlighted: a GeoJSON area file (its path relative to the story file, as an `origin-area=`
   * is to its document), a gazetteer region by its ISO 3166-2 code (`RU-KRS`, as events' `admin1`), or a
   * country by its ISO 3166-1 code (`UA`, as events' `country`), outlined from the basemap's regions.
   */
  area: string | null;
  region: string | null;
  country: string | null;
  /** Shown on the map at the area. */
  label: string | null;
  at: Location;
}

export interface Story {
  id: string;
  /** The story file, as given to the build (for diagnostics). */
  file: string;
  title: string;
  /** The dek: one or two sentences under the title. */
  description: string | null;
  notes: string | null;
  byline: string | null;
  /** The source line ("Source: …"). */
  credit: string | null;
  /** null: everything. */
  select: Selection | null;
  exclude: Selection | null;
  period: StoryPeriod | null;
  view: StoryView | null;
  projection: StoryOutput['projection'];
  /** Whether the inset locator map may appear (when the view is zoomed in past country level); default true. */
  inset: boolean;
  highlights: StoryHighlight[];
  /** The guided steps through the story (`steps:`), in order; empty: none. */
  steps: StoryStepSpec[];
  /** Where the file starts (for errors about the story as a whole). */
  at: Location;
}

/** One step of a story as written (`steps:` item): what it says and what it focuses on (story-steps.ts resolves it). */
export interface StoryStepSpec {
  title: string;
  /** The reporter's words, plain text shown as written. */
  text: string | null;
  /** null: every feature of the story (narrowed by `period`). */
  select: Selection | null;
  period: StoryPeriod | null;
  view: StoryView | null;
  /** Where the step starts (for errors about what it focuses). */
  at: Location;
}

const KEYS = [
  'title',
  'description',
  'notes',
  'byline',
  'credit',
  'select',
  'exclude',
  'period',
  'bounds',
  'center',
  'zoom',
  'projection',
  'inset',
  'highlight',
  'steps',
] as const;

/** The keys of one step (`steps:` item): its words, and what it focuses as the story's own keys. */
export const STEP_KEYS = ['title', 'text', 'select', 'period', 'bounds', 'center', 'zoom'] as const;
/** Characters: a step's title is a short heading on its card (a phone's width holds about two lines of it). */
export const STEP_TITLE_MAX = 80;

const HIGHLIGHT_KEYS = ['area', 'region', 'country', 'label'] as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const validDay = (s: string) =>
  DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The story id a file name gives (`kursk-strikes.yaml` → `kursk-strikes`), or null when it is not one. */
export function storyIdOf(fileName: string): string | null {
  const m = /^(.+)\.ya?ml$/.exec(fileName);
  return m && STORY_ID.test(m[1]) ? m[1] : null;
}

/** Reads a story file; the story is null when it has errors (all of them are in `diagnostics`). */
export function parseStory(file: string, id: string, text: string): { story: Story | null; diagnostics: Diagnostic[] } {
  const d = new Diagnostics();
  // Positions from the text itself (YAML's LineCounter misses line breaks inside a scalar it gave up on).
  const lineCounter = { linePos: lineIndex(text) };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const at = (node: { range?: [number, number, number] | null } | null | undefined, fallback = 0): Location => {
    const p = lineCounter.linePos(node?.range?.[0] ?? fallback);
    return { file, line: p.line, column: p.col };
  };
  const start: Location = { file, line: 1, column: 1 };
  if (!STORY_ID.test(id))
    d.error(
      start,
      `the story id "${id}" (its file name) must be lowercase letters, digits and "-", at most 64 characters, starting with a letter or digit`,
    );
  const opener = doc.errors.length ? unclosedOpener(text) : null;
  for (const e of doc.errors) {
    const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    // An unclosed quote or bracket is reported where the YAML runs out; point at where it opens.
    const unclosed = opener && (e.code === 'MISSING_CHAR' || /end with an? [\]}]|closing/.test(what));
    const p = lineCounter.linePos(unclosed ? opener.offset : e.pos[0]);
    d.error(
      { file, line: p.line, column: p.col },
      unclosed
        ? `YAML: this ${opener.char} is never closed (${what})`
        : e.code === 'MULTIPLE_DOCS'
          ? // The library's own words ("please use YAML.parseAllDocuments()") told an editor to change the code.
            'YAML: this "---" line starts a second document, and a story file holds one story (its id is the file name): delete the line, or move what follows it into a story file of its own'
          : `YAML: ${what}`,
    );
  }
  if (doc.errors.length) return { story: null, diagnostics: sortDiagnostics(d.list) };
  const root = doc.contents;
  if (!isMap(root)) {
    d.error(
      at(root as YamlNode | null),
      'a story file is a YAML mapping with at least `title:` (see data/README.md, "Stories")',
    );
    return { story: null, diagnostics: d.list };
  }
  const story: Story = {
    id,
    file,
    title: '',
    description: null,
    notes: null,
    byline: null,
    credit: null,
    select: null,
    exclude: null,
    period: null,
    view: null,
    projection: null,
    inset: true,
    highlights: [],
    steps: [],
    at: start,
  };
  /** A mapping's pairs by key; an unknown key is an error at it (`what`: "a story", "step 2"). */
  const pairsOf = (map: YAMLMap, keys: readonly string[], what: string): Map<string, Pair> => {
    const out = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!keys.includes(key)) {
        d.error(
          at(pair.key as YamlNode),
          what === 'a story'
            ? `unknown key "${key}"; ${didYouMean(key, keys)}a story has ${keys.join(', ')}`
            : `unknown key "${key}" in ${what}; ${didYouMean(key, keys)}a step has ${keys.join(', ')}`,
        );
        continue;
      }
      out.set(key, pair as Pair);
    }
    return out;
  };
  const pairs = pairsOf(root, KEYS, 'a story');
  /** The fields of one mapping (the story's, or a step's, whose messages start with `where`: "step 2: "). */
  const fields = (pairs: Map<string, Pair>, where: string) => {
    const field = (key: string) => pairs.get(key)?.value as YamlNode | null | undefined;
    const keyNode = (key: string) => pairs.get(key)?.key as YamlNode | undefined;
    const keyAt = (key: string) => at(keyNode(key));
    const text1 = (key: string): string | null => {
      if (!pairs.has(key)) return null;
      const v = field(key);
      if (isScalar(v) && v.value === null) return null;
      if (!isScalar(v) || typeof v.value !== 'string' || v.value.trim() === '') {
        d.error(at(v, keyNode(key)?.range?.[0] ?? 0), `${where}"${key}" must be text`);
        return null;
      }
      return v.value.trim();
    };

    const selection = (key: 'select' | 'exclude'): Selection | null => {
      if (!pairs.has(key)) return null;
      const v = field(key);
      if (!isMap(v)) {
        d.error(
          at(v, keyNode(key)?.range?.[0]),
          `${where}"${key}" must be a mapping of ${SELECTORS.join(', ')}, each a list`,
        );
        return null;
      }
      const out: Selection = { documents: [], events: [], ranges: [], types: [] };
      for (const pair of v.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!(SELECTORS as readonly string[]).includes(name)) {
          d.error(
            at(pair.key as YamlNode),
            `${where}unknown selector "${name}" in "${key}"; ${didYouMean(name, SELECTORS)}use ${SELECTORS.join(', ')}`,
          );
          continue;
        }
        const list = pair.value as YamlNode | null;
        const items = isSeq(list) ? list.items : isScalar(list) && typeof list.value === 'string' ? [list] : null;
        if (!items) {
          d.error(
            at(list, (pair.key as YamlNode).range?.[0]),
            `${where}"${key}.${name}" must be a list of ids, e.g. [an-id, another-id]`,
          );
          continue;
        }
        for (const item of items as YamlNode[]) {
          if (
            !isScalar(item) ||
            (typeof item.value !== 'string' && typeof item.value !== 'number') ||
            String(item.value).trim() === ''
          ) {
            d.error(
              at(item),
              `${where}"${key}.${name}" holds ids (text), not ${isMap(item) ? 'a mapping' : isSeq(item) ? 'a list' : JSON.stringify((item as { value?: unknown })?.value ?? null)}`,
            );
            continue;
          }
          out[name as Selector].push({ value: String(item.value).trim(), at: at(item) });
        }
      }
      return out;
    };

    const period = (): StoryPeriod | null => {
      if (!pairs.has('period')) return null;
      const v = field('period');
      const raw = isScalar(v) ? String(v.value ?? '') : '';
      const [from, to, extra] = raw.split('/');
      if (extra !== undefined || !validDay(from ?? '') || !validDay(to ?? ''))
        d.error(
          at(v, keyNode('period')?.range?.[0]),
          `${where}"period" must be two days, "YYYY-MM-DD/YYYY-MM-DD" (as the map's t=), not "${raw}"`,
        );
      else if (from > to) d.error(at(v), `${where}"period" ends (${to}) before it begins (${from})`);
      else return { from, to };
      return null;
    };

    const numbers = (v: YamlNode | null | undefined, n: number): number[] | null => {
      if (!isSeq(v) || v.items.length !== n) return null;
      const out = v.items.map((i) =>
        isScalar(i) && typeof i.value === 'number' && Number.isFinite(i.value) ? i.value : NaN,
      );
      return out.every(Number.isFinite) ? out : null;
    };
    const lonlatOk = ([lon, lat]: number[]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
    const view = (): StoryView | null => {
      const out: StoryView = {};
      if (pairs.has('bounds')) {
        const v = field('bounds');
        const corners = isSeq(v) && v.items.length === 2 ? v.items.map((c) => numbers(c as YamlNode, 2)) : null;
        if (!corners || corners.some((c) => !c || !lonlatOk(c)))
          d.error(
            at(v),
            `${where}"bounds" must be [[west, south], [east, north]] in degrees, longitudes within ±180 and latitudes within ±90`,
          );
        else if (corners[0]![1] >= corners[1]![1])
          d.error(
            at(v),
            `${where}"bounds": the south edge (${corners[0]![1]}) must lie below the north edge (${corners[1]![1]})`,
          );
        else out.bounds = [corners[0] as [number, number], corners[1] as [number, number]];
      }
      if (pairs.has('center')) {
        const c = numbers(field('center'), 2);
        if (c && !lonlatOk(c) && lonlatOk([c[1]!, c[0]!]))
          d.error(
            at(field('center')),
            `${where}"center" must be [longitude, latitude]: [${c[0]}, ${c[1]}] has a latitude past ±90, so it is written latitude first; write [${c[1]}, ${c[0]}]`,
          );
        else if (!c || !lonlatOk(c))
          d.error(at(field('center')), `${where}"center" must be [longitude, latitude] in degrees`);
        else out.center = c as [number, number];
      }
      if (pairs.has('zoom')) {
        const z = field('zoom');
        if (!isScalar(z) || typeof z.value !== 'number' || !(z.value >= 0 && z.value <= 22))
          d.error(at(z), `${where}"zoom" must be a number from 0 to 22`);
        else out.zoom = z.value;
      }
      if (out.bounds && (pairs.has('center') || pairs.has('zoom')))
        d.error(keyAt('bounds'), `${where}give either "bounds" or "center" and "zoom", not both`);
      else if (pairs.has('center') !== pairs.has('zoom')) {
        d.error(keyAt(pairs.has('center') ? 'center' : 'zoom'), `${where}"center" and "zoom" go together`);
      }
      return out.bounds || (out.center && out.zoom !== undefined) ? out : null;
    };
    return { field, keyNode, keyAt, text1, selection, period, view };
  };
  const own = fields(pairs, '');
  const { field } = own;

  const title = own.text1('title');
  if (title === null && !pairs.has('title'))
    d.error(start, 'a story needs a "title": the headline shown above its map');
  story.title = title ?? '';
  story.description = own.text1('description');
  story.notes = own.text1('notes');
  story.byline = own.text1('byline');
  story.credit = own.text1('credit');
  story.select = own.selection('select');
  story.exclude = own.selection('exclude');
  story.period = own.period();
  story.view = own.view();

  if (pairs.has('steps')) {
    const v = field('steps');
    const keyStart = own.keyNode('steps')?.range?.[0];
    if (!isSeq(v))
      d.error(
        at(v, keyStart),
        '"steps" must be a list of steps, each {title: …, text: …, select: {…}} (see data/README.md, "Steps")',
      );
    else if (v.items.length === 0)
      d.error(at(v, keyStart), '"steps" is empty: give at least one step, or leave the key out');
    else
      (v.items as YamlNode[]).forEach((item, i) => {
        const what = `step ${i + 1}`;
        if (!isMap(item)) {
          d.error(at(item), `${what} must be a mapping with at least "title" (and "text", "select", …)`);
          return;
        }
        const stepPairs = pairsOf(item, STEP_KEYS, what);
        const f = fields(stepPairs, `${what}: `);
        const stepTitle = f.text1('title');
        if (!stepPairs.has('title')) d.error(at(item), `${what} needs a "title": the heading of its card`);
        else if (stepTitle !== null && stepTitle.length > STEP_TITLE_MAX)
          d.error(
            at(f.field('title')),
            `${what}: "title" is ${stepTitle.length} characters; a step's title is a short heading of at most ${STEP_TITLE_MAX} (put the rest in "text")`,
          );
        story.steps.push({
          title: stepTitle ?? '',
          text: f.text1('text'),
          select: f.selection('select'),
          period: f.period(),
          view: f.view(),
          at: at(item),
        });
      });
  }

  if (pairs.has('projection')) {
    const v = field('projection');
    const p = isScalar(v) ? v.value : null;
    if (!(STORY_PROJECTIONS as readonly unknown[]).includes(p))
      d.error(at(v), `"projection" must be ${STORY_PROJECTIONS.join(' or ')}, not ${JSON.stringify(p)}`);
    else story.projection = p as Story['projection'];
  }
  if (pairs.has('inset')) {
    const v = field('inset');
    if (!isScalar(v) || typeof v.value !== 'boolean')
      d.error(
        at(v, (pairs.get('inset')!.key as YamlNode).range?.[0]),
        `"inset" must be true or false (the locator map shown when zoomed in), not ${JSON.stringify(isScalar(v) ? v.value : null)}`,
      );
    else story.inset = v.value;
  }
  if (pairs.has('highlight')) {
    const v = field('highlight');
    if (!isSeq(v))
      d.error(
        at(v, (pairs.get('highlight')!.key as YamlNode).range?.[0]),
        '"highlight" must be a list of {area: file.geojson | region: RU-KRS | country: UA, label: text}',
      );
    else {
      for (const item of v.items as YamlNode[]) {
        const get = (k: string) => (isMap(item) ? item.get(k, true) : null) as YamlNode | null | undefined;
        const unknown = isMap(item)
          ? item.items.find(
              (p) => !(HIGHLIGHT_KEYS as readonly string[]).includes(String((p.key as { value?: unknown })?.value)),
            )
          : null;
        if (unknown)
          d.error(
            at(unknown.key as YamlNode),
            `unknown key "${String((unknown.key as { value?: unknown }).value)}" in a highlight; use ${HIGHLIGHT_KEYS.join(', ')}`,
          );
        const given = (['area', 'region', 'country'] as const).filter((k) => get(k) != null);
        if (given.length !== 1) {
          d.error(
            at(item),
            `a highlight names one of "area" (a GeoJSON file relative to the story file, e.g. ../areas/ukraine.geojson), "region" (ISO 3166-2, e.g. RU-KRS) or "country" (ISO 3166-1, e.g. UA)${given.length ? `, not ${given.join(' and ')}` : ''}`,
          );
          continue;
        }
        const [key] = given;
        const node = get(key);
        const value = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : '';
        const pattern = { area: /./, region: /^[A-Z]{2}-[A-Z0-9]{1,3}$/, country: /^[A-Z]{2}$/ }[key];
        if (!pattern.test(value)) {
          d.error(
            at(node),
            {
              area: '"area" must be a file path',
              region: `"region" must be an ISO 3166-2 code such as RU-KRS (as an event's admin1), not ${JSON.stringify(isScalar(node) ? node.value : null)}`,
              country: `"country" must be an ISO 3166-1 code such as UA (as an event's country), not ${JSON.stringify(isScalar(node) ? node.value : null)}`,
            }[key],
          );
          continue;
        }
        const label = get('label');
        if (label != null && (!isScalar(label) || typeof label.value !== 'string')) {
          d.error(at(label), 'a highlight\'s "label" must be text');
          continue;
        }
        story.highlights.push({
          area: null,
          region: null,
          country: null,
          [key]: value,
          label: isScalar(label) ? String(label.value).trim() || null : null,
          at: at(node),
        });
      }
    }
  }
  return { story: d.errorCount ? null : story, diagnostics: sortDiagnostics(d.list) };
}

/** What a story shows: the features it selects, and problems with what it names. */
export interface StorySelection {
  events: EventFeature[];
  ranges: RangeFeature[];
  diagnostics: Diagnostic[];
}

const claimDocs = (f: EventFeature | RangeFeature) => f.properties.claims.map((c) => c.document);

/** Whether a feature's date (an event's, or the documents' of a range's claims) overlaps a period of days. */
export function storyInPeriod(f: EventFeature | RangeFeature, period: StoryPeriod): boolean {
  const end = (iso: string) => {
    // A month or a year runs to its last day.
    if (/^\d{4}$/.test(iso)) return `${iso}-12-31`;
    if (/^\d{4}-\d{2}$/.test(iso)) return `${iso}-31`;
    return iso;
  };
  const overlaps = (start: string | null, stop: string | null) => {
    if (!start) return false;
    const s = start.length === 4 ? `${start}-01-01` : start.length === 7 ? `${start}-01` : start;
    return s <= period.to && (stop === '..' || end(stop ?? start) >= period.from);
  };
  if ('type' in f.properties) {
    const p = f.properties as EventFeature['properties'];
    const [rawStart, rawEnd] = (p.date ?? '').split('/');
    return overlaps(p.date_start ?? rawStart ?? null, rawEnd === '..' ? '..' : (p.date_end ?? rawEnd ?? null));
  }
  return f.properties.claims.some((c) => overlaps(c.document_date, null));
}

/**
 * The features a story shows: those any of `select`'s lists names (a document names every feature one
 * of its claims comes from; a type, every event of that type), or every feature when there is no
 * `select`; less those `exclude` names; then only those in `period`. Naming a document, event, range
 * or type the build does not have is an error at its place in the story file; a story that selects
 * nothing is an error at its start.
 */
export function selectStory(
  story: Story,
  events: readonly EventFeature[],
  ranges: readonly RangeFeature[],
): StorySelection {
  const d = new Diagnostics();
  const documents = new Set([...events, ...ranges].flatMap(claimDocs));
  const eventIds = new Set(events.map((f) => f.properties.id));
  const rangeIds = new Set(ranges.map((f) => f.properties.id));
  const types = new Set(events.map((f) => f.properties.type));
  const known: Record<Selector, Set<string>> = { documents, events: eventIds, ranges: rangeIds, types };
  const what: Record<Selector, string> = {
    documents: 'document',
    events: 'event',
    ranges: 'range',
    types: 'event type',
  };
  for (const [part, sel] of [
    ['select', story.select],
    ['exclude', story.exclude],
  ] as const) {
    if (!sel) continue;
    for (const key of SELECTORS) {
      for (const { value, at } of sel[key]) {
        if (known[key].has(value)) continue;
        const contains = [...known[key]].filter((k) => k.includes(value) || value.includes(k)).slice(0, 3);
        const slip = contains.length ? null : closestName(value, known[key]);
        const close = slip ? [slip] : contains;
        d.error(
          at,
          `${part}.${key}: no ${what[key]} "${value}" in the build${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''}`,
        );
      }
    }
  }
  const matches = (sel: Selection, f: EventFeature | RangeFeature, kind: 'event' | 'range') => {
    const has = (list: Array<Located<string>>, v: string) => list.some((l) => l.value === v);
    if (claimDocs(f).some((doc) => has(sel.documents, doc))) return true;
    if (kind === 'event')
      return has(sel.events, f.properties.id) || has(sel.types, (f as EventFeature).properties.type);
    return has(sel.ranges, f.properties.id);
  };
  const keep = <F extends EventFeature | RangeFeature>(list: readonly F[], kind: 'event' | 'range'): F[] =>
    list.filter(
      (f) =>
        (!story.select || matches(story.select, f, kind)) &&
        !(story.exclude && matches(story.exclude, f, kind)) &&
        (!story.period || storyInPeriod(f, story.period)),
    );
  const out = { events: keep(events, 'event'), ranges: keep(ranges, 'range') };
  if (out.events.length + out.ranges.length === 0 && d.errorCount === 0)
    d.error(story.at, `the story "${story.id}" selects no event and no range; check "select", "exclude" and "period"`);
  return { ...out, diagnostics: sortDiagnostics(d.list) };
}

export function storyOutput(
  story: Story,
  selection: Pick<StorySelection, 'events' | 'ranges'>,
  highlights: Array<{ geometry: GeoJSON.Geometry; label: string | null }>,
  steps: StoryStep[] = [],
): StoryOutput {
  const dates = [...selection.events, ...selection.ranges]
    .flatMap((f) => f.properties.claims.map((c) => c.document_date))
    .filter((x): x is string => !!x)
    .sort();
  return {
    id: story.id,
    title: story.title,
    description: story.description,
    notes: story.notes,
    byline: story.byline,
    credit: story.credit,
    period: story.period,
    view: story.view,
    projection: story.projection,
    inset: story.inset,
    date: dates.at(-1) ?? null,
    highlights: {
      type: 'FeatureCollection',
      features: highlights.map((h) => ({ type: 'Feature', geometry: h.geometry, properties: { label: h.label } })),
    },
    steps,
    events: { type: 'FeatureCollection', features: selection.events },
    ranges: { type: 'FeatureCollection', features: selection.ranges },
  };
}
