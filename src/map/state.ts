/**
 * The atlas's state as data: what is selected, which layers and categories are switched off, the
 * period, the projection and the view; `next(state, action, items)` is the one place that says how it
 * changes. Pure: no map, no DOM. The session (session.ts) applies a state to the map and the shells
 * (src/app, src/embed) present it; the URL (url-state.ts) writes and reads it.
 */
import type { LngLatLike } from 'maplibre-gl';
import type { EventFeature, RangeFeature } from '../contract';
import { inPeriod, rangeInPeriod } from './period';
import { DEFAULT_PROJECTION } from './projection';
import type { AppState, Period, Projection, View } from './url-state';
import { isEventVisible, isRangeVisible } from './visibility';

/** A feature of the data, by id: the items a state's selection and visibility speak of. */
export type Item = { kind: 'event'; feature: EventFeature } | { kind: 'range'; feature: RangeFeature };
export type Items = ReadonlyMap<string, Item>;

export interface AtlasState {
  /** null: not set (the map fits the data). */
  readonly view: View | null;
  /** Switched-off layers and categories (visibility.ts tokens), sorted, each once. */
  readonly hidden: readonly string[];
  /** The selected feature; only ever a visible one. */
  readonly selected: string | null;
  /** Only events and ranges in this period are shown (a range by the dates of its documents; period.ts); null: all dates. */
  readonly period: Period | null;
  readonly projection: Projection;
  /** A story's step shown (its guided tour, `steps:`): 1 … the number of steps; 0 is the whole story (the overview). */
  readonly step: number;
}

export type Action =
  /** `at`: where its popup points (a band's is where the reader clicked); default: the feature's anchor. */
  | { type: 'select'; id: string | null; at?: LngLatLike }
  | { type: 'hide'; hidden: Iterable<string> }
  | { type: 'period'; period: Period | null }
  | { type: 'projection'; projection: Projection }
  | { type: 'view'; view: View }
  /** A story's step (0: the overview); one outside the story's steps is the nearest one. */
  | { type: 'step'; step: number }
  /** Back or forward in history, or a link: the whole state at once. */
  | { type: 'restore'; state: AppState };

/**
 * The action with a feature merged into another band (band-groups.ts `aliases`: merged id → band id) named
 * by that band: a link (`sel=`) or a history entry naming a claim's own feature opens the band that lists it.
 */
export function resolveAliases(action: Action, aliases: ReadonlyMap<string, string>): Action {
  if (action.type === 'select' && action.id !== null && aliases.has(action.id))
    return { ...action, id: aliases.get(action.id) as string };
  if (action.type === 'restore' && action.state.selected && aliases.has(action.state.selected))
    return { ...action, state: { ...action.state, selected: aliases.get(action.state.selected) as string } };
  return action;
}

const tokens = (hidden: Iterable<string>) => [...new Set(hidden)].sort();

/** The state a URL asks for (url-state.ts), with the defaults filled in; its selection is checked once the data is in. */
export function initialState(url: AppState): AtlasState {
  return {
    view: url.view,
    hidden: tokens(url.hidden),
    selected: url.selected,
    period: url.period ?? null,
    projection: url.projection ?? DEFAULT_PROJECTION,
    step: url.step ?? 0,
  };
}

/** The state as the URL writes it. */
export function toUrlState(state: AtlasState): AppState {
  return {
    view: state.view,
    hidden: [...state.hidden],
    selected: state.selected,
    period: state.period,
    projection: state.projection,
    ...(state.step ? { step: state.step } : {}),
  };
}

/** Whether a feature is shown in a state: its layer and categories are on, and its date is in the period. */
/** The hidden tokens as a set, made once for each state's list. */
const hiddenSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function hiddenSet(hidden: readonly string[]): ReadonlySet<string> {
  let set = hiddenSets.get(hidden);
  if (!set) {
    set = new Set(hidden);
    hiddenSets.set(hidden, set);
  }
  return set;
}

export function isVisible(state: Pick<AtlasState, 'hidden' | 'period'>, item: Item | undefined): boolean {
  if (!item) return false;
  // Asked once per feature when a switch or the period changes (100,000 times in a large archive).
  if (!state.hidden.length && !state.period) return true;
  const hidden = hiddenSet(state.hidden);
  if (item.kind === 'range')
    return isRangeVisible(item.feature.properties, hidden) && rangeInPeriod(item.feature.properties, state.period);
  return isEventVisible(item.feature.properties, hidden) && inPeriod(item.feature.properties, state.period);
}

/** Ids of the features shown in a state, in the items' order. */
export function visibleIds(state: AtlasState, items: Items): string[] {
  return [...items].filter(([, item]) => isVisible(state, item)).map(([id]) => id);
}

/** Keeps the selection only while its feature exists and is shown. */
function checked(state: AtlasState, items: Items): AtlasState {
  if (state.selected === null || isVisible(state, items.get(state.selected))) return state;
  return { ...state, selected: null };
}

/** A step within a story of `steps` steps (0 … steps): a step past the end is the last, a broken one the overview. */
const clampStep = (step: number, steps: number) => (Number.isInteger(step) ? Math.max(0, Math.min(steps, step)) : 0);

/**
 * `steps`: how many steps the story has (none: 0, and every step is the overview). A new step closes
 * the selection: the map moves to the step's features, away from where the popup pointed.
 */
export function next(state: AtlasState, action: Action, items: Items, steps = 0): AtlasState {
  switch (action.type) {
    case 'step': {
      const step = clampStep(action.step, steps);
      return step === state.step ? state : { ...state, step, selected: null };
    }
    case 'select':
      return checked({ ...state, selected: action.id }, items);
    case 'hide':
      return checked({ ...state, hidden: tokens(action.hidden) }, items);
    case 'period':
      return checked({ ...state, period: action.period }, items);
    case 'projection':
      return { ...state, projection: action.projection };
    case 'view':
      return { ...state, view: action.view };
    case 'restore': {
      const restored = initialState(action.state);
      return checked({ ...restored, view: restored.view ?? state.view, step: clampStep(restored.step, steps) }, items);
    }
  }
}

/** What changed between two states, for the session to apply and the shells to present. */
export function changes(before: AtlasState, after: AtlasState): Set<keyof AtlasState> {
  const out = new Set<keyof AtlasState>();
  if (before.view !== after.view) out.add('view');
  if (before.hidden.join(',') !== after.hidden.join(',')) out.add('hidden');
  if (before.selected !== after.selected) out.add('selected');
  if (before.period?.from !== after.period?.from || before.period?.to !== after.period?.to) out.add('period');
  if (before.projection !== after.projection) out.add('projection');
  if (before.step !== after.step) out.add('step');
  return out;
}

/**
 * The ids a state's step brings forward (the others are faded, not hidden), by the ids the map draws
 * (`aliases`: a range merged into another band is that band); null at the overview (step 0: nothing
 * faded) or past the story's steps.
 */
export function stepFocus(
  state: Pick<AtlasState, 'step'>,
  steps: ReadonlyArray<{ features: readonly string[] }>,
  aliases: ReadonlyMap<string, string> = new Map(),
): ReadonlySet<string> | null {
  const step = steps[state.step - 1];
  if (!step) return null;
  return new Set(step.features.map((id) => aliases.get(id) ?? id));
}
