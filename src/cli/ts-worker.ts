/**
 * A worker thread that runs one of the project's TypeScript modules, loaded through tsx's API as the main
 * thread loads them. The module posts messages and ends by posting `null`. The build's pool
 * (build-data.ts) and batch drafting (suggest-batch.ts) both start theirs here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * Runs `entry` on `workerData`, handing each message to `onMessage`; resolves at its `null`.
 * `resourceLimits`: the worker's heap sizes (a larger young generation collects a thread that
 * allocates fast, as drafting does, less often).
 */
export function runTsWorker<M>(
  entry: URL,
  workerData: unknown,
  onMessage: (message: M) => void,
  resourceLimits?: ResourceLimits,
): Promise<void> {
  const tsxApi = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    worker.on('message', (m: M | null) => {
      if (m !== null) onMessage(m);
      else {
        resolve();
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`worker ${entry.pathname} exited with code ${code}`));
    });
  });
}
