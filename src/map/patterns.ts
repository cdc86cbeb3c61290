/**
 * Images for the status patterns of scales.ts, drawn in code so no sprite file is needed: hatched and
 * dashed marker overlays, and the hatch that fills disputed bands. Ids encode what to draw (see
 * markerPatternExpression, bandHatchImage). Those the data needs are added with it (addPatterns), so
 * no tile is laid out twice; any other is drawn when a layer asks for it (`styleimagemissing`).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { PATTERN } from './scales';

/** Device pixels per CSS pixel the images are drawn at: crisp on high-density screens and in 2× exports. */
const RATIO = 2;

function canvas(size: number): CanvasRenderingContext2D {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  return c.getContext('2d') as CanvasRenderingContext2D;
}

function hatch(ctx: CanvasRenderingContext2D, size: number, colour: string, spacing: number): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = PATTERN.stroke * RATIO * 0.8;
  ctx.beginPath();
  for (let x = -size; x < 2 * size; x += spacing) {
    ctx.moveTo(x, size);
    ctx.lineTo(x + size, 0);
  }
  ctx.stroke();
}

/** A marker overlay of radius r (CSS px): diagonal stripes clipped to the disk, or a dashed ring. */
function markerImage(pattern: string, colour: string, r: number): ImageData | null {
  const size = Math.ceil((2 * r + 2 * PATTERN.stroke) * RATIO);
  const ctx = canvas(size);
  const c = size / 2;
  ctx.beginPath();
  ctx.arc(c, c, r * RATIO, 0, 2 * Math.PI);
  if (pattern === 'hatch') {
    ctx.save();
    ctx.clip();
    hatch(ctx, size, colour, PATTERN.hatchSpacing * RATIO);
    ctx.restore();
  } else if (pattern === 'dashed') {
    ctx.strokeStyle = colour;
    ctx.lineWidth = PATTERN.stroke * RATIO;
    ctx.setLineDash([PATTERN.dash * RATIO, PATTERN.gap * RATIO]);
    ctx.stroke();
  } else return null;
  return ctx.getImageData(0, 0, size, size);
}

/** A seamless tile of diagonal stripes for fill-pattern: the tile's side is a multiple of the spacing. */
function bandHatch(colour: string): ImageData {
  const size = 8 * RATIO;
  const ctx = canvas(size);
  ctx.globalAlpha = 0.55;
  hatch(ctx, size, colour, size / 2);
  return ctx.getImageData(0, 0, size, size);
}

/** The image an id asks for, or null when the id is not one of ours. */
export function patternImage(id: string): ImageData | null {
  const marker = /^atlas-marker-(hatch|dashed)-(#[0-9a-fA-F]{3,8})-(\d+)$/.exec(id);
  if (marker) return markerImage(marker[1], marker[2], Number(marker[3]));
  const band = /^atlas-band-hatch-(#[0-9a-fA-F]{3,8})$/.exec(id);
  if (band) return bandHatch(band[1]);
  return null;
}

/** Adds these pattern images now (those the map has already are left as they are). */
export function addPatterns(map: MapLibreMap, ids: Iterable<string>): void {
  for (const id of ids) {
    if (map.hasImage(id)) continue;
    const image = patternImage(id);
    if (image) map.addImage(id, image, { pixelRatio: RATIO });
  }
}

/**
 * Supplies pattern images to the map whenever a layer first asks for one that was not added
 * beforehand (addPatterns); the tiles that asked are then laid out again.
 */
export function installPatterns(map: MapLibreMap): void {
  map.on('styleimagemissing', (e: { id: string }) => addPatterns(map, [e.id]));
}
