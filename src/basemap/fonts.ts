/**
 * The label fonts, bundled: Noto Sans woff2 subsets from @fontsource/noto-sans, declared in the style's
 * root `font-faces` property so that MapLibre draws labels without a glyph server. A subset file is
 * downloaded only when a label needs a character in its range.
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';

/** Names for `text-font`. One weight only: each face costs a download and glyph rasterizing. */
export const FONT = {
  regular: ['Noto Sans Regular'],
} as const;

// Unicode ranges of the fontsource subsets (from its index.css).
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
const CYRILLIC = 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116';

/** Absolute URL: MapLibre may fetch from a worker, where a relative URL means something else. */
function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

export function fontFaces(): FontFacesSpecification {
  const face = (url: string, range: string) => ({ url: absolute(url), 'unicode-range': range.split(',') });
  return {
    [FONT.regular[0]]: [face(latin400, LATIN), face(cyrillic400, CYRILLIC), face(latinExt400, LATIN_EXT)],
  };
}
