/**
 * pin: a place annotation pinned to one of its gazetteer candidates (`geonames=` or `wikidata=`), as
 * the studio's candidate chooser sets it. Pure.
 */
import type { PlaceRow } from '../compiler/places/lookup.js';

/** Whether the annotation's pin (`geonames=`, `wikidata=`) is this candidate. */
export function isPinned(row: PlaceRow, attributes: Record<string, string>): boolean {
  return (
    (row.geonames !== null && attributes.geonames === String(row.geonames)) ||
    (row.wikidata !== null && attributes.wikidata === row.wikidata)
  );
}

/** The place's attributes once pinned to a candidate: its pin replaces any other pin or point; a suggestion's name replaces the name looked up. */
export function pinTo(attributes: Record<string, string>, row: PlaceRow, found: boolean): Record<string, string> {
  const next = { ...attributes };
  for (const k of ['geonames', 'wikidata', 'at', 'precision']) delete next[k];
  if (!found) next.name = row.name;
  if (next.kind) next.kind = row.kind;
  if (row.geonames !== null) next.geonames = String(row.geonames);
  else if (row.wikidata !== null) next.wikidata = row.wikidata;
  return next;
}
