/**
 * Entry of embed.html: the map for an article (see embed-atlas.ts), its height reported to the host
 * page (height.ts), and the static preview in its place where WebGL2 is missing.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import '../map/style.css';
import './embed.css';
import { installLegendColours } from '../map/legend';
import { startEmbed } from './embed-atlas';
import { reportHeight } from './height';
import { parseEmbedParams } from '../share/params';
import { NARROW, mapHeightCss } from '../share/size';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = maplibreCss;
document.head.prepend(link);
installLegendColours();

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = parseEmbedParams(location.search, location.hash);
const mapEl = byId('map');
mapEl.style.height = mapHeightCss();

if (params.title) {
  const h1 = byId('embed-title');
  h1.textContent = params.title;
  h1.hidden = false;
  document.title = `${params.title} — Source Atlas map`;
}
// Wide frames start with the legend open; narrow ones keep the map and the article close together.
byId<HTMLDetailsElement>('legend').open = innerWidth >= NARROW;

/** The preview image in place of the map (no WebGL2): the build wrote it with its alt text. */
function showPreview(): void {
  const alt =
    document.querySelector<HTMLMetaElement>('meta[property="og:image:alt"]')?.content ||
    'Map of events and weapon ranges';
  const img = document.createElement('img');
  img.className = 'embed-preview';
  img.src = new URL('preview.png', new URL(import.meta.env.BASE_URL, location.href)).href;
  img.alt = alt;
  const note = document.createElement('p');
  note.className = 'embed-preview-note';
  note.textContent =
    'This browser cannot draw the interactive map (it needs WebGL2); here is a picture of it. Open the full map for the list of events and ranges.';
  mapEl.replaceChildren(img, note);
  byId('legend').hidden = true;
}

if (document.createElement('canvas').getContext('webgl2')) {
  window.atlas = startEmbed(
    {
      map: mapEl,
      detail: byId('detail'),
      controls: byId('controls'),
      fullMap: byId<HTMLAnchorElement>('full-map'),
      status: byId('status'),
      title: byId('embed-title'),
      description: byId('embed-description'),
      source: document.querySelector<HTMLElement>('.embed-source') ?? undefined,
      steps: byId('steps'),
    },
    params,
  );
} else {
  showPreview();
}

reportHeight(new URLSearchParams(location.search).get('id') || 'source-atlas');
