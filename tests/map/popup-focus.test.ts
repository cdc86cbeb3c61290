import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { focusTargetOf, placeBeforeControls } from '../../src/map/popup-view';

/** linkedom's document under the DOM's own types: it implements what these helpers use. */
function dom(html: string): Document {
  // biome-ignore lint/plugin: typed boundary: linkedom's document implements the DOM these helpers use, under its own types
  return parseHTML(html).document as unknown as Document;
}

/** A map container as MapLibre lays it out: canvas, controls, then a popup appended after them. */
function mapContainer() {
  const document = dom(
    '<div id="map"><div class="maplibregl-canvas-container"><canvas tabindex="0"></canvas></div><div class="maplibregl-control-container"><button class="zoom-in"></button></div><div class="maplibregl-popup"><nav class="popup chooser"><button class="choice" data-id="a"></button><button class="choice" data-id="b"></button></nav></div></div>',
  );
  return { document, container: document.getElementById('map') as HTMLElement };
}

const order = (container: HTMLElement) => [...container.children].map((c) => c.className);

describe('placeBeforeControls: the popup comes right after the map in Tab order', () => {
  it('moves a popup MapLibre appended after the controls to just before them', () => {
    const { container } = mapContainer();
    const popup = container.querySelector('.maplibregl-popup') as HTMLElement;
    expect(order(container)).toEqual([
      'maplibregl-canvas-container',
      'maplibregl-control-container',
      'maplibregl-popup',
    ]);
    placeBeforeControls(container, popup);
    expect(order(container)).toEqual([
      'maplibregl-canvas-container',
      'maplibregl-popup',
      'maplibregl-control-container',
    ]);
    // The first Tab stop after the canvas is now the popup's first choice, not the zoom button.
    const stops = [...container.querySelectorAll('canvas, button')].map(
      (e) => e.getAttribute('data-id') ?? e.className ?? e.tagName,
    );
    expect(stops.slice(0, 3)).toEqual(['', 'a', 'b']);
    // Once in place, nothing moves again.
    placeBeforeControls(container, popup);
    expect(order(container)).toEqual([
      'maplibregl-canvas-container',
      'maplibregl-popup',
      'maplibregl-control-container',
    ]);
  });

  it("leaves a popup that is not the container's own child, or no popup, alone", () => {
    const { container, document } = mapContainer();
    const stray = document.createElement('div');
    placeBeforeControls(container, stray);
    placeBeforeControls(container, null);
    expect(order(container)).toEqual([
      'maplibregl-canvas-container',
      'maplibregl-control-container',
      'maplibregl-popup',
    ]);
  });
});

describe('focusTargetOf: where the keyboard goes when a popup opens', () => {
  it("is the chooser's first choice", () => {
    const { container } = mapContainer();
    const chooser = container.querySelector('.chooser') as HTMLElement;
    expect(focusTargetOf(chooser).getAttribute('data-id')).toBe('a');
  });

  it('is any other popup itself, focusable but not a Tab stop (tabindex -1), an existing tabindex kept', () => {
    const document = dom(
      '<article class="popup"><h3>Strike</h3></article><article class="popup" tabindex="0"></article>',
    );
    const [plain, scrolling] = [...document.querySelectorAll('article')];
    expect(focusTargetOf(plain)).toBe(plain);
    expect(plain.getAttribute('tabindex')).toBe('-1');
    expect(focusTargetOf(scrolling).getAttribute('tabindex')).toBe('0');
  });
});
