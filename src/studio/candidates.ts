/**
 * candidates: a place's gazetteer candidates (the lookup of `npm run place`, done by the studio's
 * server) as a list of radio buttons and on a small map of the site's own offline basemap: numbered
 * circles coloured by kind and sized by population. Choosing one, by keyboard, click or on the map,
 * calls back with it; the page then pins the place to it.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { LngLatBounds } from 'maplibre-gl';
import { FONT } from '../basemap/fonts.js';
import { currentTheme } from '../basemap/palette.js';
import type { PlaceLookup, PlaceRow } from '../compiler/places/lookup.js';
import { createMap } from '../map/map.js';
import { isPinned } from './pin.js';

const SOURCE = 'candidates';
/** Circle colour by kind of place (the list says the kind in words too). */
const kindColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'site',
  '#7a1f5c',
  'city',
  '#1f5fa8',
  'region',
  '#2f7d32',
  'country',
  '#9a5b00',
  '#5d5d5d',
];
/** Circle radius in px by √population: 4 px for none, 14 px at 9 million. */
const radius: ExpressionSpecification = ['interpolate', ['linear'], ['sqrt', ['get', 'population']], 0, 4, 3000, 14];

const population = (n: number) => (n > 0 ? `population ${n.toLocaleString('en')}` : 'population unknown');
const where = (r: PlaceRow) => [r.admin1, r.country].filter(Boolean)[0] ?? '';

export class CandidateChooser {
  private map: MapLibreMap | null = null;
  private loaded = false;
  private lookup: PlaceLookup | null = null;
  private chosen = -1;
  private readonly list: HTMLElement;
  private readonly note: HTMLElement;
  private readonly mapBox: HTMLElement;

  constructor(
    private readonly box: HTMLFieldSetElement,
    private readonly onChoose: (row: PlaceRow, found: boolean) => void,
  ) {
    this.list = box.querySelector<HTMLElement>('.candidate-list')!;
    this.note = box.querySelector<HTMLElement>('.candidate-note')!;
    this.mapBox = box.querySelector<HTMLElement>('.candidate-map')!;
  }

  hide(message?: string): void {
    this.lookup = null;
    this.box.hidden = !message;
    this.note.textContent = message ?? '';
    this.list.replaceChildren();
    delete this.box.dataset.query;
  }

  /** Shows a lookup's rows, the pinned one (if any) checked. */
  show(lookup: PlaceLookup, attributes: Record<string, string>): void {
    this.lookup = lookup;
    this.chosen = lookup.rows.findIndex((r) => isPinned(r, attributes));
    this.box.hidden = false;
    this.note.textContent =
      lookup.rows.length === 0
        ? `No place in the gazetteer is called “${lookup.query}”, nor anything close.`
        : !lookup.found
          ? `No place is called “${lookup.query}”; the closest names:`
          : this.chosen >= 0
            ? `Pinned to ${this.chosen + 1}. Choose another to change the place.`
            : `Not pinned: the build takes the likeliest in context (best first${lookup.ambiguous ? '; ambiguous, so it warns' : ''}). Choose one to pin it.`;
    this.list.replaceChildren(
      ...lookup.rows.map((r, i) => {
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = 'candidate';
        input.value = String(i);
        input.checked = i === this.chosen;
        input.addEventListener('change', () => {
          if (input.checked) this.choose(i);
        });
        const label = document.createElement('label');
        label.className = 'candidate';
        const text = `${i + 1}. ${r.name}${r.matched && r.matched !== r.name ? ` (as “${r.matched}”)` : ''} — ${r.kind}, ${where(r)}, ${population(r.population)}`;
        label.append(input, ` ${text}`);
        return label;
      }),
    );
    this.box.dataset.query = lookup.query;
    this.draw();
  }

  /** Focus on the checked candidate (after the page re-rendered on a choice), else the first. */
  focus(): void {
    (
      this.list.querySelector<HTMLInputElement>('input:checked') ?? this.list.querySelector<HTMLInputElement>('input')
    )?.focus();
  }

  private choose(i: number): void {
    if (!this.lookup || i === this.chosen) return;
    this.onChoose(this.lookup.rows[i], this.lookup.found);
  }

  private features(): GeoJSON.FeatureCollection {
    const rows = this.lookup?.rows ?? [];
    return {
      type: 'FeatureCollection',
      features: rows.map((r, i) => ({
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
        properties: { n: i, label: `${i + 1}`, kind: r.kind, population: r.population, chosen: i === this.chosen },
      })),
    };
  }

  private draw(): void {
    const rows = this.lookup?.rows ?? [];
    this.mapBox.hidden = rows.length === 0;
    if (rows.length === 0) return;
    if (!this.map) this.map = this.create();
    if (!this.loaded) return; // drawn on load
    this.mapBox.dataset.drawn = 'no';
    (this.map.getSource(SOURCE) as GeoJSONSource).setData(this.features());
    const bounds = new LngLatBounds();
    for (const r of rows) bounds.extend([r.lon, r.lat]);
    this.map.resize();
    // Clear of the zoom buttons (top right) and the attribution (bottom right).
    this.map.fitBounds(bounds, { padding: { top: 26, bottom: 26, left: 26, right: 52 }, maxZoom: 6, duration: 0 });
    this.map.once('idle', () => {
      this.mapBox.dataset.drawn = this.lookup?.query ?? '';
    });
    this.map.triggerRepaint();
  }

  private create(): MapLibreMap {
    const overlay = {
      sources: { [SOURCE]: { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } },
      layers: [
        {
          id: 'candidate-circles',
          type: 'circle' as const,
          source: SOURCE,
          paint: {
            'circle-color': kindColour,
            'circle-radius': radius,
            'circle-opacity': 0.85,
            'circle-stroke-color': ['case', ['get', 'chosen'], '#111', '#fff'] as ExpressionSpecification,
            'circle-stroke-width': ['case', ['get', 'chosen'], 3, 1] as ExpressionSpecification,
          },
        },
        {
          id: 'candidate-numbers',
          type: 'symbol' as const,
          source: SOURCE,
          layout: {
            'text-field': ['get', 'label'] as ExpressionSpecification,
            'text-font': [...FONT.regular],
            'text-size': 12,
            'text-offset': [0, -1.3] as [number, number],
            'text-allow-overlap': false,
            'symbol-sort-key': ['get', 'n'] as ExpressionSpecification,
          },
          paint: { 'text-color': '#111', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
        },
      ],
      underLabels: new Set<string>(),
    };
    const map = createMap(this.mapBox, null, currentTheme(), overlay, {
      projection: 'flat',
      label: 'Map of the candidates, numbered as in the list',
    });
    map.on('load', () => {
      this.loaded = true;
      // The attribution folded to its (i) button: open, it covers a third of so small a map.
      this.mapBox.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      this.draw();
    });
    map.on('click', 'candidate-circles', (e) => {
      const n = e.features?.[0]?.properties?.n;
      if (typeof n === 'number') this.choose(n);
    });
    map.on('mouseenter', 'candidate-circles', () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'candidate-circles', () => {
      map.getCanvas().style.cursor = '';
    });
    return map;
  }
}
