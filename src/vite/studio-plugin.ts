/**
 * The studio's server half (dev server only, `npm run studio`): lists, opens, checks and saves the
 * documents of data/documents, and drafts a pasted article with the suggestion engine (the gazetteer
 * is loaded here, on the Node side, once). It reads and writes nothing outside data/: a document is
 * named by its file name alone, and its real path must lie in the documents directory. Saving writes
 * a temporary file beside the document and renames it over the document (atomic), after copying the
 * previous version to data/backups/.
 *
 * API (JSON, under /__studio/api/): GET documents; GET open?name=; GET place?name=&kind= (a place's
 * gazetteer candidates, as `npm run place`); POST suggest {content, title, publisher, published, url};
 * POST check {name, doc}; POST save {name, doc} (a document that does not build is not saved:
 * `saved: false` and the reason, with the diagnostics).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { Diagnostic, EventFeature, RangeFeature } from '../contract.js';
import { assemble, prepareDocument, type PreparedDocument } from '../compiler/compile.js';
import type { Resolver } from '../compiler/document-places.js';
import { parseDocumentText } from '../compiler/parse.js';
import { applyReview } from '../compiler/review.js';
import { placeResolver } from '../cli/place-resolver.js';
import { lookupPlace, type PlaceLookup } from '../compiler/places/lookup.js';
import { PLACE_KINDS, type PlaceKind } from '../contract.js';
import { loadGazetteer } from '../cli/gazetteer-cache.js';
import { CATALOGUE, definedWeapons } from '../cli/suggest.js';
import { parseCatalogue } from '../suggest/catalogue.js';
import { writeDraft } from '../suggest/draft.js';
import { detectFormat, extract, type InputFormat } from '../suggest/extract.js';
import { placeIndex } from '../suggest/place-index.js';
import type { PlaceIndex } from '../suggest/places.js';
import { suggest } from '../suggest/suggest.js';
import { EVENT_TYPES } from '../suggest/events.js';
// biome-ignore lint/correctness/useImportExtensions: a JSON module keeps its own extension
import TYPE_COLOURS from '../../data/types.json' with { type: 'json' };
import { compromiseTagger } from '../suggest/tagger.js';
import { openDocument, serialize } from '../studio/document.js';
import type { DocModel } from '../studio/model.js';

export interface StudioOptions {
  /** The data directory; default data. Documents are in its documents/, backups go to its backups/. */
  data?: string;
}

/** A document's file name → its path in the documents directory; throws when the name could lead anywhere else. */
export function documentPath(dataDir: string, name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.md$/.test(name) || name.includes('..')) {
    throw new StudioError(400, `"${String(name)}" is not a document name (letters, digits, . _ -, ending in .md)`);
  }
  const docs = resolvePath(dataDir, 'documents');
  const path = join(docs, name);
  // A link in the documents directory could point out of data/: the real path must stay inside.
  if (existsSync(path)) {
    const real = realpathSync(path);
    const root = realpathSync(resolvePath(dataDir));
    if (!real.startsWith(root + sep))
      throw new StudioError(403, `${name} is a link out of the data directory; the studio does not follow it`);
  }
  return path;
}

export class StudioError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Writes a file atomically (a temporary file in the same directory, renamed over it), keeping the previous version in backups/. Returns the backup's path, or null for a new file. */
export function saveAtomically(
  path: string,
  content: string,
  backupsDir: string,
  stamp = new Date().toISOString().replace(/[:.]/g, '-'),
): string | null {
  let backup: string | null = null;
  if (existsSync(path)) {
    mkdirSync(backupsDir, { recursive: true });
    backup = join(backupsDir, `${path.split(sep).pop()}.${stamp}.bak`);
    copyFileSync(path, backup);
  }
  const tmp = join(dirname(path), `.${path.split(sep).pop()}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return backup;
}

export interface CheckResult {
  source: string;
  events: EventFeature[];
  ranges: RangeFeature[];
  /** Each with the annotation it points at (kind and text span), when it points at one. */
  diagnostics: Array<Diagnostic & { at: { kind: string; start: number; end: number } | null }>;
}

/** The event types the suggester and the map know, for the form's list. */
export const STUDIO_EVENT_TYPES = [...new Set([...Object.keys(TYPE_COLOURS), ...EVENT_TYPES.map(([t]) => t)])].sort();

/** The studio's engine: what the plugin does, apart from HTTP (tested directly). */
export function createStudio(dataDir: string, cwd = process.cwd()) {
  const docsDir = resolvePath(dataDir, 'documents');
  let resolver: Resolver | null = null;
  let index: PlaceIndex | null = null;
  const preparedCache = new Map<string, { source: string; prepared: PreparedDocument }>();
  const shown = (path: string) => relative(cwd, path) || path;

  const prepare = (path: string, source: string): PreparedDocument => {
    const hit = preparedCache.get(path);
    if (hit && hit.source === source) return hit.prepared;
    const prepared = prepareDocument(
      applyReview(parseDocumentText(shown(path), source), true),
      (resolver ??= placeResolver()),
    );
    preparedCache.set(path, { source, prepared });
    return prepared;
  };

  return {
    list(): string[] {
      return existsSync(docsDir)
        ? readdirSync(docsDir)
            .filter((f) => f.endsWith('.md') && f !== 'README.md')
            .sort()
        : [];
    },
    open(name: unknown): { name: string; path: string; doc: DocModel } {
      const path = documentPath(dataDir, name);
      if (!existsSync(path)) throw new StudioError(404, `${String(name)} is not in ${shown(docsDir)}`);
      return { name: name as string, path: shown(path), doc: openDocument(shown(path), readFileSync(path, 'utf8')) };
    },
    /** The build of this document among the others (pending suggestions included, as the dev map shows them): its features and its diagnostics. */
    check(name: unknown, doc: DocModel): CheckResult {
      const path = documentPath(dataDir, name);
      const source = serialize(doc);
      const prepared = [prepare(path, source)];
      for (const other of this.list()) {
        const p = join(docsDir, other);
        if (p !== path) prepared.push(prepare(p, readFileSync(p, 'utf8')));
      }
      const result = assemble(prepared, { areas: new Map() });
      const id = prepared[0].meta?.id;
      const mine = (f: { properties: { claims: Array<{ document: string }> } }) =>
        f.properties.claims.some((c) => c.document === id);
      return {
        source,
        events: result.events.features.filter(mine),
        ranges: result.ranges.features.filter(mine),
        diagnostics: result.diagnostics
          .filter((d) => d.file === shown(path))
          .map((d) => {
            // The annotation a located message points at: the one whose directive or attribute is there, else the last one starting before it.
            const list = prepared[0].parsed.annotations;
            const exact = list.find(
              (a) =>
                (a.line === d.line && a.column === d.column) ||
                Object.values(a.attributePositions).some((p) => p.line === d.line && p.column === d.column),
            );
            const before = list.filter((a) => a.line < d.line || (a.line === d.line && a.column <= d.column));
            const a = exact ?? (before.length ? before[before.length - 1] : null);
            return { ...d, at: a ? { kind: a.kind, start: a.start, end: a.end } : null };
          }),
      };
    },
    /** Saves the document if it builds (warnings allowed); otherwise says why it did not. */
    save(
      name: unknown,
      doc: DocModel,
    ): CheckResult & ({ saved: true; path: string; backup: string | null } | { saved: false; reason: string }) {
      const checked = this.check(name, doc);
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length)
        return {
          ...checked,
          saved: false,
          reason: `not saved: the document has ${errors.length} error${errors.length === 1 ? '' : 's'} (listed beside the text)`,
        };
      const path = documentPath(dataDir, name);
      const backup = saveAtomically(path, checked.source, resolvePath(dataDir, 'backups'));
      return { ...checked, saved: true, path: shown(path), backup: backup && shown(backup) };
    },
    /** A place name's candidates in the gazetteer, best first: what `npm run place -- NAME [--kind KIND]` lists. */
    place(name: unknown, kind: unknown): PlaceLookup {
      if (typeof name !== 'string' || name.trim() === '' || name.length > 200)
        throw new StudioError(400, 'a place name is 1 to 200 characters');
      if (kind !== null && kind !== '' && !PLACE_KINDS.includes(kind as PlaceKind))
        throw new StudioError(400, `kind "${String(kind)}" is not one of ${PLACE_KINDS.join(', ')}`);
      return lookupPlace(loadGazetteer(), name.trim(), { ...(kind ? { kind: kind as PlaceKind } : {}), max: 8 });
    },
    /** A draft of a pasted article: every annotation a pending suggestion. */
    suggest(input: {
      content: string;
      format?: InputFormat;
      title?: string;
      publisher?: string;
      published?: string;
      url?: string;
    }): { name: string; doc: DocModel } {
      if (typeof input.content !== 'string' || input.content.trim() === '')
        throw new StudioError(400, 'paste or drop an article first');
      if (input.published && !/^\d{4}-\d{2}-\d{2}$/.test(input.published))
        throw new StudioError(400, `date "${input.published}" is not YYYY-MM-DD`);
      if (input.url && !/^https?:\/\//.test(input.url))
        throw new StudioError(400, `URL "${input.url}" is not an http(s) link`);
      const content = input.content.replace(/^\uFEFF/, '');
      const extracted = extract(content, input.format ?? detectFormat(content));
      const text = extracted.text;
      const published = input.published || extracted.published;
      const id = `draft_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
      const { suggestions } = suggest(text, {
        docId: id,
        published,
        index: (index ??= placeIndex(loadGazetteer())),
        catalogue: parseCatalogue(readFileSync(CATALOGUE, 'utf8')),
        tagger: compromiseTagger,
        knownWeapons: definedWeapons(docsDir),
      });
      const source = writeDraft(
        {
          id,
          title: input.title || extracted.title || text.split('\n')[0].slice(0, 120),
          publisher: input.publisher || extracted.publisher,
          author: extracted.author,
          published,
          url: input.url || null,
          notes: 'Drafted in the studio from npm run suggest; reviewed there.',
        },
        text,
        suggestions,
      );
      const name = `${id}.md`;
      // Not on disk until saved; edited, so that saving writes it.
      return { name, doc: { ...openDocument(shown(join(docsDir, name)), source), edited: true } };
    },
  };
}

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new StudioError(413, 'too large: an article is tens of kB'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new StudioError(400, 'not JSON'));
      }
    });
    req.on('error', reject);
  });
}

export function atlasStudio(options: StudioOptions = {}): Plugin {
  const dataDir = resolvePath(options.data ?? 'data');
  return {
    name: 'source-atlas-studio',
    apply: 'serve',
    configureServer(server) {
      const studio = createStudio(dataDir);
      server.middlewares.use(async (req, res: ServerResponse, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/__studio/api/')) return next();
        const send = (status: number, body: unknown) => {
          res.statusCode = status;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(body));
        };
        try {
          const route = `${req.method} ${url.pathname.slice('/__studio/api/'.length)}`;
          if (route === 'GET documents') return send(200, { documents: studio.list(), eventTypes: STUDIO_EVENT_TYPES });
          if (route === 'GET open') return send(200, studio.open(url.searchParams.get('name')));
          if (route === 'GET place')
            return send(200, studio.place(url.searchParams.get('name'), url.searchParams.get('kind')));
          // Writes only from the page itself (a JSON POST a cross-site form cannot make).
          if (req.method === 'POST' && !(req.headers['content-type'] ?? '').startsWith('application/json'))
            throw new StudioError(415, 'JSON only');
          const body = (await readBody(req)) as Record<string, unknown>;
          if (route === 'POST suggest') return send(200, studio.suggest(body as never));
          if (route === 'POST check') return send(200, studio.check(body.name, body.doc as DocModel));
          if (route === 'POST save') return send(200, studio.save(body.name, body.doc as DocModel));
          return send(404, { error: `no such studio call: ${route}` });
        } catch (e) {
          const status = e instanceof StudioError ? e.status : 500;
          if (status === 500) server.config.logger.error(`studio: ${(e as Error).stack}`);
          return send(status, { error: (e as Error).message });
        }
      });
    },
  };
}
