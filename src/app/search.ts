/**
 * Text search over a large archive's list: place names, type, summary, claimants, publishers and the
 * excerpts' words, with MiniSearch (prefix and slightly fuzzy matches, all terms required). The library
 * and the index are loaded on the first search, not with the page.
 */
import type { EventFeature, RangeFeature } from '../contract';

export interface SearchDoc {
  id: string;
  text: string;
}

/** The words a feature is found by. */
export function searchText(f: EventFeature | RangeFeature): string {
  const p = f.properties;
  const claims = p.claims ?? [];
  const claimWords = claims.flatMap((c) => [c.claimant, c.publisher ?? '', c.document_title, c.excerpt]);
  // A large archive's event before its chunk is in has no claims, only its claimants (page-index.ts).
  const claimants = (p as { claimants?: string[] }).claimants ?? [];
  if ('places' in p)
    return [
      p.summary,
      p.type.replace(/-/g, ' '),
      ...p.places.map((x) => x.name),
      p.excerpt,
      ...claimants,
      ...claimWords,
    ].join(' ');
  return [p.label, p.weapon, p.weapon_class ?? '', p.origin_place ?? '', p.stated_text, p.excerpt, ...claimWords].join(
    ' ',
  );
}

export interface Searcher {
  /** Ids of the features matching every word of `query` (prefixes count), best first. */
  search(query: string): string[];
}

/** Builds the index of `features` (MiniSearch, loaded on demand). */
export async function createSearcher(features: Array<EventFeature | RangeFeature>): Promise<Searcher> {
  const { default: MiniSearch } = await import('minisearch');
  const index = new MiniSearch<SearchDoc>({
    fields: ['text'],
    storeFields: [],
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  index.addAll(features.map((f) => ({ id: f.properties.id, text: searchText(f) })));
  return { search: (query) => (query.trim() ? index.search(query).map((r) => String(r.id)) : []) };
}
