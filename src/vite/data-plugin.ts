/**
 * The dev loop: `npm run dev` builds the data when the server starts, rebuilds it when a document
 * or an area file changes, and reloads the page; a build with errors shows them in Vite's overlay
 * and keeps the last good data.
 *
 * The output is a link to its current version (publish.ts). The plugin serves it itself, resolving
 * the link once per request: Vite's own public-file list is taken when the server starts and does
 * not follow a link made or swapped later.
 */
import { readFileSync, realpathSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, resolve as resolvePath, sep } from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { OUTPUT_FILES } from '../contract.js';
import { createDataBuilder, defaultMaps, type DataBuilder } from '../cli/build-data.js';
import { DEFAULT_IN, DEFAULT_OUT, report } from '../cli/data.js';
import { reportLines } from '../compiler/diagnostics.js';

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
  const mapsDir = defaultMaps(inDir);
  let builder: DataBuilder | null = null;

  const rebuild = async (server: ViteDevServer, reason: string) => {
    const started = performance.now();
    builder ??= createDataBuilder(inDir, { areas: areasDir, includePending: true });
    // Published file by file as it is made (build-data.ts stream), like `npm run data`.
    const result = await builder.stream();
    const code = report(result, outDir, (line) => server.config.logger.info(line));
    const ms = Math.round(performance.now() - started);
    if (code === 0) {
      server.config.logger.info(`data: rebuilt in ${ms} ms (${reason})`, { timestamp: true });
      server.ws.send({ type: 'full-reload', path: '*' });
    } else {
      const errors = reportLines(result.diagnostics.filter((d) => d.severity === 'error'));
      server.ws.send({
        type: 'error',
        err: {
          message: `Data build failed; the map shows the last good data.\n\n${errors.join('\n')}`,
          stack: '',
          plugin: 'source-atlas-data',
        },
      });
    }
  };

  return {
    name: 'source-atlas-data',
    apply: 'serve',
    configureServer(server) {
      const mount = urlOf(server, outDir);
      if (mount) server.middlewares.use(serveOutput(mount, outDir));
      void rebuild(server, 'start');
      server.watcher.add([inDir, areasDir, mapsDir]);
      const onChange = (file: string) => {
        const f = resolvePath(file);
        if (
          (f.startsWith(inDir) && f.endsWith('.md')) ||
          (f.startsWith(areasDir) && f.endsWith('.geojson')) ||
          (f.startsWith(mapsDir) && /\.ya?ml$/.test(f))
        )
          void rebuild(server, file);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}

const SERVED = new Set<string>(Object.values(OUTPUT_FILES));
const TYPES: Record<string, string> = {
  geojson: 'application/geo+json',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
};

/** The URL path the output is served under ("/data/"), when it lies in Vite's public directory. */
function urlOf(server: ViteDevServer, outDir: string): string | null {
  const { publicDir, base } = server.config;
  if (!publicDir) return null;
  const rel = relative(publicDir, outDir);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep)) return null;
  const prefix = base.startsWith('/') ? base : '/';
  return `${prefix}${rel.split(sep).join('/')}/`;
}

function serveOutput(mount: string, outDir: string): Connect.NextHandleFunction {
  return (req, res: ServerResponse, next) => {
    const path = (req.url ?? '').split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !path.startsWith(mount)) return next();
    const name = path.slice(mount.length);
    // A story's own file: maps/<id>.json (storyFile in the contract).
    if (!SERVED.has(name) && !/^maps\/[a-z0-9][a-z0-9-]*\.json$/.test(name)) return next();
    let body: Buffer;
    try {
      body = readFileSync(join(realpathSync(outDir), name));
    } catch {
      return next();
    }
    res.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
