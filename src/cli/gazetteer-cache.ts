/**
 * The gazetteer's file I/O (issue 14: the compiler is pure): reads its sources (data/gazetteer/ and
 * npm package files), packs them with the compiler's `packGazetteer` on first use, and caches the
 * packed index under node_modules/.cache/source-atlas/, keyed by a hash of every input (package
 * versions, data files' contents, the gazetteer code). One process builds while others that start
 * meanwhile (test workers, build workers) wait for its file.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GAZETTEER_FORMAT, packGazetteer, unpackGazetteer, type Gazetteer } from '../compiler/gazetteer.js';
import {
  DATA_FILES,
  PACKAGE_FILES,
  readSources,
  SOURCE_PACKAGES,
  type DataFile,
  type SourceFiles,
} from '../compiler/places/sources.js';

/** The project root and its node_modules, from this file's location (src/cli/). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_MODULES = join(ROOT, 'node_modules');
const CACHE_DIR = join(NODE_MODULES, '.cache', 'source-atlas');
/** Code whose rules shape the index: a change to it rebuilds. */
const CODE = [join(ROOT, 'src/compiler/gazetteer.ts'), join(ROOT, 'src/compiler/places')];

/**
 * Hash of every input of the index: format, package versions, the package files' sizes (reading
 * the 30 MB cities file to hash it would cost more than loading the index), data files, code.
 */
export function gazetteerInputsHash(root = ROOT, nodeModules = NODE_MODULES): string {
  const h = createHash('sha256');
  h.update(`format ${GAZETTEER_FORMAT}\n`);
  for (const pkg of SOURCE_PACKAGES) h.update(readFileSync(join(nodeModules, pkg, 'package.json')));
  for (const f of Object.values(PACKAGE_FILES)) h.update(`${f} ${statSync(join(nodeModules, f)).size}\n`);
  for (const f of DATA_FILES) h.update(readFileSync(join(root, f)));
  for (const p of CODE) {
    const files = p.endsWith('.ts')
      ? [p]
      : readdirSync(p)
          .filter((f) => f.endsWith('.ts'))
          .sort()
          .map((f) => join(p, f));
    for (const f of files) h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

/** Where the cached index for the current inputs lives. */
export function gazetteerCachePath(): string {
  return join(CACHE_DIR, `gazetteer-${gazetteerInputsHash()}.bin`);
}

/** Reads every source file the compiler's `readSources` takes. */
export function readSourceFiles(root = ROOT, nodeModules = NODE_MODULES): SourceFiles {
  const data = Object.fromEntries(DATA_FILES.map((f) => [f, readFileSync(join(root, f), 'utf8')])) as Record<
    DataFile,
    string
  >;
  const packages = Object.fromEntries(
    Object.entries(PACKAGE_FILES).map(([k, f]) => [k, readFileSync(join(nodeModules, f), 'utf8')]),
  ) as Record<keyof typeof PACKAGE_FILES, string>;
  return { data, packages };
}

let loaded: { path: string; g: Gazetteer } | null = null;

/**
 * Loads the compact index; builds it from the installed npm packages + data/gazetteer on first use
 * and caches it (keyed by a hash of its inputs). Loading a cached index takes a fraction of a
 * second; building it takes about a minute on a 2-core machine, and says so on stderr first.
 */
export function loadGazetteer(): Gazetteer {
  const path = gazetteerCachePath();
  if (loaded?.path === path) return loaded.g;
  let g = readCached(path);
  if (!g) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const lock = `${path}.lock`;
    let owner = false;
    try {
      closeSync(openSync(lock, 'wx'));
      owner = true;
    } catch {
      g = waitForBuild(path, lock);
    }
    if (!g) {
      // The first run on a machine spends about a minute here with nothing else to show: a reporter's
      // first `npm run suggest` looked hung for 88 s.
      process.stderr.write(
        'place index: building it once from the installed packages (about a minute; later runs load it in a second)\n',
      );
      try {
        const bytes = packGazetteer(readSources(readSourceFiles()));
        // Write then rename, so a concurrent reader never sees half a file.
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, path);
        for (const f of readdirSync(CACHE_DIR)) {
          if (/^gazetteer-[0-9a-f]+\.bin$/.test(f) && join(CACHE_DIR, f) !== path)
            rmSync(join(CACHE_DIR, f), { force: true });
        }
        g = unpackGazetteer(bytes);
      } finally {
        if (owner) rmSync(lock, { force: true });
      }
    }
  }
  loaded = { path, g };
  return g;
}

function readCached(path: string): Gazetteer | null {
  if (!existsSync(path)) return null;
  try {
    return unpackGazetteer(readFileSync(path));
  } catch {
    return null; // A damaged or foreign file: rebuild.
  }
}

/** A lock older than this (ms) is left over from a build that died; the waiter builds itself. */
const STALE_LOCK_MS = 120_000;
/** Poll interval (ms) while another process builds. */
const POLL_MS = 200;

/** Waits for another process's build; null when its lock goes stale or disappears without a file. */
function waitForBuild(path: string, lock: string): Gazetteer | null {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const g = readCached(path);
    if (g) return g;
    let age: number;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      return readCached(path); // The builder finished or gave up.
    }
    if (age > STALE_LOCK_MS) return null;
    Atomics.wait(sleeper, 0, 0, POLL_MS);
  }
}
