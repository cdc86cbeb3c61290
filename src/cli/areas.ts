/**
 * areas: the file I/O of area files (`origin-area=`): reads one, only when it lies inside the input
 * tree, and hands its text to the compiler's pure `parseArea`.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { parseArea } from '../compiler/areas.js';
import type { AreaFile } from '../compiler/compile.js';

/** Reads and checks an area file; a file that cannot be read is an error naming the path. */
export function readArea(path: string): AreaFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { error: `file not found (${path}); the path is relative to the document` };
  }
  // A GIS or a Windows editor may save GeoJSON as UTF-16: it was "Unexpected character � found".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { error: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' };
  return parseArea(bytes.toString('utf8'));
}

/**
 * Reads an area file only when its real path (symbolic links resolved) lies inside one of `roots`
 * (the input tree: the documents directory and the areas directory). Anything else is refused
 * unread, and the message names the path only, never the file's content.
 */
export function readAreaWithin(path: string, roots: readonly string[]): AreaFile {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { error: `file not found (${path}); the path is relative to the document` };
  }
  const inside = roots.some((root) => {
    let r: string;
    try {
      r = realpathSync(root);
    } catch {
      return false;
    }
    const rel = relative(r, real);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  if (!inside) {
    const shown = roots.map((r) => relative(process.cwd(), r) || '.').join(' and ');
    return {
      error: `refused: it lies outside the input tree (symbolic links followed); an area file must lie under ${shown} (the documents and the areas directory, --areas)`,
    };
  }
  if (!statSync(real).isFile()) return { error: 'not a file; name a .geojson file' };
  return readArea(real);
}
