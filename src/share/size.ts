/**
 * How tall the embed is at a given width. The map's height follows the iframe's width (never its
 * height, which the host sets from what the embed reports: a height that depended on it would loop).
 * The share dialog uses the same numbers to preview a snippet's size and to give the plain iframe a
 * starting height before the resize script corrects it.
 */

/** Map height: `ratio` × width, kept between `min` and `max` (px). */
export const MAP_HEIGHT = { min: 280, ratio: 0.62, max: 560 } as const;

/** Widths the embed is designed for (px); narrower or wider still works, with scrolling or margins. */
export const EMBED_WIDTH = { min: 280, max: 1200 } as const;

/** Below this width (px) the embed shows a feature's details under the map, not in a popup, and starts with the legend folded. */
export const NARROW = 600;

/** The CSS height of the map, for the embed's stylesheet: the same rule as mapHeight(). */
export function mapHeightCss(): string {
  return `clamp(${MAP_HEIGHT.min}px, ${MAP_HEIGHT.ratio * 100}vw, ${MAP_HEIGHT.max}px)`;
}

export function mapHeight(width: number): number {
  return Math.round(Math.min(MAP_HEIGHT.max, Math.max(MAP_HEIGHT.min, MAP_HEIGHT.ratio * width)));
}

/**
 * Rough height (px) of the whole embed at a width, with the legend as it starts (folded when narrow):
 * map, title, legend and footer. Measured on the bundled data; the live embed reports its exact height.
 */
export function estimatedHeight(width: number, hasTitle: boolean): number {
  const title = hasTitle ? (width < 450 ? 49 : 28) : 0;
  const legend = width < NARROW ? 39 : width < 680 ? 253 : width < 1000 ? 228 : 204;
  const footer = 35;
  return Math.ceil(mapHeight(width) + title + legend + footer);
}
