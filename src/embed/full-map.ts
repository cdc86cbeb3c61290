/**
 * full-map: the state "Open the full map" carries from the embed to the atlas. The view goes with it
 * only when someone chose it: the reader, by moving the map, or the embed's own URL (`#map=…`). A view
 * the embed framed for itself (a story's first fit, a step's camera) is the frame's, not the reader's:
 * fitted in a 335 px phone frame it pinned the full map to a zoom made for that frame, so the atlas,
 * whose map is another shape (a sheet over its foot on a phone), frames the story or the step itself.
 * Pure.
 */
import type { AppState } from '../map/url-state';

export function fullMapState(state: AppState, viewChosen: boolean): AppState {
  return viewChosen ? state : { ...state, view: null };
}
