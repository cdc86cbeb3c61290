import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { atlasData } from './src/vite/data-plugin.js';
import { atlasSite } from './src/vite/site-plugin.js';
import { atlasStudio } from './src/vite/studio-plugin.js';

// Static site that works from any host under any sub-path: every URL is relative (`base: './'`).
export default defineConfig({
  base: './',
  // `npm run dev` builds public/data from the documents and rebuilds it on change (dev server only).
  // atlasSite: sharing metadata (og:image, oEmbed) in every page, oembed.json and pym.js beside them.
  // atlasStudio: the editor's server half (studio.html, `npm run studio`); dev server only, never built.
  plugins: [atlasData(), atlasSite(), atlasStudio()],
  build: {
    outDir: 'dist',
    // maplibre-gl in a chunk of its own: cached across app releases, and measured apart by bench/page.ts.
    rolldownOptions: {
      // The app, and the map for articles (embed.html; see src/embed/).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            // What the app and the embed share (src/map, src/share, the basemap, the contract), under a name
            // that says so. Never a page's own entry (app/main.ts, embed/main.ts, bench/pages/*): in this
            // chunk, its top-level code would run in every page that loads the chunk (the bench's app drew
            // the bare map under its own).
            { name: 'atlas', test: /[\\/]src[\\/](?:map|share|basemap|contract)[\\/.]/ },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 1200, // kB: maplibre-gl alone is ~1 MB minified
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
