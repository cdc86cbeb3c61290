import { defineConfig } from 'vite';
import { atlasData } from './src/cli/vite-plugin';

// Static site that works from any host under any sub-path: every URL is relative (`base: './'`).
export default defineConfig({
  base: './',
  // `npm run dev` builds public/data from the documents and rebuilds it on change (dev server only).
  plugins: [atlasData()],
  build: {
    outDir: 'dist',
    // maplibre-gl in a chunk of its own: cached across app releases, and measured apart by bench/page.ts.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
    chunkSizeWarningLimit: 1200, // kB: maplibre-gl alone is ~1 MB minified
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
