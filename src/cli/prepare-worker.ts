/**
 * A worker thread of the build: claims chunks of files from the shared counter, prepares each and posts
 * it back as soon as it is done (so the main thread takes them in while it works), then posts `null`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { placeResolver } from './place-resolver.js';
import { claimChunk, prepareFiles, type PreparedChunk, type PrepareWork } from './prepare-files.js';

const work = workerData as PrepareWork;
const resolve = placeResolver();
for (let c = claimChunk(work); c; c = claimChunk(work)) {
  const chunk: PreparedChunk = {
    index: c.index,
    files: prepareFiles(c.paths, work.cwd, resolve, undefined, work.includePending ?? false),
  };
  parentPort!.postMessage(chunk);
}
parentPort!.postMessage(null);
