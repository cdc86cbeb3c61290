/**
 * Vite plugin for the pages' sharing metadata, run in Node at build (and dev) time:
 * - every page gets Open Graph tags for the static preview (`preview.png`, rendered after the build
 *   by scripts/snapshot.ts) with alt text written from the data (src/compiler/alt-text.ts), a
 *   `<noscript>` picture of the map, and the oEmbed discovery link;
 * - the build emits `oembed.json` (a static oEmbed "rich" response for the default view) and
 *   `pym.v1.min.js` (pym.js, so the pym snippet loads nothing from a third party).
 *
 * Absolute URLs need to know where the site will live: set ATLAS_SITE_URL (e.g.
 * `https://news.example/atlas/`). Without it the URLs are relative, which browsers resolve but
 * oEmbed consumers and social previews do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from 'vite';
import { altText } from '../compiler/alt-text.js';
import {
  OUTPUT_FILES,
  STORY_ID,
  type EventCollection,
  type RangeCollection,
  type StoryIndexEntry,
} from '../contract.js';
import { EMBED_PAGE, STORY_PARAM } from '../share/params.js';
import { estimatedHeight } from '../share/size.js';
import { PYM_SCRIPT, iframeSnippet } from '../share/snippets.js';

export const PREVIEW = { file: 'preview.png', width: 1200, height: 630 } as const;
export const OEMBED_FILE = 'oembed.json';
/** Width (px) the oEmbed response proposes; the iframe fills its column whatever the width. */
export const OEMBED_WIDTH = 600;

const NAME = 'Source Atlas';
const DESCRIPTION =
  'Where, and says who: a map of events and weapon ranges, every mark traced to a sentence of its source document.';
const GENERIC_ALT = 'Map of events and weapon ranges';

/** The line above the <noscript> picture (snapshot.ts rewords it when there is no picture). */
export const NOSCRIPT_NOTE = 'The interactive map needs JavaScript; here is a picture of it.';

/** Attribute marking what snapshot.ts removes when it could not render preview.png. */
export const PREVIEW_MARK = 'data-atlas-preview';

export interface SiteInfo {
  /** Absolute site URL ending in '/', or '' for relative URLs. */
  site: string;
  alt: string;
}

/** The alt text of the preview, from the data the build publishes (generic only when there is none yet). */
export function previewAlt(dataDir: string): string {
  const events = join(dataDir, OUTPUT_FILES.events);
  const ranges = join(dataDir, OUTPUT_FILES.ranges);
  if (!existsSync(events) || !existsSync(ranges)) return GENERIC_ALT;
  try {
    const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
    return altText(read<EventCollection>(events), read<RangeCollection>(ranges));
  } catch {
    return GENERIC_ALT;
  }
}

export function siteUrl(): string {
  const raw = (process.env.ATLAS_SITE_URL ?? '').trim();
  if (!raw) return '';
  const url = new URL(raw);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** A story's preview picture (scripts/snapshot.ts renders it after the build), beside preview.png. */
export const storyPreviewFile = (id: string): string => `preview-${id}.png`;

/** A story's oEmbed response: `oembed-<id>.json` beside oembed.json. */
export const storyOembedFile = (id: string): string => `oembed-${id}.json`;

/** The stories the data build published (data/maps.json), for their oEmbed responses; none when there is no index. */
export function publishedStories(dataDir: string): StoryIndexEntry[] {
  try {
    const list = JSON.parse(readFileSync(join(dataDir, OUTPUT_FILES.stories), 'utf8')) as StoryIndexEntry[];
    return list.filter((s) => typeof s?.id === 'string' && STORY_ID.test(s.id) && typeof s.title === 'string');
  } catch {
    return [];
  }
}

/**
 * The static oEmbed response (https://oembed.com/, section 2.3.4) for the default view, or for a story
 * (its title, and the embed of `embed.html?map=<id>`, which shows only the story's features).
 */
export function oembed(
  { site }: SiteInfo,
  story: Pick<StoryIndexEntry, 'id' | 'title'> | null = null,
): Record<string, string | number> {
  const at = (file: string) => (site ? new URL(file, site).href : file);
  const height = estimatedHeight(OEMBED_WIDTH, !!story);
  const src = story ? `${at(EMBED_PAGE)}?${STORY_PARAM}=${encodeURIComponent(story.id)}` : at(EMBED_PAGE);
  return {
    version: '1.0',
    type: 'rich',
    title: story ? story.title : `${NAME}: events and weapon ranges`,
    provider_name: NAME,
    provider_url: site || './',
    html: iframeSnippet({
      src,
      site,
      title: story ? `Map: ${story.title}` : `${NAME} map`,
      height,
      width: OEMBED_WIDTH,
    }),
    width: OEMBED_WIDTH,
    height,
    thumbnail_url: at(story ? storyPreviewFile(story.id) : PREVIEW.file),
    thumbnail_width: PREVIEW.width,
    thumbnail_height: PREVIEW.height,
    cache_age: 86_400,
  };
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tags({ site, alt }: SiteInfo): HtmlTagDescriptor[] {
  const at = (file: string) => (site ? new URL(file, site).href : `./${file}`);
  const meta = (property: string, content: string, mark = false): HtmlTagDescriptor => ({
    tag: 'meta',
    attrs: { property, content, ...(mark ? { [PREVIEW_MARK]: '' } : {}) },
    injectTo: 'head',
  });
  return [
    meta('og:type', 'website'),
    meta('og:site_name', NAME),
    meta('og:title', NAME),
    meta('og:description', DESCRIPTION),
    meta('og:image', at(PREVIEW.file), true),
    meta('og:image:width', String(PREVIEW.width), true),
    meta('og:image:height', String(PREVIEW.height), true),
    // Kept even without the image: the embed reads it for its own fallback text.
    meta('og:image:alt', alt),
    {
      tag: 'meta',
      attrs: { name: 'twitter:card', content: 'summary_large_image', [PREVIEW_MARK]: '' },
      injectTo: 'head',
    },
    {
      tag: 'link',
      attrs: { rel: 'alternate', type: 'application/json+oembed', href: at(OEMBED_FILE), title: `${NAME} map` },
      injectTo: 'head',
    },
    {
      tag: 'noscript',
      attrs: { [PREVIEW_MARK]: '' },
      // A string child is written as is: the img is a void element, which a tag descriptor would close.
      children:
        `<p class="noscript-note">${NOSCRIPT_NOTE}</p>` +
        `<img class="noscript-preview" src="${escapeAttr(at(PREVIEW.file))}" alt="${escapeAttr(alt)}" width="${PREVIEW.width}" height="${PREVIEW.height}">`,
      injectTo: 'body-prepend',
    },
  ];
}

export function atlasSite(): Plugin {
  let config: ResolvedConfig;
  const info = (): SiteInfo => ({ site: siteUrl(), alt: previewAlt(join(config.publicDir, 'data')) });
  const pymFile = () => createRequire(import.meta.url).resolve(`pym.js/dist/${PYM_SCRIPT}`);
  return {
    name: 'atlas-site',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml() {
      return tags(info());
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path.endsWith(`/${OEMBED_FILE}`)) {
          // The endpoint as oEmbed consumers call it: ?url=<the page>; a page with ?map=<id> gets its story's response.
          const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
          let id: string | null = null;
          try {
            id = new URL(query.get('url') ?? '', 'http://localhost/').searchParams.get(STORY_PARAM);
          } catch {
            id = null;
          }
          const story = id ? (publishedStories(join(config.publicDir, 'data')).find((s) => s.id === id) ?? null) : null;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(oembed(info(), story), null, 2));
        } else if (path.endsWith(`/${PYM_SCRIPT}`)) {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(pymFile()));
        } else next();
      });
    },
    generateBundle() {
      const site = info();
      if (!site.site)
        this.warn(
          'ATLAS_SITE_URL is not set: oembed.json and og:image use relative URLs (set it to the address the site will be served from).',
        );
      this.emitFile({ type: 'asset', fileName: OEMBED_FILE, source: `${JSON.stringify(oembed(site), null, 2)}\n` });
      for (const story of publishedStories(join(config.publicDir, 'data'))) {
        this.emitFile({
          type: 'asset',
          fileName: storyOembedFile(story.id),
          source: `${JSON.stringify(oembed(site, story), null, 2)}\n`,
        });
      }
      this.emitFile({ type: 'asset', fileName: PYM_SCRIPT, source: readFileSync(pymFile()) });
    },
  };
}
