/**
 * The dev loop: `npm run dev` builds the data when the server starts, rebuilds it when a document
 * or an area file changes, and reloads the page; a build with errors shows them in Vite's overlay
 * and keeps the last good data.
 */
import { resolve as resolvePath } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { createDataBuilder, type DataBuilder } from './build-data.js';
import { DEFAULT_IN, DEFAULT_OUT, report } from './data.js';
import { formatDiagnostic } from '../compiler/diagnostics.js';

export interface AtlasDataOptions {
  /** Directory of annotated documents; default data/documents. */
  in?: string;
  /** Output directory, served under /data; default public/data. */
  out?: string;
  /** Directory of area files to watch as well; default data/areas. */
  areas?: string;
}

export function atlasData(options: AtlasDataOptions = {}): Plugin {
  const inDir = resolvePath(options.in ?? DEFAULT_IN);
  const outDir = resolvePath(options.out ?? DEFAULT_OUT);
  const areasDir = resolvePath(options.areas ?? resolvePath(inDir, '../areas'));
  let builder: DataBuilder | null = null;

  const rebuild = async (server: ViteDevServer, reason: string) => {
    const started = performance.now();
    builder ??= createDataBuilder(inDir, { includePending: true });
    const result = await builder.build();
    const code = report(result, outDir, (line) => server.config.logger.info(line));
    const ms = Math.round(performance.now() - started);
    if (code === 0) {
      server.config.logger.info(`data: rebuilt in ${ms} ms (${reason})`, { timestamp: true });
      server.ws.send({ type: 'full-reload', path: '*' });
    } else {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      server.ws.send({ type: 'error', err: { message: `Data build failed; the map shows the last good data.\n\n${errors.join('\n')}`, stack: '', plugin: 'source-atlas-data' } });
    }
  };

  return {
    name: 'source-atlas-data',
    apply: 'serve',
    configureServer(server) {
      void rebuild(server, 'start');
      server.watcher.add([inDir, areasDir]);
      const onChange = (file: string) => {
        const f = resolvePath(file);
        if ((f.startsWith(inDir) && f.endsWith('.md')) || (f.startsWith(areasDir) && f.endsWith('.geojson'))) void rebuild(server, file);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
