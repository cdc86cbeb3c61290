/**
 * The URL as the app's state: view, hidden layers, selected feature, period, projection and step live in
 * the hash, e.g.
 *   #map=4.20/48.4600/35.0400&hide=ranges,status:unverified&sel=ev-2024-11-21-dnipro&t=2024-11-01/2024-11-30&proj=globe&q=kharkiv%20drones
 * and, in a story with steps (`?map=<id>`), the step shown: `&step=2`.
 * parseHash/formatHash are pure; UrlState glues them to the History API: pushState for meaningful
 * changes (toggles, selection), replaceState while panning, and popstate restores.
 */
export interface View {
  /** [longitude, latitude] in degrees. */
  center: [number, number];
  zoom: number;
}

/** A period of dates, both ends included, as ISO days (`YYYY-MM-DD`); `t=FROM/TO` in the URL. */
export interface Period {
  from: string;
  to: string;
}

/** The map's projection: the flat map (Web Mercator) or the globe; `proj=flat|globe` in the URL. */
export const PROJECTIONS = ['flat', 'globe'] as const;
export type Projection = (typeof PROJECTIONS)[number];

export interface AppState {
  view: View | null;
  hidden: string[];
  selected: string | null;
  /** Only events in this period are shown; absent or null: all dates. */
  period?: Period | null;
  /** Absent: the app's default (DEFAULT_PROJECTION in projection.ts). */
  projection?: Projection;
  /** The list's text search (a large archive's list, src/app/scale-list.ts); `q=` in the URL. */
  query?: string;
  /** A story's step (its guided tour), 1 … its number of steps; absent or 0: the whole story. `step=` in the URL. */
  step?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2024-11-01/2024-11-30` → a period (ends swapped if reversed); anything else → null. */
export function parsePeriod(value: string): Period | null {
  const [from, to, extra] = value.split('/');
  if (extra !== undefined || !DAY.test(from ?? '') || !DAY.test(to ?? '')) return null;
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

const enc = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');

export function formatHash(state: AppState): string {
  const parts: string[] = [];
  if (state.view) {
    const { center, zoom } = state.view;
    parts.push(`map=${zoom.toFixed(2)}/${center[1].toFixed(4)}/${center[0].toFixed(4)}`);
  }
  if (state.hidden.length) parts.push(`hide=${[...state.hidden].sort().map(enc).join(',')}`);
  if (state.selected) parts.push(`sel=${enc(state.selected)}`);
  if (state.period) parts.push(`t=${state.period.from}/${state.period.to}`);
  if (state.projection) parts.push(`proj=${state.projection}`);
  if (state.query) parts.push(`q=${enc(state.query)}`);
  if (state.step) parts.push(`step=${state.step}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Reads what it can; a malformed part is ignored rather than failing the whole URL. */
export function parseHash(hash: string): AppState {
  const state: AppState = { view: null, hidden: [], selected: null };
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    try {
      if (key === 'map') {
        const [z, lat, lon] = value.split('/').map(Number);
        if ([z, lat, lon].every(Number.isFinite) && Math.abs(lat) <= 90 && z >= 0 && z <= 24) {
          const wrapped = lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
          state.view = { center: [wrapped, lat], zoom: z };
        }
      } else if (key === 'hide') {
        state.hidden = value.split(',').filter(Boolean).map(decodeURIComponent);
      } else if (key === 'sel') {
        state.selected = decodeURIComponent(value) || null;
      } else if (key === 't') {
        const period = parsePeriod(decodeURIComponent(value));
        if (period) state.period = period;
      } else if (key === 'q') {
        const query = decodeURIComponent(value.replace(/\+/g, ' ')).trim();
        if (query) state.query = query;
      } else if (key === 'step') {
        if (/^\d{1,4}$/.test(value) && Number(value) > 0) state.step = Number(value);
      } else if (key === 'proj') {
        // 'mercator' is what MapLibre calls the flat map.
        const p = value === 'mercator' ? 'flat' : value;
        if ((PROJECTIONS as readonly string[]).includes(p)) state.projection = p as Projection;
      }
    } catch {
      // A stray % in a hand-edited URL: skip that part.
    }
  }
  return state;
}

/** Keeps the hash in step with the app and tells the app when back/forward changes it. */
export class UrlState {
  private onRestore: (state: AppState) => void;
  private readonly listener = () => this.onRestore(this.read());

  constructor(onRestore: (state: AppState) => void) {
    this.onRestore = onRestore;
    addEventListener('popstate', this.listener);
  }

  read(): AppState {
    return parseHash(location.hash);
  }

  /** A meaningful change: a new history entry. */
  push(state: AppState): void {
    this.write(state, 'push');
  }

  /** Panning and zooming: update the entry in place. */
  replace(state: AppState): void {
    this.write(state, 'replace');
  }

  private write(state: AppState, how: 'push' | 'replace'): void {
    const hash = formatHash(state);
    if (hash === location.hash) return;
    const url = `${location.pathname}${location.search}${hash}`;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  destroy(): void {
    removeEventListener('popstate', this.listener);
  }
}
