/** Shared by the suggest tests: the real gazetteer, catalogue and tagger, loaded once. */
import { readFileSync } from 'node:fs';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { parseCatalogue } from '../../src/suggest/catalogue.js';
import { placeIndex } from '../../src/suggest/place-index.js';
import { suggest, type Suggested } from '../../src/suggest/suggest.js';
import { compromiseTagger } from '../../src/suggest/tagger.js';
import type { PlaceIndex } from '../../src/suggest/places.js';

let index: PlaceIndex | null = null;
export const catalogue = parseCatalogue(readFileSync(new URL('../../data/weapons.yaml', import.meta.url), 'utf8'));
export const getIndex = () => (index ??= placeIndex(loadGazetteer()));

export function suggestFor(
  text: string,
  published: string | null = '2024-11-22',
  docId = 'doc',
  knownWeapons?: ReadonlySet<string>,
): Suggested {
  return suggest(text, { docId, published, index: getIndex(), catalogue, tagger: compromiseTagger, knownWeapons });
}

export const labels = (text: string, s: Suggested, kind: string) =>
  s.suggestions.filter((x) => x.kind === kind).map((x) => text.slice(x.start, x.end));
