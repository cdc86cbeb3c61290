/**
 * Writes a generated archive (generate.ts) to a directory: `tsx bench/scale/write.ts --docs N --events M --out DIR`
 * gives DIR/documents/*.md and DIR/areas/*.geojson, ready for `npm run data -- --in DIR/documents`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    events: { type: 'string' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
  },
});
if (!values.docs || !values.events || !values.out) {
  console.error('usage: tsx bench/scale/write.ts --docs N --events M --out DIR [--seed S]');
  process.exit(2);
}
for (const [path, text] of generateArchive({
  docs: Number(values.docs),
  events: Number(values.events),
  seed: Number(values.seed),
})) {
  mkdirSync(dirname(join(values.out, path)), { recursive: true });
  writeFileSync(join(values.out, path), text);
}
