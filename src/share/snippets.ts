/**
 * The HTML an article pastes to embed the map, in each flavour the README documents: pym.js, a plain
 * iframe with the resize script, and AMP. Pure (strings in, strings out), shared by the share dialog
 * and the build's oEmbed response, so the two always agree.
 */

export interface SnippetOptions {
  /** Absolute URL of the embed (embed.html with its parameters). */
  src: string;
  /** Absolute URL of the site (the directory holding embed.html, embed-resize.js, pym.v1.min.js); '' for relative URLs. */
  site: string;
  /** The iframe's accessible name. */
  title: string;
  /** Starting height (px) before the embed reports its own. */
  height: number;
  /** Width attribute for hosts that need one (oEmbed, AMP's layout); the frame still fills its column. */
  width?: number;
}

/** Script files served beside embed.html. */
export const RESIZE_SCRIPT = 'embed-resize.js';
export const PYM_SCRIPT = 'pym.v1.min.js';

const attr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const file = (name: string, site: string) => (site ? new URL(name, site).href : name);

/** pym.js: a placeholder that pym.js (served by the site) turns into a self-sizing iframe. */
export function pymSnippet({ src, site, title }: SnippetOptions): string {
  return `<div data-pym-src="${attr(src)}" data-pym-title="${attr(title)}"></div>\n<script src="${attr(file(PYM_SCRIPT, site))}" async></script>`;
}

/** A plain iframe, sized by embed-resize.js; without the script it keeps its starting height. */
export function iframeSnippet({ src, site, title, height, width }: SnippetOptions): string {
  const w = width ? ` width="${width}"` : '';
  return (
    `<iframe src="${attr(src)}" title="${attr(title)}"${w} height="${height}" ` +
    `style="display:block;width:100%;max-width:100%;height:${height}px;border:0" loading="lazy"></iframe>\n` +
    `<script src="${attr(file(RESIZE_SCRIPT, site))}" async></script>`
  );
}

/** AMP: a resizable amp-iframe (it must sit below the first viewport or have a placeholder). */
export function ampSnippet({ src, title, height, width = 600 }: SnippetOptions): string {
  return (
    `<amp-iframe src="${attr(src)}" title="${attr(title)}" width="${width}" height="${height}" layout="responsive" resizable\n` +
    `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" frameborder="0">\n` +
    `  <div overflow tabindex="0" role="button" aria-label="Show the whole map">Show the whole map</div>\n` +
    `</amp-iframe>`
  );
}
