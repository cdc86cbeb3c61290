/**
 * `npm run place -- "name" [--kind KIND] [--json] [--max N]`: a name's candidates in the offline
 * gazetteer, best first (the first is what a document that names only it resolves to), each with
 * kind, country, admin1, population, coordinates, precision and the `geonames=`/`wikidata=` that
 * pins it; for a name no place has, the places suggested for it. Exit 1 when nothing matches, 2 on
 * wrong usage.
 */
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PlaceKind } from '../contract.js';
import { loadGazetteer } from './gazetteer-cache.js';
import { formatLookup, lookupPlace } from '../compiler/places/lookup.js';

const KINDS: readonly PlaceKind[] = ['site', 'city', 'region', 'country', 'area', 'continent'];
const USAGE = `usage: npm run place -- "name" [--kind ${KINDS.join('|')}] [--json] [--max N]`;

export function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { kind: { type: 'string' }, json: { type: 'boolean' }, max: { type: 'string' } },
    });
  } catch (e) {
    err(`place: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const name = positionals.join(' ').trim();
  if (!name) {
    err(`place: give a name to look up\n${USAGE}\n`);
    return 2;
  }
  if (v.kind !== undefined && !KINDS.includes(v.kind as PlaceKind)) {
    err(`place: --kind "${v.kind}" is not one of ${KINDS.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const max = v.max === undefined ? undefined : Number(v.max);
  if (max !== undefined && !(Number.isInteger(max) && max >= 1 && max <= 100)) {
    err(`place: --max "${v.max}" is not a whole number from 1 to 100\n${USAGE}\n`);
    return 2;
  }
  const lookup = lookupPlace(loadGazetteer(), name, {
    ...(v.kind ? { kind: v.kind as PlaceKind } : {}),
    ...(max ? { max } : {}),
  });
  out(v.json ? `${JSON.stringify(lookup, null, 2)}\n` : formatLookup(lookup));
  return lookup.rows.length > 0 ? 0 : 1;
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
