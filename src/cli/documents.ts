/** documents: finding the annotated documents of an input directory. */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file or folder of the input tree that could not be followed, with why. */
export interface ListingProblem {
  path: string;
  message: string;
  /** An error unless said: a file the build will not read is a warning. */
  severity?: 'warning';
}

/** Other spellings of a Markdown file's extension: such a file is almost surely a document, but is not read. */
const MARKDOWN_LIKE = /\.(?:markdown|mdown|mkdn|mkd|mdwn|md\.txt)$|\.md$/i;

/**
 * Every `*.md` below a directory except READMEs, sorted, so builds do not depend on directory order. A file
 * named as Markdown another way (`x.markdown`, `x.MD`) is a warning, not silently skipped.
 * Symbolic links to documents and folders are followed; a file reached twice (through a link) is built
 * once, under its first path. A link that loops back to a folder it sits in, or points nowhere, is a problem.
 */
export function findDocuments(dir: string): { paths: string[]; problems: ListingProblem[] } {
  const paths: string[] = [];
  const problems: ListingProblem[] = [];
  const seenFiles = new Set<string>();
  const walk = (d: string, ancestors: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({
        path: d,
        message: `cannot list this folder (${code ?? (e as Error).message}); let the build read it (chmod a+rx) or move it out of the documents folder`,
      });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = statSync(p);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (entry.name.endsWith('.md') || code === 'ELOOP')
            problems.push({
              path: p,
              message:
                code === 'ELOOP'
                  ? 'symbolic link loops back to itself; remove it or point it at a document or folder'
                  : 'symbolic link points to nothing; remove it or point it at a document or folder',
            });
          continue;
        }
      }
      if (isDir) {
        const real = realpathSync(p);
        const loop = ancestors.find((a) => a === real);
        if (loop)
          problems.push({
            path: p,
            message: `symbolic link loops back to ${loop}, a folder it sits in; remove it or point it elsewhere`,
          });
        else {
          const before = paths.length;
          walk(p, [...ancestors, real]);
          if (entry.name.endsWith('.md') && paths.length === before)
            problems.push({
              path: p,
              severity: 'warning',
              message:
                'not read: this is a folder named like a document, and it holds no *.md document; a document is a file',
            });
        }
      } else if (isFile && entry.name.endsWith('.md') && entry.name !== 'README.md') {
        const real = realpathSync(p);
        if (seenFiles.has(real)) continue;
        seenFiles.add(real);
        paths.push(p);
      } else if (!isFile && entry.name.endsWith('.md')) {
        problems.push({
          path: p,
          severity: 'warning',
          message: 'not read: this is not a regular file (a pipe, socket or device); a document is a file',
        });
      } else if (isFile && MARKDOWN_LIKE.test(entry.name) && !/^readme\./i.test(entry.name)) {
        const stem = entry.name.replace(MARKDOWN_LIKE, '');
        problems.push({
          path: p,
          severity: 'warning',
          message: `not read: the build reads documents named *.md only; rename it ${stem}.md to build it`,
        });
      }
    }
  };
  walk(dir, [realpathSync(dir)]);
  return { paths, problems };
}

/** The documents of findDocuments, without its problems. */
export function listDocuments(dir: string): string[] {
  return findDocuments(dir).paths;
}
