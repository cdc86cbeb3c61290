/** place-index: the build's gazetteer and resolver as the place recogniser uses them. Pure, given a gazetteer. */
import { findGeonames, indexOf, nameTypeOf, postingsOf, type Gazetteer } from '../compiler/gazetteer.js';
import { documentResolver } from '../compiler/resolve.js';
import { normalizeName, stripPossessive } from '../compiler/places/normalize.js';
import type { PlaceIndex } from './places.js';

export function placeIndex(g: Gazetteer): PlaceIndex {
  const x = indexOf(g);
  return {
    // A name the gazetteer spells otherwise ("Hodeidah", Al Ḩudaydah) in a story on its country is
    // proposed as that place, pinned, for the reviewer to confirm.
    resolve: documentResolver(g, undefined, { unknown: 'spelling' }),
    population(place) {
      if (!place.geonames) return 0;
      const i = findGeonames(x, place.geonames);
      return i >= 0 ? x.population[i] : 0;
    },
    nameTypes(text) {
      return [...postingsOf(x, normalizeName(stripPossessive(text)))].map(nameTypeOf);
    },
  };
}
