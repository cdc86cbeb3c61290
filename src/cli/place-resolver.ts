/** place-resolver: the build's place resolver, on the installed gazetteer, with suggestions for unknown names. */
import { loadGazetteer } from './gazetteer-cache.js';
import { documentResolver } from '../compiler/resolve.js';
import { withSuggestions } from '../compiler/places/suggest.js';
import type { Resolver } from '../compiler/document-places.js';

export function placeResolver(): Resolver {
  const g = loadGazetteer();
  return withSuggestions(g, documentResolver(g));
}
