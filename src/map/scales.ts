/**
 * Every visual encoding of the data, in one place: the map layers and the legend both read from here.
 *
 *   event type      → marker colour (Okabe–Ito, safe for colour-vision deficiency)
 *   magnitude       → marker radius (square root: area proportional to the number)
 *   precision 3–5   → a soft, wide halo instead of a crisp pin
 *   claim status    → marker solid / ringed / hatched / dashed; band colour, solid / hatched / muted
 *   range basis     → band edge (solid / dashed / dotted)
 */
import { scaleSqrt } from 'd3-scale';
import type { ExpressionSpecification } from 'maplibre-gl';
import { CLAIM_STATUSES, RANGE_BASES, type ClaimStatus, type RangeBasis } from '../contract';
import type { Theme } from '../basemap/palette';
import TYPE_COLOURS from '../../data/types.json' with { type: 'json' };
import { FALLBACK_COLOUR } from '../constants';

/** Okabe & Ito (2008), minus black and yellow, which vanish on a dark or light basemap. */
export const OKABE_ITO = ['#D55E00', '#E69F00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9'] as const;
/** For types that data/types.json does not list: a neutral grey (the build warns and names the table). */
export const OTHER_COLOUR = FALLBACK_COLOUR;

/**
 * Event type → colour, declared once in `data/types.json` (see data/README.md): a colour never depends
 * on which types a build or a story holds, or in what order, so a map already published keeps its
 * colours when a type is added.
 */
export const TYPE_COLOUR: Readonly<Record<string, string>> = TYPE_COLOURS;

/** The declared types, in the table's order. */
export const KNOWN_TYPES = Object.keys(TYPE_COLOUR);

/** The data's types, each once, in the table's order, then the undeclared ones alphabetically (the legend's order). */
export function registerTypes(types: Iterable<string>): string[] {
  const rank = (t: string) => {
    const i = KNOWN_TYPES.indexOf(t);
    return i < 0 ? KNOWN_TYPES.length : i;
  };
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function colourOfType(type: string): string {
  return Object.hasOwn(TYPE_COLOUR, type) ? TYPE_COLOUR[type] : OTHER_COLOUR;
}

/** "missile-strike" → "Missile strike". */
export function typeLabel(type: string): string {
  const words = type.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Marker radius in px for a magnitude; null magnitude → the plain marker size. */
/**
 * Unreviewed suggestions (`pending: true`, the dev server's data only): drawn in a colour no status or
 * type uses, as a dashed ring round the marker and a dotted line on a band's edge; popups say so in words.
 */
export const PENDING_COLOUR = '#b0007a';
export const PENDING_RING_RADIUS = 16;
/** A dashed ring image (patterns.ts draws `atlas-marker-dashed-…` ids on demand). */
export const PENDING_RING = `atlas-marker-dashed-${PENDING_COLOUR}-${PENDING_RING_RADIUS}`;
export const PENDING_LABEL = 'Unreviewed suggestion';
export const PENDING_DESCRIPTION =
  'proposed by npm run suggest and not yet reviewed; shown by the dev server only, never published';

export const MARKER_RADIUS = 7;
export const magnitudeRadius = scaleSqrt().domain([0, 200]).range([0, 22]).clamp(false);

export function markerRadius(magnitude: number | null): number {
  return magnitude == null || !(magnitude > 0) ? MARKER_RADIUS : Math.max(MARKER_RADIUS, magnitudeRadius(magnitude));
}

/** Halo radius (px) around imprecise events, by precision level: a wider halo the vaguer the place. */
export const PRECISION_HALO: Record<number, number> = { 3: 22, 4: 34, 5: 46 };
/** Precision levels from which an event is drawn as a soft area, not a pin. */
export const IMPRECISE_FROM = 3;

/** The outline of an imprecise event's region or country while it is hovered or selected: mid grey reads on both themes. */
export const PLACE_OUTLINE = {
  line: '#6b6b6b',
  lineWidth: 1.8,
  dash: [3, 1.5] as [number, number],
  fill: '#7a7a7a',
  fillOpacity: 0.14,
} as const;

export const PRECISION_LABEL: Record<number, string> = {
  1: 'exact place',
  2: 'town or city',
  3: 'region (oblast, state)',
  4: 'country',
  5: 'continent or wider area',
};

/**
 * How a claim's status looks, beyond colour (so that it reads in greyscale and for colour-blind
 * readers): markers are solid, ringed, hatched or dashed; bands solid, hatched or muted.
 */
export type MarkerPattern = 'solid' | 'ring' | 'hatch' | 'dashed';
export type BandPattern = 'solid' | 'hatch' | 'muted';

export interface StatusStyle {
  label: string;
  /** What the reader should understand. */
  description: string;
  /** Event marker: fill opacity, outline colour and width (px), and the pattern drawn over it. */
  markerFill: number;
  markerStroke: 'contrast' | 'type' | 'heavy' | 'none';
  markerStrokeWidth: number;
  markerPattern: MarkerPattern;
  /** Range band: fill and edge opacity, and its pattern. */
  bandFill: number;
  bandEdge: number;
  bandPattern: BandPattern;
}

export const STATUS_STYLE: Record<ClaimStatus, StatusStyle> = {
  reported: {
    label: 'Reported',
    description: 'attributed report',
    markerFill: 0.95,
    markerStroke: 'contrast',
    markerStrokeWidth: 1.5,
    markerPattern: 'solid',
    bandFill: 0.2,
    bandEdge: 1,
    bandPattern: 'solid',
  },
  claimed: {
    label: 'Claimed',
    description: "a party's own claim",
    markerFill: 0.35,
    markerStroke: 'type',
    markerStrokeWidth: 2.5,
    markerPattern: 'ring',
    bandFill: 0.16,
    bandEdge: 0.95,
    bandPattern: 'solid',
  },
  disputed: {
    label: 'Disputed',
    description: 'contested by others',
    markerFill: 0.12,
    markerStroke: 'heavy',
    markerStrokeWidth: 2,
    markerPattern: 'hatch',
    bandFill: 0.06,
    bandEdge: 0.95,
    bandPattern: 'hatch',
  },
  unverified: {
    label: 'Unverified',
    description: 'not confirmed elsewhere',
    markerFill: 0.1,
    markerStroke: 'none',
    markerStrokeWidth: 0,
    markerPattern: 'dashed',
    bandFill: 0.07,
    bandEdge: 0.6,
    bandPattern: 'muted',
  },
};

/** Statuses whose markers get a pattern drawn over them (an icon, see patterns.ts). */
export const PATTERNED_STATUSES = CLAIM_STATUSES.filter((s) =>
  ['hatch', 'dashed'].includes(STATUS_STYLE[s].markerPattern),
);
/** Width (px) of a dashed marker ring and of hatch stripes; dash and gap lengths (px). */
export const PATTERN = { stroke: 1.8, dash: 3, gap: 2.5, hatchSpacing: 4 } as const;

/** Range bands are coloured by claim status (muted grey for unverified). */
export const RANGE_STATUS_COLOUR: Record<Theme, Record<ClaimStatus, string>> = {
  light: { reported: '#332288', claimed: '#1b7f79', disputed: '#882255', unverified: '#7d7d7d' },
  dark: { reported: '#9a8cf0', claimed: '#4fc7bb', disputed: '#e27fa8', unverified: '#9a9a9a' },
};

/**
 * Ranges whose claims state different values for the same weapon (`conflicts_with`): each value is its
 * own band, never an average, and the map, legend and popup say so in these words.
 */
export const CONFLICT = {
  label: 'Conflicting claims',
  description: 'sources give different values; each is drawn as its own band, none is averaged',
  /** Appended to the band's label on the map. */
  mapNote: 'conflicting claims',
} as const;

/**
 * Range (km) beyond which the flat map distorts a band badly enough that the globe is the suggested
 * view: at 2,000 km a band around 50° N already spans more than 50° of longitude on Mercator.
 */
export const GLOBE_SUGGEST_KM = 2000;

export interface BasisStyle {
  label: string;
  description: string;
  /** Edge dash pattern in line widths; [1, 0] is solid. */
  dash: [number, number];
}

export const BASIS_STYLE: Record<RangeBasis, BasisStyle> = {
  stated: { label: 'Stated', description: 'range given in the source', dash: [1, 0] },
  class: { label: 'From weapon class', description: 'typical range of the class the source names', dash: [4, 2] },
  added: { label: 'Added by annotator', description: 'range the source does not give', dash: [0.6, 1.6] },
};

/** Outline colours that contrast with the basemap, per theme. */
export const CONTRAST: Record<Theme, { stroke: string; heavy: string; text: string; halo: string }> = {
  light: { stroke: '#ffffff', heavy: '#1a1a1a', text: '#1a1a1a', halo: '#ffffff' },
  dark: { stroke: '#111111', heavy: '#f2f2f2', text: '#f2f2f2', halo: '#111111' },
};

// ---------- MapLibre expressions built from the scales above ----------

/**
 * An expression assembled at run time (spread pairs, nested parts): its shape is fixed by the code
 * below, not checkable against MapLibre's tuple types, so this is the one place that asserts it.
 */
function expression(parts: unknown[]): ExpressionSpecification {
  return parts as ExpressionSpecification;
}

function match<T extends string | number>(
  key: string,
  values: Record<string, T>,
  fallback: T,
): ExpressionSpecification {
  const pairs = Object.entries(values).flat();
  return expression(['match', ['get', key], ...pairs, fallback]);
}

/**
 * Marker colour: each event feature carries its type's colour from `colourOfType` (property `colour`),
 * so the layer's expression need not change when the data brings a new type.
 */
export function typeColourExpression(): ExpressionSpecification {
  return expression(['coalesce', ['get', 'colour'], OTHER_COLOUR]);
}

/** Magnitudes at which the map samples markerRadius (markerRadiusExpression). */
const RADIUS_STOPS = [0, 10, 25, 50, 100, 200, 400, 800];

/** Marker radius by magnitude: d3's scaleSqrt sampled at stops, interpolated linearly between them. */
export function markerRadiusExpression(): ExpressionSpecification {
  const stops = RADIUS_STOPS.flatMap((m) => [m, markerRadius(m)]);
  return expression([
    'case',
    ['==', ['typeof', ['get', 'magnitude']], 'number'],
    ['interpolate', ['linear'], ['get', 'magnitude'], ...stops],
    MARKER_RADIUS,
  ]);
}

/** What markerRadiusExpression gives a feature, computed here: the same stops, the same straight lines between them. */
export function markerRadiusAt(magnitude: number | null): number {
  if (typeof magnitude !== 'number') return MARKER_RADIUS;
  const i = RADIUS_STOPS.findIndex((m) => m > magnitude);
  if (i === 0) return markerRadius(RADIUS_STOPS[0]);
  if (i < 0) return markerRadius(RADIUS_STOPS[RADIUS_STOPS.length - 1]);
  const [m0, m1] = [RADIUS_STOPS[i - 1], RADIUS_STOPS[i]];
  const [r0, r1] = [markerRadius(m0), markerRadius(m1)];
  return r0 + ((magnitude - m0) / (m1 - m0)) * (r1 - r0);
}

export function haloRadiusExpression(): ExpressionSpecification {
  const halo = Object.fromEntries(Object.entries(PRECISION_HALO).map(([k, v]) => [k, v]));
  const pairs = Object.entries(halo).flatMap(([k, v]) => [Number(k), v]);
  // The halo is never smaller than the marker it surrounds.
  return expression(['max', ['match', ['get', 'precision'], ...pairs, 0], ['*', 1.6, markerRadiusExpression()]]);
}

export function statusExpression<K extends keyof StatusStyle>(key: K): ExpressionSpecification {
  const values = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, STATUS_STYLE[s][key] as never]));
  return match('status', values, STATUS_STYLE.unverified[key] as never);
}

export function markerStrokeExpression(theme: Theme): ExpressionSpecification {
  const c = CONTRAST[theme];
  const colour = { contrast: c.stroke, heavy: c.heavy, type: null, none: null } as const;
  const pairs = CLAIM_STATUSES.flatMap((s) => [s, colour[STATUS_STYLE[s].markerStroke] ?? typeColourExpression()]);
  return expression(['match', ['get', 'status'], ...pairs, typeColourExpression()]);
}

export function markerStrokeWidthExpression(): ExpressionSpecification {
  return statusExpression('markerStrokeWidth');
}

/**
 * Id of the pattern icon drawn over a patterned marker: `atlas-marker-<pattern>-<colour>-<radius>`,
 * generated on demand (patterns.ts parses it back), so stripes and dashes keep their width at any size.
 */
export function markerPatternExpression(): ExpressionSpecification {
  return expression([
    'concat',
    'atlas-marker-',
    statusExpression('markerPattern'),
    '-',
    typeColourExpression(),
    '-',
    ['to-string', ['round', markerRadiusExpression()]],
  ]);
}

/**
 * The pattern icon markerPatternExpression names for an event, or null when its status draws none: the
 * app adds these images before the data, so that no tile has to be laid out again for want of one.
 */
export function markerPatternId(p: { status: ClaimStatus; type: string; magnitude: number | null }): string | null {
  if (!PATTERNED_STATUSES.includes(p.status)) return null;
  return `atlas-marker-${STATUS_STYLE[p.status].markerPattern}-${colourOfType(p.type)}-${Math.round(markerRadiusAt(p.magnitude))}`;
}

/** Id of the hatch pattern that fills disputed bands in a theme: `atlas-band-hatch-<colour>`. */
export function bandHatchImage(theme: Theme): string {
  return `atlas-band-hatch-${RANGE_STATUS_COLOUR[theme].disputed}`;
}

export function rangeColourExpression(theme: Theme): ExpressionSpecification {
  return match('status', RANGE_STATUS_COLOUR[theme], RANGE_STATUS_COLOUR[theme].unverified);
}

/** Dots need round caps; dashes and solid edges keep butt caps. */
export function basisCapExpression(): ExpressionSpecification {
  return expression(['match', ['get', 'basis'], 'added', 'round', 'butt']);
}

export function basisDashExpression(): ExpressionSpecification {
  const pairs = RANGE_BASES.flatMap((b) => [b, ['literal', BASIS_STYLE[b].dash]]);
  return expression(['match', ['get', 'basis'], ...pairs, ['literal', BASIS_STYLE.added.dash]]);
}
