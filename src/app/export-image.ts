/**
 * A picture of the current view, laid out for an article or a slide: title and subtitle, the map at
 * 1× or 2× pixel density with a scale bar, a legend of what is visible (drawn from scales.ts), the
 * sources' names and dates, and the basemap attribution. Everything is drawn on a 2D canvas in the
 * browser (no request leaves the site), then saved as PNG.
 *
 * The map is captured in its `render` event, while its drawing buffer still holds the frame, so the
 * map does not need `preserveDrawingBuffer` (which would slow every frame); so is the inset locator
 * map (src/map/inset.ts) when it shows, drawn where it stands on the map.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Claim, ClaimStatus, EventProperties, RangeBasis, RangeProperties } from '../contract';
import type { Box } from '../map/inset';
import { formatDate } from '../map/format';
import {
  BASIS_STYLE,
  CONFLICT,
  CONTRAST,
  PATTERN,
  RANGE_STATUS_COLOUR,
  STATUS_STYLE,
  colourOfType,
  typeLabel,
} from '../map/scales';

/** What is on screen, for the legend and the sources. */
export interface Visible {
  events: EventProperties[];
  ranges: RangeProperties[];
}

export interface ExportOptions {
  /** Pixel density of the image: 1 or 2 device pixels per CSS pixel. */
  scale: number;
  title: string;
  /** One line under the title: what the view shows (period, projection). */
  subtitle: string;
  visible: Visible;
  /** Plain-text basemap attribution. */
  attribution: string;
  /** The inset locator map while it shows: drawn where it stands on the map (its box in the map's CSS px). */
  inset?: { map: MapLibreMap; box: Box } | null;
}

/** Layout of the picture in CSS px (multiplied by `scale`), and its type. */
const LAYOUT = { margin: 24, titleSize: 24, textSize: 13, smallSize: 11, line: 18, swatch: 16, minWidth: 640 };
const FONT = "system-ui, 'DejaVu Sans', 'Liberation Sans', sans-serif";
const INK = { text: '#1c1c1c', muted: '#5f6368', rule: '#dedcd8', paper: '#ffffff' };

/** Great-circle distance in km (a sphere of 6,371 km is exact enough for a scale bar). */
export function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A round length (1, 2 or 5 × 10ⁿ km) that fits in `maxPx` at `kmPerPx`, and its length in px. */
export function scaleBar(kmPerPx: number, maxPx: number): { km: number; px: number } | null {
  if (!(kmPerPx > 0) || !Number.isFinite(kmPerPx)) return null;
  const max = kmPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= max) ?? pow;
  return { km, px: km / kmPerPx };
}

/** Km per CSS px at the centre of the view, measured along the screen's horizontal. */
export function kmPerPixel(map: MapLibreMap): number {
  const { width, height } = map.getCanvas().getBoundingClientRect();
  const y = height / 2;
  const a = map.unproject([width / 2 - 50, y]);
  const b = map.unproject([width / 2 + 50, y]);
  return haversineKm([a.lng, a.lat], [b.lng, b.lat]) / 100;
}

/**
 * Ids of the features drawn in the view, from point queries (a whole-viewport query is unreliable on
 * the globe): a grid over the canvas for large features such as bands, and the given [lon, lat]s
 * (markers) wherever they land on screen.
 */
export function renderedIds(map: MapLibreMap, layers: string[], at: Array<[number, number]>, grid = 12): Set<string> {
  const present = layers.filter((l) => map.getLayer(l));
  const { width, height } = map.getCanvas().getBoundingClientRect();
  const points: Array<[number, number]> = [];
  for (let i = 0; i < grid; i++)
    for (let j = 0; j < grid; j++) points.push([((i + 0.5) / grid) * width, ((j + 0.5) / grid) * height]);
  for (const ll of at) {
    const p = map.project(ll);
    if (p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height) points.push([p.x, p.y]);
  }
  const ids = new Set<string>();
  for (const [x, y] of points) {
    const box: [[number, number], [number, number]] = [
      [x - 2, y - 2],
      [x + 2, y + 2],
    ];
    for (const f of map.queryRenderedFeatures(box, { layers: present })) ids.add(String(f.properties?.id));
  }
  return ids;
}

/** "Fixture Wire: Title (2 Mar 2024)", one per document behind what is visible, sorted by date. */
/** What the sources line reads of each claim. */
type SourceClaim = Pick<Claim, 'document' | 'document_title' | 'publisher' | 'document_date'>;

export function sourceLines(visible: {
  events: Array<{ claims: SourceClaim[] }>;
  ranges: Array<{ claims: SourceClaim[] }>;
}): string[] {
  const docs = new Map<string, { text: string; date: string }>();
  for (const p of [...visible.events, ...visible.ranges]) {
    for (const c of p.claims ?? []) {
      const who = c.publisher ? `${c.publisher}: ` : '';
      const when = c.document_date ? ` (${formatDate(c.document_date)})` : ' (date not given)';
      docs.set(c.document, { text: `${who}${c.document_title}${when}`, date: c.document_date ?? '' });
    }
  }
  return [...docs.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text))
    .map((d) => d.text);
}

type Entry =
  | { kind: 'marker'; label: string; colour: string; status: ClaimStatus }
  | { kind: 'band'; label: string; status: ClaimStatus; basis: RangeBasis }
  | { kind: 'conflict'; label: string };

/** Legend entries for what is visible only: its event types, claim statuses, range bases, conflicts. */
export function legendEntries(visible: {
  events: Array<Pick<EventProperties, 'type' | 'status'>>;
  ranges: Array<Pick<RangeProperties, 'status' | 'basis' | 'conflicts_with'>>;
}): Entry[] {
  const entries: Entry[] = [];
  const types = [...new Set(visible.events.map((e) => e.type))];
  for (const t of types)
    entries.push({ kind: 'marker', label: typeLabel(t), colour: colourOfType(t), status: 'reported' });
  const statuses = new Set<ClaimStatus>([...visible.events, ...visible.ranges].map((p) => p.status));
  for (const s of ['reported', 'claimed', 'disputed', 'unverified'] as ClaimStatus[]) {
    if (!statuses.has(s)) continue;
    if (visible.events.some((e) => e.status === s))
      entries.push({ kind: 'marker', label: `${STATUS_STYLE[s].label} (event)`, colour: '#6b6b6b', status: s });
    if (visible.ranges.some((r) => r.status === s))
      entries.push({ kind: 'band', label: `${STATUS_STYLE[s].label} (range)`, status: s, basis: 'stated' });
  }
  const bases = [...new Set(visible.ranges.map((r) => r.basis))].filter((b) => b !== 'stated');
  for (const b of bases)
    entries.push({ kind: 'band', label: `Range ${BASIS_STYLE[b].label.toLowerCase()}`, status: 'reported', basis: b });
  if (visible.ranges.some((r) => r.conflicts_with?.length)) entries.push({ kind: 'conflict', label: CONFLICT.label });
  return entries;
}

function drawMarker(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  colour: string,
  status: ClaimStatus,
): void {
  const style = STATUS_STYLE[status];
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.globalAlpha = style.markerFill;
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.globalAlpha = 1;
  if (style.markerStroke !== 'none') {
    ctx.strokeStyle = { contrast: CONTRAST.light.stroke, heavy: CONTRAST.light.heavy, type: colour }[
      style.markerStroke
    ];
    ctx.lineWidth = style.markerStrokeWidth;
    ctx.stroke();
  }
  if (style.markerPattern === 'hatch') {
    ctx.clip();
    ctx.strokeStyle = colour;
    ctx.lineWidth = PATTERN.stroke * 0.8;
    for (let d = -2 * r; d < 2 * r; d += PATTERN.hatchSpacing) {
      ctx.beginPath();
      ctx.moveTo(x + d - r, y + r);
      ctx.lineTo(x + d + r, y - r);
      ctx.stroke();
    }
  } else if (style.markerPattern === 'dashed') {
    ctx.setLineDash([PATTERN.dash, PATTERN.gap]);
    ctx.strokeStyle = colour;
    ctx.lineWidth = PATTERN.stroke;
    ctx.stroke();
  }
  ctx.restore();
}

function drawBand(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  status: ClaimStatus,
  basis: RangeBasis,
): void {
  const colour = RANGE_STATUS_COLOUR.light[status];
  const style = STATUS_STYLE[status];
  ctx.save();
  ctx.fillStyle = colour;
  ctx.globalAlpha = Math.min(1, style.bandFill * 2);
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 1;
  if (style.bandPattern === 'hatch') {
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    ctx.strokeStyle = colour;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1.2;
    for (let d = -h; d < w + h; d += 4) {
      ctx.beginPath();
      ctx.moveTo(x + d, y + h);
      ctx.lineTo(x + d + h, y);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }
  const [dash, gap] = BASIS_STYLE[basis].dash;
  ctx.setLineDash(gap ? [dash * 1.8, gap * 1.8] : []);
  ctx.strokeStyle = colour;
  ctx.globalAlpha = style.bandEdge;
  ctx.lineWidth = 1.8;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w, y);
  ctx.stroke();
  ctx.restore();
}

/** Lines of text no wider than `width`, breaking at spaces. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Captures the map's next frame at `scale` device pixels per CSS pixel, then restores its density. */
export async function captureMap(map: MapLibreMap, scale: number): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  if (before !== scale) {
    map.setPixelRatio(scale);
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  }
  const copy = document.createElement('canvas');
  await new Promise<void>((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      copy.width = source.width;
      copy.height = source.height;
      (copy.getContext('2d') as CanvasRenderingContext2D).drawImage(source, 0, 0);
      resolve();
    });
    map.triggerRepaint();
  });
  if (before !== scale) map.setPixelRatio(before);
  return copy;
}

/** Where the map stands in the picture (CSS px from its top left): centred when the picture is wider than the view, under the title. */
export function mapOrigin(cssWidth: number): { x: number; y: number } {
  const width = Math.max(LAYOUT.minWidth, cssWidth);
  return { x: (width - cssWidth) / 2, y: LAYOUT.margin + LAYOUT.titleSize + 8 + LAYOUT.line + 10 };
}

/**
 * Lays out the picture around a captured map (`mapImage`, `cssWidth`×`cssHeight` CSS px at `scale`),
 * with the inset locator map's own capture (`inset`) drawn where it stands on the map.
 */
export function composeImage(
  mapImage: CanvasImageSource,
  cssWidth: number,
  cssHeight: number,
  kmPerPx: number,
  options: ExportOptions,
  inset: { image: CanvasImageSource; box: Box } | null = null,
): HTMLCanvasElement {
  const s = options.scale;
  const width = Math.max(LAYOUT.minWidth, cssWidth);
  const m = LAYOUT.margin;
  const measure = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  const text = (size: number, weight = 400) => `${weight} ${size}px ${FONT}`;

  // Heights first, then draw: legend rows, then sources and attribution, each wrapped to the width.
  const entries = legendEntries(options.visible);
  measure.font = text(LAYOUT.textSize);
  const slots = entries.map((e) => LAYOUT.swatch * 2 + 10 + measure.measureText(e.label).width + 18);
  const rows: number[][] = [[]];
  let used = 0;
  slots.forEach((w, i) => {
    if (used + w > width - 2 * m && rows[rows.length - 1].length) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(i);
    used += w;
  });
  measure.font = text(LAYOUT.smallSize);
  const sources = sourceLines(options.visible);
  const sourceText = wrap(measure, `Sources: ${sources.length ? sources.join('; ') : 'none visible'}.`, width - 2 * m);
  const credit = wrap(
    measure,
    `${options.attribution}. Made with Source Atlas: every mark traces to a sentence of its source; claims are shown as claims.`,
    width - 2 * m,
  );
  const { x: mapX, y: header } = mapOrigin(cssWidth);
  const legendHeight = entries.length ? 14 + rows.length * (LAYOUT.swatch + 12) : 0;
  const height = header + cssHeight + legendHeight + 12 + (sourceText.length + credit.length) * 15 + m;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * s);
  canvas.height = Math.round(height * s);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.scale(s, s);
  ctx.fillStyle = INK.paper;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';

  ctx.fillStyle = INK.text;
  ctx.font = text(LAYOUT.titleSize, 700);
  ctx.fillText(options.title, m, m + LAYOUT.titleSize - 4);
  ctx.fillStyle = INK.muted;
  ctx.font = text(LAYOUT.textSize);
  ctx.fillText(options.subtitle, m, m + LAYOUT.titleSize + 8 + 10);

  const mapY = header;
  ctx.drawImage(mapImage, mapX, mapY, cssWidth, cssHeight);
  if (inset) {
    const { left, top, right, bottom } = inset.box;
    ctx.drawImage(inset.image, mapX + left, mapY + top, right - left, bottom - top);
    ctx.strokeStyle = INK.rule;
    ctx.lineWidth = 1;
    ctx.strokeRect(mapX + left - 0.5, mapY + top - 0.5, right - left + 1, bottom - top + 1);
  }
  ctx.strokeStyle = INK.rule;
  ctx.lineWidth = 1;
  ctx.strokeRect(mapX + 0.5, mapY + 0.5, cssWidth - 1, cssHeight - 1);

  const bar = scaleBar(kmPerPx, 120);
  if (bar) {
    // Beside the inset when it stands in the lower left corner.
    const x = mapX + 12 + (inset ? inset.box.right : 0);
    const y = mapY + cssHeight - 14;
    ctx.fillStyle = 'rgb(255 255 255 / 0.85)';
    ctx.fillRect(x - 6, y - 20, bar.px + 12 + 60, 28);
    ctx.strokeStyle = INK.text;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, y - 6);
    ctx.lineTo(x, y);
    ctx.lineTo(x + bar.px, y);
    ctx.lineTo(x + bar.px, y - 6);
    ctx.stroke();
    ctx.fillStyle = INK.text;
    ctx.font = text(LAYOUT.smallSize, 600);
    ctx.fillText(`${bar.km.toLocaleString('en-GB')} km`, x + bar.px + 6, y);
    ctx.font = text(9);
    ctx.fillText('scale at the centre', x, y - 9);
  }

  let y = mapY + cssHeight + 14;
  ctx.font = text(LAYOUT.textSize);
  for (const row of rows) {
    let x = m;
    for (const i of row) {
      const e = entries[i];
      const cy = y + LAYOUT.swatch / 2;
      if (e.kind === 'marker') drawMarker(ctx, x + LAYOUT.swatch / 2, cy, 6, e.colour, e.status);
      else if (e.kind === 'band') drawBand(ctx, x, y + 3, LAYOUT.swatch * 2, LAYOUT.swatch - 6, e.status, e.basis);
      else {
        drawBand(ctx, x, y, LAYOUT.swatch * 1.4, LAYOUT.swatch - 6, 'claimed', 'stated');
        drawBand(ctx, x + LAYOUT.swatch * 0.6, y + 6, LAYOUT.swatch * 1.4, LAYOUT.swatch - 6, 'disputed', 'stated');
      }
      ctx.fillStyle = INK.text;
      ctx.fillText(e.label, x + LAYOUT.swatch * 2 + 8, y + LAYOUT.swatch - 3);
      x += slots[i];
    }
    y += LAYOUT.swatch + 12;
  }
  y += 4;
  ctx.font = text(LAYOUT.smallSize);
  ctx.fillStyle = INK.text;
  for (const line of sourceText) ctx.fillText(line, m, (y += 15));
  ctx.fillStyle = INK.muted;
  for (const line of credit) ctx.fillText(line, m, (y += 15));
  return canvas;
}

/** The whole picture of the current view as a PNG. */
export async function exportPng(map: MapLibreMap, options: ExportOptions): Promise<Blob> {
  const { width, height } = map.getCanvas().getBoundingClientRect();
  const kmPerPx = kmPerPixel(map);
  const image = await captureMap(map, options.scale);
  const inset = options.inset
    ? { image: await captureMap(options.inset.map, options.scale), box: options.inset.box }
    : null;
  const canvas = composeImage(image, Math.round(width), Math.round(height), kmPerPx, options, inset);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}

/** `source-atlas-2024-11-21.png`, `…@2x.png` for 2×. */
export function imageFileName(scale: number, date = new Date()): string {
  return `source-atlas-${date.toISOString().slice(0, 10)}${scale > 1 ? `@${scale}x` : ''}.png`;
}

/** A map control: "Save image" opens a choice of 1× and 2× PNG; choosing one downloads the picture. */
export class ExportControl implements IControl {
  private container: HTMLElement | null = null;

  constructor(private readonly options: (scale: number) => ExportOptions) {}

  onAdd(map: MapLibreMap): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group atlas-export';
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'atlas-ctrl-text';
    toggle.textContent = 'Save image';
    toggle.setAttribute('aria-expanded', 'false');
    const menu = document.createElement('div');
    menu.className = 'atlas-export-menu';
    menu.hidden = true;
    const status = document.createElement('p');
    status.className = 'atlas-export-status';
    status.setAttribute('role', 'status');
    const open = (yes: boolean) => {
      menu.hidden = !yes;
      toggle.setAttribute('aria-expanded', String(yes));
    };
    toggle.addEventListener('click', () => open(menu.hidden));
    for (const scale of [1, 2]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'atlas-ctrl-text';
      button.dataset.scale = String(scale);
      button.textContent = `PNG ${scale}×`;
      button.title = scale === 1 ? 'For the web: the view at screen size' : 'For print and slides: twice the pixels';
      button.addEventListener('click', async () => {
        status.textContent = 'Drawing the image…';
        try {
          const blob = await exportPng(map, this.options(scale));
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = imageFileName(scale);
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
          status.textContent = `Saved ${a.download}.`;
          open(false);
        } catch (err) {
          status.textContent = `The image could not be made: ${(err as Error).message}`;
        }
      });
      menu.append(button);
    }
    menu.append(status);
    container.append(toggle, menu);
    this.container = container;
    return container;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
