/**
 * The embed's URL: the app's own state parameters (view, hidden layers, selection; see
 * src/app/url-state.ts) plus a title, e.g.
 *
 *   embed.html?title=Strikes%20on%20Dnipro#map=5.00/48.4600/35.0400&hide=ranges&sel=dnipro-irbm-strike
 *
 * The state may sit in the hash (as the app writes it) or in the query (what some CMSs keep); the
 * hash wins. Unknown parameters (pym.js adds `initialWidth`, `childId`, `parentTitle`, `parentUrl`) are
 * ignored. Pure: strings in, strings out.
 */
import { STORY_ID } from '../contract.js';
import { formatHash, parseHash, type AppState } from '../map/url-state.js';

/**
 * The query parameter naming a story (`?map=kursk-strikes`): the map shows only that story's features,
 * its title and its description. (In the hash, `map=` is the view, as the app has always written it.)
 */
export const STORY_PARAM = 'map';

/** The story a page's query names, or null (none, or not a story id: the whole atlas). */
export function storyOf(search: string): string | null {
  const id = new URLSearchParams(search).get(STORY_PARAM);
  return id && STORY_ID.test(id) ? id : null;
}

export interface EmbedParams {
  state: AppState;
  /** The story shown (`?map=<id>`); null: the whole atlas. */
  story: string | null;
  /** Shown above the map and used as the page title; null for none. At most TITLE_MAX characters. */
  title: string | null;
}

/** Characters of the title kept: a headline, not an article. */
export const TITLE_MAX = 120;

/** File name of the embed page, beside index.html. */
export const EMBED_PAGE = 'embed.html';

export function parseEmbedParams(search: string, hash: string): EmbedParams {
  const fromQuery = parseHash(search.replace(/^\?/, ''));
  const fromHash = parseHash(hash);
  const title = new URLSearchParams(search).get('title')?.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX) || null;
  // Whatever the app's state holds (view, layers, selection, and what url-state.ts adds later), the hash's value where it gives one.
  const state: AppState = { ...fromQuery };
  for (const [key, value] of Object.entries(fromHash)) {
    if (value != null && !(Array.isArray(value) && value.length === 0)) Object.assign(state, { [key]: value });
  }
  return { state, title, story: storyOf(search) };
}

/** The embed's URL for a state (and a story), relative to `siteUrl` (the directory holding index.html). */
export function embedUrl(
  siteUrl: string,
  state: AppState,
  title: string | null = null,
  story: string | null = null,
): string {
  const url = new URL(EMBED_PAGE, siteUrl);
  if (story) url.searchParams.set(STORY_PARAM, story);
  const clean = title?.trim().slice(0, TITLE_MAX);
  if (clean) url.searchParams.set('title', clean);
  url.hash = formatHash(state);
  return url.href;
}

/** The full app's URL for a state (and a story). */
export function appUrl(siteUrl: string, state: AppState, story: string | null = null): string {
  const url = new URL('./', siteUrl);
  if (story) url.searchParams.set(STORY_PARAM, story);
  url.hash = formatHash(state);
  return url.href;
}
