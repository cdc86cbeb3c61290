/**
 * The offline basemap as a MapLibre style: land and sea, country borders (Natural Earth 1:110m, then
 * 1:50m closer in), admin-1 region lines, country and city labels in bundled fonts. Every file is
 * served by the site itself (`public/basemap/`, derived by scripts/basemap.ts); nothing leaves the origin.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { FONT, fontFaces } from './fonts';
import { PALETTES, type Theme } from './palette';

/** Zoom at which the 1:50m layers replace the 1:110m ones. */
export const DETAIL_ZOOM = 3;
/** Zoom from which admin-1 region lines show. */
export const REGION_ZOOM = 4;

/** Basemap layer ids; data layers go between BASEMAP_LABELS_BELOW and the labels. */
export const BASEMAP_LAYER = {
  sea: 'basemap-sea',
  land110: 'basemap-land-110m',
  land50: 'basemap-land-50m',
  regions: 'basemap-admin1-lines',
  borders110: 'basemap-borders-110m',
  borders50: 'basemap-borders-50m',
  cityDots: 'basemap-city-dots',
  cities: 'basemap-cities',
  countries: 'basemap-countries',
} as const;

/** The first label layer: data bands go below it, so place names stay readable. */
export const BASEMAP_LABELS_BELOW = BASEMAP_LAYER.borders110;

/**
 * Files under `<base>basemap/`, by source id. Sources marked lazy start empty (see lazy.ts): they are
 * loaded from `lazyFromZoom` on, ahead of `drawnFromZoom`, where their layers start.
 */
export const BASEMAP_FILES = {
  'basemap-land-110m': { file: 'land-110m.geojson' },
  'basemap-borders-110m': { file: 'borders-110m.geojson' },
  'basemap-land-50m': { file: 'land-50m.geojson', lazyFromZoom: DETAIL_ZOOM - 1, drawnFromZoom: DETAIL_ZOOM },
  'basemap-borders-50m': { file: 'borders-50m.geojson', lazyFromZoom: DETAIL_ZOOM - 1, drawnFromZoom: DETAIL_ZOOM },
  'basemap-admin1-lines': { file: 'admin1-lines.geojson', lazyFromZoom: REGION_ZOOM - 0.5, drawnFromZoom: REGION_ZOOM },
  'basemap-places': { file: 'places.geojson' },
} as const satisfies Record<string, { file: string; lazyFromZoom?: number; drawnFromZoom?: number }>;

export type BasemapSourceId = keyof typeof BASEMAP_FILES;

/** Absolute URL of a basemap file: GeoJSON is fetched by the worker, which has another base URL. */
export function basemapUrl(file: string, base: string): string {
  return new URL(`${base}basemap/${file}`, document.baseURI).href;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function sources(base: string): Record<string, SourceSpecification> {
  const out: Record<string, SourceSpecification> = {};
  for (const [id, spec] of Object.entries(BASEMAP_FILES)) {
    const lazy = 'lazyFromZoom' in spec;
    // Small tolerance: the files are already simplified; 0.5 px keeps borders crisp.
    out[id] = { type: 'geojson', data: lazy ? EMPTY : basemapUrl(spec.file, base), tolerance: 0.5, buffer: 16 };
  }
  return out;
}

/** The basemap's layers for a theme; only paint differs between themes. */
export function basemapLayers(theme: Theme): LayerSpecification[] {
  const p = PALETTES[theme];
  const country = ['==', ['get', 'kind'], 'country'] as const;
  const city = (maxRank: number) => ['all', ['==', ['get', 'kind'], 'city'], ['<=', ['get', 'rank'], maxRank]];
  // Cities of rank 1 from zoom 2, rank 2 from 4, rank 3 from 5 (ranks: scripts/basemap.ts). Zoom in a
  // filter is evaluated at integer zooms only.
  const cityFilter = ['step', ['zoom'], city(0), 2, city(1), 4, city(2), 5, city(3)];
  return [
    { id: BASEMAP_LAYER.sea, type: 'background', paint: { 'background-color': p.sea } },
    // The 1:110m layers have no maxzoom until the 1:50m data has loaded (lazy.ts narrows them then),
    // so zooming in never shows a map without land.
    {
      id: BASEMAP_LAYER.land110,
      type: 'fill',
      source: 'basemap-land-110m',
      paint: { 'fill-color': p.land, 'fill-outline-color': p.coast },
    },
    {
      id: BASEMAP_LAYER.land50,
      type: 'fill',
      source: 'basemap-land-50m',
      minzoom: DETAIL_ZOOM,
      paint: { 'fill-color': p.land, 'fill-outline-color': p.coast },
    },
    {
      id: BASEMAP_LAYER.regions,
      type: 'line',
      source: 'basemap-admin1-lines',
      minzoom: REGION_ZOOM,
      paint: {
        'line-color': p.region,
        'line-width': ['interpolate', ['linear'], ['zoom'], REGION_ZOOM, 0.5, 8, 1.2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: BASEMAP_LAYER.borders110,
      type: 'line',
      source: 'basemap-borders-110m',
      paint: { 'line-color': p.border, 'line-width': 0.6 },
    },
    {
      id: BASEMAP_LAYER.borders50,
      type: 'line',
      source: 'basemap-borders-50m',
      minzoom: DETAIL_ZOOM,
      paint: { 'line-color': p.border, 'line-width': ['interpolate', ['linear'], ['zoom'], DETAIL_ZOOM, 0.7, 8, 1.4] },
    },
    {
      id: BASEMAP_LAYER.cityDots,
      type: 'circle',
      source: 'basemap-places',
      filter: cityFilter as never,
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 2, 1.5, 8, 3], 'circle-color': p.cityDot },
    },
    {
      id: BASEMAP_LAYER.cities,
      type: 'symbol',
      source: 'basemap-places',
      filter: cityFilter as never,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONT.regular],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          2,
          ['match', ['get', 'rank'], 1, 11, 10],
          8,
          ['match', ['get', 'rank'], 1, 15, 13],
        ],
        'text-anchor': 'left',
        'text-offset': [0.5, 0],
        'text-max-width': 8,
        'symbol-sort-key': ['-', 0, ['get', 'population']],
      },
      paint: { 'text-color': p.cityLabel, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
    {
      id: BASEMAP_LAYER.countries,
      type: 'symbol',
      source: 'basemap-places',
      filter: ['all', country, ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 3, 2, 4, 3, 5, 4]]] as never,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONT.regular],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          1,
          ['match', ['get', 'rank'], 1, 11, 9],
          6,
          ['match', ['get', 'rank'], 1, 16, 13],
        ],
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': p.countryLabel, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
  ];
}

export interface BasemapOptions {
  /** Base URL the site is served under (`import.meta.env.BASE_URL`). */
  base: string;
  theme: Theme;
}

/** The whole offline basemap style; data layers are added on top by the app. */
export function basemapStyle({ base, theme }: BasemapOptions): StyleSpecification {
  return {
    version: 8,
    name: 'Source Atlas offline basemap',
    projection: { type: 'globe' },
    'font-faces': fontFaces(),
    sources: sources(base),
    layers: basemapLayers(theme),
  };
}
