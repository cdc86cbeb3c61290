/** documents: finding the annotated documents of an input directory. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.md` below a directory except READMEs, sorted, so builds do not depend on directory order. */
export function listDocuments(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(p);
    }
  };
  walk(dir);
  return out;
}
