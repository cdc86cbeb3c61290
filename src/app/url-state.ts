/**
 * The URL as the app's state: view, hidden layers and selected feature live in the hash, e.g.
 *   #map=4.20/48.4600/35.0400&hide=ranges,status:unverified&sel=ev-2024-11-21-dnipro
 * parseHash/formatHash are pure; UrlState glues them to the History API: pushState for meaningful
 * changes (toggles, selection), replaceState while panning, and popstate restores.
 */
export interface View {
  /** [longitude, latitude] in degrees. */
  center: [number, number];
  zoom: number;
}

export interface AppState {
  view: View | null;
  hidden: string[];
  selected: string | null;
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
